import Foundation
import Testing
@testable import Zongjie

/// Scores the tokenizer against the hand-checked gold segmentation in Corpus/gold/tokens.txt.
@Suite("Tokenizer against gold")
struct TokenGoldTests {
    @Test("Word segmentation F1 on the gold sentences reaches its floor")
    func goldF1() throws {
        let text = try CorpusFiles.text("gold/tokens.txt")
        let tokenizer = try Tokenizer()
        var truePositives = 0, goldCount = 0, ourCount = 0, sentences = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            sentences += 1
            let goldTokens = line.split(separator: " ").map(String.init)
            var goldSpans: Set<Range<Int>> = []
            var offset = 0
            for token in goldTokens {
                let length = token.unicodeScalars.count
                goldSpans.insert(offset..<(offset + length))
                offset += length
            }
            let sentence = goldTokens.joined()
            let ours = tokenizer.tokenize(sentence).filter { $0.kind != .whitespace }.map(\.range)
            goldCount += goldSpans.count
            ourCount += ours.count
            truePositives += ours.filter { goldSpans.contains($0) }.count
        }
        let precision = Double(truePositives) / Double(max(1, ourCount))
        let recall = Double(truePositives) / Double(max(1, goldCount))
        let f1 = 2 * precision * recall / max(1e-9, precision + recall)
        print(String(format: "tokenizer: %d gold sentences, %d gold tokens: P %.3f R %.3f F1 %.3f", sentences, goldCount, precision, recall, f1))
        #expect(sentences >= 300)
        #expect(f1 >= 0.92)
    }
}
