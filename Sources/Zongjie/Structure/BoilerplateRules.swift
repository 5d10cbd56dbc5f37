/// Recognizers for the website furniture of scraped pages: SEO titles with an article count,
/// upload metadata, the 小编 introduction, tables of contents, back links, UI text, disclaimers.
enum BoilerplateRules {
    /// `(精选5篇)`, `（优秀5篇）`, `(通用19篇)`, `精选(九篇)`, `【10篇】`, `范文(3篇)` at the end of a line.
    static func isSEOTitle(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count >= 4, line.count <= 80 else { return false }
        var end = line.upperBound
        let closing = s[end - 1]
        guard closing == 0x29 || closing == 0x3011 || closing == 0x300B || closing == 0x5D else { return false }
        end -= 1
        guard s[end - 1] == 0x7BC7 else { return false }   // 篇
        var j = end - 1
        var digits = 0
        while j > line.lowerBound, NumeralCharacters.isASCIIDigit(s[j - 1]) || HeadingMarkers.isSmallChineseNumeral(s[j - 1]) {
            j -= 1
            digits += 1
        }
        guard digits > 0 else { return false }
        // Optional adjective: 精选 优秀 通用 优质 热门 实用 推荐 必备 精华 合集 汇总 大全 范文 集锦 …
        var k = j
        while k > line.lowerBound, CharacterClass.of(s[k - 1]) == .han, j - k < 4 { k -= 1 }
        return k > line.lowerBound && (s[k - 1] == 0x28 || s[k - 1] == 0x3010 || s[k - 1] == 0x300A || s[k - 1] == 0x5B)
            || (k == j && j > line.lowerBound && (s[j - 1] == 0x28 || s[j - 1] == 0x3010 || s[j - 1] == 0x5B))
    }

    static let metadataLabels: [[UInt32]] = [
        "ID", "时间", "上传者", "作者", "来源", "发布时间", "发布日期", "更新时间", "浏览", "浏览次数", "点击", "阅读",
        "字数", "编辑", "责任编辑", "文章来源", "栏目", "所属栏目", "下载", "投稿", "分类",
    ].map(scalars)

    /// `ID:7160322`, `时间:2023-12-12 04:34:37`, `上传者:笔砚`.
    static func isMetadata(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 60 else { return false }
        for label in metadataLabels where s.hasPrefix(label, at: line.lowerBound) {
            var j = line.lowerBound + label.count
            while j < line.upperBound, s[j] == 0x20 { j += 1 }
            if j < line.upperBound, s[j] == 0x3A { return true }   // :
        }
        return false
    }

    static let blurbMarkers: [[UInt32]] = [
        "小编", "欢迎阅读", "希望对大家有所帮助", "希望对大家有帮助", "仅供参考", "供大家参考", "欢迎大家阅读",
        "欢迎分享", "以下是本站", "下面是本站", "本站为大家", "范文网", "一起来看看吧", "一起来学习", "欢迎借鉴",
        "希望能帮助到大家", "敬请阅读", "感谢您的阅读",
    ].map(scalars)

    /// The markers in a trie: one walk per position rather than one search per marker.
    static let blurbMarkerList = WordList(blurbMarkers)

    /// The site's introduction paragraph (下面是小编整理的…，欢迎阅读分享).
    static func isBlurb(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 400 else { return false }
        return blurbMarkerList.occurs(in: s, range: line)
    }

    static let disclaimers: [[UInt32]] = [
        "文档仅供参考", "不当之处,请联系改正", "不当之处，请联系改正", "如有侵权", "版权归原作者", "本文由", "转载请注明",
        "免责声明", "内容来源于网络",
    ].map(scalars)

    /// The markers in a trie: one walk per position rather than one comparison per marker.
    static let disclaimerList = WordList(disclaimers)

    static func isDisclaimer(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 80 else { return false }
        return disclaimerList.occurs(in: s, range: line)
    }

    static let uiTexts: [[UInt32]] = [
        "关闭", "返回顶部", "上一篇", "下一篇", "打印本页", "打印", "收藏", "收藏本文", "分享到", "点击下载", "下载本文",
        "复制全文", "展开全文", "查看全文", "阅读全文", "返回首页", "加入收藏", "举报", "评论", "关闭窗口", "打印文章",
    ].map(scalars)
    static let uiTextList = WordList(uiTexts)

    /// Headers of a list of links to other pages.
    static let relatedLinksHeaders: [[UInt32]] = [
        "相关推荐", "猜你喜欢", "相关文章", "热门推荐", "最新推荐", "推荐阅读", "延伸阅读",
    ].map(scalars)

    /// A line that is only a UI label (关闭, 上一篇：…, 相关推荐).
    static func isUIText(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        startsWithLabel(uiTexts, s, line) || isRelatedLinksHeader(s, line) || isBracketedUI(s, line)
    }

    /// `相关推荐：`, `猜你喜欢`: the header of the links to other pages that end a page; with the
    /// links on its own line (`相关推荐：医疗队工作总结 | 援疆工作总结 | …`) when they are separated by `|`.
    static func isRelatedLinksHeader(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        if startsWithLabel(relatedLinksHeaders, s, line) { return true }
        guard line.count <= 240, s.contains(Self.pipe, in: line) else { return false }
        return relatedLinksHeaders.contains { header in
            s.hasPrefix(header, at: line.lowerBound) && line.lowerBound + header.count < line.upperBound
                && s[line.lowerBound + header.count] == 0x3A
        }
    }

    static let fontSizeLabels: [[UInt32]] = ["字体", "字号"].map(scalars)
    /// Characters of a font-size control after its label: `字体：大 中 小`, `字号:T|T`.
    static let fontSizeChoices: Set<UInt32> = Set("：: 大中小默认标准T|".unicodeScalars.map(\.value))

    /// The length of a font-size control (`字体：大 中 小`) inside a bracket at `start`, if there is one.
    static func fontSizeControlLength(_ s: [UInt32], _ start: Int, _ end: Int) -> Int? {
        guard let label = fontSizeLabels.first(where: { s.hasPrefix($0, at: start) }) else { return nil }
        var k = start + label.count
        while k < end, fontSizeChoices.contains(s[k]) { k += 1 }
        return k - start
    }

    /// `【打印本页】 【关闭窗口】`, `[收藏] [打印]`, `【字体：大 中 小】`: only UI labels in brackets.
    static func isBracketedUI(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 60 else { return false }
        var k = line.lowerBound
        var labels = 0
        while k < line.upperBound {
            let c = s[k]
            if c == 0x20 || c == 0x3000 || c == 0x09 { k += 1; continue }
            guard c == 0x3010 || c == 0x5B else { return false }   // 【 [
            let close: UInt32 = c == 0x3010 ? 0x3011 : 0x5D
            guard let length = uiTextList.longestMatch(in: s, at: k + 1, limit: line.upperBound) ?? fontSizeControlLength(s, k + 1, line.upperBound),
                  k + 1 + length < line.upperBound, s[k + 1 + length] == close else { return false }
            labels += 1
            k += length + 2
        }
        return labels > 0
    }

    /// The line is one of `labels`, alone or followed by `:`, a space or `>` (上一篇：乡村医生培训工作总结).
    private static func startsWithLabel(_ labels: [[UInt32]], _ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 40 else { return false }
        for text in labels where s.hasPrefix(text, at: line.lowerBound) {
            let rest = line.lowerBound + text.count
            if rest == line.upperBound || s[rest] == 0x3A || s[rest] == 0x20 || s[rest] == 0x3E { return true }
        }
        return false
    }

    /// The title of a linked page in a related-links list: a short line without sentence punctuation.
    static func isLinkTitle(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count >= 2, line.count <= 40 else { return false }
        for index in line {
            let c = s[index]
            if c == 0x3002 || c == HeadingMarkers.comma || c == 0x3B || c == 0x21 || c == 0x3F || c == HeadingMarkers.colon { return false }
        }
        return true
    }

    /// Most link titles a related-links list holds.
    static let maximumLinkTitles = 20

    /// The first line of the trailing UI text that ends a page: UI labels (关闭, 上一篇：…, 下一篇：…),
    /// back links (`…（3） | 返回目录`, a bare `返回目录`), and a related-links header with the link titles
    /// under it. `lines.count` when the page ends with none. These lines are boilerplate and never
    /// start an article.
    static func trailingUIStart(_ s: [UInt32], _ lines: [TextLine]) -> Int {
        var start = lines.count
        var pendingLinkTitles = 0
        var k = lines.count - 1
        while k >= 0 {
            let line = lines[k].content
            if line.isEmpty { k -= 1; continue }
            if isRelatedLinksHeader(s, line) {
                // The link titles below belong to this header.
                pendingLinkTitles = 0
                start = k
            } else if pendingLinkTitles == 0 && (isUIText(s, line) || isBackLink(s, line)) {
                start = k
            } else if isLinkTitle(s, line) && pendingLinkTitles < maximumLinkTitles {
                pendingLinkTitles += 1   // a link title only if a related-links header is above it
            } else {
                break
            }
            k -= 1
        }
        return start
    }

    static let tocHeaders: [[UInt32]] = ["本文目录", "文章目录", "目录", "本文目录一览"].map(scalars)

    static func isTOCHeader(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        for header in tocHeaders where line.count == header.count && s.hasPrefix(header, at: line.lowerBound) { return true }
        return false
    }

    /// `2017对口支援工作总结（3） | 返回目录`
    static func isBackLink(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        line.count <= 80 && s.contains(Self.backToContents, in: line)
    }

    private static let pipe = scalars("|")
    private static let backToContents = scalars("返回目录")
    private static let fullStop = scalars("。")
    private static let asciiComma = scalars(",")
    private static let siteSeparators = [" ", ">", "»"].map(scalars)

    /// A site name / breadcrumb line above the page title: `公务员期刊网 精选范文 对口支援工作总结范文`.
    static let siteMarkers: [[UInt32]] = ["网 ", "范文", "首页", "期刊", "文库", "当前位置", ">", "»", "›", "网站", "频道"].map(scalars)

    /// A site name or breadcrumb: short, no sentence punctuation, words separated by spaces or
    /// arrows, and a site word (…网 followed by a space, 范文, 首页, 当前位置, >).
    static func looksLikeSiteName(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 60, !s.contains(Self.fullStop, in: line), !s.contains(Self.asciiComma, in: line) else { return false }
        let separated = Self.siteSeparators.contains { s.contains($0, in: line) }
        guard separated else { return false }
        for marker in siteMarkers where s.contains(marker, in: line) { return true }
        return false
    }

    /// A short related-link teaser: `. 教师年终工作总...`
    static func isTeaser(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 40, line.count >= 4 else { return false }
        let end = line.upperBound
        return s[end - 1] == 0x2E && s[end - 2] == 0x2E && s[end - 3] == 0x2E
    }
}
