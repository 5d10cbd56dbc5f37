/// The text copy detection compares: the normalized text (NFKC, widths folded) with
/// punctuation, spaces and symbols removed and ASCII letters lower-cased, so that a passage
/// copied with other punctuation or line breaks still matches. Excluded stretches (boilerplate)
/// leave a separator that no match can cross. Every core position maps back to the normalized
/// text and from there to the original.
public struct CoreText: Sendable {
    /// The kept characters; `separator` where an excluded stretch was.
    public let scalars: [UInt32]
    /// For each core position, its normalized offset.
    let normalizedOffsets: [Int32]
    let normalizedCount: Int
    /// True where a line break lies between the previous kept character and this one.
    let startsLine: [Bool]

    public var count: Int { scalars.count }

    /// - Parameters:
    ///   - separator: stands for excluded text; give two texts different separators so that
    ///     they never match each other there.
    public init(_ normalized: [UInt32], excluding excluded: [Range<Int>] = [], separator: UInt32) {
        var out: [UInt32] = []
        var offsets: [Int32] = []
        var lineStarts: [Bool] = []
        var sawLineBreak = true
        out.reserveCapacity(normalized.count)
        offsets.reserveCapacity(normalized.count)
        let sortedExcluded = excluded.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0
        var index = 0
        while index < normalized.count {
            if next < sortedExcluded.count, sortedExcluded[next].lowerBound <= index {
                let range = sortedExcluded[next]
                next += 1
                if range.upperBound > index {
                    if out.last != separator {
                        out.append(separator)
                        offsets.append(Int32(index))
                        lineStarts.append(true)
                    }
                    index = range.upperBound
                }
                continue
            }
            var c = normalized[index]
            switch CharacterClass.of(c) {
            case .han, .digit:
                out.append(c)
                offsets.append(Int32(index))
                lineStarts.append(sawLineBreak)
                sawLineBreak = false
            case .latin:
                if c >= 0x41 && c <= 0x5A { c += 0x20 }
                out.append(c)
                offsets.append(Int32(index))
                lineStarts.append(sawLineBreak)
                sawLineBreak = false
            case .newline:
                sawLineBreak = true
            default:
                break
            }
            index += 1
        }
        self.scalars = out
        self.normalizedOffsets = offsets
        self.startsLine = lineStarts
        self.normalizedCount = normalized.count
    }

    /// True when a line break lies inside the core range's gaps (between `from` and `to`,
    /// exclusive of `from`).
    public func crossesLine(from: Int, to: Int) -> Bool {
        guard from + 1 <= to else { return false }
        for index in (from + 1)...min(to, count - 1) where startsLine[index] { return true }
        return false
    }

    /// The normalized range of a core range.
    public func normalizedRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let position = range.lowerBound < count ? Int(normalizedOffsets[range.lowerBound]) : normalizedCount
            return position..<position
        }
        return Int(normalizedOffsets[range.lowerBound])..<(Int(normalizedOffsets[range.upperBound - 1]) + 1)
    }
}
