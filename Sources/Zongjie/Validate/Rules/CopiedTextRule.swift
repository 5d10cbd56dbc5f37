/// `copied-text`: a long passage shared with a known model essay.
///
/// The reference collection (the bundled Corpus pages unless `--reference` names others) is
/// searched by MinHash/LSH over 5-character shingles of the text without punctuation and
/// spaces; every candidate is verified by exact matching, and matches separated by small edits
/// (a filled-in name, a replaced word) form one passage. A passage is reported when at least
/// `minimumCopiedLength` characters (50 by default, punctuation and spaces not counted) are
/// exactly the same, naming the reference, its line and its offsets. The website furniture of
/// both texts takes no part, and a document is never reported as copying itself.
public struct CopiedTextRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "copied-text", defaultSeverity: .warning,
        summary: "A long passage is copied from a known model essay",
        description: "与已知范文雷同的长段落（默认不少于50字，不计标点空格），给出范文出处与位置")

    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        guard let references = context.references, !references.isEmpty else { return [] }
        let excluded = context.structure.recordFreeRanges.map { context.normalized($0) }
        let passages = references.sharedPassages(with: context.document, excluding: excluded,
                                                 minimumLength: context.options.minimumCopiedLength)
        return passages.map { passage in
            let reference = references.references[passage.reference]
            let line = reference.line(of: passage.referenceRange.lowerBound)
            var origin = "“\(reference.name)”第\(line)行"
            if let title = reference.articleTitle(at: passage.referenceRange.lowerBound), !title.isEmpty {
                origin += "（\(Self.shorten(title))）"
            }
            let message = "与范文雷同：\(passage.sharedCharacters)字与\(origin)相同，范文位置[\(passage.referenceRange.lowerBound), \(passage.referenceRange.upperBound))"
            var related = RelatedLocation(source: reference.name, start: passage.referenceRange.lowerBound,
                                          end: passage.referenceRange.upperBound, message: "范文中的相同段落",
                                          uriBaseId: reference.path == nil ? SARIFLog.bundledReferencesBase : nil)
            related.locate(in: reference.lines)
            return Finding(range: passage.range, message: message, related: [related])
        }
    }

    static func shorten(_ title: String) -> String {
        let scalars = Array(title.unicodeScalars)
        guard scalars.count > 24 else { return title }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(22))
        return String(view) + "…"
    }
}
