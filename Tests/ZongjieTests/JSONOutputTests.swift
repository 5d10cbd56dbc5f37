import Foundation
import Testing
@testable import Zongjie

/// The JSON lines of `extract` and `ingest`: exact escapes, numbers as integers where they are
/// whole, and output that any JSON parser reads back to the same values.
@Suite("JSON output")
struct JSONOutputTests {
    @Test("Strings escape quotes, backslashes, control characters and U+2028/U+2029, and keep the rest as UTF-8",
          arguments: [
              ("", #""""#),
              ("对口支援", #""对口支援""#),
              (#"他说"好"\"#, #""他说\"好\"\\""#),
              ("a\nb\rc\td\u{08}e\u{0C}f", #""a\nb\rc\td\be\ff""#),
              ("\u{01}\u{1F}", #""\u0001\u001f""#),
              ("行\u{2028}分\u{2029}段", #""行\u2028分\u2029段""#),
              ("€–…\u{2027}\u{202A}", "\"€–…\u{2027}\u{202A}\""),
              ("😀 emoji", "\"😀 emoji\""),
          ])
    func quoted(input: String, expected: String) throws {
        #expect(JSONObjectWriter.quoted(input) == expected)
        var bytes: [UInt8] = []
        JSONObjectWriter.appendQuoted(input, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? String
        #expect(decoded == input)
    }

    @Test("String arrays (section paths, warnings): empty, one, several with escapes")
    func arrays() throws {
        #expect(JSONObjectWriter.quotedArray([]) == "[]")
        #expect(JSONObjectWriter.quotedArray(["一、基本情况"]) == #"["一、基本情况"]"#)
        let path = ["一、基本情况", #"（一）"派出"人员"#, "a\tb"]
        let json = JSONObjectWriter.quotedArray(path)
        #expect(json == #"["一、基本情况","（一）\"派出\"人员","a\tb"]"#)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] == path)
    }

    @Test("Numbers: whole values print as integers (also negative and large), others round-trip, NaN is null",
          arguments: [
              (0.0, "0"), (7.0, "7"), (-12.0, "-12"), (1e4, "10000"), (5.6e9, "5600000000"),
              (1.5, "1.5"), (-0.25, "-0.25"), (9.007_199_254_740_992e15, "9007199254740992.0"),
              (Double.nan, "null"), (Double.infinity, "null"),
          ])
    func numbers(value: Double, expected: String) {
        #expect(JSONObjectWriter.number(value) == expected)
    }

    @Test("A record's line as bytes equals its line as a String, ends with a newline, and parses back")
    func recordLine() throws {
        let record = Record(start: 3, end: 9, text: "选派\"5名\"医生", rule: "dispatch.verb-figure",
                            value: .dispatch(DispatchValue(count: 5, unit: "名", staff: "医生", verb: "选派", from: nil,
                                                           batches: nil, per: nil)))
        var bytes: [UInt8] = []
        record.appendJSONLine(source: "a\\b.txt", id: "m 1", to: &bytes)
        #expect(bytes.last == 0x0A)
        let line = record.jsonLine(source: "a\\b.txt", id: "m 1")
        #expect(String(decoding: bytes.dropLast(), as: UTF8.self) == line)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["text"] as? String == "选派\"5名\"医生")
        #expect(object["source"] as? String == "a\\b.txt")
        #expect(object["id"] as? String == "m 1")
        #expect(object["count"] as? Int == 5)
        #expect(object["from"] is NSNull)
        #expect(line.hasPrefix(#"{"kind":"dispatch","id":"m 1","source":"a\\b.txt","start":3,"end":9,"#))
    }
}
