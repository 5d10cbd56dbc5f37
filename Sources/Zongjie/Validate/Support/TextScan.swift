/// Character tests and small scans the rules share, on normalized scalars.
enum TextScan {
    static let comma: UInt32 = 0x2C          // , (，folded)
    static let colon: UInt32 = 0x3A          // : (：folded)
    static let semicolon: UInt32 = 0x3B      // ; (；folded)
    static let period: UInt32 = 0x3002       // 。
    static let enumerationComma: UInt32 = 0x3001   // 、
    static let openParen: UInt32 = 0x28      // ( (（folded)
    static let closeParen: UInt32 = 0x29     // )
    static let newline: UInt32 = 0x0A

    /// Ends a paragraph.
    @inline(__always)
    static func isLineBreak(_ c: UInt32) -> Bool { c == 0x0A || c == 0x0D }

    /// Ends a sentence (。！？ and line breaks); ；is a clause separator here.
    @inline(__always)
    static func isSentenceEnd(_ c: UInt32) -> Bool { c == period || c == 0x21 || c == 0x3F || isLineBreak(c) }

    /// Separates the items of a list or the clauses of a sentence.
    @inline(__always)
    static func isSeparator(_ c: UInt32) -> Bool {
        c == comma || c == enumerationComma || c == semicolon || c == colon
    }

    @inline(__always)
    static func isHan(_ c: UInt32) -> Bool { CharacterClass.of(c) == .han }

    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0 }

    /// The end of the sentence that holds `position` (。！？ or a line break), at most `limit` on.
    static func sentenceEnd(_ s: [UInt32], from position: Int, limit: Int = 400) -> Int {
        var end = position
        while end < s.count, end - position < limit, !isSentenceEnd(s[end]) { end += 1 }
        return end
    }

    /// The start of the sentence that holds `position`.
    static func sentenceStart(_ s: [UInt32], before position: Int, limit: Int = 400) -> Int {
        var start = position
        while start > 0, position - start < limit, !isSentenceEnd(s[start - 1]) { start -= 1 }
        return start
    }

    /// The start of the paragraph (line) that holds `position`.
    static func paragraphStart(_ s: [UInt32], before position: Int) -> Int {
        var start = min(position, s.count)
        while start > 0, !isLineBreak(s[start - 1]) { start -= 1 }
        return start
    }

    /// The end of the paragraph (line) that holds `position`.
    static func paragraphEnd(_ s: [UInt32], from position: Int) -> Int {
        var end = position
        while end < s.count, !isLineBreak(s[end]) { end += 1 }
        return end
    }

    /// The start of the clause before `position` (after the last separator or sentence end).
    static func clauseStart(_ s: [UInt32], before position: Int, floor: Int = 0) -> Int {
        var start = position
        while start > floor, !isSeparator(s[start - 1]), !isSentenceEnd(s[start - 1]) { start -= 1 }
        return start
    }

    /// True when any of `words` occurs in `range`.
    static func contains(_ s: [UInt32], _ words: [[UInt32]], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        for word in words where s.contains(word, in: range) { return true }
        return false
    }

    /// The first of `words` that starts at `position`.
    static func word(_ s: [UInt32], _ words: [[UInt32]], at position: Int) -> [UInt32]? {
        for word in words where s.hasPrefix(word, at: position) { return word }
        return nil
    }

    /// Han characters only, as a string (labels of list items).
    static func hanText(_ s: [UInt32], _ range: Range<Int>) -> String {
        String(scalarValues: s[range.clamped(to: 0..<s.count)].filter { isHan($0) })
    }
}

extension String {
    /// The scalar values of a string.
    var scalarArray: [UInt32] { unicodeScalars.map(\.value) }
}
