import Foundation
import Zongjie

/// Counts of a run, kept by the writer as documents arrive, for progress and the summary.
public struct IngestStatistics: Sendable {
    public var ok = 0
    public var failed = 0
    public var skipped = 0
    public var unchanged = 0
    /// Bytes of every input handled (read, failed or skipped).
    public var bytes = 0
    /// Bytes of the documents that were read and analysed.
    public var analysedBytes = 0
    public var records: [RecordKind: Int] = [:]
    public var failuresByReason: [IngestReason: Int] = [:]
    public var skipsByReason: [IngestReason: Int] = [:]
    /// Skipped inputs by file extension (".pdf"), for the summary.
    public var skippedExtensions: [String: Int] = [:]
    /// The first skipped inputs (path and member), for the summary.
    public var skippedExamples: [String] = []
    static let skippedExampleLimit = 10
    public var elapsed: TimeInterval = 0

    public init() {}

    public var documents: Int { ok + failed + skipped + unchanged }
    public var recordCount: Int { records.values.reduce(0, +) }

    mutating func add(_ document: IngestedDocument) {
        bytes += document.byteCount
        switch document.status {
        case .ok:
            ok += 1
            analysedBytes += document.byteCount
            // Counted by the kind's position: hashing a kind hashes its name, once per record.
            var perKind = [Int](repeating: 0, count: RecordKind.allCases.count)
            document.records.withUnsafeBufferPointer { documentRecords in
                for index in documentRecords.indices { perKind[documentRecords[index].kind.order] += 1 }
            }
            for kind in RecordKind.allCases where perKind[kind.order] > 0 { records[kind, default: 0] += perKind[kind.order] }
        case .failed:
            failed += 1
            if let reason = document.failure?.reason { failuresByReason[reason, default: 0] += 1 }
        case .skipped:
            skipped += 1
            if let reason = document.failure?.reason { skipsByReason[reason, default: 0] += 1 }
            let ext = InputFormat.fileExtension(of: document.member ?? document.source)
            skippedExtensions[ext.isEmpty ? "(none)" : ext, default: 0] += 1
            if skippedExamples.count < IngestStatistics.skippedExampleLimit { skippedExamples.append(document.displayName) }
        case .unchanged:
            unchanged += 1
        }
    }
}
