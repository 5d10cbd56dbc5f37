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
        // Optional, so that the sort at the end can move each record out (`take`) into an array
        // of the exact size.
        var records: [Record?] = []
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
            for index in records.indices where records[index]?.kind == .count { countStarts.insert(records[index]!.start) }
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
        // Sort small keys, then move the records into place: a record is large, and every copy
        // retains and later releases its strings (copies were 3% of a worker's instructions). The
        // result has the exact size: documents wait in commit batches, and an array grown by
        // appends keeps up to twice the room (15-20 MB more at the peak of a 100 MB load).
        var keys: [(start: Int, kind: Int, index: Int)] = []
        keys.reserveCapacity(records.count)
        for index in records.indices { keys.append((records[index]!.start, records[index]!.kind.order, index)) }
        keys.sort { $0 < $1 }
        return [Record](unsafeUninitializedCapacity: keys.count) { buffer, initialized in
            for key in keys {
                (buffer.baseAddress! + initialized).initialize(to: records[key.index].take()!)
                initialized += 1
            }
        }
    }
}
