import ArgumentParser
import Foundation
import Zongjie
import ZongjieIngest

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Turn files, folders and zip archives of reports into one dataset (SQLite, JSONL or CSV).",
        discussion: """
        PATH is any mix of files (.txt in UTF-8/UTF-16/GB18030/Big5, .html/.htm, .docx), folders \
        (read recursively, in name order) and .zip archives (members keep their inner path; a zip \
        inside a zip is read one level down). `-` reads JSONL documents {"id": ..., "text": ...} \
        from standard input. Other types are skipped and listed.

        OUT's extension picks the format: .sqlite or .db (a database; re-runs add only what is \
        new or changed), .jsonl (one record per line, as `extract` prints; `-` for standard \
        output), .csv (a folder holding one CSV per kind and documents.csv).

        Exit status: 0 when every input was read (skipped types do not count), 1 when some \
        failed (0 with --allow-failures), 2 for usage errors, 130 when interrupted.
        """
    )

    @Argument(help: "Files, folders, .zip archives, or - for JSONL on standard input.")
    var paths: [String] = []

    @Option(name: .long, help: "The output: NAME.sqlite / NAME.db, NAME.jsonl or - (standard output), NAME.csv (a folder).")
    var out: String

    @Option(name: .long, help: "Worker threads (default: the number of active cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Record kinds, comma-separated, or `all` (default: count,money,date,institution,dispatch).")
    var kinds: String?

    @Option(name: .customLong("max-file-size"), help: "Largest input read, e.g. 16M, 512K, 1G (default 16M); larger ones fail as too-large.")
    var maxFileSize: String = "16M"

    @Flag(name: .long, help: "Print only failures and warnings: no progress, no summary.")
    var quiet = false

    @Flag(name: .customLong("store-text"), help: "SQLite: keep each document's text in documents.text.")
    var storeText = false

    @Flag(name: .long, help: "SQLite: analyse and replace documents even when already stored unchanged.")
    var reanalyze = false

    @Flag(name: .customLong("allow-failures"), help: "Exit 0 even when some inputs failed (still reported): for Spark's pipe and Hadoop Streaming, which fail a task on any other status.")
    var allowFailures = false

    enum OutputFormat { case sqlite, jsonl, csv }

    var outputFormat: OutputFormat? {
        if out == "-" { return .jsonl }
        switch URL(fileURLWithPath: out).pathExtension.lowercased() {
        case "sqlite", "db", "sqlite3": return .sqlite
        case "jsonl", "ndjson": return .jsonl
        case "csv": return .csv
        default: return nil
        }
    }

    var selectedKinds: Set<RecordKind> {
        get throws {
            guard let kinds else { return RecordKind.defaults }
            if kinds == "all" { return Set(RecordKind.allCases) }
            var set = Set<RecordKind>()
            for name in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let kind = RecordKind(rawValue: name) else {
                    throw ValidationError("unknown kind '\(name)'; kinds are \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")), or all")
                }
                set.insert(kind)
            }
            if set.isEmpty { throw ValidationError("--kinds names no kind") }
            return set
        }
    }

    static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("GB", 1 << 30), ("G", 1 << 30), ("MB", 1 << 20), ("M", 1 << 20), ("KB", 1 << 10), ("K", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count)), value > 0 else { return nil }
            return Int(value * Double(factor))
        }
        guard let value = Int(trimmed), value > 0 else { return nil }
        return value
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH (a file, a folder, a .zip archive, or - for standard input)") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if outputFormat == nil { throw ValidationError("--out \(out): the extension must be .sqlite, .db, .jsonl or .csv (or - for JSONL on standard output)") }
        if IngestCommand.parseSize(maxFileSize) == nil { throw ValidationError("--max-file-size \(maxFileSize): expected a size such as 16M, 512K or 1G") }
        _ = try selectedKinds
        if out != "-" && outputFormat != .csv {
            let folder = URL(fileURLWithPath: out).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
                throw ValidationError("--out \(out): the folder \(folder) does not exist")
            }
        }
    }

    func run() throws {
        let kinds = try selectedKinds
        AllocatorSettings.limitArenas(workerThreads: threads)
        AllocatorSettings.retainFreedMemory()
        let sink: IngestSink
        do {
            switch outputFormat! {
            case .sqlite:
                SQLiteProcessSettings.useSingleOwnerConnections()
                sink = try SQLiteSink(path: out, reanalyze: reanalyze)
            case .jsonl: sink = try JSONLSink(path: out == "-" ? nil : out)
            case .csv: sink = try CSVSink(folder: out)
            }
        } catch let error as OutputError {
            throw ValidationError(error.description)
        }
        let options = IngestOptions(paths: paths, threads: threads, kinds: kinds,
                                    maximumFileBytes: IngestCommand.parseSize(maxFileSize)!,
                                    storeText: storeText, arguments: Array(CommandLine.arguments.dropFirst()))
        let pipeline = IngestPipeline(options: options)
        let display = ProgressDisplay(showProgress: !quiet)
        display.startCensus(paths: paths)
        let interrupts = InterruptHandler { pipeline.cancel() }
        defer { interrupts.restore() }

        let statistics: IngestStatistics
        do {
            statistics = try pipeline.run(into: sink, observer: display)
        } catch let interrupted as IngestInterrupted {
            display.finish(IngestSummary.render(interrupted.statistics, kinds: kinds, output: out, interrupted: true))
            throw ExitCode(130)
        } catch {
            display.clearBar()
            StandardError.print("zongjie: ingest: \(error)")
            throw ExitCode(1)
        }
        display.finish(IngestSummary.render(statistics, kinds: kinds, output: out))
        if statistics.failed > 0 && !allowFailures { throw ExitCode(1) }
    }
}

/// Ctrl-C stops the run cleanly: inputs in flight are finished, SQLite commits what is done, and
/// JSONL/CSV outputs are left as they were. A second Ctrl-C exits at once.
final class InterruptHandler: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(_ action: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            let count = Counter()
            source.setEventHandler {
                if count.increment() > 1 { _exit(130) }
                StandardError.print("\nzongjie: interrupted: finishing the documents in flight (Ctrl-C again to quit at once)")
                action()
            }
            source.resume()
            sources.append(source)
        }
    }

    func restore() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
