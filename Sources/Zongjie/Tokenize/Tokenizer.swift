/// Chinese word segmentation: ICU's dictionary-based word break as the base, a domain lexicon
/// (plus user dictionaries) that keeps the field's words whole, and numbers kept whole.
///
/// Non-Chinese text (numbers, Latin words, punctuation, spaces) is scanned directly. Each run of
/// Chinese characters is segmented by a shortest path over a small lattice whose edges are ICU's
/// words (cost 1; from `ICUDictionarySegmenter`, which gives ICU's word break boundaries), lexicon
/// words (cost below 1, lower for heavier words), Chinese numerals and the measure word after a
/// numeral, and single characters as a costly fallback. A lexicon word thus beats ICU's split of
/// it, but not ICU's words around it.
///
/// A tokenizer owns its dictionary search buffers and lattice buffers: it is not thread-safe; give each
/// worker its own. Runs it has segmented before are remembered (`SegmentationMemo`).
public final class Tokenizer {
    public let lexicon: Lexicon
    private let breaker: ICUDictionarySegmenter
    private var memo: SegmentationMemo

    /// Reusable lattice buffers, in a struct passed `inout` so that the hot loops touch no class
    /// storage (which would cost a runtime exclusivity check per access).
    private var lattice = LatticeBuffers()

    static let icuWordCost: Float = 1.0
    static let singleCharacterCost: Float = 1.6
    static let numeralCost: Float = 0.4
    static let measureAfterNumeralCost: Float = 0.5
    static let placeNameCost: Float = 0.55

    /// Two-character words ending in 了/着 that are words of their own (为了, 随着).
    static let particleWords: Set<[UInt32]> = Set(["为了", "除了", "罢了", "算了", "极了", "不了", "得了", "了了", "随着", "接着", "跟着",
                                                 "沿着", "朝着", "本着", "为着", "意味着", "顺着", "向着", "紧接着"].map(scalars))

    @inline(__always)
    static func splitsAspectParticle(_ first: UInt32, _ second: UInt32) -> Bool {
        (second == 0x4E86 || second == 0x7740) && !particleWords.contains([first, second])   // 了 着
    }

    public init(lexicon: Lexicon = .domain, memoCapacity: Int = 1 << 16) throws {
        self.lexicon = lexicon
        self.breaker = try ICUDictionarySegmenter()
        self.memo = SegmentationMemo(capacity: memoCapacity)
    }

    /// Forgets the runs segmented so far (for measuring a first pass over new text).
    public func forgetRememberedRuns() {
        memo.removeAll()
    }

    /// Tokens of a whole text, with original code-point offsets.
    public func tokenize(_ text: NormalizedText) -> [Token] {
        var tokens: [Token] = []
        tokenize(text, into: &tokens)
        return tokens
    }

    /// Convenience for a string (normalized first).
    public func tokenize(_ string: String) -> [Token] {
        tokenize(NormalizedText(SourceText(string)))
    }

    /// Appends the tokens of `text` to `tokens` (which the caller may reuse between calls).
    public func tokenize(_ text: NormalizedText, into tokens: inout [Token]) {
        tokens.reserveCapacity(tokens.count + text.count / 2)
        text.scalars.withUnsafeBufferPointer { s in
            let n = s.count
            var i = 0
            @inline(__always) func emit(_ start: Int, _ end: Int, _ kind: TokenKind, _ tag: UInt16 = 0) {
                let original = text.originalRange(start..<end)
                tokens.append(Token(start: original.lowerBound, end: original.upperBound, kind: kind, tag: tag))
            }
            while i < n {
                let c = s[i]
                switch CharacterClass.of(c) {
                case .whitespace, .newline:
                    var j = i + 1
                    while j < n, CharacterClass.of(s[j]) == .whitespace || CharacterClass.of(s[j]) == .newline { j += 1 }
                    emit(i, j, .whitespace)
                    i = j
                case .digit:
                    let j = NumberTokenScanner.arabicEnd(s, from: i, limit: n)
                    emit(i, j, .number)
                    i = j
                case .latin:
                    var j = i + 1
                    while j < n, CharacterClass.of(s[j]) == .latin || CharacterClass.of(s[j]) == .digit { j += 1 }
                    // Masked places keep their level: xx乡, ××省, __村.
                    if let end = Self.maskedPlaceEnd(s, i, j) {
                        emit(i, end, .word)
                        i = end
                        continue
                    }
                    emit(i, j, .latin)
                    i = j
                case .han:
                    var j = i + 1
                    while j < n, CharacterClass.of(s[j]) == .han { j += 1 }
                    segmentHanRun(s, i..<j) { start, end, kind, tag in emit(start, end, kind, tag) }
                    i = j
                case .punctuation:
                    var j = i + 1
                    if Self.groupsWhenRepeated(c) {
                        while j < n, s[j] == c { j += 1 }
                    }
                    if let end = Self.maskedPlaceEnd(s, i, j) {
                        emit(i, end, .word)
                        i = end
                        continue
                    }
                    emit(i, j, .punctuation)
                    i = j
                case .other:
                    emit(i, i + 1, Self.isSymbol(c) ? .punctuation : .word)
                    i += 1
                }
            }
        }
    }

    static let placeLevels = ScalarSet("乡镇村县市区省州")

    /// A run of placeholders (xx, ××, __, **) followed by a level character: one place token.
    static func maskedPlaceEnd(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Int? {
        guard end - start >= 2, end < s.count, placeLevels.contains(s[end]) else { return nil }
        for index in start..<end where !NumeralCharacters.isMask(s[index]) { return nil }
        return end + 1
    }

    /// Dashes, dots, masks and other marks that form one token when repeated (——, ..., ××, __).
    @inline(__always)
    static func groupsWhenRepeated(_ c: UInt32) -> Bool {
        switch c {
        case 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x22, 0x27, 0x3008...0x3011, 0x3014...0x301B, 0x201C, 0x201D, 0x2018, 0x2019:
            return false
        default:
            return true
        }
    }

    @inline(__always)
    static func isSymbol(_ c: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(c) else { return true }
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .otherPunctuation, .dashPunctuation,
             .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .connectorPunctuation,
             .control, .format, .unassigned, .privateUse, .surrogate:
            return true
        default:
            return false
        }
    }

    // MARK: Chinese runs

    /// Packs a run token as length (16 bits) | kind (4 bits) | tag (12 bits).
    @inline(__always)
    static func pack(length: Int, kind: TokenKind, tag: UInt16) -> UInt32 {
        UInt32(length) | (UInt32(kind.rawValue) << 16) | (UInt32(tag & 0xFFF) << 20)
    }

    private func segmentHanRun(_ s: UnsafeBufferPointer<UInt32>, _ run: Range<Int>,
                               _ emit: (Int, Int, TokenKind, UInt16) -> Void) {
        let m = run.count
        if m == 1 {
            let kind: TokenKind = NumeralCharacters.isChineseNumeral(s[run.lowerBound]) ? .number : .word
            emit(run.lowerBound, run.upperBound, kind, 0)
            return
        }
        let hash = SegmentationMemo.hash(s, run)
        if let stored = memo.lookup(s, run, hash: hash) {
            replay(memo.valueArena[stored], from: run.lowerBound, emit)
            return
        }
        let path = solveLattice(s, run)
        memo.insert(s, run, hash: hash, value: path)
        replay(path, from: run.lowerBound, emit)
    }

    @inline(__always)
    private func replay(_ packed: ArraySlice<UInt32>, from start: Int, _ emit: (Int, Int, TokenKind, UInt16) -> Void) {
        var position = start
        for value in packed {
            let length = Int(value & 0xFFFF)
            let kind = TokenKind(rawValue: UInt8((value >> 16) & 0xF)) ?? .word
            let tag = UInt16(value >> 20)
            emit(position, position + length, kind, tag)
            position += length
        }
    }

    private func solveLattice(_ s: UnsafeBufferPointer<UInt32>, _ run: Range<Int>) -> ArraySlice<UInt32> {
        lattice.solve(s, run, breaker: breaker, lexicon: lexicon)
    }

}

/// The buffers and the shortest-path search of one run of Chinese characters.
struct LatticeBuffers {
    var utf16: [UInt16] = []
    var unitToScalar: [Int32] = []
    var boundary: [Bool] = []
    var nextBoundary: [Int32] = []
    var bestCost: [Float] = []
    var previous: [Int32] = []
    var edgeInfo: [UInt32] = []
    var path: [UInt32] = []

    /// Shortest path over ICU words, lexicon words, numerals and single characters.
    mutating func solve(_ s: UnsafeBufferPointer<UInt32>, _ run: Range<Int>, breaker: ICUDictionarySegmenter, lexicon: Lexicon) -> ArraySlice<UInt32> {
        let m = run.count
        let a = run.lowerBound
        markICUBoundaries(s, run, breaker)
        if bestCost.count < m + 1 {
            bestCost = [Float](repeating: 0, count: m + 1)
            previous = [Int32](repeating: 0, count: m + 1)
            edgeInfo = [UInt32](repeating: 0, count: m + 1)
        }
        let precededByNumber = a > 0 && (NumeralCharacters.isASCIIDigit(s[a - 1]) || s[a - 1] == 0x25)
        // Shared tables in locals: a static read inside the loop costs a swift_once check.
        let gazetteer = Gazetteer.shared
        let trie = lexicon.trie
        let numeralCharacters = NumeralCharacters.chineseNumeralCharacters
        bestCost.withUnsafeMutableBufferPointer { bestCost in
        previous.withUnsafeMutableBufferPointer { previous in
        edgeInfo.withUnsafeMutableBufferPointer { edgeInfo in
        boundary.withUnsafeBufferPointer { boundary in
        nextBoundary.withUnsafeBufferPointer { nextBoundary in
            bestCost[0] = 0
            for p in 1...m { bestCost[p] = .infinity }

            @inline(__always) func relax(_ from: Int, _ to: Int, _ cost: Float, _ kind: TokenKind, _ tag: UInt16) {
                let total = bestCost[from] + cost
                if total < bestCost[to] {
                    bestCost[to] = total
                    previous[to] = Int32(from)
                    edgeInfo[to] = Tokenizer.pack(length: to - from, kind: kind, tag: tag)
                }
            }

            for p in 0..<m where bestCost[p] < .infinity {
                let c = s[a + p]
                let q = Int(nextBoundary[p])
                if q - p == 2, boundary[p], Tokenizer.splitsAspectParticle(c, s[a + p + 1]) {
                    // 到了 / 带着: the particle is its own token, as in the PKU standard.
                    relax(p, q, Tokenizer.icuWordCost + 1.2, .word, 0)
                    relax(p, p + 1, 0.9, .word, 0)
                } else {
                    relax(p, q, Tokenizer.icuWordCost, .word, 0)
                }
                // Place names keep their administrative suffix (江苏省, 靖边县).
                if let placeEnd = gazetteer.longestFullPlaceEnd(in: s, at: a + p, limit: run.upperBound), placeEnd - (a + p) >= 3 {
                    relax(p, placeEnd - a, Tokenizer.placeNameCost, .word, 0)
                }
                if q != p + 1 { relax(p, p + 1, Tokenizer.singleCharacterCost, .word, 0) }
                trie.forEachMatch(in: s, from: a + p, limit: run.upperBound) { length, entry in
                    relax(p, p + length, lexicon.cost(ofEntry: entry), .word, lexicon.tag(ofEntry: entry))
                }
                if numeralCharacters.contains(c) || c == NumberTokenScanner.ji || c == 0x767E {
                    let numeralEnd = NumberTokenScanner.chineseEnd(s, from: a + p, limit: run.upperBound)
                    if numeralEnd > a + p {
                        relax(p, numeralEnd - a, Tokenizer.numeralCost * Float(numeralEnd - a - p == 1 ? 1 : 0.75), .number, 0)
                    }
                }
                let afterNumeral = p == 0 ? precededByNumber : numeralCharacters.contains(s[a + p - 1])
                if afterNumeral, MeasureWords.isSingleCharacterMeasure(c) {
                    relax(p, p + 1, Tokenizer.measureAfterNumeralCost, .word, 0)
                }
            }
        }
        }
        }
        }
        }
        // Walk back from the end.
        path.removeAll(keepingCapacity: true)
        var position = m
        while position > 0 {
            path.append(edgeInfo[position])
            position = Int(previous[position])
        }
        path.reverse()
        return path[...]
    }

    /// Fills `boundary[0...m]` and `nextBoundary[0..<m]` from ICU's word break of the run.
    mutating func markICUBoundaries(_ s: UnsafeBufferPointer<UInt32>, _ run: Range<Int>, _ breaker: ICUDictionarySegmenter) {
        let m = run.count
        utf16.removeAll(keepingCapacity: true)
        let supplementary = UTF16Scalars.append(s[run], to: &utf16)
        if boundary.count < m + 1 {
            boundary = [Bool](repeating: false, count: m + 1)
            nextBoundary = [Int32](repeating: 0, count: m + 1)
        }
        for p in 0...m { boundary[p] = false }
        if supplementary {
            unitToScalar.removeAll(keepingCapacity: true)
            for (index, value) in s[run].enumerated() {
                unitToScalar.append(Int32(index))
                if value >= 0x10000 { unitToScalar.append(Int32(index)) }
            }
            unitToScalar.append(Int32(m))
        }
        let map = unitToScalar
        utf16.withUnsafeBufferPointer { units in
            breaker.withBoundaries(of: units) { found in
                for unit in found {
                    let position = supplementary ? Int(map[Int(unit)]) : Int(unit)
                    boundary[position] = true
                }
            }
        }
        boundary[0] = true
        boundary[m] = true
        var next = m
        var p = m - 1
        while p >= 0 {
            nextBoundary[p] = Int32(next)
            if boundary[p] { next = p }
            p -= 1
        }
    }
}
