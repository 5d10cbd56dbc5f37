/// The families of heading markers. Levels come from nesting inside an article, not from the
/// family; the family only tells which headings are siblings.
public enum MarkerStyle: String, Codable, Sendable, CaseIterable {
    /// 一、 二、
    case chineseEnumeration = "一、"
    /// (一) （一）
    case bracketedChinese = "(一)"
    /// 第一、 第二, 第三，
    case chineseOrdinal = "第一"
    /// 第一部分 第二章: the parts of a long report, outside every numbered section.
    case part = "第一部分"
    /// 1、 1. 1．
    case arabic = "1、"
    /// 1.1 2.3
    case decimal = "1.1"
    /// 1.1.1 2.3.1: a level below 1.1 (a report numbered 1.1 / 1.1.1 nests them).
    case deepDecimal = "1.1.1"
    /// (1) （1）
    case bracketedArabic = "(1)"
    /// ① ②
    case circled = "①"
    /// - 1、 (a markdown-like dash list)
    case dashList = "- 1、"
    /// A short unnumbered title line.
    case none = "none"
}

/// One section: a heading and the block it titles, with its subsections.
public struct Section: Sendable, Equatable {
    /// Marker + title, without the closing 。/：/: and any run-in body, and without a fused page number.
    public var heading: String
    /// Where the heading text is in the original text.
    public var headingRange: Range<Int>
    public var style: MarkerStyle
    /// Nesting depth inside the article, 1 = outermost there.
    public var level: Int
    /// From the heading to the end of the block it titles.
    public var range: Range<Int>
    public var children: [Section]

    public init(heading: String, headingRange: Range<Int>, style: MarkerStyle, level: Int, range: Range<Int>, children: [Section] = []) {
        self.heading = heading
        self.headingRange = headingRange
        self.style = style
        self.level = level
        self.range = range
        self.children = children
    }
}

/// One report on a page.
public struct Article: Sendable, Equatable {
    public var title: String
    /// From the first character of the title line (or first line) to the start of the next
    /// article or trailing boilerplate.
    public var range: Range<Int>
    public var sections: [Section]
    /// The institution that wrote it when the text says so (a signature line, a header, a title).
    public var author: ArticleAuthor?
    /// The title line in the original text, when the article has one.
    public var titleRange: Range<Int>?
    /// The title line is an SEO delimiter (…篇一, 第2篇:…), not the report's own title.
    public var titleIsDelimiter: Bool

    public init(title: String, range: Range<Int>, sections: [Section] = [], author: ArticleAuthor? = nil,
                titleRange: Range<Int>? = nil, titleIsDelimiter: Bool = false) {
        self.title = title
        self.range = range
        self.sections = sections
        self.author = author
        self.titleRange = titleRange
        self.titleIsDelimiter = titleIsDelimiter
    }
}

/// A page: its boilerplate and its articles.
public struct PageStructure: Sendable, Equatable {
    public var boilerplate: [Range<Int>]
    public var articles: [Article]

    public init(boilerplate: [Range<Int>] = [], articles: [Article] = []) {
        self.boilerplate = boilerplate
        self.articles = articles
    }

    /// The article index containing an original offset, if any.
    public func articleIndex(containing offset: Int) -> Int? {
        var low = 0
        var high = articles.count
        while low < high {
            let middle = (low + high) / 2
            if articles[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < articles.count && articles[low].range.contains(offset) ? low : nil
    }

    /// Headings of the sections enclosing an original offset, outermost first.
    public func sectionPath(containing offset: Int, inArticle index: Int) -> [String] {
        var path: [String] = []
        forEachSection(containing: offset, inArticle: index) { path.append($0.heading) }
        return path
    }

    /// The start of the innermost section holding `offset` (-1 when none): two offsets with the
    /// same one have the same `sectionPath`, which then need not be built again.
    public func innermostSectionStart(containing offset: Int, inArticle index: Int) -> Int {
        var innermost = -1
        forEachSection(containing: offset, inArticle: index) { innermost = $0.range.lowerBound }
        return innermost
    }

    /// The sections holding `offset`, outermost first.
    private func forEachSection(containing offset: Int, inArticle index: Int, _ body: (Section) -> Void) {
        var sections = articles[index].sections
        while let section = sections.last(where: { $0.range.lowerBound <= offset }), section.range.contains(offset) {
            body(section)
            sections = section.children
        }
    }

    /// Ranges that hold no records: boilerplate and SEO delimiter lines.
    public var recordFreeRanges: [Range<Int>] {
        var ranges = boilerplate
        for article in articles where article.titleIsDelimiter {
            if let title = article.titleRange { ranges.append(title) }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// True when an original offset lies in boilerplate.
    public func isBoilerplate(_ offset: Int) -> Bool {
        boilerplate.contains { $0.contains(offset) }
    }

    /// All sections in reading order with their depth-first path.
    public func flattenedSections(ofArticle index: Int) -> [Section] {
        var out: [Section] = []
        func walk(_ sections: [Section]) {
            for section in sections {
                out.append(section)
                walk(section.children)
            }
        }
        walk(articles[index].sections)
        return out
    }
}
