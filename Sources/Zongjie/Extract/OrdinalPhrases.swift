/// Batches and ordinals written around figures and names: 6批, 9批次, 第七批, 第二、三批, 第一师.
/// Shared by the count, dispatch and institution extractors, which step over them to reach a noun
/// or a name.
enum OrdinalPhrases {
    static let batch: UInt32 = 0x6279       // 批
    static let time: UInt32 = 0x6B21        // 次

    /// A numeral character of a batch or ordinal: 0-9, 一…九, 十.
    @inline(__always)
    static func isNumeral(_ c: UInt32) -> Bool {
        NumeralCharacters.isASCIIDigit(c) || NumeralParser.digit(c) >= 0 || NumeralCharacters.smallUnit(c) == 10
    }

    /// The end of the numerals after the 第 at `start` (第七师 → at 师), 、 between them when
    /// `allowingLists` (第二、三批); nil when no 第 and numeral are there.
    static func numeralsEnd(in s: [UInt32], afterDiAt start: Int, limit: Int, allowingLists: Bool = false) -> Int? {
        guard start < limit, s[start] == QuantityExtractor.di else { return nil }
        var k = start + 1
        while k < limit, k - start < 12, isNumeral(s[k]) || (allowingLists && s[k] == QuantityExtractor.dun) { k += 1 }
        return k > start + 1 ? k : nil
    }

    /// The start of `N批` / `N批次` ending at `end` (医务人员9批次|共47人), or nil.
    static func batchesStart(in s: [UInt32], endingAt end: Int, floor: Int) -> Int? {
        var k = end
        if k - 2 >= floor, s[k - 1] == time, s[k - 2] == batch { k -= 1 }
        guard k - 1 > floor, s[k - 1] == batch else { return nil }
        var start = k - 1
        while start > floor, isNumeral(s[start - 1]) { start -= 1 }
        return start < k - 1 ? start : nil
    }

    /// The end of an ordinal batch (第七批, 第二、三批次) starting at `start`, or nil.
    static func ordinalBatchesEnd(in s: [UInt32], at start: Int, limit: Int) -> Int? {
        guard let k = numeralsEnd(in: s, afterDiAt: start, limit: limit, allowingLists: true), k < limit, s[k] == batch else { return nil }
        return k + 1 < limit && s[k + 1] == time ? k + 2 : k + 1
    }

    /// Whether the numeral at `i` belongs to an ordinal (第七批; 第二、三批: 三 is ordinal too).
    static func isOrdinal(in s: [UInt32], numeralAt i: Int) -> Bool {
        var k = i - 1
        while k >= 0, isNumeral(s[k]) || s[k] == QuantityExtractor.dun { k -= 1 }
        return k >= 0 && s[k] == QuantityExtractor.di
    }
}
