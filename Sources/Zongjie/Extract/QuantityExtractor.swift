/// Finds counts (numeral + measure word) and money amounts (numeral + 元 or another currency):
/// the two share numerals, ranges (2—5名, 400万元至600万元) and qualifiers (近, 余, 左右, 不少于).
///
/// Rules (ids in records): `count.measure`, `count.range`, `money.amount`, `money.range`,
/// `money.round` (过亿元).
struct QuantityExtractor {
    static let renminbi = scalars("人民币")
    let context: ExtractionContext
    let parser: NumeralParser
    let units = UnitDictionary.shared
    // Tables read at every position, held here: a static's accessor costs a swift_once per read.
    private let numeralStarts = NumeralCharacters.numeralStarts
    private let chineseNumeralCharacters = NumeralCharacters.chineseNumeralCharacters

    init(context: ExtractionContext) {
        self.context = context
        self.parser = NumeralParser(options: .extraction, folded: context.folded)
    }

    struct Found {
        var range: Range<Int>
        var record: RecordValue
        var rule: String
        /// Where the numeral (or range) starts and ends, for dispatch figures.
        var numeralRange: Range<Int>
        var unitRange: Range<Int>
    }

    static let di: UInt32 = 0x7B2C        // 第
    static let shu: UInt32 = 0x6570       // 数
    static let ge: UInt32 = 0x4E2A        // 个
    static let dun: UInt32 = 0x3001       // 、
    static let zhi: UInt32 = 0x81F3       // 至
    static let dao: UInt32 = 0x5230       // 到

    func extract(counts: Bool, money: Bool) -> [Found] {
        let s = context.s
        var found: [Found] = []
        var i = 0
        let n = s.count
        // Where the last numeral ended: a numeral may start there even right after another one
        // (一、二两个年级).
        var boundary = -1
        while i < n {
            guard !context.blocked[i], i == boundary || startsNumeral(s, i) else { i += 1; continue }
            guard let first = parser.parse(s, at: i) else { i = vagueEnd(s, i) ?? i + 1; continue }
            if let item = quantity(starting: first) {
                if (item.record.kind == .count && counts) || (item.record.kind == .money && money) { found.append(item) }
                i = item.range.upperBound
                continue
            }
            i = first.range.upperBound
            boundary = i
        }
        // 过亿元, 上亿元: a qualifier and a bare 亿元.
        if money { found.append(contentsOf: roundAmounts()) }
        // $20, ¥300: a currency symbol and a number.
        if money { found.append(contentsOf: symbolAmounts(excluding: found)) }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A numeral may start here: not inside an Arabic number, a Latin code or a Chinese numeral.
    private func startsNumeral(_ s: [UInt32], _ i: Int) -> Bool {
        let c = s[i]
        guard numeralStarts.contains(c) else { return false }
        let previous: UInt32 = i > 0 ? s[i - 1] : 0x20
        if NumeralCharacters.isASCIIDigit(c) {
            return !NumeralCharacters.isASCIIDigit(previous) && CharacterClass.of(previous) != .latin && previous != 0x2E
                && !NumeralCharacters.isMask(previous)
        }
        return !(chineseNumeralCharacters.contains(previous) || NumeralCharacters.isASCIIDigit(previous))
    }

    private func vagueEnd(_ s: [UInt32], _ i: Int) -> Int? {
        NumeralRecognizer.vagueRangeEnd(s, i)
    }

    // MARK: One quantity

    private func quantity(starting first: NumeralMatch) -> Found? {
        let s = context.s
        let start = first.range.lowerBound
        if rejectsNumeral(first) { return nil }

        // A range: 2—5名, 5、6名, 2至3名, 1000—5000万元.
        var low = first
        var high: NumeralMatch? = nil
        var afterNumber = first.range.upperBound
        if let (second, end) = rangeEnd(after: first) {
            high = second
            afterNumber = end
            _ = end
        }
        guard var (unit, unitEnd) = units.unit(in: s, at: afterNumber)
                ?? spacedMoneyUnit(at: afterNumber) else {
            return moneyRangeWithUnits(first)
        }
        // 20个比特币: a count of coins is an amount.
        if unit.text == "个", let (currency, currencyEnd) = units.unit(in: s, at: unitEnd), currency.category == .money {
            unit = currency
            unitEnd = currencyEnd
        }
        switch unit.category {
        case .count:
            break
        case .money:
            break
        default:
            return nil
        }
        if let second = high {
            // The multiplier of the second end applies to a bare first end (1—2万人, 1000—5000万元).
            if second.hasLargeUnit, !low.hasLargeUnit {
                low.value *= largeMultiplier(second)
            }
            guard second.value > low.value || (second.value == low.value && second.hasLargeUnit) else { return nil }
        } else if unit.category == .money, let ranged = moneyRangeWithUnits(first) {
            return ranged
        } else if unit.category == .count, let ranged = countRangeWithUnits(first) {
            return ranged
        }

        var spanStart = start
        var spanEnd = unitEnd
        var qualifier: Qualifier = .exact
        if first.more { qualifier = .more }
        if high != nil { qualifier = .range }
        // 数十名 / 数百人: 数 is part of the figure.
        if spanStart > 0, s[spanStart - 1] == Self.shu, NumeralCharacters.smallUnit(s[spanStart]) > 0 || NumeralCharacters.largeUnit(s[spanStart]) > 0 {
            spanStart -= 1
            if high == nil { qualifier = .more }
        }
        // 人民币 before an amount.
        if unit.category == .money, spanStart >= 3, s.hasPrefix(Self.renminbi, at: spanStart - 3),
           !(spanStart >= 4 && (NumeralCharacters.isASCIIDigit(s[spanStart - 4]) || NumeralParser.digit(s[spanStart - 4]) >= 0)) {
            spanStart -= 3
        }
        // $20, ¥300, €5, £8
        if unit.category == .money, spanStart >= 1, Self.currencySymbols[s[spanStart - 1]] != nil {
            spanStart -= 1
        }
        if high == nil {
            let widened = Qualifiers.widen(s, spanStart..<spanEnd, qualifier)
            (spanStart, spanEnd, qualifier) = (widened.span.lowerBound, widened.span.upperBound, widened.qualifier)
        }
        if context.isBlocked(spanStart..<spanEnd) { return nil }

        let value = low.value
        let highValue = high?.value ?? value
        if unit.category == .money {
            guard !isMaskedAmount(start) else { return nil }
            let scale = unit.scale
            var amount = value * scale
            var top = highValue * scale
            var end = spanEnd
            // 五元三毛, 50元6角三分: smaller units after the main unit.
            if high == nil, let (extra, extraEnd) = subunits(after: unitEnd, currency: unit.currency ?? "CNY") {
                amount += extra
                top += extra
                end = extraEnd
                spanEnd = max(spanEnd, end)
            }
            let money = MoneyValue(amount: amount, low: amount, high: top, qualifier: qualifier, currency: unit.currency ?? "CNY")
            return Found(range: spanStart..<spanEnd, record: .money(money), rule: high == nil ? "money.amount" : "money.range",
                         numeralRange: start..<(high?.range.upperBound ?? first.range.upperBound), unitRange: afterNumber..<unitEnd)
        }
        // Counts.
        if rejectsCount(first, high: high, unitStart: afterNumber, unitEnd: unitEnd, unit: unit) { return nil }
        let object = countedObject(numeralStart: spanStart, unitEnd: spanEnd)
        let count = CountValue(value: value, low: value, high: highValue, qualifier: qualifier, unit: unit.text, object: object)
        return Found(range: spanStart..<spanEnd, record: .count(count), rule: high == nil ? "count.measure" : "count.range",
                     numeralRange: start..<(high?.range.upperBound ?? first.range.upperBound), unitRange: afterNumber..<unitEnd)
    }

    /// 202107211321363588510367 美元: one space between an amount and its currency.
    private func spacedMoneyUnit(at position: Int) -> (UnitDictionary.Unit, Int)? {
        let s = context.s
        guard position + 1 < s.count, s[position] == 0x20, let (unit, end) = units.unit(in: s, at: position + 1),
              unit.category == .money, unit.text != "元" else { return nil }
        return (unit, end)
    }

    /// The value of the trailing 万 / 亿 / 万亿 of a numeral.
    private func largeMultiplier(_ match: NumeralMatch) -> Double {
        let s = context.s
        var end = match.range.upperBound
        while end > match.range.lowerBound, NumeralParser.isApproximation(s[end - 1]) { end -= 1 }
        var multiplier = 1.0
        while end > match.range.lowerBound, NumeralCharacters.largeUnit(s[end - 1]) > 0 {
            multiplier *= NumeralCharacters.largeUnit(s[end - 1])
            end -= 1
        }
        return multiplier
    }

    /// The second end of a range after `first`: a connector and a numeral.
    private func rangeEnd(after first: NumeralMatch) -> (NumeralMatch, Int)? {
        let s = context.s
        var i = first.range.upperBound
        guard i < s.count else { return nil }
        let c = s[i]
        var isEnumeration = false
        if c == 0x2014 || c == 0x2013 || c == 0x2D || c == 0x2015 || c == 0x2012 {
            var dashes = 0
            while i < s.count, dashes < 3, s[i] == c { i += 1; dashes += 1 }
        } else if c == 0x7E || c == Self.zhi || c == Self.dao {
            i += 1
        } else if c == Self.dun {
            isEnumeration = true
            i += 1
        } else {
            return nil
        }
        guard i < s.count, let second = parser.parse(s, at: i) else { return nil }
        // 5、6名: only two close small numbers read as a range; a list (3、5、8名) is not.
        if isEnumeration {
            guard !first.hasLargeUnit, second.value > first.value, second.value <= first.value * 2 + 1, first.value < 100,
                  !(second.range.upperBound < s.count && s[second.range.upperBound] == Self.dun) else { return nil }
        }
        // 二〇一一—二〇一二 are years, not a range of counts.
        if first.isChinese && first.digitByDigitLength >= 2 { return nil }
        return (second, second.range.upperBound)
    }

    /// 400万元至600万元 / 3名至5名: two figures, each with the same unit, joined by a connector.
    private func repeatedUnitRange(_ first: NumeralMatch) -> (unit: UnitDictionary.Unit, second: NumeralMatch, end: Int)? {
        let s = context.s
        guard let (unit, unitEnd) = units.unit(in: s, at: first.range.upperBound) else { return nil }
        var i = unitEnd
        guard i < s.count else { return nil }
        let c = s[i]
        if c == 0x2014 || c == 0x2013 || c == 0x2D || c == 0x2015 {
            while i < s.count, s[i] == c { i += 1 }
        } else if c == 0x7E || c == Self.zhi || c == Self.dao {
            i += 1
        } else {
            return nil
        }
        guard i < s.count, let second = parser.parse(s, at: i), second.value > first.value,
              let (secondUnit, secondEnd) = units.unit(in: s, at: second.range.upperBound), secondUnit.text == unit.text else { return nil }
        return (unit, second, secondEnd)
    }

    /// 400万元至600万元 / 10元—20元: two amounts with units joined by a connector.
    private func moneyRangeWithUnits(_ first: NumeralMatch) -> Found? {
        let s = context.s
        guard let (unit, second, secondEnd) = repeatedUnitRange(first), unit.category == .money else { return nil }
        var spanStart = first.range.lowerBound
        if spanStart >= 3, s.hasPrefix(Self.renminbi, at: spanStart - 3) { spanStart -= 3 }
        if context.isBlocked(spanStart..<secondEnd) || isMaskedAmount(first.range.lowerBound) { return nil }
        let money = MoneyValue(amount: first.value * unit.scale, low: first.value * unit.scale, high: second.value * unit.scale,
                               qualifier: .range, currency: unit.currency ?? "CNY")
        return Found(range: spanStart..<secondEnd, record: .money(money), rule: "money.range",
                     numeralRange: first.range.lowerBound..<second.range.upperBound, unitRange: first.range.upperBound..<secondEnd)
    }

    /// 3名至5名 / 2次—3次: a count range with its measure word at both ends.
    private func countRangeWithUnits(_ first: NumeralMatch) -> Found? {
        guard let (unit, second, secondEnd) = repeatedUnitRange(first), unit.category == .count,
              !rejectsCount(first, high: second, unitStart: first.range.upperBound, unitEnd: secondEnd, unit: unit) else { return nil }
        let span = first.range.lowerBound..<secondEnd
        if context.isBlocked(span) { return nil }
        let object = countedObject(numeralStart: span.lowerBound, unitEnd: secondEnd)
        let count = CountValue(value: first.value, low: first.value, high: second.value, qualifier: .range, unit: unit.text, object: object)
        return Found(range: span, record: .count(count), rule: "count.range",
                     numeralRange: first.range.lowerBound..<second.range.upperBound, unitRange: first.range.upperBound..<secondEnd)
    }

    static let subunitTable: [String: [(String, Double)]] = [
        "CNY": [("角", 0.1), ("毛", 0.1), ("分", 0.01)],
        "USD": [("美分", 0.01)],
        "JPY": [("日本銭", 0.01), ("钱", 0.01)],
    ]

    /// Smaller units after the main one: 五元三毛 = 5.3, 两美元又三美分 = 2.03.
    private func subunits(after position: Int, currency: String) -> (Double, Int)? {
        let s = context.s
        guard let table = Self.subunitTable[currency] else { return nil }
        var i = position
        if i < s.count, s[i] == NumeralParser.you { i += 1 }   // 又
        var total = 0.0
        var any = false
        for (unitText, scale) in table {
            let word = scalars(unitText)
            guard let match = parser.parse(s, at: i), match.value < 100, s.hasPrefix(word, at: match.range.upperBound) else { continue }
            total += match.value * scale
            i = match.range.upperBound + word.count
            any = true
        }
        return any ? (total, i) : nil
    }

    static let currencySymbols: [UInt32: String] = [0x24: "USD", 0xA5: "CNY", 0x20AC: "EUR", 0xA3: "GBP"]

    /// Figures hidden behind placeholders: xxxx万元, 20xx元, □xxxx.
    private func isMaskedAmount(_ start: Int) -> Bool {
        let s = context.s
        return start > 0 && NumeralCharacters.isMask(s[start - 1])
    }

    /// Numerals that are never counts or amounts: ordinals, codes, masked figures, years written
    /// digit by digit, page numbers fused to a line start.
    private func rejectsNumeral(_ match: NumeralMatch) -> Bool {
        let s = context.s
        let start = match.range.lowerBound
        let end = match.range.upperBound
        if start > 0 {
            let previous = s[start - 1]
            if previous == Self.di || CharacterClass.of(previous) == .latin { return true }
            // xx0名 is masked; a Chinese numeral after a masked name (__和__三个) is not.
            if NumeralCharacters.isMask(previous), !match.isChinese { return true }
            if previous == 0x2F { return true }    // 1/8
            if previous == 0x3A, start >= 2, NumeralCharacters.isASCIIDigit(s[start - 2]) { return true }   // 04:34
        }
        if end < s.count, NumeralCharacters.isMask(s[end]) || s[end] == 0x2F { return true }
        if match.digitByDigitLength >= 2 && match.isChinese { return true }
        if match.isFraction { return true }
        // A figure at the start of a line that continues a page broken mid-sentence, or a bare
        // figure and a comma opening a line (2人,发放…): the number was cut.
        if context.isLineStart(start), !match.isChinese {
            if context.previousLineIsBroken(before: start) { return true }
            if let (_, unitEnd) = units.unit(in: s, at: end), unitEnd < s.count, s[unitEnd] == HeadingMarkers.comma { return true }
        }
        return false
    }

    static let fixedExpressions: [[UInt32]] = [
        "八项规定", "三个代表", "六个结合", "三个到位", "四个全面", "四个意识", "四个自信", "两个维护", "两个确立", "现代五项",
        "铁人三项", "马术三项", "三项赛", "五个一工程", "一对一", "一人一方", "三个有利于", "两个务必", "五位一体", "四位一体",
        "三位一体", "一站式", "一条龙", "一把手", "三个面向", "两个一百年", "一带一路", "三个一批", "五个一批",
        "百名医师", "千名医师", "万名医师", "千名医生", "万名医生",
    ].map(scalars)

    /// Counts that are not counts: bare 一 + measure word (an indefinite article), fixed names and
    /// slogans, place names (三台县, 九台区).
    private func rejectsCount(_ first: NumeralMatch, high: NumeralMatch?, unitStart: Int, unitEnd: Int, unit: UnitDictionary.Unit) -> Bool {
        let s = context.s
        let start = first.range.lowerBound
        if high == nil, first.range.count == 1, s[start] == 0x4E00 || s[start] == 0x58F9 { return true }   // 一 壹
        // “百名医生进修计划”, “千名干部下基层”: a round figure opening a quoted name is the programme's name.
        if high == nil, first.range.count == 1, Self.roundNumerals.contains(s[start]), start > 0, Self.openingQuotes.contains(s[start - 1]) {
            return true
        }
        // A qualifier before it (近百名医师) makes it a figure, not a programme's name.
        if Qualifiers.leading(s, endingAt: start) == nil {
            if Self.fixedExpressionList.covers(start, in: s, reach: Self.fixedExpressionList.longestWord - 1) { return true }
        }
        if Gazetteer.shared.placeStarts(in: s, at: start) { return true }
        // 十八届四中全会, 十九届人大: sessions, not counts.
        if unit.text == "届", unitEnd < s.count, NumeralParser.digit(s[unitEnd]) > 0 || Self.sessionFollowers.contains(s[unitEnd]) {
            return true
        }
        // 位列前三名。: a rank, not a count.
        if unit.text == "名", start > 0, s[start - 1] == 0x524D, unitEnd >= s.count || CharacterClass.of(s[unitEnd]) != .han {   // 前
            return true
        }
        // 2022届毕业生: a graduating class names its year, not a number of anything.
        if unit.text == "届", high == nil, first.digitByDigitLength == 4, first.value >= 1900, first.value < 2100 {
            return true
        }
        // 两校, 四镇 never reach here (no measure word); 十四五 neither.
        return false
    }

    static let fixedExpressionList = WordList(fixedExpressions)
    static let roundNumerals = ScalarSet("十百千万")
    static let openingQuotes = ScalarSet("“《「\"'‘")

    static let sessionFollowers = ScalarSet("全人政中党代委")

    // MARK: Counted objects

    /// Characters that are function words wherever they stand.
    static let objectStops = ScalarSet("的地得了着和与及或在到至赴为对从向由把被将等于是有进来去达各也都已还又并很共其")
    /// Function words whose characters also begin nouns (进行 but 进修人员, 共计 but 计算机, 其中 but
    /// 集中式, 全年 but 全科医生): they end a noun phrase as words, not as characters.
    static let objectStopWords = WordList([
        "进行", "进入", "进一步", "来自", "来到", "去年", "去往", "共计", "共有", "合计", "计划", "达到", "达成", "其中", "均为",
        "均有", "均已", "全年", "全县", "全市", "全省", "全区", "全院", "全校", "全乡", "全镇", "全国", "全体", "全部", "全面",
        "目前", "正在", "已经", "共同",
    ].map(scalars))
    /// Nouns that hold a function character (从业人员, 在校学生, 对口医院, 当地医务人员, 各类人员).
    static let nounsWithStops = WordList([
        "从业", "在职", "在校", "在岗", "在编", "在读", "在院", "在建", "对口", "为民", "有关", "有效", "和平", "进修",
        "本地", "当地", "外地", "各地", "两地", "基地", "实地", "地区", "地方", "地市", "各类", "各级", "各族", "来华",
        "达标", "研究生", "学生", "医生", "卫生", "先进", "引进", "共产", "共青", "共享", "公共", "其他", "其它", "尤其",
    ].map(scalars))
    /// Nouns that begin with a verb (培训|中心, 工作|室): the verb does not end the noun there.
    static let nounsStartingWithVerbs = WordList([
        "培训中心", "培训班", "培训基地", "培训点", "服务站", "服务中心", "服务队", "工作室", "工作站", "工作队", "工作组",
        "学习心得", "建设项目", "援建项目", "帮扶项目", "示范课", "指导中心", "发展中心", "就业", "帮扶车间", "扶贫车间",
        "交流活动", "带教老师",
    ].map(scalars))

    /// Whether a noun of `nounsStartingWithVerbs` covers `position` inside `range`.
    private func isInsideNounStartingWithVerb(_ position: Int, _ range: Range<Int>) -> Bool {
        isInsideWord(of: Self.nounsStartingWithVerbs, position, range, reach: 3)
    }

    /// Whether a word of `list` that starts at most `reach` before `position` covers it, inside `range`.
    private func isInsideWord(of list: WordList, _ position: Int, _ range: Range<Int>, reach: Int) -> Bool {
        list.covers(position, in: context.s, reach: reach, floor: range.lowerBound, limit: range.upperBound)
    }
    /// Nouns that begin with the last character of a verb (建设|设备): the verb does not end there.
    static let nounsWithVerbs = WordList(["设备", "设施"].map(scalars))
    /// Words of a total between a noun and its number (设备共15台套, 教师共计20名).
    static let totalWordList = WordList(["共", "共计", "合计", "总计", "计", "累计"].map(scalars))

    /// Whether a word of `nounsWithStops` covers `position` inside `range`.
    private func isInsideNounWithStop(_ position: Int, _ range: Range<Int>) -> Bool {
        isInsideWord(of: Self.nounsWithStops, position, range, reach: 2)
    }
    /// Verbs and predicates that end a counted noun phrase (卫生院|设, 博士|攻读, 床位|很快).
    static let objectVerbs: [[UInt32]] = [
        "开展", "进行", "参加", "参与", "参会", "前往", "担任", "挂职", "支教", "进驻", "深入", "下乡", "完成", "实现", "获得", "达到",
        "接受", "接收", "组成", "组建", "到达", "抵达", "开始", "负责", "承担", "提供", "帮助", "帮扶", "培训", "进修", "学习",
        "工作", "服务", "指导", "授课", "讲学", "坐诊", "义诊", "援建", "投入", "捐赠", "资助", "覆盖", "参训", "录取",
        "毕业", "分别", "先后", "累计", "其中", "同比", "比", "增长", "增加", "减少", "提高", "用于", "签订", "签定", "参展",
        "攻读", "访学", "插班", "价值", "莅临", "出院", "转出", "增至", "扩增", "培养", "收治", "安置", "招收", "招聘", "录用",
        "引进", "举办", "召开", "组织", "发放", "赠送", "捐助", "救治", "治愈", "诊疗", "接诊", "建设", "支援", "免费", "之一",
        "阴性", "收满", "聘", "设", "前", "后", "以来", "左右", "以上", "以下", "报考", "派出", "选派", "派驻", "下派", "率",
        "带队", "带领", "组队", "就", "新发展", "发展", "希望", "实施", "安排", "举行", "开设", "建立", "成立", "创建", "新建",
        "制定", "制订", "编制", "选送", "驻点", "常驻", "考取", "改造", "抢救", "会诊", "健全", "帮带", "来院", "来校",
        "吸纳", "开发", "编写", "撰写", "采购", "开通", "建成", "筛查", "申报", "打磨", "配备", "结成", "任教", "挂任", "抽调",
        "通过", "共建", "驰援", "推广", "带动", "争取", "输送", "组派", "增派", "外派", "派遣", "轮派", "互派",
        "调研", "考察", "互访", "交流", "走访", "家访", "明确", "解决", "整改", "签约", "设立", "增收", "入驻", "结对", "带教",
    ].map(scalars)
    /// Scope words that open a noun phrase without being part of it (全年门诊 → 门诊).
    static let objectPrefixes: [[UInt32]] = [
        "全年", "全县", "全市", "全省", "全区", "全院", "全校", "全乡", "全镇", "全国", "今年", "去年", "当年", "累计", "规模以上",
        "共有", "共", "现有", "已有", "新增", "其中", "另有", "每批次", "每批", "每次", "每年",
    ].map(scalars)

    static let objectVerbList = WordList(objectVerbs)
    /// Activities counted by what was done (场 次 例 人次): nouns when they end the phrase before a figure.
    static let activityNounList = WordList(["培训", "义诊", "会诊", "诊疗", "查房", "讲座", "手术"].map(scalars))
    static let objectVerbOrPrefixList = WordList(objectVerbs + objectPrefixes)

    @inline(__always)
    private func isVerb(at position: Int) -> Bool {
        Self.objectVerbList.startsWord(in: context.s, at: position)
    }

    /// The counted noun: the noun phrase right after the measure word (skipping a 的-clause of
    /// qualities: 19名思想作风好,…的医务人员), or the noun right before the number when the count
    /// closes its clause (医生11名、护士29名, 收治患者4068人).
    private func countedObject(numeralStart: Int, unitEnd: Int) -> String? {
        let s = context.s
        if let after = nounPhrase(from: unitEnd) {
            let next: UInt32 = after.upperBound < s.count ? s[after.upperBound] : 0x3002
            // A list of qualities ending in 的 + noun: take the noun after the last 的.
            if next == HeadingMarkers.comma || next == Self.dun, let noun = nounAfterLastDe(from: after.upperBound) {
                return context.text(noun)
            }
            return context.text(after)
        }
        // Before the number.
        let next: UInt32 = unitEnd < s.count ? s[unitEnd] : 0x3002
        guard ExtractionContext.isClauseBreak(next) || next == Self.dun || next == 0x29 || next == 0x28 else { return nil }
        var end = numeralStart
        if end > 0, s[end - 1] == HeadingMarkers.colon { end -= 1 }   // 全年门诊：15258人次
        // 设备共15台套, 医务人员9批次共47人: past the total word and the batches to the noun.
        if let length = Self.totalWordList.longestMatch(in: s, endingAt: end) { end -= length }
        end = OrdinalPhrases.batchesStart(in: s, endingAt: end, floor: 0) ?? end
        var begin = end
        let floor = max(0, end - 10)
        // Back to a function word or a verb (援卫生院捐赠|心电图机, 全年|住院).
        while begin > floor, CharacterClass.of(s[begin - 1]) == .han, !Self.objectStopWords.endsWord(in: s, at: begin, floor: floor),
              begin == end || !Self.objectVerbList.endsWord(in: s, at: begin, floor: floor)
                || Self.nounsWithVerbs.longestMatch(in: s, at: begin - 1, limit: end) != nil
                || isInsideNounStartingWithVerb(begin, floor..<end) {
            if Self.objectStops.contains(s[begin - 1]), !isInsideNounWithStop(begin - 1, floor..<end) { break }
            begin -= 1
        }
        guard end - begin >= 2 else { return nil }
        // A verb right before the number (增至3所, 治愈出院3931人): no noun there; but an activity
        // named as a noun is what is counted (开展远程会诊1260例, 业务培训214人次, 开展培训2次).
        if Self.objectVerbList.endsWord(in: s, at: end, floor: begin), !Self.activityNounList.endsWord(in: s, at: end, floor: begin) {
            return nil
        }
        // Drop a leading verb or scope word (收治患者 → 患者, 全年门诊 → 门诊), and what precedes
        // a qualifier (规模以上工业企业 → 工业企业).
        var trimmed = true
        while trimmed {
            trimmed = false
            // (Not the start of a noun: 设|备, 培训|中心.)
            if let length = Self.objectVerbOrPrefixList.longestMatch(in: s, at: begin, limit: end - 1),
               Self.nounsWithVerbs.longestMatch(in: s, at: begin, limit: end) == nil,
               Self.nounsStartingWithVerbs.longestMatch(in: s, at: begin, limit: end) == nil {
                begin += length
                trimmed = true
            }
            // 第七批援疆干部 → 援疆干部.
            if let k = OrdinalPhrases.numeralsEnd(in: s, afterDiAt: begin, limit: end), k + 1 < end, s[k] == OrdinalPhrases.batch {
                begin = k + 1
                trimmed = true
            }
            // 选派3批|科技特派员共24名: the scan stopped at the batches' figure; their 批 is no part of the noun.
            if s[begin] == OrdinalPhrases.batch, begin > 0, begin + 1 < end, OrdinalPhrases.isNumeral(s[begin - 1]) {
                begin += s[begin + 1] == OrdinalPhrases.time && begin + 2 < end ? 2 : 1
                trimmed = true
            }
            if let at = Qualifiers.trailingList.firstOccurrence(in: s, range: begin..<end),
               let length = Qualifiers.trailingList.longestMatch(in: s, at: at, limit: end), at + length < end {
                begin = at + length
                trimmed = true
            }
        }
        guard end - begin >= 1 else { return nil }
        return context.text(begin..<end)
    }

    /// Han characters from `start` up to a stop character or verb, at most 8.
    private func nounPhrase(from start: Int) -> Range<Int>? {
        let s = context.s
        var end = start
        let limit = min(s.count, start + 8)
        while end < limit, CharacterClass.of(s[end]) == .han, !isVerb(at: end) || isInsideNounStartingWithVerb(end, start..<limit),
              !Self.objectStopWords.startsWord(in: s, at: end, limit: limit) {
            if Self.objectStops.contains(s[end]), !isInsideNounWithStop(end, start..<limit) { break }
            end += 1
        }
        return end > start ? start..<end : nil
    }

    /// The noun after the last 的 of the clause that follows (within 45 characters).
    private func nounAfterLastDe(from start: Int) -> Range<Int>? {
        let s = context.s
        var position = start
        var lastDe: Int?
        let limit = min(s.count, start + 45)
        while position < limit, !ExtractionContext.isSentenceBreak(s[position]) {
            if s[position] == 0x7684 { lastDe = position }
            if lastDe != nil, isVerb(at: position), position > lastDe! + 1 { break }
            position += 1
        }
        guard let de = lastDe else { return nil }
        return nounPhrase(from: de + 1)
    }

    // MARK: Currency symbols

    private func symbolAmounts(excluding found: [Found]) -> [Found] {
        let s = context.s
        var results: [Found] = []
        for (index, c) in s.enumerated() where c == 0x24 || c == 0xA5 || c == 0x20AC || c == 0xA3 {
            guard let currency = Self.currencySymbols[c], index + 1 < s.count, !context.blocked[index],
                  NumeralCharacters.isASCIIDigit(s[index + 1]), let number = parser.parse(s, at: index + 1) else { continue }
            let range = index..<number.range.upperBound
            if found.contains(where: { $0.range.overlaps(range) }) { continue }
            let money = MoneyValue(amount: number.value, low: number.value, high: number.value,
                                   qualifier: number.more ? .more : .exact, currency: currency)
            results.append(Found(range: range, record: .money(money), rule: "money.amount",
                                 numeralRange: number.range, unitRange: index..<(index + 1)))
        }
        return results
    }

    // MARK: 过亿元

    /// 过亿元 / 上亿元 / 近亿元: a qualifier and 亿元 or 万元 without a numeral.
    private func roundAmounts() -> [Found] {
        let s = context.s
        var found: [Found] = []
        // 亿元 / 万元 after 过 上 近 超 逾, in one pass.
        var i = 1
        while i + 1 < s.count {
            defer { i += 1 }
            let c = s[i]
            guard c == 0x4EBF || c == 0x4E07, s[i + 1] == 0x5143, !context.blocked[i] else { continue }   // 亿 万, 元
            let previous = s[i - 1]
            guard previous == 0x8FC7 || previous == 0x4E0A || previous == 0x8FD1 || previous == 0x8D85 || previous == 0x903E else { continue }
            guard let leading = Qualifiers.leading(s, endingAt: i) else { continue }
            let unitValue = c == 0x4EBF ? 1e8 : 1e4
            let money = MoneyValue(amount: unitValue, low: unitValue, high: unitValue, qualifier: leading.qualifier, currency: "CNY")
            found.append(Found(range: leading.start..<(i + 2), record: .money(money), rule: "money.round",
                               numeralRange: i..<(i + 1), unitRange: (i + 1)..<(i + 2)))
        }
        return found
    }
}
