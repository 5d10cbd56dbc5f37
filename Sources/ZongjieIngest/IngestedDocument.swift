import Zongjie

/// What became of one input.
public enum DocumentStatus: String, Sendable, Codable {
    /// Read and analysed.
    case ok
    /// Could not be read: `reason` and `error` say why.
    case failed
    /// Not read on purpose (a type `ingest` does not read, a hidden file).
    case skipped
    /// Already in the output with the same content hash and kinds (SQLite re-runs): nothing written.
    case unchanged
}

/// One section of an article, flattened depth-first, with its parent's position in that order.
public struct FlatSection: Sendable, Equatable {
    public var article: Int
    /// Position among the document's sections, depth-first (0-based).
    public var ordinal: Int
    public var parent: Int?
    public var level: Int
    public var style: MarkerStyle
    public var heading: String
    public var headingRange: Range<Int>
    public var range: Range<Int>
}

/// One input after the pipeline: where it came from, what it was, and either its structure and
/// records or why it was not read. Sinks write these; nothing else reaches them.
public struct IngestedDocument: Sendable {
    /// Position in input order (0-based): sinks receive documents in this order.
    public var sequence: Int
    /// The path as given on the command line (joined with the relative path inside a folder),
    /// or `-` for standard input.
    public var source: String
    /// The path inside a zip archive (nested archives joined by `/`), or the id of a
    /// standard-input line; nil for a plain file.
    public var member: String?
    public var format: InputFormat?
    public var status: DocumentStatus
    public var failure: IngestFailure?
    /// Size of the input in bytes (the file, the uncompressed member, the line's text in UTF-8).
    public var byteCount: Int
    /// SHA-256 of those bytes, lowercase hex.
    public var contentHash: String?
    /// The encoding the text was decoded from.
    public var encoding: String?
    /// Length of the text in code points (the range every offset refers to).
    public var characterCount: Int?
    public var warnings: [String]
    public var structure: PageStructure?
    public var sections: [FlatSection]
    public var records: [Record]
    /// For each record, the ordinal of the innermost section containing its start.
    public var recordSections: [Int?]
    /// The text itself, when the run keeps it (`--store-text`).
    public var text: String?
    /// The records as rows of the SQLite `records` table, when a worker prepared them for it.
    var encodedRecordRows: EncodedRecordRows?
    /// The records as JSON lines, when a worker prepared them for a JSONL output.
    var encodedJSONLines: [UInt8]?
    /// The records as CSV rows, per kind, when a worker prepared them for a CSV output.
    var encodedCSVRows: [RecordKind: [UInt8]]?

    public init(sequence: Int, source: String, member: String?, format: InputFormat?, status: DocumentStatus,
                failure: IngestFailure? = nil, byteCount: Int = 0, contentHash: String? = nil,
                encoding: String? = nil, characterCount: Int? = nil, warnings: [String] = [],
                structure: PageStructure? = nil, sections: [FlatSection] = [], records: [Record] = [],
                recordSections: [Int?] = [], text: String? = nil) {
        self.sequence = sequence
        self.source = source
        self.member = member
        self.format = format
        self.status = status
        self.failure = failure
        self.byteCount = byteCount
        self.contentHash = contentHash
        self.encoding = encoding
        self.characterCount = characterCount
        self.warnings = warnings
        self.structure = structure
        self.sections = sections
        self.records = records
        self.recordSections = recordSections.count == records.count ? recordSections : Array(repeating: nil, count: records.count)
        self.text = text
    }

    /// `source` or `source` › `member`, for messages.
    public var displayName: String {
        guard let member else { return source }
        return source == "-" ? "-#\(member)" : "\(source)/\(member)"
    }

    /// A failed or skipped input.
    static func notRead(sequence: Int, source: String, member: String?, format: InputFormat?,
                        failure: IngestFailure, byteCount: Int = 0, contentHash: String? = nil) -> IngestedDocument {
        IngestedDocument(sequence: sequence, source: source, member: member, format: format,
                         status: failure.reason.isSkip ? .skipped : .failed, failure: failure,
                         byteCount: byteCount, contentHash: contentHash)
    }
}

extension PageStructure {
    /// Sections of every article, depth-first, with parent ordinals.
    func flattenedSections() -> [FlatSection] {
        var out: [FlatSection] = []
        func walk(_ sections: [Section], article: Int, parent: Int?) {
            for section in sections {
                let ordinal = out.count
                out.append(FlatSection(article: article, ordinal: ordinal, parent: parent, level: section.level,
                                       style: section.style, heading: section.heading,
                                       headingRange: section.headingRange, range: section.range))
                walk(section.children, article: article, parent: ordinal)
            }
        }
        for (index, article) in articles.enumerated() { walk(article.sections, article: index, parent: nil) }
        return out
    }

    /// The ordinal (in `flattenedSections()` order) of the innermost section of an article that
    /// contains an offset.
    func innermostSectionOrdinal(containing offset: Int, inArticle article: Int) -> Int? {
        flattenedSections().innermostOrdinal(containing: offset, inArticle: article)
    }
}

extension Array where Element == FlatSection {
    /// The ordinal of the innermost section of `article` that contains `offset`, in O(log n):
    /// depth-first order sorts an article's sections by start, so the last one starting at or
    /// before the offset is the innermost candidate, and the section that contains the offset is
    /// it or one of its ancestors.
    func innermostOrdinal(containing offset: Int, inArticle article: Int) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            let section = self[middle]
            if section.article < article || (section.article == article && section.range.lowerBound <= offset) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        var candidate = low > 0 ? low - 1 : nil
        while let index = candidate, self[index].article == article {
            if self[index].range.contains(offset) { return index }
            candidate = self[index].parent
        }
        return nil
    }
}
