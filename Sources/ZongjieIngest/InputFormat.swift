/// The kinds of input `ingest` reads, chosen by file extension (case-insensitive).
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    /// Plain text in any encoding `TextDecoder` reads (UTF-8, UTF-16, GB18030/GBK, Big5).
    case text = "txt"
    /// A web page: its text is extracted (see `HTMLText`).
    case html
    /// A Word document: the paragraphs of `word/document.xml` (see `DocxText`).
    case docx
    /// A zip archive: its members are read one at a time (see `ZipReader`).
    case zip
    /// One `{"id": ..., "text": ...}` line of standard input.
    case jsonl

    /// The format of a path by its extension, or nil for a type `ingest` does not read.
    public static func of(path: String) -> InputFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "txt", "text": return .text
        case "html", "htm", "xhtml": return .html
        case "docx": return .docx
        case "zip": return .zip
        default: return nil
        }
    }

    /// The extension of a path for messages ("" when there is none).
    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[dot...]).lowercased()
    }
}
