import GRDB
import Zongjie

/// The `records` inserts of one transaction: one per kind (naming only the columns the kind can
/// fill) and row count, prepared on first use. A document's rows of a kind go in as many rows per
/// statement as fit (16, then 8, 4, 2, 1): one step keeps the table and index cursors open for
/// all of its rows, and the few left over take one or two small statements instead of a step each.
struct SQLiteRecordInserts {
    static let rowCounts = [16, 8, 4, 2, 1]

    private let database: Database
    private var statements: [Statement?]
    /// Statements bound since the last `releaseTexts`, one bit per slot.
    private var bound: UInt64 = 0

    init(_ database: Database) {
        self.database = database
        statements = [Statement?](repeating: nil, count: RecordKind.allCases.count * Self.rowCounts.count)
        precondition(statements.count <= UInt64.bitWidth, "one bit per statement")
    }

    /// Inserts a document's encoded rows, kind by kind; `sectionID` gives a record's section row.
    mutating func insert(_ rows: EncodedRecordRows, documentID: Int64, sectionID: (_ record: Int) -> Int64?) throws {
        var row = 0
        try rows.withRows { reader in
            // The texts are bound without a copy: let go of them before the arena goes.
            defer { releaseTexts() }
            for group in rows.groups {
                let cells = EncodedRecordRows.cellCount(of: group.kind)
                var remaining = group.rowCount
                while remaining > 0 {
                    let sizeIndex = Self.rowCounts.firstIndex { $0 <= remaining }!
                    var binder = SQLiteRowBinder(try statement(group.kind, sizeIndex), in: database)
                    binder.reset()
                    for _ in 0..<Self.rowCounts[sizeIndex] {
                        binder.bind(documentID)
                        binder.bind(sectionID(rows.recordIndex(ofRow: row)))
                        reader.bindNextRow(cells: cells, into: &binder)
                        row += 1
                    }
                    try binder.step()
                    remaining -= Self.rowCounts[sizeIndex]
                }
            }
        }
    }

    private mutating func statement(_ kind: RecordKind, _ sizeIndex: Int) throws -> Statement {
        let slot = kind.order * Self.rowCounts.count + sizeIndex
        bound |= 1 << UInt64(slot)
        if let statement = statements[slot] { return statement }
        let statement = try database.cachedStatement(sql: Self.sql(kind, rows: Self.rowCounts[sizeIndex]))
        statements[slot] = statement
        return statement
    }

    /// Sets every parameter of the statements used to NULL (drops the pointers into an arena).
    private mutating func releaseTexts() {
        for slot in statements.indices where bound & (1 << UInt64(slot)) != 0 {
            statements[slot].map { SQLiteRowBinder($0, in: database).clearBindings() }
        }
        bound = 0
    }

    /// INSERT of `rows` rows of a kind (rowids are given in order, as with one row at a time).
    ///
    /// OR FAIL, because a statement that writes several rows and may abort (a NOT NULL column's
    /// default conflict action) makes SQLite copy every page it touches that existed before it
    /// into a statement journal, a temporary file, so that it can undo itself alone: for 50 MB of
    /// reports 57,000 page copies, 0.9 GB of writes. A failure ends the whole transaction, which
    /// rolls back, so undoing one statement alone is never needed.
    static func sql(_ kind: RecordKind, rows: Int) -> String {
        let columns = ["document_id", "section_id"] + EncodedRecordRows.columns(of: kind).map { $0 == "end" ? "\"end\"" : $0 }
        let values = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT OR FAIL INTO records (" + columns.joined(separator: ", ") + ") VALUES "
            + Array(repeating: values, count: rows).joined(separator: ", ")
    }
}
