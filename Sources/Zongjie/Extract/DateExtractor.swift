/// Finds calendar expressions: full, partial and masked dates (2009年2月18日, 20xx年12月, 4月,
/// 二〇一一年, 200×年), ranges whose end inherits the start's missing year or month (3月28日—4月9日,
/// 2008—2012年, 7月26-31日, 12—13学年), numeric dates (2010-01-29), and the page number fused in front
/// of a year (32008年 → 2008年). Relative expressions, lunar dates and years in document numbers are
/// not dates; modifiers (初 底 中旬 份 以来 度) stay outside the span.
///
/// Rules: `date.calendar`, `date.range`, `date.academic-year`, `date.numeric`.
struct DateExtractor {
    let context: ExtractionContext
    let parser = NumeralParser(options: .extraction)
    /// Held here: a static's accessor costs a swift_once per read, and this one is read at every position.
    private let possibleStartCharacters = Self.possibleStarts

    struct Part {
        var value: Int?
        var masked: Bool
    }

    struct Point {
        var range: Range<Int>
        var year: Part?
        var month: Part?
        var day: Part?
        var masked: Bool { (year?.masked ?? false) || (month?.masked ?? false) || (day?.masked ?? false) }
        var date: DatePoint { DatePoint(year: year?.value, month: month?.value, day: day?.value) }
    }

    static let nian: UInt32 = 0x5E74   // 年
    static let yue: UInt32 = 0x6708    // 月
    static let ri: UInt32 = 0x65E5     // 日
    static let hao: UInt32 = 0x53F7    // 号
    static let ling: UInt32 = 0x96F6   // 零
    static let circle: UInt32 = 0x25CB // ○ used as 〇
    static let xue: UInt32 = 0x5B66    // 学

    func extract() -> [(range: Range<Int>, rule: String, value: DateValue)] {
        let s = context.s
        var found: [(Range<Int>, String, DateValue)] = []
        var i = 0
        while i < s.count {
            guard !context.blocked[i], canStart(s, i) else { i += 1; continue }
            if let academic = academicYears(at: i) {
                found.append(academic)
                i = academic.0.upperBound
                continue
            }
            if var numeric = numericDate(at: i) {
                // 2018/1/10-2018/7/10
                let after = numeric.0.upperBound
                if after + 1 < s.count, s[after] == 0x2D || s[after] == 0x7E || s[after] == 0x2014 || s[after] == 0x81F3,
                   let second = numericDate(at: after + 1) {
                    numeric.0 = numeric.0.lowerBound..<second.0.upperBound
                    numeric.1 = "date.range"
                    numeric.2.to = DatePoint(year: second.2.year, month: second.2.month, day: second.2.day)
                }
                found.append(numeric)
                i = numeric.0.upperBound
                continue
            }
            if let dotted = dottedMonthDate(at: i) {
                found.append(dotted)
                i = dotted.0.upperBound
                continue
            }
            if let bare = bareStartRange(at: i) {
                found.append(bare)
                i = bare.0.upperBound
                continue
            }
            guard let point = parsePoint(at: i) else { i += 1; continue }
            if context.isBlocked(point.range) { i = point.range.upperBound; continue }
            if let (end, endRange) = rangeEnd(after: point) {
                let to = inherit(end.date, from: point)
                let value = DateValue(year: point.year?.value, month: point.month?.value, day: point.day?.value,
                                      masked: point.masked || end.masked, to: to)
                found.append((point.range.lowerBound..<endRange.upperBound, "date.range", value))
                i = endRange.upperBound
                continue
            }
            let value = DateValue(year: point.year?.value, month: point.month?.value, day: point.day?.value, masked: point.masked, to: nil)
            found.append((point.range, "date.calendar", value))
            i = point.range.upperBound
        }
        return found
    }

    /// A date may start at digits, Chinese digits or placeholders that do not continue a number.
    static let possibleStarts: ScalarSet = NumeralCharacters.numeralStarts.union(ScalarSet([0x78, 0x58, 0xD7, 0x5F, 0x2A, 0x2573, 0x25CB]))

    private func canStart(_ s: [UInt32], _ i: Int) -> Bool {
        let c = s[i]
        guard possibleStartCharacters.contains(c) else { return false }
        let previous: UInt32 = i > 0 ? s[i - 1] : 0x20
        if NumeralCharacters.isASCIIDigit(c) {
            return !NumeralCharacters.isASCIIDigit(previous) || isFusedPageNumber(s, i)
        }
        if NumeralCharacters.isMask(c) {
            return !NumeralCharacters.isMask(previous) && !NumeralCharacters.isASCIIDigit(previous) && CharacterClass.of(previous) != .latin
        }
        if isChineseDateDigit(c) || NumeralCharacters.smallUnit(c) == 10 {
            return !isChineseDateDigit(previous) && NumeralCharacters.smallUnit(previous) != 10
        }
        // 两千零四年
        if c == 0x4E24, i + 1 < s.count, s[i + 1] == 0x5343 { return !isChineseDateDigit(previous) }
        return false
    }

    /// 32008年, 132022年: a page number of up to three digits fused in front of a year at the start
    /// of a line or after a sentence. `i` is the position of the year's first digit.
    private func isFusedPageNumber(_ s: [UInt32], _ i: Int) -> Bool {
        guard i >= 1, NumeralCharacters.isASCIIDigit(s[i - 1]) else { return false }
        var pageStart = i - 1
        while pageStart > 0, i - pageStart < 3, NumeralCharacters.isASCIIDigit(s[pageStart - 1]) { pageStart -= 1 }
        guard pageStart == 0 || !NumeralCharacters.isASCIIDigit(s[pageStart - 1]) else { return false }
        guard i + 4 < s.count, (i..<(i + 4)).allSatisfy({ NumeralCharacters.isASCIIDigit(s[$0]) }) else { return false }
        // 32008年 / 172024—2025学年: the year takes 年, or a connector and a second year.
        let yearFollows = s[i + 4] == Self.nian
            || (Self.rangeConnectors.contains { s.hasPrefix($0, at: i + 4) } && i + 6 < s.count && NumeralCharacters.isASCIIDigit(s[i + 5]))
        guard yearFollows else { return false }
        let year = NumberTokenScanner.value(s.withUnsafeBufferPointer { $0 }, i, i + 4)
        guard (1900...2099).contains(year) else { return false }
        let before: UInt32 = pageStart > 0 ? s[pageStart - 1] : 0x0A
        return before == 0x0A || before == 0x0D || before == HeadingMarkers.comma || before == 0x3002 || before == 0x3B || before == 0x20
    }

    @inline(__always)
    /// A Chinese month or day numeral of up to three characters at `start` (一 … 九, 十, 十一,
    /// 二十, 三十一): its value and where it ends (`start` when there is none). Financial digits
    /// and 两 are no date digits. Shared with the validator's `CalendarScanner`.
    static func chineseMonthOrDay(_ s: [UInt32], from start: Int) -> (value: Int, end: Int) {
        var i = start
        var total = 0
        var current = -1
        var sawTen = false
        while i < s.count, i - start < 3 {
            let c = s[i]
            let digit = NumeralCharacters.digitValue(c)
            if c == 0x5341 {   // 十
                guard !sawTen else { break }
                total += (current < 0 ? 1 : current) * 10
                current = -1
                sawTen = true
            } else if current < 0, (1...9).contains(digit), !NumeralCharacters.isFinancialDigit(c), c != 0x4E24, c != 0x5169 {
                current = digit
            } else {
                break
            }
            i += 1
        }
        if current > 0 { total += current }
        return (total, i)
    }

    private func isChineseDateDigit(_ c: UInt32) -> Bool {
        let digit = NumeralCharacters.digitValue(c)
        return (digit >= 0 && !NumeralCharacters.isFinancialDigit(c) && c != 0x4E24 && c != 0x5169) || c == Self.circle
    }

    /// Skips ASCII spaces (scraped text writes 2008 年, 2018年 12月).
    @inline(__always)
    private func skipSpaces(_ i: Int) -> Int {
        let s = context.s
        var j = i
        while j < s.count, j - i < 2, s[j] == 0x20 { j += 1 }
        return j
    }

    // MARK: Points

    /// Year 年, month 月, day 日 (each optional, at least a year or a month).
    func parsePoint(at start: Int) -> Point? {
        let s = context.s
        var i = start
        var point = Point(range: start..<start)
        if let (year, end) = yearPart(at: i) {
            point.year = year
            i = end
        }
        let monthStart = point.year != nil ? skipSpaces(i) : i
        if let (month, end) = numberPart(at: monthStart, unit: Self.yue, maximum: point.year != nil ? 19 : 12) {
            point.month = month
            i = end
        }
        if point.month != nil, let (day, end) = numberPart(at: i, unit: Self.ri, maximum: point.year != nil ? 39 : 31)
            ?? numberPart(at: i, unit: Self.hao, maximum: 31) {
            point.day = day
            i = end
        } else if point.month != nil, let (day, end) = bareChineseDay(at: i) {
            // 八月十五, 一月二十三: a Chinese day without 日 at the end of the expression.
            point.day = day
            i = end
        }
        guard point.year != nil || point.month != nil else { return nil }
        if point.day != nil, let end = weekdayEnd(after: i) { i = end }
        // A month alone must be a calendar month, not a count of months (3个月 never gets here).
        if point.year == nil, point.day == nil, let month = point.month {
            if month.masked && !isMaskedMonthContext(start) { return nil }
            if isLunarOrRelative(start) { return nil }
        }
        // xx年来 / xx年多: a masked length of time, not a year.
        if let year = point.year, year.value == nil, point.month == nil, isDuration(after: i) { return nil }
        point.range = start..<i
        _ = s
        return point
    }

    /// A Chinese day numeral (1…31) after 月 with nothing Chinese after it: 八月十五.
    private func bareChineseDay(at start: Int) -> (Part, Int)? {
        let s = context.s
        let (total, i) = Self.chineseMonthOrDay(s, from: start)
        guard i > start, (1...31).contains(total) else { return nil }
        // Only when the numeral ends the phrase (not 八月十五个工作日).
        if i < s.count, CharacterClass.of(s[i]) == .han || CharacterClass.of(s[i]) == .digit { return nil }
        return (Part(value: total, masked: false), i)
    }

    static let weekdays: [[UInt32]] = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天",
                                       "周一", "周二", "周三", "周四", "周五", "周六", "周日"].map(scalars)

    /// A weekday after a full date is part of the expression: 10月12号，星期一 / 3月5日(周二).
    private func weekdayEnd(after position: Int) -> Int? {
        let s = context.s
        var i = position
        var opened = false
        if i < s.count, s[i] == HeadingMarkers.comma || s[i] == 0x20 { i += 1 }
        else if i < s.count, s[i] == HeadingMarkers.open { i += 1; opened = true }
        guard let weekday = Self.weekdays.first(where: { s.hasPrefix($0, at: i) }) else { return nil }
        i += weekday.count
        if opened {
            guard i < s.count, s[i] == HeadingMarkers.close else { return nil }
            i += 1
        }
        return i
    }

    /// 20xx月 / xx月 alone is rarely a date; accept it after a masked or real year only.
    private func isMaskedMonthContext(_ start: Int) -> Bool { false }

    /// 正月 / 腊月 / 初一 are lunar; 每月 is no date.
    private func isLunarOrRelative(_ start: Int) -> Bool {
        let s = context.s
        guard start > 0 else { return false }
        let previous = s[start - 1]
        return previous == 0x519C || previous == 0x6BCF   // 农 每
    }

    /// 年 followed by 来/多/内/间 reads as a length of time.
    private func isDuration(after position: Int) -> Bool {
        let s = context.s
        guard position < s.count else { return false }
        switch s[position] {
        case 0x6765, 0x591A, 0x5185, 0x95F4, 0x534A: return true   // 来 多 内 间 半
        default: return false
        }
    }

    /// A year followed by 年: 2009, 20xx, 201x, 200×, 20__, xx, xxx, 二〇一一, 二0一二, 09, 12 (before a month).
    private func yearPart(at start: Int) -> (Part, Int)? {
        let s = context.s
        var i = start
        var digits = 0
        var masks = 0
        var value = 0
        while i < s.count, i - start < 4 {
            let c = s[i]
            if NumeralCharacters.isASCIIDigit(c), masks == 0 {
                value = value * 10 + Int(c - 0x30)
                digits += 1
            } else if NumeralCharacters.isMask(c) {
                masks += 1
            } else {
                break
            }
            i += 1
        }
        if digits + masks > 0, i < s.count, s[i] == 0x20, skipSpaces(i) < s.count, s[skipSpaces(i)] == Self.nian, masks == 0 {
            i = skipSpaces(i)   // 2008 年
        }
        if digits + masks > 0, i < s.count, s[i] == Self.nian {
            // Not the tail of a longer number (12345年) unless a page number is fused in front.
            if start > 0, NumeralCharacters.isASCIIDigit(s[start - 1]), !isFusedPageNumber(s, start) { return nil }
            if masks == 0 {
                if digits == 4, (1000...2999).contains(value) { return (Part(value: value, masked: false), i + 1) }
                if digits == 2, s[start] == 0x30 { return (Part(value: 2000 + value, masked: false), i + 1) }
                if digits == 2, let (_, _) = numberPart(at: i + 1, unit: Self.yue, maximum: 12) {
                    return (Part(value: value < 50 ? 2000 + value : 1900 + value, masked: false), i + 1)
                }
                return nil
            }
            // Masked: 20xx, 201x, 200×, 20__ (four in all), or xx / xxx / xxxx alone.
            if digits + masks == 4 && digits >= 2 { return (Part(value: nil, masked: true), i + 1) }
            if digits == 0 && masks >= 2 { return (Part(value: nil, masked: true), i + 1) }
            return nil
        }
        // Chinese digit by digit: 二〇一一年, 二0一二年, 二○一二年; masked at the end: 二〇××年.
        i = start
        value = 0
        var count = 0
        var chineseMasks = 0
        while i < s.count, count < 4 {
            let c = s[i]
            let digit: Int
            if NumeralCharacters.isMask(c), count >= 2 { chineseMasks += 1; count += 1; i += 1; continue }
            if chineseMasks > 0 { break }
            if c == Self.circle || c == 0x30 || c == Self.ling { digit = 0 }
            else if isChineseDateDigit(c) { digit = NumeralCharacters.digitValue(c) }
            else { break }
            value = value * 10 + digit
            count += 1
            i += 1
        }
        if count == 4, chineseMasks > 0, i < s.count, s[i] == Self.nian, isChineseDateDigit(s[start]) {
            return (Part(value: nil, masked: true), i + 1)
        }
        if count == 4, chineseMasks == 0, i < s.count, s[i] == Self.nian, (1000...2999).contains(value), isChineseDateDigit(s[start]) {
            return (Part(value: value, masked: false), i + 1)
        }
        // 三六七年 (digit by digit, three digits), 零八年 (two digits starting with zero).
        if count == 3, chineseMasks == 0, i < s.count, s[i] == Self.nian, isChineseDateDigit(s[start]), NumeralCharacters.digitValue(s[start]) > 0 {
            return (Part(value: value, masked: false), i + 1)
        }
        if count == 2, chineseMasks == 0, i < s.count, s[i] == Self.nian, s[start] == Self.ling || s[start] == 0x3007 {
            return (Part(value: 2000 + value, masked: false), i + 1)
        }
        // 两千零四年 / 二〇〇〇年 written with units: a year of 1000…2999.
        // (The cheap test first: a digit and then 千, before the numeral engine runs.)
        if start + 1 < s.count, NumeralCharacters.smallUnit(s[start + 1]) > 0,
           let match = parser.parse(s, at: start), match.isChinese, !match.more, !match.isDecimal,
           match.range.upperBound < s.count, s[match.range.upperBound] == Self.nian, (1000...2999).contains(Int(match.value)),
           match.value == match.value.rounded() {
            return (Part(value: Int(match.value), masked: false), match.range.upperBound + 1)
        }
        return nil
    }

    /// A month or day number followed by its unit: 2, 12, 十二, 廿一, xx.
    private func numberPart(at start: Int, unit: UInt32, maximum: Int) -> (Part, Int)? {
        let s = context.s
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
            guard i < s.count, s[i] == unit, (1...maximum).contains(value) else { return nil }
            return (Part(value: value, masked: false), i + 1)
        }
        var masks = 0
        while i < s.count, masks < 2, NumeralCharacters.isMask(s[i]) { masks += 1; i += 1 }
        if masks > 0 {
            guard i < s.count, s[i] == unit else { return nil }
            return (Part(value: nil, masked: true), i + 1)
        }
        // Chinese: 一 … 九, 十, 十一, 二十, 二十一, 三十一.
        let (total, end) = Self.chineseMonthOrDay(s, from: i)
        guard end > i, end < s.count, s[end] == unit, (1...maximum).contains(total) else { return nil }
        return (Part(value: total, masked: false), end + 1)
    }

    // MARK: Ranges

    static let connectors: [[UInt32]] = ["———", "——", "—", "–", "---", "--", "-", "~", "至", "到", "―", "开始到", "开始至", "起至",
                                         "和", "、", "与"].map(scalars)
    /// The first ten of `connectors` (dashes, hyphens, the tilde, 至, 到): those that join a year or
    /// a date written in digits to the next one.
    static let rangeConnectors = Array(connectors.prefix(10))
    /// Connectors that make a range only when the end is written short (6月1日和2日, 2014、2015年).
    static let weakConnectors: [[UInt32]] = ["和", "、", "与"].map(scalars)

    static let followingYearWords: [[UInt32]] = ["次年", "翌年", "第二年"].map(scalars)

    private static let zhijian = scalars("之间")

    /// 之间 / 间 right after the second date.
    private func closesBetween(_ position: Int) -> Bool {
        let s = context.s
        return s.hasPrefix(Self.zhijian, at: position) || (position < s.count && s[position] == 0x95F4)
    }

    /// A connector and a second point after `point`: 3月28日—4月9日, 5月13日—14日, 1949年至1978年.
    private func rangeEnd(after point: Point) -> (Point, Range<Int>)? {
        let s = context.s
        let position = skipSpaces(point.range.upperBound)
        for connector in Self.connectors where s.hasPrefix(connector, at: position) {
            let next = skipSpaces(position + connector.count)
            guard next < s.count else { return nil }
            let weak = Self.weakConnectors.contains(connector)
            // 9月1日—次年7月10日: the end falls in the year after the start's.
            if !weak, let word = Self.followingYearWords.first(where: { s.hasPrefix($0, at: next) }) {
                guard var second = parsePoint(at: next + word.count), second.year == nil, second.month != nil else { return nil }
                second.year = point.year.map { Part(value: $0.value.map { $0 + 1 }, masked: $0.masked) }
                return (second, second.range)
            }
            // The end may lack the parts the start has: it starts at the first part it writes.
            // After 和/、 two full dates are a list (7月、8月), not a range — unless 之间 closes
            // them (2015年和2018年之间).
            if let second = parsePoint(at: next), isLaterOrUnknown(second, point) {
                if !weak || closesBetween(second.range.upperBound) { return (second, second.range) }
            }
            // 5月13日—14日 / 2011年1~6月: a bare day or month.
            if point.day != nil, let (day, end) = numberPart(at: next, unit: Self.ri, maximum: 31) {
                let second = Point(range: next..<end, year: nil, month: nil, day: day)
                if isLaterOrUnknown(second, point) { return (second, next..<end) }
            }
            return nil
        }
        return nil
    }

    private func sameShape(_ a: Point, _ b: Point) -> Bool {
        (a.year != nil) == (b.year != nil) && (a.month != nil) == (b.month != nil) && (a.day != nil) == (b.day != nil)
    }

    /// The end of a range is not before its start (when both are known). Without any year, an
    /// end that writes an earlier month falls in the next year (a school year: 9月1日—7月10日).
    private func isLaterOrUnknown(_ end: Point, _ start: Point) -> Bool {
        let to = inherit(end.date, from: start)
        let from = start.date
        if start.year == nil, end.year == nil, start.month != nil, end.month != nil { return true }
        // 20xx年8月至20xx年7月: the end writes its own year and a mask hides one of the two, so
        // the order cannot be checked (the masks may stand for different years).
        if let endYear = end.year, endYear.value == nil || from.year == nil { return true }
        if let a = from.year, let b = to.year, a != b { return b > a }
        if let a = from.month, let b = to.month, a != b { return b > a }
        if let a = from.day, let b = to.day { return b >= a }
        return true
    }

    /// The end's missing year/month come from the start.
    private func inherit(_ end: DatePoint, from start: Point) -> DatePoint {
        var to = end
        if to.year == nil, start.year != nil, !(start.year?.masked ?? false) { to.year = start.year?.value }
        if to.month == nil, to.day != nil { to.month = start.month?.value }
        return to
    }

    /// A first end without its unit: 2008—2012年, 7月26-31日, 2011年1~6月.
    private func bareStartRange(at start: Int) -> (Range<Int>, String, DateValue)? {
        let s = context.s
        // 2008—2012年 (years)
        if let (first, afterFirst) = bareNumber(at: start, digits: 4...4), (1000...2999).contains(first ?? 0) || first == nil {
            let connectorAt = skipSpaces(afterFirst)
            for connector in Self.connectors where s.hasPrefix(connector, at: connectorAt) {
                let next = skipSpaces(connectorAt + connector.count)
                if let second = parsePoint(at: next), second.year != nil, second.month == nil {
                    if let a = first, let b = second.year?.value, b <= a { return nil }
                    let value = DateValue(year: first, month: nil, day: nil, masked: first == nil || second.masked,
                                          to: DatePoint(year: second.year?.value))
                    return (start..<second.range.upperBound, "date.range", value)
                }
            }
        }
        // 7月26-31日 / 2011年1~6月 are a point followed by a bare number: handled here.
        guard let point = parsePointPrefix(at: start) else { return nil }
        for connector in Self.rangeConnectors where s.hasPrefix(connector, at: point.end) {
            let next = point.end + connector.count
            if point.monthOnly, let (day, end) = numberPart(at: next, unit: Self.ri, maximum: 31), let first = point.bare {
                guard let value = day.value, value > first else { return nil }
                let date = DateValue(year: point.year?.value, month: point.month?.value, day: first, masked: point.year?.masked ?? false,
                                     to: DatePoint(year: point.year?.value, month: point.month?.value, day: value))
                return (start..<end, "date.range", date)
            }
            if point.yearOnly, let (month, end) = numberPart(at: next, unit: Self.yue, maximum: 12), let first = point.bare {
                guard let value = month.value, value > first else { return nil }
                let date = DateValue(year: point.year?.value, month: first, day: nil, masked: point.year?.masked ?? false,
                                     to: DatePoint(year: point.year?.value, month: value))
                return (start..<end, "date.range", date)
            }
        }
        return nil
    }

    struct Prefix {
        var year: Part?
        var month: Part?
        var bare: Int?
        var end: Int
        var monthOnly: Bool   // Y年M月 + bare day number
        var yearOnly: Bool    // Y年 + bare month number
    }

    /// [Y年]M月 + digits (for 7月26-31日), or Y年 + digits (for 2011年1~6月).
    private func parsePointPrefix(at start: Int) -> Prefix? {
        var i = start
        var year: Part?
        if let (part, end) = yearPart(at: i) { year = part; i = end }
        if let (month, end) = numberPart(at: i, unit: Self.yue, maximum: 12) {
            guard let (bare, after) = bareNumber(at: end, digits: 1...2), let value = bare, (1...31).contains(value) else { return nil }
            return Prefix(year: year, month: month, bare: value, end: after, monthOnly: true, yearOnly: false)
        }
        guard year != nil, let (bare, after) = bareNumber(at: i, digits: 1...2), let value = bare, (1...12).contains(value) else { return nil }
        return Prefix(year: year, month: nil, bare: value, end: after, monthOnly: false, yearOnly: true)
    }

    /// Digits (or placeholders) not followed by another digit; nil value when masked.
    private func bareNumber(at start: Int, digits: ClosedRange<Int>) -> (Int?, Int)? {
        let s = context.s
        var i = start
        var value = 0
        var count = 0
        var masked = false
        while i < s.count, count < digits.upperBound {
            if NumeralCharacters.isASCIIDigit(s[i]), !masked { value = value * 10 + Int(s[i] - 0x30) }
            else if NumeralCharacters.isMask(s[i]) { masked = true }
            else { break }
            count += 1
            i += 1
        }
        guard digits.contains(count), !(i < s.count && NumeralCharacters.isASCIIDigit(s[i])) else { return nil }
        if start > 0, NumeralCharacters.isASCIIDigit(s[start - 1]) { return nil }
        return (masked ? nil : value, i)
    }

    // MARK: Academic years and numeric dates

    /// 12—13学年, 20xx-20xx学年, 200×—200×学年, 11-xx学年: two years and 学年.
    private func academicYears(at start: Int) -> (Range<Int>, String, DateValue)? {
        let s = context.s
        guard let (first, afterFirst) = academicYear(at: start) else { return nil }
        for connector in Self.rangeConnectors where s.hasPrefix(connector, at: afterFirst) {
            let next = afterFirst + connector.count
            guard let (second, afterSecond) = academicYear(at: next), afterSecond + 1 < s.count,
                  s[afterSecond] == Self.xue, s[afterSecond + 1] == Self.nian else { continue }
            if let a = first.value, let b = second.value, b < a { return nil }
            let value = DateValue(year: first.value, month: nil, day: nil, masked: first.masked || second.masked,
                                  to: DatePoint(year: second.value))
            return (start..<(afterSecond + 2), "date.academic-year", value)
        }
        return nil
    }

    private func academicYear(at start: Int) -> (Part, Int)? {
        let s = context.s
        var i = start
        var digits = 0
        var masks = 0
        var value = 0
        while i < s.count, digits + masks < 4 {
            if NumeralCharacters.isASCIIDigit(s[i]), masks == 0 { value = value * 10 + Int(s[i] - 0x30); digits += 1 }
            else if NumeralCharacters.isMask(s[i]) { masks += 1 }
            else { break }
            i += 1
        }
        if i < s.count, NumeralCharacters.isASCIIDigit(s[i]) { return nil }
        if start > 0, NumeralCharacters.isASCIIDigit(s[start - 1]), !isFusedPageNumber(s, start) { return nil }
        switch (digits, masks) {
        case (4, 0): return (Part(value: value, masked: false), i)
        case (2, 0): return (Part(value: 2000 + value, masked: false), i)
        case (0, 2...4), (2...3, 1...2): return digits + masks == 4 || digits == 0 ? (Part(value: nil, masked: true), i) : nil
        default: return nil
        }
    }

    /// 2019.8 / 2019/08: a year and a month written with a dot or slash (a tenure: 2019.8—2021.7).
    private func numericYearMonth(at start: Int) -> (year: Int, month: Int, end: Int, twoDigitMonth: Bool)? {
        let s = context.s
        guard start + 6 <= s.count, let (yearValue, afterYear) = bareNumber(at: start, digits: 4...4), let year = yearValue,
              (1900...2099).contains(year), afterYear < s.count, s[afterYear] == 0x2E || s[afterYear] == 0x2F,
              let (monthValue, afterMonth) = bareNumber(at: afterYear + 1, digits: 1...2), let month = monthValue,
              (1...12).contains(month) else { return nil }
        // 2019.8.5 is a full date; 2019.85 no date at all (bareNumber refuses a third digit).
        if afterMonth < s.count, s[afterMonth] == s[afterYear] { return nil }
        return (year, month, afterMonth, afterMonth - afterYear == 3)
    }

    static let numericRangeConnectors = ScalarSet("-~—–―至到")

    /// A year and month with a dot or slash: as a range (2019.8—2021.7, 2019.08至2020.1.10), or alone
    /// with a two-digit month that nothing numeric follows (任职时间2019.08起). A lone 2019.8 is more
    /// often a decimal than a date.
    private func dottedMonthDate(at start: Int) -> (Range<Int>, String, DateValue)? {
        let s = context.s
        guard let first = numericYearMonth(at: start) else { return nil }
        var k = first.end
        while k < s.count, Self.numericRangeConnectors.contains(s[k]), k - first.end < 3 { k += 1 }
        if k > first.end {
            if let second = numericYearMonth(at: k) {
                return (start..<second.end, "date.range", DateValue(year: first.year, month: first.month, day: nil, masked: false,
                                                                  to: DatePoint(year: second.year, month: second.month, day: nil)))
            }
            if let second = numericDate(at: k) {
                return (start..<second.0.upperBound, "date.range", DateValue(year: first.year, month: first.month, day: nil, masked: false,
                                                                           to: DatePoint(year: second.2.year, month: second.2.month, day: second.2.day)))
            }
        }
        guard first.twoDigitMonth else { return nil }
        if first.end < s.count {
            let next = s[first.end]
            guard !NumeralCharacters.isASCIIDigit(next), !Self.numericFollowersThatMakeANumber.contains(next) else { return nil }
        }
        return (start..<first.end, "date.numeric", DateValue(year: first.year, month: first.month, day: nil, masked: false, to: nil))
    }

    /// After 2019.08 these make it a quantity (2019.08万元, 2019.08%, 2019.08亿).
    static let numericFollowersThatMakeANumber = ScalarSet("万亿千百元%％个名人吨亩米斤公平倍")

    /// 2010-01-29, 2010/01/29, 2010.01.29 (not a website timestamp with a time after it).
    private func numericDate(at start: Int) -> (Range<Int>, String, DateValue)? {
        let s = context.s
        guard start + 8 <= s.count, !(start > 0 && NumeralCharacters.isASCIIDigit(s[start - 1])) else { return nil }
        guard let (yearValue, afterYear) = bareNumber(at: start, digits: 4...4), let year = yearValue, (1000...2999).contains(year) else { return nil }
        guard afterYear < s.count else { return nil }
        let separator = s[afterYear]
        guard separator == 0x2D || separator == 0x2F || separator == 0x2E || separator == 0x20 else { return nil }
        // 2010 01 29: spaces separate only two-digit month and day.
        if separator == 0x20, !(afterYear + 6 <= s.count && s[afterYear + 3] == 0x20
                                && (1...2).allSatisfy({ NumeralCharacters.isASCIIDigit(s[afterYear + $0]) })) { return nil }
        guard let (monthValue, afterMonth) = bareNumber(at: afterYear + 1, digits: 1...2), let month = monthValue, (1...12).contains(month),
              afterMonth < s.count, s[afterMonth] == separator,
              let (dayValue, afterDay) = bareNumber(at: afterMonth + 1, digits: 1...2), let day = dayValue, (1...31).contains(day) else { return nil }
        // A time after the date makes it a timestamp (时间:2023-12-12 04:34:37).
        var k = afterDay
        while k < s.count, s[k] == 0x20 { k += 1 }
        if k + 2 < s.count, NumeralCharacters.isASCIIDigit(s[k]), s[k + 1] == 0x3A || (k + 2 < s.count && s[k + 2] == 0x3A) { return nil }
        if afterDay < s.count, NumeralCharacters.isASCIIDigit(s[afterDay]) || s[afterDay] == separator { return nil }
        return (start..<afterDay, "date.numeric", DateValue(year: year, month: month, day: day, masked: false, to: nil))
    }
}
