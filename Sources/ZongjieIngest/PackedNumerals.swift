import Zongjie

/// A document's number and percentage records (the optional kinds of conformance work) as one
/// JSON array, the `items` of the document's row in SQLite's `numerals` table, encoded by a
/// worker thread. The view `numeral_records` unpacks them into rows with the columns of
/// `records`, and `all_records` adds them to `records`.
///
/// Why not rows of `records`: they are about 1.5 rows for every row of the five kinds and no
/// query index holds them, yet every row costs the writer thread, which runs alone, about as
/// much as any other (a row's width hardly matters). One row per document costs next to nothing.
///
/// An item is `[kind, start, end, text, rule, article, section, path, value, low, high, qualifier]`:
/// `section` is the ordinal of the innermost section (`sections.ordinal`) or null, `path` the
/// JSON array of the enclosing headings (`records.section`), then the kind's fields in
/// `RecordColumns.fields(of:)` order. Items are in the document's record order (text order).
struct PackedNumerals: Sendable {
    /// Whether records of `kind` are packed here rather than stored as rows of `records`.
    static func packs(_ kind: RecordKind) -> Bool { kind == .number || kind == .percent }

    /// The JSON array, UTF-8.
    let items: [UInt8]
    let count: Int

    /// The document's numbers and percentages, or nil when it has none.
    init?(_ document: IngestedDocument) {
        let count = document.records.withUnsafeBufferPointer { records in
            records.indices.reduce(0) { $0 + (Self.packs(records[$1].kind) ? 1 : 0) }
        }
        guard count > 0 else { return nil }
        // About 90 bytes an item (4.7 MB of JSON for 53,334 items of held-out pages).
        var writer = ItemWriter(capacity: count * 96, sectionSlots: document.sections.count + 1)
        var written = 0
        document.records.withUnsafeBufferPointer { records in
            for index in records.indices where Self.packs(records[index].kind) {
                writer.bytes.append(written == 0 ? 0x5B : 0x2C)   // [ or ,
                writer.append(records[index], section: document.recordSections[index])
                written += 1
            }
        }
        writer.bytes.append(0x5D)
        items = writer.bytes.array()
        self.count = count
    }
}

/// Writes items, reusing what repeats from one item to the next: a kind's name, a rule, a
/// section's path, a qualifier and a value already rendered (`low` and `high` are mostly the
/// value itself). An item is a dozen short fields, so the cost per append is what counts.
private struct ItemWriter: RecordFieldVisitor {
    let bytes: ByteBuffer
    private var rules = QuotedCache()
    private var qualifiers = QuotedCache()
    /// Per section ordinal + 1 (slot 0: outside every section), the path and its JSON.
    private var paths: [(path: [String], json: [UInt8])?]
    private var lastNumber: (value: Double, json: [UInt8])?

    private static let number: [UInt8] = Array("[\"number\",".utf8)
    private static let percent: [UInt8] = Array("[\"percent\",".utf8)

    init(capacity: Int, sectionSlots: Int) {
        bytes = ByteBuffer(capacity: capacity)
        paths = Array(repeating: nil, count: sectionSlots)
    }

    mutating func append(_ record: Record, section: Int?) {
        bytes.append(record.kind == .number ? Self.number : Self.percent)
        bytes.appendInteger(Int64(record.start))
        bytes.append(0x2C)
        bytes.appendInteger(Int64(record.end))
        bytes.append(0x2C)
        bytes.appendQuoted(record.text)
        bytes.append(0x2C)
        rules.append(record.rule, to: bytes)
        bytes.append(0x2C)
        bytes.appendInteger(record.article.map(Int64.init))
        bytes.append(0x2C)
        bytes.appendInteger(section.map(Int64.init))
        bytes.append(0x2C)
        let slot = section.map { $0 + 1 } ?? 0
        if slot >= paths.count { paths += Array(repeating: nil, count: slot + 1 - paths.count) }
        if paths[slot] == nil || paths[slot]!.path != record.section {
            var json: [UInt8] = []
            JSONObjectWriter.appendQuotedArray(record.section, to: &json)
            paths[slot] = (record.section, json)
        }
        bytes.append(paths[slot]!.json)
        RecordColumns.visit(record.value, &self)
        bytes.append(0x5D)   // ]
    }

    // Typed fields, each after a comma.

    mutating func visit(_ field: RecordColumns.Field, _ value: Double?) {
        bytes.append(0x2C)
        guard let value else { return bytes.append(ByteBuffer.null) }
        if let integer = JSONObjectWriter.exactInteger(value) {
            bytes.appendInteger(integer)
            return
        }
        if lastNumber?.value != value {
            var json: [UInt8] = []
            JSONObjectWriter.appendNumber(value, to: &json)
            lastNumber = (value, json)
        }
        bytes.append(lastNumber!.json)
    }

    mutating func visit(_ field: RecordColumns.Field, _ value: Int?) {
        bytes.append(0x2C)
        bytes.appendInteger(value.map(Int64.init))
    }

    mutating func visit(_ field: RecordColumns.Field, _ value: Bool?) {
        bytes.append(0x2C)
        guard let value else { return bytes.append(ByteBuffer.null) }
        var json: [UInt8] = []
        JSONObjectWriter.appendBool(value, to: &json)
        bytes.append(json)
    }

    mutating func visit(_ field: RecordColumns.Field, _ value: String?) {
        bytes.append(0x2C)
        if let value { qualifiers.append(value, to: bytes) } else { bytes.append(ByteBuffer.null) }
    }
}

/// The JSON of the last string quoted, for fields that mostly repeat.
private struct QuotedCache {
    private var last: (string: String, json: [UInt8])?

    mutating func append(_ string: String, to bytes: ByteBuffer) {
        if last?.string != string {
            var json: [UInt8] = []
            JSONObjectWriter.appendQuoted(string, to: &json)
            last = (string, json)
        }
        bytes.append(last!.json)
    }
}

/// Bytes written through a pointer into memory it owns: `Array`'s `append(contentsOf:)` cost
/// about 125 instructions a call (callgrind), and an item makes a dozen of them. A class, so that
/// the memory has one owner and goes with it.
private final class ByteBuffer {
    static let null: [UInt8] = Array("null".utf8)

    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    func array() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(count + extra, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = grown
    }

    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// The decimal digits of `value`, or `null`.
    func appendInteger(_ value: Int64?) {
        guard let value else { return append(Self.null) }
        reserve(20)
        count += JSONObjectWriter.writeInteger(value, to: base + count)
    }

    /// A JSON string: copied whole when nothing in it needs an escape (numerals' texts never
    /// do), else as `JSONObjectWriter.appendQuoted` writes it.
    func appendQuoted(_ string: String) {
        var string = string
        let plain = string.withUTF8 { utf8 -> Bool in
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return false }
            reserve(utf8.count + 2)
            base[count] = 0x22
            count += 1
            append(utf8)
            base[count] = 0x22
            count += 1
            return true
        }
        if !plain {
            var json: [UInt8] = []
            JSONObjectWriter.appendQuoted(string, to: &json)
            append(json)
        }
    }
}
