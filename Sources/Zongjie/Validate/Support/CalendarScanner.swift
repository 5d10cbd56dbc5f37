/// A calendar expression as written, with no judgement of its values: 2019年2月30日, 13月5日,
/// 二〇一九年二月二十九日, 20xx年2月29日, 2015年. Unlike the date extractor (which only takes values
/// that can be dates), it reads any month or day number, so that the validator can report the
/// impossible ones.
public struct CalendarPoint: Sendable, Equatable {
    /// Normalized range.
    public var range: Range<Int>
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// A part written as a placeholder (20xx, xx月).
    public var yearMasked = false
    public var monthMasked = false
    public var dayMasked = false

    public var hasYear: Bool { year != nil || yearMasked }
    public var hasMonth: Bool { month != nil || monthMasked }
    public var hasDay: Bool { day != nil || dayMasked }
}

/// Reads calendar points from normalized text.
struct CalendarScanner {
    static let nian: UInt32 = 0x5E74   // 年
    static let yue: UInt32 = 0x6708    // 月
    static let ri: UInt32 = 0x65E5     // 日
    static let hao: UInt32 = 0x53F7    // 号
    static let circle: UInt32 = 0x25CB // ○ written for 〇

    let s: [UInt32]

    /// Every point with a month (and optionally a year and a day), or a year alone when
    /// `yearsAlone` is set, in text order.
    func points(yearsAlone: Bool = false) -> [CalendarPoint] {
        var result: [CalendarPoint] = []
        var i = 0
        while i < s.count {
            guard canStart(i), let point = point(at: i) else { i += 1; continue }
            if point.hasMonth || (yearsAlone && point.hasYear) { result.append(point) }
            i = point.range.upperBound
        }
        return result
    }

    /// A point may start at a digit, a Chinese digit or a placeholder that does not continue a
    /// number (第13月 and 每月 are not dates).
    func canStart(_ i: Int) -> Bool {
        let c = s[i]
        guard isDigitLike(c) else { return false }
        if i > 0 {
            let previous = s[i - 1]
            if isDigitLike(previous) || CharacterClass.of(previous) == .latin || previous == 0x2E { return false }
            if previous == 0x7B2C || previous == 0x6BCF { return false }   // 第 每
        }
        return true
    }

    func isDigitLike(_ c: UInt32) -> Bool {
        NumeralCharacters.isASCIIDigit(c) || NumeralCharacters.isMask(c) || chineseDigit(c) >= 0 || c == 0x5341   // 十
    }

    func chineseDigit(_ c: UInt32) -> Int {
        if c == Self.circle || c == 0x3007 || c == 0x96F6 { return 0 }   // ○ 〇 零
        if c == 0x4E24 || c == 0x5169 { return -1 }   // 两 is no date digit
        if NumeralCharacters.isFinancialDigit(c) { return -1 }
        let value = NumeralCharacters.digitValue(c)
        return value >= 0 && value <= 9 ? value : -1
    }

    /// [year 年][month 月][day 日|号]: at least a year or a month.
    /// `monthAlone`: a month without year or day is a point too (after 同年, the year is known).
    func point(at start: Int, monthAlone: Bool = false) -> CalendarPoint? {
        var point = CalendarPoint(range: start..<start)
        var i = start
        if let (value, masked, end) = year(at: i) {
            point.year = value
            point.yearMasked = masked
            i = end
        }
        if let (value, masked, end) = number(at: i, unit: Self.yue) {
            point.month = value
            point.monthMasked = masked
            i = end
            if let (day, dayMasked, dayEnd) = number(at: i, unit: Self.ri) ?? number(at: i, unit: Self.hao) {
                point.day = day
                point.dayMasked = dayMasked
                i = dayEnd
            }
        }
        guard point.hasYear || point.hasMonth else { return nil }
        // A month alone must look like a date: a year before it or a day after it (or a year the
        // caller knows, monthAlone).
        if !point.hasYear, !point.hasDay, !monthAlone { return nil }
        // 3个月 never matches; 12月份 does, and is a month.
        point.range = start..<i
        return point
    }

    /// 2019年, 20xx年, 201x年, 二〇一九年, 二0一二年.
    func year(at start: Int) -> (Int?, Bool, Int)? {
        var i = start
        var value = 0
        var digits = 0
        var masks = 0
        while i < s.count, digits + masks < 4 {
            let c = s[i]
            if NumeralCharacters.isASCIIDigit(c), masks == 0 { value = value * 10 + Int(c - 0x30); digits += 1 }
            else if NumeralCharacters.isMask(c) { masks += 1 }
            else { break }
            i += 1
        }
        if digits + masks == 4, i < s.count, s[i] == Self.nian {
            if masks == 0 { return (1000...2999).contains(value) ? (value, false, i + 1) : nil }
            return digits >= 2 ? (nil, true, i + 1) : nil
        }
        if digits == 0, masks >= 2, i < s.count, s[i] == Self.nian { return (nil, true, i + 1) }
        // Chinese digit by digit.
        i = start
        value = 0
        var count = 0
        while i < s.count, count < 4 {
            let digit = NumeralCharacters.isASCIIDigit(s[i]) ? Int(s[i] - 0x30) : chineseDigit(s[i])
            guard digit >= 0 else { break }
            value = value * 10 + digit
            count += 1
            i += 1
        }
        if count == 4, i < s.count, s[i] == Self.nian, chineseDigit(s[start]) > 0, (1000...2999).contains(value) {
            return (value, false, i + 1)
        }
        return nil
    }

    /// A month or day number of any value (1–2 digits, a Chinese numeral up to 三十九, or
    /// placeholders) and its unit.
    func number(at start: Int, unit: UInt32) -> (Int?, Bool, Int)? {
        guard start < s.count else { return nil }
        var i = start
        var value = 0
        var digits = 0
        while i < s.count, digits < 2, NumeralCharacters.isASCIIDigit(s[i]) {
            value = value * 10 + Int(s[i] - 0x30)
            digits += 1
            i += 1
        }
        if digits > 0 {
            guard i < s.count, s[i] == unit else { return nil }
            return (value, false, i + 1)
        }
        var masks = 0
        while i < s.count, masks < 2, NumeralCharacters.isMask(s[i]) { masks += 1; i += 1 }
        if masks > 0 {
            guard i < s.count, s[i] == unit else { return nil }
            return (nil, true, i + 1)
        }
        // Chinese: 一 … 九, 十, 十一, 二十, 三十二.
        let (total, end) = DateExtractor.chineseMonthOrDay(s, from: i)
        guard end > i, end < s.count, s[end] == unit, total > 0 else { return nil }
        return (total, false, end + 1)
    }

    /// Days in a month; February has 29 when the year is unknown or a leap year.
    static func days(inMonth month: Int, year: Int?) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2:
            guard let year else { return 29 }
            return isLeap(year) ? 29 : 28
        default: return 0
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}
