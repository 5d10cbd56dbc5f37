#ifndef ZJ_SQLITE_H
#define ZJ_SQLITE_H

/// Process-wide SQLite settings for a process whose every connection is used by one thread at a
/// time (GRDB serializes each connection): no mutex around each connection's calls, and no global
/// memory statistics (a global mutex on every allocation). sqlite3_config is variadic, which Swift
/// cannot call. Returns 0 when applied, nonzero when SQLite was already initialized (nothing
/// changes then).
int zj_sqlite_use_single_owner_connections(void);

#endif
