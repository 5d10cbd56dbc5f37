/// The words that qualify a figure (约 近 余 多 以上 不足 …) and how they map to a `Qualifier`.
enum Qualifiers {
    /// Words right before a number, longest first.
    static let leading: [([UInt32], Qualifier)] = ([
        ("不少于", .more), ("不低于", .more), ("不超过", .less), ("不多于", .less), ("不高于", .less), ("多达", .more),
        ("将近", .approx), ("接近", .approx), ("大约", .approx), ("大概", .approx), ("超过", .more), ("突破", .more),
        ("至少", .more), ("最少", .more), ("不足", .less), ("不到", .less), ("最多", .less), ("高达", .more),
        ("约", .approx), ("近", .approx), ("逾", .more), ("过", .more), ("超", .more), ("上", .more),
    ] as [(String, Qualifier)]).map { (scalars($0.0), $0.1) }

    /// Words right after the unit.
    static let trailing: [([UInt32], Qualifier)] = ([
        ("左右", .approx), ("上下", .approx), ("以上", .more), ("之多", .more), ("有余", .more), ("以下", .less),
        ("以内", .less),
    ] as [(String, Qualifier)]).map { (scalars($0.0), $0.1) }

    /// Characters that, right before 过/超/近/约/上, make them part of another word (通过, 经过,
    /// 最近, 签约, 以上, 马上) rather than a qualifier of the number.
    static let wordBefore: [UInt32: Set<UInt32>] = [
        0x8FC7: Set(scalars("通经超度跨越错难不路闯走看做办想听说记去来")),    // 过
        0x8D85: Set(scalars("赶高彩")),                                   // 超 (彩超 is an ultrasound)
        0x8FD1: Set(scalars("最附将接亲邻靠就远拉贴")),                          // 近
        0x7EA6: Set(scalars("签制预节契条合公邀特相集违履缔大隐婚")),                   // 约
        0x4E0A: Set(scalars("以马向晚早加线之其爬往到会台路楼身面手北")),              // 上
    ]

    /// Words that end with one of those characters and still leave the qualifier free: 折合|约460万元.
    static let wordsBeforeQualifierList = WordList(["折合"].map(scalars))

    static let leadingList = WordList(leading.map(\.0))
    static let trailingList = WordList(trailing.map(\.0))

    /// The leading qualifier that ends at `end`, if any: its start and meaning.
    static func leading(_ s: [UInt32], endingAt end: Int) -> (start: Int, qualifier: Qualifier)? {
        guard let (index, _) = leadingList.longestEntry(in: s, endingAt: end) else { return nil }
        // Longest first, then shorter ones ending at the same place (过 when 超过 is not there).
        for (word, qualifier) in leading[index...] + leading[..<index] where end - word.count >= 0 && s.hasPrefix(word, at: end - word.count) {
            let start = end - word.count
            if word.count == 1, start > 0, let before = wordBefore[word[0]], before.contains(s[start - 1]),
               !wordsBeforeQualifierList.endsWord(in: s, at: start) { continue }
            // 上 qualifies only round amounts (上百名, 上千人, 上亿元); elsewhere it is a verb or a noun.
            if word == [0x4E0A], !(end < s.count && (NumeralCharacters.largeUnit(s[end]) > 0 || NumeralCharacters.smallUnit(s[end]) > 0)) {
                continue
            }
            return (start, qualifier)
        }
        return nil
    }

    /// A figure's span and qualifier with the qualifiers on either side of it (约136万元, 50余人次,
    /// 80%以上): the span takes them in, and the first of them sets the qualifier of an exact figure.
    static func widen(_ s: [UInt32], _ span: Range<Int>, _ qualifier: Qualifier) -> (span: Range<Int>, qualifier: Qualifier) {
        var (start, end, qualifier) = (span.lowerBound, span.upperBound, qualifier)
        if let leading = leading(s, endingAt: start) {
            if qualifier == .exact { qualifier = leading.qualifier }
            start = leading.start
        }
        if let trailing = trailing(s, startingAt: end) {
            if qualifier == .exact { qualifier = trailing.qualifier }
            end = trailing.end
        }
        return (start..<end, qualifier)
    }

    /// The trailing qualifier that starts at `start`, if any: its end and meaning.
    static func trailing(_ s: [UInt32], startingAt start: Int) -> (end: Int, qualifier: Qualifier)? {
        guard let (index, length) = trailingList.longestEntry(in: s, at: start) else { return nil }
        return (start + length, trailing[index].1)
    }
}
