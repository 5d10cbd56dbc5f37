/// `date-after-signature`: an event dated after the date the report was signed.
///
/// The signature date is a full date (year, month, optionally day) that closes the article: on
/// one of its last lines, alone or after the institution's name. Dates in plans (a 下一步/今后/
/// 计划 section, or a sentence with 将/计划/拟/争取/确保/截至…), inside a title in 《》 and in
/// references are not events; masked years (20xx) cannot be compared.
public struct DateAfterSignatureRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "date-after-signature", defaultSeverity: .warning,
        summary: "An event is dated after the report's signature date",
        description: "正文中已发生的事件日期晚于文末落款日期（计划、目标、将要进行的工作不算）")

    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        var findings: [Finding] = []
        for index in context.structure.articles.indices {
            let article = context.articleRange(index)
            guard let (signature, signatureLine) = signature(of: article, context: context),
                  let signedYear = signature.year else { continue }
            let signatureText = context.text(signature.range)
            for located in context.records(.date) where located.range.lowerBound >= article.lowerBound
                && located.range.upperBound <= signatureLine.lowerBound {
                guard case .date(let value) = located.record.value, !value.masked, let year = value.year else { continue }
                let later: Bool
                if year != signedYear {
                    later = year > signedYear
                } else if let month = value.month, let signedMonth = signature.month, month != signedMonth {
                    later = month > signedMonth
                } else if let month = value.month, month == signature.month, let day = value.day, let signedDay = signature.day {
                    later = day > signedDay
                } else {
                    later = false
                }
                guard later, !context.isBoilerplate(located.range.lowerBound), !context.isPlanContext(located.range.lowerBound),
                      !isInTitleOrReference(located.range.lowerBound, s: s) else { continue }
                let related = RelatedLocation(source: context.source, start: context.original(signature.range).lowerBound,
                                              end: context.original(signature.range).upperBound, message: "落款日期")
                findings.append(Finding(range: located.record.range,
                                        message: "日期晚于文末落款日期“\(signatureText)”：“\(located.record.text)”",
                                        related: [related]))
            }
        }
        return findings
    }

    /// The date that signs an article: on one of its last four non-empty lines, at the end of a
    /// short line (alone or after a name), with a year and a month.
    func signature(of article: Range<Int>, context: ValidationContext) -> (CalendarPoint, Range<Int>)? {
        let s = context.s
        let scanner = CalendarScanner(s: s)
        var seen = 0
        for line in context.lines.reversed() where line.lowerBound >= article.lowerBound && line.upperBound <= article.upperBound {
            var end = line.upperBound
            while end > line.lowerBound, TextScan.isSpace(s[end - 1]) || s[end - 1] == TextScan.period { end -= 1 }
            guard end > line.lowerBound else { continue }
            if context.isBoilerplate(line.lowerBound) { continue }
            seen += 1
            if seen > 4 || end - line.lowerBound > 40 { return nil }
            // A numeric date that ends the line (2019.12.30, 2019-12-30), found by the extractor.
            if let numeric = context.records(.date).first(where: { $0.range.upperBound == end && line.contains($0.range.lowerBound) }),
               case .date(let value) = numeric.record.value, !value.masked, let year = value.year, let month = value.month {
                var point = CalendarPoint(range: numeric.range)
                point.year = year
                point.month = month
                point.day = value.day
                let before = line.lowerBound..<numeric.range.lowerBound
                if !before.contains(where: { TextScan.isSentenceEnd(s[$0]) || s[$0] == TextScan.comma }) { return (point, line) }
            }
            // The point that ends the line.
            var k = line.lowerBound
            while k < end {
                if scanner.canStart(k), let point = scanner.point(at: k), point.range.upperBound == end {
                    guard point.year != nil, point.month != nil, !point.monthMasked, !point.dayMasked else { return nil }
                    let before = line.lowerBound..<k
                    guard !before.contains(where: { TextScan.isSentenceEnd(s[$0]) || s[$0] == TextScan.comma }) else { return nil }
                    return (point, line)
                }
                k += 1
            }
        }
        return nil
    }

    /// Inside 《…》 or a reference line ([1] …).
    func isInTitleOrReference(_ position: Int, s: [UInt32]) -> Bool {
        let start = TextScan.paragraphStart(s, before: position)
        if start < s.count, s[start] == 0x5B { return true }   // [
        var depth = 0
        for k in start..<position {
            if s[k] == 0x300A { depth += 1 } else if s[k] == 0x300B { depth = max(0, depth - 1) }
        }
        return depth > 0
    }
}
