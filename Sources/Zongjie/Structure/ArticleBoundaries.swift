/// What a line is, as far as page layout goes.
enum LineRole: Sendable, Equatable {
    case blank
    case boilerplate
    /// An SEO delimiter of a new article (…篇一, 第2篇:…).
    case delimiter
    /// A bare title line that starts a new report.
    case title
    case content
}

/// Finds boilerplate lines and where articles start on a page.
struct ArticleBoundaries {
    struct Start: Equatable {
        /// First line of the article (its title line, or its first content line).
        var line: Int
        /// The title line, if the article has one.
        var titleLine: Int?
        /// A title taken from elsewhere (a back link), when there is no title line.
        var title: String?
    }

    var roles: [LineRole]
    var starts: [Start]

    init(_ s: [UInt32], _ lines: [TextLine]) {
        var roles = [LineRole](repeating: .content, count: lines.count)
        var starts: [Start] = []
        var seoTitles: [[UInt32]] = []
        var pendingBackLinkTitle: String?
        // Trailing UI text (上一篇：…, 关闭, 相关推荐 and its links) ends the page: boilerplate, never an
        // article, even right after a back link.
        let trailingUIStart = BoilerplateRules.trailingUIStart(s, lines)
        var index = 0
        while index < lines.count {
            let line = lines[index].content
            if line.isEmpty {
                roles[index] = .blank
                index += 1
                continue
            }
            if index >= trailingUIStart || (pendingBackLinkTitle != nil && BoilerplateRules.isUIText(s, line)) {
                roles[index] = .boilerplate
                index += 1
                continue
            }
            if BoilerplateRules.isSEOTitle(s, line) || seoTitles.contains(where: { $0.elementsEqual(s[line]) }) {
                roles[index] = .boilerplate
                seoTitles.append(Array(s[line]))
            } else if BoilerplateRules.isMetadata(s, line) || BoilerplateRules.isDisclaimer(s, line)
                        || BoilerplateRules.isTeaser(s, line) || BoilerplateRules.isBracketedUI(s, line) {
                // (A line of bracketed UI labels, 【字体：大 中 小】【打印】, is furniture wherever it stands.)
                roles[index] = .boilerplate
            } else if BoilerplateRules.isBackLink(s, line) {
                roles[index] = .boilerplate
                pendingBackLinkTitle = Self.backLinkTitle(s, line)
            } else if BoilerplateRules.isTOCHeader(s, line) {
                roles[index] = .boilerplate
                // The numbered short lines that follow are the table of contents.
                var next = index + 1
                while next < lines.count {
                    let item = lines[next].content
                    if item.isEmpty { roles[next] = .blank; next += 1; continue }
                    // (An entry may also be an article's delimiter, 援疆干部个人工作汇报 篇一, that the
                    // page repeats where that article starts.)
                    guard Self.isTOCItem(s, item) || (Self.isDelimiter(s, item) && Self.repeatsLater(s, lines, next)) else { break }
                    roles[next] = .boilerplate
                    next += 1
                }
                index = next
                continue
            } else if Self.isDelimiter(s, line) {
                roles[index] = .delimiter
                starts.append(Start(line: index, titleLine: index, title: nil))
                pendingBackLinkTitle = nil
            } else if let title = pendingBackLinkTitle {
                // The report after a `…（3） | 返回目录` link starts here.
                starts.append(Start(line: index, titleLine: nil, title: title))
                pendingBackLinkTitle = nil
            }
            index += 1
        }

        // Bare title lines that head a new report (not right after a delimiter, which already
        // titles the article).
        for index in lines.indices where roles[index] == .content {
            let line = lines[index].content
            guard Self.isBareTitle(s, line) else { continue }
            if Self.followsDelimiter(s, lines, roles, index) { continue }
            if starts.contains(where: { $0.line == index }) { continue }
            guard let next = Self.nextNonBlank(roles, after: index), roles[next] == .content,
                  !Self.isBareTitle(s, lines[next].content) else { continue }
            roles[index] = .title
            starts.append(Start(line: index, titleLine: index, title: nil))
        }
        starts.sort { $0.line < $1.line }

        // Furniture before the first article: the site name, the page title, the introduction.
        let firstStart = starts.first?.line
        for index in lines.indices where roles[index] == .content {
            if let firstStart {
                if index < firstStart { roles[index] = .boilerplate }
            } else if BoilerplateRules.isBlurb(s, lines[index].content) && Self.isNearTop(roles, index) {
                roles[index] = .boilerplate
            } else if BoilerplateRules.looksLikeSiteName(s, lines[index].content) && Self.isNearTop(roles, index) {
                roles[index] = .boilerplate
            }
        }
        // A page without delimiters or titles is one article from its first content line.
        if starts.isEmpty, let first = roles.firstIndex(where: { $0 == .content }) {
            starts.append(Start(line: first, titleLine: nil, title: nil))
        }
        // The 小编 introduction right under an article's title line (下面是小编为大家整理的…，欢迎阅读分享。).
        for start in starts {
            if let next = Self.nextNonBlank(roles, after: start.line), roles[next] == .content,
               BoilerplateRules.isBlurb(s, lines[next].content) {
                roles[next] = .boilerplate
            }
        }
        self.roles = roles
        self.starts = starts
    }

    static func isNearTop(_ roles: [LineRole], _ index: Int) -> Bool {
        // Only boilerplate and blank lines above.
        for k in 0..<index where roles[k] == .content || roles[k] == .title || roles[k] == .delimiter { return false }
        return true
    }

    /// Whether a delimiter (篇一) comes right before the line, perhaps across one or two short
    /// lines without sentence punctuation (篇一 / 方旺中心学校 / 支教工作总结): the delimiter's article
    /// has not started its body yet, so the line titles it rather than a new report.
    static func followsDelimiter(_ s: [UInt32], _ lines: [TextLine], _ roles: [LineRole], _ index: Int) -> Bool {
        var current = index
        for step in 0..<3 {
            guard let previous = previousNonBlank(roles, before: current) else { return false }
            if roles[previous] == .delimiter { return true }
            guard step < 2, roles[previous] == .content, isShortLabel(s, lines[previous].content) else { return false }
            current = previous
        }
        return false
    }

    /// A short line without sentence punctuation: a name, a date, a department.
    static func isShortLabel(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        line.count <= 20 && !line.contains { s[$0] == 0x3002 || s[$0] == 0xFF0C || s[$0] == 0x2C || s[$0] == 0xFF1B || s[$0] == 0x3B }
    }

    static func previousNonBlank(_ roles: [LineRole], before index: Int) -> Int? {
        var k = index - 1
        while k >= 0 {
            if roles[k] != .blank { return k }
            k -= 1
        }
        return nil
    }

    static func nextNonBlank(_ roles: [LineRole], after index: Int) -> Int? {
        var k = index + 1
        while k < roles.count {
            if roles[k] != .blank { return k }
            k += 1
        }
        return nil
    }

    /// `…篇一` / `…篇3` at the end of a short line, `【篇一】…`, `第2篇:…`, `第二篇`.
    static func isDelimiter(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 50 else { return false }
        let pian: UInt32 = 0x7BC7
        // 第N篇 at the start
        if s[line.lowerBound] == HeadingMarkers.di {
            var j = line.lowerBound + 1
            while j < line.upperBound, NumeralCharacters.isASCIIDigit(s[j]) || HeadingMarkers.isSmallChineseNumeral(s[j]) { j += 1 }
            if j > line.lowerBound + 1, j < line.upperBound, s[j] == pian {
                let after = j + 1
                return after == line.upperBound || s[after] == HeadingMarkers.colon || s[after] == 0x20
                    || s[after] == HeadingMarkers.dun || s[after] == 0x3011 || s[after] == 0x29
            }
        }
        // 【篇一】 / 篇一: at the start
        var start = line.lowerBound
        if s[start] == 0x3010 || s[start] == 0x5B { start += 1 }
        if start < line.upperBound, s[start] == pian {
            var j = start + 1
            while j < line.upperBound, HeadingMarkers.isSmallChineseNumeral(s[j]) || NumeralCharacters.isASCIIDigit(s[j]) { j += 1 }
            if j > start + 1, j == line.upperBound || s[j] == 0x3011 || s[j] == 0x5D || s[j] == HeadingMarkers.colon || s[j] == 0x20 {
                return true
            }
        }
        // …篇一 at the end (the title of an SEO page section)
        var end = line.upperBound
        if s[end - 1] == 0x3011 || s[end - 1] == 0x5D { end -= 1 }
        var j = end
        while j > line.lowerBound, HeadingMarkers.isSmallChineseNumeral(s[j - 1]) || NumeralCharacters.isASCIIDigit(s[j - 1]) { j -= 1 }
        guard j < end, j > line.lowerBound, s[j - 1] == pian else { return false }
        // Not a sentence: no sentence punctuation in the line.
        for index in line where s[index] == 0x3002 || s[index] == HeadingMarkers.comma { return false }
        return j - 1 > line.lowerBound
    }

    /// Numbered short lines of a table of contents: `1. 2017对口支援工作总结`.
    static func isTOCItem(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 60, NumeralCharacters.isASCIIDigit(s[line.lowerBound]) else { return false }
        for index in line where s[index] == 0x3002 || s[index] == HeadingMarkers.comma { return false }
        return true
    }

    /// Whether the text of line `index` comes again as a later line.
    static func repeatsLater(_ s: [UInt32], _ lines: [TextLine], _ index: Int) -> Bool {
        let text = s[lines[index].content]
        return lines[(index + 1)...].contains { s[$0.content].elementsEqual(text) }
    }

    static let titleEndings: [[UInt32]] = [
        "总结", "汇报", "方案", "计划", "报告", "讲话", "发言", "发言稿", "心得体会", "体会", "意见", "通知", "纪要", "材料",
        "总结范文", "实施方案", "工作方案", "工作计划", "工作总结", "工作汇报", "情况汇报", "述职报告", "调研报告",
    ].map(scalars)

    static let notTitleStarts: [[UInt32]] = [
        "下一步", "今后", "明年", "存在", "主要", "一年来", "关于下", "做好", "制定", "完成", "按照", "根据", "为了",
    ].map(scalars)

    /// A short line that names a report: `对口支援工作总结`, `医院对口支援实施方案`, `2017对口支援工作总结`.
    static func isBareTitle(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count >= 4, line.count <= 32 else { return false }
        for index in line {
            let c = s[index]
            if c == 0x3002 || c == HeadingMarkers.comma || c == 0x3B || c == 0x21 || c == 0x3F || c == HeadingMarkers.colon
                || c == HeadingMarkers.dun {
                return false
            }
        }
        for prefix in notTitleStarts where s.hasPrefix(prefix, at: line.lowerBound) { return false }
        // Strip a trailing (3) / 范文.
        var end = line.upperBound
        if s[end - 1] == HeadingMarkers.close {
            var j = end - 1
            while j > line.lowerBound, s[j - 1] != HeadingMarkers.open { j -= 1 }
            if j > line.lowerBound { end = j - 1 }
        }
        var matches = false
        for ending in titleEndings where end - ending.count >= line.lowerBound && s.hasPrefix(ending, at: end - ending.count) {
            matches = true
            break
        }
        guard matches else { return false }
        return !startsWithMarker(s, line)
    }

    static func startsWithMarker(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        HeadingMarkers.recognize(s, line, original: { s[$0] }) != nil
    }

    /// `2017对口支援工作总结（3） | 返回目录` → `2017对口支援工作总结（3）`.
    static func backLinkTitle(_ s: [UInt32], _ line: Range<Int>) -> String? {
        var end = line.lowerBound
        while end < line.upperBound, s[end] != 0x7C { end += 1 }   // |
        while end > line.lowerBound, s[end - 1] == 0x20 { end -= 1 }
        guard end > line.lowerBound else { return nil }
        return String(scalarValues: s[line.lowerBound..<end])
    }
}
