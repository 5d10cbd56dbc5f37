/// A written figure with the interval of values it can stand for: its precision as written
/// (81.3亿 is 81.25–81.35亿), and its qualifier (1.5多亿 is 1.5–1.6亿, 约1000万 about ±5%,
/// 近100 at most 100, 300余 at least 300). Rules compare intervals, so that rounding and
/// approximate wording never read as contradictions.
public struct Figure: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case count, money, percent, measure, other
    }

    /// Normalized range of the whole figure: qualifiers, numeral and unit.
    public var range: Range<Int>
    /// Normalized range of the numeral (or range of numerals).
    public var numeral: Range<Int>
    /// The nominal value (yuan for money, percent units for percentages).
    public var value: Double
    public var low: Double
    public var high: Double
    public var qualifier: Qualifier
    /// The unit as written (名, 亿元 → 元, %, 吨); for money the currency code.
    public var unit: String
    public var kind: Kind
    /// True when the figure was written with a qualifier of approximation (约, 近, 余, 多, 左右 …).
    public var isApproximate: Bool { qualifier != .exact }
}

/// Reads figures from normalized text: at a position, or from a count or money record.
public struct FigureReader: Sendable {
    let parser = NumeralParser(options: .extraction)

    public init() {}

    static let leadingWords: [(word: [UInt32], kind: LeadingKind)] = ([
        ("不少于", .atLeast), ("不低于", .atLeast), ("至少", .atLeast), ("最少", .atLeast), ("超过", .atLeast), ("突破", .atLeast),
        ("多达", .atLeast), ("高达", .atLeast), ("逾", .atLeast), ("过", .atLeast), ("超", .atLeast), ("上", .atLeast),
        ("不超过", .atMost), ("不多于", .atMost), ("不高于", .atMost), ("不足", .atMost), ("不到", .atMost), ("最多", .atMost),
        ("将近", .nearly), ("接近", .nearly), ("近", .nearly),
        ("大约", .about), ("大概", .about), ("约", .about),
    ] as [(String, LeadingKind)]).map { (scalars($0.0), $0.1) }

    static let trailingWords: [(word: [UInt32], kind: LeadingKind)] = ([
        ("左右", .about), ("上下", .about), ("以上", .atLeast), ("之多", .atLeast), ("有余", .atLeast), ("以下", .atMost),
        ("以内", .atMost), ("多", .some), ("余", .some),
    ] as [(String, LeadingKind)]).map { (scalars($0.0), $0.1) }

    enum LeadingKind {
        case atLeast, atMost, nearly, about, some
    }

    // MARK: From records

    /// The figure of a count or money record.
    public func figure(of located: LocatedRecord, in s: [UInt32]) -> Figure? {
        let range = located.range
        guard !range.isEmpty else { return nil }
        switch located.record.value {
        case .count(let count):
            guard var figure = read(s, span: range) else { return nil }
            figure.kind = .count
            figure.unit = count.unit
            if count.qualifier == .range {
                figure.low = count.low
                figure.high = count.high
                figure.value = count.value
                figure.qualifier = .range
            }
            return figure
        case .money(let money):
            guard var figure = read(s, span: range) else { return nil }
            figure.kind = .money
            figure.unit = money.currency
            let scale = figure.value == 0 ? 1 : money.amount / figure.value
            if money.qualifier == .range {
                figure.value = money.low
                figure.low = money.low
                figure.high = money.high
                figure.qualifier = .range
            } else if scale.isFinite, abs(scale - 1) > 1e-12 {
                figure.value = money.amount
                figure.low *= scale
                figure.high *= scale
            }
            return figure
        default:
            return nil
        }
    }

    /// Reads the numeral and qualifiers inside a record's span (the unit is the record's).
    private func read(_ s: [UInt32], span: Range<Int>) -> Figure? {
        var i = span.lowerBound
        var lead: LeadingKind?
        for (word, kind) in Self.leadingWords where s.hasPrefix(word, at: i) && i + word.count < span.upperBound {
            lead = kind
            i += word.count
            break
        }
        // 数十名: 数 belongs to the figure.
        if i < span.upperBound, s[i] == 0x6570 { i += 1; lead = lead ?? .some }
        while i < span.upperBound, !startsNumeral(s, i) { i += 1 }
        guard i < span.upperBound, let match = parser.parse(s, at: i, limit: span.upperBound) else { return nil }
        var trail: LeadingKind?
        for (word, kind) in Self.trailingWords where span.upperBound - word.count >= match.range.upperBound
            && s.hasPrefix(word, at: span.upperBound - word.count) {
            trail = kind
            break
        }
        return make(s, span: span, match: match, lead: lead, trail: trail, unit: "", kind: .other)
    }

    // MARK: At a position

    /// A figure whose numeral starts at `position` (or whose leading qualifier does): numeral,
    /// 余/多, the unit that follows (measure word, currency, %, measurement) and a trailing
    /// qualifier. Nil when no numeral starts there or no unit follows it.
    public func read(_ s: [UInt32], at position: Int, limit: Int? = nil) -> Figure? {
        let end = min(limit ?? s.count, s.count)
        var i = position
        var lead: LeadingKind?
        for (word, kind) in Self.leadingWords where s.hasPrefix(word, at: i) && i + word.count < end {
            if startsNumeral(s, i + word.count) {
                lead = kind
                i += word.count
            }
            break
        }
        // 百分之六十二: a percentage written in words.
        if s.hasPrefix(Self.percentWords, at: i), let match = parser.parse(s, at: i + Self.percentWords.count, limit: end), !match.isFraction {
            return make(s, span: position..<match.range.upperBound, match: match, lead: lead, trail: nil, unit: "%", kind: .percent)
        }
        guard i < end, startsNumeral(s, i), let match = parser.parse(s, at: i, limit: end) else { return nil }
        var j = match.range.upperBound
        // 500余篇 / 20多名 when the parser left 余/多 out.
        var some = false
        if j < end, s[j] == 0x4F59 || s[j] == 0x591A {
            some = true
            j += 1
        }
        var unit = ""
        var kind: Figure.Kind = .other
        var scale = 1.0
        if j < end, s[j] == 0x25 {
            unit = "%"
            kind = .percent
            j += 1
        } else if let (found, unitEnd) = UnitDictionary.shared.unit(in: s, at: j), unitEnd <= end {
            switch found.category {
            case .count: kind = .count
            case .money: kind = .money; scale = found.scale
            case .measurement: kind = .measure
            case .percent: kind = .percent
            default: return nil
            }
            unit = kind == .money ? (found.currency ?? "CNY") : found.text
            j = unitEnd
        } else {
            return nil
        }
        // 余 after the unit (300人余) is rare; 左右/以上 are common.
        var trail: LeadingKind? = some ? .some : nil
        for (word, kindOfWord) in Self.trailingWords where s.hasPrefix(word, at: j) && j + word.count <= end {
            if kindOfWord == .some { continue }
            trail = kindOfWord
            j += word.count
            break
        }
        var figure = make(s, span: position..<j, match: match, lead: lead, trail: trail, unit: unit, kind: kind)
        if scale != 1 {
            figure.value *= scale
            figure.low *= scale
            figure.high *= scale
        }
        return figure
    }

    /// The figure that ends exactly at `end` and starts at or after `start`, read from its first
    /// digit (…完成手术546台| → 546台, never 46台).
    func figure(endingAt end: Int, from start: Int, in s: [UInt32]) -> Figure? {
        for q in start..<end where startsNumeral(s, q) {
            if q > start, startsNumeral(s, q - 1) || s[q - 1] == 0x2E || s[q - 1] == 0x2C { continue }
            if let figure = read(s, at: q, limit: end), figure.range.upperBound == end { return figure }
        }
        return nil
    }

    static let percentWords = scalars("百分之")

    func startsNumeral(_ s: [UInt32], _ i: Int) -> Bool {
        guard i < s.count else { return false }
        let c = s[i]
        return NumeralCharacters.isASCIIDigit(c) || NumeralParser.digit(c) >= 0 || NumeralCharacters.smallUnit(c) > 0
            || NumeralCharacters.tensShorthand(c) > 0
    }

    // MARK: Intervals

    private func make(_ s: [UInt32], span: Range<Int>, match: NumeralMatch, lead: LeadingKind?, trail: LeadingKind?,
                      unit: String, kind: Figure.Kind) -> Figure {
        let value = match.value
        let written = Self.precision(s, match.range)
        let unitOfLastDigit = written.decimals > 0 ? Self.power10(-written.decimals) * written.multiplier : written.multiplier
        let rounding = (written.decimals > 0 || written.multiplier > 1) ? unitOfLastDigit / 2 : 0
        // 余/多 inside the numeral or after it: up to one unit of the last non-zero digit.
        let some = match.more || trail == .some
        var low = value - rounding
        var high = value + rounding
        var qualifier: Qualifier = .exact
        switch lead ?? trail {
        case .atLeast?:
            low = value
            high = .infinity
            qualifier = .more
        case .atMost?:
            low = 0
            high = value
            qualifier = .less
        case .nearly?:
            low = value * 0.9
            high = value + rounding
            qualifier = .approx
        case .about?:
            let relative = written.significantDigits <= 2 ? 0.05 : 0.01
            low = value - max(rounding, value * relative)
            high = value + max(rounding, value * relative)
            qualifier = .approx
        case .some?, nil:
            break
        }
        if some {
            let place = Self.placeOfLastNonZeroDigit(value, decimals: written.decimals, multiplier: written.multiplier)
            low = max(low, value)
            high = max(high, value + place)
            if qualifier == .exact { qualifier = .more }
        }
        return Figure(range: span, numeral: match.range, value: value, low: low, high: high, qualifier: qualifier,
                      unit: unit, kind: kind)
    }

    struct Precision {
        var decimals: Int
        /// 万 = 1e4, 亿 = 1e8 (their product for 万亿) at the end of the numeral, else 1.
        var multiplier: Double
        var significantDigits: Int
    }

    /// How precisely a numeral is written.
    static func precision(_ s: [UInt32], _ range: Range<Int>) -> Precision {
        var decimals = 0
        var sawPoint = false
        var multiplier = 1.0
        var digits: [UInt32] = []
        var hasArabic = false
        for k in range {
            let c = s[k]
            if NumeralCharacters.isASCIIDigit(c) {
                hasArabic = true
                digits.append(c)
                if sawPoint { decimals += 1 }
            } else if c == 0x2E || c == 0x70B9 {
                sawPoint = true
            } else if NumeralCharacters.largeUnit(c) > 0 {
                multiplier *= NumeralCharacters.largeUnit(c)
            }
        }
        // Significant digits: drop leading zeros, and trailing zeros of an integer.
        var significant = digits
        while let first = significant.first, first == 0x30 { significant.removeFirst() }
        if decimals == 0 { while let last = significant.last, last == 0x30 { significant.removeLast() } }
        if !hasArabic {
            // A Chinese numeral: 三千 has 1 significant digit, 一百二十 has 2.
            let value = NumeralParser().parse(s, at: range.lowerBound, limit: range.upperBound)?.value ?? 0
            var integer = Int(value.rounded())
            while integer > 0, integer % 10 == 0 { integer /= 10 }
            return Precision(decimals: 0, multiplier: 1, significantDigits: max(1, String(integer).count))
        }
        return Precision(decimals: decimals, multiplier: multiplier, significantDigits: max(1, significant.count))
    }

    static func power10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
        return result
    }

    /// 3200 → 100, 20 → 10, 1.5 → 0.1, 5000万 → 1000万: what 余/多 can add.
    static func placeOfLastNonZeroDigit(_ value: Double, decimals: Int, multiplier: Double) -> Double {
        if decimals > 0 { return power10(-decimals) * multiplier }
        var integer = Int64((value / multiplier).rounded())
        guard integer > 0 else { return multiplier }
        var place = 1.0
        while integer % 10 == 0 {
            integer /= 10
            place *= 10
        }
        return place * multiplier
    }
}
