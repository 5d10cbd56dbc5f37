import Foundation
import GRDB
import Testing
import Zongjie
@testable import ZongjieIngest

@Suite("Ingest into SQLite: re-runs and resume")
struct IngestSQLiteRunTests {
    static func counts(_ path: String) throws -> [String: Int] {
        try DatabaseQueue(path: path).read { db in
            var counts: [String: Int] = [:]
            for table in ["documents", "articles", "sections", "records", "numerals", "runs"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
            counts["finished"] = try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL")
            return counts
        }
    }

    static func ingest(_ paths: [String], into path: String, threads: Int = 2, kinds: Set<RecordKind> = RecordKind.defaults,
                       wrap: ((IngestSink) -> IngestSink)? = nil) throws -> IngestStatistics {
        let sqlite = try SQLiteSink(path: path, batchDocuments: 1)
        let sink = wrap?(sqlite) ?? sqlite
        return try IngestPipeline(options: IngestOptions(paths: paths, threads: threads, kinds: kinds)).run(into: sink)
    }

    @Test("Re-running over the same archive adds nothing twice")
    func idempotent() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let database = folder + "/corpus.sqlite"
        let paths = [IngestFixtures.path("archive.zip"), CorpusFiles.url("pages").path]
        let first = try Self.ingest(paths, into: database)
        let before = try Self.counts(database)
        #expect(first.ok == 11 && first.unchanged == 0)
        let second = try Self.ingest(paths, into: database, threads: 1)
        let after = try Self.counts(database)
        #expect(second.ok == 0)
        #expect(second.unchanged == first.ok)
        #expect(second.failed == first.failed && second.skipped == first.skipped)
        #expect(after["documents"] == before["documents"])
        #expect(after["articles"] == before["articles"])
        #expect(after["records"] == before["records"])
        #expect(after["runs"] == 2 && after["finished"] == 2)
    }

    @Test("A changed file replaces its document: the old rows go (its numerals too) and none is left without its document")
    func changedFileIsReplaced() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let reports = folder + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let pages = CorpusFiles.pages
        try Data(CorpusFiles.bytes(pages[0])).write(to: URL(fileURLWithPath: reports + "/a.txt"))
        try Data(CorpusFiles.bytes(pages[1])).write(to: URL(fileURLWithPath: reports + "/b.txt"))
        let database = folder + "/out.sqlite"
        let kinds = Set(RecordKind.allCases)
        _ = try Self.ingest([reports], into: database, kinds: kinds)
        // b.txt now holds another report.
        try Data(CorpusFiles.bytes(pages[4])).write(to: URL(fileURLWithPath: reports + "/b.txt"))
        let second = try Self.ingest([reports], into: database, kinds: kinds)
        #expect(second.ok == 1 && second.unchanged == 1)
        // The same rows as a fresh run over the new files.
        let fresh = folder + "/fresh.sqlite"
        _ = try Self.ingest([reports], into: fresh, kinds: kinds)
        var replaced = try Self.counts(database)
        var expected = try Self.counts(fresh)
        replaced["runs"] = nil; replaced["finished"] = nil
        expected["runs"] = nil; expected["finished"] = nil
        #expect(replaced == expected)
        #expect(replaced["numerals"] == 2)
        try DatabaseQueue(path: database).read { db in
            for table in ["records", "numerals", "sections", "articles"] {
                let orphans = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM \(table) WHERE document_id NOT IN (SELECT id FROM documents)
                    """)
                #expect(orphans == 0, "\(table) has rows of a replaced document")
            }
        }
    }

    @Test("An interrupted run leaves whole documents only, and a re-run completes it")
    func resume() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let database = folder + "/corpus.sqlite"
        let paths = [CorpusFiles.url("pages").path, IngestFixtures.path("archive.zip")]
        // A sink that dies after three documents, as a crash or a full disk would stop a run.
        #expect(throws: SimulatedCrash.self) {
            _ = try Self.ingest(paths, into: database, wrap: { CrashingSink(wrapping: $0, after: 3) })
        }
        let partial = try Self.counts(database)
        #expect(partial["documents"] == 3)
        #expect(partial["finished"] == 0)
        try DatabaseQueue(path: database).read { db in
            // Every stored ok document has its article rows (nothing half-written).
            let orphans = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM documents d WHERE d.status = 'ok' AND d.chars > 0
                AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.document_id = d.id)
                """)
            #expect(orphans == 0)
        }
        let resumed = try Self.ingest(paths, into: database)
        #expect(resumed.unchanged == 3)
        let complete = try Self.counts(database)

        let fresh = folder + "/fresh.sqlite"
        let reference = try Self.ingest(paths, into: fresh)
        let expected = try Self.counts(fresh)
        #expect(resumed.ok + resumed.unchanged == reference.ok)
        #expect(complete["documents"] == expected["documents"])
        #expect(complete["articles"] == expected["articles"])
        #expect(complete["records"] == expected["records"])
        func rows(_ path: String) throws -> [String] {
            try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: """
                    SELECT source || '|' || member || '|' || status || '|' || ifnull(content_hash, '') || '|' || ifnull(chars, '')
                    FROM documents ORDER BY source, member
                    """)
            }
        }
        #expect(try rows(database) == rows(fresh))
    }

    @Test("The database has the same rows, in the same order, for 1 and 3 threads")
    func deterministicDatabase() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let paths = [CorpusFiles.url("pages").path, IngestFixtures.path("archive.zip"), CorpusFiles.url("fixtures/encodings").path]
        _ = try Self.ingest(paths, into: folder + "/one.sqlite", threads: 1, kinds: Set(RecordKind.allCases))
        _ = try Self.ingest(paths, into: folder + "/three.sqlite", threads: 3, kinds: Set(RecordKind.allCases))
        func dump(_ path: String) throws -> [String] {
            try DatabaseQueue(path: path).read { db in
                var lines: [String] = []
                for table in ["documents", "articles", "sections", "records", "numerals"] {
                    let order = table == "numerals" ? "document_id" : "id"
                    for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                        lines.append(table + " " + row.description)
                    }
                }
                return lines
            }
        }
        let one = try dump(folder + "/one.sqlite")
        #expect(one.count > 20)
        #expect(one == (try dump(folder + "/three.sqlite")))
    }

    @Test("With all seven kinds, all_records holds every record the Analyzer gives for each Corpus page, numbers and percentages (packed into numerals) included, with their values")
    func allRecordsMatchTheAnalyzer() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let database = folder + "/out.sqlite"
        let pages = CorpusFiles.url("pages").path
        _ = try Self.ingest([pages], into: database, kinds: Set(RecordKind.allCases))
        let analyzer = Analyzer(kinds: Set(RecordKind.allCases))
        func key(kind: String, start: Int, end: Int, text: String, rule: String, article: Int?, section: String, value: Double?) -> String {
            "\(start) \(kind) \(end) \(text) \(rule) \(article ?? -1) \(section) \(value.map { "\($0)" } ?? "-")"
        }
        try DatabaseQueue(path: database).read { db in
            var numerals = 0
            for name in CorpusFiles.pages {
                let path = CorpusFiles.url(name).path
                let records = analyzer.analyze(try Document.read(path: path)).records
                let expected = records.map { record in
                    var value: Double?
                    if case .number(let number) = record.value { value = number.value }
                    if case .percent(let percent) = record.value { value = percent.value }
                    return key(kind: record.kind.rawValue, start: record.start, end: record.end, text: record.text, rule: record.rule,
                               article: record.article, section: JSONObjectWriter.quotedArray(record.section), value: value)
                }
                let stored = try Row.fetchAll(db, sql: """
                    SELECT r.* FROM all_records r JOIN documents d ON d.id = r.document_id WHERE d.source LIKE '%' || ?
                    """, arguments: ["/" + (name as NSString).lastPathComponent]).map { row in
                    let kind: String = row["kind"]
                    return key(kind: kind, start: row["start"], end: row["end"], text: row["text"], rule: row["rule"],
                               article: row["article"], section: row["section"],
                               value: kind == "number" || kind == "percent" ? row["value"] : nil)
                }
                #expect(stored.sorted() == expected.sorted(), "\(name)")
                numerals += records.filter { PackedNumerals.packs($0.kind) }.count
            }
            #expect(numerals > 1000)
            #expect(try Int.fetchOne(db, sql: "SELECT sum(count) FROM numerals") == numerals)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE kind IN ('number', 'percent')") == 0)
        }
    }

    @Test("A database with some documents already present gets only the rest")
    func partialDatabase() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let database = folder + "/corpus.sqlite"
        let pages = CorpusFiles.url("pages").path
        let some = CorpusFiles.pages.prefix(2).map { CorpusFiles.url($0).path }
        _ = try Self.ingest(some, into: database)
        let statistics = try Self.ingest([pages], into: database)
        #expect(statistics.unchanged == 2)
        #expect(statistics.ok == CorpusFiles.pages.count - 2)
        #expect(try Self.counts(database)["documents"] == CorpusFiles.pages.count)
    }

    @Test("A process killed inside a transaction leaves a journal; the next run rolls it back and loses no commit")
    func killedInsideTransaction() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let database = folder + "/corpus.sqlite"
        let crashed = folder + "/crashed.sqlite"
        let pages = CorpusFiles.pages.map { CorpusFiles.url($0).path }
        _ = try Self.ingest([pages[0]], into: database)
        // What a kill leaves: the files as they are in the middle of a transaction that has
        // already written pages into the database (a one-page cache makes it spill), copied
        // while the writer still holds its lock.
        let writer = try DatabaseQueue(path: database)
        try writer.inDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = 1")
            try db.execute(sql: "BEGIN IMMEDIATE")
            for index in 0..<500 {
                try db.execute(sql: "INSERT INTO documents (source, status, bytes, text) VALUES (?, 'ok', 1, ?)",
                               arguments: ["half-\(index).txt", String(repeating: "援", count: 1000)])
            }
            try FileManager.default.copyItem(atPath: database, toPath: crashed)
            try FileManager.default.copyItem(atPath: database + "-journal", toPath: crashed + "-journal")
            try db.execute(sql: "ROLLBACK")
        }
        let journalBytes = try FileManager.default.attributesOfItem(atPath: crashed + "-journal")[.size] as? Int ?? 0
        #expect(journalBytes > 0)
        let statistics = try Self.ingest(Array(pages.prefix(2)), into: crashed)
        #expect(statistics.unchanged == 1 && statistics.ok == 1)
        let (integrity, halfWritten, documents) = try DatabaseQueue(path: crashed).read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM documents WHERE source LIKE 'half-%'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM documents"))
        }
        #expect(integrity == "ok")
        #expect(halfWritten == 0)
        #expect(documents == 2)
        #expect(!FileManager.default.fileExists(atPath: crashed + "-journal"))
    }
}

struct SimulatedCrash: Error {}

/// Passes documents through, then fails like a crash: the pipeline abandons the run.
final class CrashingSink: IngestSink {
    let inner: IngestSink
    var remaining: Int

    init(wrapping inner: IngestSink, after count: Int) {
        self.inner = inner
        remaining = count
    }

    func begin(_ run: IngestRunInfo) throws { try inner.begin(run) }
    func write(_ document: IngestedDocument) throws {
        if remaining == 0 { throw SimulatedCrash() }
        remaining -= 1
        try inner.write(document)
    }
    func finish(_ statistics: IngestStatistics) throws { try inner.finish(statistics) }
    func abandon(_ statistics: IngestStatistics) { inner.abandon(statistics) }
    func upToDateCheck(kinds: Set<RecordKind>) -> (@Sendable (String, String?, String) -> Bool)? { inner.upToDateCheck(kinds: kinds) }
}
