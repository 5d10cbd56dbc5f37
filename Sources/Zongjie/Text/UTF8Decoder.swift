/// A strict UTF-8 decoder into scalar values that replaces each malformed sequence with U+FFFD
/// and counts the replacements, so that one bad byte costs a warning and not the file.
struct UTF8Decoder {
    struct Result {
        var scalars: [UInt32]
        var invalidSequences: Int
        var invalidByteOffsets: [Int]
        var multiByteSequences: Int
        var nulBytes: Int
    }

    /// Records at most this many offsets of malformed sequences for warnings.
    static let recordedOffsetLimit = 16

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(bytes.count)
        var invalid = 0
        var offsets: [Int] = []
        var multiByte = 0
        var nuls = 0
        let count = bytes.count
        var index = 0

        @inline(__always) func fail(at position: Int) {
            invalid += 1
            if offsets.count < recordedOffsetLimit { offsets.append(position) }
            scalars.append(0xFFFD)
        }

        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { nuls += 1 }
                scalars.append(UInt32(lead))
                index += 1
                continue
            }
            let length: Int
            var value: UInt32
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07); minimum = 0x10000
            default:
                fail(at: index)
                index += 1
                continue
            }
            if index + length > count {
                // Truncated sequence at the end: replace what is there, one replacement.
                var valid = true
                for k in 1..<(count - index) where bytes[index + k] & 0xC0 != 0x80 { valid = false }
                fail(at: index)
                index = valid ? count : index + 1
                continue
            }
            var ok = true
            for k in 1..<length {
                let continuation = bytes[index + k]
                if continuation & 0xC0 != 0x80 { ok = false; break }
                value = (value << 6) | UInt32(continuation & 0x3F)
            }
            if ok, value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) {
                scalars.append(value)
                multiByte += 1
                index += length
            } else {
                fail(at: index)
                index += 1
            }
        }
        return Result(scalars: scalars, invalidSequences: invalid, invalidByteOffsets: offsets,
                      multiByteSequences: multiByte, nulBytes: nuls)
    }
}
