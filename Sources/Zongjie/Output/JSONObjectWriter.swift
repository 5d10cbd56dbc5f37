/// Writes one JSON object with keys in the order they are added: Zongjie's JSONL output has a
/// fixed key order (kind, source, start, end, text, …) that a reader can rely on and diff.
public struct JSONObjectWriter {
    private var buffer = "{"
    private var first = true

    public init() { buffer.reserveCapacity(256) }

    private mutating func key(_ name: String) {
        if !first { buffer += "," }
        first = false
        JSONObjectWriter.appendQuoted(name, to: &buffer)
        buffer += ":"
    }

    public mutating func add(_ name: String, _ value: String) {
        key(name)
        JSONObjectWriter.appendQuoted(value, to: &buffer)
    }

    public mutating func add(_ name: String, _ value: String?) {
        key(name)
        if let value { JSONObjectWriter.appendQuoted(value, to: &buffer) } else { buffer += "null" }
    }

    public mutating func add(_ name: String, _ value: Int) {
        key(name)
        buffer += String(value)
    }

    public mutating func add(_ name: String, _ value: Int?) {
        key(name)
        buffer += value.map { String($0) } ?? "null"
    }

    public mutating func add(_ name: String, _ value: Double?) {
        key(name)
        buffer += value.map(JSONObjectWriter.number) ?? "null"
    }

    public mutating func add(_ name: String, _ value: Bool) {
        key(name)
        buffer += value ? "true" : "false"
    }

    public mutating func add(_ name: String, _ values: [String]) {
        key(name)
        buffer += "["
        for (index, value) in values.enumerated() {
            if index > 0 { buffer += "," }
            JSONObjectWriter.appendQuoted(value, to: &buffer)
        }
        buffer += "]"
    }

    /// Adds an already-serialized JSON value (an object or array built by another writer).
    public mutating func addRaw(_ name: String, _ json: String) {
        key(name)
        buffer += json
    }

    public mutating func finish() -> String {
        buffer += "}"
        return buffer
    }

    /// Integers print without a fraction; other values with the shortest round-tripping form.
    public static func number(_ value: Double) -> String {
        if value.isNaN || value.isInfinite { return "null" }
        if value == value.rounded(), abs(value) < 9.007_199_254_740_992e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    public static func appendQuoted(_ string: String, to buffer: inout String) {
        buffer += "\""
        // Almost every string needs no escape: append it whole.
        if !needsEscape(string) {
            buffer += string
            buffer += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": buffer += "\\\""
            case "\\": buffer += "\\\\"
            case "\n": buffer += "\\n"
            case "\r": buffer += "\\r"
            case "\t": buffer += "\\t"
            case "\u{08}": buffer += "\\b"
            case "\u{0C}": buffer += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    buffer += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    buffer.unicodeScalars.append(scalar)
                }
            }
        }
        buffer += "\""
    }

    /// Whether the string holds a quote, a backslash, a control character or U+2028/U+2029
    /// (E2 80 A8/A9 in UTF-8), by one pass over its UTF-8.
    private static func needsEscape(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    return true
                }
            }
            return false
        }
    }

    public static func quoted(_ string: String) -> String {
        var buffer = ""
        appendQuoted(string, to: &buffer)
        return buffer
    }
}
