import Foundation
import GRDB
import Zongjie

/// Writes documents, articles, sections and records into a SQLite database (rollback journal) in
/// transactions of a batch of documents: an interrupted run leaves every committed document whole
/// and nothing of the others, and a re-run completes it. A document is identified by its source
/// and member; one already stored with the same content hash, status and kinds is left as it is,
/// one whose content changed (or that failed before) is replaced.
public final class SQLiteSink: IngestSink {
    public let path: String
    /// The writer's connection, and a second one for the workers' up-to-date checks, which
    /// read while the writer fills its next transaction.
    private let database: DatabaseQueue
    private let checks: DatabaseQueue
    private let reanalyze: Bool
    private var runID: Int64?
    private var kinds = ""
    private var batch: [IngestedDocument] = []
    private var batchRecords = 0
    private var lastCommit = Date()
    /// Documents per transaction, and the record count and age that also end a batch.
    let batchDocuments: Int
    let batchRecordLimit = 50_000
    let batchSeconds: TimeInterval = 1
    /// Batches are written on their own thread while the next one fills, at most one at a time
    /// (so memory holds two batches at most); the first failure is reported by the next call.
    private let committer = DispatchQueue(label: "zongjie.sqlite.commit")
    private let commitFailure = CommitFailure()

    /// Opens (or creates) the database. `reanalyze` replaces documents even when unchanged.
    public init(path: String, reanalyze: Bool = false, batchDocuments: Int = 256) throws {
        self.path = path
        self.reanalyze = reanalyze
        self.batchDocuments = max(1, batchDocuments)
        var configuration = Configuration()
        // A commit waits for the readers of that moment (another program's query): up to a minute.
        configuration.busyMode = .timeout(60)
        // The writer checks no foreign key per inserted row (hundreds of rows per report): rows
        // always come with their document, and replacing a document deletes its rows explicitly
        // (`store`). The schema still declares the keys, for anyone who turns them on.
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            // 16 KB pages for a new database (an existing one keeps its own): a dataset is mostly
            // long appended tables, which then cost fewer b-tree pages, page writes and splits.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // A rollback journal, not WAL: a load appends pages, and a rollback journal keeps a
            // copy only of the few pages that existed before the transaction, where WAL writes
            // every page twice (into the log, then into the database at each checkpoint) and
            // reads it back once (measured, 1.6 million record rows: 0.6 s less kernel time).
            // Commits stay atomic: a crash leaves a journal that the next open rolls back.
            // synchronous=FULL syncs the journal before the database is written (about one
            // commit a second), so that a power loss cannot leave a half-written page either.
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // A page cache of 32 MB keeps the b-trees being appended to in memory.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // No helper threads for the sorter of CREATE INDEX: each would hold a sort buffer as
            // large as the page cache (measured: +70 MB of peak memory at the end of a load, and
            // no faster, since the sort is not where a helper thread helps).
            try db.execute(sql: "PRAGMA threads = 0")
        }
        let exists = FileManager.default.fileExists(atPath: path)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw OutputError("cannot open \(path) as a SQLite database: \(error)")
        }
        do {
            if exists { try SQLiteSink.checkSchema(database, path: path) }
            try SQLiteSchema.migrator.migrate(database)
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .callback(SQLiteSink.waitBriefly)
            checks = try DatabaseQueue(path: path, configuration: readOnly)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError("cannot prepare \(path): \(error)")
        }
    }

    /// The up-to-date checks wait for the writer in steps of a fifth of a millisecond, 50,000
    /// times at most (ten seconds or more): SQLite's own timeout sleeps ever longer (up to 100 ms
    /// a step) and oversleeps the moment the writer lets go.
    private static let waitBriefly: Database.BusyCallback = { tries in
        if tries >= 50_000 { return false }
        usleep(200)
        return true
    }

    /// Refuses a database that Zongjie did not make, or that a newer version made.
    private static func checkSchema(_ database: DatabaseQueue, path: String) throws {
        let (tables, version): ([String], String?) = try database.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            let version = tables.contains("meta")
                ? try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") : nil
            return (tables, version)
        }
        if tables.isEmpty { return }
        guard let version, let number = Int(version) else {
            throw OutputError("\(path) is a SQLite database that zongjie did not make (no meta.schema_version); choose another --out")
        }
        if number > SQLiteSchema.version {
            throw OutputError("\(path) has schema version \(number); this zongjie writes version \(SQLiteSchema.version)")
        }
    }

    public func begin(_ run: IngestRunInfo) throws {
        kinds = run.kindsList
        let arguments = String(data: try JSONSerialization.data(withJSONObject: run.arguments), encoding: .utf8) ?? "[]"
        runID = try database.write { db in
            try db.execute(sql: "INSERT INTO runs (started_at, arguments, kinds, threads) VALUES (?, ?, ?, ?)",
                           arguments: [run.startedAt, arguments, kinds, run.threads])
            if try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM records)")! { try SQLiteSchema.dropQueryIndexes(db) }
            return db.lastInsertedRowID
        }
        lastCommit = Date()
    }

    public func upToDateCheck(kinds requested: Set<RecordKind>) -> (@Sendable (String, String?, String) -> Bool)? {
        if reanalyze { return nil }
        let checks = self.checks
        // A database without documents (a first load) holds nothing up to date: no query per
        // document. Those queries wait whenever the writer holds the file, which is most of the
        // time in a large transaction, once its pages spill from the cache (100 MB, 2 workers:
        // 1.6 s of sleep per 50 MB, and 8-11% of the wall time).
        guard (try? checks.read({ try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM documents)") })) != false else {
            return nil
        }
        let kinds = IngestRunInfo.kindsList(requested)
        // Held weakly: worker threads let go of this closure a moment after a run ends, and the
        // last holder of the connection closes it; that must be the sink, on the caller's
        // thread, not a worker racing with whoever opens the file next (SQLITE_BUSY).
        return { [weak checks] source, member, hash in
            guard let checks else { return false }
            return (try? checks.read { db in
                try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM documents WHERE source = ? AND member = ? AND content_hash = ? AND status = 'ok' AND kinds = ?
                    """, arguments: [source, member ?? "", hash, kinds])
            }) == true
        }
    }

    /// Workers encode each document's record rows, so that the writer thread only binds them.
    public func documentPreparer() -> (@Sendable (inout IngestedDocument) -> Void)? {
        { document in
            if document.status == .ok { document.encodedRecordRows = EncodedRecordRows(document) }
        }
    }

    public func write(_ document: IngestedDocument) throws {
        if document.status == .unchanged { return }
        batch.append(document)
        batchRecords += document.records.count
        if batch.count >= batchDocuments || batchRecords >= batchRecordLimit || Date().timeIntervalSince(lastCommit) >= batchSeconds {
            try commit()
        }
    }

    /// Hands the pending batch to the commit thread, to be written in one transaction, after the
    /// previous batch is written.
    public func commit() throws {
        try waitForCommits()
        guard !batch.isEmpty else { return }
        let documents = batch
        let (database, runID, kinds, reanalyze, failure) = (self.database, self.runID, self.kinds, self.reanalyze, commitFailure)
        committer.async {
            do {
                try database.write { db in
                    var inserts = SQLiteRecordInserts(db)
                    for document in documents {
                        try SQLiteSink.store(document, runID: runID, kinds: kinds, reanalyze: reanalyze, inserts: &inserts, in: db)
                    }
                }
            } catch {
                failure.record(error)
            }
        }
        batch = []
        batchRecords = 0
        lastCommit = Date()
    }

    /// Waits until every batch handed over is written, and reports the first failure. An empty
    /// block on the serial queue returns only after the last batch's block has returned and let
    /// go of the database, so that closing it here cannot race with that thread.
    private func waitForCommits() throws {
        committer.sync {}
        if let error = commitFailure.first { throw error }
    }

    public func finish(_ statistics: IngestStatistics) throws {
        try commit()
        try waitForCommits()
        try recordRun(statistics, finished: true)
        try buildQueryIndexes()
    }

    public func abandon(_ statistics: IngestStatistics) {
        // Documents already handed over are whole: keep them, so that a re-run resumes after them.
        try? commit()
        try? waitForCommits()
        try? recordRun(statistics, finished: false)
        try? buildQueryIndexes()
    }

    /// Builds the query indexes a load left out and refreshes the planner's statistics.
    private func buildQueryIndexes() throws {
        try database.write { db in
            try SQLiteSchema.createQueryIndexes(db)
            try SQLiteSchema.analyze(db)
        }
    }

    private func recordRun(_ statistics: IngestStatistics, finished: Bool) throws {
        guard let runID else { return }
        try database.write { db in
            try db.execute(sql: """
                UPDATE runs SET finished_at = ?, ok = ?, failed = ?, skipped = ?, unchanged = ?, records = ?, bytes = ?, seconds = ?
                WHERE id = ?
                """, arguments: [finished ? IngestClock.timestamp() : nil, statistics.ok, statistics.failed, statistics.skipped,
                                 statistics.unchanged, statistics.recordCount, statistics.bytes, statistics.elapsed, runID])
        }
    }

    // MARK: Rows

    private static func store(_ document: IngestedDocument, runID: Int64?, kinds: String, reanalyze: Bool,
                              inserts: inout SQLiteRecordInserts, in db: Database) throws {
        let member = document.member ?? ""
        let failure = document.failure
        let documentKinds: String? = document.status == .ok ? kinds : nil
        if let existing = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, status, content_hash, kinds, reason, error FROM documents WHERE source = ? AND member = ?
            """), arguments: [document.source, member]) {
            let same = (existing["status"] as String?) == document.status.rawValue
                && (existing["content_hash"] as String?) == document.contentHash
                && (existing["kinds"] as String?) == documentKinds
                && (existing["reason"] as String?) == failure?.reason.rawValue
                && (existing["error"] as String?) == failure?.detail
            if same && !(reanalyze && document.status == .ok) { return }
            let id: Int64 = existing["id"]
            for table in ["records", "numerals", "sections", "articles", "documents"] {
                let column = table == "documents" ? "id" : "document_id"
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(column) = ?").execute(arguments: [id])
            }
        }
        let boilerplate = document.structure.map { structure in
            "[" + structure.boilerplate.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"
        }
        let warnings = document.warnings.isEmpty ? nil
            : JSONObjectWriter.quotedArray(document.warnings)
        let documentValues: [(any DatabaseValueConvertible)?] = [
            document.source, member, document.format?.rawValue, document.status.rawValue,
            failure?.reason.rawValue, failure?.detail, document.byteCount, document.contentHash, document.encoding,
            document.characterCount, documentKinds, document.records.count, warnings, boilerplate, document.text, runID,
        ]
        try db.cachedStatement(sql: """
            INSERT INTO documents (source, member, format, status, reason, error, bytes, content_hash, encoding,
                                   chars, kinds, records, warnings, boilerplate, text, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: StatementArguments(documentValues))
        let documentID = db.lastInsertedRowID
        guard document.status == .ok, let structure = document.structure else { return }

        let articleStatement = try db.cachedStatement(sql: """
            INSERT INTO articles (document_id, article, title, start, "end", author, author_type, author_start, author_end,
                                  author_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, article) in structure.articles.enumerated() {
            let author = article.author
            let values: [(any DatabaseValueConvertible)?] = [
                documentID, index, article.title, article.range.lowerBound, article.range.upperBound,
                author?.name, author?.type.rawValue, author?.start, author?.end, author?.evidence.rawValue,
            ]
            try articleStatement.execute(arguments: StatementArguments(values))
        }

        var sectionIDs: [Int64] = []
        sectionIDs.reserveCapacity(document.sections.count)
        let sectionStatement = try db.cachedStatement(sql: """
            INSERT INTO sections (document_id, article, ordinal, parent_id, level, style, heading, heading_start,
                                  heading_end, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var sectionRow = SQLiteRowBinder(sectionStatement, in: db)
        for section in document.sections {
            sectionRow.reset()
            sectionRow.bind(documentID)
            sectionRow.bind(section.article)
            sectionRow.bind(section.ordinal)
            sectionRow.bind(section.parent.map { sectionIDs[$0] })
            sectionRow.bind(section.level)
            sectionRow.bind(section.style.rawValue)
            sectionRow.bind(section.heading)
            sectionRow.bind(section.headingRange.lowerBound)
            sectionRow.bind(section.headingRange.upperBound)
            sectionRow.bind(section.range.lowerBound)
            sectionRow.bind(section.range.upperBound)
            try sectionRow.step()
            sectionIDs.append(db.lastInsertedRowID)
        }

        let rows = document.encodedRecordRows ?? EncodedRecordRows(document)
        try inserts.insert(rows, documentID: documentID) { record in
            document.recordSections[record].flatMap { $0 < sectionIDs.count ? sectionIDs[$0] : nil }
        }
        if let numerals = rows.numerals {
            // Bound as the worker wrote it, without a copy into a String (which validated every
            // byte again on this thread, the one that runs alone).
            var numeralsRow = SQLiteRowBinder(try db.cachedStatement(sql: "INSERT INTO numerals (document_id, count, items) VALUES (?, ?, ?)"), in: db)
            numeralsRow.reset()
            numeralsRow.bind(documentID)
            numeralsRow.bind(numerals.count)
            try numerals.items.withUnsafeBufferPointer { items in
                numeralsRow.bindStatic(items, start: 0, count: items.count)
                defer { numeralsRow.clearBindings() }
                try numeralsRow.step()
            }
        }
    }
}

/// The first error of the commit thread.
private final class CommitFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?

    var first: Error? { lock.withLock { error } }

    func record(_ error: Error) {
        lock.withLock { if self.error == nil { self.error = error } }
    }
}

/// Timestamps for run bookkeeping (UTC, ISO 8601).
enum IngestClock {
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
