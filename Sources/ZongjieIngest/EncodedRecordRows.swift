import Zongjie

/// A document's rows of the SQLite `records` table, encoded by a worker thread: every column
/// but the two ids that exist only once the document is inserted (`document_id`, `section_id`),
/// as tagged cells, their texts as UTF-8 in one arena. The database has one writer thread, the
/// slowest stage of a load with many records; with the rows prepared in parallel it only binds
/// plain values, with no Swift strings, reference counting or copies per row.
struct EncodedRecordRows: Sendable {
    /// What a cell holds; a non-null cell's value is the next of `values`.
    enum Tag: UInt8, Sendable {
        case null, integer, real, text
    }

    /// A cell as the writer binds it.
    enum Cell: Equatable {
        case null
        case integer(Int64)
        case real(Double)
        /// A range of the text arena.
        case text(start: Int, count: Int)
    }

    /// The encoded columns, in the order of `SQLiteSink`'s records insert after its two ids.
    static let columns = [
        "source", "member", "article", "section", "kind", "start", "end", "text", "rule",
        "value", "low", "high", "qualifier", "unit", "object", "amount", "currency", "year", "month", "day", "masked",
        "to_year", "to_month", "to_day", "name", "type", "staff", "verb", "sender", "batches", "per",
    ]
    static let columnCount = columns.count

    /// One tag per cell, row after row; values only for the non-null cells (most are null: each
    /// kind fills a few of the typed columns), as bit patterns (a text is its start and count).
    private(set) var tags: [Tag] = []
    private(set) var values: [UInt64] = []
    private(set) var texts: [UInt8] = []
    var rowCount: Int { tags.count / Self.columnCount }

    init(_ document: IngestedDocument) {
        tags.reserveCapacity(document.records.count * Self.columnCount)
        values.reserveCapacity(document.records.count * 12)
        texts.reserveCapacity(document.records.count * 32)
        let source = store(document.source)
        let member = store(document.member ?? "")
        // Records come in text order, so neighbours mostly share their section path.
        var lastPath: [String]?
        var lastPathCell: UInt64 = 0
        for record in document.records {
            if record.section != lastPath {
                lastPath = record.section
                lastPathCell = store(JSONObjectWriter.quotedArray(record.section))
            }
            let c = RecordColumns(record.value)
            appendText(source)
            appendText(member)
            append(record.article)
            appendText(lastPathCell)
            append(record.kind.rawValue)
            append(record.start)
            append(record.end)
            append(record.text)
            append(record.rule)
            append(c.value)
            append(c.low)
            append(c.high)
            append(c.qualifier)
            append(c.unit)
            append(c.object)
            append(c.amount)
            append(c.currency)
            append(c.year)
            append(c.month)
            append(c.day)
            append(c.masked.map { $0 ? 1 : 0 })
            append(c.toYear)
            append(c.toMonth)
            append(c.toDay)
            append(c.name)
            append(c.type)
            append(c.staff)
            append(c.verb)
            append(c.sender)
            append(c.batches)
            append(c.per)
        }
    }

    /// Calls `body` with each row's cells in column order (the texts valid during the call only).
    func forEachRow(_ body: (_ row: Int, _ cells: [Cell]) throws -> Void) rethrows {
        // One buffer for every row: the body reads it and lets go before the next row.
        var cells = [Cell](repeating: .null, count: Self.columnCount)
        var valueIndex = 0
        for row in 0..<rowCount {
            for column in 0..<Self.columnCount {
                let tag = tags[row * Self.columnCount + column]
                if tag == .null {
                    cells[column] = .null
                    continue
                }
                let value = values[valueIndex]
                valueIndex += 1
                switch tag {
                case .null: break
                case .integer: cells[column] = .integer(Int64(bitPattern: value))
                case .real: cells[column] = .real(Double(bitPattern: value))
                case .text: cells[column] = .text(start: Int(value >> 32), count: Int(value & 0xFFFF_FFFF))
                }
            }
            try body(row, cells)
        }
    }

    /// The text arena, valid during `body` only.
    func withTexts<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try texts.withUnsafeBufferPointer(body)
    }

    /// Adds a string to the arena; returns its cell value (start and count).
    private mutating func store(_ string: String) -> UInt64 {
        let start = texts.count
        texts.append(contentsOf: string.utf8)
        return UInt64(start) << 32 | UInt64(texts.count - start)
    }

    private mutating func appendText(_ stored: UInt64) {
        tags.append(.text)
        values.append(stored)
    }

    private mutating func append(_ value: String?) {
        guard let value else { return tags.append(.null) }
        appendText(store(value))
    }

    private mutating func append(_ value: Int?) {
        guard let value else { return tags.append(.null) }
        tags.append(.integer)
        values.append(UInt64(bitPattern: Int64(value)))
    }

    private mutating func append(_ value: Double?) {
        guard let value else { return tags.append(.null) }
        tags.append(.real)
        values.append(value.bitPattern)
    }
}
