/// What a rule is, for `--rules list`, configuration and SARIF: a stable English id, the
/// severity of its findings unless configured otherwise, and short descriptions.
public struct RuleDescriptor: Sendable, Equatable {
    /// Stable English identifier (`placeholder`, `totals`, …); never renamed once published.
    public var id: String
    public var defaultSeverity: Severity
    /// One English line (SARIF `shortDescription`).
    public var summary: String
    /// What the rule checks, in Chinese (SARIF `fullDescription`, `--rules list`).
    public var description: String

    public init(id: String, defaultSeverity: Severity, summary: String, description: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.description = description
    }
}

/// A finding as a rule reports it: where (original code points), what, and optionally a
/// severity other than the rule's default (a wording slip vs. a contradiction).
public struct Finding: Sendable, Equatable {
    public var range: Range<Int>
    public var message: String
    public var severity: Severity?
    public var related: [RelatedLocation]

    public init(range: Range<Int>, message: String, severity: Severity? = nil, related: [RelatedLocation] = []) {
        self.range = range
        self.message = message
        self.severity = severity
        self.related = related
    }
}

/// A validation rule: it reads what the extractors found (records, structure) and the text,
/// and judges. Rules hold no per-document state, so one instance serves every thread.
public protocol ValidationRule: Sendable {
    var descriptor: RuleDescriptor { get }
    func check(_ context: ValidationContext) -> [Finding]
}
