import Zongjie

/// RFC 4180 rows (comma-separated, CRLF line ends) written straight into an `AtomicFile`'s
/// buffer. A field is quoted only when it holds a comma, a double quote, CR or LF; quotes inside
/// are doubled. CSV.swift's writer, used before, searched every field five times through
/// Foundation and wrote one scalar per call, which made CSV output three times slower than
/// the rest of `ingest` together (5.6 MB/s on the 105 MB benchmark archive); the tests read the
/// files back with CSV.swift's reader.
final class CSVRowWriter {
    let file: AtomicFile
    private var row: [UInt8] = []

    init(_ file: AtomicFile) {
        self.file = file
    }

    func write(_ fields: [String]) throws {
        row.removeAll(keepingCapacity: true)
        Self.appendRow(fields, to: &row)
        try file.write(bytes: row)
    }

    /// Writes rows that `appendRow` rendered elsewhere (a worker thread).
    func write(renderedRows: [UInt8]) throws {
        try file.write(bytes: renderedRows)
    }

    /// Appends one row, CRLF included.
    static func appendRow(_ fields: [String], to row: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { row.append(comma) }
            appendField(field, to: &row)
        }
        endRow(&row)
    }

    static let comma = UInt8(ascii: ",")

    static func endRow(_ row: inout [UInt8]) {
        row.append(UInt8(ascii: "\r"))
        row.append(UInt8(ascii: "\n"))
    }

    /// Comma, double quote, CR, LF.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A
    }

    /// Appends a text field, quoted only when it must be.
    static func appendField(_ field: String, to row: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            guard bytes.contains(where: Self.needsQuotes) else {
                row.append(contentsOf: bytes)
                return
            }
            row.append(0x22)
            for byte in bytes {
                if byte == 0x22 { row.append(0x22) }
                row.append(byte)
            }
            row.append(0x22)
        }
    }

    /// Fields that never need quotes: numbers as JSON prints them (integers without a fraction),
    /// true/false, and nothing for a missing value.
    static func appendField(_ value: Int?, to row: inout [UInt8]) {
        if let value { JSONObjectWriter.appendInteger(Int64(value), to: &row) }
    }

    static func appendField(_ value: Double?, to row: inout [UInt8]) {
        if let value { JSONObjectWriter.appendNumber(value, to: &row) }
    }

    static func appendField(_ value: Bool?, to row: inout [UInt8]) {
        if let value { JSONObjectWriter.appendBool(value, to: &row) }
    }

    static func appendField(_ value: String?, to row: inout [UInt8]) {
        if let value { appendField(value, to: &row) }
    }
}
