import Zongjie

/// A document's rows of the SQLite `records` table, encoded by a worker thread (and its numbers
/// and percentages, packed into one row of `numerals`: `PackedNumerals`): every column
/// but the two ids that exist only once the document is inserted (`document_id`, `section_id`),
/// as tagged cells, their texts as UTF-8 in one arena. The database has one writer thread, the
/// slowest stage of a load with many records; with the rows prepared in parallel it only binds
/// plain values, with no Swift strings, reference counting or copies per row.
///
/// Rows come kind by kind (in `RecordKind` order), each kind's in text order, and carry only the
/// columns their kind can fill: an insert that names fewer columns binds no NULL for the others
/// (SQLite fills them): a million number rows took 0.74 s of CPU to insert instead of 1.1 s.
struct EncodedRecordRows: Sendable {
    /// What a cell holds; a non-null cell's value is the next of `values`.
    enum Tag: UInt8, Sendable {
        case null, integer, real, text
    }

    /// The columns every row has, in insert order after the two ids; then the kind's own
    /// (`RecordColumns.fields(of:)`).
    static let commonColumns = ["source", "member", "article", "section", "kind", "start", "end", "text", "rule"]

    /// The encoded columns of a kind's rows, in the order of `SQLiteSink`'s insert after its two ids.
    static func columns(of kind: RecordKind) -> [String] {
        commonColumns + RecordColumns.fields(of: kind).map(\.rawValue)
    }

    /// The cells of a row of `kind`.
    static func cellCount(of kind: RecordKind) -> Int { commonColumns.count + RecordColumns.fields(of: kind).count }

    /// The rows of one kind, consecutive.
    struct Group: Sendable {
        let kind: RecordKind
        let rowCount: Int
    }

    /// One tag per cell, row after row; values only for the non-null cells, as bit patterns (a
    /// text is its start and count).
    private let tags: [Tag]
    private let values: [UInt64]
    private let texts: [UInt8]
    /// Per row, the index of its record in the document.
    private let recordIndices: [Int32]
    let groups: [Group]
    var rowCount: Int { recordIndices.count }
    /// The numbers and percentages, which are not rows of `records`.
    let numerals: PackedNumerals?

    init(_ document: IngestedDocument) {
        var rowsByKind = [[Int32]](repeating: [], count: RecordKind.allCases.count)
        document.records.withUnsafeBufferPointer { records in
            for index in records.indices where !PackedNumerals.packs(records[index].kind) {
                rowsByKind[records[index].kind.order].append(Int32(index))
            }
        }
        let cellCount = RecordKind.allCases.reduce(0) { $0 + rowsByKind[$1.order].count * Self.cellCount(of: $1) }
        let rowCount = rowsByKind.reduce(0) { $0 + $1.count }
        var encoder = Encoder(cells: cellCount, rows: rowCount)
        let source = encoder.store(document.source)
        let member = encoder.store(document.member ?? "")
        // A section's path is quoted once (slot 0: records outside any section); a kind's records
        // mostly share their rule.
        let sectionSlots = (document.recordSections.lazy.compactMap { $0 }.max() ?? -1) + 2
        var pathCells = [(path: [String], cell: UInt64)?](repeating: nil, count: sectionSlots)
        var groups: [Group] = []
        var recordIndices: [Int32] = []
        recordIndices.reserveCapacity(rowCount)
        document.records.withUnsafeBufferPointer { records in
            for kind in RecordKind.allCases where !rowsByKind[kind.order].isEmpty {
                let kindCell = encoder.store(kind.rawValue)
                var lastRule: (rule: String, cell: UInt64)?
                for index in rowsByKind[kind.order] {
                    let record = Int(index)
                    recordIndices.append(index)
                    let slot = document.recordSections[record].map { $0 + 1 } ?? 0
                    let pathCell: UInt64
                    if let cached = pathCells[slot], cached.path == records[record].section {
                        pathCell = cached.cell
                    } else {
                        pathCell = encoder.store(JSONObjectWriter.quotedArray(records[record].section))
                        pathCells[slot] = (records[record].section, pathCell)
                    }
                    let rule = records[record].rule
                    let ruleCell: UInt64
                    if let lastRule, lastRule.rule == rule {
                        ruleCell = lastRule.cell
                    } else {
                        ruleCell = encoder.store(rule)
                        lastRule = (rule, ruleCell)
                    }
                    encoder.text(source)
                    encoder.text(member)
                    encoder.integer(records[record].article)
                    encoder.text(pathCell)
                    encoder.text(kindCell)
                    encoder.integer(records[record].start)
                    encoder.integer(records[record].end)
                    encoder.text(records[record].text)
                    encoder.text(ruleCell)
                    RecordColumns.visit(records[record].value, &encoder)
                }
                groups.append(Group(kind: kind, rowCount: rowsByKind[kind.order].count))
            }
        }
        precondition(encoder.cell == cellCount, "every row has its kind's cells")
        tags = encoder.tags
        values = encoder.values
        texts = encoder.texts
        self.recordIndices = recordIndices
        self.groups = groups
        numerals = PackedNumerals(document)
    }

    /// The index in the document of row `row`'s record.
    func recordIndex(ofRow row: Int) -> Int { Int(recordIndices[row]) }

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

        /// Binds the next row's cells (`cellCount(of:)` its kind), in column order, after what `binder` holds already;
        /// texts are bound without a copy, so the binder must let go before the reader goes.
        mutating func bindNextRow(cells: Int, into binder: inout SQLiteRowBinder) {
            for _ in 0..<cells {
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

    /// Writes cells into tags that start out null: their count is known before the first record.
    private struct Encoder: RecordFieldVisitor {
        var tags: [Tag]
        var values: [UInt64] = []
        var texts: [UInt8] = []
        var cell = 0

        init(cells: Int, rows: Int) {
            tags = [Tag](repeating: .null, count: cells)
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

        mutating func visit(_ field: RecordColumns.Field, _ value: Double?) { real(value) }
        mutating func visit(_ field: RecordColumns.Field, _ value: Int?) { integer(value) }
        mutating func visit(_ field: RecordColumns.Field, _ value: Bool?) { integer(value.map { $0 ? 1 : 0 }) }
        mutating func visit(_ field: RecordColumns.Field, _ value: String?) { text(value) }
    }
}
