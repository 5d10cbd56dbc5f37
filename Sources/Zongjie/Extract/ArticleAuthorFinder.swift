/// The institution that wrote an article, where the page says so (reports call themselves 我院 or
/// 我校 far more often than they name themselves).
public struct ArticleAuthor: Sendable, Equatable, Codable {
    /// Where the name was found.
    public enum Evidence: String, Sendable, Codable {
        /// A closing line holding only the name, perhaps with the date (宜君县中医医院 二0一二年一月十五日).
        case signature
        /// An opening line holding only the name, before or as the title (平鲁区人民医院).
        case header
        /// The title starts with the name (东北师范大学对口支援工作总结).
        case title
        /// The text names itself: 宜君县中医医院（以下简称“我院”）.
        case declaration
    }

    public var name: String
    public var type: InstitutionType
    public var masked: Bool
    /// Code-point offsets of the name in the original text.
    public var start: Int
    public var end: Int
    public var evidence: Evidence

    public init(name: String, type: InstitutionType, masked: Bool, start: Int, end: Int, evidence: Evidence) {
        self.name = name
        self.type = type
        self.masked = masked
        self.start = start
        self.end = end
        self.evidence = evidence
    }
}

/// Finds each article's author: a signature at its end first, then a header line or the title at
/// its start. A title that speaks of 我院/我校 (吉林市中心医院对口支援我院工作总结) was written by the
/// receiving side and names the other one, so it names no author.
struct ArticleAuthorFinder {
    let context: ExtractionContext
    let institutions: InstitutionExtractor

    init(context: ExtractionContext) {
        self.context = context
        self.institutions = InstitutionExtractor(context: context)
    }

    /// How many closing lines may hold the signature (name, department, date, in some order).
    static let closingLines = 4
    /// A signature or header line is short.
    static let longestNameLine = 40
    /// Titles written about "us" by the receiving side.
    static let receiverWords = WordList(["我院", "我校", "我局", "我县", "我市", "我区", "我州", "我省", "我所", "我站",
                                         "我中心", "受援"].map(scalars))
    /// Characters of a date written after a signature (2014年11月2日, 二0一二年一月十五日, 20xx年2月29日).
    static let dateCharacters = ScalarSet(Array(0x30...0x39) + scalars("〇○零一二三四五六七八九十年月日号xX×_*.-/—–.。 \u{3000}"))
    /// A department line between the name and the date (护理部, 医务科, 办公室).
    static let departmentEndings = ScalarSet("部科处室组办")

    func authors(of structure: PageStructure) -> [ArticleAuthor?] {
        structure.articles.map { author(of: $0) }
    }

    private func author(of article: Article) -> ArticleAuthor? {
        let normalized = context.document.normalized
        let from = normalized.normalizedOffset(ofOriginal: article.range.lowerBound)
        let to = normalized.normalizedOffset(ofOriginal: article.range.upperBound)
        let closing = contentLines(from..<to, count: Self.closingLines, fromEnd: true)
        guard !closing.isEmpty else { return nil }
        if let signature = signature(in: closing) { return signature }
        return opening(of: article, range: from..<to) ?? declaration(in: from..<to)
    }

    // MARK: Declaration

    /// 宜君县中医医院（以下简称“我院”）/ 东北师范大学(简称我校): the name right before a bracket that
    /// gives 我院/我校… as its short name. Only the text around each 简称 is read.
    private func declaration(in range: Range<Int>) -> ArticleAuthor? {
        let s = context.s
        var position = range.lowerBound
        while let found = Self.shortNameWord.firstOccurrence(in: s, range: position..<range.upperBound) {
            position = found + 2
            var after = found + 2
            while after < range.upperBound, Self.quotes.contains(s[after]) { after += 1 }
            guard Self.receiverWords.startsWord(in: s, at: after, limit: range.upperBound) else { continue }
            var bracket = found
            if bracket - 2 >= range.lowerBound, s[bracket - 2] == 0x4EE5, s[bracket - 1] == 0x4E0B { bracket -= 2 }   // 以下
            guard bracket - 1 >= range.lowerBound, s[bracket - 1] == 0x28 else { continue }   // ( (（ folded)
            let window = max(range.lowerBound, bracket - 1 - Self.longestNameLine)..<(bracket - 1)
            if let name = institutions.extract(in: window).last(where: { $0.range.upperBound == bracket - 1 }) {
                return author(name, .declaration)
            }
        }
        return nil
    }

    static let shortNameWord = WordList(["简称"].map(scalars))
    static let quotes = ScalarSet("“”\"'「」『』‘’")

    /// Up to `count` non-blank, record-bearing lines of a normalized range, trimmed of spaces:
    /// the first ones, or the last ones (in text order) when `fromEnd`. Only the article's ends
    /// are read, never its whole body.
    private func contentLines(_ range: Range<Int>, count: Int, fromEnd: Bool = false) -> [Range<Int>] {
        let s = context.s
        var lines: [Range<Int>] = []
        if fromEnd {
            var end = range.upperBound
            while end > range.lowerBound, lines.count < count {
                var start = end
                while start > range.lowerBound, s[start - 1] != 0x0A, s[start - 1] != 0x0D { start -= 1 }
                if let line = trimmedContent(start..<end) { lines.append(line) }
                end = start - 1
            }
            return lines.reversed()
        }
        var start = range.lowerBound
        while start < range.upperBound, lines.count < count {
            var end = start
            while end < range.upperBound, s[end] != 0x0A, s[end] != 0x0D { end += 1 }
            if let line = trimmedContent(start..<end) { lines.append(line) }
            start = end + 1
        }
        return lines
    }

    /// A line without its surrounding spaces; nil when blank or in boilerplate.
    private func trimmedContent(_ line: Range<Int>) -> Range<Int>? {
        var low = line.lowerBound
        var high = line.upperBound
        while low < high, Self.isSpace(context.s[low]) { low += 1 }
        while high > low, Self.isSpace(context.s[high - 1]) { high -= 1 }
        return low < high && !context.blocked[low] ? low..<high : nil
    }

    // MARK: Signature

    /// `lines`: the article's last content lines.
    private func signature(in lines: [Range<Int>]) -> ArticleAuthor? {
        var skippedDepartment = false
        for line in lines.reversed() {
            if isDate(line) || isPageNumber(line) { continue }
            if let name = nameFilling(line, allowingDate: true) { return author(name, .signature) }
            // One department line may sit under the institution's name (xx医院 / 护理部 / date).
            if !skippedDepartment, isDepartment(line) {
                skippedDepartment = true
                continue
            }
            return nil
        }
        return nil
    }

    // MARK: Header and title

    private func opening(of article: Article, range: Range<Int>) -> ArticleAuthor? {
        let normalized = context.document.normalized
        // The report's own title: the title line unless it is an SEO delimiter (…篇一), in which
        // case the report starts on the next line.
        var candidates = contentLines(range, count: 3)
        if article.titleIsDelimiter, let titleRange = article.titleRange {
            let titleEnd = normalized.normalizedOffset(ofOriginal: titleRange.upperBound)
            candidates = contentLines(max(titleEnd, range.lowerBound)..<range.upperBound, count: 2)
        }
        guard let first = candidates.first else { return nil }
        // A line holding only a name, followed by the title (平鲁区人民医院 / 对口支援工作实施方案).
        if let name = nameFilling(first, allowingDate: true) { return author(name, .header) }
        // The title, then the name on its own line, perhaps with the date (公文 style).
        if candidates.count > 1, let name = nameFilling(candidates[1], allowingDate: true) { return author(name, .header) }
        // A title that starts with the name (after a year: 2015年东北师范大学…).
        guard first.count <= 60, !Self.receiverWords.occurs(in: context.s, range: first) else { return nil }
        var start = first.lowerBound
        while start < first.upperBound, Self.dateCharacters.contains(context.s[start]) { start += 1 }
        guard let name = institutions.extract(in: first).first(where: { $0.range.lowerBound == start }) else { return nil }
        // The name must be followed by the report's words, not be the whole line.
        guard name.range.upperBound < first.upperBound else { return nil }
        return author(name, .title)
    }

    // MARK: Lines

    /// The institution that fills a line, perhaps with one of its departments and a date after it
    /// (徐州医科大学附属医院医务处, 湟中县西堡镇卫生院2014年11月2日。).
    private func nameFilling(_ line: Range<Int>, allowingDate: Bool) -> (range: Range<Int>, rule: String, value: InstitutionValue)? {
        guard line.count <= Self.longestNameLine else { return nil }
        guard let name = institutions.extract(in: line).first, name.range.lowerBound == line.lowerBound else { return nil }
        var rest = skipSpaces(from: name.range.upperBound, in: line)
        if rest == line.upperBound { return name }
        if let departmentEnd = departmentEnd(from: rest, in: line) {
            rest = skipSpaces(from: departmentEnd, in: line)
            if rest == line.upperBound { return name }
        }
        return allowingDate && isDate(rest..<line.upperBound) ? name : nil
    }

    private func skipSpaces(from position: Int, in line: Range<Int>) -> Int {
        var position = position
        while position < line.upperBound, Self.isSpace(context.s[position]) { position += 1 }
        return position
    }

    /// The end of a department name of two to five Han characters starting at `start` (医务处, 护理部).
    private func departmentEnd(from start: Int, in line: Range<Int>) -> Int? {
        let s = context.s
        var end = start
        while end < line.upperBound, end - start < 5, CharacterClass.of(s[end]) == .han, !Self.dateCharacters.contains(s[end]) {
            end += 1
        }
        // The longest run that ends with a department character.
        while end - start >= 2 {
            if Self.departmentEndings.contains(s[end - 1]) { return end }
            end -= 1
        }
        return nil
    }

    /// Only a date (2015年12月, 20xx年2月29日, 2011.5.10).
    private func isDate(_ line: Range<Int>) -> Bool {
        let s = context.s
        var hasDigit = false
        var hasUnit = false
        for position in line {
            let c = s[position]
            guard Self.dateCharacters.contains(c) else { return false }
            if NumeralCharacters.isASCIIDigit(c) || NumeralCharacters.digitValue(c) >= 0 || c == 0x3007 || c == 0x25CB { hasDigit = true }
            if c == DateExtractor.nian || c == DateExtractor.yue || c == DateExtractor.ri || c == 0x2E || c == 0x2F || c == 0x2D { hasUnit = true }
        }
        return hasDigit && hasUnit
    }

    /// A page number left on its own line by the scrape (3, - 3 -, 第3页).
    private func isPageNumber(_ line: Range<Int>) -> Bool {
        let s = context.s
        guard line.count <= 8 else { return false }
        var digits = 0
        for position in line {
            let c = s[position]
            if NumeralCharacters.isASCIIDigit(c) { digits += 1; continue }
            guard c == 0x2D || c == 0x20 || c == 0x7B2C || c == 0x9875 else { return false }   // - space 第 页
        }
        return digits > 0 && digits <= 3
    }

    /// A short department name alone on its line (护理部).
    private func isDepartment(_ line: Range<Int>) -> Bool {
        let s = context.s
        guard line.count >= 2, line.count <= 8, Self.departmentEndings.contains(s[line.upperBound - 1]) else { return false }
        return line.allSatisfy { CharacterClass.of(s[$0]) == .han }
    }

    private func author(_ name: (range: Range<Int>, rule: String, value: InstitutionValue), _ evidence: ArticleAuthor.Evidence) -> ArticleAuthor {
        let original = context.document.normalized.originalRange(name.range)
        return ArticleAuthor(name: name.value.name, type: name.value.type, masked: name.value.masked,
                             start: original.lowerBound, end: original.upperBound, evidence: evidence)
    }

    @inline(__always)
    private static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0 }
}
