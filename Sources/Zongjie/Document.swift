import Foundation

/// One source document: its original text (the offsets Zongjie reports point into it), the
/// normalized text used for matching, and what decoding learnt about the file.
public struct Document: Sendable {
    /// The path as given, or an id for documents that did not come from a file.
    public let source: String
    public let text: SourceText
    public let normalized: NormalizedText
    public let encoding: TextEncoding
    public let warnings: [DecodingWarning]

    public init(source: String, decoded: DecodedText) {
        self.source = source
        self.text = decoded.text
        self.normalized = NormalizedText(decoded.text)
        self.encoding = decoded.encoding
        self.warnings = decoded.warnings
    }

    public init(source: String, text: String) {
        let sourceText = SourceText(text)
        self.init(source: source, decoded: DecodedText(
            text: sourceText, encoding: .utf8, hadByteOrderMark: false,
            lineEnding: TextDecoder.lineEnding(of: sourceText.scalars), warnings: []))
    }

    /// Decodes raw bytes (any supported encoding).
    public init(source: String, bytes: [UInt8]) throws(DecodingError) {
        self.init(source: source, decoded: try TextDecoder.decode(bytes, source: source))
    }

    /// Reads and decodes a plain-text file.
    public static func read(path: String) throws -> Document {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DocumentReadError(source: path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try Document(source: path, bytes: [UInt8](data))
    }

    /// The original text of a normalized range.
    public func originalText(ofNormalized range: Range<Int>) -> (range: Range<Int>, text: String) {
        let original = normalized.originalRange(range)
        return (original, text.string(in: original))
    }
}

/// A file that could not be read at all.
public struct DocumentReadError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var reason: String
    public var description: String { "\(source): \(reason)" }
}
