/// `web-residue`: text from the website the summary was copied from: the page furniture the
/// segmenter found (SEO title with an article count, the 小编 introduction, upload metadata,
/// tables of contents, disclaimers, buttons), SEO delimiter lines (…篇一, 第2篇:…范文), and
/// website phrases inside the text (范文topxx0, 文档仅供参考, 热门思想汇报).
///
/// One finding per line, not per phrase: a reviewer deletes lines.
public struct WebResidueRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "web-residue", defaultSeverity: .warning,
        summary: "Text left over from the website the summary was copied from",
        description: "网页残留：网站标题（精选N篇）、小编导语、上传信息、目录、免责声明、分篇标题，以及正文中的“范文”“欢迎阅读分享”等网站用语")

    public init() {}

    /// Website phrases inside article text.
    static let phrases: [[UInt32]] = [
        "小编", "范文", "欢迎阅读", "欢迎分享", "欢迎大家阅读", "希望对大家有所帮助", "希望对大家有帮助", "希望能帮助到大家",
        "供大家参考", "文档仅供参考", "本文仅供参考", "范文仅供参考", "不当之处,请联系改正", "热门思想汇报", "本文目录", "返回目录",
        "以下是本站", "下面是本站", "本站为大家", "转载请注明", "如有侵权", "版权归原作者", "内容来源于网络", "免费下载",
        "点击下载", "下载文档", "阅读全文", "相关推荐", "猜你喜欢", "更多相关", "一起来看看吧", "感谢您的阅读", "精选范文",
        "点击查看", "查看更多", "原文链接", "本文来源", "来源于网络", "相关阅读", "推荐阅读", "延伸阅读", "热门推荐", "本文地址",
    ].map(\.scalarArray)
    /// Names of other genres of model text that sites inject as keywords.
    static let genreNames: [[UInt32]] = [
        "个人简历", "心得体会", "思想汇报", "述职报告", "入党申请书", "自我鉴定", "实习报告", "辞职报告", "演讲稿", "工作总结",
        "工作计划", "读后感", "观后感", "求职信", "自荐信", "检讨书",
    ].map(\.scalarArray)
    /// Words that open a clause and never follow a genre name used as a subject (心得体会我校…,
    /// 个人简历并将…): a genre name right before them stands alone.
    static let clauseOpenings: [[UInt32]] = ["我", "并", "根据", "按照", "同时", "进一步"].map(\.scalarArray)
    static let phraseStarts: Set<UInt32> = Set(phrases.compactMap(\.first))
    static let fanwen = "范文".scalarArray
    /// Characters before 范 that make 范文 part of another word (示范文明, 规范文件, 师范文科).
    static let fanWordStarts: Set<UInt32> = Set("示模典规防风师".unicodeScalars.map(\.value))

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        var findings: [Finding] = []
        var flaggedLines: Set<Int> = []

        // The page furniture found by the segmenter, one finding per line that is furniture by
        // its own look too (a title with an article count, upload data, a 小编 blurb, a
        // disclaimer, a table of contents, a button): a line the segmenter set aside for weaker
        // reasons may be the author's own text.
        //
        // The list being read (a table of contents under a 目录 line, or the links under 相关推荐):
        // its finding, its header and its entries so far. Its entries join its finding instead of
        // making their own.
        var list: (finding: Int, kind: String, header: String, entries: Int)?
        var previousEnd = -1
        for range in context.structure.boilerplate {
            let normalized = context.normalized(range)
            // A list continues into the next stretch of boilerplate.
            if previousEnd >= 0, !(previousEnd..<normalized.lowerBound).allSatisfy({ TextScan.isSpace(s[$0]) || TextScan.isLineBreak(s[$0]) }) {
                list = nil
            }
            previousEnd = normalized.upperBound
            for line in context.lines where line.lowerBound < normalized.upperBound && line.upperBound > normalized.lowerBound {
                let part = max(line.lowerBound, normalized.lowerBound)..<min(line.upperBound, normalized.upperBound)
                let trimmed = trim(part, s: s)
                guard !trimmed.isEmpty, !flaggedLines.contains(line.lowerBound) else { continue }
                let isLinksHeader = BoilerplateRules.isRelatedLinksHeader(s, trimmed)
                let isContentsHeader = s.contains(Self.contentsWord, in: trimmed)
                if var current = list, !isLinksHeader, !isContentsHeader {
                    flaggedLines.insert(line.lowerBound)
                    current.entries += 1
                    list = current
                    findings[current.finding].range = findings[current.finding].range.lowerBound..<context.original(trimmed).upperBound
                    findings[current.finding].message = "网页残留（\(current.kind)）：“\(current.header)”及其下\(current.entries)个条目"
                    continue
                }
                let kind = isLinksHeader ? Self.linksKind : isContentsHeader ? Self.contentsKind : kind(of: trimmed, s: s)
                guard let kind else { continue }
                flaggedLines.insert(line.lowerBound)
                list = isLinksHeader || isContentsHeader ? (findings.count, kind, excerpt(trimmed, context), 0) : nil
                findings.append(Finding(range: context.original(trimmed), message: "网页残留（\(kind)）：“\(excerpt(trimmed, context))”"))
            }
        }
        // SEO delimiter lines that title the articles of a scraped page.
        for article in context.structure.articles where article.titleIsDelimiter {
            guard let title = article.titleRange else { continue }
            let normalized = context.normalized(title)
            let line = context.line(around: normalized.lowerBound)
            guard !flaggedLines.contains(line.lowerBound) else { continue }
            flaggedLines.insert(line.lowerBound)
            findings.append(Finding(range: title, message: "网页残留（网站分篇标题）：“\(excerpt(normalized, context))”"))
        }
        // Website phrases inside the text.
        for line in context.lines where !flaggedLines.contains(line.lowerBound) {
            var found: [Range<Int>] = []
            var k = line.lowerBound
            while k < line.upperBound {
                if Self.phraseStarts.contains(s[k]), let phrase = TextScan.word(s, Self.phrases, at: k), k + phrase.count <= line.upperBound {
                    if phrase == Self.fanwen, k > 0, Self.fanWordStarts.contains(s[k - 1]) { k += 1; continue }
                    found.append(k..<(k + phrase.count))
                    k += phrase.count
                    continue
                }
                k += 1
            }
            // SEO keywords dropped into a sentence: a genre name right after a comma and right
            // before the words that open the next clause (，心得体会我校分别…, ，个人简历并将…).
            k = line.lowerBound
            while k < line.upperBound {
                if k > line.lowerBound, TextScan.isSeparator(s[k - 1]), let word = TextScan.word(s, Self.genreNames, at: k),
                   k + word.count < line.upperBound, TextScan.word(s, Self.clauseOpenings, at: k + word.count) != nil {
                    found.append(k..<(k + word.count))
                    k += word.count
                    continue
                }
                k += 1
            }
            found.sort { $0.lowerBound < $1.lowerBound }
            guard let first = found.first else { continue }
            let quoted = found.map { "“" + context.text($0) + "”" }
            let unique = quoted.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            findings.append(Finding(range: context.original(first.lowerBound..<found.last!.upperBound),
                                    message: "网页残留：正文中有网站用语\(unique.joined(separator: "、"))"))
        }
        return findings
    }

    func trim(_ range: Range<Int>, s: [UInt32]) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, TextScan.isSpace(s[start]) || TextScan.isLineBreak(s[start]) { start += 1 }
        while end > start, TextScan.isSpace(s[end - 1]) || TextScan.isLineBreak(s[end - 1]) { end -= 1 }
        return start..<end
    }

    static let contentsWord = "目录".scalarArray
    static let contentsKind = "网页目录"
    static let linksKind = "相关链接"

    static let buttons: [[UInt32]] = ["关闭", "返回顶部", "上一篇", "下一篇", "打印本页", "收藏本文", "分享到", "点击复制",
                                      "复制全文", "下载本文", "举报"].map(\.scalarArray)

    /// What kind of website furniture a boilerplate line is, or nil when it does not look like
    /// furniture by itself.
    func kind(of line: Range<Int>, s: [UInt32]) -> String? {
        if BoilerplateRules.isSEOTitle(s, line) { return "网页标题" }
        if BoilerplateRules.isMetadata(s, line) { return "上传信息" }
        if BoilerplateRules.isDisclaimer(s, line) { return "网站声明" }
        if TextScan.contains(s, Self.phrases, in: line) { return "网站用语" }
        if Self.buttons.contains(where: { s.hasPrefix($0, at: line.lowerBound) && line.count <= $0.count + 2 }) { return "网页按钮" }
        // A teaser cut off with an ellipsis (. 教师年终工作总...).
        if line.count <= 40, s.hasPrefix("...".scalarArray, at: line.upperBound - 3) || s[line.upperBound - 1] == 0x2026 { return "网页链接" }
        return nil
    }

    /// The quoted text, shortened to 30 characters.
    func excerpt(_ range: Range<Int>, _ context: ValidationContext) -> String {
        let text = context.text(range)
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 30 else { return text }
        var shortened = String.UnicodeScalarView()
        shortened.append(contentsOf: scalars.prefix(28))
        return String(shortened) + "…"
    }
}
