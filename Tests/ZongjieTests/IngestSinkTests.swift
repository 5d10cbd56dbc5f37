import CSV
import Foundation
import GRDB
import PropertyBased
import Testing
import Zongjie
@testable import ZongjieIngest

@Suite("Ingest sinks")
struct IngestSinkTests {
    static let run = IngestRunInfo(arguments: ["ingest", "test"], kinds: Set(RecordKind.allCases), threads: 1,
                                   startedAt: "2024-01-01T00:00:00Z")

    static func failedDocument(sequence: Int) -> IngestedDocument {
        .notRead(sequence: sequence, source: "reports/b.txt", member: nil, format: .text,
                 failure: IngestFailure(.binary, "NUL byte at offset 0"), byteCount: 12)
    }

    static func skippedDocument(sequence: Int) -> IngestedDocument {
        .notRead(sequence: sequence, source: "reports.zip", member: "scan.pdf", format: nil,
                 failure: IngestFailure(.unsupportedType, ".pdf files are not read"), byteCount: 40)
    }

    @Test("SQLite: documents, articles, sections and records with their typed columns")
    func sqliteRows() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let path = folder + "/out.sqlite"
        let sink = try SQLiteSink(path: path)
        try sink.begin(Self.run)
        try sink.write(IngestFixtures.sampleDocument(sequence: 0, source: "reports.zip", member: "a/总结.txt"))
        try sink.write(Self.failedDocument(sequence: 1))
        try sink.write(Self.skippedDocument(sequence: 2))
        try sink.finish(IngestStatistics())

        let db = try DatabaseQueue(path: path)
        try db.read { db in
            #expect(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") == "6")
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
            let documents = try Row.fetchAll(db, sql: "SELECT * FROM documents ORDER BY id")
            #expect(documents.map { $0["status"] as String } == ["ok", "failed", "skipped"])
            #expect(documents[0]["member"] as String == "a/总结.txt")
            #expect(documents[1]["member"] as String == "")
            #expect(documents[1]["reason"] as String == "binary")
            #expect(documents[2]["error"] as String == ".pdf files are not read")
            #expect(documents[0]["records"] as Int == 6)
            #expect(documents[0]["boilerplate"] as String == "[[0,5]]")
            #expect(documents[0]["kinds"] as String == "count,money,date,institution,dispatch,number,percent")

            let article = try #require(try Row.fetchOne(db, sql: "SELECT * FROM articles"))
            #expect(article["title"] as String == "对口支援工作总结")
            #expect(article["author"] as String == "某某医院")
            #expect(article["author_type"] as String == "hospital")
            #expect(article["author_start"] as Int == 190)
            #expect(article["author_end"] as Int == 194)
            #expect(article["author_evidence"] as String == "signature")
            let sections = try Row.fetchAll(db, sql: "SELECT * FROM sections ORDER BY ordinal")
            #expect(sections.map { $0["heading"] as String } == ["一、基本情况", "（一）派出人员"])
            #expect(sections[1]["parent_id"] as Int64 == sections[0]["id"] as Int64)
            #expect(sections[1]["level"] as Int == 2)

            // The percentage is packed into `numerals`; `all_records` gives it with the columns of `records`.
            #expect(try String.fetchAll(db, sql: "SELECT kind FROM records ORDER BY start") == ["count", "money", "date", "institution", "dispatch"])
            let numerals = try #require(try Row.fetchOne(db, sql: "SELECT * FROM numerals"))
            #expect(numerals["document_id"] as Int64 == documents[0]["id"] as Int64 && numerals["count"] as Int == 1)
            let records = try Row.fetchAll(db, sql: "SELECT * FROM all_records ORDER BY start")
            #expect(records.map { $0["kind"] as String } == ["count", "money", "date", "institution", "dispatch", "percent"])
            #expect(records.allSatisfy { ($0["source"] as String) == "reports.zip" && ($0["member"] as String) == "a/总结.txt" })
            let count = records[0], money = records[1], date = records[2], institution = records[3], dispatch = records[4]
            #expect(count["value"] as Double == 19 && count["unit"] as String == "名" && count["object"] as String == "医务人员")
            #expect(count["section"] as String == "[\"一、基本情况\",\"（一）派出人员\"]")
            #expect(count["section_id"] as Int64 == sections[1]["id"] as Int64)
            #expect(date["section_id"] as Int64 == sections[0]["id"] as Int64)
            #expect(money["amount"] as Double == 122_000_000 && money["qualifier"] as String == "approx" && money["currency"] as String == "CNY")
            #expect(date["year"] as Int == 2019 && date["month"] as Int == 3 && (date["day"] as Int?) == nil)
            #expect(date["to_month"] as Int == 6 && date["masked"] as Bool == false)
            #expect(institution["name"] as String == "新疆师范大学" && institution["type"] as String == "university")
            #expect(dispatch["value"] as Double == 5 && dispatch["sender"] as String == "我校" && dispatch["batches"] as Int == 2)
            #expect(dispatch["per"] as String == "每年" && dispatch["staff"] as String == "教师" && dispatch["verb"] as String == "选派")
            let percent = records[5]
            #expect(percent["value"] as Double == 23.4 && percent["qualifier"] as String == "exact")
            #expect((percent["id"] as Int64?) == nil && percent["rule"] as String == "percent.test")
            #expect(percent["section_id"] as Int64 == sections[0]["id"] as Int64)
            let run = try #require(try Row.fetchOne(db, sql: "SELECT * FROM runs"))
            #expect((run["finished_at"] as String?) != nil)
        }
    }

    @Test("SQLite: many records per document (statements of 16, 8, 4, 2 and 1 rows), encoded by a worker or not, are stored kind by kind in text order with every value",
          arguments: [false, true])
    func sqliteManyRecords(preparedByWorker: Bool) throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let path = folder + "/out.sqlite"
        var document = IngestFixtures.sampleDocument(sequence: 0, source: "reports.zip", member: "a/总结.txt")
        // 31 copies of six records of six kinds: per kind, statements of 16, 8, 4, 2 and 1 rows.
        let copies = 31
        let base = document.records
        document.records = (0..<copies).flatMap { copy in
            base.map { record in
                var record = record
                record.text = copy == 3 ? "引号\"与\n换行\(copy)" : record.text + String(copy)
                return record
            }
        }
        document.recordSections = (0..<copies).flatMap { _ in IngestFixtures.sampleDocument().recordSections }
        let sink = try SQLiteSink(path: path)
        if preparedByWorker { sink.documentPreparer()?(&document) }
        #expect((document.encodedRecordRows != nil) == preparedByWorker)
        try sink.begin(Self.run)
        try sink.write(document)
        try sink.finish(IngestStatistics())
        try DatabaseQueue(path: path).read { db in
            // Kind by kind, each kind's records in text order; the numerals (here the percentages) last, packed.
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM records ORDER BY id")
                + Row.fetchAll(db, sql: "SELECT * FROM numeral_records ORDER BY document_id, item")
            #expect(rows.count == 6 * copies)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM records") == 5 * copies)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM all_records") == 6 * copies)
            let expected = document.records.enumerated()
                .sorted { ($0.element.kind.order, $0.offset) < ($1.element.kind.order, $1.offset) }.map(\.element)
            #expect(rows.map { $0["start"] as Int } == expected.map(\.start))
            for (row, record) in zip(rows, expected) {
                #expect(row["text"] as String == record.text)
                #expect(row["kind"] as String == record.kind.rawValue)
                #expect(row["start"] as Int == record.start && row["end"] as Int == record.end)
                #expect(row["rule"] as String == record.rule)
                #expect(row["source"] as String == "reports.zip" && row["member"] as String == "a/总结.txt")
                // The kind's fields hold the record's values, every other typed column is NULL.
                var fields = FieldValues()
                RecordColumns.visit(record.value, &fields)
                for field in RecordColumns.Field.allCases {
                    switch fields.values[field] {
                    case .real(let value): #expect((row[field.rawValue] as Double?) == value, "\(field)")
                    case .integer(let value): #expect((row[field.rawValue] as Int?) == value, "\(field)")
                    case .bool(let value): #expect((row[field.rawValue] as Bool?) == value, "\(field)")
                    case .text(let value): #expect((row[field.rawValue] as String?) == value, "\(field)")
                    case nil: #expect((row[field.rawValue] as DatabaseValue).isNull, "\(field)")
                    }
                }
                #expect(row["section"] as String == JSONObjectWriter.quotedArray(record.section))
            }
            #expect(Set(rows.map { $0["section"] as String }) == ["[\"一、基本情况\",\"（一）派出人员\"]", "[\"一、基本情况\"]"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM all_records WHERE section_id IS NULL") == 0)
        }
    }

    @Test("Packed numerals: one JSON item per number or percentage, in record order, with integers of every width, exact reals, escaped texts and null where nothing is known")
    func packedNumerals() throws {
        let values: [Double] = [0, -7, 10, 99, 100, 1e15, 9_007_199_254_740_993, 0.1, -2.5, 4_277_000_000.000_000_5, 2.0 / 3.0]
        var document = IngestFixtures.sampleDocument()
        let count = document.records[0]
        document.records = [count] + values.enumerated().map { index, value in
            let starts = [0, 9, 10, 99, 100, 999, 1000, 12345, 1 << 40, Int(Int64.max) - 1, 7]
            let numeral = NumberValue(value: value, low: value, high: index == 1 ? 5 : value, qualifier: index == 2 ? .approx : .exact)
            return Record(start: starts[index], end: starts[index] + 1, text: index == 3 ? "引号\"与\n换行\u{2028}" : "数\(index)",
                          rule: index % 2 == 0 ? "number.numeral" : "percent.test",
                          value: index % 2 == 0 ? .number(numeral)
                              : .percent(PercentValue(value: value, low: value, high: numeral.high, qualifier: numeral.qualifier)),
                          article: index == 4 ? nil : 0, section: index == 5 ? [] : ["一、基本情况"])
        }
        document.recordSections = [0] + values.indices.map { $0 == 5 ? nil : 0 }
        #expect(RecordColumns.fields(of: .number) == [.value, .low, .high, .qualifier])
        #expect(RecordColumns.fields(of: .percent) == [.value, .low, .high, .qualifier])
        let packed = try #require(PackedNumerals(document))
        #expect(packed.count == values.count)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(packed.items)) as? [[Any]])
        #expect(items.count == values.count)
        // Reals are read back by SQLite, whose view reads them (Foundation's parser rounds some).
        let sqlite = try DatabaseQueue()
        let json = String(decoding: packed.items, as: UTF8.self)
        for (position, (item, record)) in zip(items, document.records.dropFirst()).enumerated() {
            #expect(item.count == 12)
            #expect(item[0] as? String == record.kind.rawValue)
            #expect((item[1] as? NSNumber)?.int64Value == Int64(record.start) && (item[2] as? NSNumber)?.int64Value == Int64(record.end))
            #expect(item[3] as? String == record.text && item[4] as? String == record.rule)
            #expect((item[5] as? Int) == record.article && (record.article != nil || item[5] is NSNull))
            #expect(item[7] as? [String] == record.section)
            var fields = FieldValues()
            RecordColumns.visit(record.value, &fields)
            for (offset, field) in [RecordColumns.Field.value, .low, .high].enumerated() {
                guard case .real(let value) = fields.values[field] else { Issue.record("\(field)"); continue }
                let stored = try sqlite.read { db in
                    try Double.fetchOne(db, sql: "SELECT json_extract(?, ?)", arguments: [json, "$[\(position)][\(8 + offset)]"])
                }
                #expect(stored == value, "\(field) of \(record.text)")
            }
            guard case .text(let qualifier) = fields.values[.qualifier] else { Issue.record("qualifier"); continue }
            #expect(item[11] as? String == qualifier)
        }
        #expect(items[5][6] is NSNull && items[0][6] as? Int == 0)
        document.records = [count]
        #expect(PackedNumerals(document) == nil)
    }

    @Test("Each kind's typed fields are handed over in the order of its columns, and its CSV row has one field per header column")
    func fieldsInColumnOrder() {
        let samples = IngestFixtures.sampleDocument().records.map(\.value) + [
            .number(NumberValue(value: 3, low: 3, high: 3, qualifier: .exact)),
        ]
        #expect(Set(samples.map(\.kind)) == Set(RecordKind.allCases))
        for value in samples {
            var fields = FieldValues()
            RecordColumns.visit(value, &fields)
            #expect(fields.order == RecordColumns.fields(of: value.kind), "\(value.kind)")
            var row: [UInt8] = []
            RecordColumns.appendCSVFields(of: value, to: &row)
            #expect(row.filter { $0 == CSVRowWriter.comma }.count == RecordColumns.csvHeader(of: value.kind).count)   // no commas inside the samples' texts
        }
    }

    @Test("SQLite: a version 2 WAL database is migrated to version 6 (its rows kept, no index on kind or rule, records_document on document_id alone, a rollback journal); after a run the planner has statistics and finds records by name and by year through their indexes")
    func sqliteMigrationAndPlans() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let path = folder + "/out.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            // Versions up to 3 wrote in WAL mode, which stays with the file.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try SQLiteSchema.migrator.migrate(queue, upTo: "v2")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO documents (source, status, bytes) VALUES ('old.txt', 'ok', 3)")
            }
        }
        func indexes(_ db: Database) throws -> [String] {
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' ORDER BY name")
        }
        let before = try DatabaseQueue(path: path).read { db in try indexes(db) }
        #expect(before.contains("records_rule") && before.contains("records_kind"))
        let sink = try SQLiteSink(path: path)
        try sink.begin(Self.run)
        // A first load keeps records(year) live and builds the other two query indexes at its end.
        #expect(try DatabaseQueue(path: path).read { db in try indexes(db) } == ["records_document", "records_year"])
        try sink.write(IngestFixtures.sampleDocument(sequence: 0))
        try sink.finish(IngestStatistics())
        try DatabaseQueue(path: path).read { db in
            #expect(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") == "6")
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 6)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
            #expect(try indexes(db) == ["records_document", "records_name", "records_unit", "records_year"])
            #expect(try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('records_document')") == ["document_id"])
            #expect(try String.fetchAll(db, sql: "SELECT source FROM documents ORDER BY id") == ["old.txt", "reports/a.txt"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_stat1 WHERE idx = 'records_name'") == 1)
            for (query, index) in [("SELECT count(*) FROM records WHERE name = '新疆师范大学'", "records_name"),
                                   ("SELECT count(*) FROM records WHERE year = 2019", "records_year")] {
                let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query).map { $0["detail"] as String }
                #expect(details.contains { $0.contains(index) }, "\(query): \(details)")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE rule = 'count.test'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE name = '新疆师范大学'") == 1)
        }
    }

    @Test("SQLite: version 6 moves the numbers and percentages of a version 5 database from records into numerals, in text order, with their exact values and sections; all_records gives back the same rows")
    func sqliteNumeralMigration() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let path = folder + "/out.sqlite"
        let columns = "document_id, source, member, article, section, section_id, kind, start, \"end\", text, rule, value, low, high, qualifier, unit"
        do {
            // Version 5 stored numerals as rows of records, kind by kind: a number that comes first
            // in the text has a larger id than a percentage after it.
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "v5")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO documents (id, source, status, bytes) VALUES (7, 'old.txt', 'ok', 3)")
                try db.execute(sql: """
                    INSERT INTO sections (id, document_id, article, ordinal, level, style, heading, heading_start, heading_end, start, "end")
                    VALUES (40, 7, 0, 2, 1, '一、', '一、概况', 0, 4, 0, 90)
                    """)
                let insert = "INSERT INTO records (id, \(columns)) VALUES (?, 7, 'old.txt', '', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                let rows: [[(any DatabaseValueConvertible)?]] = [
                    [1, "[\"一、概况\"]", 40, "count", 5, 8, "19名", "count.test", 19.0, 19.0, 19.0, "exact", "名"],
                    [2, "[\"一、概况\"]", 40, "percent", 50, 55, "23.4%", "percent.test", 23.4, 23.4, 23.4, "exact", nil],
                    [3, "[]", nil, "number", 10, 16, "42.77亿", "number.numeral", 4_277_000_000.000_000_5, 4_277_000_000.000_000_5, 4_277_000_000.000_000_5, "exact", nil],
                    [4, "[\"一、概况\"]", 40, "number", 50, 54, "三分之二", "number.numeral", 2.0 / 3.0, nil, nil, "approx", nil],
                ]
                for row in rows { try db.execute(sql: insert, arguments: StatementArguments(row)) }
            }
        }
        let before = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT \(columns) FROM records ORDER BY start, kind")
        }
        _ = try SQLiteSink(path: path)   // opening an older database migrates it
        try DatabaseQueue(path: path).read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 6)
            #expect(try String.fetchAll(db, sql: "SELECT kind FROM records") == ["count"])
            let numerals = try #require(try Row.fetchOne(db, sql: "SELECT document_id, count FROM numerals"))
            #expect(numerals["document_id"] as Int64 == 7 && numerals["count"] as Int == 3)
            #expect(try String.fetchAll(db, sql: "SELECT text FROM numeral_records ORDER BY item") == ["42.77亿", "三分之二", "23.4%"])
            let after = try Row.fetchAll(db, sql: "SELECT \(columns) FROM all_records ORDER BY start, kind")
            #expect(after == before)
            #expect(after.map { $0["value"] as Double } == [19, 4_277_000_000.000_000_5, 2.0 / 3.0, 23.4])
        }
    }

    @Test("SQLite: the same document again adds nothing; changed content replaces it; --reanalyze rewrites")
    func sqliteReplace() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let path = folder + "/out.sqlite"
        func write(_ documents: [IngestedDocument], reanalyze: Bool = false) throws {
            let sink = try SQLiteSink(path: path, reanalyze: reanalyze)
            try sink.begin(Self.run)
            // Checks exist unless the run re-analyses everything or the database holds no document.
            let stored = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM documents")! }
            #expect((sink.upToDateCheck(kinds: Self.run.kinds) != nil) == (!reanalyze && stored > 0))
            for document in documents { try sink.write(document) }
            try sink.finish(IngestStatistics())
        }
        func counts() throws -> [Int] {
            try DatabaseQueue(path: path).read { db in
                try ["documents", "articles", "sections", "records", "numerals"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
            }
        }
        do {
            let empty = try SQLiteSink(path: path)
            #expect(empty.upToDateCheck(kinds: Self.run.kinds) == nil, "nothing is up to date in a database without documents")
        }
        try write([IngestFixtures.sampleDocument(hash: "h1"), Self.failedDocument(sequence: 1)])
        #expect(try counts() == [2, 1, 2, 5, 1])
        try write([IngestFixtures.sampleDocument(hash: "h1"), Self.failedDocument(sequence: 1)])
        #expect(try counts() == [2, 1, 2, 5, 1])
        let sink = try SQLiteSink(path: path)
        let check = try #require(sink.upToDateCheck(kinds: Self.run.kinds))
        #expect(check("reports/a.txt", nil, "h1"))
        #expect(!check("reports/a.txt", nil, "h2"))
        #expect(!sink.upToDateCheck(kinds: [.count])!("reports/a.txt", nil, "h1"))
        try write([IngestFixtures.sampleDocument(hash: "h2")])
        #expect(try counts() == [2, 1, 2, 5, 1])
        let hash = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT content_hash FROM documents WHERE source = 'reports/a.txt'") }
        #expect(hash == "h2")
        try write([IngestFixtures.sampleDocument(hash: "h2")], reanalyze: true)
        #expect(try counts() == [2, 1, 2, 5, 1])
    }

    @Test("SQLite: a database zongjie did not make is refused")
    func sqliteForeign() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let path = folder + "/other.db"
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE people (name TEXT)") }
        #expect(throws: OutputError.self) { try SQLiteSink(path: path) }
        try Data("not a database at all, just text that is long enough to look like a header".utf8)
            .write(to: URL(fileURLWithPath: folder + "/text.db"))
        #expect(throws: OutputError.self) { try SQLiteSink(path: folder + "/text.db") }
    }

    @Test("JSONL: lines are the records' canonical JSON; the file appears only when complete")
    func jsonl() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let path = folder + "/out.jsonl"
        let document = IngestFixtures.sampleDocument(source: "a.zip", member: "x/1.txt")
        let sink = try JSONLSink(path: path)
        try sink.begin(Self.run)
        try sink.write(document)
        try sink.write(Self.failedDocument(sequence: 1))
        #expect(!FileManager.default.fileExists(atPath: path))
        try sink.finish(IngestStatistics())
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == document.records.map { $0.jsonLine(source: "a.zip", id: "x/1.txt") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.jsonl"])

        let second = try JSONLSink(path: path)
        try second.begin(Self.run)
        try second.write(IngestFixtures.sampleDocument(source: "other.txt"))
        second.abandon(IngestStatistics())
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init) == lines)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.jsonl"])
    }

    /// Writes a document whose text needs escaping, a failed one and a plain one into `sink`,
    /// prepared by the sink's worker hook first when asked, and returns them as written.
    static func writeThreeDocuments(into sink: IngestSink, preparedByWorker: Bool) throws -> [IngestedDocument] {
        var documents = [IngestFixtures.sampleDocument(sequence: 0, source: "a,b.zip", member: "x/1.txt"),
                         Self.failedDocument(sequence: 1),
                         IngestFixtures.sampleDocument(sequence: 2, source: "b.txt")]
        documents[0].records[0].text = "带\"引号\"，和\n换行"
        if preparedByWorker, let prepare = sink.documentPreparer() {
            for index in documents.indices { prepare(&documents[index]) }
        }
        try sink.begin(Self.run)
        for document in documents { try sink.write(document) }
        try sink.finish(IngestStatistics())
        return documents
    }

    @Test("JSONL: lines rendered by a worker are the lines the sink renders itself", arguments: [false, true])
    func jsonlPreparedByWorker(preparedByWorker: Bool) throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let path = folder + "/out.jsonl"
        let documents = try Self.writeThreeDocuments(into: try JSONLSink(path: path), preparedByWorker: preparedByWorker)
        #expect((documents[0].encodedJSONLines != nil) == preparedByWorker)
        #expect(documents[1].encodedJSONLines == nil)
        let expected = documents[0].records.map { $0.jsonLine(source: "a,b.zip", id: "x/1.txt") }
            + documents[2].records.map { $0.jsonLine(source: "b.txt", id: nil) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected.map { $0 + "\n" }.joined())
    }

    @Test("CSV: rows rendered by workers are the rows the sink renders itself")
    func csvPreparedByWorker() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        var outputs: [[String: Data]] = []
        for preparedByWorker in [false, true] {
            let out = folder + "/out\(preparedByWorker).csv"
            let documents = try Self.writeThreeDocuments(into: try CSVSink(folder: out), preparedByWorker: preparedByWorker)
            #expect((documents[0].encodedCSVRows != nil) == preparedByWorker)
            #expect(documents[1].encodedCSVRows == nil)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            }
            outputs.append(files)
        }
        #expect(outputs[0].count > 2)
        #expect(outputs[0] == outputs[1])
    }

    @Test("CSV: one file per kind and documents.csv, UTF-8 with BOM, readable by a CSV reader")
    func csv() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let out = folder + "/out.csv"
        let sink = try CSVSink(folder: out)
        try sink.begin(Self.run)
        var document = IngestFixtures.sampleDocument(source: "a,b.txt")
        document.records[0].text = "带\"引号\"，和\n换行"
        try sink.write(document)
        try sink.write(Self.failedDocument(sequence: 1))
        try sink.finish(IngestStatistics())
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["count.csv", "date.csv", "dispatch.csv", "documents.csv", "institution.csv", "money.csv", "number.csv", "percent.csv"])
        func rows(_ name: String) throws -> [[String]] {
            let bytes = try CorpusFiles.bytesAt(out + "/" + name)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let reader = try CSVReader(stream: InputStream(data: Data(bytes.dropFirst(3))))
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            return rows
        }
        let counts = try rows("count.csv")
        #expect(counts[0] == ["source", "member", "article", "section", "start", "end", "text", "rule",
                              "value", "low", "high", "qualifier", "unit", "object"])
        #expect(counts[1] == ["a,b.txt", "", "0", "[\"一、基本情况\",\"（一）派出人员\"]", "30", "33", "带\"引号\"，和\n换行",
                              "count.test", "19", "19", "19", "exact", "名", "医务人员"])
        #expect(counts.count == 2)
        let dispatch = try rows("dispatch.csv")
        #expect(Array(dispatch[1].suffix(7)) == ["5", "名", "教师", "选派", "我校", "2", "每年"])
        // Integers without a fraction, booleans as words, a missing value as an empty field.
        #expect(Array(try rows("money.csv")[1].suffix(5)) == ["122000000", "122000000", "122000000", "approx", "CNY"])
        #expect(Array(try rows("date.csv")[1].suffix(7)) == ["2019", "3", "", "false", "2019", "6", ""])
        #expect(Array(try rows("institution.csv")[1].suffix(3)) == ["新疆师范大学", "university", "false"])
        #expect(try rows("number.csv").count == 1)
        let documents = try rows("documents.csv")
        #expect(documents.map { $0[3] } == ["status", "ok", "failed"])
        #expect(documents[2][4] == "binary")
    }
}

/// The CSV row writer against a CSV library's reader: any fields, commas, quotes and line breaks
/// included, come back as they were written.
@Suite("CSV rows")
struct CSVRowWriterTests {
    static let alphabet: [String] = ["a", "中", ",", "\"", "\r", "\n", " ", "；", "1", "\r\n"]

    @Test("Rows written by CSVRowWriter read back unchanged with CSV.swift")
    func roundTrip() async throws {
        let field = Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...6).map { $0.map { Self.alphabet[$0] }.joined() }
        await propertyCheck(count: 200, input: field.array(of: 1...5).array(of: 1...4)) { rows in
            let folder = try IngestFixtures.temporaryFolder()
            defer { IngestFixtures.remove(folder) }
            let file = try AtomicFile(path: folder + "/rows.csv")
            let writer = CSVRowWriter(file)
            // A first column that is never empty: CSV.swift reads an empty line as no row.
            for row in rows { try writer.write(["r"] + row) }
            try file.commit()
            let reader = try CSVReader(stream: InputStream(data: try Data(contentsOf: URL(fileURLWithPath: folder + "/rows.csv"))))
            var read: [[String]] = []
            while let row = reader.next() { read.append(row) }
            #expect(read == rows.map { ["r"] + $0 })
        }
    }
}

extension CorpusFiles {
    static func bytesAt(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Collects the typed fields a record hands over.
private struct FieldValues: RecordFieldVisitor {
    enum Value {
        case real(Double?), integer(Int?), bool(Bool?), text(String?)
    }

    var order: [RecordColumns.Field] = []
    var values: [RecordColumns.Field: Value] = [:]

    mutating func visit(_ field: RecordColumns.Field, _ value: Double?) { add(field, .real(value)) }
    mutating func visit(_ field: RecordColumns.Field, _ value: Int?) { add(field, .integer(value)) }
    mutating func visit(_ field: RecordColumns.Field, _ value: Bool?) { add(field, .bool(value)) }
    mutating func visit(_ field: RecordColumns.Field, _ value: String?) { add(field, .text(value)) }

    private mutating func add(_ field: RecordColumns.Field, _ value: Value) {
        order.append(field)
        values[field] = value
    }
}
