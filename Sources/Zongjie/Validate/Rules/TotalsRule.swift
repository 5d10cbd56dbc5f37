/// `totals`: a stated total that its listed parts contradict.
///
/// Forms recognised (each on count and money records, within one paragraph):
/// - `共有60家，其中A 3家、B 16家…` and `共选派200名。其中…`: a 其中 list may be partial, so it is
///   flagged when the parts exceed the total, and when they fall short only if the list is
///   clearly complete (a closing 其余/另有 item, or two complementary categories: 男/女, 城区/农村);
/// - `共12名，分别为…`: 分别 enumerates every part;
/// - `198名（10级63名，11级74名，12级61名）`: a bracketed breakdown right after the total;
/// - `医生5名，护士3名，共计8名`: parts first, then 合计/共计/总计/一共/共 and the total;
/// - `累计投入资金50.56亿元。19.5亿元投建…；13.5亿元投向…；另有1.5多亿元用于…`: a money total
///   followed by clauses that each open with the money spent on one use;
/// - `耕地2860亩、林地5400亩、草场1210亩，合计9270亩`: measurements closed by 合计 (read from the
///   text, since measurements are no records).
///
/// Figures are intervals (written precision, 约/余/多/近), so rounding never reads as a
/// contradiction. Parts that measure a different dimension (学历 vs 职称, 党员 vs 女性, sources
/// vs uses of money) may overlap and are never summed against the total; a single part larger
/// than the total is always wrong.
public struct TotalsRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "totals", defaultSeverity: .warning,
        summary: "A stated total does not equal the sum of its listed parts",
        description: "总数与所列分项之和不符（其中、分别、括号分项、合计、资金用途分项）；其中所列可能不全，只有分项之和超过总数或分项明确完整时才报告")

    public init() {}

    struct Item {
        var figure: Figure
        var located: LocatedRecord
        var family: String
    }

    enum Form {
        case among, respectively, bracketed, summedAfter, uses
    }

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        let reader = FigureReader()
        var items: [Item] = []
        for located in context.records where located.record.kind == .count || located.record.kind == .money {
            guard !context.isBoilerplate(located.range.lowerBound),
                  let figure = reader.figure(of: located, in: s) else { continue }
            items.append(Item(figure: figure, located: located, family: Self.family(of: figure)))
        }
        // Shares of one whole (其中山区占54.63%，丘陵占12.48%…) that add up to more than 100%.
        var findings = shares(context) + measurementTotals(context)
        guard !items.isEmpty else { return findings }
        var judged: Set<Int> = []   // totals already judged (index into items)

        // 其中 / 分别 after a total.
        var p = 0
        while p < s.count {
            var trigger: (length: Int, form: Form)?
            if s.hasPrefix(Self.among, at: p) {
                // 其中包括 is one trigger.
                let length = s.hasPrefix(Self.including, at: p + Self.among.count) ? Self.among.count + Self.including.count : Self.among.count
                trigger = (length, .among)
            } else if s.hasPrefix(Self.including, at: p), p > 0, TextScan.isSeparator(s[p - 1]) {
                trigger = (Self.including.count, .among)
            }
            else if let word = TextScan.word(s, Self.respectively, at: p) { trigger = (word.count, .respectively) }
            guard let (length, form) = trigger, !context.isBoilerplate(p) else { p += 1; continue }
            defer { p += length }
            guard var totalIndex = totalBefore(p, items: items, s: s), !judged.contains(totalIndex) else { continue }
            // 共选派教师64名，到…任教，三所学校的人数分别为28名、21名、17名: the figure before 分别
            // counts the groups; the total is the sum stated earlier in the sentence.
            if form == .respectively, let groupsTotal = totalOverGroups(totalIndex, after: p + length, items: items, s: s) {
                totalIndex = groupsTotal
                guard !judged.contains(totalIndex) else { continue }
            }
            let total = items[totalIndex]
            guard !isCoordinated(total, items: items, s: s) else { continue }
            var start = p + length
            var enumerated = form == .respectively
            while start < s.count, s[start] == TextScan.colon || TextScan.isSpace(s[start]) {
                if s[start] == TextScan.colon { enumerated = true }
                start += 1
            }
            let insideBracket = bracketDepth(s, from: TextScan.paragraphStart(s, before: p), to: p) > 0
            let parts = partsAfter(start, total: total, items: items, s: s, endAtBracket: insideBracket, acrossSemicolons: enumerated)
            let complete = form == .respectively || isClosedList(parts, s: s)
            if let finding = judge(total: total, parts: parts, complete: complete, form: form, context: context) {
                findings.append(finding)
            }
            judged.insert(totalIndex)
        }


        // 分三批选派干部人才42名…，第一批15名、第二批14名、第三批16名: the groups named one by one.
        for (index, total) in items.enumerated() where !judged.contains(index) {
            guard let (groups, groupUnit) = statedGroups(before: total, s: s) else { continue }
            let parts = ordinalParts(after: total, items: items, s: s, groupUnit: groupUnit)
            guard parts.count == groups else { continue }
            if let finding = judge(total: total, parts: parts, complete: true, form: .respectively, context: context) {
                findings.append(finding)
            }
            judged.insert(index)
        }

        // Bracketed breakdown and parts summed after.
        for (index, total) in items.enumerated() where !judged.contains(index) {
            let end = total.figure.range.upperBound
            if end < s.count, s[end] == TextScan.openParen {
                let parts = partsAfter(end + 1, total: total, items: items, s: s, endAtBracket: true, acrossSemicolons: true)
                let close = TextScan.paragraphEnd(s, from: end)
                let inside = end..<(s[end..<close].firstIndex(of: TextScan.closeParen) ?? close)
                let complete = !TextScan.contains(s, Self.partialWords, in: inside)
                if parts.count >= 2, let finding = judge(total: total, parts: parts, complete: complete, form: .bracketed, context: context) {
                    findings.append(finding)
                    judged.insert(index)
                    continue
                }
            }
            if let parts = partsSummedBefore(total, items: items, s: s), parts.count >= 2 {
                if let finding = judge(total: total, parts: parts, complete: true, form: .summedAfter, context: context) {
                    findings.append(finding)
                }
                judged.insert(index)
                continue
            }
            if total.figure.kind == .money, let (parts, complete) = usesAfter(total, items: items, s: s), parts.count >= 2 {
                if let finding = judge(total: total, parts: parts, complete: complete, form: .uses, context: context) {
                    findings.append(finding)
                }
                judged.insert(index)
            }
        }
        return findings
    }

    // MARK: Words

    static let among = "其中".scalarArray
    static let including = "包括".scalarArray
    static let besides = "此外".scalarArray
    static let respectively = ["分别为", "分别是", "分别有", "分别用于"].map(\.scalarArray)
    /// A bracket that holds these is not a full breakdown.
    static let partialWords = ["含", "其中", "包括", "等", "如", "主要", "约占", "占"].map(\.scalarArray)
    /// A part that closes the list: the rest.
    static let remainderWords = ["其余", "其他", "其它", "另有", "剩余", "余下", "剩下", "另外"].map(\.scalarArray)
    /// Remainder words that close a list anywhere in its last part, not only at its start.
    static let othersWords = ["其他", "其它", "其余"]
    /// Words that make a figure a rate, a change or a per-unit value, not a part.
    static let notPartWords = ["每", "比", "较", "增长", "增加", "减少", "下降", "提高", "占", "人均", "平均", "户均", "同比"].map(\.scalarArray)
    /// Words that start a new total inside a list: the list ends before them.
    static let newTotalWords = ["共有", "共计", "合计", "总计", "累计", "总共", "一共", "其中", "此外", "另外"].map(\.scalarArray)
    /// Words that introduce a total after its parts.
    static let sumWords = ["合计", "共计", "总计", "一共", "总共", "共"].map(\.scalarArray)
    /// Verbs that follow a money amount spent on one use.
    static let useVerbs = ["投建", "投向", "投入", "用于", "用在", "用来", "安排", "建设", "实施", "扶持", "支持", "援建", "购置", "改善"].map(\.scalarArray)

    /// Complementary categories: a two-part list with one of each is complete.
    static let complements: [([String], [String])] = [
        (["男"], ["女"]),
        (["城区", "城市", "城镇", "市区", "县城"], ["农村", "乡村"]),
        (["公办"], ["民办"]),
        (["国内", "境内"], ["国外", "境外"]),
        (["省内"], ["省外"]),
        (["县内"], ["县外"]),
        (["市内"], ["市外"]),
        (["在职"], ["退休", "离退休"]),
        (["本地"], ["外地"]),
        (["中央"], ["地方"]),
    ]

    /// Dimensions people are counted along; parts from different dimensions may overlap.
    static let dimensions: [(name: String, words: [String])] = [
        ("education", ["博士", "硕士", "研究生", "本科", "大专", "专科", "中专", "学历", "学位"]),
        ("title", ["职称", "高级", "中级", "初级", "副高", "正高", "教授", "讲师", "主任医师", "主治医师"]),
        ("gender", ["男", "女"]),
        ("party", ["党员", "团员", "群众", "民主党派"]),
        ("ethnicity", ["民族", "汉族"]),
        ("age", ["岁", "年龄", "青年", "老年", "中年", "少年", "儿童", "幼儿", "婴幼儿", "新生儿"]),
        ("source", ["中央", "省级", "市级", "县级", "地方", "自筹", "配套", "财政", "援助", "捐赠", "社会", "银行", "贷款"]),
        ("use", ["用于", "用在", "投向", "投建", "购置", "购买"]),
    ]
    /// A part described by what its people have is an attribute, not a subgroup.
    static let attributeVerbs = ["拥有", "具有", "具备", "持有", "取得", "获得"].map(\.scalarArray)

    // MARK: Finding the total and the parts

    /// Measure families that can be added: people (名 人 位), institutions (家 所), money by
    /// currency, any other unit with itself.
    static func family(of figure: Figure) -> String {
        switch figure.kind {
        case .money: return "money:" + figure.unit
        case .count:
            switch figure.unit {
            case "名", "人", "位": return "people"
            case "家", "所": return "institutions"
            default: return "count:" + figure.unit
            }
        default: return "other:" + figure.unit
        }
    }

    /// The total right before a 其中/分别 at `position`: only its counted noun and punctuation
    /// may stand between them (共有110人,其中 / 选派19名医务人员，其中 / 共选派200名。其中).
    func totalBefore(_ position: Int, items: [Item], s: [UInt32]) -> Int? {
        guard let index = items.lastIndex(where: { $0.figure.range.upperBound <= position }) else { return nil }
        let gap = items[index].figure.range.upperBound..<position
        // A total introduced by 共/累计 may have a longer tail before 其中 (共选派支教教师48名赴塔城地区
        // 开展为期一学年的支教工作，其中…).
        let totalStart = items[index].figure.range.lowerBound
        let marked = TextScan.contains(s, Self.totalIntroducers, in: TextScan.clauseStart(s, before: totalStart)..<totalStart)
        guard gap.count <= (marked ? 30 : 16) else { return nil }
        var han = 0
        var sentenceEnds = 0
        for k in gap {
            let c = s[k]
            if TextScan.isHan(c) {
                han += 1
                // (一学年 is no figure of the list: only a count or a sum in between stops it.)
                if NumeralCharacters.isChineseNumeral(c) && NumeralParser.digit(c) >= 0
                    && (!marked || items.contains(where: { $0.figure.range.lowerBound == k })) { return nil }
            } else if c == TextScan.period || c == TextScan.semicolon {
                sentenceEnds += 1
            } else if TextScan.isLineBreak(c) || NumeralCharacters.isASCIIDigit(c) {
                return nil
            } else if !(TextScan.isSeparator(c) || TextScan.isSpace(c) || c == 0x201D || c == 0x300B || c == TextScan.openParen) {
                return nil
            }
        }
        guard han <= (marked ? 26 : 12), sentenceEnds <= 1 else { return nil }
        return index
    }

    /// When the figure before 分别 counts the groups (三所学校的人数分别为) and the first part is of
    /// another family, the total: the nearest earlier figure of the parts' family in the sentence
    /// that a 共/累计 marker introduces.
    func totalOverGroups(_ groupsIndex: Int, after position: Int, items: [Item], s: [UInt32]) -> Int? {
        let groups = items[groupsIndex]
        let sentenceEnd = TextScan.sentenceEnd(s, from: position)
        guard let firstPart = items.first(where: { $0.figure.range.lowerBound >= position && $0.figure.range.upperBound <= sentenceEnd }),
              firstPart.family != groups.family else { return nil }
        let sentenceStart = TextScan.sentenceStart(s, before: groups.figure.range.lowerBound)
        guard let index = items.lastIndex(where: { $0.figure.range.upperBound <= groups.figure.range.lowerBound
                                                   && $0.figure.range.lowerBound >= sentenceStart && $0.family == firstPart.family })
        else { return nil }
        let clause = TextScan.clauseStart(s, before: items[index].figure.range.lowerBound, floor: sentenceStart)..<items[index].figure.range.lowerBound
        return TextScan.contains(s, Self.markerWords, in: clause) ? index : nil
    }

    /// Words that mark a figure as a total: the sum words and 累计.
    static let markerWords = sumWords + ["累计"].map(\.scalarArray)
    /// Words that introduce a whole that a 其中 may break down further on: the sum markers and
    /// the verbs of sending (选派支教教师八十六名赴…，其中…).
    static let totalIntroducers = markerWords + ["选派", "派出", "派驻", "抽调", "组派", "下派"].map(\.scalarArray)

    static let groupUnits: Set<UInt32> = Set("批期组轮".unicodeScalars.map(\.value))

    /// `分三批` in the total's clause: how many groups, and their measure word.
    func statedGroups(before total: Item, s: [UInt32]) -> (Int, UInt32)? {
        let start = total.figure.range.lowerBound
        let clause = TextScan.clauseStart(s, before: start)..<start
        for k in clause where s[k] == 0x5206 {   // 分
            guard let match = NumeralParser().parse(s, at: k + 1, limit: start), match.range.upperBound < start,
                  Self.groupUnits.contains(s[match.range.upperBound]), match.value >= 2, match.value <= 12,
                  match.value == match.value.rounded() else { continue }
            return (Int(match.value), s[match.range.upperBound])
        }
        return nil
    }

    /// The figures after a total in its sentence whose clause opens with 第N + the group's measure
    /// word (第一批15名、第二批14名).
    func ordinalParts(after total: Item, items: [Item], s: [UInt32], groupUnit: UInt32) -> [Item] {
        let end = TextScan.sentenceEnd(s, from: total.figure.range.upperBound)
        var parts: [Item] = []
        for item in items where item.figure.range.lowerBound > total.figure.range.upperBound && item.figure.range.upperBound <= end {
            guard item.family == total.family else { continue }
            let clauseStart = TextScan.clauseStart(s, before: item.figure.range.lowerBound)
            guard s[clauseStart] == QuantityExtractor.di,
                  let match = NumeralParser().parse(s, at: clauseStart + 1, limit: item.figure.range.lowerBound),
                  match.range.upperBound < s.count, s[match.range.upperBound] == groupUnit else { continue }
            parts.append(item)
        }
        return parts
    }

    /// `11名博士和2名硕士,其中…`: the 其中 may refer to both figures or to the last one; the
    /// total is unclear, so nothing is judged.
    func isCoordinated(_ total: Item, items: [Item], s: [UInt32]) -> Bool {
        let start = total.figure.range.lowerBound
        let clause = TextScan.clauseStart(s, before: start)..<start
        guard let previous = items.last(where: { $0.figure.range.upperBound <= start && clause.contains($0.figure.range.lowerBound) }),
              previous.family == total.family else { return false }
        let between = previous.figure.range.upperBound..<start
        return TextScan.contains(s, ["和", "及", "与", "以及", "、"].map(\.scalarArray), in: between)
    }

    /// Depth of open brackets between two positions.
    func bracketDepth(_ s: [UInt32], from: Int, to: Int) -> Int {
        var depth = 0
        for k in from..<max(from, to) {
            if s[k] == TextScan.openParen { depth += 1 } else if s[k] == TextScan.closeParen { depth = max(0, depth - 1) }
        }
        return depth
    }

    /// The parts listed from `start` to the end of the sentence (or of the bracket): figures of
    /// the total's family, not nested in brackets, not rates or changes, up to a new total.
    func partsAfter(_ start: Int, total: Item, items: [Item], s: [UInt32], endAtBracket: Bool, acrossSemicolons: Bool) -> [Item] {
        var end = start
        var depth = 0
        while end < s.count, !TextScan.isSentenceEnd(s[end]) {
            // ；ends a 其中 clause unless the list was announced with a colon (其中：…；…；).
            if s[end] == TextScan.semicolon, depth == 0, !acrossSemicolons { break }
            if s[end] == TextScan.openParen { depth += 1 }
            if s[end] == TextScan.closeParen {
                if depth == 0 { if endAtBracket { break } } else { depth -= 1 }
            }
            end += 1
        }
        var parts: [Item] = []
        var previousEnd = start
        for item in items where item.figure.range.lowerBound >= start && item.figure.range.upperBound <= end {
            let lead = previousEnd..<item.figure.range.lowerBound
            if TextScan.contains(s, Self.newTotalWords, in: lead) || startsNewTotal(s, lead) { break }
            previousEnd = item.figure.range.upperBound
            guard bracketDepth(s, from: start, to: item.figure.range.lowerBound) == 0 else { continue }
            guard item.family == total.family else { continue }
            let clause = TextScan.clauseStart(s, before: item.figure.range.lowerBound, floor: start)..<item.figure.range.lowerBound
            if TextScan.contains(s, Self.notPartWords, in: clause) { continue }
            parts.append(item)
        }
        return parts
    }

    /// 共 + a verb or a numeral starts a new total (共派出, 共12名), but not 公共, 共同, 共建.
    func startsNewTotal(_ s: [UInt32], _ range: Range<Int>) -> Bool {
        for k in range where s[k] == 0x5171 {   // 共
            if k > 0, s[k - 1] == 0x516C || s[k - 1] == 0x603B || s[k - 1] == 0x4E00 { continue }   // 公 总 一
            guard k + 1 < s.count else { continue }
            let next = s[k + 1]
            if Self.sharedWordFollowers.contains(next) { continue }
            return true
        }
        return false
    }

    static let sharedWordFollowers: Set<UInt32> = Set("同建享识产青和赢进商治存鸣性处担振勉事生荣".unicodeScalars.map(\.value))

    /// A list is complete when its last part is "the rest" or it names both sides of a
    /// complementary pair.
    func isClosedList(_ parts: [Item], s: [UInt32]) -> Bool {
        guard parts.count >= 2 else { return false }
        let labels = parts.map { label(of: $0, s: s) }
        if let last = labels.last, Self.remainderWords.contains(where: { last.scalarArray.starts(with: $0) }) { return true }
        // 汉族和其他民族: the last part takes in all the others.
        if let last = labels.last, Self.othersWords.contains(where: { last.contains($0) }) { return true }
        if parts.count == 2 {
            for (left, right) in Self.complements {
                let a = left.contains { labels[0].contains($0) } && right.contains { labels[1].contains($0) }
                let b = right.contains { labels[0].contains($0) } && left.contains { labels[1].contains($0) }
                if a || b { return true }
            }
        }
        return false
    }

    /// What a part is: the Han text of its clause before the figure, and its counted noun.
    func label(of item: Item, s: [UInt32]) -> String {
        let start = TextScan.clauseStart(s, before: item.figure.range.lowerBound)
        var text = TextScan.hanText(s, start..<item.figure.range.lowerBound)
        if text.hasPrefix("其中") { text.removeFirst(2) }
        if case .count(let count) = item.located.record.value, let object = count.object { text += object }
        return text
    }

    /// Parts written before a 合计/共计/共 total: `医生5名，护士3名，共计8名`.
    func partsSummedBefore(_ total: Item, items: [Item], s: [UInt32]) -> [Item]? {
        var k = total.figure.range.lowerBound
        for filler in ["达到", "达", "为", "有"].map(\.scalarArray) where k - filler.count >= 0 && s.hasPrefix(filler, at: k - filler.count) {
            k -= filler.count
            break
        }
        // 共派出47名: a verb of up to three characters may stand between 共 and the total.
        var verbLength = 0
        while verbLength < 3, k - verbLength - 1 >= 0, TextScan.isHan(s[k - verbLength - 1]),
              sumWord(endingAt: k - verbLength, s: s) == nil, NumeralParser.digit(s[k - verbLength - 1]) < 0 {
            verbLength += 1
        }
        if verbLength > 0, sumWord(endingAt: k - verbLength, s: s) != nil { k -= verbLength }
        guard let word = sumWord(endingAt: k, s: s) else { return nil }
        var keyword = k - word.count
        // 三年共派出 / 全年共计: a span of years before the sum word.
        if keyword >= 2, s[keyword - 1] == 0x5E74, keyword - 2 >= 0, TextScan.isHan(s[keyword - 2]) {   // 年
            keyword -= 2
        }
        guard keyword > 0 else { return nil }
        let before = s[keyword - 1]
        guard before == TextScan.comma || before == TextScan.enumerationComma || before == TextScan.semicolon
                || before == 0x7B49 else { return nil }   // 等
        // Walk back over the clauses: each must end with a part of the total's family.
        var parts: [Item] = []
        var clauseEnd = keyword - 1
        let sentenceStart = TextScan.sentenceStart(s, before: keyword)
        while clauseEnd > sentenceStart {
            let clauseStart = TextScan.clauseStart(s, before: clauseEnd, floor: sentenceStart)
            let clause = clauseStart..<clauseEnd
            let inClause = items.filter { clause.contains($0.figure.range.lowerBound) && $0.figure.range.upperBound <= clauseEnd }
            // 其中内科6名、外科4名…，合计17名: the list may open with 其中; its first part is there.
            let opensList = s.hasPrefix(Self.among, at: clauseStart)
            let afterOpening = (clauseStart + (opensList ? Self.among.count : 0))..<clauseEnd
            guard inClause.count == 1, let part = inClause.first, part.family == total.family,
                  !TextScan.contains(s, Self.notPartWords, in: clause), !TextScan.contains(s, Self.newTotalWords, in: afterOpening),
                  opensList || !startsNewTotal(s, clause) else { break }
            // The figure closes the clause, or only its counted noun follows (5名医生、3名护士).
            let tail = part.figure.range.upperBound..<clauseEnd
            guard tail.count <= 8, tail.allSatisfy({ TextScan.isHan(s[$0]) || TextScan.isSpace(s[$0]) }) else { break }
            parts.insert(part, at: 0)
            if opensList || clauseStart <= sentenceStart { break }
            clauseEnd = clauseStart - 1
        }
        return parts
    }

    /// The sum word (合计, 共计, 共 …) that ends right before `end`.
    func sumWord(endingAt end: Int, s: [UInt32]) -> [UInt32]? {
        Self.sumWords.first { end - $0.count >= 0 && s.hasPrefix($0, at: end - $0.count) }
    }

    /// A money total followed by clauses that each open with the money spent on one use:
    /// `累计投入资金50.56亿元…。19.5亿元投建…；13.5亿元投向…；另有1.5多亿元用于…`.
    func usesAfter(_ total: Item, items: [Item], s: [UInt32]) -> ([Item], Bool)? {
        let end = TextScan.paragraphEnd(s, from: total.figure.range.upperBound)
        let firstSentenceEnd = TextScan.sentenceEnd(s, from: total.figure.range.upperBound)
        guard firstSentenceEnd < end else { return nil }
        var parts: [Item] = []
        var complete = false
        for item in items where item.figure.range.lowerBound > firstSentenceEnd && item.figure.range.upperBound <= end {
            guard item.family == total.family else { continue }
            // The amount opens its clause (after 。 or ；), perhaps after 另有/其余/其中/此外.
            var k = item.figure.range.lowerBound
            var remainder = false
            if let word = Self.remainderWords.first(where: { k - $0.count >= 0 && s.hasPrefix($0, at: k - $0.count) }) {
                k -= word.count
                remainder = true
            } else if k >= 2, s.hasPrefix(Self.besides, at: k - 2) || s.hasPrefix(Self.among, at: k - 2) {
                k -= 2
            }
            guard k > 0, s[k - 1] == TextScan.period || s[k - 1] == TextScan.semicolon else { continue }
            // A verb of use follows at once (了 may come after it).
            let after = item.figure.range.upperBound
            guard Self.useVerbs.contains(where: { s.hasPrefix($0, at: after) }) else { continue }
            parts.append(item)
            if remainder { complete = true }
        }
        return parts.isEmpty ? nil : (parts, complete)
    }

    // MARK: Shares

    static let respectiveShares = "分别占".scalarArray

    /// After 其中 or 分别, the shares written 占N% (with no base of their own: 占全县的N% is
    /// another whole) in one sentence must not add up to more than 100%.
    func shares(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        let reader = FigureReader()
        var findings: [Finding] = []
        var p = 0
        while p < s.count {
            guard s.hasPrefix(Self.among, at: p) || TextScan.word(s, Self.respectively, at: p) != nil || s.hasPrefix(Self.respectiveShares, at: p),
                  !context.isBoilerplate(p) else { p += 1; continue }
            let end = TextScan.sentenceEnd(s, from: p)
            var figures: [Figure] = []
            var firstShare = p
            var k = p
            while k < end {
                if s[k] == 0x5360, let figure = reader.read(s, at: k + 1, limit: end), figure.kind == .percent {   // 占
                    if figures.isEmpty { firstShare = k }
                    figures.append(figure)
                    k = figure.range.upperBound
                    // 分别占55%、35%、15%: one 占 for a list of shares.
                    while k < end, s[k] == TextScan.enumerationComma, let next = reader.read(s, at: k + 1, limit: end),
                          next.kind == .percent, next.range.lowerBound == k + 1 {
                        figures.append(next)
                        k = next.range.upperBound
                    }
                    continue
                }
                k += 1
            }
            p = max(p + 1, end)
            guard figures.count >= 2 else { continue }
            let low = figures.reduce(0.0) { $0 + $1.low }
            // Rounding of each share (54.63% is 54.625–54.635).
            let rounding = figures.reduce(0.0) { sum, figure in
                let written = FigureReader.precision(s, figure.numeral)
                return sum + (written.decimals > 0 ? FigureReader.power10(-written.decimals) / 2 : 0.5)
            }
            guard low > 100 + rounding else { continue }
            let texts = figures.map { context.text($0.range) }
            let total = FigureFormat.number(figures.reduce(0.0) { $0 + $1.value })
            let range = firstShare..<figures.last!.range.upperBound
            findings.append(Finding(range: context.original(range), message: "各部分所占比例之和超过100%：\(texts.joined(separator: "+"))=\(total)%"))
        }
        return findings
    }

    // MARK: Judging

    func judge(total: Item, parts: [Item], complete: Bool, form: Form, context: ValidationContext) -> Finding? {
        guard !parts.isEmpty else { return nil }
        let s = context.s
        let slack = max(context.options.totalsTolerance * abs(total.figure.value), 1e-9)
        let low = parts.reduce(0.0) { $0 + $1.figure.low }
        let high = parts.reduce(0.0) { $0 + $1.figure.high }
        let nominal = parts.reduce(0.0) { $0 + $1.figure.value }
        let totalText = context.text(total.figure.range)
        let partTexts = parts.map { context.text($0.figure.range) }
        let approximate = parts.contains { $0.figure.qualifier == .approx || $0.figure.qualifier == .range }
        let more = parts.contains { $0.figure.qualifier == .more }
        var sumText = FigureFormat.amount(nominal, like: total.figure, text: totalText)
        if approximate { sumText = "约" + sumText } else if more { sumText = "至少" + sumText }
        let range = context.original(total.figure.range)

        // One part larger than the whole is wrong whatever the parts measure.
        if let single = parts.first(where: { $0.figure.low > total.figure.high + slack }) {
            return Finding(range: range, message: "分项大于总数：总数“\(totalText)”，其中一项为“\(context.text(single.figure.range))”")
        }
        guard parts.count >= 2 else { return nil }
        // Parts exceed the total when even their lowest reading passes the total as written and
        // their written sum passes its highest reading (1.3亿+6000万+3000万 against 2.1亿).
        if low > total.figure.value + slack, nominal > total.figure.high + slack {
            guard mayBeSummed(parts, s: s) else { return nil }
            return Finding(range: range, message: "分项之和超过总数：总数“\(totalText)”，分项\(partTexts.joined(separator: "+"))=\(sumText)")
        }
        if complete, high < total.figure.low - slack {
            guard mayBeSummed(parts, s: s) else { return nil }
            let what = form == .uses ? "各项用途之和" : "分项之和"
            return Finding(range: range, message: "\(what)少于总数：总数“\(totalText)”，分项\(partTexts.joined(separator: "+"))=\(sumText)")
        }
        return nil
    }

    /// Parts may be added up: none is described by an attribute its people have (拥有, 以上),
    /// and all come from one dimension: all 学历, all 职称, all sources of money …, or all from
    /// none of the known ones (食堂, 餐馆, 小吃店). A part in a known dimension next to one in no
    /// known dimension (卫生技术人员486人，高级职称92人) may be a subset of it.
    func mayBeSummed(_ parts: [Item], s: [UInt32]) -> Bool {
        var seen: Set<String>?
        for (index, part) in parts.enumerated() {
            let start = TextScan.clauseStart(s, before: part.figure.range.lowerBound)
            if TextScan.contains(s, Self.attributeVerbs, in: start..<part.figure.range.lowerBound) { return false }
            var text = label(of: part, s: s)
            // 本科以上 holds 博士 and 硕士; a last bucket (一级及以下医疗机构) holds only the rest.
            if Self.cumulativeWords.contains(where: { text.contains($0) }), index < parts.count - 1 || parts.count < 3 { return false }
            // 县级医院设备购置: a level that names an institution says nothing about where money came from.
            text = text.replacingOccurrences(of: Self.leveledInstitution, with: "", options: .regularExpression)
            var names = Set(Self.dimensions.filter { dimension in dimension.words.contains { text.contains($0) } }.map(\.name))
            // 布依族1512人: a part named by its people (not 仡佬族 inside a county's name).
            if text.hasSuffix("族") { names.insert("ethnicity") }
            // Money is broken down by use unless a source is named (综合楼建设9800万元、设备购置3600万元).
            if part.figure.kind == .money, names.isEmpty { names = ["use"] }
            if let previous = seen {
                if previous.isEmpty != names.isEmpty { return false }
                if !previous.isEmpty, previous.isDisjoint(with: names) { return false }
                seen = previous.union(names)
            } else {
                seen = names
            }
        }
        return true
    }

    static let leveledInstitution = "[省市县州乡]级(公立)?(医院|学校|中学|小学|单位|部门)"

    /// Categories that contain the others (本科以上 holds 博士 and 硕士; 35岁以下).
    static let cumulativeWords = ["以上", "以下", "及以上", "以内", "不满", "超过"]
}
