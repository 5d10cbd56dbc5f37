import GRDB

/// The SQLite dataset's schema (documented in the README). Versioned by GRDB's migrator and by
/// the `meta` table's `schema_version`, which other tools can read without GRDB.
enum SQLiteSchema {
    static let version = 6

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6") { db in
            try db.execute(sql: v6)
        }
        return migrator
    }

    /// The columns of `records`, in table order: `all_records` adds the numerals' rows under them.
    static let recordColumns = """
        id, document_id, source, member, article, section, section_id, kind, start, "end", text, rule, value, low, \
        high, qualifier, unit, object, amount, currency, year, month, day, masked, to_year, to_month, to_day, name, \
        type, staff, verb, sender, batches, per
        """

    /// A REAL column as JSON number text that reads back as the same double: SQLite's JSON
    /// functions write reals with 15 significant digits (4277000000.0000005 became 4277000000.0).
    private static func exactReal(_ column: String) -> String {
        "CASE WHEN \(column) IS NULL THEN 'null' ELSE printf('%!.17g', \(column)) END"
    }

    /// Version 6: numbers and percentages (the optional kinds of conformance work, `--kinds all`)
    /// are no longer rows of `records` but one JSON array per document in `numerals`
    /// (`PackedNumerals` gives the items' layout); `numeral_records` unpacks them into rows with
    /// the columns of `records` (id NULL; `item`, their position in the document's array, orders
    /// them in text order), and `all_records` is `records` with those rows. With
    /// all seven kinds they were 59% of the rows, which no query index holds, and inserting them
    /// cost the writer thread, which runs alone, as much as all the other rows. Numerals already
    /// stored move over, in text order.
    static let v6 = """
    CREATE TABLE numerals (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        count       INTEGER NOT NULL,
        items       TEXT NOT NULL
    );
    INSERT INTO numerals (document_id, count, items)
    SELECT document_id, count(*), json_group_array(json(item)) FROM (
        SELECT r.document_id, json_array(r.kind, r.start, r."end", r.text, r.rule, r.article, s.ordinal,
                                         json(r.section), json(\(exactReal("r.value"))), json(\(exactReal("r.low"))),
                                         json(\(exactReal("r.high"))), r.qualifier) AS item
        FROM records r LEFT JOIN sections s ON s.id = r.section_id
        WHERE r.kind IN ('number', 'percent')
        ORDER BY r.document_id, r.start, r.kind, r.id
    ) GROUP BY document_id;
    DELETE FROM records WHERE kind IN ('number', 'percent');
    CREATE VIEW numeral_records AS
    SELECT NULL AS id, n.document_id, d.source, d.member, json_extract(e.value, '$[5]') AS article,
           json_extract(e.value, '$[7]') AS section, s.id AS section_id, json_extract(e.value, '$[0]') AS kind,
           json_extract(e.value, '$[1]') AS start, json_extract(e.value, '$[2]') AS "end",
           json_extract(e.value, '$[3]') AS text, json_extract(e.value, '$[4]') AS rule,
           CAST(json_extract(e.value, '$[8]') AS REAL) AS value, CAST(json_extract(e.value, '$[9]') AS REAL) AS low,
           CAST(json_extract(e.value, '$[10]') AS REAL) AS high, json_extract(e.value, '$[11]') AS qualifier,
           NULL AS unit, NULL AS object, NULL AS amount, NULL AS currency, NULL AS year, NULL AS month,
           NULL AS day, NULL AS masked, NULL AS to_year, NULL AS to_month, NULL AS to_day, NULL AS name,
           NULL AS type, NULL AS staff, NULL AS verb, NULL AS sender, NULL AS batches, NULL AS per,
           e.key AS item
    FROM numerals n JOIN documents d ON d.id = n.document_id JOIN json_each(n.items) e
    LEFT JOIN sections s ON s.document_id = n.document_id AND s.ordinal = json_extract(e.value, '$[6]');
    CREATE VIEW all_records AS
    SELECT \(recordColumns) FROM records
    UNION ALL
    SELECT \(recordColumns) FROM numeral_records;
    UPDATE meta SET value = '6' WHERE key = 'schema_version';
    PRAGMA user_version = 6;
    """

    /// Version 5: `records_document` on `document_id` alone. A load writes a document's records
    /// kind by kind (each insert names only its kind's columns), so (document_id, start) keys came
    /// out of order and every entry cost a search of the index; (document_id, rowid) keys only
    /// grow, and SQLite appends them (per 4 MB with all kinds, 2% fewer instructions in all).
    /// The records of one document are a few hundred, and sorting them by start costs nothing.
    static let v5 = """
    DROP INDEX IF EXISTS records_document;
    CREATE INDEX records_document ON records(document_id);
    UPDATE meta SET value = '5' WHERE key = 'schema_version';
    PRAGMA user_version = 5;
    """

    /// Version 4: no index on (kind, rule). With about eighty records on a 16 KB page and five
    /// kinds (a dozen rules, most of them common), every page holds rows of every kind, so
    /// `WHERE kind = ?` or `WHERE rule = ?` reads the whole table with or without the index
    /// (measured on a 179 MB database, cold and warm cache: the same time); only counting per
    /// kind read the smaller index instead (0.03 s against 0.2 s per 100 MB of input). Building
    /// it, a sort on two texts over every record, was the longest step of a load's end, where
    /// the writer works alone: 0.6 s of 4.5 per 100 MB with five kinds, 1 s of 8 with seven.
    static let v4 = """
    DROP INDEX IF EXISTS records_kind_rule;
    UPDATE meta SET value = '4' WHERE key = 'schema_version';
    PRAGMA user_version = 4;
    """

    /// Version 3: one index on (kind, rule) instead of two on (kind, document_id) and (rule).
    /// Filtering by kind uses its first column, by rule a skip-scan over the few kinds (with
    /// the statistics `analyze` leaves), by document `records_document`; a load builds one
    /// index less at its end, where the writer works alone.
    static let v3 = """
    DROP INDEX IF EXISTS records_kind;
    DROP INDEX IF EXISTS records_rule;
    CREATE INDEX IF NOT EXISTS records_kind_rule ON records(kind, rule);
    UPDATE meta SET value = '3' WHERE key = 'schema_version';
    PRAGMA user_version = 3;
    """

    /// Version 2: where an article's author was found (type, offsets of the name, evidence).
    static let v2 = """
    ALTER TABLE articles ADD COLUMN author_type TEXT;
    ALTER TABLE articles ADD COLUMN author_start INTEGER;
    ALTER TABLE articles ADD COLUMN author_end INTEGER;
    ALTER TABLE articles ADD COLUMN author_evidence TEXT;
    UPDATE meta SET value = '2' WHERE key = 'schema_version';
    PRAGMA user_version = 2;
    """

    /// Indexes that serve analysts' queries and never the writer. A first load into an empty
    /// database drops those built at the end and builds them once when it finishes: one sort per
    /// index is far cheaper than updating more b-trees for every record (schema 1's five made a
    /// 100 MB load ten times slower once they outgrew the page cache; kept live, names and units,
    /// whose new keys land all over their b-trees, cost more at every commit than their sorts).
    /// `records_year` stays live: its keys (year, rowid) grow within each of a few dozen years,
    /// so a commit touches a few dozen leaves, where building it at the end scans every record
    /// while nothing else runs (callgrind, 4 MB with all kinds: 66 million instructions fewer
    /// at the end, 12 million more in the writer, 8% more page writes and a third fewer reads).
    static let queryIndexes: [(name: String, definition: String, builtAtEnd: Bool)] = [
        ("records_year", "records(year) WHERE year IS NOT NULL", false),
        ("records_name", "records(name) WHERE name IS NOT NULL", true),
        ("records_unit", "records(unit) WHERE unit IS NOT NULL", true),
    ]

    /// Drops the query indexes that a first load builds at its end.
    static func dropQueryIndexes(_ db: Database) throws {
        for index in queryIndexes where index.builtAtEnd { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
    }

    /// Creates the query indexes that are missing (after a first load, or one that crashed).
    static func createQueryIndexes(_ db: Database) throws {
        for index in queryIndexes { try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(index.name) ON \(index.definition)") }
    }

    /// Refreshes the query planner's statistics (sqlite_stat1) from a sample of each index (a
    /// few milliseconds whatever the size), so that the planner knows how selective each is.
    static func analyze(_ db: Database) throws {
        try db.execute(sql: "PRAGMA analysis_limit = 1000")
        try db.execute(sql: "ANALYZE")
    }

    static let v1 = """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('schema_version', '1'), ('created_by', 'zongjie ingest');

    -- One row per run of `zongjie ingest` into this database; finished_at stays NULL for a run
    -- that was interrupted (re-running completes it).
    CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        arguments   TEXT NOT NULL,
        kinds       TEXT NOT NULL,
        threads     INTEGER NOT NULL,
        ok          INTEGER,
        failed      INTEGER,
        skipped     INTEGER,
        unchanged   INTEGER,
        records     INTEGER,
        bytes       INTEGER,
        seconds     REAL
    );

    -- One row per input: a file, a member of a zip archive, or a standard-input line.
    CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        source       TEXT NOT NULL,
        member       TEXT NOT NULL DEFAULT '',
        format       TEXT,
        status       TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'skipped')),
        reason       TEXT,
        error        TEXT,
        bytes        INTEGER NOT NULL,
        content_hash TEXT,
        encoding     TEXT,
        chars        INTEGER,
        kinds        TEXT,
        records      INTEGER NOT NULL DEFAULT 0,
        warnings     TEXT,
        boilerplate  TEXT,
        text         TEXT,
        run_id       INTEGER REFERENCES runs(id),
        UNIQUE (source, member)
    );
    CREATE INDEX documents_content_hash ON documents(content_hash);
    CREATE INDEX documents_status ON documents(status, reason);

    CREATE TABLE articles (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        article     INTEGER NOT NULL,
        title       TEXT NOT NULL,
        start       INTEGER NOT NULL,
        "end"       INTEGER NOT NULL,
        author      TEXT,
        UNIQUE (document_id, article)
    );

    CREATE TABLE sections (
        id            INTEGER PRIMARY KEY,
        document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        article       INTEGER NOT NULL,
        ordinal       INTEGER NOT NULL,
        parent_id     INTEGER,
        level         INTEGER NOT NULL,
        style         TEXT NOT NULL,
        heading       TEXT NOT NULL,
        heading_start INTEGER NOT NULL,
        heading_end   INTEGER NOT NULL,
        start         INTEGER NOT NULL,
        "end"         INTEGER NOT NULL
    );
    CREATE INDEX sections_document ON sections(document_id, ordinal);

    CREATE TABLE records (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source      TEXT NOT NULL,
        member      TEXT NOT NULL,
        article     INTEGER,
        section     TEXT NOT NULL,
        section_id  INTEGER,
        kind        TEXT NOT NULL,
        start       INTEGER NOT NULL,
        "end"       INTEGER NOT NULL,
        text        TEXT NOT NULL,
        rule        TEXT NOT NULL,
        value       REAL,
        low         REAL,
        high        REAL,
        qualifier   TEXT,
        unit        TEXT,
        object      TEXT,
        amount      REAL,
        currency    TEXT,
        year        INTEGER,
        month       INTEGER,
        day         INTEGER,
        masked      INTEGER,
        to_year     INTEGER,
        to_month    INTEGER,
        to_day      INTEGER,
        name        TEXT,
        type        TEXT,
        staff       TEXT,
        verb        TEXT,
        sender      TEXT,
        batches     INTEGER,
        per         TEXT
    );
    CREATE INDEX records_document ON records(document_id, start);
    CREATE INDEX records_kind ON records(kind, document_id);
    CREATE INDEX records_rule ON records(rule);
    CREATE INDEX records_year ON records(year) WHERE year IS NOT NULL;
    CREATE INDEX records_name ON records(name) WHERE name IS NOT NULL;
    CREATE INDEX records_unit ON records(unit) WHERE unit IS NOT NULL;
    PRAGMA user_version = 1;
    """
}
