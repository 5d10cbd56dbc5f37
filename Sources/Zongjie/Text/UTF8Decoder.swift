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

    /// Decodes into a buffer of one scalar per byte at most, with plain locals: no closure
    /// captures a mutable variable, so the loop pays for no dynamic exclusivity check.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var invalid = 0
        var offsets: [Int] = []
        var multiByte = 0
        var nuls = 0
        let count = bytes.count
        let scalars = [UInt32](unsafeUninitializedCapacity: max(count, 1)) { out, initialized in
            var written = 0
            var index = 0
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead == 0 { nuls += 1 }
                    out[written] = UInt32(lead)
                    written += 1
                    index += 1
                    continue
                }
                // Three-byte sequences that can be neither overlong (E0) nor surrogates (ED): the
                // bulk of Chinese text, decoded without the general loop.
                if lead >= 0xE1, lead != 0xED, lead <= 0xEF, index + 2 < count {
                    let second = bytes[index + 1]
                    let third = bytes[index + 2]
                    if second & 0xC0 == 0x80, third & 0xC0 == 0x80 {
                        out[written] = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                        written += 1
                        multiByte += 1
                        index += 3
                        continue
                    }
                }
                let length: Int
                var value: UInt32
                let minimum: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F); minimum = 0x80
                case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F); minimum = 0x800
                case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07); minimum = 0x10000
                default: length = 0; value = 0; minimum = 0
                }
                var next = index + 1
                var ok = length > 0
                if ok, index + length > count {
                    // Truncated sequence at the end: one replacement for what is there.
                    var valid = true
                    for k in 1..<(count - index) where bytes[index + k] & 0xC0 != 0x80 { valid = false }
                    ok = false
                    if valid { next = count }
                } else if ok {
                    for k in 1..<length {
                        let continuation = bytes[index + k]
                        if continuation & 0xC0 != 0x80 { ok = false; break }
                        value = (value << 6) | UInt32(continuation & 0x3F)
                    }
                    ok = ok && value >= minimum && value <= 0x10FFFF && !(0xD800...0xDFFF).contains(value)
                }
                if ok {
                    out[written] = value
                    multiByte += 1
                    next = index + length
                } else {
                    invalid += 1
                    if offsets.count < recordedOffsetLimit { offsets.append(index) }
                    out[written] = 0xFFFD
                }
                written += 1
                index = next
            }
            initialized = written
        }
        return Result(scalars: scalars, invalidSequences: invalid, invalidByteOffsets: offsets,
                      multiByteSequences: multiByte, nulBytes: nuls)
    }
}
