import Foundation

/// `missing-section`: a 工作总结 without one of the parts readers expect: the basic situation,
/// what was done and achieved, the problems, and the next steps.
///
/// Only reports (总结, 汇报, 报告, 述职) are checked, not plans, speeches or papers (方案, 计划, 讲话,
/// 关键词/参考文献), and only when they are organised under section headings (at least two at the
/// top level). A part is present when a heading names it in any of its usual wordings (基本情况,
/// 工作概况…; 主要做法, 工作开展情况, 取得的成效…; 存在的问题, 不足…; 下一步, 今后的工作, 工作打算…);
/// the basic situation also when an opening paragraph precedes the first heading; the work done
/// also under topic headings (一、加强组织领导); the problems and the next steps also when the text
/// says so in a sentence (存在的问题和不足…, 下一步，我们将…).
public struct MissingSectionsRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "missing-section", defaultSeverity: .info,
        summary: "A work summary lacks an expected part (basic situation, work done, problems, next steps)",
        description: "工作总结缺少常见组成部分：基本情况、主要做法和成效、存在的问题、下一步打算（只检查有分节标题的总结、汇报）")

    public init() {}

    enum Part: CaseIterable {
        case basic, done, problems, next

        var name: String {
            switch self {
            case .basic: return "基本情况"
            case .done: return "主要做法和成效"
            case .problems: return "存在的问题"
            case .next: return "下一步打算"
            }
        }

        var headingWords: [String] {
            switch self {
            case .basic: return ["基本情况", "基本概况", "总体情况", "工作概况", "概况", "概述", "工作回顾", "背景", "整体情况",
                                 "情况介绍", "简要情况", "总体评价", "基本做法和情况"]
            case .done: return ["做法", "工作开展", "开展情况", "成绩", "成效", "成果", "主要工作", "完成情况", "落实情况", "举措",
                                "措施", "亮点", "经验", "收获", "进展", "工作情况", "取得", "实施情况", "体会", "效果"]
            case .problems: return ["问题", "不足", "困难", "短板", "差距", "薄弱", "教训", "挑战", "缺点", "瓶颈", "制约"]
            case .next: return ["下一步", "今后", "打算", "工作计划", "展望", "建议", "努力方向", "改进", "整改", "设想", "明年",
                                "下步", "来年", "对策", "下阶段", "下一阶段", "几点思考", "思考"]
            }
        }

        /// Phrases in running text that show the part is there without a heading.
        var textWords: [String] {
            switch self {
            case .basic, .done: return []
            case .problems: return ["存在的问题", "存在问题", "不足之处", "存在的不足", "问题和不足", "困难和问题", "问题与不足",
                                    "不足和问题", "存在一些问题", "存在着一些", "还存在"]
            case .next: return ["下一步", "今后", "下阶段", "下一阶段", "明年", "来年", "新的一年"]
            }
        }
    }

    /// Titles and openings of documents that are not reports.
    static let otherOpenings = ["实施方案", "工作方案", "工作计划如下", "尊敬的", "同志们", "关键词", "摘要", "Abstract"]
    /// Headings of plans and programmes.
    static let planHeadingWords = ["指导思想", "工作目标", "帮扶目标", "支援目标", "总体目标", "项目目标", "目标任务", "时限",
                                   "实施步骤", "步骤安排", "方法步骤", "进度安排", "保障措施", "工作要求", "基本要求", "基本原则",
                                   "实施原则", "组织保障", "实施范围", "帮扶任务", "职责分工", "职责与任务", "组织领导", "考核评估"]

    /// The numbering of a heading: 一、 (一) 1、 1. 第一 …
    static func marker(of heading: String) -> String {
        var marker = ""
        for scalar in heading.unicodeScalars.prefix(5) {
            marker.unicodeScalars.append(scalar)
            if "、)）.．,，".unicodeScalars.contains(scalar) { return marker }
        }
        return ""
    }

    static let reportWords = ["总结", "汇报", "报告", "述职", "小结", "总结如下"]

    // Word lists as scalar arrays, built once (matching runs on scalars, never on String).
    static let headingWords: [Part: [[UInt32]]] = Dictionary(uniqueKeysWithValues: Part.allCases.map { ($0, $0.headingWords.map(\.scalarArray)) })
    static let textWords: [Part: [[UInt32]]] = Dictionary(uniqueKeysWithValues: Part.allCases.map { ($0, $0.textWords.map(\.scalarArray)) })
    static let planHeadingScalars = planHeadingWords.map(\.scalarArray)
    static let otherOpeningScalars = otherOpenings.map(\.scalarArray)
    static let paperWords = ["参考文献", "关键词"].map(\.scalarArray)
    static let situation = "情况".scalarArray

    static func contains(_ text: [UInt32], _ words: [[UInt32]]) -> Bool {
        words.contains { text.contains($0, in: 0..<text.count) }
    }

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        var findings: [Finding] = []
        for (index, article) in context.structure.articles.enumerated() where article.sections.count >= 2 {
            guard isReport(article, index: index, context: context) else { continue }
            let headings = context.structure.flattenedSections(ofArticle: index).map(\.heading.scalarArray)
            // A plan's skeleton (指导思想, 目标, 保障措施 …) is not a report's.
            if headings.filter({ Self.contains($0, Self.planHeadingScalars) }).count >= 2 { continue }
            // Top-level numbering that starts again ((一)…(四), then (一) again) means the
            // outer headings were lost: the skeleton cannot be judged.
            let markers = article.sections.map { Self.marker(of: $0.heading) }.filter { !$0.isEmpty }
            if Set(markers).count < markers.count { continue }
            var present: Set<Part> = []
            var topicHeadings = 0
            for heading in headings {
                var matched = false
                for part in Part.allCases where Self.contains(heading, Self.headingWords[part] ?? []) {
                    present.insert(part)
                    matched = true
                }
                if !matched { topicHeadings += 1 }
            }
            // Headings that name none of the parts (collages, lists of items) are no summary skeleton.
            guard !present.isEmpty else { continue }
            if topicHeadings > 0 { present.insert(.done) }
            // An opening paragraph before the first heading tells the basic situation.
            let articleRange = context.articleRange(index)
            if let first = article.sections.first {
                var bodyStart = articleRange.lowerBound
                if let title = article.titleRange { bodyStart = max(bodyStart, context.normalized(title).upperBound) }
                let opening = bodyStart..<max(bodyStart, context.normalized(first.headingRange).lowerBound)
                if opening.filter({ TextScan.isHan(s[$0]) }).count >= 20 { present.insert(.basic) }
                // The first heading telling how things stood (熟悉情况, 基本情况介绍).
                if first.heading.scalarArray.contains(Self.situation, in: 0..<first.heading.unicodeScalars.count) { present.insert(.basic) }
            }
            for part in [Part.problems, .next] where !present.contains(part) {
                if TextScan.contains(s, Self.textWords[part] ?? [], in: articleRange) { present.insert(part) }
            }
            let missing = Part.allCases.filter { !present.contains($0) }
            guard !missing.isEmpty else { continue }
            let anchor = article.titleRange ?? article.sections[0].headingRange
            let names = missing.map { "“\($0.name)”" }.joined(separator: "、")
            findings.append(Finding(range: anchor, message: "工作总结缺少常见组成部分：\(names)"))
        }
        return findings
    }

    /// A report (总结, 汇报 …) rather than a plan, a speech or a paper: its title ends with a
    /// report word (after an SEO suffix such as 篇一 or 范文), and its opening and body carry no
    /// marks of another genre.
    func isReport(_ article: Article, index: Int, context: ValidationContext) -> Bool {
        let range = context.articleRange(index)
        var title = article.title.trimmingCharacters(in: .whitespaces)
        for suffix in ["范文", "精选", "大全"] where title.hasSuffix(suffix) { title.removeLast(suffix.count) }
        if let last = title.unicodeScalars.last, title.unicodeScalars.dropLast().last == "篇", NumeralCharacters.isChineseNumeral(last.value) {
            title.removeLast(2)
        }
        while let last = title.unicodeScalars.last, CharacterClass.of(last.value) == .digit || "()（）".unicodeScalars.contains(last) {
            title.unicodeScalars.removeLast()
        }
        // …工作总结（2019—2023年）/（2023年度）: the period the report covers, in brackets after the title.
        if let open = title.lastIndex(where: { $0 == "（" || $0 == "(" }), title.distance(from: open, to: title.endIndex) <= 20,
           !title[open...].contains(where: { $0 == "）" || $0 == ")" }), title[open...].contains(where: { $0 == "年" || $0.isNumber }) {
            title = String(title[..<open])
        }
        guard Self.reportWords.contains(where: { title.hasSuffix($0) }) else { return false }
        var bodyStart = range.lowerBound
        if let titleRange = article.titleRange { bodyStart = max(bodyStart, context.normalized(titleRange).upperBound) }
        let opening = bodyStart..<max(bodyStart, min(range.upperBound, bodyStart + 300))
        if TextScan.contains(context.s, Self.otherOpeningScalars, in: opening) { return false }
        return !TextScan.contains(context.s, Self.paperWords, in: range)
    }
}
