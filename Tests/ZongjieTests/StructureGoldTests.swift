import Foundation
import Testing
@testable import Zongjie

/// Scores the segmenter against the hand-written structure of the five Corpus pages and of the
/// held-out pages (written by annotators who did not read the segmenter; their first scores are
/// in each folder's README or notes).
@Suite("Structure against gold")
struct StructureGoldTests {
    struct GoldHeading: Decodable { var start: Int; var heading: String; var level: Int }
    struct GoldArticle: Decodable { var title: String; var start: Int; var end: Int; var headings: [GoldHeading] }
    struct GoldBoilerplate: Decodable { var start: Int; var end: Int }
    struct Gold: Decodable { var source: String; var boilerplate: [GoldBoilerplate]; var articles: [GoldArticle] }

    struct Score {
        var articleTP = 0, articleFP = 0, articleFN = 0
        var headingTP = 0, headingFP = 0, headingFN = 0, levelsRight = 0
        var headingTextRight = 0

        static func f1(_ tp: Int, _ fp: Int, _ fn: Int) -> Double { tp == 0 ? 0 : 2.0 * Double(tp) / Double(2 * tp + fp + fn) }
        var articleF1: Double { Self.f1(articleTP, articleFP, articleFN) }
        var headingF1: Double { Self.f1(headingTP, headingFP, headingFN) }
        var levelAccuracy: Double { headingTP == 0 ? 0 : Double(levelsRight) / Double(headingTP) }
    }

    /// `root` is the folder the gold's `source` paths are relative to ("" for the Corpus itself).
    static func score(gold goldFolder: String, root: String) throws -> (score: Score, pages: Int) {
        var score = Score()
        let folder = CorpusFiles.url(goldFolder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
            let document = try Document(source: gold.source, bytes: CorpusFiles.bytes(root + gold.source))
            let structure = Segmenter().segment(document)
            let goldStarts = Set(gold.articles.map(\.start))
            let gotStarts = Set(structure.articles.map(\.range.lowerBound))
            score.articleTP += goldStarts.intersection(gotStarts).count
            score.articleFP += gotStarts.subtracting(goldStarts).count
            score.articleFN += goldStarts.subtracting(gotStarts).count
            var goldHeadings: [Int: GoldHeading] = [:]
            for article in gold.articles { for heading in article.headings { goldHeadings[heading.start] = heading } }
            var gotHeadings: [Int: Section] = [:]
            for index in structure.articles.indices {
                for section in structure.flattenedSections(ofArticle: index) { gotHeadings[section.range.lowerBound] = section }
            }
            for (start, heading) in gotHeadings {
                if let expected = goldHeadings[start] {
                    score.headingTP += 1
                    if expected.level == heading.level { score.levelsRight += 1 }
                    if expected.heading == heading.heading { score.headingTextRight += 1 }
                } else {
                    score.headingFP += 1
                }
            }
            score.headingFN += goldHeadings.keys.filter { gotHeadings[$0] == nil }.count
        }
        return (score, files.count)
    }

    static func report(_ score: Score, label: String) {
        print("structure \(label): " + String(format: "article F1 %.3f (tp %d fp %d fn %d), heading F1 %.3f (tp %d fp %d fn %d), level accuracy %.3f, heading text exact %d/%d",
                     score.articleF1, score.articleTP, score.articleFP, score.articleFN,
                     score.headingF1, score.headingTP, score.headingFP, score.headingFN, score.levelAccuracy,
                     score.headingTextRight, score.headingTP))
    }

    @Test("Article boundaries, headings and levels reach their floors")
    func goldScores() throws {
        let (score, pages) = try Self.score(gold: "gold/structure", root: "")
        #expect(pages == 5)
        Self.report(score, label: "Corpus pages")
        #expect(score.articleF1 >= 0.97)
        #expect(score.headingF1 >= 0.955)
        #expect(score.levelAccuracy >= 0.97)
        #expect(Double(score.headingTextRight) >= 0.95 * Double(score.headingTP))
    }

    @Test("Held-out structure reaches its floors", arguments: ["heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9"])
    func heldOutScores(folder: String) throws {
        let (score, pages) = try Self.score(gold: "\(folder)/structure", root: "\(folder)/")
        #expect(pages >= 2)
        Self.report(score, label: folder)
        #expect(score.articleF1 >= 0.95)
        #expect(score.headingF1 >= 0.95)
        #expect(score.levelAccuracy >= 0.95)
    }
}

@Suite("Structure on odd pages")
struct StructureOddPagesTests {
    func segment(_ text: String) -> PageStructure { Segmenter().segment(Document(source: "t", text: text)) }

    @Test("An empty page has no articles and no boilerplate")
    func empty() {
        let structure = segment("")
        #expect(structure.articles.isEmpty)
        #expect(structure.boilerplate.isEmpty)
    }

    @Test("A page without headings is one article")
    func noHeadings() {
        let text = "我院今年开展了对口支援工作，取得了较好的效果。\n\n全年共派出医务人员12名。"
        let structure = segment(text)
        #expect(structure.articles.count == 1)
        #expect(structure.articles[0].range == 0..<text.unicodeScalars.count)
        #expect(structure.articles[0].sections.isEmpty)
    }

    @Test("One huge line is one article")
    func hugeLine() {
        let text = String(repeating: "我院开展对口支援工作，派出医务人员。", count: 20_000)
        let structure = segment(text)
        #expect(structure.articles.count == 1)
        #expect(structure.articles[0].range.upperBound == text.unicodeScalars.count)
    }

    @Test("A page of boilerplate only has no article")
    func onlyBoilerplate() {
        let structure = segment("对口支援工作总结(精选5篇)\n\nID:7160322\n\n时间:2023-12-12 04:34:37\n\n关闭")
        #expect(structure.articles.isEmpty)
        #expect(structure.boilerplate.count >= 1)
    }

    @Test("Delimiters, headings, run-in headings, list items and levels")
    func smallPage() {
        let text = """
        对口支援工作总结(精选2篇)

        下面是小编整理的对口支援工作总结，欢迎阅读分享。

        对口支援工作总结篇一

        一、基本情况

        我院对口支援两所卫生院。

        （一）加强领导。成立了领导小组。

        1、全年门诊：15258人次；

        2、全年住院：445人次；

        二、存在的问题

        一是人员不足。二是经费紧张。

        对口支援工作总结篇二

        4三、下一步工作

        继续做好对口支援。
        """
        let structure = segment(text)
        #expect(structure.articles.count == 2)
        #expect(structure.boilerplate.count == 1)
        let first = structure.articles[0]
        #expect(first.title == "对口支援工作总结篇一")
        #expect(first.sections.map(\.heading) == ["一、基本情况", "二、存在的问题"])
        #expect(first.sections[0].children.map(\.heading) == ["（一）加强领导"])
        #expect(first.sections[0].children[0].level == 2)
        #expect(structure.articles[1].sections.map(\.heading) == ["三、下一步工作"])
    }

    /// Headings of every level, in document order.
    func headings(_ text: String) -> [String] {
        let structure = segment(text)
        return structure.articles.indices.flatMap { structure.flattenedSections(ofArticle: $0).map(\.heading) }
    }

    @Test("One-sentence items closed by 。 beside run-in headings are list items, not headings")
    func sentenceItemsAmongRunInHeadings() {
        let text = """
        对口支援工作计划

        一、主要措施

        （一）每月举办医疗培训讲座。今年计划培训中医诊疗规范、中医适宜技术等内容，提高受援单位的管理能力。

        （二）每月定期到受援单位进行中医诊疗指导。在开展中医适宜技术推广方面进行指导，不断提高服务能力。

        （三）免费安排受援单位医务人员来我院进修学习，不断提高人员队伍素质。

        （四）开展免费捐赠药品活动，帮助卫生院加快建设和发展。

        二、保障措施

        医院将对口支援工作列入年度考核，确保各项措施落到实处，取得实效。
        """
        #expect(headings(text) == ["一、主要措施", "（一）每月举办医疗培训讲座", "（二）每月定期到受援单位进行中医诊疗指导", "二、保障措施"])
    }

    @Test("Title lines closed by 。 are headings when their siblings are title lines, even an empty one")
    func titleLinesClosedByFullStop() {
        let text = """
        对口支援工作总结

        一、主要做法。

        （一）提高认识，加强领导。

        （二）精心组织，抓好落实。

        重新确定了对口支援关系，总结了项目工作，部署和推动城乡医院对口支援工作的深入开展。

        （三）强化措施，稳步推进。

        职称评审把对口支援经历作为重要的参评条件，广泛开展健康教育，提高群众自我保健意识。
        """
        #expect(headings(text) == ["一、主要做法", "（一）提高认识，加强领导", "（二）精心组织，抓好落实", "（三）强化措施，稳步推进"])
    }

    @Test("A numbered key and a placeholder value is a list item: 1.组长:***")
    func keyWithMaskedValue() {
        let text = """
        对口支援工作方案

        一、成立领导小组

        1.组长:***

        2.副组长:*** ***

        领导小组负责对口支援工作的组织协调，定期研究解决工作中遇到的问题，确保工作顺利开展。
        """
        #expect(headings(text) == ["一、成立领导小组"])
    }
}
