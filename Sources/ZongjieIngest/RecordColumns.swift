import Zongjie

/// The typed fields of records as flat columns, one set shared by every kind: the SQLite
/// `records` table holds them all (NULL where a kind has no such field); each CSV file holds the
/// fields of its kind under the names `extract`'s JSON uses. `visit` is the one mapping of a
/// record's value to its kind's fields; it copies nothing (a struct of every field, built per
/// record, cost about 800 instructions a record in copies and releases).
enum RecordColumns {
    /// A typed column, by its SQLite name.
    enum Field: String, CaseIterable {
        case value, low, high, qualifier, unit, object, amount, currency, year, month, day, masked
        case toYear = "to_year", toMonth = "to_month", toDay = "to_day"
        case name, type, staff, verb, sender, batches, per
    }

    /// The fields a kind can fill, in the order of its CSV file and of its SQLite insert (the
    /// order `visit` hands them over); the others are always NULL for it.
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

    /// Hands the fields of `value`'s kind to `visitor`, in `fields(of:)` order.
    static func visit<Visitor: RecordFieldVisitor>(_ value: RecordValue, _ visitor: inout Visitor) {
        switch value {
        case .count(let v):
            visitor.visit(.value, v.value); visitor.visit(.low, v.low); visitor.visit(.high, v.high)
            visitor.visit(.qualifier, v.qualifier.rawValue); visitor.visit(.unit, v.unit); visitor.visit(.object, v.object)
        case .money(let v):
            visitor.visit(.amount, v.amount); visitor.visit(.low, v.low); visitor.visit(.high, v.high)
            visitor.visit(.qualifier, v.qualifier.rawValue); visitor.visit(.currency, v.currency)
        case .date(let v):
            visitor.visit(.year, v.year); visitor.visit(.month, v.month); visitor.visit(.day, v.day)
            visitor.visit(.masked, v.masked)
            visitor.visit(.toYear, v.to?.year); visitor.visit(.toMonth, v.to?.month); visitor.visit(.toDay, v.to?.day)
        case .institution(let v):
            visitor.visit(.name, v.name); visitor.visit(.type, v.type.rawValue); visitor.visit(.masked, v.masked)
        case .dispatch(let v):
            visitor.visit(.value, v.count); visitor.visit(.unit, v.unit); visitor.visit(.staff, v.staff)
            visitor.visit(.verb, v.verb); visitor.visit(.sender, v.from); visitor.visit(.batches, v.batches)
            visitor.visit(.per, v.per)
        case .number(let v):
            visitor.visit(.value, v.value); visitor.visit(.low, v.low); visitor.visit(.high, v.high)
            visitor.visit(.qualifier, v.qualifier.rawValue)
        case .percent(let v):
            visitor.visit(.value, v.value); visitor.visit(.low, v.low); visitor.visit(.high, v.high)
            visitor.visit(.qualifier, v.qualifier.rawValue)
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

    /// Appends the CSV fields of `value`'s kind, matching `csvHeader(of:)`, each after a comma.
    static func appendCSVFields(of value: RecordValue, to row: inout [UInt8]) {
        var fields = CSVFields()
        swap(&fields.row, &row)
        visit(value, &fields)
        swap(&fields.row, &row)
    }
}

/// Receives a record's typed fields one by one (each writer's own rendering of the one mapping
/// of kinds to fields).
protocol RecordFieldVisitor {
    mutating func visit(_ field: RecordColumns.Field, _ value: Double?)
    mutating func visit(_ field: RecordColumns.Field, _ value: Int?)
    mutating func visit(_ field: RecordColumns.Field, _ value: Bool?)
    mutating func visit(_ field: RecordColumns.Field, _ value: String?)
}

/// Renders fields into a CSV row, each after a comma.
private struct CSVFields: RecordFieldVisitor {
    var row: [UInt8] = []

    mutating func visit(_ field: RecordColumns.Field, _ value: Double?) { comma(); CSVRowWriter.appendField(value, to: &row) }
    mutating func visit(_ field: RecordColumns.Field, _ value: Int?) { comma(); CSVRowWriter.appendField(value, to: &row) }
    mutating func visit(_ field: RecordColumns.Field, _ value: Bool?) { comma(); CSVRowWriter.appendField(value, to: &row) }
    mutating func visit(_ field: RecordColumns.Field, _ value: String?) { comma(); CSVRowWriter.appendField(value, to: &row) }

    private mutating func comma() { row.append(CSVRowWriter.comma) }
}
