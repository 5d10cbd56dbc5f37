/// `date-range`: a date range that ends before it starts: 2015年6月20日至2015年3月20日,
/// 5月13日—4日, 2014—2010年.
///
/// The end inherits what it does not write from the start (5月13日—14日 is in May). An end
/// without a year whose month is earlier than the start's (12月28日至1月3日) crosses into the next
/// year and is fine. Masked parts (20xx) are not compared.
public struct DateRangeOrderRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "date-range", defaultSeverity: .error,
        summary: "A date range ends before it starts",
        description: "日期范围的结束早于开始（如2015年6月20日至2015年3月20日、5月13日—4日、2014—2010年）")

    public init() {}

    static let connectors = ["———", "——", "—", "–", "―", "---", "--", "-", "~", "起至", "至", "到"].map(\.scalarArray)
    static let sameYearWords = ["同年", "当年"].map(\.scalarArray)

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        let scanner = CalendarScanner(s: s)
        var findings: [Finding] = []
        for start in scanner.points(yearsAlone: true) {
            guard !context.isBoilerplate(start.range.lowerBound),
                  let (connectorEnd, _) = connector(after: start.range.upperBound, s: s) else { continue }
            // 2022年10月至同年5月: the end names the start's year in words.
            let sameYear = TextScan.word(s, Self.sameYearWords, at: connectorEnd)
            let endAt = connectorEnd + (sameYear?.count ?? 0)
            guard var end = endPoint(at: endAt, scanner: scanner) ?? (sameYear != nil ? scanner.point(at: endAt, monthAlone: true) : nil)
            else { continue }
            if sameYear != nil, !end.hasYear, let year = start.year { end.year = year }
            if isReversed(start, end) {
                let range = start.range.lowerBound..<end.range.upperBound
                findings.append(Self.reversed(range, context: context))
            }
        }
        // A bare first year: 2014—2010年.
        var i = 0
        while i + 4 < s.count {
            defer { i += 1 }
            guard (i == 0 || !NumeralCharacters.isASCIIDigit(s[i - 1])), let first = Self.fourDigits(at: i, s: s),
                  !NumeralCharacters.isASCIIDigit(s[i + 4]), !context.isBoilerplate(i) else { continue }
            guard (1000...2999).contains(first), let (connectorEnd, _) = connector(after: i + 4, s: s) else { continue }
            // 2023—2022学年: a school year written backwards.
            if let (year, end) = schoolYearEnd(at: connectorEnd, s: s) {
                if year < first {
                    let range = i..<end
                    findings.append(Self.reversed(range, context: context))
                }
                continue
            }
            guard let end = scanner.point(at: connectorEnd), let year = end.year, !end.hasMonth else { continue }
            if year < first {
                let range = i..<end.range.upperBound
                findings.append(Self.reversed(range, context: context))
            }
        }
        for finding in bareDayRanges(context, s: s) where !findings.contains(where: { $0.range.overlaps(finding.range) }) {
            findings.append(finding)
        }
        // Ranges written with digits and dots or slashes (2019.8—2019.2, 2018/7/10-2018/1/10): the
        // extractor reads them whole, with both ends' years.
        for located in context.records(.date) where located.record.rule == "date.range" {
            guard case .date(let value) = located.record.value, let to = value.to, !value.masked,
                  !context.isBoilerplate(located.range.lowerBound),
                  !findings.contains(where: { context.normalized($0.range).overlaps(located.range) }),
                  let from = Self.ordinal(value.year, value.month, value.day), let end = Self.ordinal(to.year, to.month, to.day),
                  (value.day == nil) == (to.day == nil), end < from else { continue }
            findings.append(Self.reversed(located.range, context: context))
        }
        return findings
    }

    static let schoolYear = "学年".scalarArray

    /// A four-digit year and 学年 at `position`: its value and where 学年 ends.
    func schoolYearEnd(at position: Int, s: [UInt32]) -> (Int, Int)? {
        guard let year = Self.fourDigits(at: position, s: s), s.hasPrefix(Self.schoolYear, at: position + 4) else { return nil }
        return (year, position + 4 + Self.schoolYear.count)
    }

    /// The value of four ASCII digits at `position`, if they are there.
    static func fourDigits(at position: Int, s: [UInt32]) -> Int? {
        guard position + 4 <= s.count, (position..<(position + 4)).allSatisfy({ NumeralCharacters.isASCIIDigit(s[$0]) }) else { return nil }
        return (position..<(position + 4)).reduce(0) { $0 * 10 + Int(s[$1] - 0x30) }
    }

    /// The finding for a range (normalized) that ends before it starts.
    static func reversed(_ range: Range<Int>, context: ValidationContext) -> Finding {
        Finding(range: context.original(range), message: "日期范围的结束早于开始：“\(context.text(range))”")
    }

    /// `8月21—18日`: a bare first day after a month, and an end day before it.
    func bareDayRanges(_ context: ValidationContext, s: [UInt32]) -> [Finding] {
        var findings: [Finding] = []
        for k in s.indices where s[k] == CalendarScanner.yue && !context.isBoilerplate(k) {
            guard let (first, afterFirst) = dayDigits(at: k + 1, s: s), let (connectorEnd, _) = connector(after: afterFirst, s: s),
                  let (second, afterSecond) = dayDigits(at: connectorEnd, s: s), afterSecond < s.count,
                  s[afterSecond] == CalendarScanner.ri, second < first else { continue }
            // From the year (or month) that opens the date.
            var start = k
            while start > 0, NumeralCharacters.isASCIIDigit(s[start - 1]) || s[start - 1] == CalendarScanner.nian { start -= 1 }
            let range = start..<(afterSecond + 1)
            findings.append(Self.reversed(range, context: context))
        }
        return findings
    }

    /// One or two digits of a day (1–31) that no further digit follows.
    func dayDigits(at position: Int, s: [UInt32]) -> (Int, Int)? {
        var k = position
        var value = 0
        while k < s.count, k - position < 2, NumeralCharacters.isASCIIDigit(s[k]) { value = value * 10 + Int(s[k] - 0x30); k += 1 }
        guard k > position, k >= s.count || !NumeralCharacters.isASCIIDigit(s[k]), (1...31).contains(value) else { return nil }
        return (value, k)
    }

    /// A date as one comparable number, when its year and month are known.
    static func ordinal(_ year: Int?, _ month: Int?, _ day: Int?) -> Int? {
        guard let year, let month else { return nil }
        return (year * 100 + month) * 100 + (day ?? 0)
    }

    func connector(after position: Int, s: [UInt32]) -> (Int, [UInt32])? {
        var k = position
        while k < s.count, TextScan.isSpace(s[k]) { k += 1 }
        guard let word = TextScan.word(s, Self.connectors, at: k) else { return nil }
        k += word.count
        while k < s.count, TextScan.isSpace(s[k]) { k += 1 }
        return (k, word)
    }

    /// The end of a range: a full or partial point, or a bare day (14日).
    func endPoint(at position: Int, scanner: CalendarScanner) -> CalendarPoint? {
        guard position < scanner.s.count, scanner.isDigitLike(scanner.s[position]) else { return nil }
        if let point = scanner.point(at: position) { return point }
        if let (day, masked, end) = scanner.number(at: position, unit: CalendarScanner.ri) {
            var point = CalendarPoint(range: position..<end)
            point.day = day
            point.dayMasked = masked
            return point
        }
        return nil
    }

    func isReversed(_ a: CalendarPoint, _ b: CalendarPoint) -> Bool {
        guard !(a.yearMasked || a.monthMasked || a.dayMasked || b.yearMasked || b.monthMasked || b.dayMasked) else { return false }
        var year2 = b.year
        var month2 = b.month
        if !b.hasYear {
            if b.hasMonth {
                // No year on the end: an earlier month is next year's.
                guard let m1 = a.month, let m2 = b.month, m2 >= m1 else { return false }
                year2 = a.year
            } else {
                year2 = a.year
                month2 = a.month
            }
        } else if !b.hasMonth, b.hasDay {
            return false
        }
        if let y1 = a.year, let y2 = year2, y1 != y2 { return y2 < y1 }
        if b.hasYear, !a.hasYear { return false }
        guard let m1 = a.month, let m2 = month2 else { return false }
        if m1 != m2 { return m2 < m1 }
        guard let d1 = a.day, let d2 = b.day else { return false }
        return d2 < d1
    }
}
