import Foundation
import Testing
@testable import Zongjie

/// Runs the positive and negative examples of the segmentation rules (`Corpus/structure/<rule>.jsonl`,
/// see its README): each page must give exactly the boilerplate, articles and headings expected.
@Suite("Structure rules on their examples")
struct StructureExampleTests {
    struct Example: Decodable {
        struct ExpectedArticle: Decodable, Equatable, CustomStringConvertible {
            var title: String
            /// `"一、主要做法"`, `"  （一）加强领导"`: two spaces per level below the first.
            var headings: [String]
            var description: String { "\(title) \(headings)" }
        }
        struct Expected: Decodable {
            var boilerplate: [String]
            var articles: [ExpectedArticle]
        }
        var text: String
        var expect: Expected
        /// A trap the rule must not fall into (a genuine heading that looks like a list item, body
        /// text that looks like UI text).
        var negative: Bool?
        var note: String?
    }

    static let rules = ["list-items", "trailing-ui", "blurb", "levels", "contents"]

    static func examples(_ rule: String) throws -> [Example] {
        let text = try CorpusFiles.text("structure/\(rule).jsonl")
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map {
            try JSONDecoder().decode(Example.self, from: Data($0.utf8))
        }
    }

    static func slice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The article outline in the examples' notation.
    static func outline(_ structure: PageStructure) -> [Example.ExpectedArticle] {
        structure.articles.indices.map { index in
            let headings = structure.flattenedSections(ofArticle: index).map {
                String(repeating: "  ", count: max(0, $0.level - 1)) + $0.heading
            }
            return Example.ExpectedArticle(title: structure.articles[index].title, headings: headings)
        }
    }

    @Test("every rule has examples, positive and negative", arguments: rules)
    func everyRuleHasExamples(rule: String) throws {
        let examples = try Self.examples(rule)
        #expect(examples.count >= 2)
        #expect(examples.contains { $0.negative == true }, "\(rule) has no negative example")
        #expect(examples.contains { $0.negative != true }, "\(rule) has no positive example")
    }

    @Test("the segmenter gives exactly what the examples expect", arguments: rules)
    func examplesGiveTheirStructure(rule: String) throws {
        for example in try Self.examples(rule) {
            let structure = Segmenter().segment(Document(source: "example", text: example.text))
            let scalars = Array(example.text.unicodeScalars)
            let label = example.note ?? String(example.text.prefix(30))
            #expect(structure.boilerplate.map { Self.slice(scalars, $0) } == example.expect.boilerplate, "\(rule): \(label)")
            #expect(Self.outline(structure) == example.expect.articles, "\(rule): \(label)")
            // An article never starts inside boilerplate.
            for article in structure.articles {
                #expect(!structure.boilerplate.contains { $0.contains(article.range.lowerBound) },
                        "\(rule): \(label): article «\(article.title)» starts in boilerplate")
            }
        }
    }
}
