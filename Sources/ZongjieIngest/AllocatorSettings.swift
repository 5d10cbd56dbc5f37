import CZongjieAllocator

/// Process-wide allocator settings for a program that owns its process (the `zongjie` command, a
/// benchmark, a service that ingests run after run). glibc gives new threads their own malloc
/// arenas, up to eight per core, and keeps what an arena holds after its thread ends; every run
/// starts fresh worker threads, so a process that ran `ingest` again and again grew by about an
/// arena's worth per run (measured over four runs of a 50 MB archive in one process: peak 146,
/// 203, 256, 257 MB; with at most three arenas 152, 169, 169, 160 MB, and no slower). A library
/// must not change this for its host program, so only programs call it, before their first run.
public enum AllocatorSettings {
    /// Caps the number of malloc arenas at one per worker thread plus one shared by the reader
    /// and writer threads (at least two). False where refused or where the C library is not glibc.
    @discardableResult
    public static func limitArenas(workerThreads: Int) -> Bool {
        zj_allocator_limit_arenas(Int32(clamping: max(2, workerThreads + 1))) == 1
    }

    /// Keeps the memory that freed blocks of up to 16 MB held, up to 32 MB per heap, for the next
    /// document instead of handing it back to the kernel. Each document's buffers are freed when
    /// it is written, so by default the next document's were new pages again: a page fault and a
    /// zeroed page each, and on a virtual machine whose host takes freed pages back, a trip to the
    /// host too (measured on 100 MB into JSONL: 30,000-75,000 minor page faults, 4,900 with these
    /// thresholds; the peak of one run is the same into JSONL and 10-15 MB higher into SQLite, and
    /// repeated runs in one process grow less). False where refused or where the C library is not glibc.
    @discardableResult
    public static func retainFreedMemory() -> Bool {
        zj_allocator_retain_freed_memory(16 << 20, 32 << 20) == 1
    }
}
