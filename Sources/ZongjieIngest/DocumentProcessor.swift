import Foundation
import Zongjie

/// What a worker does to one input: hash it, skip it when the output already holds it, turn it
/// into a `Document` by format, analyse it, and package everything the sinks write. One per worker
/// thread (it owns an `Analyzer`).
final class DocumentProcessor {
    struct Settings: Sendable {
        var kinds: Set<RecordKind>
        var maximumFileBytes: Int
        var storeText: Bool
        /// True when the output already holds this source/member with this content hash and kinds.
        var isUpToDate: (@Sendable (_ source: String, _ member: String?, _ contentHash: String) -> Bool)?
    }

    private let analyzer: Analyzer
    private let settings: Settings

    init(settings: Settings) {
        self.settings = settings
        self.analyzer = Analyzer(kinds: settings.kinds)
    }

    func process(_ unit: SourceUnit) -> IngestedDocument {
        switch unit.payload {
        case .notRead(let failure):
            return .notRead(sequence: unit.sequence, source: unit.source, member: unit.member, format: unit.format,
                            failure: failure, byteCount: unit.byteCount)
        case .bytes(let bytes):
            let hash = SHA256.hex(bytes)
            var document = IngestedDocument(sequence: unit.sequence, source: unit.source, member: unit.member,
                                            format: unit.format, status: .ok, byteCount: bytes.count, contentHash: hash)
            if settings.isUpToDate?(unit.source, unit.member, hash) == true {
                document.status = .unchanged
                return document
            }
            do {
                let decoded = try decode(bytes, format: unit.format ?? .text, name: document.displayName)
                analyze(Document(source: document.displayName, decoded: decoded), into: &document)
            } catch {
                document.status = .failed
                document.failure = error
            }
            return document
        case .line(let line, let number):
            return processLine(line, number: number, unit: unit)
        }
    }

    private func decode(_ bytes: [UInt8], format: InputFormat, name: String) throws(IngestFailure) -> DecodedText {
        if format == .docx {
            // The XML of a document is several times its text; bound it in proportion.
            let xmlLimit = settings.maximumFileBytes > Int.max / 8 ? Int.max : settings.maximumFileBytes * 8
            let scalars = try DocxText.text(ofDocx: bytes, xmlLimit: xmlLimit)
            return DecodedText(text: SourceText(scalars: scalars), encoding: .utf8)
        }
        do throws(DecodingError) {
            if format == .html {
                return try HTMLText.decode(bytes, source: name, maximumBytes: settings.maximumFileBytes)
            }
            return try TextDecoder.decode(bytes, source: name, maximumBytes: settings.maximumFileBytes)
        } catch {
            throw IngestFailure(error)
        }
    }

    private func analyze(_ source: Document, into document: inout IngestedDocument) {
        let analysis = analyzer.analyze(source)
        document.status = .ok
        document.encoding = source.encoding.rawValue
        document.characterCount = source.text.count
        document.warnings = source.warnings.map(\.description)
        document.structure = analysis.structure
        document.sections = analysis.structure.flattenedSections()
        document.records = analysis.records
        let sections = document.sections
        document.recordSections = analysis.records.map { record in
            record.article.flatMap { sections.innermostOrdinal(containing: record.start, inArticle: $0) }
        }
        if settings.storeText { document.text = source.text.string }
    }

    /// A standard-input line: `{"id": ..., "text": ...}`. The id (a string or a number; the line
    /// number when absent) becomes the member; the hash is that of the text in UTF-8.
    private func processLine(_ line: [UInt8], number: Int, unit: SourceUnit) -> IngestedDocument {
        func failed(_ detail: String, id: String? = nil) -> IngestedDocument {
            .notRead(sequence: unit.sequence, source: unit.source, member: id ?? "line \(number)", format: .jsonl,
                     failure: IngestFailure(.invalidJSON, "line \(number): \(detail)"), byteCount: line.count)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            return failed("not JSON")
        }
        guard let fields = object as? [String: Any] else { return failed("not a JSON object") }
        var id = String(number)
        if let value = fields["id"] {
            if let string = value as? String {
                id = string
            } else if let number = value as? NSNumber {
                id = number.stringValue
            } else if !(value is NSNull) {
                return failed("\"id\" is neither a string nor a number")
            }
        }
        guard let text = fields["text"] as? String else { return failed("no string \"text\"", id: id) }
        let hash = SHA256.hex(Array(text.utf8))
        var document = IngestedDocument(sequence: unit.sequence, source: unit.source, member: id, format: .jsonl,
                                        status: .ok, byteCount: text.utf8.count, contentHash: hash)
        if settings.isUpToDate?(unit.source, id, hash) == true {
            document.status = .unchanged
            return document
        }
        analyze(Document(source: id, text: text), into: &document)
        return document
    }
}
