import Testing
@testable import Zongjie

@Suite("Record order")
struct RecordOrderTests {
    @Test("Records come in text order, by kind at the same start, and none twice")
    func recordsInTextOrder() throws {
        let kinds = Set(RecordKind.allCases)
        var checked = 0
        for page in CorpusFiles.pages {
            let document = Document(source: page, text: try CorpusFiles.text(page))
            let analysis = Analyzer(kinds: kinds).analyze(document)
            let keys = analysis.records.map { [$0.start, $0.kind.order, $0.end] }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { ($0[0], $0[1]) <= ($1[0], $1[1]) }, "\(page)")
            // Moving the records into place loses none and repeats none (the gold tests check that
            // none is lost against the annotations).
            let spans = analysis.records.map { "\($0.start) \($0.end) \($0.rule)" }
            #expect(Set(spans).count == spans.count, "\(page)")
            checked += analysis.records.count
        }
        #expect(checked > 4_000)
    }
}
