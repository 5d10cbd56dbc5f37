/// `date-invalid`: a date that does not exist: 2月30日, 4月31日, 2019年2月29日 (2019 is not a leap
/// year), 13月, 32日.
///
/// A February 29 with an unknown or masked year (20xx年2月29日, 2月29日) may be right and is not
/// reported. Lunar dates (农历二月三十) are not calendar dates.
public struct InvalidDateRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "date-invalid", defaultSeverity: .error,
        summary: "A date that does not exist (2月30日, 13月, a February 29 in a common year)",
        description: "不存在的日期：2月30日、4月31日、13月、32日，以及非闰年的2月29日（年份不明或为20xx时不报告2月29日）")

    public init() {}

    static let lunarWords = ["农历", "阴历", "夏历", "正月", "腊月"].map(\.scalarArray)

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        var findings: [Finding] = []
        for point in CalendarScanner(s: s).points() {
            guard !context.isBoilerplate(point.range.lowerBound) else { continue }
            let lead = max(0, point.range.lowerBound - 4)..<point.range.lowerBound
            if TextScan.contains(s, Self.lunarWords, in: lead) { continue }
            guard let problem = Self.problem(year: point.year, month: point.month, day: point.day) else { continue }
            findings.append(Finding(range: context.original(point.range), message: "日期不存在：“\(context.text(point.range))”，\(problem)"))
        }
        // Numeric dates (2019-02-30) come from the extractor.
        for located in context.records(.date) where located.record.rule == "date.numeric" {
            guard case .date(let value) = located.record.value,
                  let problem = Self.problem(year: value.year, month: value.month, day: value.day) else { continue }
            findings.append(Finding(range: located.record.range, message: "日期不存在：“\(located.record.text)”，\(problem)"))
        }
        return findings
    }

    /// Why a date cannot exist, or nil.
    static func problem(year: Int?, month: Int?, day: Int?) -> String? {
        if let month, !(1...12).contains(month) { return "月份只有1–12月" }
        guard let day else { return nil }
        if !(1...31).contains(day) { return "一个月最多31天" }
        guard let month else { return nil }
        let days = CalendarScanner.days(inMonth: month, year: year)
        guard day > days else { return nil }
        if month == 2, day == 29, let year { return "\(year)年不是闰年，2月只有28天" }
        if month == 2 { return "2月最多29天" }
        return "\(month)月只有\(days)天"
    }
}
