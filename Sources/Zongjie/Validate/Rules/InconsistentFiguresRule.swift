import Foundation

/// `inconsistent-figures`: the same quantity stated with different values in one report
/// (共派出12名医务人员 here, 共派出13名医务人员 there).
///
/// Two statements are the same quantity when they agree on everything but the figure: the
/// verb and its object (the dispatch record's verb, staff and unit, or the words after a 共/累计
/// marker), the subject before them, the destination after them (到/赴 …), a 每年-like rate, the
/// years named before them in their sentence, and the article. Statements of dispatched staff
/// without a 共/累计 marker must also sit in the same section. Plans and targets are left out.
/// Scraped pages repeat near-copies of reports across articles; those are never compared.
public struct InconsistentFiguresRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "inconsistent-figures", defaultSeverity: .warning,
        summary: "The same quantity is stated with different values in one report",
        description: "同一文章中同一数量前后说法不一致（如前文“共派出12名”，后文“共派出13名”）：动词、对象、单位、主体、去向、年份都相同而数字不同")

    public init() {}

    struct Statement {
        var range: Range<Int>
        var article: Int
        var key: String
        var section: [String]
        var cumulative: Bool
        var low: Double
        var high: Double
        /// Who states it: "self" for the writer (我院, 我们), "" when the clause names no one (the
        /// subject is an earlier clause's), which agrees with every subject.
        var subject = ""
        /// Time words (一年来, 今年 …) when they are not part of the key: a statement without any
        /// agrees with every scope, two with different ones are different periods.
        var scope = ""
        /// The years written in the sentence before a count or sum (not part of its key): equal, or
        /// one side without any when both speak of the report's year (全年, 一年来).
        var years = ""
    }

    /// Characters that end the name of a unit (a hospital, a school, a township, a department).
    static let unitEndings: Set<Character> = Set("院校乡镇县村局科队组站所室区市州省中心部处")

    /// The headings where two section paths part name units (城关镇卫生院, 内科): the
    /// statements under them are about different units.
    static func namesOtherUnits(_ a: [String], _ b: [String]) -> Bool {
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        let differing = a.dropFirst(common) + b.dropFirst(common)
        guard !a.dropFirst(common).isEmpty, !b.dropFirst(common).isEmpty else { return false }
        return differing.contains { heading in
            // The heading without its numbering and closing punctuation ends with a unit.
            let trimmed = heading.trimmingCharacters(in: CharacterSet(charactersIn: "。：:，,；; "))
            return trimmed.last.map { unitEndings.contains($0) } ?? false
        }
    }

    static let markers = ["累计", "共计", "总共", "一共", "合计", "先后", "全年", "共"].map(\.scalarArray)
    static let destinationWords = ["到", "赴", "至", "前往", "进驻", "派驻", "深入", "在"].map(\.scalarArray)
    static let rateWords = ["每年", "每学年", "每学期", "每批", "每次", "每月", "每周", "每期", "每人", "每个"].map(\.scalarArray)

    public func check(_ context: ValidationContext) -> [Finding] {
        let statements = dispatchStatements(context) + countStatements(context) + rateStatements(context)
        var findings: [Finding] = []
        // Built on the first finding: most documents have none.
        var lines: LineIndex?
        var groups: [String: [Statement]] = [:]
        var reported: Set<Int> = []
        for statement in statements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let group = "\(statement.article)|\(statement.key)"
            defer { groups[group, default: []].append(statement) }
            guard !reported.contains(statement.range.lowerBound) else { continue }
            for earlier in groups[group] ?? [] {
                // Totals (共/累计) are compared across sections, except sections headed by
                // different units: (一)城关镇卫生院…共完成手术86台 and (二)李家乡卫生院…共完成手术120台.
                guard earlier.cumulative == statement.cumulative,
                      earlier.scope.isEmpty || statement.scope.isEmpty || earlier.scope == statement.scope,
                      earlier.subject.isEmpty || statement.subject.isEmpty || earlier.subject == statement.subject,
                      earlier.years == statement.years
                        || (earlier.years.isEmpty || statement.years.isEmpty) && earlier.scope.contains(Self.reportYear)
                            && statement.scope.contains(Self.reportYear),
                      statement.cumulative ? !Self.namesOtherUnits(earlier.section, statement.section) : earlier.section == statement.section,
                      statement.high < earlier.low - 1e-9 || statement.low > earlier.high + 1e-9,
                      earlier.range.upperBound <= statement.range.lowerBound else { continue }
                if lines == nil { lines = LineIndex(context.document.text) }
                findings.append(Self.finding(statement.range, contradicting: earlier.range, context: context, lines: lines!))
                reported.insert(statement.range.lowerBound)
                break
            }
        }
        findings += backReferences(context, lines: &lines)
        // A figure found both as a dispatch and as a count (共选派13名 / 选派13名医务人员) is
        // reported once.
        var kept: [Finding] = []
        for finding in findings.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
            where !kept.contains(where: { $0.range.overlaps(finding.range) }) {
            kept.append(finding)
        }
        return kept
    }

    // MARK: Statements

    /// Dispatch records (选派19名医务人员).
    func dispatchStatements(_ context: ValidationContext) -> [Statement] {
        let s = context.s
        let reader = FigureReader()
        let counts = context.records(.count)
        var result: [Statement] = []
        for located in context.records(.dispatch) {
            guard case .dispatch(let value) = located.record.value,
                  let article = context.articleIndex(at: located.range.lowerBound),
                  !context.isBoilerplate(located.range.lowerBound), !context.isPlanContext(located.range.lowerBound, headings: false) else { continue }
            var low = value.count
            var high = value.count
            if let count = counts.first(where: { $0.range.lowerBound >= located.range.lowerBound && $0.range.upperBound <= located.range.upperBound }),
               let figure = reader.figure(of: count, in: s) {
                low = figure.low
                high = figure.high
            }
            let clauseStart = TextScan.clauseStart(s, before: located.range.lowerBound)
            let (marker, subjectEnd) = cumulativeMarker(s, in: clauseStart..<located.range.lowerBound)
            let (subject, scope) = Self.subjectAndScope(value.from ?? TextScan.hanText(s, clauseStart..<subjectEnd))
            let per = value.per ?? rate(s, in: clauseStart..<located.range.lowerBound)
            var key = ["dispatch", value.verb, value.staff ?? "", TotalsRule.unitFamily(value.unit), subject.isEmpty ? "self" : subject, scope, per,
                       value.batches.map(String.init) ?? ""]
            key.append(destination(after: located.range.upperBound, s: s))
            key.append(years(before: located.range.lowerBound, context: context))
            result.append(Statement(range: located.range, article: article, key: key.joined(separator: "|"),
                                    section: context.sectionPath(at: located.range.lowerBound), cumulative: marker, low: low, high: high))
        }
        return result
    }

    /// Counts and sums of money after a 共/累计 marker and a verb (共派出12名医生, 累计培训医务人员300人次,
    /// 累计投入援建资金3.6亿元).
    func countStatements(_ context: ValidationContext) -> [Statement] {
        let s = context.s
        let reader = FigureReader()
        var result: [Statement] = []
        for located in context.records(.count) + context.records(.money) {
            let unit: String
            let object: String?
            let figure: (low: Double, high: Double)
            switch located.record.value {
            case .count(let value):
                guard let read = reader.figure(of: located, in: s) else { continue }
                unit = TotalsRule.unitFamily(value.unit)
                object = value.object
                figure = (read.low, read.high)
            case .money(let value):
                // Only exact sums compare: 约/近/余 leave too much room.
                guard value.qualifier == .exact, value.low == value.high else { continue }
                unit = "yuan:" + value.currency
                object = nil
                figure = (value.low, value.high)
            default:
                continue
            }
            guard let article = context.articleIndex(at: located.range.lowerBound),
                  !context.isBoilerplate(located.range.lowerBound) else { continue }
            let clauseStart = TextScan.clauseStart(s, before: located.range.lowerBound)
            let clause = clauseStart..<located.range.lowerBound
            let (marker, markerStart) = cumulativeMarker(s, in: clause)
            guard marker else {
                // (The plan test after the statement's own: most plain figures have no lead to compare.)
                if let plain = plainStatement(located, clause: clause, unit: unit, figure: figure, article: article, context: context),
                   !context.isPlanContext(located.range.lowerBound, headings: false) {
                    result.append(plain)
                }
                continue
            }
            guard !context.isPlanContext(located.range.lowerBound, headings: false) else { continue }
            // The words between the marker(s) and the figure: a verb and perhaps its object.
            var phraseStart = markerStart
            while let markerWord = Self.markers.first(where: { s.hasPrefix($0, at: phraseStart) }), phraseStart < clause.upperBound {
                phraseStart += markerWord.count   // 全年共到位…
            }
            var phrase = TextScan.hanText(s, phraseStart..<located.range.lowerBound)
            phrase = phrase.replacingOccurrences(of: "了", with: "")
            for filler in ["达到", "达", "有", "为", "的"] where phrase.hasSuffix(filler) { phrase.removeLast(filler.count); break }
            // A verb is needed: 共12名 alone says too little to be the same quantity.
            guard phrase.count >= 2 else { continue }
            let (subject, clauseScope) = Self.subjectAndScope(TextScan.hanText(s, clauseStart..<markerStart))
            var scope = clauseScope
            // 全年共开行…: the marker itself says the report's year.
            if s.hasPrefix(Self.wholeYear, at: markerStart) { scope = Self.mergedScopes(scope, Self.reportYear) }
            // A time word earlier in the sentence scopes the statement too (一年来，驻村工作队共接诊…),
            // unless the clause has its own (上半年接诊…，全年接诊…).
            let sentenceStart = context.sentence(around: located.range.lowerBound).lowerBound
            if sentenceStart < clauseStart, scope.isEmpty {
                let sentenceScope = Self.scope(of: TextScan.hanText(s, sentenceStart..<clauseStart))
                scope = Self.mergedScopes(scope, sentenceScope)
            }
            // The verb, and the counted noun written before the figure (派出医疗队员12名) or after
            // it (派出12名医疗队员).
            // (A sum of money may name what it is after the figure: 投入的2.53亿元援青资金.)
            let verb = String(phrase.prefix(2))
            var noun = phrase.count > 2 ? String(phrase.dropFirst(2)) : (object ?? fundName(after: located.range.upperBound, s: s))
            // 完成各类手术 / 完成手术: a word of kind says nothing about the quantity.
            for kind in Self.kindWords where noun.hasPrefix(kind) { noun.removeFirst(kind.count); break }
            var key = ["count", verb, noun, unit, rate(s, in: clause)]
            key.append(destination(after: located.range.upperBound, s: s))
            // The span: from the marker to the end of the figure.
            result.append(Statement(range: markerStart..<located.range.upperBound, article: article,
                                    key: key.joined(separator: "|"), section: context.sectionPath(at: located.range.lowerBound),
                                    cumulative: true, low: figure.low, high: figure.high, subject: subject, scope: scope,
                                    years: years(before: located.range.lowerBound, context: context)))
        }
        return result
    }

    /// `学期末，选派的11名支教教师考核均为合格` names again, with 的, staff whose dispatch the report
    /// stated before (选派9名骨干教师赴…支教): the figure must agree with one of the article's earlier
    /// statements of that verb and staff (by the staff's head noun), leaving out totals over
    /// several periods (累计, 先后), rates (每年) and plans.
    func backReferences(_ context: ValidationContext, lines: inout LineIndex?) -> [Finding] {
        let s = context.s
        var findings: [Finding] = []
        var earlier: [(range: Range<Int>, article: Int, verb: String, head: String, value: Double)] = []
        for located in context.records(.dispatch) {
            guard case .dispatch(let value) = located.record.value, value.per == nil, value.batches == nil,
                  let staff = value.staff, staff.count >= 2, let article = context.articleIndex(at: located.range.lowerBound),
                  !context.isBoilerplate(located.range.lowerBound), !context.isPlanContext(located.range.lowerBound, headings: false)
            else { continue }
            let head = String(staff.suffix(2))
            let verbEnd = located.range.lowerBound + value.verb.unicodeScalars.count
            if verbEnd < s.count, s[verbEnd] == 0x7684 {   // 的
                let candidates = earlier.filter { $0.article == article && $0.verb == value.verb && $0.head == head }
                if let first = candidates.first, !candidates.contains(where: { abs($0.value - value.count) < 1e-9 }) {
                    if lines == nil { lines = LineIndex(context.document.text) }
                    findings.append(Self.finding(located.range, contradicting: first.range, context: context, lines: lines!))
                }
                continue
            }
            let clause = TextScan.clauseStart(s, before: located.range.lowerBound)..<located.range.lowerBound
            if TextScan.contains(s, Self.periodTotalMarkers, in: clause) { continue }
            earlier.append((located.range, article, value.verb, head, value.count))
        }
        return findings
    }

    /// The finding for a statement at `range` (normalized) that an earlier one at `earlier` contradicts.
    static func finding(_ range: Range<Int>, contradicting earlier: Range<Int>, context: ValidationContext, lines: LineIndex) -> Finding {
        let earlierOriginal = context.original(earlier)
        var related = RelatedLocation(source: context.source, start: earlierOriginal.lowerBound, end: earlierOriginal.upperBound,
                                      message: "前文的说法")
        related.locate(in: lines)
        let place = related.line.map { "第\($0)行" } ?? "前文"
        return Finding(range: context.original(range),
                       message: "同一数字前后不一致：此处“\(context.text(range))”，\(place)为“\(context.text(earlier))”", related: [related])
    }

    static let periodTotalMarkers = ["累计", "先后", "历年", "以来"].map(\.scalarArray)

    static let rateLinks = ["达到了", "达到", "达", "为", "是", "保持在", "稳定在"].map(\.scalarArray)
    static let rate: UInt32 = 0x7387   // 率

    /// Rates of one subject in one year (2023年高考，塔城地区第二中学本科上线率达到62.4% … 2023年塔城地区
    /// 第二中学本科上线率为64.2%): the whole clause before the rate, years aside, names it; five
    /// characters or more, so that a bare 合格率 says too little.
    func rateStatements(_ context: ValidationContext) -> [Statement] {
        let s = context.s
        var result: [Statement] = []
        for i in s.indices where s[i] == 0x25 {   // %
            var start = i
            while start > 0, NumeralCharacters.isASCIIDigit(s[start - 1]) || s[start - 1] == 0x2E { start -= 1 }
            guard start < i, NumeralCharacters.isASCIIDigit(s[start]),
                  let value = Double(String(scalarValues: s[start..<i])) else { continue }
            var k = start
            if let link = Self.rateLinks.first(where: { k - $0.count > 0 && s.hasPrefix($0, at: k - $0.count) }) { k -= link.count }
            guard k > 0, s[k - 1] == Self.rate, let article = context.articleIndex(at: start), !context.isBoilerplate(start),
                  !context.isPlanContext(start, headings: false) else { continue }
            let clauseStart = TextScan.clauseStart(s, before: k)
            var lead = String(scalarValues: s[clauseStart..<k])
            lead = lead.replacingOccurrences(of: #"[0-9]{4}年度?"#, with: "", options: .regularExpression)
            lead = String(lead.unicodeScalars.filter { TextScan.isHan($0.value) }.map(Character.init))
            guard lead.count >= Self.shortestPlainLead - 1 else { continue }
            let decimals = s[start..<i].firstIndex(of: 0x2E).map { i - $0 - 1 } ?? 0
            let half = FigureReader.power10(-decimals) / 2
            let key = ["rate", lead, years(before: start, context: context)].joined(separator: "|")
            result.append(Statement(range: clauseStart..<(i + 1), article: article, key: key,
                                    section: context.sectionPath(at: start), cumulative: true, low: value - half, high: value + half))
        }
        return result
    }

    /// A statement without a 共/累计 marker is compared only when its whole clause before the figure,
    /// six Han characters or more, is written again in the same section (南海区企业捐赠物资折合资金350万元
    /// … 南海区企业捐赠物资折合资金530万元): a shorter or different lead says too little.
    func plainStatement(_ located: LocatedRecord, clause: Range<Int>, unit: String, figure: (low: Double, high: Double),
                        article: Int, context: ValidationContext) -> Statement? {
        let s = context.s
        let lead = TextScan.hanText(s, clause)
        guard lead.count >= Self.shortestPlainLead, clause.allSatisfy({ TextScan.isHan(s[$0]) }) else { return nil }
        let scope = Self.scope(of: lead)
        var key = ["plain", lead, unit]
        key.append(years(before: located.range.lowerBound, context: context))
        return Statement(range: clause.lowerBound..<located.range.upperBound, article: article, key: key.joined(separator: "|"),
                         section: context.sectionPath(at: located.range.lowerBound), cumulative: false,
                         low: figure.low, high: figure.high, scope: scope)
    }

    static let shortestPlainLead = 6
    static let kindWords = ["各类", "各项", "各种", "各级", "各科"]

    /// What a sum is, written after it: 2.53亿元|援青医疗卫生资金 (up to a fund word, within 12 characters).
    func fundName(after position: Int, s: [UInt32]) -> String {
        var end = position
        while end < s.count, end - position < 12, TextScan.isHan(s[end]) { end += 1 }
        let text = String(scalarValues: s[position..<end])
        for word in Self.fundWords {
            if let range = text.range(of: word) { return String(text[..<range.upperBound]) }
        }
        return ""
    }

    static let fundWords = ["资金", "经费", "款项", "物资", "捐款", "投资"]

    /// Two comma-joined sets of time words as one.
    static func mergedScopes(_ a: String, _ b: String) -> String {
        let words = Set(a.split(separator: ",").map(String.init) + b.split(separator: ",").map(String.init))
        return words.sorted().joined(separator: ",")
    }

    /// A 共/累计/先后 marker in the clause: whether there is one, and where it starts (or the
    /// clause end when there is none).
    func cumulativeMarker(_ s: [UInt32], in clause: Range<Int>) -> (Bool, Int) {
        var k = clause.lowerBound
        while k < clause.upperBound {
            if let word = Self.markers.first(where: { s.hasPrefix($0, at: k) }) {
                if word.count == 1 {
                    // 共 of 公共, 共同, 共建 is no marker.
                    let previous: UInt32 = k > 0 ? s[k - 1] : 0x20
                    let next: UInt32 = k + 1 < s.count ? s[k + 1] : 0x20
                    if previous == 0x516C || previous == 0x603B || previous == 0x4E00 || TotalsRule.sharedWordFollowers.contains(next) {
                        k += 1
                        continue
                    }
                }
                return (true, k)
            }
            k += 1
        }
        return (false, clause.upperBound)
    }

    static let timeWords = ["一年来", "两年来", "三年来", "几年来", "多年来", "近年来", "近几年", "今年", "去年", "全年", "上半年",
                            "下半年", "本年度", "年度", "目前", "至今", "截至目前", "截止目前", "迄今", "本学期", "本学年", "当年"]
    /// Heads of a team's name: a team report calls itself 医疗队, 本批队员, 工作队 alike.
    static let teamWords = ["队", "队员", "团", "团队", "工作组", "小组"]

    static let reportYear = "本年"
    static let wholeYear = "全年".scalarArray

    /// Time words that all mean the year a summary reports on.
    static let sameYearWords: Set<String> = ["一年来", "全年", "本年度", "年度", "今年"]
    static let selfReferences = ["我院", "我校", "我局", "我县", "我市", "我区", "我乡", "我镇", "我所", "我中心", "我们", "本院",
                                 "本校", "我单位", "我委", "我部", "我处", "我科"]

    /// The subject of a statement without its time words (一年来, 今年 …), which become its scope;
    /// the writer itself (我院, 我们, or no subject at all) is one subject.
    static func subjectAndScope(_ text: String) -> (String, String) {
        var subject = text
        let scope = takeScope(from: &subject)
        for word in subjectFillers {
            subject = subject.replacingOccurrences(of: word, with: "")
        }
        // 我在阿克苏 / 医疗队在坦: the subject, somewhere.
        if let at = subject.firstIndex(of: "在"), at != subject.startIndex { subject = String(subject[..<at]) }
        if selfReferences.contains(subject) || subject == "我" { subject = "self" }
        // 本批队员 / 医疗队 / 全体队员: the team that reports.
        if teamWords.contains(where: { subject.hasSuffix($0) }) || subject.hasPrefix("本批") || subject.hasPrefix("全体") {
            subject = "team"
        }
        return (subject, scope)
    }

    /// The scope alone, for callers that have no use for the subject.
    static func scope(of text: String) -> String {
        var text = text
        return takeScope(from: &text)
    }

    /// Removes the time words from `text` (the longest first, so that 截至目前 is not also 目前)
    /// and returns them as a scope: sorted, comma-joined, the report's year for its synonyms.
    static func takeScope(from text: inout String) -> String {
        guard mayHoldTimeWord(text) else { return "" }
        var scope: [String] = []
        for word in timeWordsLongestFirst where text.contains(word) {
            scope.append(sameYearWords.contains(word) ? reportYear : word)
            text = text.replacingOccurrences(of: word, with: "")
        }
        // 3年来 (its digits are not in the Han text): years up to now.
        if let range = text.range(of: "年来") {
            scope.append("年来")
            text.removeSubrange(range)
        }
        return Set(scope).sorted().joined(separator: ",")
    }

    static let timeWordsLongestFirst = timeWords.sorted { $0.count > $1.count }
    /// The last character of every time word (年来 ends like 一年来).
    static let timeWordEnds = ScalarSet(timeWords.compactMap { $0.unicodeScalars.last?.value })

    /// False when no time word can be in `text`: none of their last characters is, nor a CJK
    /// compatibility ideograph (which String search takes as its unified twin). Most clauses have
    /// none, and the search for 22 words, one by one, was the rule's main cost.
    static func mayHoldTimeWord(_ text: String) -> Bool {
        text.unicodeScalars.contains { c in
            timeWordEnds.contains(c.value) || (0xF900...0xFAFF).contains(c.value) || (0x2F800...0x2FA1F).contains(c.value)
        }
    }
    /// Words of discourse that name no subject.
    static let subjectFillers = ["总之", "综上", "此外", "同时", "其中", "另外", "全面", "累计", "先后", "共"]

    /// 每年 / 每学期 … in the clause.
    func rate(_ s: [UInt32], in clause: Range<Int>) -> String {
        for word in Self.rateWords where s.contains(word, in: clause) { return String(scalarValues: word) }
        return ""
    }

    static let done = "到位".scalarArray

    /// Where the staff went: 到/赴/前往 + up to eight Han characters, after the counted noun.
    func destination(after position: Int, s: [UInt32]) -> String {
        var k = position
        let limit = min(s.count, position + 24)
        while k < limit, !TextScan.isSeparator(s[k]), !TextScan.isSentenceEnd(s[k]) {
            // (拨付到位, 落实到位: 到位 is done, not a place.)
            if let word = TextScan.word(s, Self.destinationWords, at: k), !s.hasPrefix(Self.done, at: k) {
                var end = k + word.count
                while end < limit, end - k < word.count + 8, TextScan.isHan(s[end]) { end += 1 }
                return String(scalarValues: s[k..<end])
            }
            k += 1
        }
        return ""
    }

    /// The years written in the sentence before a statement.
    func years(before position: Int, context: ValidationContext) -> String {
        let sentence = context.sentence(around: position)
        let values = context.datesBefore(position, inSentence: sentence).compactMap { $0.year }
        return values.map(String.init).joined(separator: ",")
    }
}

extension TotalsRule {
    /// The family of a unit written alone (名 人 位 are people).
    static func unitFamily(_ unit: String) -> String {
        switch unit {
        case "名", "人", "位": return "people"
        case "家", "所": return "institutions"
        default: return unit
        }
    }
}
