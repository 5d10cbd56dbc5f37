import Foundation
import Testing
import Zongjie
@testable import ZongjieIngest

@Suite("Ingest: the same page in any form")
struct IngestEquivalenceTests {
    /// GB18030, UTF-16 LE/BE and .docx copies of page 000, as files and as zip members, give the
    /// original's text and exactly its records and structure.
    @Test("GB18030, UTF-16 and .docx copies give the same text, structure and records as the UTF-8 original")
    func samePage() throws {
        let original = CorpusFiles.url("pages/000_be7b476837a84dea.txt").path
        let copies = ["fixtures/encodings/000.gb18030.txt", "fixtures/encodings/000.utf16le-bom.txt",
                      "fixtures/encodings/000.utf16be-bom.txt", "fixtures/ingest/000.docx"].map { CorpusFiles.url($0).path }
        let sink = TextKeepingSink()
        let options = IngestOptions(paths: [original] + copies + [IngestFixtures.path("archive.zip")], threads: 2,
                                    kinds: Set(RecordKind.allCases), storeText: true)
        _ = try IngestPipeline(options: options).run(into: sink)
        let reference = try #require(sink.documents.first)
        #expect(reference.text == (try CorpusFiles.text("pages/000_be7b476837a84dea.txt")))
        let others = sink.documents.dropFirst().filter {
            $0.member == nil || $0.member == "reports/2019/000.gb18030.txt" || $0.member == "reports/2020/000.docx"
        }
        #expect(others.count == 6)
        for copy in others {
            #expect(copy.status == .ok, "\(copy.displayName)")
            #expect(copy.text == reference.text, "\(copy.displayName)")
            #expect(copy.structure == reference.structure, "\(copy.displayName)")
            #expect(copy.records == reference.records, "\(copy.displayName)")
        }
        // Analyzing the original directly gives what the pipeline gave: records come from the Analyzer only.
        let direct = Analyzer(kinds: Set(RecordKind.allCases)).analyze(try Document.read(path: original))
        #expect(direct.records == reference.records)
        #expect(direct.structure == reference.structure)
    }
}

private final class TextKeepingSink: IngestSink {
    var documents: [IngestedDocument] = []
    func begin(_ run: IngestRunInfo) throws {}
    func write(_ document: IngestedDocument) throws { documents.append(document) }
    func finish(_ statistics: IngestStatistics) throws {}
    func abandon(_ statistics: IngestStatistics) {}
}
