/// The JSON form of a page's structure, as `zongjie segment --format json` prints it:
/// `{"source", "boilerplate": [{"start","end"}], "articles": [{"title","start","end","sections": [...]}]}`.
extension PageStructure {
    public func json(source: String) -> String {
        var object = JSONObjectWriter()
        object.add("source", source)
        object.addRaw("boilerplate", "[" + boilerplate.map { range in
            var item = JSONObjectWriter()
            item.add("start", range.lowerBound)
            item.add("end", range.upperBound)
            return item.finish()
        }.joined(separator: ",") + "]")
        object.addRaw("articles", "[" + articles.map { article in
            var item = JSONObjectWriter()
            item.add("title", article.title)
            item.add("start", article.range.lowerBound)
            item.add("end", article.range.upperBound)
            if let author = article.author {
                var value = JSONObjectWriter()
                value.add("name", author.name)
                value.add("type", author.type.rawValue)
                value.add("masked", author.masked)
                value.add("start", author.start)
                value.add("end", author.end)
                value.add("evidence", author.evidence.rawValue)
                item.addRaw("author", value.finish())
            }
            item.addRaw("sections", Self.sectionsJSON(article.sections))
            return item.finish()
        }.joined(separator: ",") + "]")
        return object.finish()
    }

    static func sectionsJSON(_ sections: [Section]) -> String {
        "[" + sections.map { section in
            var item = JSONObjectWriter()
            item.add("heading", section.heading)
            item.add("level", section.level)
            item.add("start", section.range.lowerBound)
            item.add("end", section.range.upperBound)
            item.add("style", section.style.rawValue)
            item.addRaw("children", sectionsJSON(section.children))
            return item.finish()
        }.joined(separator: ",") + "]"
    }

    /// A readable outline: articles, their sections indented by level, and boilerplate.
    public func outline(text: SourceText) -> String {
        var out = ""
        func preview(_ range: Range<Int>) -> String {
            let limited = range.lowerBound..<min(range.upperBound, range.lowerBound + 40)
            return text.string(in: limited).replacingOccurrences(of: "\n", with: "⏎")
        }
        for range in boilerplate {
            out += "[boilerplate \(range.lowerBound)-\(range.upperBound)] \(preview(range))\n"
        }
        for (index, article) in articles.enumerated() {
            out += "article \(index) [\(article.range.lowerBound)-\(article.range.upperBound)] \(article.title)"
            if let author = article.author { out += "  (author: \(author.name), \(author.evidence.rawValue))" }
            out += "\n"
            func walk(_ sections: [Section]) {
                for section in sections {
                    out += String(repeating: "  ", count: section.level) + "\(section.heading)  [\(section.range.lowerBound)-\(section.range.upperBound)]\n"
                    walk(section.children)
                }
            }
            walk(article.sections)
        }
        return out
    }
}
