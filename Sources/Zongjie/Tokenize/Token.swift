/// What a token is.
public enum TokenKind: UInt8, Codable, Sendable, CaseIterable {
    case word, number, punctuation, latin, whitespace

    public var name: String {
        switch self {
        case .word: return "word"
        case .number: return "number"
        case .punctuation: return "punctuation"
        case .latin: return "latin"
        case .whitespace: return "whitespace"
        }
    }
}

/// One token: its kind and its half-open range in code points of the original text.
/// A plain value with no `String`, so that tokenizing allocates nothing per token.
public struct Token: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var kind: TokenKind
    /// Index of the lexicon tag (0 = no tag); see `Lexicon.tagName(_:)`.
    public var tag: UInt16

    public init(start: Int, end: Int, kind: TokenKind, tag: UInt16 = 0) {
        self.start = Int32(start)
        self.end = Int32(end)
        self.kind = kind
        self.tag = tag
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}
