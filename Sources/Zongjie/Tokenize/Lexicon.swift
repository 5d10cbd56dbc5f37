import Foundation

/// One dictionary word: `word [weight] [tag]`.
public struct LexiconEntry: Sendable, Equatable, Codable {
    public var word: String
    /// How strongly the word is kept whole (1…1000; 100 when not given).
    public var weight: Int
    public var tag: String?

    public static let defaultWeight = 100

    public init(word: String, weight: Int = LexiconEntry.defaultWeight, tag: String? = nil) {
        self.word = word
        self.weight = weight
        self.tag = tag
    }
}

/// A malformed dictionary line, reported with its file and line number.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var message: String

    public var description: String { "\(source):\(line): \(message)" }
}

/// The words the tokenizer keeps whole: the built-in domain lexicon plus user dictionaries.
/// Words are stored NFKC-folded, like the text they are matched against.
public struct Lexicon: Sendable {
    public private(set) var entries: [LexiconEntry]
    private(set) var trie = ScalarTrie()
    private var tags: [String] = [""]
    private var entryTags: [UInt16] = []
    private var entryCosts: [Float] = []
    private var index: [String: Int] = [:]

    public init(entries: [LexiconEntry] = []) {
        self.entries = []
        add(entries)
    }

    /// The built-in domain lexicon of counterpart-support reports (Resources/domain-lexicon.txt).
    public static let domain: Lexicon = {
        let text = String(decoding: PackageResources.domain_lexicon_txt, as: UTF8.self)
        do {
            return Lexicon(entries: try parse(text, source: "domain-lexicon.txt"))
        } catch {
            preconditionFailure("the built-in lexicon is malformed: \(error)")
        }
    }()

    public var count: Int { entries.count }

    public func contains(_ word: String) -> Bool { index[Self.fold(word)] != nil }

    public func entry(for word: String) -> LexiconEntry? {
        index[Self.fold(word)].map { entries[$0] }
    }

    /// Adds entries; a word already present takes the new weight and tag.
    public mutating func add(_ newEntries: [LexiconEntry]) {
        for entry in newEntries {
            let folded = Self.fold(entry.word)
            guard !folded.isEmpty else { continue }
            let tagIndex = tagIndex(for: entry.tag)
            let cost = Self.cost(weight: entry.weight)
            if let existing = index[folded] {
                entries[existing] = entry
                entryTags[existing] = tagIndex
                entryCosts[existing] = cost
                continue
            }
            let position = entries.count
            entries.append(entry)
            entryTags.append(tagIndex)
            entryCosts.append(cost)
            index[folded] = position
            trie.insert(Array(folded.unicodeScalars.map(\.value)), entry: Int32(position))
        }
    }

    /// A copy with more entries.
    public func adding(_ newEntries: [LexiconEntry]) -> Lexicon {
        var copy = self
        copy.add(newEntries)
        return copy
    }

    public func tagName(_ index: UInt16) -> String? {
        index == 0 || Int(index) >= tags.count ? nil : tags[Int(index)]
    }

    @inline(__always) func tag(ofEntry entry: Int32) -> UInt16 { entryTags[Int(entry)] }
    @inline(__always) func cost(ofEntry entry: Int32) -> Float { entryCosts[Int(entry)] }

    private mutating func tagIndex(for tag: String?) -> UInt16 {
        guard let tag, !tag.isEmpty else { return 0 }
        if let found = tags.firstIndex(of: tag) { return UInt16(found) }
        tags.append(tag)
        return UInt16(tags.count - 1)
    }

    /// Path cost of a lexicon word in the tokenizer's lattice: below an ICU word (1.0), lower for
    /// heavier words, so that a lexicon word beats ICU's split of it but not ICU's words around it.
    static func cost(weight: Int) -> Float {
        let clamped = Float(min(max(weight, 1), 1000))
        return 0.7 - 0.4 * (log10f(clamped) / 3)
    }

    static func fold(_ word: String) -> String {
        let normalized = NormalizedText(SourceText(word))
        return String(scalarValues: normalized.scalars[...])
    }

    // MARK: Dictionary files

    /// Parses `word [weight] [tag]` lines. A byte order mark, CRLF line ends, blank lines and
    /// `#` comments are tolerated; any other malformed line is an error naming its line number.
    public static func parse(_ text: String, source: String) throws(LexiconError) -> [LexiconEntry] {
        var entries: [LexiconEntry] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so split on every line-end form.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count <= 3 else {
                throw LexiconError(source: source, line: lineNumber,
                                   message: "expected `word [weight] [tag]`, found \(fields.count) fields")
            }
            let word = String(fields[0])
            if word.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw LexiconError(source: source, line: lineNumber, message: "the word contains a control character")
            }
            var weight = LexiconEntry.defaultWeight
            var tag: String?
            if fields.count >= 2 {
                if let number = Int(fields[1]) {
                    guard number >= 0 else {
                        throw LexiconError(source: source, line: lineNumber, message: "negative weight \(number)")
                    }
                    weight = number
                    if fields.count == 3 { tag = String(fields[2]) }
                } else if fields.count == 2, fields[1].allSatisfy({ $0.isLetter && $0.isASCII }) {
                    tag = String(fields[1])
                } else {
                    throw LexiconError(source: source, line: lineNumber,
                                       message: "weight `\(fields[1])` is not a whole number")
                }
            }
            if let tag, !tag.allSatisfy({ ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }) {
                throw LexiconError(source: source, line: lineNumber, message: "tag `\(tag)` is not an ASCII identifier")
            }
            entries.append(LexiconEntry(word: word, weight: weight, tag: tag))
        }
        return entries
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}
