/// Runs the extractors of the requested kinds over a document and returns their records in
/// text order. Finding (the extractors), resolving (the numeral engine, the parsers) and judging
/// (the validators, elsewhere) stay apart; every record keeps the id of the rule that found it.
public enum RecordExtractor {
    public static func extract(_ document: Document, kinds: Set<RecordKind>, structure: PageStructure,
                               numerals: NumeralRecognizer? = nil) -> [Record] {
        extract(ExtractionContext(document: document, structure: structure), kinds: kinds, numerals: numerals)
    }

    static func extract(_ context: ExtractionContext, kinds: Set<RecordKind>, numerals: NumeralRecognizer? = nil) -> [Record] {
        let document = context.document
        var records: [Record] = []
        if kinds.contains(.count) || kinds.contains(.money) {
            let quantities = QuantityExtractor(context: context).extract(counts: kinds.contains(.count), money: kinds.contains(.money))
            for item in quantities {
                records.append(context.record(item.range, rule: item.rule, value: item.record))
            }
        }
        var institutionRanges: [Range<Int>] = []
        // Dispatch statements also mark counts (派出一名干部), so they run whenever counts are wanted.
        let findDispatch = kinds.contains(.dispatch) || kinds.contains(.count)
        // Institutions name the senders of dispatches; counts alone need only the figures.
        if kinds.contains(.institution) || kinds.contains(.dispatch) {
            for item in InstitutionExtractor(context: context).extract() {
                institutionRanges.append(item.range)
                if kinds.contains(.institution) {
                    records.append(context.record(item.range, rule: item.rule, value: .institution(item.value)))
                }
            }
        }
        if findDispatch {
            var countStarts = Set<Int>()
            for index in records.indices where records[index].kind == .count { countStarts.insert(records[index].start) }
            for item in DispatchExtractor(context: context, institutions: institutionRanges).extract() {
                if kinds.contains(.dispatch) {
                    records.append(context.record(item.range, rule: "dispatch.verb-figure", value: .dispatch(item.value)))
                }
                // The figure of a dispatch is a count too, even a bare 一名 (派出一名干部).
                let figure = context.record(item.figure, rule: "count.dispatch-figure", value: .count(item.figureValue))
                if kinds.contains(.count), !countStarts.contains(figure.start) { records.append(figure) }
            }
        }
        if kinds.contains(.date) {
            for item in DateExtractor(context: context).extract() {
                records.append(context.record(item.range, rule: item.rule, value: .date(item.value)))
            }
        }
        if kinds.contains(.number) || kinds.contains(.percent) {
            let recognizer = numerals ?? NumeralRecognizer()
            if kinds.contains(.number) {
                for item in recognizer.numbers(in: document.normalized) where !context.isBlocked(item.range) {
                    let value = NumberValue(value: item.value, low: item.value, high: item.value, qualifier: item.more ? .more : .exact)
                    records.append(context.record(item.range, rule: "number.numeral", value: .number(value)))
                }
            }
            if kinds.contains(.percent) {
                for item in recognizer.percents(in: document.normalized) where !context.isBlocked(item.range) {
                    // Adjacent qualifiers as for counts: 不足60%, 80%以上, 约50%.
                    var range = item.range
                    var qualifier: Qualifier = (item.low ?? item.value) != (item.high ?? item.value) ? .range : item.more ? .more : .exact
                    if qualifier != .range { (range, qualifier) = Qualifiers.widen(context.s, range, qualifier) }
                    let value = PercentValue(value: item.value, low: item.low ?? item.value, high: item.high ?? item.value,
                                             qualifier: qualifier)
                    records.append(context.record(range, rule: "percent.value", value: .percent(value)))
                }
            }
        }
        // Sort small keys, then put the records in place by swaps: a record is large, and every
        // copy retains and later releases its strings (copies were 3% of a worker's instructions).
        var keys: [(start: Int, kind: Int, index: Int)] = []
        keys.reserveCapacity(records.count)
        for index in records.indices { keys.append((records[index].start, records[index].kind.order, index)) }
        keys.sort { $0 < $1 }
        permute(&records, taking: keys.map(\.index))
        return records
    }

    /// Reorders `elements` so that position i holds the element that was at `sources[i]`
    /// (`sources` is a permutation), one cycle at a time, by moves: no element is copied
    /// (`swapAt` copied both elements).
    static func permute<Element>(_ elements: inout [Element], taking sources: [Int]) {
        precondition(sources.count == elements.count, "a permutation of the elements")
        var sources = sources
        elements.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in sources.indices where sources[start] != start {
                // Lift out the cycle's first element, pull each next one into the free place, and
                // put the lifted one into the last place.
                let lifted = (base + start).move()
                var current = start
                while sources[current] != start {
                    let next = sources[current]
                    (base + current).moveInitialize(from: base + next, count: 1)
                    sources[current] = current
                    current = next
                }
                (base + current).initialize(to: lifted)
                sources[current] = current
            }
        }
    }
}
