/// How serious a finding is: an `error` must be fixed before the summary is accepted, a `warning`
/// needs a person's look, an `info` is advice.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case error, warning, info

    /// error < warning < info in sorting order, so the most serious comes first.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    /// SARIF's name for the level.
    public var sarifLevel: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}

/// Another place a finding refers to: the reference passage a text was copied from, the other
/// statement of a figure.
public struct RelatedLocation: Sendable, Equatable {
    /// The path (or name) of the text the location is in.
    public var source: String
    /// Half-open code-point range in that text's original characters.
    public var start: Int
    public var end: Int
    /// Line and column (1-based, code points) of the start and of the end (exclusive) when known.
    public var line: Int?
    public var column: Int?
    public var endLine: Int?
    public var endColumn: Int?
    public var message: String?
    /// For a text that is no file the user gave (the model essays bundled with Zongjie): the
    /// SARIF `uriBaseId` its relative name resolves against.
    public var uriBaseId: String?

    public init(source: String, start: Int, end: Int, line: Int? = nil, column: Int? = nil, message: String? = nil,
                uriBaseId: String? = nil) {
        self.source = source
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.message = message
        self.uriBaseId = uriBaseId
    }

    /// Fills lines and columns from the index of the text the location is in.
    public mutating func locate(in index: LineIndex) {
        (line, column) = index.position(of: start)
        (endLine, endColumn) = index.position(of: end)
    }
}

/// One finding of the validator, as the specification prints it: `source`, `start`, `end`
/// (half-open code-point offsets into the original decoded text), `rule`, `severity`, `message`.
public struct Diagnostic: Sendable, Equatable {
    public var source: String
    public var start: Int
    public var end: Int
    /// The stable English id of the rule (`placeholder`, `totals`, …).
    public var rule: String
    public var severity: Severity
    /// Chinese, short and specific: it quotes the figures.
    public var message: String
    public var related: [RelatedLocation]

    public init(source: String, start: Int, end: Int, rule: String, severity: Severity, message: String,
                related: [RelatedLocation] = []) {
        self.source = source
        self.start = start
        self.end = end
        self.rule = rule
        self.severity = severity
        self.message = message
        self.related = related
    }

    public var range: Range<Int> { start..<end }

    /// The JSONL form of the specification: exactly these six keys, in this order.
    public func jsonLine() -> String {
        var object = JSONObjectWriter()
        object.add("source", source)
        object.add("start", start)
        object.add("end", end)
        object.add("rule", rule)
        object.add("severity", severity.rawValue)
        object.add("message", message)
        return object.finish()
    }
}
