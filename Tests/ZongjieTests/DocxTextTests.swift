import Testing
import Zongjie
@testable import ZongjieIngest

@Suite("Word documents")
struct DocxTextTests {
    @Test("The .docx copy of page 000 has the page's exact text")
    func page() throws {
        let scalars = try DocxText.text(ofDocx: CorpusFiles.bytes("fixtures/ingest/000.docx"), xmlLimit: 1 << 24)
        #expect(String(scalarValues: scalars) == (try CorpusFiles.text("pages/000_be7b476837a84dea.txt")))
    }

    @Test("Paragraphs are lines; tabs, breaks and table cells; deleted text and other namespaces are not text")
    func structure() throws {
        let xml = """
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:m="urn:math">
        <w:body><w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t>基本情况</w:t></w:r></w:p>
        <w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>科室</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5名</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p/><w:p><w:r><m:t>x</m:t><w:t xml:space="preserve"> 末 </w:t></w:r></w:p></w:body></w:document>
        """
        let text = String(scalarValues: try DocxText.text(ofDocumentXML: Array(xml.utf8)))
        #expect(text == "一、基本情况\n甲\t乙\n丙\n科室\n5名\n\n 末 ")
    }

    @Test("Broken Word files fail as corrupt-docx with a reason", arguments: [
        ("no-document.docx", "no word/document.xml"),
        ("bad-xml.docx", "not well-formed XML"),
        ("not-a-zip.docx", "not a zip package"),
    ])
    func broken(name: String, reason: String) throws {
        do {
            _ = try DocxText.text(ofDocx: CorpusFiles.bytes("fixtures/ingest/" + name), xmlLimit: 1 << 24)
            Issue.record("\(name) was read")
        } catch let failure as IngestFailure {
            #expect(failure.reason == .corruptDocx)
            #expect(failure.detail.contains(reason))
        }
    }

    @Test("A document.xml above the limit fails as too-large")
    func limit() throws {
        do {
            _ = try DocxText.text(ofDocx: CorpusFiles.bytes("fixtures/ingest/000.docx"), xmlLimit: 1000)
            Issue.record("read past the limit")
        } catch let failure as IngestFailure {
            #expect(failure.reason == .tooLarge)
        }
    }
}
