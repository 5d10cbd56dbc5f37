import Testing
@testable import Zongjie

@Suite("Record order")
struct RecordOrderTests {
    @Test("Records come in text order, and by kind at the same start, with nothing lost or repeated")
    func recordsInTextOrder() throws {
        let kinds = Set(RecordKind.allCases)
        var checked = 0
        for page in CorpusFiles.pages {
            let document = Document(source: page, text: try CorpusFiles.text(page))
            let analysis = Analyzer(kinds: kinds).analyze(document)
            let keys = analysis.records.map { [$0.start, $0.kind.order, $0.end] }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { ($0[0], $0[1]) <= ($1[0], $1[1]) }, "\(page)")
            // The same records as the extractors found, each once: compared as sorted descriptions.
            let context = ExtractionContext(document: document, structure: analysis.structure)
            let found = RecordExtractor.extract(context, kinds: kinds).map { "\($0.start) \($0.end) \($0.rule) \($0.text)" }
            #expect(found.sorted() == analysis.records.map { "\($0.start) \($0.end) \($0.rule) \($0.text)" }.sorted(), "\(page)")
            checked += analysis.records.count
        }
        #expect(checked > 4_000)
    }
}
