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

    /// Appends the CSV fields of a kind, matching `csvHeader(of:)`, each after a comma.
    func appendCSVFields(of kind: RecordKind, to row: inout [UInt8]) {
        func field(_ value: Double?) { row.append(CSVRowWriter.comma); CSVRowWriter.appendField(value, to: &row) }
        func field(_ value: Int?) { row.append(CSVRowWriter.comma); CSVRowWriter.appendField(value, to: &row) }
        func field(_ value: Bool?) { row.append(CSVRowWriter.comma); CSVRowWriter.appendField(value, to: &row) }
        func field(_ value: String?) { row.append(CSVRowWriter.comma); CSVRowWriter.appendField(value, to: &row) }
        switch kind {
        case .count: field(value); field(low); field(high); field(qualifier); field(unit); field(object)
        case .money: field(amount); field(low); field(high); field(qualifier); field(currency)
        case .date: field(year); field(month); field(day); field(masked); field(toYear); field(toMonth); field(toDay)
        case .institution: field(name); field(type); field(masked)
        case .dispatch: field(value); field(unit); field(staff); field(verb); field(sender); field(batches); field(per)
        case .number, .percent: field(value); field(low); field(high); field(qualifier)
        }
    }
}
