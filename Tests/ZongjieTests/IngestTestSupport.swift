import Foundation
import Zongjie
@testable import ZongjieIngest

/// Helpers shared by the ingest tests.
enum IngestFixtures {
    static func path(_ relative: String) -> String { CorpusFiles.url("fixtures/ingest/" + relative).path }

    /// A fresh temporary folder, removed by the caller with `remove`.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "zongjie-ingest-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs the pipeline over `paths` into a collecting sink.
    static func collect(_ paths: [String], threads: Int = 2, kinds: Set<RecordKind> = RecordKind.defaults,
                        maximumFileBytes: Int = IngestOptions.defaultMaximumFileBytes, window: Int? = nil,
                        standardInput: FileHandle = .nullDevice) throws -> (documents: [IngestedDocument], statistics: IngestStatistics) {
        let sink = CollectingSink()
        let options = IngestOptions(paths: paths, threads: threads, kinds: kinds, maximumFileBytes: maximumFileBytes,
                                    window: window, standardInput: standardInput)
        let statistics = try IngestPipeline(options: options).run(into: sink)
        return (sink.documents, statistics)
    }

    /// One line per document (and one per record) that captures everything a sink would write,
    /// for comparing runs.
    static func fingerprint(_ documents: [IngestedDocument]) -> [String] {
        var lines: [String] = []
        for document in documents {
            var object = JSONObjectWriter()
            object.add("sequence", document.sequence)
            object.add("source", document.source)
            object.add("member", document.member)
            object.add("status", document.status.rawValue)
            object.add("failure", document.failure?.description)
            object.add("hash", document.contentHash)
            object.add("encoding", document.encoding)
            object.add("chars", document.characterCount)
            object.add("articles", document.structure?.articles.map { "\($0.range)" } ?? [])
            object.add("sections", document.sections.map { "\($0.ordinal):\($0.heading)" })
            lines.append(object.finish())
            for (index, record) in document.records.enumerated() {
                lines.append(record.jsonLine(source: document.source, id: document.member) + " \(String(describing: document.recordSections[index]))")
            }
        }
        return lines
    }

    /// A stand-in document with records of every kind, for sink tests (independent of what the
    /// extractors find).
    static func sampleDocument(sequence: Int = 0, source: String = "reports/a.txt", member: String? = nil,
                               hash: String = "h1") -> IngestedDocument {
        let section = Section(heading: "一、基本情况", headingRange: 10..<16, style: .chineseEnumeration, level: 1,
                              range: 10..<200, children: [
                                  Section(heading: "（一）派出人员", headingRange: 20..<27, style: .bracketedChinese, level: 2, range: 20..<120),
                              ])
        let structure = PageStructure(boilerplate: [0..<5], articles: [
            Article(title: "对口支援工作总结", range: 0..<200, sections: [section], 
                    author: ArticleAuthor(name: "某某医院", type: .hospital, masked: false, start: 190, end: 194, evidence: .signature)),
        ])
        let records = [
            Record(start: 30, end: 33, text: "19名", rule: "count.test",
                   value: .count(CountValue(value: 19, low: 19, high: 19, qualifier: .exact, unit: "名", object: "医务人员")),
                   article: 0, section: ["一、基本情况", "（一）派出人员"]),
            Record(start: 40, end: 47, text: "1.22亿元", rule: "money.test",
                   value: .money(MoneyValue(amount: 122_000_000, low: 122_000_000, high: 122_000_000, qualifier: .approx, currency: "CNY")),
                   article: 0, section: ["一、基本情况", "（一）派出人员"]),
            Record(start: 130, end: 140, text: "2019年3月至6月", rule: "date.test",
                   value: .date(DateValue(year: 2019, month: 3, day: nil, masked: false, to: DatePoint(year: 2019, month: 6))),
                   article: 0, section: ["一、基本情况"]),
            Record(start: 150, end: 158, text: "新疆师范大学", rule: "institution.test",
                   value: .institution(InstitutionValue(name: "新疆师范大学", type: .university, masked: false)),
                   article: 0, section: ["一、基本情况"]),
            Record(start: 160, end: 170, text: "每年选派5名教师", rule: "dispatch.test",
                   value: .dispatch(DispatchValue(count: 5, unit: "名", staff: "教师", verb: "选派", from: "我校", batches: 2, per: "每年")),
                   article: 0, section: ["一、基本情况"]),
            Record(start: 175, end: 180, text: "23.4%", rule: "percent.test",
                   value: .percent(PercentValue(value: 23.4, low: 23.4, high: 23.4, qualifier: .exact)),
                   article: 0, section: ["一、基本情况"]),
        ]
        var document = IngestedDocument(sequence: sequence, source: source, member: member, format: .text, status: .ok,
                                        byteCount: 600, contentHash: hash, encoding: "UTF-8", characterCount: 200,
                                        warnings: ["byte 3: 1 malformed UTF-8 sequence replaced by U+FFFD"],
                                        structure: structure, sections: structure.flattenedSections(), records: records)
        document.recordSections = records.map { structure.innermostSectionOrdinal(containing: $0.start, inArticle: 0) }
        return document
    }
}

/// A sink that keeps what it is given.
final class CollectingSink: IngestSink {
    var documents: [IngestedDocument] = []
    var began = false
    var finished = false
    var abandoned = false

    func begin(_ run: IngestRunInfo) throws { began = true }
    func write(_ document: IngestedDocument) throws { documents.append(document) }
    func finish(_ statistics: IngestStatistics) throws { finished = true }
    func abandon(_ statistics: IngestStatistics) { abandoned = true }
}
