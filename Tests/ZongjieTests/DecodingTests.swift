import PropertyBased
import Testing
@testable import Zongjie

@Suite("Decoding")
struct DecodingTests {
    let original = try! CorpusFiles.text("pages/000_be7b476837a84dea.txt")

    @Test("UTF-8 pages decode to their exact text")
    func utf8Pages() throws {
        for page in CorpusFiles.pages {
            let decoded = try TextDecoder.decode(CorpusFiles.bytes(page), source: page)
            #expect(decoded.encoding == .utf8)
            #expect(decoded.warnings.isEmpty)
            #expect(decoded.text.string == (try CorpusFiles.text(page)))
            #expect(decoded.lineEnding == .lf)
        }
    }

    @Test("GB18030, UTF-16 LE/BE with BOM and UTF-8 with BOM are detected and read", arguments: [
        ("fixtures/encodings/000.gb18030.txt", TextEncoding.gb18030, false),
        ("fixtures/encodings/000.utf16le-bom.txt", .utf16LittleEndian, true),
        ("fixtures/encodings/000.utf16be-bom.txt", .utf16BigEndian, true),
    ])
    func otherEncodings(path: String, encoding: TextEncoding, bom: Bool) throws {
        let decoded = try TextDecoder.decode(CorpusFiles.bytes(path), source: path)
        #expect(decoded.encoding == encoding)
        #expect(decoded.hadByteOrderMark == bom)
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.text.string == original)
    }

    @Test("A short GBK line is detected as GB18030")
    func shortGBK() throws {
        let decoded = try TextDecoder.decode(CorpusFiles.bytes("fixtures/encodings/short.gbk.txt"), source: "short")
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text.string == "对口支援工作总结：我院共选派了19名医务人员。")
    }

    @Test("CRLF with BOM and bare CR keep their line ends and the BOM is not text")
    func lineEnds() throws {
        let crlf = try TextDecoder.decode(CorpusFiles.bytes("fixtures/encodings/000.utf8-bom-crlf.txt"), source: "crlf")
        #expect(crlf.hadByteOrderMark)
        #expect(crlf.lineEnding == .crlf)
        #expect(crlf.text.string == original.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.text.lineStarts().count == SourceText(original).lineStarts().count)

        let cr = try TextDecoder.decode(CorpusFiles.bytes("fixtures/encodings/000.utf8-cr.txt"), source: "cr")
        #expect(cr.lineEnding == .cr)
        #expect(cr.text.lineStarts().count == SourceText(original).lineStarts().count)
    }

    @Test("One bad byte is replaced and reported as a warning, not a lost file")
    func oneBadByte() throws {
        let decoded = try TextDecoder.decode(CorpusFiles.bytes("fixtures/encodings/000.utf8-one-bad-byte.txt"), source: "bad")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.warnings.count == 1)
        #expect(decoded.warnings.first?.byteOffset == 619)
        #expect(decoded.text.scalars.filter { $0 == 0xFFFD }.count >= 1)
        #expect(decoded.text.count >= original.unicodeScalars.count - 1)
    }

    /// Scalars at every UTF-8 length boundary, Chinese, and the edges of the surrogate gap.
    static let utf8Alphabet: [UInt32] = [
        0x0A, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xFFF, 0x1000, 0x5BF9, 0x53E3, 0xCFFF, 0xD7FF, 0xE000, 0xFF0C, 0xFFFD, 0xFFFF,
        0x10000, 0x20000, 0x10FFFF,
    ]

    @Test("Valid UTF-8 decodes to exactly its scalars")
    func validUTF8RoundTrips() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...(Self.utf8Alphabet.count - 1)).array(of: 0...60)) { indices in
            let scalars = indices.map { Self.utf8Alphabet[$0] }
            let bytes = Array(String(scalarValues: scalars).utf8)
            let result = bytes.withUnsafeBufferPointer { UTF8Decoder.decode($0) }
            #expect(result.scalars == scalars)
            #expect(result.invalidSequences == 0)
        }
    }

    @Test("Overlong forms, surrogates and broken sequences become U+FFFD, one per bad byte", arguments: [
        ([0xE0, 0x80, 0x80], [0xFFFD, 0xFFFD, 0xFFFD]),            // overlong
        ([0xED, 0xA0, 0x80], [0xFFFD, 0xFFFD, 0xFFFD]),            // a surrogate
        ([0xE4, 0xB8, 0x41], [0xFFFD, 0xFFFD, 0x41]),              // a continuation missing
        ([0x41, 0xE4, 0xB8], [0x41, 0xFFFD]),                      // truncated at the end
        ([0xEF, 0xBF, 0xBD, 0xE5, 0xAF, 0xB9], [0xFFFD, 0x5BF9]),  // a real U+FFFD, then 对
    ])
    func invalidUTF8(_ bytes: [UInt8], _ expected: [UInt32]) {
        let result = bytes.withUnsafeBufferPointer { UTF8Decoder.decode($0) }
        #expect(result.scalars == expected)
    }

    @Test("A NUL byte is reported at its exact offset wherever it sits in the sample", arguments: [0, 5, 7, 8, 15, 16, 99, 65_535])
    func nulOffset(_ offset: Int) {
        var bytes = Array(String(repeating: "对口支援工作\n", count: 6_000).utf8)
        bytes[offset] = 0
        do {
            _ = try TextDecoder.decode(bytes, source: "nul.txt")
            Issue.record("a NUL byte at \(offset) was accepted")
        } catch {
            #expect(error.reason == .binary)
            #expect(error.description.hasSuffix("NUL byte at offset \(offset)"))
        }
    }

    @Test("Control bytes are counted in every position: many make binary, a few are tolerated")
    func controlBytes() throws {
        var few = Array(String(repeating: "支教工作总结\n", count: 100).utf8)
        for offset in [3, 17, 40] { few[offset] = 0x01 }
        _ = try TextDecoder.decode(few, source: "few.txt")
        var many = Array(String(repeating: "ab\n", count: 300).utf8)
        for offset in stride(from: 1, to: many.count, by: 9) { many[offset] = 0x02 }
        #expect(throws: DecodingError.self) { try TextDecoder.decode(many, source: "many.txt") }
    }

    @Test("Binary and undecodable input is refused with the file and the reason")
    func refused() throws {
        #expect(throws: DecodingError.self) {
            try TextDecoder.decode(CorpusFiles.bytes("fixtures/encodings/binary.png"), source: "x/binary.png")
        }
        do {
            _ = try TextDecoder.decode(CorpusFiles.bytes("fixtures/encodings/binary.png"), source: "x/binary.png")
        } catch let error as DecodingError {
            #expect(error.reason == .binary)
            #expect(error.description.hasPrefix("x/binary.png: binary"))
        }
        do {
            _ = try TextDecoder.decode(CorpusFiles.bytes("fixtures/encodings/latin1-garbage.txt"), source: "garbage.txt")
            Issue.record("garbage was decoded")
        } catch let error as DecodingError {
            #expect(error.reason == .undecodable)
        }
    }

    @Test("Empty input is an empty text, and oversized input is refused")
    func emptyAndTooLarge() throws {
        let empty = try TextDecoder.decode([], source: "empty")
        #expect(empty.text.isEmpty)
        #expect(throws: DecodingError.self) {
            try TextDecoder.decode([UInt8](repeating: 0x41, count: 100), source: "big", maximumBytes: 10)
        }
    }
}
