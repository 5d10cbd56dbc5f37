import Foundation
import Zongjie

/// Writes a folder of CSV files: one per requested kind (`count.csv`, `money.csv`, …) with the
/// common columns then the kind's fields, and `documents.csv` listing every input with its status
/// (nothing is lost: failed and skipped inputs are there with their reason). UTF-8 with a byte
/// order mark so that spreadsheet programs open Chinese correctly; RFC 4180 rows (`CSVRowWriter`); each
/// file is written under a temporary name and renamed into place when the run completes.
public final class CSVSink: IngestSink {
    public let folder: String
    private var kinds: [RecordKind] = []
    private var files: [RecordKind: CSVRowWriter] = [:]
    private var documents: CSVRowWriter?

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

    private func open(_ name: String, header: [String]) throws -> CSVRowWriter {
        let file = try AtomicFile(path: folder + "/" + name)
        try file.write(bytes: [0xEF, 0xBB, 0xBF])
        let writer = CSVRowWriter(file)
        try writer.write(header)
        return writer
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
        if let documents {
            let warnings = document.warnings.joined(separator: "; ")
            try documents.write([
                document.source, member, document.format?.rawValue ?? "", document.status.rawValue,
                document.failure?.reason.rawValue ?? "", document.failure?.detail ?? "", String(document.byteCount),
                document.characterCount.map(String.init) ?? "", document.encoding ?? "", document.contentHash ?? "",
                String(document.records.count), warnings,
            ])
        }
        let rows = document.encodedCSVRows ?? Self.recordRows(of: document)
        for kind in kinds {
            if let bytes = rows[kind], let writer = files[kind] { try writer.write(renderedRows: bytes) }
        }
    }

    /// Workers render each document's record rows, so that the thread that writes them in input
    /// order only copies bytes.
    public func documentPreparer() -> (@Sendable (inout IngestedDocument) -> Void)? {
        { document in
            if document.status == .ok { document.encodedCSVRows = CSVSink.recordRows(of: document) }
        }
    }

    /// The rows of a document's records, per kind, in text order, rendered straight into bytes:
    /// the source and member once per document, a section path once per run of records under it.
    static func recordRows(of document: IngestedDocument) -> [RecordKind: [UInt8]] {
        var rows: [RecordKind: [UInt8]] = [:]
        var prefix: [UInt8] = []
        CSVRowWriter.appendField(document.source, to: &prefix)
        prefix.append(CSVRowWriter.comma)
        CSVRowWriter.appendField(document.member ?? "", to: &prefix)
        prefix.append(CSVRowWriter.comma)
        // Records come in text order, so neighbours mostly share their section path.
        var lastPath: [String]?
        var section: [UInt8] = []
        var kind = document.records.first?.kind
        var row: [UInt8] = []
        for record in document.records {
            if record.kind != kind {
                if let kind { rows[kind, default: []].append(contentsOf: row) }
                row.removeAll(keepingCapacity: true)
                kind = record.kind
            }
            if record.section != lastPath {
                lastPath = record.section
                section.removeAll(keepingCapacity: true)
                CSVRowWriter.appendField(JSONObjectWriter.quotedArray(record.section), to: &section)
            }
            row.append(contentsOf: prefix)
            CSVRowWriter.appendField(record.article, to: &row)
            row.append(CSVRowWriter.comma)
            row.append(contentsOf: section)
            row.append(CSVRowWriter.comma)
            CSVRowWriter.appendField(record.start, to: &row)
            row.append(CSVRowWriter.comma)
            CSVRowWriter.appendField(record.end, to: &row)
            row.append(CSVRowWriter.comma)
            CSVRowWriter.appendField(record.text, to: &row)
            row.append(CSVRowWriter.comma)
            CSVRowWriter.appendField(record.rule, to: &row)
            RecordColumns.appendCSVFields(of: record.value, to: &row)
            CSVRowWriter.endRow(&row)
        }
        if let kind, !row.isEmpty { rows[kind, default: []].append(contentsOf: row) }
        return rows
    }

    private var all: [AtomicFile] {
        (kinds.compactMap { files[$0] } + (documents.map { [$0] } ?? [])).map(\.file)
    }

    public func finish(_ statistics: IngestStatistics) throws {
        for file in all { try file.commit() }
    }

    public func abandon(_ statistics: IngestStatistics) {
        for file in all { file.discard() }
    }
}
