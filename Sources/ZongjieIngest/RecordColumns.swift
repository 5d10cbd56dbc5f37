import Zongjie

/// The typed fields of a record as flat columns, one set shared by every kind: the SQLite
/// `records` table holds them all (NULL where a kind has no such field); each CSV file holds the
/// fields of its kind under the names `extract`'s JSON uses.
struct RecordColumns {
    var value: Double?
    var low: Double?
    var high: Double?
    var qualifier: String?
    var unit: String?
    var object: String?
    var amount: Double?
    var currency: String?
    var year: Int?
    var month: Int?
    var day: Int?
    var masked: Bool?
    var toYear: Int?
    var toMonth: Int?
    var toDay: Int?
    var name: String?
    var type: String?
    var staff: String?
    var verb: String?
    var sender: String?
    var batches: Int?
    var per: String?

    init(_ value: RecordValue) {
        switch value {
        case .count(let v):
            self.value = v.value; low = v.low; high = v.high; qualifier = v.qualifier.rawValue
            unit = v.unit; object = v.object
        case .money(let v):
            amount = v.amount; low = v.low; high = v.high; qualifier = v.qualifier.rawValue; currency = v.currency
        case .date(let v):
            year = v.year; month = v.month; day = v.day; masked = v.masked
            toYear = v.to?.year; toMonth = v.to?.month; toDay = v.to?.day
        case .institution(let v):
            name = v.name; type = v.type.rawValue; masked = v.masked
        case .dispatch(let v):
            self.value = v.count; unit = v.unit; staff = v.staff; verb = v.verb; sender = v.from
            batches = v.batches; per = v.per
        case .number(let v):
            self.value = v.value; low = v.low; high = v.high; qualifier = v.qualifier.rawValue
        case .percent(let v):
            self.value = v.value; low = v.low; high = v.high; qualifier = v.qualifier.rawValue
        }
    }

    /// The CSV header of a kind's own fields, in `extract`'s JSON names and order.
    static func csvHeader(of kind: RecordKind) -> [String] {
        switch kind {
        case .count: return ["value", "low", "high", "qualifier", "unit", "object"]
        case .money: return ["amount", "low", "high", "qualifier", "currency"]
        case .date: return ["year", "month", "day", "masked", "to_year", "to_month", "to_day"]
        case .institution: return ["name", "type", "masked"]
        case .dispatch: return ["count", "unit", "staff", "verb", "from", "batches", "per"]
        case .number, .percent: return ["value", "low", "high", "qualifier"]
        }
    }

    /// The CSV fields of a kind, matching `csvHeader(of:)`.
    func csvFields(of kind: RecordKind) -> [String] {
        func text(_ value: Double?) -> String { value.map(CSVFormat.number) ?? "" }
        func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
        func text(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
        func text(_ value: String?) -> String { value ?? "" }
        switch kind {
        case .count: return [text(value), text(low), text(high), text(qualifier), text(unit), text(object)]
        case .money: return [text(amount), text(low), text(high), text(qualifier), text(currency)]
        case .date: return [text(year), text(month), text(day), text(masked), text(toYear), text(toMonth), text(toDay)]
        case .institution: return [text(name), text(type), text(masked)]
        case .dispatch: return [text(value), text(unit), text(staff), text(verb), text(sender), text(batches), text(per)]
        case .number, .percent: return [text(value), text(low), text(high), text(qualifier)]
        }
    }
}

enum CSVFormat {
    /// Numbers as JSON prints them: integers without a fraction.
    static func number(_ value: Double) -> String { JSONObjectWriter.number(value) }
}
