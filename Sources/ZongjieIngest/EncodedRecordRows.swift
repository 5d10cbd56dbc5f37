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

    /// The encoded columns, in the order of `SQLiteSink`'s records insert after its two ids.
    static let columns = [
        "source", "member", "article", "section", "kind", "start", "end", "text", "rule",
        "value", "low", "high", "qualifier", "unit", "object", "amount", "currency", "year", "month", "day", "masked",
        "to_year", "to_month", "to_day", "name", "type", "staff", "verb", "sender", "batches", "per",
    ]
    static let columnCount = columns.count

    /// One tag per cell, row after row; values only for the non-null cells (most are null: each
    /// kind fills a few of the typed columns), as bit patterns (a text is its start and count).
    private let tags: [Tag]
    private let values: [UInt64]
    private let texts: [UInt8]
    let rowCount: Int

    init(_ document: IngestedDocument) {
        var encoder = Encoder(rows: document.records.count)
        let source = encoder.store(document.source)
        let member = encoder.store(document.member ?? "")
        // Records come in text order, so neighbours mostly share their section path; a kind's
        // records mostly share their rule.
        var lastPath: [String]?
        var lastPathCell: UInt64 = 0
        var kindCells = [UInt64?](repeating: nil, count: RecordKind.allCases.count)
        var lastRules = [(rule: String, cell: UInt64)?](repeating: nil, count: RecordKind.allCases.count)
        document.records.withUnsafeBufferPointer { records in
            for index in records.indices {
                let kind = records[index].kind
                let kindIndex = kind.order
                if records[index].section != lastPath {
                    lastPath = records[index].section
                    lastPathCell = encoder.store(JSONObjectWriter.quotedArray(records[index].section))
                }
                let kindCell = kindCells[kindIndex] ?? encoder.store(kind.rawValue)
                kindCells[kindIndex] = kindCell
                let rule = records[index].rule
                let ruleCell: UInt64
                if let last = lastRules[kindIndex], last.rule == rule {
                    ruleCell = last.cell
                } else {
                    ruleCell = encoder.store(rule)
                    lastRules[kindIndex] = (rule, ruleCell)
                }
                let c = RecordColumns(records[index].value)
                encoder.text(source)
                encoder.text(member)
                encoder.integer(records[index].article)
                encoder.text(lastPathCell)
                encoder.text(kindCell)
                encoder.integer(records[index].start)
                encoder.integer(records[index].end)
                encoder.text(records[index].text)
                encoder.text(ruleCell)
                encoder.real(c.value)
                encoder.real(c.low)
                encoder.real(c.high)
                encoder.text(c.qualifier)
                encoder.text(c.unit)
                encoder.text(c.object)
                encoder.real(c.amount)
                encoder.text(c.currency)
                encoder.integer(c.year)
                encoder.integer(c.month)
                encoder.integer(c.day)
                encoder.integer(c.masked.map { $0 ? 1 : 0 })
                encoder.integer(c.toYear)
                encoder.integer(c.toMonth)
                encoder.integer(c.toDay)
                encoder.text(c.name)
                encoder.text(c.type)
                encoder.text(c.staff)
                encoder.text(c.verb)
                encoder.text(c.sender)
                encoder.integer(c.batches)
                encoder.text(c.per)
            }
        }
        precondition(encoder.cell == encoder.tags.count, "every row has \(Self.columnCount) cells")
        tags = encoder.tags
        values = encoder.values
        texts = encoder.texts
        rowCount = document.records.count
    }

    /// Calls `body` with a reader of the rows, in order (valid during the call only).
    func withRows<Result>(_ body: (inout RowReader) throws -> Result) rethrows -> Result {
        try tags.withUnsafeBufferPointer { tags in
            try values.withUnsafeBufferPointer { values in
                try texts.withUnsafeBufferPointer { texts in
                    var reader = RowReader(tags: tags, values: values, texts: texts)
                    return try body(&reader)
                }
            }
        }
    }

    /// Reads the rows in order and binds each one's cells.
    struct RowReader {
        fileprivate let tags: UnsafeBufferPointer<Tag>
        fileprivate let values: UnsafeBufferPointer<UInt64>
        fileprivate let texts: UnsafeBufferPointer<UInt8>
        private var tagIndex = 0
        private var valueIndex = 0

        fileprivate init(tags: UnsafeBufferPointer<Tag>, values: UnsafeBufferPointer<UInt64>, texts: UnsafeBufferPointer<UInt8>) {
            self.tags = tags
            self.values = values
            self.texts = texts
        }

        /// Binds the next row's cells, in column order, after what `binder` holds already;
        /// texts are bound without a copy, so the binder must let go before the reader goes.
        mutating func bindNextRow(into binder: inout SQLiteRowBinder) {
            for _ in 0..<EncodedRecordRows.columnCount {
                let tag = tags[tagIndex]
                tagIndex += 1
                if tag == .null {
                    binder.bindNull()
                    continue
                }
                let value = values[valueIndex]
                valueIndex += 1
                switch tag {
                case .null: break
                case .integer: binder.bind(Int64(bitPattern: value))
                case .real: binder.bind(Double(bitPattern: value))
                case .text: binder.bindStatic(texts, start: Int(value >> 32), count: Int(value & 0xFFFF_FFFF))
                }
            }
        }
    }

    /// Writes cells into tags that start out null: a row's typed columns are mostly null, and
    /// their count is known before the first record.
    private struct Encoder {
        var tags: [Tag]
        var values: [UInt64] = []
        var texts: [UInt8] = []
        var cell = 0

        init(rows: Int) {
            tags = [Tag](repeating: .null, count: rows * EncodedRecordRows.columnCount)
            values.reserveCapacity(rows * 12)
            texts.reserveCapacity(rows * 24)
        }

        /// Adds a string to the arena; returns its cell value (start and count).
        mutating func store(_ string: String) -> UInt64 {
            let start = texts.count
            var string = string
            string.withUTF8 { texts.append(contentsOf: $0) }
            return UInt64(start) << 32 | UInt64(texts.count - start)
        }

        mutating func text(_ stored: UInt64) {
            tags[cell] = .text
            values.append(stored)
            cell += 1
        }

        mutating func text(_ value: String?) {
            guard let value else { return cell += 1 }
            text(store(value))
        }

        mutating func integer(_ value: Int?) {
            if let value {
                tags[cell] = .integer
                values.append(UInt64(bitPattern: Int64(value)))
            }
            cell += 1
        }

        mutating func real(_ value: Double?) {
            if let value {
                tags[cell] = .real
                values.append(value.bitPattern)
            }
            cell += 1
        }
    }
}
