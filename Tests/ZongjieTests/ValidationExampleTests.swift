import Foundation
import Testing
@testable import Zongjie

/// Runs the positive and negative examples of every validation rule (`Corpus/validate/<rule>.jsonl`):
/// each document, with only that rule enabled, must give exactly the expected findings.
@Suite("Validation rules on their examples")
struct ValidationExampleTests {
    struct Example: Decodable {
        struct Reference: Decodable { var name: String; var text: String }
        var text: String
        var expect: [String]
        var note: String?
        var reference: [Reference]?
    }

    static func examples(_ rule: String) throws -> [Example] {
        let text = try CorpusFiles.text("validate/\(rule).jsonl")
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map {
            try JSONDecoder().decode(Example.self, from: Data($0.utf8))
        }
    }

    static func findings(_ example: Example, rule: String) -> [Diagnostic] {
        var configuration = ValidationConfiguration()
        configuration.select([rule])
        var references: ReferenceCollection?
        if let reference = example.reference {
            references = ReferenceCollection(reference.map { ($0.name, nil, Document(source: $0.name, text: $0.text)) })
        }
        let validator = Validator(configuration: configuration, references: references)
        let document = Document(source: "example", text: example.text)
        return validator.validate(Analyzer(kinds: Validator.recordKinds).analyze(document))
    }

    @Test("every rule has examples, positive and negative", arguments: RuleCatalog.ids)
    func everyRuleHasExamples(rule: String) throws {
        let examples = try Self.examples(rule)
        #expect(examples.contains { !$0.expect.isEmpty }, "\(rule) has no positive example")
        #expect(examples.contains { $0.expect.isEmpty }, "\(rule) has no negative example")
    }

    @Test("the rule finds exactly what its examples expect", arguments: RuleCatalog.ids)
    func examplesGiveTheirFindings(rule: String) throws {
        for example in try Self.examples(rule) {
            let diagnostics = Self.findings(example, rule: rule)
            let texts = diagnostics.map { diagnostic -> String in
                let scalars = Array(example.text.unicodeScalars)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[diagnostic.start..<diagnostic.end])
                return String(view)
            }
            #expect(texts == example.expect, "\(rule): \(example.note ?? example.text.prefix(40).description) → \(diagnostics.map(\.message))")
            #expect(diagnostics.allSatisfy { $0.rule == rule && !$0.message.isEmpty })
        }
    }
}
