import Testing
@testable import Zongjie

@Suite("Article authors")
struct ArticleAuthorTests {
    /// Authors of a one-article text, as the analyzer finds them.
    func findAuthor(_ text: String) -> ArticleAuthor? {
        let analysis = Analyzer(kinds: []).analyze(Document(source: "t", text: text))
        return analysis.structure.articles.first?.author
    }

    static let body = "一、基本情况\n我院共选派了19名医务人员到受援医院开展工作，效果良好。\n二、下一步打算\n继续做好对口支援工作。\n"

    @Test("A signature line and a date line under the report")
    func signatureAndDate() throws {
        let text = "对口支援工作总结\n" + Self.body + "靖边县人民医院\n2015年12月20日\n"
        let author = try #require(findAuthor(text))
        #expect(author.name == "靖边县人民医院")
        #expect(author.type == .hospital)
        #expect(author.evidence == .signature)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[author.start..<author.end])) == "靖边县人民医院")
    }

    @Test("A signature fused with its date, one with a department, and one above a page number")
    func signatureForms() {
        #expect(findAuthor("对口支援工作汇报\n" + Self.body + "湟中县西堡镇卫生院2014年11月2日。\n")?.name == "湟中县西堡镇卫生院")
        #expect(findAuthor("对口支援工作总结\n" + Self.body + "徐州医科大学附属医院医务处\n2023年6月\n")?.name == "徐州医科大学附属医院")
        #expect(findAuthor("对口支援工作总结\n" + Self.body + "宜良县红十字会医院\n护理部\n20xx年2月29日\n")?.name == "宜良县红十字会医院")
        #expect(findAuthor("对口支援工作方案\n" + Self.body + "盐山县人民医院\n2015年1月\n3\n")?.evidence == .signature)
    }

    @Test("Offsets point into the original text when width folding changed it")
    func offsetsInOriginal() throws {
        let text = "对口支援工作总结（２０１５）\n" + Self.body + "宜君县中医医院　二０一二年一月十五日\n"
        let author = try #require(findAuthor(text))
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[author.start..<author.end])) == "宜君县中医医院")
    }

    @Test("A title that starts with the writer's name, and a header line")
    func titleAndHeader() {
        let titled = findAuthor("东北师范大学对口支援新疆师范大学工作总结\n" + Self.body)
        #expect(titled?.name == "东北师范大学")
        #expect(titled?.evidence == .title)
        let header = findAuthor("对口支援工作实施方案\n平鲁区人民医院\n2014年3月\n" + Self.body)
        #expect(header?.name == "平鲁区人民医院")
        #expect(header?.evidence == .header)
        let underDelimiter = findAuthor("篇一\n方旺中心学校\n支教工作总结\n" + Self.body)
        #expect(underDelimiter?.name == "方旺中心学校")
        #expect(underDelimiter?.evidence == .header)
        // A body sentence under the title is no header.
        #expect(findAuthor("对口支援工作总结\n感谢东北师范大学的支持。\n" + Self.body) == nil)
    }

    @Test("A text that names itself: X（以下简称“我院”）; not a partner that is given another short name")
    func declaration() throws {
        let declared = try #require(findAuthor("对口支援工作总结\n宜君县中医医院（以下简称“我院”）自2010年起接受对口支援。\n" + Self.body))
        #expect(declared.name == "宜君县中医医院")
        #expect(declared.evidence == .declaration)
        #expect(findAuthor("对口支援工作总结\n东北师范大学(简称我校)与新疆师范大学结对。\n" + Self.body)?.name == "东北师范大学")
        #expect(findAuthor("对口支援工作总结\n在东北师范大学（以下简称“东师”）的支持下，工作顺利。\n" + Self.body) == nil)
    }

    @Test("No author: a title written by the receiving side, a generic title, a closing sentence")
    func noAuthor() {
        #expect(findAuthor("吉林市中心医院对口支援我院工作总结\n" + Self.body) == nil)
        #expect(findAuthor("对口支援工作总结\n" + Self.body) == nil)
        #expect(findAuthor("对口支援工作总结\n" + Self.body + "感谢东北师范大学对我院的大力支持。\n") == nil)
        #expect(findAuthor("县人民医院\n" + Self.body) == nil)
    }

    @Test("The signed reports of Corpus page 002")
    func corpusSignatures() throws {
        let relative = "pages/002_445347422e06600d.txt"
        let document = try Document(source: relative, bytes: CorpusFiles.bytes(relative))
        let articles = Analyzer(kinds: []).analyze(document).structure.articles
        let authors = articles.enumerated().compactMap { index, article in article.author.map { (index, $0.name, $0.evidence) } }
        #expect(authors.map(\.1) == ["湟中县西堡镇卫生院", "宜君县中医医院", "盐山县人民医院", "平鲁区人民医院", "文峪三中", "方旺中心学校"])
        #expect(authors.map(\.2) == [.signature, .signature, .signature, .signature, .header, .header])
    }
}
