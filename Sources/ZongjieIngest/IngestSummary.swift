import Foundation
import Zongjie

/// The summary printed at the end of a run.
public enum IngestSummary {
    public static func render(_ statistics: IngestStatistics, kinds: Set<RecordKind>, output: String,
                              interrupted: Bool = false) -> String {
        var lines: [String] = []
        var head = "zongjie ingest\(interrupted ? " (interrupted)" : ""): \(statistics.documents) file\(statistics.documents == 1 ? "" : "s"): "
        head += "\(statistics.ok) ok, \(statistics.failed) failed, \(statistics.skipped) skipped"
        if statistics.unchanged > 0 { head += ", \(statistics.unchanged) unchanged (already in \(output))" }
        lines.append(head)
        let recordParts = kinds.sorted().map { "\($0.rawValue) \(statistics.records[$0] ?? 0)" }
        lines.append("  records: " + recordParts.joined(separator: ", ") + " (\(statistics.recordCount) in all)")
        if !statistics.failuresByReason.isEmpty {
            lines.append("  failed: " + describe(statistics.failuresByReason))
        }
        if !statistics.skipsByReason.isEmpty {
            var skipped = "  skipped: " + describe(statistics.skipsByReason)
            if !statistics.skippedExtensions.isEmpty {
                let top = statistics.skippedExtensions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                skipped += " (" + top.prefix(8).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    + (top.count > 8 ? ", …" : "") + ")"
            }
            lines.append(skipped)
            for name in statistics.skippedExamples { lines.append("    " + name) }
            if statistics.skipped > statistics.skippedExamples.count {
                lines.append("    … and \(statistics.skipped - statistics.skippedExamples.count) more (documents with status 'skipped')")
            }
        }
        let megabytes = Double(statistics.bytes) / 1e6
        let rate = statistics.elapsed > 0 ? megabytes / statistics.elapsed : 0
        lines.append(String(format: "  %.1f MB in %@: %.1f MB/s; output: %@", megabytes,
                            duration(statistics.elapsed), rate, output))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ counts: [IngestReason: Int]) -> String {
        counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
    }

    /// 0.04 s, 0.4 s, 12.3 s, 4:05, 1:02:03.
    static func duration(_ seconds: TimeInterval) -> String {
        if seconds < 0.95 { return String(format: "%.2f s", seconds) }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, (total % 3600) / 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
