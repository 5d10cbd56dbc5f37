import Foundation
import Zongjie

/// What `ingest` is asked to do.
public struct IngestOptions: Sendable {
    /// Files, folders, zip archives, and `-` for JSONL on standard input.
    public var paths: [String]
    /// Worker threads (each with its own `Analyzer`).
    public var threads: Int
    public var kinds: Set<RecordKind>
    /// Inputs above this size (a file, an uncompressed member, a standard-input line) fail as
    /// `too-large`; a .docx's XML may be 8 times larger.
    public var maximumFileBytes: Int
    /// Keep each document's text in the output (SQLite `documents.text`).
    public var storeText: Bool
    /// Inputs admitted and not yet written at most (bounds memory; the reorder window).
    public var window: Int
    /// Bytes of admitted, not yet written inputs at most (a larger input is admitted alone).
    public var inFlightBytes: Int
    public var standardInput: FileHandle
    /// The command line, for the SQLite `runs` table.
    public var arguments: [String]

    public static let defaultMaximumFileBytes = 16 << 20

    public init(paths: [String], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                kinds: Set<RecordKind> = RecordKind.defaults, maximumFileBytes: Int = defaultMaximumFileBytes,
                storeText: Bool = false, window: Int? = nil, inFlightBytes: Int = 64 << 20,
                standardInput: FileHandle = .standardInput, arguments: [String] = []) {
        self.paths = paths
        self.threads = max(1, threads)
        self.kinds = kinds
        self.maximumFileBytes = maximumFileBytes
        self.storeText = storeText
        self.window = window ?? max(16, self.threads * 8)
        self.inFlightBytes = inFlightBytes
        self.standardInput = standardInput
        self.arguments = arguments
    }
}

/// Told about the run as it goes, on the writer's thread.
public protocol IngestObserver: AnyObject {
    /// After each document is written, in input order.
    func written(_ document: IngestedDocument, statistics: IngestStatistics)
    /// About four times a second while waiting for the next document.
    func tick(_ statistics: IngestStatistics)
}

/// The run was stopped (`cancel()`, e.g. on Ctrl-C) before every input was handled.
public struct IngestInterrupted: Error, Sendable {
    public var statistics: IngestStatistics
}

/// The batch pipeline: one reader thread reads inputs in order (files, zip members one at a time,
/// standard-input lines) into a bounded work queue; worker threads, each with its own analyzer,
/// turn them into `IngestedDocument`s; a reorder buffer hands them to the sink on the calling
/// thread in input order. At most `window` inputs (and `inFlightBytes` bytes) are in flight, so
/// memory does not grow with the archive, and the output is the same for any number of threads.
public final class IngestPipeline: @unchecked Sendable {
    public let options: IngestOptions
    private let lock = NSLock()
    private var reorder: ReorderBuffer<IngestedDocument>?
    private var cancelRequested = false

    public init(options: IngestOptions) {
        self.options = options
    }

    /// Stops the run from any thread: no more inputs are read; what was written stays written.
    public func cancel() {
        lock.lock()
        cancelRequested = true
        let reorder = self.reorder
        lock.unlock()
        reorder?.cancel()
    }

    public func run(into sink: IngestSink, observer: IngestObserver? = nil) throws -> IngestStatistics {
        let started = Date()
        let options = self.options
        let reorder = ReorderBuffer<IngestedDocument>(window: options.window, byteBudget: options.inFlightBytes)
        let queue = WorkQueue<SourceUnit>(capacity: max(2, options.threads * 2))
        lock.lock()
        self.reorder = reorder
        let cancelledEarly = cancelRequested
        lock.unlock()
        if cancelledEarly { reorder.cancel() }

        var statistics = IngestStatistics()
        try sink.begin(IngestRunInfo(arguments: options.arguments, kinds: options.kinds, threads: options.threads,
                                     startedAt: IngestClock.timestamp(started)))
        let settings = DocumentProcessor.Settings(kinds: options.kinds, maximumFileBytes: options.maximumFileBytes,
                                                  storeText: options.storeText,
                                                  isUpToDate: sink.upToDateCheck(kinds: options.kinds))
        let group = DispatchGroup()
        func spawn(_ name: String, _ body: @escaping @Sendable () -> Void) {
            group.enter()
            let thread = Thread {
                body()
                group.leave()
            }
            thread.name = name
            thread.stackSize = 8 << 20
            thread.start()
        }

        let reader = SourceReader(maximumFileBytes: options.maximumFileBytes, standardInput: options.standardInput)
        spawn("zongjie-reader") {
            reader.run(paths: options.paths, admit: { reorder.admit(bytes: $0) }, emit: { queue.push($0) })
            queue.close()
            reorder.closeAdmissions()
        }
        let prepare = sink.documentPreparer()
        for index in 0..<options.threads {
            spawn("zongjie-worker-\(index)") {
                let processor = DocumentProcessor(settings: settings)
                while let unit = queue.pop() {
                    if reorder.cancelled { continue }
                    var document = processor.process(unit)
                    prepare?(&document)
                    reorder.complete(unit.sequence, document)
                }
            }
        }

        func stop() {
            reorder.cancel()
            queue.close()
            group.wait()
            statistics.elapsed = Date().timeIntervalSince(started)
        }

        do {
            loop: while true {
                switch reorder.next(before: Date().addingTimeInterval(0.25)) {
                case .element(let document):
                    statistics.add(document)
                    statistics.elapsed = Date().timeIntervalSince(started)
                    try sink.write(document)
                    observer?.written(document, statistics: statistics)
                case .timedOut:
                    statistics.elapsed = Date().timeIntervalSince(started)
                    observer?.tick(statistics)
                case .finished:
                    break loop
                }
            }
        } catch {
            stop()
            sink.abandon(statistics)
            throw error
        }
        if reorder.cancelled {
            stop()
            sink.abandon(statistics)
            throw IngestInterrupted(statistics: statistics)
        }
        group.wait()
        statistics.elapsed = Date().timeIntervalSince(started)
        try sink.finish(statistics)
        // The time reported covers the sink's finishing too (the last commits, index builds).
        statistics.elapsed = Date().timeIntervalSince(started)
        return statistics
    }
}
