import Zongjie

/// Facts about a run that sinks may record.
public struct IngestRunInfo: Sendable {
    public var arguments: [String]
    public var kinds: Set<RecordKind>
    public var threads: Int
    public var startedAt: String

    public init(arguments: [String], kinds: Set<RecordKind>, threads: Int, startedAt: String) {
        self.arguments = arguments
        self.kinds = kinds
        self.threads = threads
        self.startedAt = startedAt
    }

    /// The kinds as stored with each document: raw values in `RecordKind` order, comma-separated.
    public var kindsList: String { IngestRunInfo.kindsList(kinds) }

    public static func kindsList(_ kinds: Set<RecordKind>) -> String {
        kinds.sorted().map(\.rawValue).joined(separator: ",")
    }
}

/// Where ingested documents go. The pipeline calls `begin`, then `write` for every document in
/// input order, then `finish` (or `abandon` when the run stops early), all on one thread.
public protocol IngestSink: AnyObject {
    func begin(_ run: IngestRunInfo) throws
    func write(_ document: IngestedDocument) throws
    /// Makes the output complete (commits, renames temporary files into place).
    func finish(_ statistics: IngestStatistics) throws
    /// Leaves the output as it was before the run, or (SQLite) as consistent as the last commit.
    func abandon(_ statistics: IngestStatistics)
    /// A thread-safe check that an input is already stored with this content hash and these
    /// kinds, so workers skip it; nil for outputs written afresh each run, and for an output that
    /// holds nothing yet.
    func upToDateCheck(kinds: Set<RecordKind>) -> (@Sendable (String, String?, String) -> Bool)?
    /// Work on a document that worker threads do in parallel before it reaches `write` (which
    /// runs on one thread), such as encoding its rows; nil for none.
    func documentPreparer() -> (@Sendable (inout IngestedDocument) -> Void)?
}

extension IngestSink {
    public func upToDateCheck(kinds: Set<RecordKind>) -> (@Sendable (String, String?, String) -> Bool)? { nil }
    public func documentPreparer() -> (@Sendable (inout IngestedDocument) -> Void)? { nil }
}

/// Why the output cannot be used (reported as a usage error).
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
