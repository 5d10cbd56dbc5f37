/// Number ranges stated in words: bounds (大于二十, 不超过50, 至少有10, 1000以上, 比三十大),
/// intervals (20~100, 一千到一千五百, 位于20和30之间, 10000与20000间), both ends at once
/// (大于10小于20, 最多100最少20) and open figures (500多亿, 十几万). For the `number` kind's ranges
/// and the peer conformance suite.
struct NumberRangeRecognizer {
    let parser: NumeralParser

    struct Interval: Equatable {
        var range: Range<Int>
        var low: Double?
        var high: Double?
        var lowInclusive: Bool
        var highInclusive: Bool
    }

    enum Side { case lower, upper, equal }

    static let zhijian = scalars("之间")

    /// Words before a number that bound it, longest first: (word, side, inclusive).
    static let prefixes: [([UInt32], Side, Bool)] = ([
        ("大于或者等于", .lower, true), ("大于或等于", .lower, true), ("大于等于", .lower, true), ("小于或者等于", .upper, true),
        ("小于或等于", .upper, true), ("小于等于", .upper, true), ("不小于", .lower, true), ("不低于", .lower, true),
        ("不少于", .lower, true), ("不大于", .upper, true), ("不超过", .upper, true), ("不高于", .upper, true), ("不多于", .upper, true),
        ("至少有", .lower, true), ("至少是", .lower, true), ("至少", .lower, true), ("最少", .lower, true), ("最多为", .upper, true),
        ("最多", .upper, true), ("超过了", .lower, false), ("超过", .lower, false), ("大于", .lower, false), ("高于", .lower, false),
        ("多于", .lower, false), ("小于", .upper, false), ("低于", .upper, false), ("少于", .upper, false), ("不足", .upper, false),
        ("不到", .upper, false), ("等于", .equal, true), ("过", .lower, false), ("≥", .lower, true), ("≤", .upper, true),
        (">=", .lower, true), ("<=", .upper, true), ("> =", .lower, true), ("< =", .upper, true), (">", .lower, false), ("<", .upper, false),
    ] as [(String, Side, Bool)]).map { (scalars($0.0), $0.1, $0.2) }

    /// Words after a number that bound it.
    static let suffixes: [([UInt32], Side, Bool)] = ([
        ("或者以上", .lower, true), ("或以上", .lower, true), ("或者更多", .lower, true), ("或更多", .lower, true), ("以上", .lower, false),
        ("以下", .upper, false), ("之下", .upper, false), ("或者以下", .upper, true), ("或以下", .upper, true),
    ] as [(String, Side, Bool)]).map { (scalars($0.0), $0.1, $0.2) }

    static let joiners: [[UInt32]] = ["的同时", "并且", "而且", "同时", "并", "且", "，", ",", " "].map(scalars)
    static let intervalConnectors: [[UInt32]] = ["到", "至", "~", "～", "–", "—", "-", " - ", " – "].map(scalars)

    func intervals(in s: [UInt32]) -> [Interval] {
        var found: [Interval] = []
        var i = 0
        while i < s.count {
            if let interval = interval(at: i, s) {
                found.append(interval)
                i = interval.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    private func number(_ s: [UInt32], _ i: Int) -> NumeralMatch? {
        guard i < s.count else { return nil }
        return parser.parse(s, at: i)
    }

    /// A bound written before a number: 大于二十, 比三十大.
    private func prefixBound(_ s: [UInt32], _ i: Int) -> (side: Side, inclusive: Bool, number: NumeralMatch, end: Int)? {
        for (word, side, inclusive) in Self.prefixes where s.hasPrefix(word, at: i) {
            var j = i + word.count
            while j < s.count, s[j] == 0x20 { j += 1 }
            if let match = number(s, j) { return (side, inclusive, match, match.range.upperBound) }
        }
        // 比三十大 / 比 170 低
        if i < s.count, s[i] == 0x6BD4 {
            var j = i + 1
            while j < s.count, s[j] == 0x20 { j += 1 }
            guard let match = number(s, j) else { return nil }
            var k = match.range.upperBound
            while k < s.count, s[k] == 0x20 { k += 1 }
            guard k < s.count else { return nil }
            if s[k] == 0x5927 || s[k] == 0x9AD8 || s[k] == 0x591A { return (.lower, false, match, k + 1) }   // 大 高 多
            if s[k] == 0x5C0F || s[k] == 0x4F4E || s[k] == 0x5C11 { return (.upper, false, match, k + 1) }   // 小 低 少
        }
        return nil
    }

    /// A bound written after a number: 1000以上, 三十或者以上, 170 之下.
    private func suffixBound(_ s: [UInt32], _ match: NumeralMatch) -> (side: Side, inclusive: Bool, end: Int)? {
        var j = match.range.upperBound
        while j < s.count, s[j] == 0x20 { j += 1 }
        for (word, side, inclusive) in Self.suffixes where s.hasPrefix(word, at: j) {
            return (side, inclusive, j + word.count)
        }
        return nil
    }

    private func interval(at i: Int, _ s: [UInt32]) -> Interval? {
        // Between forms: 位于X和Y之间, 在X和Y之间, 在第X和第Y之间, X与Y之间.
        if let between = betweenForm(at: i, s) { return between }
        // A bound before a number, possibly followed by the other bound.
        if let first = prefixBound(s, i) {
            var result = make(i..<first.end, first.side, first.inclusive, first.number.value)
            if let second = secondBound(s, after: first.end), second.side != first.side, first.side != .equal {
                combine(&result, second)
            }
            return result
        }
        // A number with a bound after it (1000以上), or an interval (20~100), or an open figure (500多亿).
        guard startsNumber(s, i), let match = number(s, i) else { return nil }
        if let bound = suffixBound(s, match) {
            var result = make(i..<bound.end, bound.side, bound.inclusive, match.value)
            if let second = secondBound(s, after: bound.end), second.side != bound.side { combine(&result, second) }
            return result
        }
        var j = match.range.upperBound
        for connector in Self.intervalConnectors where s.hasPrefix(connector, at: j) {
            j += connector.count
            while j < s.count, s[j] == 0x20 { j += 1 }
            if let second = number(s, j), second.value > match.value {
                return Interval(range: i..<second.range.upperBound, low: match.value, high: second.value, lowInclusive: true, highInclusive: false)
            }
            return nil
        }
        if match.more && match.isChinese || match.more && match.hasLargeUnit {
            return Interval(range: match.range, low: match.value, high: nil, lowInclusive: false, highInclusive: false)
        }
        return nil
    }

    private func startsNumber(_ s: [UInt32], _ i: Int) -> Bool {
        guard i < s.count else { return false }
        let previous: UInt32 = i > 0 ? s[i - 1] : 0x20
        let c = s[i]
        if NumeralCharacters.isASCIIDigit(c) { return !NumeralCharacters.isASCIIDigit(previous) && previous != 0x2E }
        return NumeralParser.digit(c) >= 0 || NumeralCharacters.smallUnit(c) > 0 || c == 0x8D1F || c == 0x2D
    }

    private struct Bound {
        var side: Side
        var inclusive: Bool
        var value: Double
        var end: Int
    }

    /// The other bound after a joiner: 大于10小于20, 最多100最少20, 1000以上， 1500以下.
    private func secondBound(_ s: [UInt32], after position: Int) -> Bound? {
        var j = position
        for joiner in Self.joiners where s.hasPrefix(joiner, at: j) { j += joiner.count; break }
        while j < s.count, s[j] == 0x20 { j += 1 }
        if let bound = prefixBound(s, j) { return Bound(side: bound.side, inclusive: bound.inclusive, value: bound.number.value, end: bound.end) }
        if startsNumber(s, j), let match = number(s, j), let bound = suffixBound(s, match) {
            return Bound(side: bound.side, inclusive: bound.inclusive, value: match.value, end: bound.end)
        }
        return nil
    }

    private func make(_ range: Range<Int>, _ side: Side, _ inclusive: Bool, _ value: Double) -> Interval {
        switch side {
        case .lower: return Interval(range: range, low: value, high: nil, lowInclusive: inclusive, highInclusive: false)
        case .upper: return Interval(range: range, low: nil, high: value, lowInclusive: false, highInclusive: inclusive)
        case .equal: return Interval(range: range, low: value, high: value, lowInclusive: true, highInclusive: true)
        }
    }

    /// Joins a second bound into an interval; bounds in the wrong order (大于50小于12) stay apart.
    private func combine(_ interval: inout Interval, _ bound: Bound) {
        switch bound.side {
        case .upper:
            guard interval.high == nil, let low = interval.low, bound.value > low else { return }
            interval.high = bound.value
            interval.highInclusive = bound.inclusive
        case .lower:
            guard interval.low == nil, let high = interval.high, bound.value < high else { return }
            interval.low = bound.value
            interval.lowInclusive = bound.inclusive
        case .equal:
            return
        }
        interval.range = interval.range.lowerBound..<bound.end
    }

    /// 位于20和30之间 / 在第十和第十五之间 / 10000与20000间.
    private func betweenForm(at i: Int, _ s: [UInt32]) -> Interval? {
        var j = i
        for lead in ["位于", "在"].map(scalars) where s.hasPrefix(lead, at: j) { j += lead.count; break }
        while j < s.count, s[j] == 0x20 { j += 1 }
        if j < s.count, s[j] == 0x7B2C { j += 1 }   // 第
        guard startsNumber(s, j) || j > i, let first = number(s, j) else { return nil }
        var k = first.range.upperBound
        guard k < s.count, s[k] == 0x548C || s[k] == 0x4E0E else { return nil }   // 和 与
        k += 1
        if k < s.count, s[k] == 0x7B2C { k += 1 }
        guard let second = number(s, k) else { return nil }
        var end = second.range.upperBound
        if s.hasPrefix(Self.zhijian, at: end) { end += 2 } else if end < s.count, s[end] == 0x95F4 { end += 1 } else { return nil }
        // Without 位于/在 the span starts at the first number.
        return Interval(range: i..<end, low: first.value, high: second.value, lowInclusive: true, highInclusive: false)
    }
}
