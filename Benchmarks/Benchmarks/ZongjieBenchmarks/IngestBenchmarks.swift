import Benchmark
import Foundation
import ZIPFoundation
import Zongjie
import ZongjieIngest

/// `ingest` over a generated zip archive of ≥ 100 MB of UTF-8 reports (copies of the Corpus
/// pages, each made unique by a first line, in nested folders): into SQLite with 1 and 2 worker
/// threads, and into JSONL with 2, for the five record kinds `extract` and `ingest` give by
/// default and for all seven (numbers and percentages too). Reports UTF-8 MB/s (input bytes per
/// second of wall time, MB = 10^6 bytes) and peak resident memory. The archive is written to a
/// temporary folder when the benchmarks start and removed at the end; it is never committed.
func ingestBenchmarks() {
    // As the `zongjie` executable does before its first database (this process owns its SQLite).
    SQLiteProcessSettings.useSingleOwnerConnections()
    let metrics: [BenchmarkMetric] = [
        .wallClock,
        .peakMemoryResident,
        .custom("UTF-8 MB/s", polarity: .prefersLarger, useScalingFactor: false),
    ]
    for (kindsName, kinds) in [("five kinds", RecordKind.defaults), ("all seven kinds", Set(RecordKind.allCases))] {
    for threads in [1, 2] {
        Benchmark("ingest sqlite \(threads) thread\(threads == 1 ? "" : "s"), \(kindsName)",
                  configuration: .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 0,
                                       maxDuration: .seconds(120), maxIterations: 2,
                                       setup: { try IngestBenchmarkArchive.shared.prepare() })) { benchmark in
            let archive = IngestBenchmarkArchive.shared
            let database = archive.folder + "/run-\(threads)-\(UUID().uuidString).sqlite"
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            }
            let options = IngestOptions(paths: [archive.archivePath], threads: threads, kinds: kinds)
            let started = Date()
            benchmark.startMeasurement()
            let statistics = try IngestPipeline(options: options).run(into: try SQLiteSink(path: database))
            benchmark.stopMeasurement()
            let seconds = Date().timeIntervalSince(started)
            precondition(statistics.ok == archive.memberCount && statistics.failed == 0, "ingest did not read every member")
            benchmark.measurement(.custom("UTF-8 MB/s", polarity: .prefersLarger, useScalingFactor: false),
                                  Int((Double(statistics.analysedBytes) / 1e6 / seconds).rounded()))
        }
    }
        // JSONL, the output of `ingest -` inside Spark or Hadoop Streaming: no database writer.
        Benchmark("ingest jsonl 2 threads, \(kindsName)",
                  configuration: .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 0,
                                       maxDuration: .seconds(120), maxIterations: 2,
                                       setup: { try IngestBenchmarkArchive.shared.prepare() })) { benchmark in
            let archive = IngestBenchmarkArchive.shared
            let output = archive.folder + "/run-\(UUID().uuidString).jsonl"
            defer { try? FileManager.default.removeItem(atPath: output) }
            let options = IngestOptions(paths: [archive.archivePath], threads: 2, kinds: kinds)
            let started = Date()
            benchmark.startMeasurement()
            let statistics = try IngestPipeline(options: options).run(into: try JSONLSink(path: output))
            benchmark.stopMeasurement()
            let seconds = Date().timeIntervalSince(started)
            precondition(statistics.ok == archive.memberCount && statistics.failed == 0, "ingest did not read every member")
            benchmark.measurement(.custom("UTF-8 MB/s", polarity: .prefersLarger, useScalingFactor: false),
                                  Int((Double(statistics.analysedBytes) / 1e6 / seconds).rounded()))
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
