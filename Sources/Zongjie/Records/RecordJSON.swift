/// The JSON form of records, as `zongjie extract --format jsonl` prints them: common fields first
/// (kind, source, start, end, text, article, section, rule), then the kind's fields, in a fixed order.
extension Record {
    public func jsonLine(source: String, id: String? = nil) -> String {
        var object = jsonObject(source: source, id: id)
        return object.finish()
    }

    /// Appends the record's JSON line and a newline to `output`: what a JSONL stream of many
    /// records uses, with no String per line.
    public func appendJSONLine(source: String, id: String? = nil, to output: inout [UInt8]) {
        var object = jsonObject(source: source, id: id)
        object.finish(appendingTo: &output)
        output.append(0x0A)
    }

    private func jsonObject(source: String, id: String?) -> JSONObjectWriter {
        var object = JSONObjectWriter()
        object.add("kind", kind.rawValue)
        if let id { object.add("id", id) }
        object.add("source", source)
        object.add("start", start)
        object.add("end", end)
        object.add("text", text)
        object.add("article", article)
        object.add("section", section)
        object.add("rule", rule)
        value.addFields(to: &object)
        return object
    }
}

extension RecordValue {
    func addFields(to object: inout JSONObjectWriter) {
        switch self {
        case .count(let v):
            object.add("value", v.value)
            object.add("low", v.low)
            object.add("high", v.high)
            object.add("qualifier", v.qualifier.rawValue)
            object.add("unit", v.unit)
            object.add("object", v.object)
        case .money(let v):
            object.add("amount", v.amount)
            object.add("low", v.low)
            object.add("high", v.high)
            object.add("qualifier", v.qualifier.rawValue)
            object.add("currency", v.currency)
        case .date(let v):
            object.add("year", v.year)
            object.add("month", v.month)
            object.add("day", v.day)
            object.add("masked", v.masked)
            if let to = v.to {
                var end = JSONObjectWriter()
                end.add("year", to.year)
                end.add("month", to.month)
                end.add("day", to.day)
                object.addRaw("to", end.finish())
            } else {
                object.addRaw("to", "null")
            }
        case .institution(let v):
            object.add("name", v.name)
            object.add("type", v.type.rawValue)
            object.add("masked", v.masked)
        case .dispatch(let v):
            object.add("count", v.count)
            object.add("unit", v.unit)
            object.add("staff", v.staff)
            object.add("verb", v.verb)
            object.add("from", v.from)
            object.add("batches", v.batches)
            object.add("per", v.per)
        case .number(let v):
            object.add("value", v.value)
            object.add("low", v.low)
            object.add("high", v.high)
            object.add("qualifier", v.qualifier.rawValue)
        case .percent(let v):
            object.add("value", v.value)
            object.add("low", v.low)
            object.add("high", v.high)
            object.add("qualifier", v.qualifier.rawValue)
        }
    }
}
