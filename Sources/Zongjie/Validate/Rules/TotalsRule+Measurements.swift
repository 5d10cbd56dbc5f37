extension TotalsRule {
    /// Words that close a list of measurements with their total.
    static let measurementSumWords = ["合计", "共计", "总计"].map(\.scalarArray)

    /// `耕地2860亩、林地5400亩、草场1210亩，合计9270亩`: measurements (亩, 公里, 吨 …) are no records, so
    /// a list of them closed by 合计/共计/总计 is read from the text. Each clause before the sum word
    /// must end with a figure of the total's unit, and none may be a rate or a change.
    func measurementTotals(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        let reader = FigureReader()
        var findings: [Finding] = []
        var p = 1
        while p < s.count {
            defer { p += 1 }
            guard let word = TextScan.word(s, Self.measurementSumWords, at: p),
                  TextScan.isSeparator(s[p - 1]), !context.isBoilerplate(p) else { continue }
            var k = p + word.count
            for filler in ["为", "达", "有"].map(\.scalarArray) where s.hasPrefix(filler, at: k) { k += filler.count; break }
            guard let total = reader.read(s, at: k), total.kind == .measure else { continue }
            let sentenceStart = TextScan.sentenceStart(s, before: p)
            var parts: [Figure] = []
            var clauseEnd = p - 1
            while clauseEnd > sentenceStart {
                let clauseStart = TextScan.clauseStart(s, before: clauseEnd, floor: sentenceStart)
                guard let part = reader.figure(endingAt: clauseEnd, from: clauseStart, in: s), part.kind == .measure,
                      part.unit == total.unit, !TextScan.contains(s, Self.notPartWords, in: clauseStart..<clauseEnd) else { break }
                parts.insert(part, at: 0)
                clauseEnd = clauseStart - 1
            }
            guard parts.count >= 2 else { continue }
            let slack = max(context.options.totalsTolerance * abs(total.value), 1e-9)
            let low = parts.reduce(0.0) { $0 + $1.low }
            let high = parts.reduce(0.0) { $0 + $1.high }
            let exceeds = low > total.high + slack
            guard exceeds || high < total.low - slack else { continue }
            let sum = FigureFormat.number(parts.reduce(0.0) { $0 + $1.value }) + total.unit
            let partTexts = parts.map { context.text($0.range) }.joined(separator: "+")
            let totalText = context.text(total.range)
            findings.append(Finding(range: context.original(total.range),
                                    message: "分项之和\(exceeds ? "超过" : "少于")合计：合计“\(totalText)”，分项\(partTexts)=\(sum)"))
        }
        return findings
    }
}
