import Foundation

/// A numeral found in normalized text, with its value.
public struct NumeralMatch: Sendable, Equatable {
    /// Normalized offsets.
    public var range: Range<Int>
    public var value: Double
    /// 多 / 余 / 几 made it an open figure (十几 → 10 and more).
    public var more: Bool
    /// Contains a Chinese digit or unit (not only Arabic digits).
    public var isChinese: Bool
    /// Written digit by digit without units (二〇一一, 2011), and how many digits.
    public var digitByDigitLength: Int
    /// 万 / 亿 appear in it.
    public var hasLargeUnit: Bool
    /// A fraction (三分之一, 1/2).
    public var isFraction: Bool
    /// A decimal point or 点 appears in it.
    public var isDecimal: Bool
    /// Only one Chinese character (一, 五, 两): the most ambiguous kind of numeral.
    public var isSingleChineseCharacter: Bool { isChinese && range.count == 1 }
}

/// The numeral engine every extractor shares: Arabic numbers (thousands separators, decimals,
/// full-width digits folded before), Chinese numerals (零〇一二两…十百千万亿兆, 廿 卅, financial
/// 壹贰叁…拾佰仟), mixed forms (1.5万, 5000多万, 3万4000, 2千零30万), approximations inside the
/// numeral (十几, 二十多, 两万余), 点 decimals (十五点七), fractions (三分之一, 1/8, 三百五又三分之一).
///
/// It scans normalized scalars with integer offsets and allocates nothing.
public struct NumeralParser: Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Spaces between the parts of a Chinese numeral (一百 五 十 二, 7 万5 千).
        public static let spaces = Options(rawValue: 1 << 0)
        /// A leading 负 or minus sign.
        public static let sign = Options(rawValue: 1 << 1)
        /// Exponents: 2e5, 12.32e+14, 2^5.
        public static let exponent = Options(rawValue: 1 << 2)
        /// SI suffixes: 40k, 2.5 M.
        public static let siSuffix = Options(rawValue: 1 << 3)
        /// 一打 (a dozen).
        public static let dozen = Options(rawValue: 1 << 4)
        /// Fractions: 三分之一, 1/2, 1 4/3.
        public static let fractions = Options(rawValue: 1 << 5)
        /// 点 as a decimal point (十五点七).
        public static let decimalWord = Options(rawValue: 1 << 6)

        /// What the extractors use: no signs, exponents or SI suffixes in running text.
        public static let extraction: Options = [.fractions, .decimalWord]
        /// Everything, for the peer conformance suites.
        public static let all: Options = [.spaces, .sign, .exponent, .siSuffix, .dozen, .fractions, .decimalWord]
    }

    public let options: Options
    /// Per normalized position: the original character was folded (full-width ， became ,).
    /// A full-width comma after half-width digits separates clauses, not thousands (20，300美圆).
    public let folded: [Bool]?

    public init(options: Options = .extraction, folded: [Bool]? = nil) {
        self.options = options
        self.folded = folded
    }

    // MARK: Character facts

    static let point: UInt32 = 0x70B9      // 点
    static let pointTraditional: UInt32 = 0x9EDE   // 點
    static let fen: UInt32 = 0x5206        // 分
    static let zhi: UInt32 = 0x4E4B        // 之
    static let you: UInt32 = 0x53C8        // 又
    static let ban: UInt32 = 0x534A        // 半
    static let da: UInt32 = 0x6253         // 打
    static let fu: UInt32 = 0x8D1F         // 负
    static let fuTraditional: UInt32 = 0x8CA0   // 負
    static let zhao: UInt32 = 0x5146       // 兆
    static let liang: UInt32 = 0x4E24      // 两
    static let liangTraditional: UInt32 = 0x5169   // 兩
    static let liangVariant: UInt32 = 0x5006   // 倆
    static let duo: UInt32 = 0x591A        // 多
    static let yu: UInt32 = 0x4F59         // 余
    static let yuTraditional: UInt32 = 0x9918   // 餘
    static let ji: UInt32 = 0x51E0         // 几
    static let jiTraditional: UInt32 = 0x5E7E   // 幾

    @inline(__always)
    static func digit(_ c: UInt32) -> Int {
        if c == liangVariant { return 2 }
        return NumeralCharacters.digitValue(c)
    }

    @inline(__always)
    static func largeUnit(_ c: UInt32, _ options: Options) -> Double {
        let value = NumeralCharacters.largeUnit(c)
        if value > 0 { return value }
        return c == zhao && options.contains(.spaces) ? 1e12 : 0
    }

    @inline(__always)
    static func isApproximation(_ c: UInt32) -> Bool {
        c == duo || c == yu || c == yuTraditional || c == ji || c == jiTraditional
    }

    // MARK: Parsing

    /// The longest numeral starting exactly at `start`, if any.
    public func parse(_ s: [UInt32], at start: Int, limit: Int? = nil) -> NumeralMatch? {
        s.withUnsafeBufferPointer { parse($0, at: start, limit: limit ?? s.count) }
    }

    public func parse(_ s: UnsafeBufferPointer<UInt32>, at start: Int, limit: Int) -> NumeralMatch? {
        guard start < limit else { return nil }
        var i = start
        var negative = false
        if options.contains(.sign) {
            let c = s[i]
            let afterNumber = i > 0 && (NumeralCharacters.isASCIIDigit(s[i - 1]) || Self.digit(s[i - 1]) >= 0)
            if (c == Self.fu || c == Self.fuTraditional || c == 0x2D), i + 1 < limit, !(i > 0 && s[i - 1] == 0x2D), !(c == 0x2D && afterNumber) {
                if startsNumeral(s, i + 1, limit) {
                    negative = true
                    i += 1
                }
            }
        }
        guard var match = parseMixedFraction(s, i, limit) else { return nil }
        if negative {
            match.value = -match.value
            match.range = start..<match.range.upperBound
        }
        return match
    }

    /// A numeral may start here: a digit, a Chinese digit or unit, or .5.
    func startsNumeral(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ limit: Int) -> Bool {
        guard i < limit else { return false }
        let c = s[i]
        if NumeralCharacters.isASCIIDigit(c) { return true }
        if c == 0x2E, i + 1 < limit, NumeralCharacters.isASCIIDigit(s[i + 1]) { return true }
        if Self.digit(c) >= 0 || NumeralCharacters.smallUnit(c) > 0 || NumeralCharacters.tensShorthand(c) > 0 { return true }
        if c == Self.ban || c == Self.ji || c == Self.jiTraditional { return i + 1 < limit && NumeralCharacters.smallUnit(s[i + 1]) > 0 }
        return false
    }

    /// A numeral, then 又 + fraction (三百五又三分之一), or a fraction (三分之一, 1/2, 1 4/3).
    private func parseMixedFraction(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ limit: Int) -> NumeralMatch? {
        guard var first = parseCore(s, start, limit) else { return nil }
        guard options.contains(.fractions) else { return first }
        var i = skipSpaces(s, first.range.upperBound, limit)
        // N 分之 M
        if let fraction = fractionTail(s, i, limit, denominator: first.value), !first.more {
            first.value = fraction.value
            first.range = start..<fraction.end
            first.isFraction = true
            first.isChinese = true
            first.digitByDigitLength = 0
            return first
        }
        // 又 a fraction
        if i < limit, s[i] == Self.you {
            let j = skipSpaces(s, i + 1, limit)
            if let denominator = parseCore(s, j, limit), !denominator.more {
                let k = skipSpaces(s, denominator.range.upperBound, limit)
                if let fraction = fractionTail(s, k, limit, denominator: denominator.value) {
                    first.value += fraction.value
                    first.range = start..<fraction.end
                    first.isFraction = true
                    first.digitByDigitLength = 0
                    return first
                }
            }
        }
        // a/b and a b/c (Arabic, no spaces around the slash)
        i = first.range.upperBound
        if !first.isChinese, !first.isDecimal, i + 1 < limit, s[i] == 0x2F, NumeralCharacters.isASCIIDigit(s[i + 1]) {
            var j = i + 1
            var denominator = 0.0
            while j < limit, NumeralCharacters.isASCIIDigit(s[j]) { denominator = denominator * 10 + Double(s[j] - 0x30); j += 1 }
            if denominator > 0, !(j < limit && (NumeralCharacters.isASCIIDigit(s[j]) || s[j] == 0x2F)) {
                first.value /= denominator
                first.range = start..<j
                first.isFraction = true
                first.digitByDigitLength = 0
                return first
            }
        }
        if !first.isChinese, !first.isDecimal, i < limit, s[i] == 0x20, options.contains(.spaces) {
            // 1 4/3: an integer, a space, a fraction.
            let j = skipSpaces(s, i, limit)
            if j < limit, NumeralCharacters.isASCIIDigit(s[j]), var part = parseCore(s, j, limit), !part.isChinese {
                let k = part.range.upperBound
                if k + 1 < limit, s[k] == 0x2F, NumeralCharacters.isASCIIDigit(s[k + 1]) {
                    var m = k + 1
                    var denominator = 0.0
                    while m < limit, NumeralCharacters.isASCIIDigit(s[m]) { denominator = denominator * 10 + Double(s[m] - 0x30); m += 1 }
                    if denominator > 0 {
                        part.value /= denominator
                        first.value += part.value
                        first.range = start..<m
                        first.isFraction = true
                        first.digitByDigitLength = 0
                        return first
                    }
                }
            }
        }
        return first
    }

    /// `分之 M` after a denominator: returns M / denominator.
    private func fractionTail(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ limit: Int, denominator: Double) -> (value: Double, end: Int)? {
        guard denominator != 0, i < limit, s[i] == Self.fen else { return nil }
        var j = skipSpaces(s, i + 1, limit)
        guard j < limit, s[j] == Self.zhi else { return nil }
        j = skipSpaces(s, j + 1, limit)
        var negative = false
        if options.contains(.sign), j < limit, s[j] == Self.fu || s[j] == Self.fuTraditional {
            negative = true
            j += 1
        }
        guard let numerator = parseCore(s, j, limit) else { return nil }
        let value = numerator.value / denominator
        // The peer reads 负N分之负M as positive; two negatives cancel.
        return (negative ? -value : value, numerator.range.upperBound)
    }

    @inline(__always)
    private func skipSpaces(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ limit: Int) -> Int {
        guard options.contains(.spaces) else { return i }
        var j = i
        while j < limit, s[j] == 0x20 { j += 1 }
        return j
    }

    /// Integer and decimal numerals with units, 零, 几/多/余 and 点 decimals.
    /// Where the next part of a numeral starts after `j`: spaces may separate parts of a Chinese
    /// numeral, never two Arabic numbers. (A static function of its arguments rather than a
    /// closure in parseCore: one that captures parseCore's mutable locals boxes them on the heap
    /// at every call, and parseCore runs at every digit of a text.)
    @inline(__always)
    private static func nextPart(_ s: UnsafeBufferPointer<UInt32>, _ j: Int, _ limit: Int, _ options: Options,
                                 _ chineseSoFar: Bool, _ noCurrent: Bool) -> Int {
        guard options.contains(.spaces), j < limit, s[j] == 0x20 else { return j }
        var k = j
        while k < limit, s[k] == 0x20 { k += 1 }
        guard k < limit else { return j }
        let c = s[k]
        let joins = digit(c) >= 0 || NumeralCharacters.smallUnit(c) > 0 || largeUnit(c, options) > 0
            || isApproximation(c) || c == point || c == pointTraditional
            || (NumeralCharacters.isASCIIDigit(c) && chineseSoFar && noCurrent)
        return joins ? k : j
    }

    private func parseCore(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ limit: Int) -> NumeralMatch? {
        var i = start
        var total = 0.0          // completed large-unit groups
        var section = 0.0        // the current group below 万
        var current: Double? = nil
        var currentIsSingleDigit = false
        var lastSmallUnit = 0
        var lastLargeUnit = 0.0
        var lastUnitBeforeCurrent = 0.0
        var zeroBeforeCurrent = false
        var sawZero = false
        var more = false
        var isChinese = false
        var isDecimal = false
        var hasLarge = false
        var digitRun = 0          // consecutive digits without units (二〇一一)
        var sawUnit = false
        var end = start
        var fraction = 0.0

        loop: while i < limit {
            let c = s[i]
            // Arabic digits (with thousands groups and a decimal part).
            if NumeralCharacters.isASCIIDigit(c) || (c == 0x2E && i == start && i + 1 < limit && NumeralCharacters.isASCIIDigit(s[i + 1])) {
                if current != nil || digitRun > 0 { break }
                let arabic = parseArabic(s, i, limit)
                current = arabic.value
                currentIsSingleDigit = arabic.end - i == 1
                isDecimal = isDecimal || arabic.isDecimal
                if !sawUnit { digitRun = arabic.isDecimal ? 0 : arabic.end - i }
                lastUnitBeforeCurrent = lastSmallUnit > 0 ? Double(lastSmallUnit) : lastLargeUnit
                zeroBeforeCurrent = sawZero
                i = arabic.end
                end = i
                if arabic.isDecimal { digitRun = 0 }
                i = Self.nextPart(s, i, limit, options, isChinese || sawUnit, current == nil)
                continue
            }
            let d = Self.digit(c)
            if d >= 0 {
                if NumeralCharacters.isFinancialDigit(c), !financialDigitStands(s, i, limit, start) { break }
                if d == 0 {
                    if digitRun > 0 && !sawUnit {
                        // 二〇一一: a zero inside a digit-by-digit number.
                        current = (current ?? 0) * 10
                        digitRun += 1
                    } else {
                        sawZero = true
                    }
                    isChinese = true
                    i += 1
                    end = i
                    i = Self.nextPart(s, i, limit, options, isChinese || sawUnit, current == nil)
                    continue
                }
                if current != nil {
                    // A digit right after a digit: digit by digit (二〇一一, 九九), never after a unit.
                    guard !sawUnit, digitRun > 0, c != Self.liang, c != Self.liangTraditional, !isDecimal else { break }
                    current = current! * 10 + Double(d)
                    digitRun += 1
                } else {
                    if digitRun > 0 && !sawUnit { break }
                    current = Double(d)
                    currentIsSingleDigit = true
                    if !sawUnit { digitRun = 1 }
                    lastUnitBeforeCurrent = lastSmallUnit > 0 ? Double(lastSmallUnit) : lastLargeUnit
                    zeroBeforeCurrent = sawZero
                }
                isChinese = true
                i += 1
                end = i
                i = Self.nextPart(s, i, limit, options, isChinese || sawUnit, current == nil)
                continue
            }
            let small = NumeralCharacters.smallUnit(c)
            if small > 0 {
                if NumeralCharacters.isFinancialDigit(c), !financialDigitStands(s, i, limit, start) { break }
                if digitRun > 1 {
                    // 二三十 / 三四百: a vague range of numbers, not a numeral.
                    if isChinese && !sawUnit { return nil }
                    break
                }
                if lastSmallUnit > 0 && small >= lastSmallUnit && current != nil && !(current! >= 10) { break }
                if lastSmallUnit > 0 && small >= lastSmallUnit && current == nil { break }
                let multiplier = current ?? 1
                if let value = current, value >= 10, !isChinese || digitRun == 0 {
                    // 3千 is fine; 15千 is not a Chinese numeral.
                    if value.rounded() != value || value >= Double(small) * 10 { break }
                }
                section += multiplier * Double(small)
                current = nil
                lastSmallUnit = small
                sawUnit = true
                sawZero = false
                digitRun = 0
                isChinese = true
                i += 1
                end = i
                i = Self.nextPart(s, i, limit, options, isChinese || sawUnit, current == nil)
                continue
            }
            let shorthand = NumeralCharacters.tensShorthand(c)
            if shorthand > 0 {
                if current != nil || lastSmallUnit > 0 && lastSmallUnit <= 10 { break }
                section += Double(shorthand)
                lastSmallUnit = 10
                sawUnit = true
                digitRun = 0
                isChinese = true
                i += 1
                end = i
                i = Self.nextPart(s, i, limit, options, isChinese || sawUnit, current == nil)
                continue
            }
            var large = Self.largeUnit(c, options)
            if large == 0, c == Self.zhao, i + 1 < limit {
                // 四十九兆九千…亿元: 兆 is a trillion before more numerals (兆瓦 is a measurement).
                let next = s[i + 1]
                if Self.digit(next) >= 0 || NumeralCharacters.smallUnit(next) > 0 || NumeralCharacters.largeUnit(next) > 0 { large = 1e12 }
            }
            if large > 0 {
                let value = section + (current ?? 0)
                if value == 0 && total == 0 { break }   // 万 alone is no number
                if value == 0 {
                    total *= large                       // 万亿, 万万
                } else if lastLargeUnit == 0 || large > lastLargeUnit {
                    total = (total + value) * large
                } else {
                    total += value * large
                }
                section = 0
                current = nil
                lastSmallUnit = 0
                lastLargeUnit = large
                sawUnit = true
                sawZero = false
                digitRun = 0
                hasLarge = true
                isChinese = true
                i += 1
                end = i
                i = Self.nextPart(s, i, limit, options, isChinese || sawUnit, current == nil)
                continue
            }
            if Self.isApproximation(c) {
                // 十几, 二十多万, 500余万, 一百零几万, 几十; not 多 before a non-numeral.
                let isJi = c == Self.ji || c == Self.jiTraditional
                if isJi && current == nil && !sawUnit && i + 1 < limit && NumeralCharacters.smallUnit(s[i + 1]) > 0 {
                    // 几十 / 几百: one of them, and more.
                    current = 1
                    more = true
                    isChinese = true
                    i += 1
                    continue
                }
                guard end > start, current == nil || !isJi else { break }
                guard sawUnit || current != nil else { break }
                more = true
                i += 1
                end = i
                let unitAt = skipSpaces(s, i, limit)
                if unitAt < limit, c == Self.duo || c == Self.yu || c == Self.yuTraditional, Self.largeUnit(s[unitAt], options) > 0 {
                    i = unitAt
                    continue   // 五百余万, 三十万多亿, 十 余 万
                }
                if isJi, i < limit, Self.largeUnit(s[i], options) > 0 { continue }
                break
            }
            if (c == Self.point || c == Self.pointTraditional), options.contains(.decimalWord), end > start, !isDecimal {
                // 两千三点一: the trailing 三 is 300 before the decimals are added.
                if let value = current, currentIsSingleDigit, !zeroBeforeCurrent, lastUnitBeforeCurrent >= 10 {
                    current = value * lastUnitBeforeCurrent / 10
                    currentIsSingleDigit = false
                }
                // 十五点七, 两千万点五五四四: digits read one by one after 点 (not 两, which the peer keeps apart).
                var j = i + 1
                if options.contains(.spaces) { while j < limit, s[j] == 0x20 { j += 1 } }
                var scale = 0.1
                var digits = 0
                var value = 0.0
                while j < limit {
                    let e = Self.digit(s[j])
                    guard e >= 0, s[j] != Self.liang, s[j] != Self.liangTraditional else { break }
                    value += Double(e) * scale
                    scale /= 10
                    digits += 1
                    j += 1
                    if options.contains(.spaces) { while j < limit, s[j] == 0x20, j + 1 < limit, Self.digit(s[j + 1]) >= 0 { j += 1 } }
                }
                guard digits > 0 else { break }
                fraction = value
                isDecimal = true
                isChinese = true
                i = j
                end = j
                // 四点五万: a large unit after the decimals multiplies everything.
                if i < limit, Self.largeUnit(s[i], options) > 0 {
                    let large = Self.largeUnit(s[i], options)
                    let whole = total + section + (current ?? 0) + fraction
                    total = whole * large
                    section = 0
                    current = nil
                    fraction = 0
                    hasLarge = true
                    i += 1
                    end = i
                }
                break loop
            }
            if c == Self.ban, end == start, i + 1 < limit, NumeralCharacters.smallUnit(s[i + 1]) > 0 {
                // 半百 = 50
                section = Double(NumeralCharacters.smallUnit(s[i + 1])) / 2
                sawUnit = true
                isChinese = true
                i += 2
                end = i
                break loop
            }
            break
        }
        guard end > start else { return nil }
        // A trailing digit after a unit counts in the next lower unit: 一万三 = 13000, 四百五 = 450.
        if let value = current, currentIsSingleDigit, !zeroBeforeCurrent, lastUnitBeforeCurrent >= 10, fraction == 0, !isDecimal {
            current = value * lastUnitBeforeCurrent / 10
        }
        var value = total + section + (current ?? 0) + fraction
        var stop = end
        // 一打 = 12
        if options.contains(.dozen), stop < limit, s[stop] == Self.da, value > 0 {
            value *= 12
            stop += 1
        }
        // 40k, 2.5 M, 2e5, 2^5
        if !isChinese {
            if options.contains(.siSuffix), let suffixed = siSuffix(s, stop, limit) {
                value *= suffixed.multiplier
                stop = suffixed.end
            } else if options.contains(.exponent), let exponent = exponentTail(s, stop, limit, base: value) {
                value = exponent.value
                stop = exponent.end
            }
        }
        let digitByDigit = (!sawUnit && !isDecimal && !more) ? digitRun : 0
        return NumeralMatch(range: start..<stop, value: value, more: more, isChinese: isChinese,
                            digitByDigitLength: digitByDigit, hasLargeUnit: hasLarge, isFraction: false, isDecimal: isDecimal)
    }

    /// A financial digit is a numeral only next to another numeral character (陆 in 大陆 is not).
    private func financialDigitStands(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ limit: Int, _ start: Int) -> Bool {
        let c = s[i]
        // 壹 贰 叁 柒 捌 玖 are not everyday words; 伍 陆 肆 拾 佰 仟 are (队伍, 大陆, 放肆, 收拾).
        switch c {
        case 0x58F9, 0x8D30, 0x8CB3, 0x53C1, 0x67D2, 0x634C, 0x7396: return true
        default: break
        }
        if i > start { return true }
        if i > 0, s[i - 1] == Self.zhi { return true }   // 萬分之肆
        var j = i + 1
        if options.contains(.spaces) { while j < limit, s[j] == 0x20 { j += 1 } }
        guard j < limit else { return false }
        let next = s[j]
        return Self.digit(next) >= 0 || NumeralCharacters.smallUnit(next) > 0 || NumeralCharacters.largeUnit(next) > 0
            || next == Self.point || next == Self.pointTraditional || next == 0x6298 || next == 0x6210
    }

    struct Arabic {
        var value: Double
        var end: Int
        var isDecimal: Bool
    }

    /// Digits with thousands separators (a comma followed by exactly three digits) and a decimal part.
    func parseArabic(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ limit: Int) -> Arabic {
        var i = start
        var integer = 0.0
        while i < limit, NumeralCharacters.isASCIIDigit(s[i]) {
            integer = integer * 10 + Double(s[i] - 0x30)
            i += 1
        }
        while i + 3 < limit || i + 3 == limit {
            if let folded, i < folded.count, folded[i], i > 0, !folded[i - 1] { break }
            guard i + 3 <= limit, i < limit, s[i] == 0x2C,
                  NumeralCharacters.isASCIIDigit(s[i + 1]), NumeralCharacters.isASCIIDigit(s[i + 2]), NumeralCharacters.isASCIIDigit(s[i + 3]),
                  i + 4 >= limit || !NumeralCharacters.isASCIIDigit(s[i + 4]) else { break }
            integer = integer * 1000 + Double(s[i + 1] - 0x30) * 100 + Double(s[i + 2] - 0x30) * 10 + Double(s[i + 3] - 0x30)
            i += 4
        }
        var isDecimal = false
        let inDottedSequence = start >= 2 && s[start - 1] == 0x2E && NumeralCharacters.isASCIIDigit(s[start - 2])
        if !inDottedSequence, i + 1 < limit, s[i] == 0x2E, NumeralCharacters.isASCIIDigit(s[i + 1]) {
            // 2222.2222.222 is a list of numbers, not a decimal.
            var j = i + 1
            while j < limit, NumeralCharacters.isASCIIDigit(s[j]) { j += 1 }
            if !(j + 1 < limit && s[j] == 0x2E && NumeralCharacters.isASCIIDigit(s[j + 1])) {
                var scale = 0.1
                var fraction = 0.0
                for k in (i + 1)..<j {
                    fraction += Double(s[k] - 0x30) * scale
                    scale /= 10
                }
                // Exact decimal value from the text, not from accumulated binary fractions.
                let text = String(scalarValues: s[start..<j].filter { $0 != 0x2C })
                integer = Double(text) ?? integer + fraction
                i = j
                isDecimal = true
            }
        }
        return Arabic(value: integer, end: i, isDecimal: isDecimal)
    }

    private func siSuffix(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ limit: Int) -> (multiplier: Double, end: Int)? {
        var j = i
        while j < limit, s[j] == 0x20 { j += 1 }
        guard j < limit else { return nil }
        let multiplier: Double
        switch s[j] {
        case 0x6B, 0x4B: multiplier = 1e3      // k K
        case 0x4D: multiplier = 1e6            // M
        case 0x47: multiplier = 1e9            // G
        default: return nil
        }
        // Not the start of a word (km, Kg, Mb).
        if j + 1 < limit, CharacterClass.of(s[j + 1]) == .latin { return nil }
        return (multiplier, j + 1)
    }

    private func exponentTail(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ limit: Int, base: Double) -> (value: Double, end: Int)? {
        guard i < limit else { return nil }
        let c = s[i]
        guard c == 0x65 || c == 0x45 || c == 0x5E else { return nil }   // e E ^
        var j = i + 1
        var negative = false
        while j < limit, s[j] == 0x2B || s[j] == 0x2D {
            if s[j] == 0x2D { negative.toggle() }
            j += 1
        }
        var exponent = 0.0
        let digitsStart = j
        while j < limit, NumeralCharacters.isASCIIDigit(s[j]) { exponent = exponent * 10 + Double(s[j] - 0x30); j += 1 }
        guard j > digitsStart else { return nil }
        if negative { exponent = -exponent }
        if c == 0x5E { return (pow(base, exponent), j) }
        return (base * pow(10, exponent), j)
    }
}
