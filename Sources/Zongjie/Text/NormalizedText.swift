/// The text Zongjie matches against: NFKC of the original (full-width digits, letters and
/// punctuation folded to ASCII, ％ and ﹪ to %, the ideographic space to a space, compatibility
/// ideographs to unified ones), with a map from every normalized position back to the original.
///
/// The map works on *chunks*: a chunk of the original is a scalar plus any following scalars that
/// NFKC may combine with it. Each chunk normalizes independently to zero or more scalars, and every
/// one of those maps back to the whole chunk. A normalized range therefore maps to the original
/// range of the chunks it touches, and `normalize(original[map(range)]) == normalized[range]`
/// whenever the range is chunk-aligned (which every 1:1 character is).
public struct NormalizedText: Sendable {
    public let scalars: [UInt32]
    /// For each normalized index, the original offset where its chunk starts; one extra entry
    /// at the end holds the original length.
    let originStarts: [Int32]
    /// For each normalized index, the original offset where its chunk ends.
    let originEnds: [Int32]
    public let originalCount: Int

    public var count: Int { scalars.count }

    public init(_ original: SourceText) {
        let table = NFKCFoldTable.shared
        let count = original.scalars.count
        // Nearly every chunk is one scalar that folds to one scalar, so the output has the
        // input's length: the arrays are made at that size and written through pointers (three
        // appends per scalar were a tenth of a document's normalization and matching time). When
        // expansions (㈠ → (一)) outgrow that room, the arrays grow and the loop goes on.
        var room = count
        var out = [UInt32](repeating: 0, count: room)
        var starts = [Int32](repeating: 0, count: room)
        var ends = [Int32](repeating: 0, count: room)
        var written = 0
        var index = 0
        var pending = 0
        original.scalars.withUnsafeBufferPointer { source in
            while true {
                out.withUnsafeMutableBufferPointer { out in
                starts.withUnsafeMutableBufferPointer { starts in
                ends.withUnsafeMutableBufferPointer { ends in
                    while index < count {
                        let value = source[index]
                        var chunkEnd = index + 1
                        while chunkEnd < count, !table.hasBoundaryBefore(source[chunkEnd]) { chunkEnd += 1 }
                        if chunkEnd == index + 1, let folded = table.singleFold(value) {
                            // (written passes index only after expansions, so room may run out.)
                            guard written < room else { pending = 1; break }
                            out[written] = folded
                            starts[written] = Int32(index)
                            ends[written] = Int32(chunkEnd)
                            written += 1
                        } else {
                            let normalized = chunkEnd == index + 1
                                ? table.expansion(of: value) : NFKCFoldTable.normalizeChunk(source[index..<chunkEnd])
                            guard written + normalized.count <= room else { pending = normalized.count; break }
                            for scalar in normalized {
                                out[written] = scalar
                                starts[written] = Int32(index)
                                ends[written] = Int32(chunkEnd)
                                written += 1
                            }
                        }
                        index = chunkEnd
                    }
                }
                }
                }
                guard index < count else { break }
                // Room for the chunk that did not fit and for the rest of the text as one to one.
                let growth = pending + (count - index)
                out.append(contentsOf: repeatElement(0, count: growth))
                starts.append(contentsOf: repeatElement(0, count: growth))
                ends.append(contentsOf: repeatElement(0, count: growth))
                room += growth
            }
        }
        out.removeLast(room - written)
        starts.removeLast(room - written)
        ends.removeLast(room - written)
        starts.append(Int32(count))
        self.scalars = out
        self.originStarts = starts
        self.originEnds = ends
        self.originalCount = count
    }

    /// The original range that a normalized half-open range came from.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let position = originalOffset(range.lowerBound)
            return position..<position
        }
        return Int(originStarts[range.lowerBound])..<Int(originEnds[range.upperBound - 1])
    }

    /// The original offset of a normalized position (`count` maps to the original length).
    public func originalOffset(_ position: Int) -> Int {
        Int(originStarts[position])
    }

    /// The first normalized position whose chunk starts at or after `original`.
    public func normalizedOffset(ofOriginal original: Int) -> Int {
        var low = 0
        var high = scalars.count
        while low < high {
            let middle = (low + high) / 2
            if Int(originStarts[middle]) < original { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// True when the text folded nothing, so normalized and original offsets coincide.
    public var isIdentity: Bool {
        guard scalars.count == originalCount else { return false }
        for index in 0..<scalars.count where Int(originStarts[index]) != index || Int(originEnds[index]) != index + 1 {
            return false
        }
        return true
    }
}

/// NFKC of every BMP scalar, computed once with ICU, so that folding is a table lookup.
final class NFKCFoldTable: Sendable {
    static let shared = NFKCFoldTable()

    /// 0 = maps to itself; otherwise the single replacement, or `expansionMarker` for expansions.
    private let singles: [UInt32]
    private let expansions: [UInt32: [UInt32]]
    /// Bit set of BMP scalars that may combine with what precedes them.
    private let combinesBackward: [UInt64]
    private static let expansionMarker: UInt32 = 0xFFFF_FFFF

    private init() {
        var singles = [UInt32](repeating: 0, count: 0x10000)
        var expansions: [UInt32: [UInt32]] = [:]
        var combines = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in UInt32(0x80)..<0x10000 {
            if value >= 0xD800 && value < 0xE000 { continue }
            if !ICU.nfkcHasBoundaryBefore(value) {
                combines[Int(value) >> 6] |= 1 << (UInt64(value) & 63)
            }
            if ICU.nfkcIsInert(value) { continue }
            let folded = UTF16Scalars.scalars(of: ICU.nfkc([UInt16(value)]))
            if folded.count == 1 {
                if folded[0] != value { singles[Int(value)] = folded[0] }
            } else {
                singles[Int(value)] = Self.expansionMarker
                expansions[value] = folded
            }
        }
        self.singles = singles
        self.expansions = expansions
        self.combinesBackward = combines
    }

    @inline(__always)
    func hasBoundaryBefore(_ value: UInt32) -> Bool {
        if value < 0x300 { return true }
        if value < 0x10000 { return combinesBackward[Int(value) >> 6] & (1 << (UInt64(value) & 63)) == 0 }
        return ICU.nfkcHasBoundaryBefore(value)
    }

    /// The one scalar that a BMP scalar folds to, or nil when it expands to several or is
    /// supplementary (then `expansion(of:)` folds it).
    @inline(__always)
    func singleFold(_ value: UInt32) -> UInt32? {
        if value < 0x80 { return value }
        guard value < 0x10000 else { return nil }
        let entry = singles[Int(value)]
        if entry == 0 { return value }
        return entry == Self.expansionMarker ? nil : entry
    }

    /// NFKC of a scalar that `singleFold` does not fold.
    func expansion(of value: UInt32) -> [UInt32] {
        if value < 0x10000, let expanded = expansions[value] { return expanded }
        return Self.normalizeChunk(CollectionOfOne(value))
    }

    static func normalizeChunk<C: Collection>(_ chunk: C) -> [UInt32] where C.Element == UInt32 {
        var units: [UInt16] = []
        UTF16Scalars.append(chunk, to: &units)
        return UTF16Scalars.scalars(of: ICU.nfkc(units))
    }
}
