/// Writes one JSON object with keys in the order they are added: Zongjie's JSONL output has a
/// fixed key order (kind, source, start, end, text, …) that a reader can rely on and diff.
///
/// The object is built as UTF-8 bytes, not as a String: a dataset is hundreds of thousands of
/// lines, and appending to a String re-checks its storage and counts for every piece.
public struct JSONObjectWriter {
    private var bytes: [UInt8] = [0x7B]   // {
    private var first = true

    public init() { bytes.reserveCapacity(256) }

    /// Keys are Zongjie's own ASCII names: no escaping needed.
    private mutating func key(_ name: StaticString) {
        if !first { bytes.append(0x2C) }   // ,
        first = false
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)   // :
    }

    private static let null: [UInt8] = Array("null".utf8)

    private mutating func appendNull() {
        bytes.append(contentsOf: Self.null)
    }

    public mutating func add(_ name: StaticString, _ value: String) {
        key(name)
        JSONObjectWriter.appendQuoted(value, to: &bytes)
    }

    public mutating func add(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { JSONObjectWriter.appendQuoted(value, to: &bytes) } else { appendNull() }
    }

    public mutating func add(_ name: StaticString, _ value: Int) {
        key(name)
        JSONObjectWriter.appendInteger(Int64(value), to: &bytes)
    }

    public mutating func add(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { JSONObjectWriter.appendInteger(Int64(value), to: &bytes) } else { appendNull() }
    }

    public mutating func add(_ name: StaticString, _ value: Double) {
        key(name)
        JSONObjectWriter.appendNumber(value, to: &bytes)
    }

    public mutating func add(_ name: StaticString, _ value: Double?) {
        key(name)
        if let value { JSONObjectWriter.appendNumber(value, to: &bytes) } else { appendNull() }
    }

    public mutating func add(_ name: StaticString, _ value: Bool) {
        key(name)
        JSONObjectWriter.appendBool(value, to: &bytes)
    }

    public mutating func add(_ name: StaticString, _ values: [String]) {
        key(name)
        JSONObjectWriter.appendQuotedArray(values, to: &bytes)
    }

    /// Adds an already-serialized JSON value (an object or array built by another writer).
    public mutating func addRaw(_ name: StaticString, _ json: String) {
        key(name)
        bytes.append(contentsOf: json.utf8)
    }

    /// The object as a String.
    public mutating func finish() -> String {
        bytes.append(0x7D)   // }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the object's UTF-8 to `output` (a line of a JSONL stream, without a String).
    public mutating func finish(appendingTo output: inout [UInt8]) {
        bytes.append(0x7D)
        output.append(contentsOf: bytes)
    }

    // MARK: Values

    /// Integers print without a fraction; other values with the shortest round-tripping form.
    public static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `number(value)`'s UTF-8.
    public static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        if value.isNaN || value.isInfinite {
            bytes.append(contentsOf: null)
        } else if let integer = exactInteger(value) {
            appendInteger(integer, to: &bytes)
        } else {
            bytes.append(contentsOf: "\(value)".utf8)
        }
    }

    /// The integer that `value` prints as, when it is a whole number below 2^53 in magnitude
    /// (where every integer is exact); nil for other values, which print in their shortest form.
    public static func exactInteger(_ value: Double) -> Int64? {
        value == value.rounded() && abs(value) < 9.007_199_254_740_992e15 ? Int64(value) : nil
    }

    /// Appends `true` or `false`.
    public static func appendBool(_ value: Bool, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: value ? trueBytes : falseBytes)
    }

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)

    /// Appends the decimal digits of `value`.
    public static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value >= 0 && value < 10 {
            bytes.append(0x30 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            let count = writeInteger(value, to: buffer.baseAddress!)
            // A typed buffer appends as one copy; a raw buffer's slice went element by element.
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Writes the decimal digits of `value` (after a minus sign when it is negative) at
    /// `destination`, which has room for 20 bytes, and returns how many it wrote: for writers that
    /// fill their own buffers.
    public static func writeInteger(_ value: Int64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var start = 0
        if value < 0 {
            destination[0] = 0x2D
            start = 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var power: UInt64 = 10
        while digits < 19, magnitude >= power {
            digits += 1
            power &*= 10
        }
        let end = start + digits
        var position = end
        repeat {
            position -= 1
            destination[position] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        } while position > start
        return end
    }

    // MARK: Strings

    public static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON array of strings, such as a section path: `["一、基本情况","（一）派出人员"]`.
    public static func quotedArray(_ strings: [String]) -> String {
        var bytes: [UInt8] = []
        appendQuotedArray(strings, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `quotedArray(strings)`'s UTF-8.
    public static func appendQuotedArray(_ strings: [String], to bytes: inout [UInt8]) {
        bytes.append(0x5B)   // [
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            appendQuoted(string, to: &bytes)
        }
        bytes.append(0x5D)   // ]
    }

    public static func appendQuoted(_ string: String, to buffer: inout String) {
        buffer += quoted(string)
    }

    /// Appends the string as a JSON string: runs of bytes that need no escape are copied whole;
    /// a quote, a backslash, a control character and U+2028/U+2029 (E2 80 A8/A9, which end a line
    /// in JavaScript) are escaped.
    public static func appendQuoted(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var string = string
        string.withUTF8 { utf8 in
            let count = utf8.count
            var runStart = 0
            var index = 0
            while index < count {
                let byte = utf8[index]
                var length = 1
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    // escaped below
                } else if byte == 0xE2, index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                    length = 3
                } else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(length == 3 ? (utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029) : UInt32(byte), to: &bytes)
                index += length
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
        bytes.append(0x22)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendEscape(_ scalar: UInt32, to bytes: inout [UInt8]) {
        bytes.append(0x5C)   // \
        switch scalar {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x0A: bytes.append(0x6E)   // n
        case 0x0D: bytes.append(0x72)   // r
        case 0x09: bytes.append(0x74)   // t
        case 0x08: bytes.append(0x62)   // b
        case 0x0C: bytes.append(0x66)   // f
        default:
            // \u followed by four lowercase hex digits.
            bytes.append(0x75)
            for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hexDigits[Int((scalar >> UInt32(shift)) & 0xF)]) }
        }
    }
}
