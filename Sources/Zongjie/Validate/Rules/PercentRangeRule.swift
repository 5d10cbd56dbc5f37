/// `percent-range`: a percentage above 100% for a rate that cannot exceed it.
///
/// 覆盖率, 合格率, 达标率, 成功率, 治愈率, 满意度, 占比 … measure a share of a whole, so 监督覆盖率达到
/// 500%以上 cannot be true. Rates that may exceed 100% are left alone: 完成率 (完成目标的115.5%),
/// 使用率 and 病床使用率, 开工率, 增长率, 到位率, and any 增长/提高 of a rate (提高了120%). The
/// percentage must follow its rate word closely (达到, 为, 保持在 …), within one clause.
public struct PercentRangeRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "percent-range", defaultSeverity: .error,
        summary: "A rate that cannot exceed 100% is stated above 100%",
        description: "覆盖率、合格率、达标率、成功率、治愈率、满意度、占比等不可能超过100%（完成率、使用率、开工率可以超过）")

    public init() {}

    /// Rates bounded by 100%.
    static let boundedRates: [[UInt32]] = [
        "覆盖率", "合格率", "达标率", "成功率", "知晓率", "满意率", "满意度", "治愈率", "好转率", "有效率", "普及率", "入学率",
        "巩固率", "及格率", "优秀率", "优良率", "通过率", "准确率", "正确率", "出勤率", "参与率", "参保率", "参合率", "接种率",
        "检出率", "阳性率", "阴性率", "完好率", "就业率", "升学率", "建档率", "签约率", "规范管理率", "控制率", "发生率",
        "死亡率", "病死率", "占比", "比重", "所占比例", "覆盖面", "受益面", "知晓度", "达标面", "痊愈率", "录取率", "留存率",
    ].map(\.scalarArray)
    /// Rates that may exceed 100%; they win over a bounded rate that is their suffix.
    static let unboundedRates: [[UInt32]] = [
        "完成率", "使用率", "开工率", "增长率", "增速", "增幅", "到位率", "执行率", "周转率", "利用率", "负荷率", "回报率",
        "收益率", "达成率", "超额率", "贡献率", "上升率", "提高率",
    ].map(\.scalarArray)
    /// What may stand between the rate and the figure.
    static let links: [[UInt32]] = [
        "达到了", "达到", "已达到", "已达", "均达到", "均达", "均为", "均在", "高达", "就达", "达", "为", "是", "在", "保持在",
        "稳定在", "提高到", "提高至", "提升到", "提升至", "上升到", "上升至", "增至", "升至", "增加到", "实现", "约", "近",
        "超过", "约为", "分别为", "由", ":", " ",
    ].map(\.scalarArray)
    static let changeWords = ["提高了", "提升了", "增长", "增加了", "上升了", "下降", "降低", "减少", "比", "较", "同比", "环比"].map(\.scalarArray)

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        var findings: [Finding] = []
        for (range, value) in percentages(s) where value > 100 + 1e-9 {
            let start = range.lowerBound
            guard !context.isBoilerplate(start) else { continue }
            guard let rate = rateWord(before: start, s: s) else { continue }
            let rateText = String(scalarValues: rate.word)
            let span = rate.start..<extendTrailing(range.upperBound, s: s)
            findings.append(Finding(range: context.original(span), message: "\(rateText)不可能超过100%：“\(context.text(span))”"))
        }
        return findings
    }

    static let percentWord = "百分之".scalarArray

    /// Percentages and their values: N% (N Arabic, perhaps with decimals and a thousands
    /// separator) and 百分之N. Found from the % sign and 百分之 only, so the scan is cheap.
    func percentages(_ s: [UInt32]) -> [(Range<Int>, Double)] {
        var result: [(Range<Int>, Double)] = []
        let parser = NumeralParser(options: .extraction)
        for i in s.indices {
            if s[i] == 0x25 {   // %
                var start = i
                while start > 0, NumeralCharacters.isASCIIDigit(s[start - 1]) || s[start - 1] == 0x2E || s[start - 1] == 0x2C { start -= 1 }
                while start < i, !NumeralCharacters.isASCIIDigit(s[start]) { start += 1 }
                guard start < i, let match = parser.parse(s, at: start, limit: i), match.range.upperBound == i else { continue }
                result.append((start..<(i + 1), match.value))
            } else if s[i] == 0x767E, s.hasPrefix(Self.percentWord, at: i) {   // 百分之
                let at = i + Self.percentWord.count
                if let match = parser.parse(s, at: at), !match.isFraction {
                    result.append((i..<match.range.upperBound, match.value))
                } else if at < s.count, s[at] == 0x767E {   // 百分之百
                    result.append((i..<(at + 1), 100))
                }
            }
        }
        return result
    }

    /// The bounded rate word the percentage belongs to: the nearest rate word in its clause,
    /// joined to the figure by linking words only.
    func rateWord(before figureStart: Int, s: [UInt32]) -> (start: Int, word: [UInt32])? {
        // 知晓率从86%提高到103%: the rate of the end value is the rate before 从.
        let start = startOfChange(endingAt: figureStart, s: s) ?? figureStart
        let floor = max(TextScan.clauseStart(s, before: start), start - 16)
        var k = start
        while k > floor {
            k -= 1
            // The nearest rate word ending at k+1.
            if let unbounded = Self.unboundedRates.first(where: { k + 1 - $0.count >= 0 && s.hasPrefix($0, at: k + 1 - $0.count) }) {
                _ = unbounded
                return nil
            }
            if let bounded = Self.boundedRates.first(where: { k + 1 - $0.count >= 0 && s.hasPrefix($0, at: k + 1 - $0.count) }) {
                let wordStart = k + 1 - bounded.count
                guard isLink(s, from: k + 1, to: start) else { return nil }
                return (wordStart, bounded)
            }
            // Another figure or a generic 率 in between: the percentage is not this rate's.
            if NumeralCharacters.isASCIIDigit(s[k]) || s[k] == 0x25 { return nil }
            if s[k] == 0x7387 { return nil }   // 率 of an unlisted rate
        }
        return nil
    }

    static let changeToWords = ["提高到", "提高至", "提升到", "提升至", "上升到", "上升至", "增加到", "增至", "升至", "下降到",
                                "下降至", "降至", "降到"].map(\.scalarArray)

    /// Where `从/由 A% 提高到` starts when it ends right before the figure at `end`.
    func startOfChange(endingAt end: Int, s: [UInt32]) -> Int? {
        guard let word = Self.changeToWords.first(where: { end - $0.count > 0 && s.hasPrefix($0, at: end - $0.count) }) else { return nil }
        let sign = end - word.count - 1
        guard sign > 0, s[sign] == 0x25 else { return nil }   // %
        var k = sign
        while k > 0, NumeralCharacters.isASCIIDigit(s[k - 1]) || s[k - 1] == 0x2E { k -= 1 }
        guard k < sign, k > 0, s[k - 1] == 0x4ECE || s[k - 1] == 0x7531 else { return nil }   // 从 由
        return k - 1
    }

    /// Only linking words (达到, 为, 保持在 …) between the rate and the figure, and no change verb.
    func isLink(_ s: [UInt32], from: Int, to: Int) -> Bool {
        guard from <= to else { return false }
        if TextScan.contains(s, Self.changeWords, in: from..<to) { return false }
        var k = from
        while k < to {
            guard let word = Self.links.first(where: { k + $0.count <= to && s.hasPrefix($0, at: k) }) else { return false }
            k += word.count
        }
        return true
    }

    /// 以上 / 左右 after the percentage belong to the quote.
    func extendTrailing(_ end: Int, s: [UInt32]) -> Int {
        for word in ["以上", "左右", "之多"].map(\.scalarArray) where s.hasPrefix(word, at: end) { return end + word.count }
        return end
    }
}
