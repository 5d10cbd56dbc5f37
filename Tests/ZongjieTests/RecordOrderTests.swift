import PropertyBased
import Testing
@testable import Zongjie

@Suite("Record order")
struct RecordOrderTests {
    @Test("permute puts at each position the element that the permutation names, duplicates and cycles alike")
    func permuteMatchesMapping() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...9).array(of: 0...60)) { keys in
            // A permutation with cycles of every length: the stable order of random keys.
            let sources = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
            var elements = keys.indices.map { "element \($0)" }
            let expected = sources.map { elements[$0] }
            RecordExtractor.permute(&elements, taking: sources)
            #expect(elements == expected)
        }
    }

    @Test("Records come in text order, and by kind at the same start")
    func recordsInTextOrder() throws {
        let document = Document(source: "order.txt", text: "2019年，我院选派3名医生赴新疆喀什地区第一人民医院支援，投入资金20万元，占比15%。")
        let analysis = Analyzer(kinds: Set(RecordKind.allCases)).analyze(document)
        let keys = analysis.records.map { ($0.start, $0.kind.order) }
        #expect(analysis.records.count >= 6)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
