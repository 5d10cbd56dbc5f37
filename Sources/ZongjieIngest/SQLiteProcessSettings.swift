import CZongjieSQLite

/// Process-wide SQLite settings for a program that owns its process, as the `zongjie` command
/// does: every GRDB connection is used by one thread at a time, so SQLite's own mutex around each
/// call (33 binds and a step per record row) and its global allocation statistics are pure cost
/// for the writer. A library must not change them for its host program, so only the executable
/// calls this, before it opens any database.
public enum SQLiteProcessSettings {
    /// Applies the settings; false when SQLite was already in use (it then keeps its defaults).
    @discardableResult
    public static func useSingleOwnerConnections() -> Bool {
        zj_sqlite_use_single_owner_connections() == 0
    }
}
