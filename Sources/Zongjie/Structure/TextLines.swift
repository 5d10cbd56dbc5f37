/// The physical lines of a normalized text, with their content trimmed of surrounding spaces.
/// Zongjie's pages keep one paragraph per line; every structural decision starts from lines.
struct TextLine: Sendable {
    /// Line including leading/trailing spaces, excluding the line break.
    var range: Range<Int>
    /// Content without surrounding whitespace (empty for blank lines).
    var content: Range<Int>
    var isBlank: Bool { content.isEmpty }
}

enum TextLines {
    static func split(_ s: [UInt32]) -> [TextLine] {
        var lines: [TextLine] = []
        lines.reserveCapacity(s.count / 40 + 1)
        var start = 0
        var index = 0
        let count = s.count
        func close(_ end: Int) {
            var a = start
            var b = end
            while a < b, isSpace(s[a]) { a += 1 }
            while b > a, isSpace(s[b - 1]) { b -= 1 }
            lines.append(TextLine(range: start..<end, content: a..<b))
        }
        while index < count {
            let c = s[index]
            if c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 || c == 0x85 {
                close(index)
                if c == 0x0D, index + 1 < count, s[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < count || count == 0 || lines.isEmpty { close(count) }
        return lines
    }

    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0 || c == 0x0B || c == 0x0C || c == 0xFEFF || c == 0x200B
    }
}

/// Small scanning helpers over scalar arrays.
extension Array where Element == UInt32 {
    @inline(__always)
    func hasPrefix(_ prefix: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + prefix.count <= count else { return false }
        for k in 0..<prefix.count where self[index + k] != prefix[k] { return false }
        return true
    }

    func firstIndex(of pattern: [UInt32], in range: Range<Int>) -> Int? {
        guard !pattern.isEmpty, range.count >= pattern.count else { return nil }
        var index = range.lowerBound
        while index + pattern.count <= range.upperBound {
            if hasPrefix(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    func contains(_ pattern: [UInt32], in range: Range<Int>) -> Bool {
        firstIndex(of: pattern, in: range) != nil
    }

    func count(of value: UInt32, in range: Range<Int>) -> Int {
        var total = 0
        for index in range where self[index] == value { total += 1 }
        return total
    }
}

/// Scalar arrays of string literals, built once.
@inline(__always)
func scalars(_ string: String) -> [UInt32] { string.unicodeScalars.map(\.value) }
