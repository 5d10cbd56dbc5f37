/// The original decoded text of a source, as an array of Unicode scalar values.
///
/// Every offset Zongjie reports is an index into `scalars`: a code-point offset, so that a Python
/// user's `text[start:end]` equals the reported text. Working on integer indices into a flat array
/// keeps every scanner off `Character` and `String.Index`.
public struct SourceText: Sendable, Equatable {
    public let scalars: [UInt32]

    public init(scalars: [UInt32]) {
        self.scalars = scalars
    }

    public init(_ string: String) {
        var values: [UInt32] = []
        values.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars { values.append(scalar.value) }
        self.scalars = values
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }

    /// The whole text as a `String`.
    public var string: String { String(scalarValues: scalars[...]) }

    /// The text of a half-open code-point range.
    public func string(in range: Range<Int>) -> String {
        String(scalarValues: scalars[range])
    }

    /// Offsets of the first scalar of every line (LF, CRLF and CR all end a line).
    public func lineStarts() -> [Int] {
        var starts = [0]
        var index = 0
        let count = scalars.count
        while index < count {
            let value = scalars[index]
            if value == 0x0A {
                starts.append(index + 1)
            } else if value == 0x0D {
                if index + 1 < count, scalars[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }
}

extension String {
    /// Builds a string from Unicode scalar values without going through `Character`.
    /// Values that are not scalars (surrogates, > U+10FFFF) become U+FFFD.
    public init<C: Collection>(scalarValues: C) where C.Element == UInt32 {
        // UTF-8 written straight into the string's own storage (inline for up to 15 bytes, as
        // most record texts and names are): no intermediate byte array.
        self.init(unsafeUninitializedCapacity: scalarValues.count * 4) { buffer in
            var count = 0
            for value in scalarValues { count = UTF8Encoding.write(value, into: buffer, at: count) }
            return count
        }
    }
}

/// Minimal UTF-8 encoding of scalar values into a byte buffer.
enum UTF8Encoding {
    /// Writes a scalar value's UTF-8 at `index` (the buffer has room for four bytes there);
    /// returns the index after it.
    @inline(__always)
    static func write(_ value: UInt32, into bytes: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        switch value {
        case 0..<0x80:
            bytes[index] = UInt8(value)
            return index + 1
        case 0x80..<0x800:
            bytes[index] = UInt8(0xC0 | (value >> 6))
            bytes[index + 1] = UInt8(0x80 | (value & 0x3F))
            return index + 2
        case 0xD800..<0xE000, 0x110000...:
            bytes[index] = 0xEF
            bytes[index + 1] = 0xBF
            bytes[index + 2] = 0xBD
            return index + 3
        case 0x800..<0x10000:
            bytes[index] = UInt8(0xE0 | (value >> 12))
            bytes[index + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            bytes[index + 2] = UInt8(0x80 | (value & 0x3F))
            return index + 3
        default:
            bytes[index] = UInt8(0xF0 | (value >> 18))
            bytes[index + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            bytes[index + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            bytes[index + 3] = UInt8(0x80 | (value & 0x3F))
            return index + 4
        }
    }

    /// Number of UTF-8 bytes a scalar value takes.
    @inline(__always)
    static func width(_ value: UInt32) -> Int {
        switch value {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }
}
