/// Everything Zongjie learns from one document: its structure and its records.
public struct Analysis: Sendable {
    public let document: Document
    public let structure: PageStructure
    public let records: [Record]
}

/// Runs segmentation and the extractors over documents. Holds per-worker state (tables,
/// buffers): not thread-safe; give each worker its own analyzer.
public final class Analyzer {
    public let kinds: Set<RecordKind>
    private let segmenter = Segmenter()

    public init(kinds: Set<RecordKind> = RecordKind.defaults) {
        self.kinds = kinds
    }

    public func analyze(_ document: Document) -> Analysis {
        var structure = segmenter.segment(document)
        let context = ExtractionContext(document: document, structure: structure)
        for (index, author) in ArticleAuthorFinder(context: context).authors(of: structure).enumerated() {
            structure.articles[index].author = author
        }
        var records = RecordExtractor.extract(context, kinds: kinds)
        // Neighbouring records mostly share their section: its path (an array of headings) is
        // built once and shared.
        var last: (article: Int, section: Int, path: [String])?
        for index in records.indices {
            let offset = records[index].start
            if let article = structure.articleIndex(containing: offset) {
                records[index].article = article
                let section = structure.innermostSectionStart(containing: offset, inArticle: article)
                if let last, last.article == article, last.section == section {
                    records[index].section = last.path
                } else {
                    let path = structure.sectionPath(containing: offset, inArticle: article)
                    records[index].section = path
                    last = (article, section, path)
                }
            }
        }
        return Analysis(document: document, structure: structure, records: records)
    }
}
