import Zongjie

/// The text of a web page, as a reader sees it: tags dropped, `script`, `style`, `noscript` and
/// `template` dropped with their content, comments dropped, character references decoded, block
/// elements (`p`, `div`, `br`, `li`, `h1`…, `tr`…) turned into line breaks, table cells separated
/// by tabs, runs of HTML whitespace collapsed to one space outside `pre`. Offsets of records
/// refer to this extracted text.
///
/// The charset: a byte order mark wins; bytes that are valid UTF-8 are UTF-8 (scraped pages are
/// often re-saved as UTF-8 with their old `<meta charset=gb2312>`); otherwise the charset the page
/// declares (`<meta charset>` or `http-equiv` Content-Type) when it is one Zongjie reads; otherwise
/// detection, as for plain text.
public enum HTMLText {
    /// Decodes a page and extracts its text.
    public static func decode(_ bytes: [UInt8], source: String,
                              maximumBytes: Int = TextDecoder.defaultMaximumBytes) throws(DecodingError) -> DecodedText {
        let page = try decodePage(bytes, source: source, maximumBytes: maximumBytes)
        let text = extract(page.text.scalars)
        return DecodedText(text: SourceText(scalars: text), encoding: page.encoding,
                           hadByteOrderMark: page.hadByteOrderMark, warnings: page.warnings)
    }

    static func decodePage(_ bytes: [UInt8], source: String, maximumBytes: Int) throws(DecodingError) -> DecodedText {
        let declared = declaredEncoding(bytes)
        let detected: Result<DecodedText, DecodingError>
        do throws(DecodingError) {
            detected = .success(try TextDecoder.decode(bytes, source: source, maximumBytes: maximumBytes))
        } catch {
            if error.reason != .undecodable { throw error }
            detected = .failure(error)
        }
        if case .success(let page) = detected, page.encoding == .utf8 || page.hadByteOrderMark { return page }
        if let declared, declared == .gb18030 || declared == .big5 {
            if case .success(let page) = detected, page.encoding == declared { return page }
            return try TextDecoder.decode(bytes, as: declared, source: source, maximumBytes: maximumBytes)
        }
        return try detected.get()
    }

    /// The charset a page declares in its first 4 KB, if Zongjie reads it.
    public static func declaredEncoding(_ bytes: [UInt8]) -> TextEncoding? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needle = Array("charset".utf8)
        var index = 0
        while index + needle.count < head.count {
            guard head[index..<(index + needle.count)].elementsEqual(needle) else {
                index += 1
                continue
            }
            var cursor = index + needle.count
            while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x09 { cursor += 1 }
            guard cursor < head.count, head[cursor] == UInt8(ascii: "=") else {
                index = cursor
                continue
            }
            cursor += 1
            while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x22 || head[cursor] == 0x27 { cursor += 1 }
            var name: [UInt8] = []
            while cursor < head.count, isCharsetByte(head[cursor]) {
                name.append(head[cursor])
                cursor += 1
            }
            if let encoding = encoding(named: String(decoding: name, as: UTF8.self)) { return encoding }
            index = cursor
        }
        return nil
    }

    private static func isCharsetByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }

    static func encoding(named name: String) -> TextEncoding? {
        switch name {
        case "utf-8", "utf8": return .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "ms936", "windows-936", "gb_2312-80", "csgb2312":
            return .gb18030
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5", "cp950": return .big5
        default: return nil
        }
    }

    // MARK: Extraction

    /// Elements after whose start and end a new line begins.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav",
        "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "title", "tr", "ul",
    ]
    /// Elements dropped with everything inside them.
    static let droppedElements: Set<String> = ["script", "style", "noscript", "template"]

    private struct Output {
        var scalars: [UInt32] = []
        var atLineStart = true
        var pendingSpace = false

        mutating func lineBreak() {
            if !atLineStart {
                trimTrailingSpaces()
                scalars.append(0x0A)
                atLineStart = true
            }
            pendingSpace = false
        }

        mutating func forcedLineBreak() {
            trimTrailingSpaces()
            scalars.append(0x0A)
            atLineStart = true
            pendingSpace = false
        }

        mutating func cellSeparator() {
            if !atLineStart {
                trimTrailingSpaces()
                scalars.append(0x09)
            }
            pendingSpace = false
        }

        mutating func text(_ value: UInt32) {
            if pendingSpace && !atLineStart { scalars.append(0x20) }
            pendingSpace = false
            scalars.append(value)
            atLineStart = false
        }

        mutating func trimTrailingSpaces() {
            while let last = scalars.last, last == 0x20 { scalars.removeLast() }
        }
    }

    @inline(__always)
    static func isHTMLSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0C
    }

    @inline(__always)
    private static func isASCIILetter(_ value: UInt32) -> Bool {
        (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    /// The text of decoded HTML.
    public static func extract(_ source: [UInt32]) -> [UInt32] {
        var out = Output()
        out.scalars.reserveCapacity(source.count / 2)
        var preDepth = 0
        let count = source.count
        var index = 0
        while index < count {
            let value = source[index]
            if value == 0x3C /* < */ {
                if let tag = parseTag(source, at: index) {
                    index = tag.end
                    switch tag.kind {
                    case .markup:
                        continue
                    case .start(let name, let selfClosing):
                        if droppedElements.contains(name) && !selfClosing {
                            index = endOfRawText(source, from: index, name: name)
                        } else if name == "br" {
                            out.forcedLineBreak()
                        } else if name == "td" || name == "th" {
                            out.cellSeparator()
                        } else if blockElements.contains(name) {
                            out.lineBreak()
                            if name == "pre" && !selfClosing { preDepth += 1 }
                        }
                    case .end(let name):
                        if blockElements.contains(name) {
                            out.lineBreak()
                            if name == "pre" { preDepth = max(0, preDepth - 1) }
                        } else if name == "br" {
                            out.forcedLineBreak()
                        }
                    }
                    continue
                }
                out.text(value)
                index += 1
            } else if value == 0x26 /* & */ {
                let (decoded, next) = HTMLEntities.decode(source, at: index)
                for scalar in decoded { out.text(scalar) }
                index = next
            } else if preDepth > 0 {
                if value == 0x0D {
                    out.forcedLineBreak()
                    if index + 1 < count, source[index + 1] == 0x0A { index += 1 }
                } else if value == 0x0A {
                    out.forcedLineBreak()
                } else {
                    out.scalars.append(value)
                    out.atLineStart = false
                }
                index += 1
            } else if isHTMLSpace(value) {
                out.pendingSpace = true
                index += 1
            } else {
                out.text(value)
                index += 1
            }
        }
        out.trimTrailingSpaces()
        while let last = out.scalars.last, last == 0x0A || last == 0x09 || last == 0x20 { out.scalars.removeLast() }
        return out.scalars
    }

    enum TagKind: Equatable {
        case start(String, selfClosing: Bool)
        case end(String)
        /// Comments, doctype, processing instructions, CDATA.
        case markup
    }

    /// A tag starting at `start` (a `<`), or nil when the `<` is text.
    static func parseTag(_ source: [UInt32], at start: Int) -> (kind: TagKind, end: Int)? {
        let count = source.count
        var index = start + 1
        guard index < count else { return nil }
        let first = source[index]
        if first == 0x21 /* ! */ {
            if index + 2 < count, source[index + 1] == 0x2D, source[index + 2] == 0x2D {
                // <!-- ... -->
                var cursor = index + 3
                while cursor + 2 < count {
                    if source[cursor] == 0x2D, source[cursor + 1] == 0x2D, source[cursor + 2] == 0x3E { return (.markup, cursor + 3) }
                    cursor += 1
                }
                return (.markup, count)
            }
            return (.markup, skipToTagEnd(source, from: index))
        }
        if first == 0x3F /* ? */ { return (.markup, skipToTagEnd(source, from: index)) }
        var closing = false
        if first == 0x2F /* / */ {
            closing = true
            index += 1
            guard index < count, isASCIILetter(source[index]) else {
                return index < count && source[index] == 0x3E ? (.markup, index + 1) : nil
            }
        } else if !isASCIILetter(first) {
            return nil
        }
        var name: [UInt8] = []
        while index < count {
            let value = source[index]
            if isASCIILetter(value) || (value >= 0x30 && value <= 0x39) || value == 0x2D || value == 0x3A {
                name.append(UInt8(value < 0x5B && value >= 0x41 ? value + 0x20 : value))
                index += 1
            } else {
                break
            }
        }
        let end = skipToTagEnd(source, from: index)
        let selfClosing = end >= 2 && source[end - 2] == 0x2F && source[end - 1] == 0x3E
        let tagName = String(decoding: name, as: UTF8.self)
        return (closing ? .end(tagName) : .start(tagName, selfClosing: selfClosing), end)
    }

    /// The index after the `>` closing a tag, skipping quoted attribute values.
    static func skipToTagEnd(_ source: [UInt32], from start: Int) -> Int {
        var index = start
        var quote: UInt32 = 0
        let count = source.count
        while index < count {
            let value = source[index]
            if quote != 0 {
                if value == quote { quote = 0 }
            } else if value == 0x22 || value == 0x27 {
                // Only a quote right after `=` (possibly spaced) opens an attribute value.
                var back = index - 1
                while back > start, isHTMLSpace(source[back]) { back -= 1 }
                if back >= start, source[back] == 0x3D { quote = value }
            } else if value == 0x3E {
                return index + 1
            }
            index += 1
        }
        return count
    }

    /// The index after the end tag of a raw-text element (`</script>`), or the end of input.
    static func endOfRawText(_ source: [UInt32], from start: Int, name: String) -> Int {
        let needle = Array(name.utf8).map(UInt32.init)
        let count = source.count
        var index = start
        while index + 1 + needle.count < count {
            if source[index] == 0x3C, source[index + 1] == 0x2F {
                var matches = true
                for (offset, expected) in needle.enumerated() {
                    var value = source[index + 2 + offset]
                    if value >= 0x41 && value <= 0x5A { value += 0x20 }
                    if value != expected { matches = false; break }
                }
                if matches {
                    let after = index + 2 + needle.count
                    if after >= count || !isASCIILetter(source[after]) { return skipToTagEnd(source, from: after) }
                }
            }
            index += 1
        }
        return count
    }
}
