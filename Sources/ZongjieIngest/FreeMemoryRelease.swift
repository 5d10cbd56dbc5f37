import CZongjieMemory

/// Gives the memory that a run freed back to the system. glibc keeps freed memory in the arena of
/// the thread that allocated it; each run starts new worker threads, which may take other arenas,
/// so a process that ingests several times (a service, the benchmarks) would otherwise keep the
/// high-water mark of every arena it has used.
enum FreeMemoryRelease {
    static func returnFreedMemory() {
        zj_release_free_memory()
    }
}
