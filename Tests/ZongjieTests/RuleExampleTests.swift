import Foundation
import Testing
@testable import Zongjie

/// Runs every positive and negative example of Corpus/rules/*.jsonl (see its README): each rule
/// sits beside its examples, and an expression with two readings fails.
@Suite("Rule examples")
struct RuleExampleTests {
    struct Example: CustomStringConvertible {
        var file: String
        var line: Int
        var rule: String
        var text: String
        var expect: [[String: Any]]
        var kinds: [String]
        var description: String { "\(file):\(line) [\(rule)] \(text)" }
    }

    static func examples() throws -> [Example] {
        let folder = CorpusFiles.url("rules")
        var all: [Example] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".jsonl") }).sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n").enumerated() {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                let rule = object["rule"] as! String
                let kinds = (object["kinds"] as? [String]) ?? [String(rule.split(separator: ".")[0])]
                all.append(Example(file: file, line: index + 1, rule: rule, text: object["text"] as! String,
                                   expect: object["expect"] as! [[String: Any]], kinds: kinds))
            }
        }
        return all
    }

    /// The JSON object of a record, as `zongjie extract` prints it.
    static func json(_ record: Record) -> [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(record.jsonLine(source: "t").utf8)) as! [String: Any]
    }

    static func matches(_ expected: Any, _ actual: Any?) -> Bool {
        switch expected {
        case is NSNull:
            return actual == nil || actual is NSNull
        case let number as NSNumber where !(expected is Bool):
            guard let other = actual as? NSNumber else { return false }
            return abs(number.doubleValue - other.doubleValue) <= 1e-9 * max(1, abs(number.doubleValue))
        case let object as [String: Any]:
            guard let other = actual as? [String: Any] else { return false }
            return object.allSatisfy { matches($0.value, other[$0.key]) }
        default:
            return "\(expected)" == "\(actual ?? "nil")"
        }
    }

    @Test("Every example of every rule")
    func examples() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 100)
        var rules: [String: (positive: Int, negative: Int)] = [:]
        for example in examples {
            var kinds = Set(example.kinds.compactMap(RecordKind.init(rawValue:)))
            for item in example.expect { if let kind = RecordKind(rawValue: item["kind"] as! String) { kinds.insert(kind) } }
            let analysis = Analyzer(kinds: kinds).analyze(Document(source: "example", text: example.text))
            let records = analysis.records.map { ($0, Self.json($0)) }
            if example.expect.isEmpty {
                rules[example.rule, default: (0, 0)].negative += 1
                let unwanted = records.filter { example.kinds.contains($0.1["kind"] as! String) }
                #expect(unwanted.isEmpty, "\(example): unexpected \(unwanted.map { $0.0.text })")
            } else {
                rules[example.rule, default: (0, 0)].positive += 1
                for item in example.expect {
                    let candidates = records.filter { $0.1["kind"] as? String == item["kind"] as? String && $0.1["text"] as? String == item["text"] as? String }
                    guard let (record, object) = candidates.first else {
                        Issue.record("\(example): missing \(item["kind"]!) «\(item["text"]!)»; got \(records.map { "\($0.0.kind.rawValue) «\($0.0.text)»" })")
                        continue
                    }
                    for (key, value) in item where key != "kind" && key != "text" {
                        #expect(Self.matches(value, object[key]), "\(example): \(key) of «\(record.text)» is \(object[key] ?? "nil"), expected \(value)")
                    }
                    #expect(record.rule == example.rule, "\(example): «\(record.text)» came from rule \(record.rule)")
                }
            }
            // One reading per expression: no two records of one kind overlap.
            for kind in kinds {
                let ofKind = analysis.records.filter { $0.kind == kind }.sorted { $0.start < $1.start }
                for (a, b) in zip(ofKind, ofKind.dropFirst()) where b.start < a.end && kind != .dispatch {
                    Issue.record("\(example): two readings «\(a.text)» and «\(b.text)»")
                }
            }
        }
        // Every extraction rule has examples of both signs.
        for rule in ["count.measure", "money.amount", "date.calendar", "institution.suffix", "dispatch.verb-figure"] {
            let counts = rules[rule] ?? (0, 0)
            #expect(counts.positive > 0 && counts.negative > 0, "\(rule) lacks positive or negative examples")
        }
    }
}
