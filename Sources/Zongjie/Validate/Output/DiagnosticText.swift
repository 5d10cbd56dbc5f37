/// Lines and columns of a text: 1-based, columns counted in code points (as Zongjie's offsets
/// are), every line ending (LF, CRLF, CR) recognised.
public struct LineIndex: Sendable {
    let starts: [Int]
    public let text: SourceText

    public init(_ text: SourceText) {
        self.text = text
        self.starts = text.lineStarts()
    }

    /// Line and column (both 1-based) of an offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        let line = max(1, low)
        return (line, offset - starts[line - 1] + 1)
    }

    /// The original range of a line (without its line break).
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] : text.count
        while end > start, text.scalars[end - 1] == 0x0A || text.scalars[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}

/// Where a diagnostic is, as editors and SARIF count: lines and columns of its start and end.
public struct DiagnosticLocation: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The diagnosed text itself.
    public var snippet: String
    /// What the text format shows under the message: the line (or a window of it) and a marker.
    public var excerpt: String
    public var marker: String

    public init(_ diagnostic: Diagnostic, in index: LineIndex) {
        let start = index.position(of: diagnostic.start)
        let end = index.position(of: diagnostic.end)
        self.line = start.line
        self.column = start.column
        self.endLine = end.line
        self.endColumn = end.column
        let text = index.text
        let clamped = min(diagnostic.start, text.count)..<min(max(diagnostic.end, diagnostic.start), text.count)
        self.snippet = text.string(in: clamped)
        // The excerpt: the first line of the span, cut to a window around it.
        let lineRange = index.lineRange(start.line)
        let spanEnd = min(clamped.upperBound, lineRange.upperBound)
        var from = max(lineRange.lowerBound, clamped.lowerBound - 20)
        var to = min(lineRange.upperBound, max(spanEnd, clamped.lowerBound + 1) + 20)
        if spanEnd - clamped.lowerBound > 60 { to = min(to, clamped.lowerBound + 60) }
        if from < clamped.lowerBound, clamped.lowerBound - from < 20, from != lineRange.lowerBound { from = lineRange.lowerBound }
        var excerpt = ""
        var marker = ""
        if from > lineRange.lowerBound {
            excerpt += "…"
            marker += " "
        }
        for offset in from..<to {
            var c = text.scalars[offset]
            if c == 0x09 { c = 0x20 }
            excerpt.unicodeScalars.append(Unicode.Scalar(c) ?? "\u{FFFD}")
            let width = Self.displayWidth(c)
            let inside = offset >= clamped.lowerBound && offset < max(spanEnd, clamped.lowerBound + 1)
            let symbol = offset == clamped.lowerBound ? "^" : (inside ? "~" : " ")
            marker += String(repeating: symbol == "^" ? "^" : symbol, count: 1)
            if width == 2 { marker += inside ? "~" : " " }
        }
        if to < lineRange.upperBound { excerpt += "…" }
        while marker.hasSuffix(" ") { marker.removeLast() }
        self.excerpt = excerpt
        self.marker = marker
    }

    /// Terminal columns a scalar takes: 2 for East Asian wide and full-width characters.
    static func displayWidth(_ c: UInt32) -> Int {
        switch c {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

extension Diagnostic {
    /// The diagnostic with lines and columns filled in for the related locations in its own
    /// source (an earlier statement, a signature date).
    public func locatingRelated(in index: LineIndex) -> Diagnostic {
        var copy = self
        for k in copy.related.indices where copy.related[k].source == source && copy.related[k].line == nil {
            copy.related[k].locate(in: index)
        }
        return copy
    }

    /// The compiler-style form: `path:line:col: warning: message [rule]`, then the line of text
    /// with the span marked.
    public func compilerStyle(_ location: DiagnosticLocation) -> String {
        var out = "\(source):\(location.line):\(location.column): \(severity == .info ? "note" : severity.rawValue): \(message) [\(rule)]\n"
        out += "    " + location.excerpt + "\n"
        out += "    " + location.marker + "\n"
        for related in related {
            var place = related.source
            if let line = related.line { place += ":\(line)" + (related.column.map { ":\($0)" } ?? "") }
            out += "    → \(place) [\(related.start), \(related.end))" + (related.message.map { " \($0)" } ?? "") + "\n"
        }
        return out
    }
}
