/// Finds statements of staff sent or stationed to work, serve, teach or hold a post elsewhere:
/// a sending verb (选派 派出 派驻 下派 派遣 …) and an explicit figure of people (19名, 5、6名,
/// 一名), with the staff noun, the sender named before the verb, batches and period. Coordinated
/// objects give one record each (派出14名教师、2名管理干部). Sending staff to study (进修, 访学,
/// 攻读) is not dispatch, and a statement without a figure is no record.
///
/// Rule: `dispatch.verb-figure`.
struct DispatchExtractor {
    let context: ExtractionContext
    let institutions: [Range<Int>]
    let parser: NumeralParser
    /// Held here: a static's accessor costs a swift_once per read, and this one is read at every position.
    private let verbStarts = Self.verbFirstCharacters

    init(context: ExtractionContext, institutions: [Range<Int>]) {
        self.context = context
        self.institutions = institutions
        self.parser = NumeralParser(options: .extraction, folded: context.folded)
    }

    struct Found {
        var range: Range<Int>
        var value: DispatchValue
        /// The figure (numeral + unit), for the count record it also is.
        var figure: Range<Int>
        var figureValue: CountValue
    }

    static let verbs: [[UInt32]] = [
        "选派", "派出", "派驻", "下派", "派遣", "外派", "增派", "轮派", "互派", "抽调", "委派", "选调", "组派", "派",
    ].map(scalars)
    static let verbFirstCharacters = ScalarSet(verbs.map { $0[0] })
    static let verbList = WordList(verbs)
    static let studyList = WordList(studyWords)
    static let serviceList = WordList(serviceWords)
    static let staffHeadList = WordList(staffHeads)
    static let longStaffHeadList = WordList(staffHeads.filter { $0.count > 2 })
    static let verbsAfterStaffList = WordList(verbsAfterStaff)
    static let senderFillerList = WordList(senderFillers)
    static let pronounSenderList = WordList(pronounSenders)
    static let activityList = WordList(activityVerbs)
    static let personUnits: [[UInt32]] = ["人次", "名", "位", "人"].map(scalars)
    /// Words of study: sending people to learn is not dispatch.
    static let studyWords: [[UInt32]] = [
        "进修", "访学", "攻读", "跟班学习", "学习培训", "培训学习", "参加培训", "接受培训", "读研", "读博", "深造", "接受爱国主义教育",
        "接受教育", "参训", "研修", "学习考察", "学习交流", "培训", "培养", "跟岗", "学习",
    ].map(scalars)
    /// Head nouns of staff: a staff phrase ends with one of them (工作人员|冒着, 放射科主任|前来).
    static let staffHeads: [[UInt32]] = [
        "医务人员", "技术人员", "管理人员", "工作人员", "人员", "教师", "老师", "干部", "专家", "医生", "医师", "护士", "研究生",
        "博士生", "硕士生", "博士", "硕士", "学生", "志愿者", "骨干", "队员", "主任", "院长", "校长", "运动员", "教授", "人才",
        "员工", "职工", "同志", "英才", "毕业生", "医护人员", "团队", "护士长", "科长", "主任医师", "副主任医师", "骨干医师",
        "书记", "第一书记", "特派员", "工作队员", "支教教师", "支教老师", "成员", "讲师",
    ].map(scalars)
    /// Words of service that make it dispatch even when study is mentioned.
    static let serviceWords: [[UInt32]] = [
        "挂职", "支教", "任职", "担任", "工作", "服务", "援助", "支援", "帮扶", "驻点", "蹲点", "讲学", "授课", "带教", "坐诊",
        "义诊", "进驻", "任教",
    ].map(scalars)
    static let periods: [[UInt32]] = ["每学年", "每学期", "每年", "每批", "每次"].map(scalars)
    /// Words between the sender and the verb (南京大学共派出, 东北师范大学每年派).
    static let senderFillers: [[UInt32]] = [
        "共", "先后", "累计", "已", "已经", "还", "又", "也", "都", "曾", "将", "每年", "每学年", "每学期", "分别", "陆续", "今年",
        "还将", "共计", "连续", "多次", "积极", "主动", "专门", "特别", "向我校", "向我院", "为我校", "为我院", "给我校",
    ].map(scalars)
    /// After 派: 派别, 派出所, 派系 … are no sending.
    static let pai = scalars("派")
    static let paichu = scalars("派出")
    static let notSending = ScalarSet("别头系性对生")
    static let notSendingBefore = ScalarSet("指分摊党流学宗气帮特")
    static let pronounSenders: [[UInt32]] = ["我院", "我校", "我市", "我县", "我局", "我区", "我省", "我们", "本院", "本校"].map(scalars)

    func extract() -> [Found] {
        let s = context.s
        var found: [Found] = []
        // The sender named earlier in the sentence, for a later verb without a subject of its own
        // (泉州市教育局先后选派…6批共58名，每学年选派10名左右).
        var sentenceSender: (sentence: Range<Int>, name: String)?
        var i = 0
        while i < s.count {
            guard !context.blocked[i], verbStarts.contains(s[i]), let verbLength = sendingVerbLength(at: i) else { i += 1; continue }
            let verbEnd = i + verbLength
            let sentence = context.sentence(around: i)
            var inherited: String?
            if !hasOwnSubject(verbStart: i) {
                inherited = sentenceSender?.sentence == sentence ? sentenceSender?.name : subjectOfEarlierClause(before: i, in: sentence)
            }
            let statements = statements(verb: i..<verbEnd, sentence: sentence, inheritedSender: inherited)
            if let name = statements.first?.value.from { sentenceSender = (sentence, name) }
            found.append(contentsOf: statements)
            i = verbEnd
        }
        return found
    }

    /// The length of the sending verb at `i`, or nil: 派别, 派出所, 指派, 特派员 send no one.
    private func sendingVerbLength(at i: Int) -> Int? {
        let s = context.s
        guard let (verbIndex, verbLength) = Self.verbList.longestEntry(in: s, at: i) else { return nil }
        let verb = Self.verbs[verbIndex]
        let verbEnd = i + verbLength
        if verb == Self.pai {
            if verbEnd < s.count, Self.notSending.contains(s[verbEnd]) { return nil }
            if i > 0, Self.notSendingBefore.contains(s[i - 1]) { return nil }
        }
        if verb == Self.paichu, verbEnd < s.count, s[verbEnd] == 0x6240 { return nil }   // 派出所
        return verbLength
    }

    /// The records of one verb: its figures and staff in the window that follows it.
    private func statements(verb: Range<Int>, sentence: Range<Int>, inheritedSender: String?) -> [Found] {
        let s = context.s
        // The figure may sit up to ~45 characters after the verb, across at most one comma.
        let windowEnd = min(sentence.upperBound, verb.upperBound + 80)
        // 选派、组织确定: a list of verbs, no object.
        if verb.upperBound < s.count, s[verb.upperBound] == QuantityExtractor.dun { return [] }
        guard let first = figure(from: verb.upperBound, to: windowEnd, crossingCommas: 1) else { return [] }
        if let activity = Self.activityList.firstOccurrence(in: s, range: verb.upperBound..<first.range.lowerBound),
           !isStaffModifier(at: activity, before: first.range.lowerBound) { return [] }
        if isStudy(verb: verb, figureEnd: first.range.upperBound, sentence: sentence) { return [] }
        var results: [Found] = []
        var figures = [first]
        // Coordinated objects: 14名优秀教师、2名优秀管理干部.
        var staffOfFirst = staff(after: first.range.upperBound, verbEnd: verb.upperBound, figureStart: first.range.lowerBound)
        var cursor = max(first.range.upperBound, staffOfFirst?.upperBound ?? 0)
        // (5名医生和3名护士: after 和/及/与 only a figure right after the conjunction.)
        while cursor < windowEnd, s[cursor] == QuantityExtractor.dun || Self.staffConjunctions.contains(s[cursor]),
              let next = figure(from: cursor + 1, to: min(windowEnd, cursor + 14), crossingCommas: 0),
              next.range.lowerBound == cursor + 1
                || (s[cursor] == QuantityExtractor.dun && isStaffThenFigure(cursor + 1, next.range.lowerBound)) {
            figures.append(next)
            let nextStaff = staff(after: next.range.upperBound, verbEnd: verb.upperBound, figureStart: next.range.lowerBound)
            cursor = max(next.range.upperBound, nextStaff?.upperBound ?? next.range.upperBound)
        }
        let sender = self.sender(before: verb.lowerBound) ?? inheritedSender
        let per = period(before: verb.lowerBound)
        let batches = self.batches(between: verb, and: first.range.lowerBound)
        let verbText = context.text(verb)
        for (index, figure) in figures.enumerated() {
            var staffRange = index == 0 ? staffOfFirst : staff(after: figure.range.upperBound, verbEnd: verb.upperBound, figureStart: figure.range.lowerBound)
            // 、专业技术人才56名: the staff stands between the 、 and the figure.
            if index > 0, s[figure.range.lowerBound - 1] != QuantityExtractor.dun,
               !Self.staffConjunctions.contains(s[figure.range.lowerBound - 1]) {
                var start = figure.range.lowerBound
                while start > 0, s[start - 1] != QuantityExtractor.dun { start -= 1 }
                staffRange = start..<figure.range.lowerBound
            }
            var beforeVerb = false
            if staffRange == nil, let before = staff(before: verb.lowerBound) {
                staffRange = before
                beforeVerb = true
            }
            let end = beforeVerb ? figure.range.upperBound : max(figure.range.upperBound, staffRange?.upperBound ?? 0)
            let staffText = staffRange.map { cleanStaff(context.text($0)) }
            let value = DispatchValue(count: figure.value.value, unit: figure.value.unit, staff: staffText, verb: verbText,
                                      from: sender, batches: batches, per: per)
            results.append(Found(range: verb.lowerBound..<end, value: value, figure: figure.range, figureValue: figure.value))
        }
        staffOfFirst = nil
        return results
    }

    /// 、专业技术人才56名: only a staff noun between the 、 and the next figure.
    private func isStaffThenFigure(_ start: Int, _ figureStart: Int) -> Bool {
        let s = context.s
        guard figureStart > start, figureStart - start <= 10 else { return false }
        let between = start..<figureStart
        guard between.allSatisfy({ CharacterClass.of(s[$0]) == .han && !isStaffStop($0) }) else { return false }
        return Self.staffHeadList.endsWord(in: s, at: figureStart, floor: start)
    }

    /// Activities between a staff noun and a figure make the figure a count of work done
    /// (派驻医师在受援卫生院完成门诊诊疗6820人次), not of people sent.
    static let activityVerbs: [[UInt32]] = [
        "完成", "开展", "收治", "接诊", "诊疗", "手术", "举办", "实施", "提供", "发放", "救治", "治疗", "检查", "培训", "义诊",
        "会诊", "查房", "讲座", "门诊", "住院",
    ].map(scalars)

    /// 派出培训讲师9名: an activity word right before a head noun of staff names the staff.
    private func isStaffModifier(at activity: Int, before figureStart: Int) -> Bool {
        guard let length = Self.activityList.longestMatch(in: context.s, at: activity, limit: figureStart) else { return false }
        return startsStaffHead(at: activity + length, limit: figureStart)
    }

    /// Whether a head noun of staff (讲师, 专家, 教师 …) starts at `position` and ends by `limit`.
    private func startsStaffHead(at position: Int, limit: Int) -> Bool {
        Self.staffHeadList.longestMatch(in: context.s, at: position, limit: limit) != nil
    }

    struct Figure {
        var range: Range<Int>
        var value: CountValue
    }

    /// The first figure of people (numeral or range + 名/人/位/人次) in the window.
    private func figure(from start: Int, to end: Int, crossingCommas: Int) -> Figure? {
        let s = context.s
        var commas = 0
        var i = start
        while i < end {
            let c = s[i]
            if c == HeadingMarkers.comma {
                commas += 1
                if commas > crossingCommas { return nil }
                // 派出专家团队，为库车市1.2万名农村妇女…: the people served, not the people sent.
                if Self.beneficiaryClauseList.startsWord(in: s, at: i + 1) { return nil }
            }
            if ExtractionContext.isSentenceBreak(c) { return nil }
            // Another sending verb owns what follows (择优选派、…，每学年选派5位).
            if i > start, Self.verbFirstCharacters.contains(c), sendingVerbLength(at: i) != nil { return nil }
            // 第七批 is an ordinal; skip the ordinal and go on.
            if c == QuantityExtractor.di, let ordinal = parser.parse(s, at: i + 1) { i = ordinal.range.upperBound; continue }
            if startsNumber(i), let number = parser.parse(s, at: i), !number.isFraction {
                var high = number
                var after = number.range.upperBound
                // Ranges: 3——5名, 5、6名, 2-4名.
                if after < end, let (second, secondEnd) = rangeSecond(after: number) {
                    high = second
                    after = secondEnd
                }
                if let unit = Self.personUnits.first(where: { s.hasPrefix($0, at: after) }) {
                    let unitEnd = after + unit.count
                    // 人民 / 人才 are no figure of people.
                    if unit.count == 1, unit[0] == 0x4EBA, unitEnd < s.count,   // 人
                       s[unitEnd] == 0x6C11 || s[unitEnd] == 0x624D || s[unitEnd] == 0x5458 {
                        i = unitEnd
                        continue
                    }
                    var qualifier: Qualifier = number.more ? .more : .exact
                    var spanStart = number.range.lowerBound
                    if high != number { qualifier = .range }
                    else if let leading = Qualifiers.leading(s, endingAt: spanStart), leading.start >= start {
                        qualifier = leading.qualifier
                        spanStart = leading.start
                    }
                    var spanEnd = unitEnd
                    if high == number, let trailing = Qualifiers.trailing(s, startingAt: unitEnd) {
                        qualifier = qualifier == .exact ? trailing.qualifier : qualifier
                        spanEnd = trailing.end
                    }
                    let value = CountValue(value: number.value, low: number.value, high: high.value, qualifier: qualifier,
                                           unit: String(scalarValues: unit), object: nil)
                    return Figure(range: spanStart..<spanEnd, value: value)
                }
                i = max(i + 1, after)
                continue
            }
            i += 1
        }
        return nil
    }

    private func startsNumber(_ i: Int) -> Bool {
        let s = context.s
        let c = s[i]
        let previous: UInt32 = i > 0 ? s[i - 1] : 0x20
        if NumeralCharacters.isASCIIDigit(c) { return !NumeralCharacters.isASCIIDigit(previous) && !NumeralCharacters.isMask(previous) }
        return NumeralParser.digit(c) >= 0 || NumeralCharacters.smallUnit(c) > 0
    }

    private func rangeSecond(after first: NumeralMatch) -> (NumeralMatch, Int)? {
        let s = context.s
        var i = first.range.upperBound
        let c = s[i]
        if c == 0x2014 || c == 0x2013 || c == 0x2D || c == 0x7E || c == QuantityExtractor.dun || c == QuantityExtractor.zhi {
            while i < s.count, s[i] == c { i += 1 }
        } else {
            return nil
        }
        guard i < s.count, let second = parser.parse(s, at: i), second.value > first.value else { return nil }
        return (second, second.range.upperBound)
    }

    /// The staff noun: after the figure (skipping a 的-clause of qualities: 19名思想作风好,…的医务人员),
    /// between the verb and the figure (派遣教师到我校讲学，至今已有20人次), or before the verb
    /// (支教教师共选派200名).
    private func staff(after figureEnd: Int, verbEnd: Int, figureStart: Int) -> Range<Int>? {
        let s = context.s
        // 增派医务人员38人次驰援库车: what follows the figure names no staff, the noun before it does.
        if let phrase = nounPhrase(from: figureEnd), containsStaffHead(phrase) || !staffHeadPrecedes(figureStart, floor: verbEnd) {
            let next: UInt32 = phrase.upperBound < s.count ? s[phrase.upperBound] : 0x3002
            // Qualities before the noun (思想作风好、…的医务人员) hold no head noun of staff.
            if next == 0x7684 || next == HeadingMarkers.comma || next == QuantityExtractor.dun, !containsStaffHead(phrase),
               let noun = nounAfterLastDe(from: phrase.upperBound) {
                return noun
            }
            let staff = cutAtStaffHead(phrase)
            return coordinatedStaff(after: staff) ?? staff
        }
        guard figureStart > verbEnd else { return nil }
        // A head noun right before the figure (…或医技等人员近100人, 援疆干部3200多名).
        var end = endBeforeFillers(figureStart, floor: verbEnd)
        // 支教教师6批共58名: past the batches to the noun.
        end = OrdinalPhrases.batchesStart(in: s, endingAt: end, floor: verbEnd) ?? end
        if let length = Self.staffHeadList.longestMatch(in: s, endingAt: end, floor: verbEnd) {
            var start = end - length
            while start > verbEnd, end - start < 6, CharacterClass.of(s[start - 1]) == .han, !isStaffStop(start - 1) { start -= 1 }
            return start..<end
        }
        // 派出第二、三批队员共计40人: past the ordinal batches to the noun.
        if let phrase = nounPhrase(from: OrdinalPhrases.ordinalBatchesEnd(in: s, at: verbEnd, limit: s.count) ?? verbEnd) {
            let clipped = phrase.lowerBound..<min(phrase.upperBound, figureStart)
            if !clipped.isEmpty { return cutAtStaffHead(clipped) }
        }
        return nil
    }

    static let fillersBeforeFigure: [[UInt32]] = ["共计", "共", "计", "约", "近", "达", "有"].map(scalars)

    /// Where the words before a figure end once a filler (共计, 约, 达 …) is set aside.
    private func endBeforeFillers(_ figureStart: Int, floor: Int) -> Int {
        let s = context.s
        for filler in Self.fillersBeforeFigure where figureStart - filler.count >= floor && s.hasPrefix(filler, at: figureStart - filler.count) {
            return figureStart - filler.count
        }
        return figureStart
    }

    /// Whether a head noun of staff ends right before the figure, past fillers (医务人员38人次, 队员共40人).
    private func staffHeadPrecedes(_ figureStart: Int, floor: Int) -> Bool {
        guard figureStart > floor else { return false }
        return Self.staffHeadList.longestMatch(in: context.s, endingAt: endBeforeFillers(figureStart, floor: floor), floor: floor) != nil
    }

    /// Words that open a clause about whom the staff serve (，为…, ，帮助…), not whom were sent.
    static let beneficiaryClauseList = WordList(["为", "给", "向", "帮助", "替"].map(scalars))

    /// One figure for staff of two kinds (5、6名校长和中层干部, 30名医生及护士): the whole
    /// coordination, when the noun after 和/及/与 ends with a head noun of staff too.
    private func coordinatedStaff(after staff: Range<Int>) -> Range<Int>? {
        let s = context.s
        let conjunction = staff.upperBound
        guard conjunction + 1 < s.count, Self.staffConjunctions.contains(s[conjunction]), containsStaffHead(staff) else { return nil }
        // The second noun: Han characters up to its head noun (中层干部, 护士), within 8.
        var k = conjunction + 1
        while k < min(s.count, conjunction + 9), CharacterClass.of(s[k]) == .han, !Self.secondStaffStops.contains(s[k]) {
            if let length = Self.staffHeadList.longestMatch(in: s, at: k) {
                return staff.lowerBound..<(k + length)
            }
            k += 1
        }
        return nil
    }

    static let staffConjunctions = ScalarSet("和及与")
    /// Characters that end the search for the second noun of a coordination (医生和|当地卫生院结对).
    static let secondStaffStops = ScalarSet("的地得了着在到赴为对从向由把被将等于是有来去结")

    /// The staff noun right before the verb, past fillers (支教教师共选派200名).
    private func staff(before verbStart: Int) -> Range<Int>? {
        let s = context.s
        var end = verbStart
        if let length = Self.senderFillerList.longestMatch(in: s, endingAt: end) { end -= length }
        if let length = Self.staffHeadList.longestMatch(in: s, endingAt: end) {
            var start = end - length
            // (Not into a verb of work before it: “双语”培训|支教教师.)
            while start > 0, end - start < 8, CharacterClass.of(s[start - 1]) == .han, !isStaffStop(start - 1),
                  !Self.activityList.endsWord(in: s, at: start) { start -= 1 }
            return start..<end
        }
        return nil
    }

    private func containsStaffHead(_ phrase: Range<Int>) -> Bool {
        Self.staffHeadList.occurs(in: context.s, range: phrase)
    }

    /// Ends a staff phrase after its last head noun (工作人员冒 → 工作人员).
    private func cutAtStaffHead(_ phrase: Range<Int>) -> Range<Int> {
        let s = context.s
        var best: Int?
        for k in phrase {
            if let length = Self.staffHeadList.longestMatch(in: s, at: k, limit: phrase.upperBound) { best = max(best ?? 0, k + length) }
        }
        guard let end = best else { return phrase }
        return phrase.lowerBound..<end
    }

    static let staffStops = ScalarSet("的地得了着和与及或在到赴为对从向由把被将等于是有来去共计达各其中均也都已还又并分批前往至")
    /// Modifiers of staff that hold a stop character (本地中层干部, 中青年教师, 各级医生).
    static let staffModifierList = WordList(["中层", "中青年", "中级", "中医", "中学", "中小学", "中年", "中共", "中职", "本地",
                                             "当地", "外地", "各级", "各科"].map(scalars))

    /// A character that ends a staff noun, unless it is inside one of the `staffModifierList` words.
    private func isStaffStop(_ position: Int) -> Bool {
        Self.staffStops.contains(context.s[position]) && !Self.staffModifierList.covers(position, in: context.s, reach: 2)
    }

    private func nounPhrase(from start: Int) -> Range<Int>? {
        let s = context.s
        var end = start
        let limit = min(s.count, start + 10)
        while end < limit, CharacterClass.of(s[end]) == .han, !isStaffStop(end), !isVerbAhead(end) {
            end += 1
        }
        return end > start ? start..<end : nil
    }

    /// The noun after the last 的 before a verb or the end of the sentence.
    private func nounAfterLastDe(from start: Int) -> Range<Int>? {
        let s = context.s
        var position = start
        var lastDe: Int?
        let limit = min(s.count, start + 60)
        while position < limit, !ExtractionContext.isSentenceBreak(s[position]) {
            if s[position] == 0x7684 { lastDe = position; position += 1; continue }
            // Another figure or sending verb: the qualities ended without a 的.
            if lastDe == nil, Self.verbList.startsWord(in: s, at: position) { return nil }
            if let de = lastDe, position > de + 1, isVerbAhead(position) || Self.staffStops.contains(s[position]) { break }
            position += 1
        }
        guard let de = lastDe, let noun = nounPhrase(from: de + 1) else { return nil }
        return cutAtStaffHead(noun)
    }

    static let verbsAfterStaff: [[UInt32]] = [
        "到", "赴", "前往", "去", "来", "参加", "开展", "担任", "挂职", "支教", "进驻", "下乡", "深入", "组成", "工作", "服务",
        "讲学", "授课", "帮扶", "指导", "从事", "驻", "入驻", "常驻", "带队", "分赴", "奔赴", "承担", "开始", "负责", "冒着", "驰援",
        "接续", "继续", "接力", "接替", "轮换",
    ].map(scalars)

    private func isVerbAhead(_ position: Int) -> Bool {
        // 工作人员 begins with 工作 but is a noun.
        if Self.longStaffHeadList.startsWord(in: context.s, at: position) { return false }
        return Self.verbsAfterStaffList.startsWord(in: context.s, at: position)
    }

    /// 优秀教师 → 教师: praise is not part of the staff noun.
    private func cleanStaff(_ text: String) -> String {
        for prefix in ["优秀的", "优秀"] where text.hasPrefix(prefix) && text.count > prefix.count + 1 {
            return String(text.dropFirst(prefix.count))
        }
        return text
    }

    /// Sending staff to study: a word of study after the verb in the sentence (选派5名教师赴北京进修;
    /// …4名运动员，由…带队，赴崇义接受爱国主义教育), up to a clause that tells what the staff did
    /// there (…共47人，其中…，开展手术600余台，培训乡村医生1200人次).
    private func isStudy(verb: Range<Int>, figureEnd: Int, sentence: Range<Int>) -> Bool {
        let s = context.s
        let limit = min(sentence.upperBound, verb.upperBound + 60)
        var end = clauseEnd(from: figureEnd, limit: limit)
        while end < limit {
            var next = end + 1
            if let filler = Self.clauseFillerList.longestMatch(in: s, at: next, limit: limit) { next += filler }
            if Self.workClauseList.startsWord(in: s, at: next, limit: limit) { break }
            end = clauseEnd(from: next, limit: limit)
        }
        let range = verb.upperBound..<end
        var position = range.lowerBound
        var studyAt: Int?
        while position < range.upperBound, let found = Self.studyList.firstOccurrence(in: s, range: position..<range.upperBound) {
            let length = Self.studyList.longestMatch(in: s, at: found, limit: range.upperBound) ?? 1
            // 培训讲师 / 培训专家: the word names what the staff do, before their head noun.
            if !startsStaffHead(at: found + length, limit: range.upperBound), !isTrainingOthers(at: found, length: length) {
                studyAt = found
                break
            }
            position = found + length
        }
        guard let studyAt else { return false }
        // Service named up to the clause of the study (进修并协助开展…) makes it work; a later clause
        // about someone else (…进修6个月，我全程协助做好对接) does not.
        return !Self.serviceList.occurs(in: s, range: range.lowerBound..<clauseEnd(from: studyAt, limit: range.upperBound))
    }

    /// 培训乡村医生 / 开展培训 / 培养人才: the staff train others, which is work, not study.
    private func isTrainingOthers(at start: Int, length: Int) -> Bool {
        let s = context.s
        guard length == 2, s[start] == 0x57F9, s[start + 1] == 0x8BAD || s[start + 1] == 0x517B else { return false }   // 培训 培养
        let after = start + 2
        if after < s.count, CharacterClass.of(s[after]) == .han, !Self.notTrainingObjects.contains(s[after]) { return true }
        return Self.conductList.endsWord(in: s, at: start)
    }

    private func clauseEnd(from start: Int, limit: Int) -> Int {
        var k = start
        while k < limit, !Self.clauseBreaks.contains(context.s[k]) { k += 1 }
        return k
    }

    /// , and ; of the normalized text (，and ； are folded to them; 。！？ end the sentence already).
    static let clauseBreaks = ScalarSet(",;")
    /// A clause that starts with work done (开展手术…, 其中医生31名) tells no more of why staff were sent.
    static let workClauseList = WordList(activityVerbs + ["其中", "带教", "指导", "服务", "帮助", "接诊"].map(scalars))
    static let clauseFillerList = WordList(["并", "还", "同时", "共", "累计", "先后", "已"].map(scalars))
    /// 开展培训 / 举办培训: the staff hold the training.
    static let conductList = WordList(["开展", "举办", "组织", "负责", "承担", "主讲", "开办"].map(scalars))
    /// Characters after 培训/培养 that are no object of training: 培训了, 培训班, 培训期间 ….
    static let notTrainingObjects = ScalarSet("了班期中后的和及与过时等")

    /// Whether the verb's clause names who sends (市教育局先后选派, 我院选派) rather than starting
    /// with the verb past fillers (，每学年选派10名).
    private func hasOwnSubject(verbStart: Int) -> Bool {
        let s = context.s
        var start = verbStart
        while let length = Self.senderFillerList.longestMatch(in: s, endingAt: start) { start -= length }
        return start > 0 && !Self.clauseBreaks.contains(s[start - 1]) && !ExtractionContext.isSentenceBreak(s[start - 1])
    }

    /// The institution that opens an earlier clause of the sentence, for a verb whose clause has
    /// no subject (华东师范大学自上半年起，根据我校实际需要，派遣教师…): the nearest such clause, within
    /// 60 characters; none when a nearer clause opens with 我院/我校 or names a destination first.
    private func subjectOfEarlierClause(before verbStart: Int, in sentence: Range<Int>) -> String? {
        let s = context.s
        let floor = max(sentence.lowerBound, verbStart - 60)
        var k = verbStart
        while k > floor, !Self.clauseBreaks.contains(s[k - 1]) { k -= 1 }
        while k > floor {
            // k is just after a clause break: look at the clause before it.
            var start = k - 1
            while start > floor, !Self.clauseBreaks.contains(s[start - 1]) && s[start - 1] != HeadingMarkers.colon { start -= 1 }
            var opening = start
            while opening < k, s[opening] == 0x20 || s[opening] == 0x3000 { opening += 1 }
            if Self.pronounSenderList.startsWord(in: s, at: opening) { return nil }
            if let institution = institutions.first(where: { $0.lowerBound == opening && $0.upperBound < k - 1 }),
               s[institution.upperBound] != 0x7684, s[institution.upperBound] != QuantityExtractor.dun {
                return context.text(institution)
            }
            k = start
        }
        return nil
    }

    /// The sender named right before the verb (南京大学共派出, 杭州、温州…8个市选派): an institution
    /// or a list of places, with filler words between; nil for pronouns (我院, 我校).
    private func sender(before verbStart: Int) -> String? {
        let s = context.s
        var end = verbStart
        var moved = true
        while moved {
            moved = false
            if let length = Self.senderFillerList.longestMatch(in: s, endingAt: end) {
                end -= length
                moved = true
            }
            // 了, 分5批
            if end > 0, s[end - 1] == 0x4E86 { end -= 1; moved = true }
            if end > 2, s[end - 1] == 0x6279 {
                var k = end - 1
                while k > 0, NumeralCharacters.isASCIIDigit(s[k - 1]) || NumeralParser.digit(s[k - 1]) >= 0 { k -= 1 }
                if k < end - 1, k > 0, s[k - 1] == 0x5206 || s[k - 1] == 0x5171 { end = k - 1; moved = true }   // 分 共
            }
        }
        if Self.pronounSenderList.endsWord(in: s, at: end) { return nil }
        if let institution = institutions.last(where: { $0.upperBound == end }) {
            // 在灌云县人民医院派驻: a place the staff go to, not who sends them.
            if institution.lowerBound > 0, Self.destinationMarks.contains(s[institution.lowerBound - 1]) { return nil }
            return context.text(institution)
        }
        // A list of places: 杭州、温州、湖州 … (and an optional 等N个市).
        var listEnd = end
        if listEnd >= 3, s[listEnd - 1] == 0x5E02, s[listEnd - 2] == 0x4E2A {   // …8个市
            var k = listEnd - 2
            while k > 0, NumeralCharacters.isASCIIDigit(s[k - 1]) || NumeralParser.digit(s[k - 1]) >= 0 { k -= 1 }
            listEnd = k
        }
        var start = listEnd
        var places = 0
        while start > 0 {
            var matched = false
            for length in stride(from: 4, through: 2, by: -1) where start - length >= 0 {
                if let (_, placeEnd) = Gazetteer.shared.longestPlace(in: s, at: start - length, limit: start), placeEnd == start {
                    start -= length
                    places += 1
                    matched = true
                    break
                }
            }
            guard matched else { break }
            if start > 0, s[start - 1] == QuantityExtractor.dun { start -= 1 } else { break }
        }
        if places > 0 {
            if s[start] == QuantityExtractor.dun { start += 1 }
            return context.text(start..<listEnd)
        }
        return clauseSubject(before: verbStart)
    }

    /// Prepositions before a name that make it a destination or a partner (在, 到, 向, 赴, 与 …).
    static let destinationMarks = ScalarSet("在到向赴往至为给对与和同跟")
    /// Adverbs that hold a preposition's character (同步派出, 同时选派): 同 there means "at once".
    static let adverbsWithDestinationMarks = WordList(["同步", "同时", "同期", "一同", "共同"].map(scalars))

    private func isInsideAdverb(_ position: Int) -> Bool {
        let s = context.s
        for start in max(0, position - 1)...position {
            if let length = Self.adverbsWithDestinationMarks.longestMatch(in: s, at: start, limit: s.count), start + length > position {
                return true
            }
        }
        return false
    }

    /// Words that make the clause's first name something other than the sender (迎来, 接收 …).
    static let notSenderVerbs = WordList(["迎来", "接收", "接受", "接待", "邀请", "收到", "欢迎", "协调", "协商", "请求", "申请"].map(scalars))

    /// The sender as the subject of the verb's clause, when it is not right before the verb
    /// (潍坊市按照轮换计划新选派党政干部8名): an institution or a full place name (潍坊市) that opens
    /// the clause, with a short adverbial between it and the verb and no preposition or
    /// receiving verb there.
    private func clauseSubject(before verbStart: Int) -> String? {
        let s = context.s
        var start = verbStart
        while start > 0, verbStart - start < 30, !ExtractionContext.isClauseBreak(s[start - 1]), s[start - 1] != QuantityExtractor.dun {
            start -= 1
        }
        guard start == 0 || ExtractionContext.isClauseBreak(s[start - 1]) else { return nil }
        while start < verbStart, s[start] == 0x20 || s[start] == 0x3000 { start += 1 }
        var nameEnd: Int?
        if let institution = institutions.first(where: { $0.lowerBound == start && $0.upperBound < verbStart }) {
            nameEnd = institution.upperBound
        } else if let placeEnd = Gazetteer.shared.longestFullPlaceEnd(in: s, from: start, limit: verbStart), placeEnd < verbStart {
            nameEnd = placeEnd
        }
        guard let end = nameEnd, verbStart - end <= 12 else { return nil }
        let between = end..<verbStart
        if between.contains(where: { (Self.destinationMarks.contains(s[$0]) && !isInsideAdverb($0)) || CharacterClass.of(s[$0]) != .han }) {
            return nil
        }
        if Self.notSenderVerbs.occurs(in: s, range: between) || Self.pronounSenderList.occurs(in: s, range: between) { return nil }
        return context.text(start..<end)
    }

    private func period(before verbStart: Int) -> String? {
        let s = context.s
        let from = max(0, verbStart - 10)
        var best: (Int, [UInt32])?
        for period in Self.periods {
            var k = verbStart - period.count
            while k >= from {
                if s.hasPrefix(period, at: k) {
                    if best == nil || k > best!.0 { best = (k, period) }
                    break
                }
                k -= 1
            }
        }
        guard let found = best else { return nil }
        // Only fillers may sit between the period and the verb.
        let between = (found.0 + found.1.count)..<verbStart
        if between.contains(where: { ExtractionContext.isClauseBreak(s[$0]) }) { return nil }
        return String(scalarValues: found.1)
    }

    /// 12批 / 16批次 between the verb and the figure, or 分5批 / 共六批 before the verb.
    private func batches(between verb: Range<Int>, and figureStart: Int) -> Int? {
        let s = context.s
        var i = verb.upperBound
        while i < figureStart {
            if startsNumber(i), let number = parser.parse(s, at: i), number.range.upperBound < s.count, s[number.range.upperBound] == 0x6279 {
                if OrdinalPhrases.isOrdinal(in: s, numeralAt: i) { return nil }
                return Int(number.value)
            }
            i += 1
        }
        // Before the verb: 分5批派出, 共六批选派 (within the clause).
        var k = verb.lowerBound - 1
        let floor = max(0, verb.lowerBound - 20)
        while k >= floor, !ExtractionContext.isClauseBreak(s[k]) {
            if s[k] == 0x6279, k > 0 {
                var start = k
                // (十 too: 第十二批 is an ordinal, not two batches.)
                while start > floor, OrdinalPhrases.isNumeral(s[start - 1]) { start -= 1 }
                if start < k, !(start > 0 && s[start - 1] == QuantityExtractor.di), let number = parser.parse(s, at: start) {
                    return Int(number.value)
                }
            }
            k -= 1
        }
        return nil
    }
}
