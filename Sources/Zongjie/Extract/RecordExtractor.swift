/// Runs the extractors of the requested kinds over a document and returns their records in
/// text order.
public enum RecordExtractor {
    public static func extract(_ document: Document, kinds: Set<RecordKind>, structure: PageStructure) -> [Record] {
        // Placeholder until the extractors land.
        []
    }
}
