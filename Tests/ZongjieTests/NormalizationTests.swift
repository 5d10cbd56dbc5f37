import PropertyBased
import Testing
@testable import Zongjie

@Suite("Normalization and offset maps")
struct NormalizationTests {
    @Test("Width folding: digits, letters, punctuation, ％ ﹪ and the ideographic space")
    func folding() {
        let text = NormalizedText(SourceText("２０２１年，ＡＢｃ　占比４９.３６﹪（一）％"))
        #expect(String(scalarValues: text.scalars) == "2021年,ABc 占比49.36%(一)%")
        #expect(text.count == 22)
    }

    @Test("Expansions map every output scalar back to their source character")
    func expansions() {
        let original = SourceText("①项…㈠")
        let text = NormalizedText(original)
        #expect(String(scalarValues: text.scalars) == "1项...(一)")
        #expect(text.originalRange(0..<1) == 0..<1)
        #expect(text.originalRange(2..<5) == 2..<3)
        #expect(text.originalRange(5..<8) == 3..<4)
        #expect(text.originalRange(6..<7) == 3..<4)
    }

    @Test("A text that expansions make longer than the original keeps its map where the room runs out")
    func expansionsBeyondOriginalLength() {
        let text = NormalizedText(SourceText("ab㈠㈡㈢cd"))
        #expect(String(scalarValues: text.scalars) == "ab(一)(二)(三)cd")
        #expect(text.originalRange(2..<5) == 2..<3)
        #expect(text.originalRange(5..<8) == 3..<4)
        #expect(text.originalRange(8..<11) == 4..<5)
        #expect(text.originalRange(11..<13) == 5..<7)
        #expect(text.originalOffset(text.count) == 7)
        #expect(text.normalizedOffset(ofOriginal: 5) == 11)
    }

    @Test("Combining sequences are normalized as one chunk")
    func combining() {
        let text = NormalizedText(SourceText("e\u{301}x"))
        #expect(String(scalarValues: text.scalars) == "\u{E9}x")
        #expect(text.originalRange(0..<1) == 0..<2)
        #expect(text.originalRange(1..<2) == 2..<3)
    }

    /// Characters that exercise every path: ASCII, CJK, full-width, expansions, combining marks,
    /// supplementary ideographs and compatibility ideographs.
    static let alphabet: [UInt32] = [
        0x41, 0x31, 0x20, 0x2C, 0x0A, 0x0D, 0x5BF9, 0x53E3, 0x652F, 0x63F4, 0xFF11, 0xFF21, 0xFF0C, 0xFF05, 0xFE6A,
        0x3000, 0x2460, 0x3220, 0x2026, 0x301, 0x308, 0x65, 0x20000, 0xF900, 0x2F00, 0x3007, 0x25A1, 0x1100, 0x1161,
        0xAC00, 0x11A8, 0x212B, 0x1E9B, 0x323,
    ]

    static let generator = Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...40)

    @Test("Every normalized position maps into the original, monotonically, chunk by chunk")
    func mapIsMonotone() async {
        await propertyCheck(count: 300, input: Self.generator) { indices in
            let original = SourceText(scalars: indices.map { Self.alphabet[$0] })
            let text = NormalizedText(original)
            var lastStart = 0
            for index in 0..<text.count {
                let range = text.originalRange(index..<(index + 1))
                #expect(!range.isEmpty)
                #expect(range.lowerBound >= lastStart)
                #expect(range.upperBound <= original.count)
                lastStart = range.lowerBound
            }
            #expect(text.originalOffset(text.count) == original.count)
        }
    }

    @Test("Round trip: normalizing the original span of any chunk-aligned range gives that range")
    func roundTrip() async {
        await propertyCheck(count: 300, input: Self.generator, Gen.int(in: 0...1000), Gen.int(in: 0...1000)) { indices, a, b in
            let original = SourceText(scalars: indices.map { Self.alphabet[$0] })
            let text = NormalizedText(original)
            // Chunk starts in normalized coordinates.
            var starts = [0]
            for index in 1..<max(1, text.count) where text.originalOffset(index) != text.originalOffset(index - 1) {
                starts.append(index)
            }
            starts.append(text.count)
            let low = starts[a % starts.count]
            let high = starts[b % starts.count]
            let range = min(low, high)..<max(low, high)
            let back = text.originalRange(range)
            let renormalized = NormalizedText(SourceText(scalars: Array(original.scalars[back])))
            #expect(renormalized.scalars == Array(text.scalars[range]))
            // And from the original side: the normalized offset of a chunk start is that chunk.
            #expect(text.normalizedOffset(ofOriginal: back.lowerBound) == range.lowerBound)
        }
    }

    @Test("Identity text has an identity map")
    func identity() throws {
        let page = try CorpusFiles.text("pages/002_445347422e06600d.txt")
        let text = NormalizedText(SourceText(page))
        #expect(text.count == SourceText(page).count)
        // 002 folds only ﹪, which is 1:1, so offsets coincide everywhere.
        for index in stride(from: 0, to: text.count, by: 97) {
            #expect(text.originalRange(index..<(index + 1)) == index..<(index + 1))
        }
    }
}
