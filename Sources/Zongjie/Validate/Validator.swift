/// Checks a submitted summary: runs the enabled rules over a document's analysis and returns
/// their findings as diagnostics, most serious first within a position, in text order.
///
/// ```swift
/// let validator = Validator(references: .bundled)
/// let analysis = Analyzer(kinds: Validator.recordKinds).analyze(document)
/// for diagnostic in validator.validate(analysis) { print(diagnostic.jsonLine()) }
/// ```
/// The validator holds no per-document state: one instance serves every thread (each thread
/// with its own `Analyzer`).
public struct Validator: Sendable {
    public let configuration: ValidationConfiguration
    public let references: ReferenceCollection?
    public let rules: [any ValidationRule]

    /// The record kinds the rules read.
    public static let recordKinds: Set<RecordKind> = [.count, .money, .date, .dispatch]

    public init(configuration: ValidationConfiguration = ValidationConfiguration(), references: ReferenceCollection? = nil) {
        self.configuration = configuration
        self.references = references
        self.rules = RuleCatalog.all.filter { configuration.isEnabled($0.descriptor.id) }
    }

    /// Validates an analysed document.
    public func validate(_ analysis: Analysis) -> [Diagnostic] {
        let context = ValidationContext(analysis: analysis, references: references, options: configuration.options)
        return validate(context)
    }

    /// Analyses and validates a document (a convenience for one-off use; batch callers keep an
    /// `Analyzer` per thread).
    public func validate(_ document: Document) -> [Diagnostic] {
        validate(Analyzer(kinds: Self.recordKinds).analyze(document))
    }

    func validate(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            let descriptor = rule.descriptor
            for finding in rule.check(context) {
                let severity = configuration.severity(of: descriptor.id, finding: finding.severity, default: descriptor.defaultSeverity)
                diagnostics.append(Diagnostic(source: context.source, start: finding.range.lowerBound, end: finding.range.upperBound,
                                              rule: descriptor.id, severity: severity, message: finding.message,
                                              related: finding.related))
            }
        }
        // One finding per rule and span; text order, then severity, then rule.
        var seen: Set<String> = []
        diagnostics = diagnostics.filter { seen.insert("\($0.rule)|\($0.start)|\($0.end)").inserted }
        return diagnostics.sorted { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.end < b.end
        }
    }
}
