/// What every extractor of one document shares: the normalized text, which positions may hold
/// records (not boilerplate, not SEO delimiter lines), line starts, and the record factory that
/// maps normalized ranges back to the original text.
struct ExtractionContext {
    let document: Document
    let s: [UInt32]
    /// True where no record may start (boilerplate, delimiter lines).
    let blocked: [Bool]
    /// Normalized offsets where lines start.
    let lineStarts: [Int]
    /// Per normalized position: width folding changed the original character.
    let folded: [Bool]

    init(document: Document, structure: PageStructure) {
        self.document = document
        let normalized = document.normalized
        self.s = normalized.scalars
        var blocked = [Bool](repeating: false, count: s.count)
        for range in structure.recordFreeRanges {
            let from = normalized.normalizedOffset(ofOriginal: range.lowerBound)
            let to = normalized.normalizedOffset(ofOriginal: range.upperBound)
            if from < to { for index in from..<to { blocked[index] = true } }
        }
        self.blocked = blocked
        var starts = [0]
        for (index, c) in s.enumerated() where c == 0x0A || (c == 0x0D && !(index + 1 < s.count && s[index + 1] == 0x0A)) {
            starts.append(index + 1)
        }
        self.lineStarts = starts
        // A position is folded when it does not stand for exactly the same one original scalar.
        let original = document.text.scalars
        let normalizedScalars = s
        self.folded = [Bool](unsafeUninitializedCapacity: s.count) { folded, initialized in
            normalized.originStarts.withUnsafeBufferPointer { starts in
                normalized.originEnds.withUnsafeBufferPointer { ends in
                    original.withUnsafeBufferPointer { original in
                        normalizedScalars.withUnsafeBufferPointer { scalars in
                            for index in 0..<scalars.count {
                                let start = Int(starts[index])
                                folded[index] = Int(ends[index]) - start != 1 || original[start] != scalars[index]
                            }
                        }
                    }
                }
            }
            initialized = normalizedScalars.count
        }
    }

    var count: Int { s.count }

    @inline(__always)
    func isBlocked(_ range: Range<Int>) -> Bool {
        blocked[range.lowerBound] || (range.upperBound > range.lowerBound && blocked[range.upperBound - 1])
    }

    /// Builds a record from a normalized range.
    func record(_ range: Range<Int>, rule: String, value: RecordValue) -> Record {
        let original = document.normalized.originalRange(range)
        return Record(start: original.lowerBound, end: original.upperBound, text: document.text.string(in: original),
                      rule: rule, value: value)
    }

    /// Original text of a normalized range (for names, units, nouns).
    func text(_ range: Range<Int>) -> String {
        document.text.string(in: document.normalized.originalRange(range))
    }

    /// The start of the line holding `position`.
    func lineStart(of position: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= position { low = middle + 1 } else { high = middle }
        }
        return lineStarts[max(0, low - 1)]
    }

    /// True when `position` is the first non-space character of its line.
    func isLineStart(_ position: Int) -> Bool {
        var k = position - 1
        while k >= 0, s[k] == 0x20 || s[k] == 0x3000 || s[k] == 0x09 { k -= 1 }
        return k < 0 || s[k] == 0x0A || s[k] == 0x0D
    }

    /// The previous non-blank line ends mid-sentence (a page break cut it).
    func previousLineIsBroken(before position: Int) -> Bool {
        var k = lineStart(of: position) - 1
        while k >= 0, s[k] == 0x0A || s[k] == 0x0D || s[k] == 0x20 || s[k] == 0x3000 { k -= 1 }
        guard k >= 0 else { return false }
        switch s[k] {
        case 0x3002, 0x21, 0x3F, 0x3B, 0x3A, 0x201D, 0x29, 0x300B: return false
        default: return CharacterClass.of(s[k]) == .han || CharacterClass.of(s[k]) == .digit
        }
    }

    /// Bounds of the clause around `position` (between ，。；！？：、 and line breaks are not
    /// clause bounds here: only sentence punctuation and commas).
    func clause(around position: Int, limit: Int = 120) -> Range<Int> {
        var start = position
        while start > 0, position - start < limit, !Self.isClauseBreak(s[start - 1]) { start -= 1 }
        var end = position
        while end < s.count, end - position < limit, !Self.isClauseBreak(s[end]) { end += 1 }
        return start..<end
    }

    /// Bounds of the sentence around `position` (。！？；, line breaks).
    func sentence(around position: Int, limit: Int = 300) -> Range<Int> {
        var start = position
        while start > 0, position - start < limit, !Self.isSentenceBreak(s[start - 1]) { start -= 1 }
        var end = position
        while end < s.count, end - position < limit, !Self.isSentenceBreak(s[end]) { end += 1 }
        return start..<end
    }

    @inline(__always)
    static func isSentenceBreak(_ c: UInt32) -> Bool {
        c == 0x3002 || c == 0x21 || c == 0x3F || c == 0x3B || c == 0x0A || c == 0x0D
    }

    /// Also □, which scraped pages leave where a punctuation mark was lost (项目11个□其中…):
    /// most were commas, and a clause is the narrower guess.
    @inline(__always)
    static func isClauseBreak(_ c: UInt32) -> Bool {
        isSentenceBreak(c) || c == 0x2C || c == 0x3A || c == 0x25A1
    }
}
