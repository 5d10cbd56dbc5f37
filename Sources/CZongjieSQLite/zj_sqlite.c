#include "zj_sqlite.h"
#include <sqlite3.h>

int zj_sqlite_use_single_owner_connections(void) {
    // Both calls fail with SQLITE_MISUSE once SQLite is initialized; the first decides.
    int code = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (code != SQLITE_OK) return code;
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
