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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalarValues.count * 3)
        for value in scalarValues { UTF8Encoding.append(value, to: &bytes) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

/// Minimal UTF-8 encoding of scalar values into a byte buffer.
enum UTF8Encoding {
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0xD800..<0xE000, 0x110000...:
            bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
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
