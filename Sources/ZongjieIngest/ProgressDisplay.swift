import Foundation

/// Progress on standard error: a live bar redrawn in place when it is a terminal (files, MB,
/// MB/s, ETA), plain lines every `plainInterval` seconds otherwise (logs, CI, Spark executors).
/// Failures are printed as they come, one line each naming the path and member, above the bar.
public final class ProgressDisplay: IngestObserver, @unchecked Sendable {
    private let output: FileHandle
    private let isTerminal: Bool
    private let showProgress: Bool
    private let plainInterval: TimeInterval
    private let lock = NSLock()
    private var totals: InputCensus.Totals?
    private var lastDraw = Date.distantPast
    private var barVisible = false
    private var width = 80

    /// `showProgress` false (`--quiet`) prints failures only.
    public init(output: FileHandle = .standardError, isTerminal: Bool? = nil, showProgress: Bool = true,
                plainInterval: TimeInterval = 10) {
        self.output = output
        self.isTerminal = isTerminal ?? (isatty(output.fileDescriptor) == 1)
        self.showProgress = showProgress
        self.plainInterval = plainInterval
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { width = columns }
    }

    /// Counts the inputs in the background, for totals and ETA.
    public func startCensus(paths: [String]) {
        guard showProgress else { return }
        let thread = Thread { [weak self] in
            let totals = InputCensus.count(paths: paths)
            guard let self else { return }
            self.lock.lock()
            self.totals = totals
            self.lock.unlock()
        }
        thread.name = "zongjie-census"
        thread.start()
    }

    private func emit(_ text: String) {
        output.write(Data(text.utf8))
    }

    public func written(_ document: IngestedDocument, statistics: IngestStatistics) {
        if document.status == .failed, let failure = document.failure {
            clearBar()
            emit("zongjie: \(document.displayName): \(failure.reason.rawValue): \(failure.detail)\n")
        }
        for warning in document.warnings {
            clearBar()
            emit("zongjie: \(document.displayName): warning: \(warning)\n")
        }
        tick(statistics)
    }

    public func tick(_ statistics: IngestStatistics) {
        guard showProgress else { return }
        let now = Date()
        let interval = isTerminal ? 0.1 : plainInterval
        guard now.timeIntervalSince(lastDraw) >= interval, statistics.elapsed >= (isTerminal ? 0.3 : plainInterval) else { return }
        lastDraw = now
        lock.lock()
        let totals = self.totals
        lock.unlock()
        let line = ProgressDisplay.describe(statistics, totals: totals)
        if isTerminal {
            let barWidth = max(10, min(30, width - line.count - 4))
            let fraction = totals.map { $0.bytes > 0 ? Double(statistics.bytes) / Double($0.bytes) : Double(statistics.documents) / Double(max(1, $0.files)) }
            var bar = ""
            if let fraction {
                let filled = Int((min(1, fraction) * Double(barWidth)).rounded())
                bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "] "
            }
            emit("\r\u{1B}[K" + bar + line)
            barVisible = true
        } else {
            emit("zongjie: ingest: " + line + "\n")
        }
    }

    /// Removes the bar before other output, and before the summary.
    public func clearBar() {
        if barVisible {
            emit("\r\u{1B}[K")
            barVisible = false
        }
    }

    /// Prints the summary after the run (not with `--quiet`, which prints failures only).
    public func finish(_ summary: String) {
        clearBar()
        if showProgress { emit(summary) }
    }

    static func describe(_ statistics: IngestStatistics, totals: InputCensus.Totals?) -> String {
        let megabytes = Double(statistics.bytes) / 1e6
        let rate = statistics.elapsed > 0 ? megabytes / statistics.elapsed : 0
        var parts: [String] = []
        if let totals {
            parts.append("\(statistics.documents)/\(totals.files) files")
            parts.append(String(format: "%.1f/%.1f MB", megabytes, Double(totals.bytes) / 1e6))
        } else {
            parts.append("\(statistics.documents) files")
            parts.append(String(format: "%.1f MB", megabytes))
        }
        parts.append(String(format: "%.1f MB/s", rate))
        if let totals, rate > 0, totals.bytes >= statistics.bytes {
            let remaining = Double(totals.bytes - statistics.bytes) / 1e6 / rate
            parts.append("ETA " + IngestSummary.duration(remaining))
        }
        if statistics.failed > 0 { parts.append("\(statistics.failed) failed") }
        return parts.joined(separator: "  ")
    }
}
