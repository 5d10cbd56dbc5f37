import Foundation
import Testing
@testable import Zongjie

/// The validator on the five Corpus pages, every rule on, the bundled model essays as
/// references: it must report exactly the reviewed findings of `Corpus/validate/pages.jsonl`
/// (each there with a note saying why a reviewer agrees with it). A change of the rules that
/// adds, drops or moves a finding fails here until the snapshot is reviewed again
/// (`Tests/Scripts/validation_snapshot.py`).
@Suite("Validation of the Corpus pages against the reviewed snapshot")
struct ValidationSnapshotTests {
    struct Reviewed: Decodable, Hashable {
        var page: String
        var line: Int
        var start: Int
        var end: Int
        var rule: String
        var severity: String
        var text: String
        var review: String
    }

    struct Found: Hashable, CustomStringConvertible {
        var page: String
        var start: Int
        var end: Int
        var rule: String
        var severity: String
        var text: String
        var description: String { "\(page) [\(start), \(end)) \(rule) \(severity) “\(text)”" }
    }

    @Test("every finding on the pages is a reviewed one, and every reviewed one is found")
    func pagesMatchTheReviewedSnapshot() throws {
        let reviewed = try CorpusFiles.text("validate/pages.jsonl").split(separator: "\n").map {
            try JSONDecoder().decode(Reviewed.self, from: Data($0.utf8))
        }
        #expect(reviewed.allSatisfy { !$0.review.isEmpty && $0.review != "UNREVIEWED" })
        let expected = Set(reviewed.map { Found(page: $0.page, start: $0.start, end: $0.end, rule: $0.rule, severity: $0.severity, text: $0.text) })

        let validator = Validator(references: .bundled)
        let analyzer = Analyzer(kinds: Validator.recordKinds)
        var found: Set<Found> = []
        for page in CorpusFiles.pages {
            let document = try Document(source: "Corpus/" + page, bytes: CorpusFiles.bytes(page))
            for diagnostic in validator.validate(analyzer.analyze(document)) {
                found.insert(Found(page: String(page.dropFirst("pages/".count)), start: diagnostic.start, end: diagnostic.end,
                                   rule: diagnostic.rule, severity: diagnostic.severity.rawValue,
                                   text: document.text.string(in: diagnostic.start..<diagnostic.end)))
            }
        }
        let unexpected = found.subtracting(expected).sorted { ($0.page, $0.start) < ($1.page, $1.start) }
        let missing = expected.subtracting(found).sorted { ($0.page, $0.start) < ($1.page, $1.start) }
        #expect(unexpected.isEmpty, "findings not in the reviewed snapshot: \(unexpected.prefix(10))")
        #expect(missing.isEmpty, "reviewed findings no longer reported: \(missing.prefix(10))")
    }

    @Test("the reviewed findings the seed catalog names are in the snapshot")
    func catalogFindings() throws {
        let reviewed = try CorpusFiles.text("validate/pages.jsonl").split(separator: "\n").map {
            try JSONDecoder().decode(Reviewed.self, from: Data($0.utf8))
        }
        func has(_ page: String, _ rule: String, _ text: String) -> Bool {
            reviewed.contains { $0.page.hasPrefix(page) && $0.rule == rule && $0.text == text }
        }
        // 9.6: a coverage rate of 500%.
        #expect(has("003", "percent-range", "覆盖率达到500%以上"))
        // 9.7: the four ratio-as-increase statements of 001:27.
        #expect(reviewed.filter { $0.page.hasPrefix("001") && $0.rule == "growth" && $0.line == 27 && $0.severity == "warning" }.count == 4)
        // 9.8: the three totals the parts contradict, and none of the ones that add up.
        #expect(has("003", "totals", "约1000万元") && has("003", "totals", "50.56亿元") && has("003", "totals", "200名"))
        #expect(reviewed.filter { $0.rule == "totals" }.count == 3)
        // 1.3: the signature date 2011年5月10日 below a body that starts in 2015.
        #expect(has("002", "date-after-signature", "2015年2月"))
        // 6.3: 20xx年2月29日 is not an impossible date.
        #expect(!reviewed.contains { $0.rule == "date-invalid" })
    }
}
