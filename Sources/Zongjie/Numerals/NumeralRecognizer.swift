/// Finds numerals in running text: every cardinal numeral, percentages, ordinals and number
/// ranges, with their values. Built on `NumeralParser`; a tokenizer tells numerals from the words
/// that contain numeral characters (一切, 四川, 统一, 十分, 三峡).
///
/// Not thread-safe (it owns a tokenizer): one per worker.
public final class NumeralRecognizer {
    public enum Kind: String, Sendable {
        case number, percent, ordinal, range
    }

    /// A recognized numeral expression. Offsets are normalized offsets.
    public struct Item: Sendable, Equatable {
        public var kind: Kind
        public var range: Range<Int>
        public var value: Double
        /// Range ends (nil = open); for numbers and percents both equal the value.
        public var low: Double?
        public var high: Double?
        public var lowInclusive: Bool
        public var highInclusive: Bool
        public var more: Bool
    }

    public let parser: NumeralParser
    private let tokenizer: Tokenizer?
    private var tokens: [Token] = []

    public init(options: NumeralParser.Options = .extraction, tokenizer: Tokenizer? = nil) {
        self.parser = NumeralParser(options: options)
        self.tokenizer = tokenizer
    }

    // MARK: Character facts

    static let percentPrefixes: [([UInt32], Double)] = [
        ("百万万分之", 1e-8), ("千万分之", 1e-5), ("百万分之", 1e-4), ("万万分之", 1e-6), ("万分之", 1e-2), ("萬分之", 1e-2),
        ("千分之", 0.1), ("仟分之", 0.1), ("百分之", 1), ("佰分之", 1),
    ].map { (scalars($0.0), $0.1) }
    /// First characters of the prefixes, to reject most positions with one lookup.
    static let percentPrefixStarts = ScalarSet(percentPrefixes.map { $0.0[0] })
    static let percentPoints: [UInt32] = scalars("个百分点")
    static let percentPointsTraditional: [UInt32] = scalars("個百分點")
    static let cheng: UInt32 = 0x6210   // 成
    static let zhe: UInt32 = 0x6298     // 折
    static let di: UInt32 = 0x7B2C      // 第

    /// Foreign currency names after a numeral: the numeral belongs to a money amount.
    static let currencyFollowers: [[UInt32]] = [
        "美元", "美刀", "美金", "美分", "欧元", "日元", "英镑", "港元", "港币", "韩元", "卢布", "台币",
    ].map(scalars)
    static let currencyFollowerStarts = ScalarSet(currencyFollowers.map { $0[0] })
    /// Characters that can end a numeral as a currency or percentage tail: 美 欧 … % ‰ 折 成.
    static let tailMarks = ScalarSet(currencyFollowers.map { $0[0] } + [0x25, 0x2030, zhe, cheng])
    static let halfDiscount: [UInt32] = scalars("对折")
    static let halfDiscountTraditional: [UInt32] = scalars("對折")

    // MARK: Cardinal numerals

    /// Every cardinal numeral (the `number` kind).
    public func numbers(in text: NormalizedText) -> [Item] {
        let s = text.scalars
        prepareTokens(text)
        var items: [Item] = []
        let excluded = percentAndCurrencyTails(s)
        var i = 0
        let n = s.count
        var lastEnd = -1
        let interesting = Self.numberScanCharacters
        while i < n {
            // Most characters can start nothing below: skip them with one bit test each.
            if !interesting.contains(s[i]) { i += 1; continue }
            if let url = Self.urlEnd(s, i) { i = url; continue }
            // 百分之五十: the number is what follows 百分之.
            if let prefix = percentPrefixLength(s, i) {
                i += prefix
                continue
            }
            // 五十千: a unit right after a numeral does not start another one.
            if i == lastEnd, NumeralCharacters.smallUnit(s[i]) > 0 || NumeralCharacters.largeUnit(s[i]) > 0 { i += 1; continue }
            guard startsCandidate(s, i), !continuesNumber(s, i) else { i += 1; continue }
            guard let match = parser.parse(s, at: i) else { i = Self.vagueRangeEnd(s, i) ?? i + 1; continue }
            lastEnd = match.range.upperBound
            if isHomograph(s, match) || excluded.contains(match.range.upperBound) {
                i = match.range.upperBound
                continue
            }
            items.append(Item(kind: .number, range: match.range, value: match.value, low: match.value, high: match.value,
                              lowInclusive: true, highInclusive: true, more: match.more))
            i = match.range.upperBound
        }
        return items
    }

    /// Characters at which the number scan can do anything but step on: URL starts (h w f), the
    /// first characters of 百分之-style prefixes, and every character `startsCandidate` accepts
    /// (the dot whatever its neighbours). Derived from those tests, so it cannot drift from them.
    static let numberScanCharacters: ScalarSet = {
        var set = ScalarSet([0x68, 0x77, 0x66, 0x2E])   // h w f .
        for c in UInt32(0)..<0x10000 where percentPrefixStarts.contains(c) || NumeralCharacters.isASCIIDigit(c) || isSignStart(c)
            || NumeralParser.digit(c) >= 0 || NumeralCharacters.smallUnit(c) > 0 || NumeralCharacters.tensShorthand(c) > 0
            || c == NumeralParser.ban || c == NumeralParser.ji {
            set.insert(c)
        }
        return set
    }()

    /// The percent scan's: the number scan's and the 对 of 打对折.
    static let percentScanCharacters: ScalarSet = {
        var set = numberScanCharacters
        set.insert(halfDiscount[0])
        set.insert(halfDiscountTraditional[0])
        return set
    }()

    private func startsCandidate(_ s: [UInt32], _ i: Int) -> Bool {
        let c = s[i]
        if NumeralCharacters.isASCIIDigit(c) || Self.isSignStart(c) { return true }
        if c == 0x2E {
            // .5 starts a number; the dot of 2222.222 or ...9 does not.
            let previous = i > 0 ? s[i - 1] : 0x20
            return i + 1 < s.count && NumeralCharacters.isASCIIDigit(s[i + 1]) && previous != 0x2E && !NumeralCharacters.isASCIIDigit(previous)
        }
        return NumeralParser.digit(c) >= 0 || NumeralCharacters.smallUnit(c) > 0 || NumeralCharacters.tensShorthand(c) > 0
            || c == NumeralParser.ban || c == NumeralParser.ji
    }

    @inline(__always)
    static func isSignStart(_ c: UInt32) -> Bool { c == NumeralParser.fu || c == NumeralParser.fuTraditional || c == 0x2D }

    /// Position inside an Arabic number or a Latin word: not a numeral start.
    private func continuesNumber(_ s: [UInt32], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let previous = s[i - 1]
        let c = s[i]
        if NumeralCharacters.isASCIIDigit(c) {
            return NumeralCharacters.isASCIIDigit(previous) || CharacterClass.of(previous) == .latin
        }
        return false
    }

    /// Ends of numerals that belong to a currency (一美元) or a 折/成 percentage: not plain numbers.
    private func percentAndCurrencyTails(_ s: [UInt32]) -> Set<Int> {
        var ends: Set<Int> = []
        let marks = Self.tailMarks
        let followerStarts = Self.currencyFollowerStarts
        for i in s.indices where marks.contains(s[i]) {
            if followerStarts.contains(s[i]) {
                for follower in Self.currencyFollowers where s.hasPrefix(follower, at: i) { ends.insert(i) }
            }
            if s[i] == 0x25 || s[i] == 0x2030 { ends.insert(i) }
            if s[i] == Self.zhe || (s[i] == Self.cheng && i > 0 && !(i + 1 < s.count && s[i + 1] == 0x4E3A)) {
                ends.insert(i)
            }
        }
        return ends
    }

    /// Length of a 百分之 / 千分之 … prefix at `i` (spaces between its characters allowed when the
    /// parser allows spaces), with its scale.
    func percentPrefix(_ s: [UInt32], _ i: Int) -> (length: Int, scale: Double)? {
        // 一百分之二 is a fraction, not a percent: only when no numeral stands before it.
        guard Self.percentPrefixStarts.contains(s[i]) else { return nil }
        if i > 0, NumeralParser.digit(s[i - 1]) >= 0 || NumeralCharacters.isASCIIDigit(s[i - 1]) { return nil }
        for (prefix, scale) in Self.percentPrefixes {
            var j = i
            var k = 0
            while k < prefix.count, j < s.count {
                if k > 0, s[j] == 0x20, parser.options.contains(.spaces) { j += 1; continue }
                guard s[j] == prefix[k] else { break }
                j += 1
                k += 1
            }
            if k == prefix.count { return (j - i, scale) }
        }
        return nil
    }

    func percentPrefixLength(_ s: [UInt32], _ i: Int) -> Int? { percentPrefix(s, i)?.length }

    /// 二三十 / 三四百: a vague range of numbers; returns where it ends.
    static func vagueRangeEnd(_ s: [UInt32], _ i: Int) -> Int? {
        var j = i
        while j < s.count, NumeralParser.digit(s[j]) > 0 { j += 1 }
        guard j - i >= 2, j < s.count, NumeralCharacters.smallUnit(s[j]) > 0 else { return nil }
        return j + 1
    }

    static let urlStarts: [[UInt32]] = ["http://", "https://", "www.", "ftp://"].map(scalars)

    /// End of a URL starting at `i` (numbers inside it are not numerals).
    static func urlEnd(_ s: [UInt32], _ i: Int) -> Int? {
        let c = s[i]
        guard c == 0x68 || c == 0x77 || c == 0x66, urlStarts.contains(where: { s.hasPrefix($0, at: i) }) else { return nil }   // h w f
        var j = i
        while j < s.count, s[j] > 0x20, s[j] < 0x7F { j += 1 }
        return j
    }

    // MARK: Homographs

    private func prepareTokens(_ text: NormalizedText) {
        tokens.removeAll(keepingCapacity: true)
        guard let tokenizer else { return }
        tokenizer.tokenize(text, into: &tokens)
        // Tokens carry original offsets; keep normalized ones for lookups.
        for index in tokens.indices {
            let start = text.normalizedOffset(ofOriginal: Int(tokens[index].start))
            let end = text.normalizedOffset(ofOriginal: Int(tokens[index].end))
            tokens[index].start = Int32(start)
            tokens[index].end = Int32(end)
        }
    }

    /// Words that contain numeral characters without being numbers, for when no tokenizer is given.
    static let homographWords: [[UInt32]] = [
        "一切", "一看", "一起", "一些", "一样", "一般", "一定", "一致", "一直", "一旦", "一体", "一同", "一律", "一向", "一带",
        "一并", "一番", "一道", "一贯", "一味", "一时", "一流", "一再", "一下", "一旁", "一边", "一举", "统一", "唯一", "万一",
        "进一步", "逐一", "同一", "专一", "划一", "四川", "十分", "十足", "三峡", "千万", "万岁", "百姓", "千方百计", "一心",
        "万众", "四面八方", "五湖四海", "一把手", "一方面", "三心二意", "七上八下", "九九",
    ].map(scalars)

    /// A single Chinese numeral character that is part of a word (一切, 四川), or two identical
    /// 两 (两两).
    private func isHomograph(_ s: [UInt32], _ match: NumeralMatch) -> Bool {
        guard match.isChinese, !match.isFraction, match.range.count <= 2 else { return false }
        let start = match.range.lowerBound
        if match.range.count == 1, s[start] == NumeralParser.liang || s[start] == NumeralParser.liangTraditional {
            if start + 1 < s.count, s[start + 1] == s[start] { return true }
            if start > 0, s[start - 1] == s[start] { return true }
        }
        if !tokens.isEmpty {
            // The token covering the numeral: a word token that reaches beyond it.
            var low = 0
            var high = tokens.count
            while low < high {
                let middle = (low + high) / 2
                if Int(tokens[middle].end) <= start { low = middle + 1 } else { high = middle }
            }
            // 十斤, 一块, 两双: a measure word after the numeral makes it a number whatever the tokens say.
            if match.range.upperBound < s.count, Self.isMeasureCharacter(s[match.range.upperBound]) { return false }
            if low < tokens.count {
                let token = tokens[low]
                if token.kind == .word, Int(token.start) < match.range.upperBound,
                   Int(token.start) < start || Int(token.end) > match.range.upperBound {
                    return true
                }
            }
            return false
        }
        for (word, offset) in Self.homographPlacements[s[start]] ?? [] where start - offset >= 0 && s.hasPrefix(word, at: start - offset) {
            if start - offset + word.count >= match.range.upperBound { return true }
        }
        return false
    }

    /// For each character of a homograph word, the words holding it and where: only they can
    /// cover a numeral that starts with that character.
    static let homographPlacements: [UInt32: [(word: [UInt32], offset: Int)]] = {
        var placements: [UInt32: [(word: [UInt32], offset: Int)]] = [:]
        for word in homographWords {
            for (offset, c) in word.enumerated() { placements[c, default: []].append((word, offset)) }
        }
        return placements
    }()

    static let extraMeasureCharacters = ScalarSet("斤两双雙塊块對对只隻個个條张張本支")

    static func isMeasureCharacter(_ c: UInt32) -> Bool {
        MeasureWords.isSingleCharacterMeasure(c) || extraMeasureCharacters.contains(c)
    }

    // MARK: Percentages

    /// Percentages (the `percent` kind): 23.4%, ５％, 49.36﹪ (folded), 百分之三十, 千分之一, 3个百分点,
    /// 三成, 七五折. Values are in percent units.
    public func percents(in text: NormalizedText) -> [Item] {
        let s = text.scalars
        var items: [Item] = []
        var i = 0
        let n = s.count
        let interesting = Self.percentScanCharacters
        while i < n {
            if !interesting.contains(s[i]) { i += 1; continue }
            if let url = Self.urlEnd(s, i) { i = url; continue }
            // 百分之N, 千分之N …
            if let found = percentPrefix(s, i) {
                var j = i + found.length
                if Self.vagueRangeEnd(s, j) != nil { i = j; continue }
                if parser.options.contains(.spaces) { while j < n, s[j] == 0x20 { j += 1 } }
                if j < n, s[j] == 0x767E, !(j + 1 < n && NumeralParser.digit(s[j + 1]) >= 0) {
                    // 百分之百
                    items.append(percentItem(i..<(j + 1), 100 * found.scale, more: false))
                    i = j + 1
                    continue
                }
                if let match = parser.parse(s, at: j), !match.isFraction {
                    items.append(percentItem(i..<match.range.upperBound, match.value * found.scale, more: match.more))
                    i = match.range.upperBound
                    continue
                }
            }
            // 打对折
            if i > 0, s[i - 1] == 0x6253, s.hasPrefix(Self.halfDiscount, at: i) || s.hasPrefix(Self.halfDiscountTraditional, at: i) {
                items.append(percentItem(i..<(i + 2), 50, more: false))
                i += 2
                continue
            }
            if s[i] == NumeralParser.ban, i + 1 < n, s[i + 1] == Self.cheng || s[i + 1] == Self.zhe {
                items.append(percentItem(i..<(i + 2), s[i + 1] == Self.cheng ? 5 : 50, more: false))
                i += 2
                continue
            }
            if let vague = Self.vagueRangeEnd(s, i) { i = vague; continue }
            guard startsCandidate(s, i), !continuesNumber(s, i), let match = parseForPercent(s, i) else { i += 1; continue }
            var j = match.range.upperBound
            var k = j
            if parser.options.contains(.spaces) { while k < n, s[k] == 0x20 { k += 1 } }
            if k < n, s[k] == 0x25 || s[k] == 0x2030 {
                let value = s[k] == 0x2030 ? match.value / 10 : match.value
                items.append(percentItem(match.range.lowerBound..<(k + 1), value, more: match.more))
                i = k + 1
                continue
            }
            if let points = pointsSuffix(s, k) {
                items.append(percentItem(match.range.lowerBound..<points, match.value, more: match.more))
                i = points
                continue
            }
            if k < n, s[k] == Self.cheng, !(k + 1 < n && Self.chengWordContinuations.contains(s[k + 1])), match.value <= 10 {
                var end = k + 1
                var value = match.value * 10
                var tailStart = end
                if parser.options.contains(.spaces) { while tailStart < n, s[tailStart] == 0x20 { tailStart += 1 } }
                if end < n, s[end] == NumeralParser.ban { value += 5; end += 1 }
                else if tailStart < n, NumeralParser.digit(s[tailStart]) > 0, let tail = parser.parse(s, at: tailStart), tail.range.count == 1, tail.value < 10, tail.isChinese {
                    value += tail.value   // 七成六
                    end = tail.range.upperBound
                }
                items.append(percentItem(match.range.lowerBound..<end, value, more: match.more))
                i = end
                continue
            }
            if k < n, s[k] == Self.zhe, !(k + 1 < n && Self.zheWordContinuations.contains(s[k + 1])) {
                // 九折 = 90, 9.9折 = 99, 七五折 = 75, 三八折 = 38; 十折 is no discount.
                var value = match.value
                if match.digitByDigitLength >= 2 || (!match.isChinese && value >= 10 && !match.isDecimal) {
                    // two digits read as a percentage already
                } else if value < 10 {
                    value *= 10
                } else {
                    i = k + 1
                    continue
                }
                items.append(percentItem(match.range.lowerBound..<(k + 1), value, more: match.more))
                i = k + 1
                continue
            }
            j = max(j, i + 1)
            i = j
        }
        return items
    }

    private func parseForPercent(_ s: [UInt32], _ i: Int) -> NumeralMatch? {
        guard var match = parser.parse(s, at: i) else { return nil }
        // 9 9 折 / 三八折: digit by digit with spaces.
        if parser.options.contains(.spaces), match.isChinese == false || match.digitByDigitLength > 0 {
            var j = match.range.upperBound
            while j + 1 < s.count, s[j] == 0x20, NumeralCharacters.isASCIIDigit(s[j + 1]) || NumeralParser.digit(s[j + 1]) > 0 {
                let digit = NumeralCharacters.isASCIIDigit(s[j + 1]) ? Int(s[j + 1] - 0x30) : NumeralParser.digit(s[j + 1])
                match.value = match.value * 10 + Double(digit)
                j += 2
                match.range = match.range.lowerBound..<j
                match.digitByDigitLength += 1
            }
        }
        return match
    }

    static let chengWordContinuations = ScalarSet("为员立果效本绩功长熟型都市")
    static let zheWordContinuations = ScalarSet("合算旧射服扣腾叠")

    private func pointsSuffix(_ s: [UInt32], _ i: Int) -> Int? {
        for pattern in [Self.percentPoints, Self.percentPointsTraditional] {
            // Spaces may sit between the characters (个 百 分 点).
            var j = i
            var k = 0
            while k < pattern.count, j < s.count {
                if s[j] == 0x20 && parser.options.contains(.spaces) { j += 1; continue }
                guard s[j] == pattern[k] else { break }
                j += 1
                k += 1
            }
            if k == pattern.count { return j }
        }
        return nil
    }

    private func percentItem(_ range: Range<Int>, _ value: Double, more: Bool) -> Item {
        Item(kind: .percent, range: range, value: value, low: value, high: value, lowInclusive: true, highInclusive: true, more: more)
    }

    // MARK: Ranges

    /// Number ranges in words (大于二十, 20~100, 位于20和30之间, 500多亿), as items of kind `range`
    /// with open ends as nil.
    public func ranges(in text: NormalizedText) -> [Item] {
        NumberRangeRecognizer(parser: parser).intervals(in: text.scalars).map { interval in
            Item(kind: .range, range: interval.range, value: interval.low ?? interval.high ?? 0, low: interval.low, high: interval.high,
                 lowInclusive: interval.lowInclusive, highInclusive: interval.highInclusive, more: interval.high == nil)
        }
    }

    // MARK: Ordinals

    /// 第三, 第十四, 第3万.
    public func ordinals(in text: NormalizedText) -> [Item] {
        let s = text.scalars
        var items: [Item] = []
        var i = 0
        while i < s.count {
            if s[i] == Self.di, let match = parser.parse(s, at: i + 1), !match.isFraction {
                items.append(Item(kind: .ordinal, range: i..<match.range.upperBound, value: match.value, low: match.value,
                                  high: match.value, lowInclusive: true, highInclusive: true, more: false))
                i = match.range.upperBound
                continue
            }
            i += 1
        }
        return items
    }
}
