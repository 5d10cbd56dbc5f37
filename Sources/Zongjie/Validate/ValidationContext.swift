/// A record with its range in the normalized text, where the rules match.
public struct LocatedRecord: Sendable {
    public var record: Record
    /// Normalized offsets.
    public var range: Range<Int>
}

/// What the rules share about one document: the normalized text they match on, the records and
/// structure the analyzer found (with normalized ranges), and the questions several rules ask
/// (is this boilerplate, is this a plan rather than a report of events, where does the sentence
/// end). Built once per document by the `Validator`.
public final class ValidationContext {
    public let source: String
    public let document: Document
    public let structure: PageStructure
    public let records: [LocatedRecord]
    /// The reference collection for copied-text detection, if any.
    public let references: ReferenceCollection?
    /// Options of the rules that take any (see `ValidationConfiguration`).
    public let options: RuleOptions

    let extraction: ExtractionContext
    /// Normalized scalars.
    public var s: [UInt32] { extraction.s }
    public var count: Int { extraction.s.count }

    public init(analysis: Analysis, references: ReferenceCollection? = nil, options: RuleOptions = RuleOptions()) {
        self.source = analysis.document.source
        self.document = analysis.document
        self.structure = analysis.structure
        self.references = references
        self.options = options
        self.extraction = ExtractionContext(document: analysis.document, structure: analysis.structure)
        let normalized = analysis.document.normalized
        self.records = analysis.records.map { record in
            let from = normalized.normalizedOffset(ofOriginal: record.start)
            let to = max(from, normalized.normalizedOffset(ofOriginal: record.end))
            return LocatedRecord(record: record, range: from..<to)
        }
    }

    // MARK: Offsets

    /// The original range of a normalized range.
    public func original(_ range: Range<Int>) -> Range<Int> {
        document.normalized.originalRange(range)
    }

    /// The normalized position of an original offset.
    public func normalized(_ originalOffset: Int) -> Int {
        document.normalized.normalizedOffset(ofOriginal: originalOffset)
    }

    /// The normalized range of an original range.
    public func normalized(_ range: Range<Int>) -> Range<Int> {
        let from = normalized(range.lowerBound)
        return from..<max(from, normalized(range.upperBound))
    }

    /// The original text of a normalized range.
    public func text(_ range: Range<Int>) -> String {
        document.text.string(in: original(range))
    }

    /// The normalized text of a range, as a string (for messages that quote folded text).
    public func normalizedText(_ range: Range<Int>) -> String {
        String(scalarValues: s[range.clamped(to: 0..<count)])
    }

    // MARK: Text units

    /// Bounds of the sentence around a normalized position (。！？；and line breaks end it).
    public func sentence(around position: Int) -> Range<Int> {
        extraction.sentence(around: position, limit: 400)
    }

    /// Bounds of the clause around a normalized position (sentence ends, commas, colons).
    public func clause(around position: Int) -> Range<Int> {
        extraction.clause(around: position, limit: 200)
    }

    /// The normalized line (without its line break) holding a position.
    public func line(around position: Int) -> Range<Int> {
        let start = extraction.lineStart(of: position)
        var end = position
        while end < count, s[end] != 0x0A, s[end] != 0x0D { end += 1 }
        return start..<end
    }

    /// All normalized lines, without their line breaks.
    public lazy var lines: [Range<Int>] = {
        var result: [Range<Int>] = []
        let starts = extraction.lineStarts
        for (index, start) in starts.enumerated() {
            var end = index + 1 < starts.count ? starts[index + 1] : count
            while end > start, s[end - 1] == 0x0A || s[end - 1] == 0x0D { end -= 1 }
            result.append(start..<end)
        }
        return result
    }()

    // MARK: Structure

    /// True where website furniture or an SEO delimiter line is (no figures are judged there).
    public func isBoilerplate(_ position: Int) -> Bool {
        position < count && extraction.blocked[position]
    }

    /// The article holding a normalized position.
    public func articleIndex(at position: Int) -> Int? {
        structure.articleIndex(containing: document.normalized.originalOffset(min(position, count)))
    }

    /// The headings enclosing a normalized position, outermost first.
    public func sectionPath(at position: Int) -> [String] {
        guard let article = articleIndex(at: position) else { return [] }
        return structure.sectionPath(containing: document.normalized.originalOffset(min(position, count)), inArticle: article)
    }

    /// The normalized range of an article.
    public func articleRange(_ index: Int) -> Range<Int> {
        normalized(structure.articles[index].range)
    }

    /// Records of one kind, in text order.
    public func records(_ kind: RecordKind) -> [LocatedRecord] {
        records.filter { $0.record.kind == kind }
    }

    // MARK: Plans and events

    /// Words of headings over plans, targets and suggestions rather than reports of events.
    static let planHeadingWords: [[UInt32]] = [
        "下一步", "下步", "今后", "计划", "打算", "思路", "展望", "设想", "目标", "规划", "建议", "努力方向", "明年",
        "来年", "安排", "措施", "方案", "任务", "要求", "意见",
    ].map(scalars)

    /// Words that make a clause a plan, a target, a rule or a wish: its dates and figures are
    /// not events.
    static let planCueWords: [[UInt32]] = [
        "将", "计划", "拟", "预计", "争取", "力争", "确保", "预期", "目标是", "目标为", "目标任务", "工作目标", "规划", "要在", "要于", "准备", "打算", "期望",
        "希望", "有望", "届时", "设想", "部署", "预定", "应于", "须于", "需于", "前完成", "之前", "以前", "截止", "截至",
        "到期", "方案", "纲要", "规定", "要求", "务必", "必须", "应当", "下一步", "今后", "未来", "明年",
    ].map(scalars)

    /// True when a position lies in a plan: under a heading about next steps (unless
    /// `headings` is false) or in a sentence with a modal or target cue.
    public func isPlanContext(_ position: Int, headings: Bool = true) -> Bool {
        for heading in headings ? sectionPath(at: position) : [] {
            let h = Array(heading.unicodeScalars.map(\.value))
            for word in Self.planHeadingWords where h.contains(word, in: 0..<h.count) { return true }
        }
        let sentence = self.sentence(around: position)
        for word in Self.planCueWords where s.contains(word, in: sentence) {
            // 截至2024年1月10日，医疗队累计培训…: a statistic as of a day is a fact, not a deadline.
            if Self.asOfWords.contains(word), isStatisticAsOf(sentence) { continue }
            return true
        }
        return false
    }

    static let asOfWords: [[UInt32]] = ["截至", "截止"].map(scalars)
    static let tallyWords: [[UInt32]] = ["累计", "共计", "已累计", "已有", "已达", "共有"].map(scalars)

    /// A sentence that opens with 截至/截止 and a date and states a tally (累计, 共计 …).
    private func isStatisticAsOf(_ sentence: Range<Int>) -> Bool {
        var k = sentence.lowerBound
        while k < sentence.upperBound, TextScan.isSpace(s[k]) { k += 1 }
        guard Self.asOfWords.contains(where: { s.hasPrefix($0, at: k) }) else { return false }
        return Self.tallyWords.contains { s.contains($0, in: sentence) }
    }

    /// The year-like context of a statement: the dates written in its sentence before it.
    public func datesBefore(_ position: Int, inSentence sentence: Range<Int>) -> [DateValue] {
        records.compactMap { located in
            guard case .date(let value) = located.record.value, located.range.lowerBound >= sentence.lowerBound,
                  located.range.upperBound <= position else { return nil }
            return value
        }
    }
}

/// Options of the rules that take any, read from the configuration file.
public struct RuleOptions: Sendable, Equatable {
    /// Shortest shared passage (in characters without punctuation and spaces) that `copied-text` reports.
    public var minimumCopiedLength: Int = 50
    /// Relative slack of `totals` beyond the written precision of the figures.
    public var totalsTolerance: Double = 0.005

    public init(minimumCopiedLength: Int = 50, totalsTolerance: Double = 0.005) {
        self.minimumCopiedLength = minimumCopiedLength
        self.totalsTolerance = totalsTolerance
    }
}
