import CSV
import Foundation
import Zongjie

/// Writes a folder of CSV files: one per requested kind (`count.csv`, `money.csv`, …) with the
/// common columns then the kind's fields, and `documents.csv` listing every input with its status
/// (nothing is lost: failed and skipped inputs are there with their reason). UTF-8 with a byte
/// order mark so that spreadsheet programs open Chinese correctly; written with CSV.swift; each
/// file is written under a temporary name and renamed into place when the run completes.
public final class CSVSink: IngestSink {
    public let folder: String
    private var kinds: [RecordKind] = []
    private var files: [RecordKind: (AtomicFile, CSVWriter)] = [:]
    private var documents: (AtomicFile, CSVWriter)?

    static let commonHeader = ["source", "member", "article", "section", "start", "end", "text", "rule"]
    static let documentHeader = ["source", "member", "format", "status", "reason", "error", "bytes", "chars",
                                 "encoding", "content_hash", "records", "warnings"]

    public init(folder: String) throws {
        self.folder = folder
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            if !isFolder.boolValue { throw OutputError("\(folder) exists and is not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputError("cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
    }

    private func open(_ name: String, header: [String]) throws -> (AtomicFile, CSVWriter) {
        let file = try AtomicFile(path: folder + "/" + name)
        try file.write(bytes: [0xEF, 0xBB, 0xBF])
        let writer = try CSVWriter(stream: AtomicFileStream(file), delimiter: ",", newline: .crlf)
        try writer.write(row: header)
        return (file, writer)
    }

    public func begin(_ run: IngestRunInfo) throws {
        kinds = run.kinds.sorted()
        for kind in kinds {
            files[kind] = try open(kind.rawValue + ".csv", header: CSVSink.commonHeader + RecordColumns.csvHeader(of: kind))
        }
        documents = try open("documents.csv", header: CSVSink.documentHeader)
    }

    public func write(_ document: IngestedDocument) throws {
        if document.status == .unchanged { return }
        let member = document.member ?? ""
        if let (_, writer) = documents {
            let warnings = document.warnings.joined(separator: "; ")
            try writer.write(row: [
                document.source, member, document.format?.rawValue ?? "", document.status.rawValue,
                document.failure?.reason.rawValue ?? "", document.failure?.detail ?? "", String(document.byteCount),
                document.characterCount.map(String.init) ?? "", document.encoding ?? "", document.contentHash ?? "",
                String(document.records.count), warnings,
            ])
        }
        for record in document.records {
            guard let (_, writer) = files[record.kind] else { continue }
            let section = "[" + record.section.map(JSONObjectWriter.quoted).joined(separator: ",") + "]"
            let common = [document.source, member, record.article.map(String.init) ?? "", section,
                          String(record.start), String(record.end), record.text, record.rule]
            try writer.write(row: common + RecordColumns(record.value).csvFields(of: record.kind))
        }
    }

    private var all: [(AtomicFile, CSVWriter)] {
        kinds.compactMap { files[$0] } + (documents.map { [$0] } ?? [])
    }

    public func finish(_ statistics: IngestStatistics) throws {
        for (file, _) in all {
            // CSV.swift ends rows when the next begins: end the last one too.
            try file.write("\r\n")
            try file.commit()
        }
    }

    public func abandon(_ statistics: IngestStatistics) {
        for (file, _) in all { file.discard() }
    }
}

/// An `OutputStream` that CSV.swift writes into, forwarding to an `AtomicFile`'s buffer
/// (CSV.swift writes one byte at a time; a file stream would make one system call each).
final class AtomicFileStream: OutputStream {
    private let file: AtomicFile?
    private var status: Stream.Status = .notOpen

    init(_ file: AtomicFile) {
        self.file = file
        super.init(toMemory: ())
    }

    required init(toMemory: ()) {
        self.file = nil
        super.init(toMemory: ())
    }

    override func open() { status = .open }
    override func close() { status = .closed }
    override var streamStatus: Stream.Status { status }
    override var hasSpaceAvailable: Bool { true }

    override func write(_ buffer: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        do {
            guard let file else { return -1 }
            try file.write(bytes: UnsafeBufferPointer(start: buffer, count: length))
            return length
        } catch {
            status = .error
            return -1
        }
    }
}
