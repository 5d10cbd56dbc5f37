import Testing
import Zongjie
@testable import ZongjieIngest

@Suite("HTML text")
struct HTMLTextTests {
    let expected = try! CorpusFiles.text("fixtures/ingest/page.expected.txt")

    @Test("A GB2312-declared page and a UTF-8 copy with a stale declaration give the same text", arguments: [
        ("page.gbk.html", TextEncoding.gb18030),
        ("page.utf8-stale-meta.html", .utf8),
    ])
    func page(name: String, encoding: TextEncoding) throws {
        let decoded = try HTMLText.decode(CorpusFiles.bytes("fixtures/ingest/" + name), source: name)
        #expect(decoded.encoding == encoding)
        #expect(decoded.text.string == expected)
    }

    @Test("Scripts, styles, comments and noscript are dropped with their content")
    func dropped() {
        let text = extract("<p>甲</p><script>var a = '<p>乙</p>';</SCRIPT ><style>p{}</style><!-- 丙 --><noscript>丁</noscript><p>戊</p>")
        #expect(text == "甲\n戊")
    }

    @Test("Character references: named, decimal, hex, without semicolon, C1 remapped, unknown kept")
    func entities() {
        #expect(extract("&lt;a&gt; &amp; &quot;x&quot; &#20013;&#x6587; &#22269 &#150; &unknown; & done") ==
                "<a> & \"x\" 中文 国 – &unknown; & done")
    }

    @Test("Blocks become lines, whitespace collapses, pre keeps its lines, cells are tab-separated")
    func layout() {
        #expect(extract("<div>一\n  二</div><div><div>三</div></div>四<br>五") == "一 二\n三\n四\n五")
        #expect(extract("<pre>a  b\nc</pre>d") == "a  b\nc\nd")
        #expect(extract("<table><tr><th>科室</th><td>人数</td></tr><tr><td>内科</td><td>5</td></tr></table>") == "科室\t人数\n内科\t5")
        // "a<b" would open a <b> tag, as in a browser; "<" before a digit or space is text.
        #expect(extract("1 < 2 and 3 <4") == "1 < 2 and 3 <4")
        #expect(extract("<img alt=\"x>y\" src='a'>图") == "图")
    }

    @Test("The declared charset is found in either meta form")
    func declared() {
        #expect(HTMLText.declaredEncoding(Array("<meta charset=\"GBK\">".utf8)) == .gb18030)
        #expect(HTMLText.declaredEncoding(Array("<meta http-equiv=Content-Type content='text/html; charset=big5'>".utf8)) == .big5)
        #expect(HTMLText.declaredEncoding(Array("<meta charset=utf-8>".utf8)) == .utf8)
        #expect(HTMLText.declaredEncoding(Array("<meta charset=iso-8859-1>".utf8)) == nil)
    }

    private func extract(_ html: String) -> String {
        String(scalarValues: HTMLText.extract(html.unicodeScalars.map(\.value)))
    }
}
