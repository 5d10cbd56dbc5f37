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
