import Foundation
import Testing
@testable import Zongjie

/// Runs the validator over `Corpus/validate-heldout/cases.jsonl` and `cases-2.jsonl` (two rounds):
/// submissions with planted defects and clean look-alikes, written with their expected findings by
/// a reviewer who did not read the validator. A finding matches an expectation of the same rule whose span it overlaps; optional
/// expectations (debatable calls) count neither way. The floors sit below the measured figures
/// (README) and guard against regressions.
@Suite("Validation on the held-out review cases")
struct ValidationHeldOutTests {
    struct Case: Decodable {
        var id: String
        var text: String
        var expect: [Expectation]
    }

    struct Expectation: Decodable {
        var rule: String
        var text: String
        /// Code-point offset of `text` in the case's text.
        var start: Int
        var optional: Bool?
    }

    @Test("recall and precision of every rule but copied-text on the held-out cases")
    func heldOutCases() throws {
        var cases: [Case] = []
        for file in ["cases.jsonl", "cases-2.jsonl"] {
            let lines = try CorpusFiles.text("validate-heldout/\(file)").split(separator: "\n").filter { !$0.isEmpty }
            let round = try lines.map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
            #expect(round.count >= 20)
            cases += round
        }
        var configuration = ValidationConfiguration()
        configuration.disabled = ["copied-text"]
        let validator = Validator(configuration: configuration, references: nil)
        let analyzer = Analyzer(kinds: Validator.recordKinds)
        var found = 0, missed = 0, wrong = 0
        var misses: [String] = []
        for item in cases {
            let diagnostics = validator.validate(analyzer.analyze(Document(source: item.id, text: item.text)))
            var matched = Set<Int>()
            for expectation in item.expect {
                let span = expectation.start..<(expectation.start + expectation.text.unicodeScalars.count)
                let match = diagnostics.indices.first { index in
                    !matched.contains(index) && diagnostics[index].rule == expectation.rule
                        && diagnostics[index].start < span.upperBound && span.lowerBound < diagnostics[index].end
                }
                if let match {
                    matched.insert(match)
                    if expectation.optional != true { found += 1 }
                } else if expectation.optional != true {
                    missed += 1
                    misses.append("\(item.id): \(expectation.rule) «\(expectation.text)»")
                }
            }
            wrong += diagnostics.count - matched.count
        }
        let recall = Double(found) / Double(max(1, found + missed))
        let precision = Double(found) / Double(max(1, found + wrong))
        print("validate held-out: \(found) found, \(missed) missed, \(wrong) not expected; "
              + "recall \(String(format: "%.3f", recall)), precision \(String(format: "%.3f", precision))")
        for miss in misses { print("  missed \(miss)") }
        #expect(recall >= 0.85)
        #expect(precision >= 0.88)
    }
}
