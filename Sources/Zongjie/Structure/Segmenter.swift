/// Splits a page into boilerplate and articles, and each article into a tree of sections.
///
/// Works line by line on the normalized text (one paragraph per line in these pages) and maps
/// every range back to the original text.
public struct Segmenter: Sendable {
    public init() {}

    /// Content lines an article must have before a signature date can close it.
    static let minimumLinesBeforeSignature = 3

    public func segment(_ document: Document) -> PageStructure {
        let normalized = document.normalized
        let s = normalized.scalars
        let lines = TextLines.split(s)
        let boundaries = ArticleBoundaries(s, lines)
        let roles = boundaries.roles
        let original: (Int) -> UInt32 = { position in
            let range = normalized.originalRange(position..<(position + 1))
            return range.isEmpty ? 0 : document.text.scalars[range.lowerBound]
        }
        let detector = HeadingDetector(s: s, lines: lines, roles: roles, original: original)

        var starts = boundaries.starts
        starts = addSignatureStarts(starts, s, lines, roles)

        // Articles as line ranges, split further where top-level numbering restarts.
        var articles: [Article] = []
        var pending: [(lines: Range<Int>, start: ArticleBoundaries.Start)] = []
        for (index, start) in starts.enumerated() {
            let endLine = index + 1 < starts.count ? starts[index + 1].line : lines.count
            pending.append((start.line..<endLine, start))
        }
        var queue = pending[...]
        var resolved: [(lines: Range<Int>, start: ArticleBoundaries.Start, headings: [SectionTree.Placed])] = []
        while let (range, start) = queue.popFirst() {
            let bodyRange = (start.titleLine.map { $0 + 1 } ?? range.lowerBound)..<range.upperBound
            let headings = SectionTree.levels(detector.detect(in: bodyRange))
            if let restart = restartLine(headings, s, lines, roles, bodyRange), restart > range.lowerBound {
                queue.insert((restart..<range.upperBound, ArticleBoundaries.Start(line: restart, titleLine: nil, title: nil)), at: queue.startIndex)
                let firstPart = range.lowerBound..<restart
                let firstBody = bodyRange.lowerBound..<restart
                resolved.append((firstPart, start, SectionTree.levels(detector.detect(in: firstBody))))
                continue
            }
            resolved.append((range, start, headings))
        }

        for (index, item) in resolved.enumerated() {
            let startOffset = normalized.originalOffset(lines[item.lines.lowerBound].content.lowerBound)
            let endOffset: Int
            if index + 1 < resolved.count {
                let nextLine = resolved[index + 1].lines.lowerBound
                endOffset = normalized.originalOffset(leadingBoilerplateStart(before: nextLine, item.lines.lowerBound, lines, roles))
            } else {
                endOffset = normalized.originalOffset(trailingBoilerplateStart(lines, roles, from: item.lines.lowerBound))
            }
            let end = max(startOffset, endOffset)
            let titleLine = item.start.titleLine ?? item.lines.lowerBound
            var title = document.text.string(in: normalized.originalRange(lines[titleLine].content))
            if item.start.titleLine == nil, title.unicodeScalars.count > 30 {
                title = String(String.UnicodeScalarView(title.unicodeScalars.prefix(30)))
            }
            let sections = SectionTree.build(
                item.headings, articleEnd: end,
                lineStart: { normalized.originalOffset(lines[$0].content.lowerBound) },
                originalRange: { normalized.originalRange($0) },
                headingText: { document.text.string(in: normalized.originalRange($0)) })
            let titleRange = item.start.titleLine.map { normalized.originalRange(lines[$0].content) }
            let isDelimiter = item.start.titleLine.map { roles[$0] == .delimiter } ?? false
            articles.append(Article(title: title, range: startOffset..<end, sections: sections,
                                    titleRange: titleRange, titleIsDelimiter: isDelimiter))
        }

        var boilerplate: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard roles[index] == .boilerplate else { index += 1; continue }
            var last = index
            var next = index + 1
            // Merge boilerplate lines separated only by blank lines.
            while next < lines.count, roles[next] == .blank || roles[next] == .boilerplate {
                if roles[next] == .boilerplate { last = next }
                next += 1
            }
            let range = normalized.originalRange(lines[index].content.lowerBound..<lines[last].content.upperBound)
            boilerplate.append(range)
            index = last + 1
        }
        return PageStructure(boilerplate: boilerplate, articles: articles)
    }

    // MARK: Article boundaries inside the text

    /// A line that closes a report: a date, optionally after the signing institution.
    static func isSignatureDate(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count >= 5, line.count <= 32 else { return false }
        var end = line.upperBound
        while end > line.lowerBound, s[end - 1] == 0x3002 || TextLines.isSpace(s[end - 1]) { end -= 1 }
        guard end > line.lowerBound else { return false }
        let last = s[end - 1]
        guard last == 0x65E5 || last == 0x6708 || last == 0x53F7 else { return false }   // 日 月 号
        var sawYear = false
        for index in line.lowerBound..<end {
            let c = s[index]
            if c == 0x3002 || c == HeadingMarkers.comma || c == HeadingMarkers.colon || c == 0x3B { return false }
            if c == NumberTokenScanner.year, index >= line.lowerBound + 2 {
                let before = s[index - 1]
                if NumeralCharacters.isASCIIDigit(before) || NumeralCharacters.isMask(before) || NumeralCharacters.digitValue(before) >= 0 {
                    sawYear = true
                }
            }
        }
        return sawYear
    }

    /// After a signature date, the next content line starts a new report.
    private func addSignatureStarts(_ starts: [ArticleBoundaries.Start], _ s: [UInt32], _ lines: [TextLine],
                                    _ roles: [LineRole]) -> [ArticleBoundaries.Start] {
        var result = starts
        var startLines = Set(starts.map(\.line))
        var currentStart = starts.first?.line ?? 0
        var contentSinceStart = 0
        var index = 0
        while index < lines.count {
            if startLines.contains(index) {
                currentStart = index
                contentSinceStart = 0
            }
            guard roles[index] == .content else { index += 1; continue }
            contentSinceStart += 1
            if index > currentStart, contentSinceStart > Self.minimumLinesBeforeSignature,
               Self.isSignatureDate(s, lines[index].content) {
                var next = index + 1
                while next < lines.count, roles[next] == .blank || roles[next] == .boilerplate
                        || (roles[next] == .content && Self.isStrayPageNumber(s, lines[next].content)) {
                    next += 1
                }
                if next < lines.count, roles[next] == .content, !startLines.contains(next) {
                    // `方旺中心学校 2012年11月` above `方旺中心学校 实施…` heads the next report.
                    let start = Self.sharesLeadingName(s, lines[index].content, lines[next].content) ? index : next
                    result.append(ArticleBoundaries.Start(line: start, titleLine: nil, title: nil))
                    startLines.insert(start)
                    if start == index { currentStart = index; contentSinceStart = 1 }
                }
            } else if index > currentStart, contentSinceStart > Self.minimumLinesBeforeSignature,
                      Self.isReportOpening(s, lines[index].content), !startLines.contains(index) {
                // 现将…总结如下: a report opens here.
                result.append(ArticleBoundaries.Start(line: index, titleLine: nil, title: nil))
                startLines.insert(index)
                currentStart = index
                contentSinceStart = 1
            }
            index += 1
        }
        return result.sorted { $0.line < $1.line }
    }

    private static let reportOpening = scalars("现将")

    /// `现将…总结如下:` / `现将…汇报如下`: the opening formula of a report.
    static func isReportOpening(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count <= 60, s.hasPrefix(Self.reportOpening, at: line.lowerBound) else { return false }
        var end = line.upperBound
        while end > line.lowerBound, s[end - 1] == HeadingMarkers.colon || s[end - 1] == 0x3002 || TextLines.isSpace(s[end - 1]) { end -= 1 }
        return end - 2 > line.lowerBound && s[end - 2] == 0x5982 && s[end - 1] == 0x4E0B   // 如下
    }

    /// Two lines that begin with the same name of four or more characters, before a space.
    static func sharesLeadingName(_ s: [UInt32], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var length = 0
        while a.lowerBound + length < a.upperBound, b.lowerBound + length < b.upperBound,
              s[a.lowerBound + length] == s[b.lowerBound + length], CharacterClass.of(s[a.lowerBound + length]) == .han {
            length += 1
        }
        return length >= 4
    }

    static func isStrayPageNumber(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        line.count <= 3 && line.allSatisfy { NumeralCharacters.isASCIIDigit(s[$0]) }
    }

    /// Where a second report begins inside an article: its top-level 一、 numbering starts again
    /// after reaching 二 or more. The new report starts at the paragraph that introduces it.
    private func restartLine(_ headings: [SectionTree.Placed], _ s: [UInt32], _ lines: [TextLine], _ roles: [LineRole],
                             _ body: Range<Int>) -> Int? {
        var highest = 0
        for heading in headings where heading.level == 1 && heading.found.style == .chineseEnumeration {
            if heading.found.ordinal == 1 && highest >= 2 {
                var previous = heading.found.line - 1
                while previous > body.lowerBound, roles[previous] == .blank { previous -= 1 }
                if previous > body.lowerBound, roles[previous] == .content,
                   !headings.contains(where: { $0.found.line == previous }) {
                    // Header lines above the introduction belong to the new report: the
                    // institution, an addressee (各临床、医技科室:), a date.
                    var start = previous
                    var k = previous - 1
                    while k > body.lowerBound {
                        if roles[k] == .blank { k -= 1; continue }
                        guard roles[k] == .content, Self.isHeaderLine(s, lines[k].content) else { break }
                        start = k
                        k -= 1
                    }
                    return start
                }
                return heading.found.line
            }
            highest = max(highest, heading.found.ordinal)
        }
        return nil
    }

    /// A short line above a report's body: an institution name, an addressee ending in a colon,
    /// a date. No sentence punctuation.
    static func isHeaderLine(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        guard line.count >= 2, line.count <= 24 else { return false }
        if HeadingMarkers.recognize(s, line, original: { s[$0] }) != nil { return false }
        for index in line.lowerBound..<(line.upperBound - 1) {
            let c = s[index]
            if c == 0x3002 || c == HeadingMarkers.comma || c == 0x3B || c == HeadingMarkers.colon { return false }
        }
        let last = s[line.upperBound - 1]
        if last == HeadingMarkers.colon { return true }
        if isSignatureDate(s, line) { return true }
        for suffix in headerSuffixes where line.count > suffix.count && s.hasPrefix(suffix, at: line.upperBound - suffix.count) {
            return true
        }
        return false
    }

    static let headerSuffixes: [[UInt32]] = [
        "医院", "卫生院", "学校", "中学", "小学", "大学", "学院", "局", "委员会", "政府", "中心", "办公室", "公司", "党委",
    ].map(scalars)

    /// The first line of the boilerplate run that sits right before `line`.
    private func leadingBoilerplateStart(before line: Int, _ floor: Int, _ lines: [TextLine], _ roles: [LineRole]) -> Int {
        var k = line - 1
        var start = lines[line].content.lowerBound
        while k > floor, roles[k] == .blank || roles[k] == .boilerplate {
            if roles[k] == .boilerplate { start = lines[k].content.lowerBound }
            k -= 1
        }
        return start
    }

    /// Start of the boilerplate that ends the page, or the end of the text.
    private func trailingBoilerplateStart(_ lines: [TextLine], _ roles: [LineRole], from floor: Int) -> Int {
        var k = lines.count - 1
        var start = lines.last.map { $0.range.upperBound } ?? 0
        while k > floor, roles[k] == .blank || roles[k] == .boilerplate {
            if roles[k] == .boilerplate { start = lines[k].content.lowerBound }
            k -= 1
        }
        return start
    }
}
