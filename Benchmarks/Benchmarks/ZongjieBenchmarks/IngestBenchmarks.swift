import Benchmark
import Foundation
import ZIPFoundation
import Zongjie
import ZongjieIngest

/// `ingest` over a generated zip archive of ≥ 100 MB of UTF-8 reports (copies of the Corpus
/// pages, each made unique by a first line, in nested folders): into SQLite with 1 and 2 worker
/// threads, and into JSONL and CSV with 2, for the five record kinds `extract` and `ingest` give by
/// default and for all seven (numbers and percentages too). Reports UTF-8 MB/s (input bytes per
/// second of wall time, MB = 10^6 bytes) and peak resident memory. The archive is written to a
/// temporary folder when the benchmarks start and removed at the end; it is never committed.
func ingestBenchmarks() {
    // As the `zongjie` executable does before its first database (this process owns its SQLite).
    SQLiteProcessSettings.useSingleOwnerConnections()
    // As the executable does too: every iteration starts fresh worker threads, and without a cap
    // each left new malloc arenas behind (the second iteration's peak was the first's plus 50-100 MB).
    AllocatorSettings.limitArenas(workerThreads: 2)
    AllocatorSettings.retainFreedMemory()
    let throughput = BenchmarkMetric.custom("UTF-8 MB/s", polarity: .prefersLarger, useScalingFactor: false)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident, throughput],
                                                timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(120),
                                                maxIterations: 2, setup: { try IngestBenchmarkArchive.shared.prepare() })

    /// Ingests the archive into the output that `makeSink` opens at `path` (removed afterwards,
    /// with SQLite's journal, and the -wal and -shm files of older versions) and reports UTF-8 MB/s of the whole run.
    func ingest(_ benchmark: Benchmark, threads: Int, kinds: Set<RecordKind>, extension: String,
                _ makeSink: (String) throws -> IngestSink) throws {
        let archive = IngestBenchmarkArchive.shared
        let path = archive.folder + "/run-\(threads)-\(UUID().uuidString).\(`extension`)"
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let options = IngestOptions(paths: [archive.archivePath], threads: threads, kinds: kinds)
        let started = Date()
        benchmark.startMeasurement()
        let statistics = try IngestPipeline(options: options).run(into: try makeSink(path))
        benchmark.stopMeasurement()
        let seconds = Date().timeIntervalSince(started)
        precondition(statistics.ok == archive.memberCount && statistics.failed == 0, "ingest did not read every member")
        benchmark.measurement(throughput, Int((Double(statistics.analysedBytes) / 1e6 / seconds).rounded()))
    }

    for (kindsName, kinds) in [("five kinds", RecordKind.defaults), ("all seven kinds", Set(RecordKind.allCases))] {
        for threads in [1, 2] {
            Benchmark("ingest sqlite \(threads) thread\(threads == 1 ? "" : "s"), \(kindsName)", configuration: configuration) { benchmark in
                try ingest(benchmark, threads: threads, kinds: kinds, extension: "sqlite") { try SQLiteSink(path: $0) }
            }
        }
        // JSONL, the output of `ingest -` inside Spark or Hadoop Streaming: no database writer.
        Benchmark("ingest jsonl 2 threads, \(kindsName)", configuration: configuration) { benchmark in
            try ingest(benchmark, threads: 2, kinds: kinds, extension: "jsonl") { try JSONLSink(path: $0) }
        }
        // A folder of CSV files, one per kind.
        Benchmark("ingest csv 2 threads, \(kindsName)", configuration: configuration) { benchmark in
            try ingest(benchmark, threads: 2, kinds: kinds, extension: "csv") { try CSVSink(folder: $0) }
        }
    }
}

/// The generated archive, made once per benchmark process.
final class IngestBenchmarkArchive: @unchecked Sendable {
    static let shared = IngestBenchmarkArchive()
    static let targetBytes = 104_857_600

    let folder = NSTemporaryDirectory() + "zongjie-ingest-benchmark-\(getpid())"
    var archivePath: String { folder + "/reports.zip" }
    private(set) var memberCount = 0
    private(set) var utf8Bytes = 0
    private let lock = NSLock()
    private var prepared = false

    /// The Corpus pages, found from this source file.
    static var corpusPages: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus/pages")
    }

    func prepare() throws {
        lock.lock()
        defer { lock.unlock() }
        if prepared { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: IngestBenchmarkArchive.shared.folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpusPages.path).filter { $0.hasSuffix(".txt") }.sorted()
        let pages = try names.map { try Data(contentsOf: Self.corpusPages.appendingPathComponent($0)) }
        let archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .create)
        var copy = 0
        while utf8Bytes < Self.targetBytes {
            for (index, page) in pages.enumerated() {
                // A unique first line: every member has its own content hash.
                let member = Data("副本 \(copy)\n".utf8) + page
                let path = String(format: "reports/batch-%03d/%05d-%@", copy / 100, copy, names[index])
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(member.count),
                                     compressionMethod: .deflate) { position, size in
                    member.subdata(in: Int(position)..<Int(position) + size)
                }
                utf8Bytes += member.count
                memberCount += 1
            }
            copy += 1
        }
        prepared = true
        print("ingest benchmark: \(memberCount) members, \(utf8Bytes) bytes of UTF-8 in \(archivePath)")
    }
}
