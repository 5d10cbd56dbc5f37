import Foundation
import Zongjie

/// Writes records as JSON lines, exactly as `record.jsonLine(source:id:)` prints them (the
/// format of `zongjie extract`): `source` is the input path (or `-`), `id` the member inside an
/// archive or the id of a standard-input line. To a file: atomically (temporary file, then
/// rename). To standard output (`-`): streamed, for pipes (Spark's `RDD.pipe`, Hadoop Streaming).
public final class JSONLSink: IngestSink {
    private let file: AtomicFile?
    private var output: [UInt8] = []

    /// `path` nil writes to standard output.
    public init(path: String?) throws {
        file = try path.map { try AtomicFile(path: $0) }
        output.reserveCapacity(1 << 16)
    }

    public func begin(_ run: IngestRunInfo) throws {}

    /// Workers render each document's lines, so that the thread that writes them in input order
    /// only copies bytes (rendering there made it the slowest thread of a run with all kinds).
    public func documentPreparer() -> (@Sendable (inout IngestedDocument) -> Void)? {
        { document in
            guard document.status == .ok else { return }
            var lines: [UInt8] = []
            JSONLSink.appendLines(of: document, to: &lines)
            document.encodedJSONLines = lines
        }
    }

    public func write(_ document: IngestedDocument) throws {
        guard document.status == .ok else { return }
        if let lines = document.encodedJSONLines {
            output.append(contentsOf: lines)
        } else {
            Self.appendLines(of: document, to: &output)
        }
        if output.count >= 1 << 16 { try flush() }
    }

    private static func appendLines(of document: IngestedDocument, to bytes: inout [UInt8]) {
        for record in document.records {
            record.appendJSONLine(source: document.source, id: document.member, to: &bytes)
        }
    }

    /// Hands the lines gathered so far to the file (buffered, atomic) or to standard output.
    private func flush() throws {
        guard !output.isEmpty else { return }
        if let file {
            try file.write(bytes: output)
        } else {
            FileHandle.standardOutput.write(Data(output))
        }
        output.removeAll(keepingCapacity: true)
    }

    public func finish(_ statistics: IngestStatistics) throws {
        try flush()
        try file?.commit()
    }

    public func abandon(_ statistics: IngestStatistics) {
        if let file {
            file.discard()
        } else {
            try? flush()
        }
    }
}
