import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Zongjie

/// The text of a Word document (.docx): the paragraphs of `word/document.xml` in document order
/// (table cells' paragraphs included), one line each, joined by `\n`; `w:tab` is a tab, `w:br` and
/// `w:cr` a line break. Deleted text (`w:delText`), field codes, headers, footers and notes are
/// not part of the text. Offsets of records refer to this text.
public enum DocxText {
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    /// The text of a .docx file's bytes. `xmlLimit` bounds the uncompressed `word/document.xml`.
    public static func text(ofDocx bytes: [UInt8], xmlLimit: Int) throws(IngestFailure) -> [UInt32] {
        let archive: ZipReader
        do {
            archive = try ZipReader(bytes: bytes)
        } catch {
            throw IngestFailure(.corruptDocx, "not a zip package: \(error.detail)")
        }
        let xml: [UInt8]?
        do {
            xml = try archive.read(path: "word/document.xml", limit: xmlLimit)
        } catch {
            if error.reason == .tooLarge { throw error }
            throw IngestFailure(.corruptDocx, "word/document.xml: \(error.detail)")
        }
        guard let xml else {
            throw IngestFailure(.corruptDocx, "no word/document.xml: not a Word document")
        }
        return try text(ofDocumentXML: xml)
    }

    /// The text of a `word/document.xml`.
    public static func text(ofDocumentXML xml: [UInt8]) throws(IngestFailure) -> [UInt32] {
        let collector = ParagraphCollector()
        let parser = XMLParser(data: Data(xml))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let parsed = parser.parse()
        // FoundationXML on Linux may return true after a fatal error: check the reported error
        // and that every element was closed too.
        if !parsed || collector.error != nil || parser.parserError != nil || collector.depth != 0 || !collector.ended {
            let error = (collector.error ?? parser.parserError).map { DocxText.describe($0) }
                ?? "\(collector.depth) unclosed element\(collector.depth == 1 ? "" : "s")"
            throw IngestFailure(.corruptDocx, "word/document.xml is not well-formed XML (line \(parser.lineNumber): \(error))")
        }
        guard collector.sawBody else {
            throw IngestFailure(.corruptDocx, "word/document.xml has no w:body")
        }
        return collector.finish()
    }

    /// libxml2's error codes as words, for the common ones.
    static func describe(_ error: Error) -> String {
        let code = (error as NSError).code
        let names: [Int: String] = [
            4: "empty document", 5: "premature end of document", 9: "invalid character", 23: "unterminated entity",
            26: "undeclared entity", 38: "malformed attribute", 41: "attribute without value", 64: "XML declaration misplaced",
            73: "'>' expected", 76: "mismatched end tag", 77: "unclosed tag", 111: "text after the document element",
        ]
        return names[code].map { "\($0), XML error \(code)" } ?? "XML error \(code)"
    }

    /// SAX handler: paragraphs become lines; only `w:t` content is text.
    private final class ParagraphCollector: NSObject, XMLParserDelegate {
        private var lines: [[UInt32]] = []
        /// Open paragraphs (text boxes nest paragraphs inside runs).
        private var open: [[UInt32]] = []
        private var inText = 0
        var sawBody = false
        var depth = 0
        var ended = false
        var error: Error?

        func finish() -> [UInt32] {
            while !open.isEmpty { lines.append(open.removeLast()) }
            var out: [UInt32] = []
            for (index, line) in lines.enumerated() {
                if index > 0 { out.append(0x0A) }
                out.append(contentsOf: line)
            }
            return out
        }

        private func isWord(_ namespace: String?) -> Bool {
            guard let namespace, !namespace.isEmpty else { return true }
            return DocxText.wordNamespaces.contains(namespace)
        }

        private func append(_ scalars: [UInt32]) {
            if open.isEmpty { open.append([]) }
            open[open.count - 1].append(contentsOf: scalars)
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            guard isWord(namespaceURI) else { return }
            switch elementName {
            case "body": sawBody = true
            case "p": open.append([])
            case "t": inText += 1
            case "tab": append([0x09])
            case "br", "cr": append([0x0A])
            case "noBreakHyphen": append([0x2D])
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            guard isWord(namespaceURI) else { return }
            switch elementName {
            case "p":
                if let line = open.popLast() { lines.append(line) }
            case "t":
                inText = max(0, inText - 1)
            default: break
            }
        }

        func parserDidEndDocument(_ parser: XMLParser) { ended = true }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = parseError }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard inText > 0 else { return }
            append(string.unicodeScalars.map(\.value))
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard inText > 0 else { return }
            append(String(decoding: CDATABlock, as: UTF8.self).unicodeScalars.map(\.value))
        }
    }
}
