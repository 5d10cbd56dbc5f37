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

    /// A typed column, by its SQLite name.
    enum Field: String, CaseIterable {
        case value, low, high, qualifier, unit, object, amount, currency, year, month, day, masked
        case toYear = "to_year", toMonth = "to_month", toDay = "to_day"
        case name, type, staff, verb, sender, batches, per
    }

    /// Hands the value of `field` to `visitor`, typed.
    func visit<Visitor: RecordFieldVisitor>(_ field: Field, _ visitor: inout Visitor) {
        switch field {
        case .value: visitor.visit(value)
        case .low: visitor.visit(low)
        case .high: visitor.visit(high)
        case .qualifier: visitor.visit(qualifier)
        case .unit: visitor.visit(unit)
        case .object: visitor.visit(object)
        case .amount: visitor.visit(amount)
        case .currency: visitor.visit(currency)
        case .year: visitor.visit(year)
        case .month: visitor.visit(month)
        case .day: visitor.visit(day)
        case .masked: visitor.visit(masked)
        case .toYear: visitor.visit(toYear)
        case .toMonth: visitor.visit(toMonth)
        case .toDay: visitor.visit(toDay)
        case .name: visitor.visit(name)
        case .type: visitor.visit(type)
        case .staff: visitor.visit(staff)
        case .verb: visitor.visit(verb)
        case .sender: visitor.visit(sender)
        case .batches: visitor.visit(batches)
        case .per: visitor.visit(per)
        }
    }

    /// The fields a kind can fill, in the order of its CSV file and of its SQLite insert; the
    /// others are always NULL for it.
    static func fields(of kind: RecordKind) -> [Field] { fieldsByKind[kind.order] }

    private static let fieldsByKind: [[Field]] = RecordKind.allCases.map { kind in
        switch kind {
        case .count: [.value, .low, .high, .qualifier, .unit, .object]
        case .money: [.amount, .low, .high, .qualifier, .currency]
        case .date: [.year, .month, .day, .masked, .toYear, .toMonth, .toDay]
        case .institution: [.name, .type, .masked]
        case .dispatch: [.value, .unit, .staff, .verb, .sender, .batches, .per]
        case .number, .percent: [.value, .low, .high, .qualifier]
        }
    }

    /// The CSV header of a kind's own fields, in `extract`'s JSON names and order.
    static func csvHeader(of kind: RecordKind) -> [String] {
        fields(of: kind).map { field in
            switch (kind, field) {
            case (.dispatch, .value): "count"
            case (.dispatch, .sender): "from"
            default: field.rawValue
            }
        }
    }

    /// Appends the CSV fields of a kind, matching `csvHeader(of:)`, each after a comma.
    func appendCSVFields(of kind: RecordKind, to row: inout [UInt8]) {
        var fields = CSVFields()
        swap(&fields.row, &row)
        for field in Self.fields(of: kind) {
            fields.row.append(CSVRowWriter.comma)
            visit(field, &fields)
        }
        swap(&fields.row, &row)
    }
}

/// Receives a record's typed fields one by one (each writer's own rendering, one mapping of
/// kinds to fields).
protocol RecordFieldVisitor {
    mutating func visit(_ value: Double?)
    mutating func visit(_ value: Int?)
    mutating func visit(_ value: Bool?)
    mutating func visit(_ value: String?)
}

/// Renders fields into a CSV row.
private struct CSVFields: RecordFieldVisitor {
    var row: [UInt8] = []

    mutating func visit(_ value: Double?) { CSVRowWriter.appendField(value, to: &row) }
    mutating func visit(_ value: Int?) { CSVRowWriter.appendField(value, to: &row) }
    mutating func visit(_ value: Bool?) { CSVRowWriter.appendField(value, to: &row) }
    mutating func visit(_ value: String?) { CSVRowWriter.appendField(value, to: &row) }
}
