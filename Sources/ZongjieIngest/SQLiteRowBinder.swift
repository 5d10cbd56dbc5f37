import GRDB
import GRDBSQLite

/// Binds the values of one row straight into a prepared statement and steps it. The rows of the
/// `records` table are the bulk of a dataset (hundreds per report); building GRDB
/// `StatementArguments` for each costs an array of boxed existentials per row, which made the
/// writer the slowest stage of `ingest`.
struct SQLiteRowBinder {
    private let statement: SQLiteStatement
    private let database: Database
    private var index: Int32 = 0

    /// SQLite copies bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement, in database: Database) {
        self.statement = statement.sqliteStatement
        self.database = database
    }

    /// Starts a new row.
    mutating func reset() {
        sqlite3_reset(statement)
        index = 0
    }

    mutating func bind(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Bool?) {
        bind(value.map { $0 ? Int64(1) : 0 })
    }

    mutating func bind(_ value: Double?) {
        index += 1
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        value.withUTF8 { bytes in
            if let base = bytes.baseAddress, bytes.count > 0 {
                _ = UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                    sqlite3_bind_text(statement, index, text, Int32(bytes.count), Self.transient)
                }
            } else {
                _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
            }
        }
    }

    mutating func bindNull() {
        index += 1
        sqlite3_bind_null(statement, index)
    }

    /// Binds `count` bytes of UTF-8 at `start` in `arena` without copying them: the arena must
    /// outlive the row's step, and `clearBindings` must run before the arena goes.
    mutating func bindStatic(_ arena: UnsafeBufferPointer<UInt8>, start: Int, count: Int) {
        index += 1
        guard count > 0, let base = arena.baseAddress else {
            sqlite3_bind_text(statement, index, "", 0, Self.transient)
            return
        }
        UnsafeRawPointer(base + start).withMemoryRebound(to: CChar.self, capacity: count) { text in
            _ = sqlite3_bind_text(statement, index, text, Int32(count), nil)   // nil: SQLITE_STATIC
        }
    }

    /// Sets every parameter to NULL (drops pointers bound without a copy).
    func clearBindings() {
        sqlite3_clear_bindings(statement)
    }

    /// Inserts the bound row.
    func step() throws {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(database.sqliteConnection))
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }
}
