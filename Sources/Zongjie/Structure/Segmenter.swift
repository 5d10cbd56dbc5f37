/// Splits a page into boilerplate and articles, and each article into a tree of sections.
public struct Segmenter: Sendable {
    public init() {}

    public func segment(_ document: Document) -> PageStructure {
        // Placeholder until the structure rules land: the whole text is one article.
        let count = document.text.count
        return PageStructure(boilerplate: [], articles: count == 0 ? [] : [Article(title: "", range: 0..<count)])
    }
}
