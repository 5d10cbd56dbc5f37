import Testing
@testable import Zongjie

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = try! Tokenizer()

    func words(_ text: String, _ tokenizer: Tokenizer? = nil) -> [String] {
        let source = SourceText(text)
        return (tokenizer ?? self.tokenizer).tokenize(NormalizedText(source))
            .filter { $0.kind != .whitespace }
            .map { source.string(in: $0.range) }
    }

    @Test("Numbers stay whole, with 年/月/日, %, 多/余 and 万/亿", arguments: [
        ("增长23.4%", ["增长", "23.4%"]),
        ("共2,350名", ["共", "2,350", "名"]),
        ("投入1.22亿元", ["投入", "1.22亿", "元"]),
        ("资金5000多万元", ["资金", "5000多万", "元"]),
        ("2009年2月18日", ["2009年", "2月", "18日"]),
        ("截止20xx年12月底", ["截止", "20xx年", "12月", "底"]),
        ("68.8万元", ["68.8万", "元"]),
        ("150余万元", ["150余万", "元"]),
        ("二〇一一年十月", ["二〇一一年", "十月"]),
        ("一百二十人", ["一百二十", "人"]),
    ])
    func numbers(text: String, expected: [String]) {
        let got = words(text)
        for piece in expected where !["元", "名", "人", "共", "底"].contains(piece) {
            #expect(got.contains(piece), "\(piece) not whole in \(got)")
        }
    }

    @Test("Domain lexicon words stay whole where ICU splits them")
    func lexiconWords() {
        #expect(words("开展对口支援工作").contains("对口支援"))
        let custom = Lexicon(entries: [LexiconEntry(word: "卫生院", weight: 300, tag: "n")])
        let withCustom = try! Tokenizer(lexicon: custom)
        #expect(words("乡镇卫生院的医生", withCustom).contains("卫生院"))
    }

    @Test("Homographs of numerals are not split off", arguments: ["进一步", "统一", "一些"])
    func homographs(word: String) {
        #expect(words("要\(word)加强").contains(word))
    }

    @Test("Offsets point into the original text, also after width folding")
    func offsets() {
        let original = "选派１９名医务人员，共２，３５０元"
        let source = SourceText(original)
        let tokens = tokenizer.tokenize(NormalizedText(source))
        let texts = tokens.map { source.string(in: $0.range) }
        #expect(texts.contains("１９"))
        #expect(texts.contains("２，３５０"))
        #expect(tokens.first?.start == 0)
        #expect(tokens.last?.end == Int32(source.count))
        for (a, b) in zip(tokens, tokens.dropFirst()) { #expect(a.end == b.start) }
    }

    @Test("Token kinds")
    func kinds() {
        let source = SourceText("sci收录 3篇，2021年")
        let tokens = tokenizer.tokenize(NormalizedText(source))
        let kinds = tokens.map(\.kind)
        #expect(kinds.first == .latin)
        #expect(kinds.contains(.whitespace))
        #expect(kinds.contains(.number))
        #expect(kinds.contains(.punctuation))
        #expect(kinds.contains(.word))
    }

    @Test("Repeated runs come from the memo and give the same tokens")
    func memo() {
        let once = words("医务人员下乡开展义诊活动")
        let twice = words("医务人员下乡开展义诊活动")
        #expect(once == twice)
    }
}

@Suite("ICU dictionary segmentation")
struct ICUDictionarySegmenterTests {
    let segmenter = try! ICUDictionarySegmenter()
    let iterator = try! ICUWordBreaker(locale: "zh")

    /// Every run of Chinese characters in the normalized text, as UTF-16.
    func hanRuns(_ text: String) -> [[UInt16]] {
        let scalars = NormalizedText(SourceText(text)).scalars
        var runs: [[UInt16]] = []
        var index = 0
        while index < scalars.count {
            guard CharacterClass.of(scalars[index]) == .han else { index += 1; continue }
            var end = index + 1
            while end < scalars.count, CharacterClass.of(scalars[end]) == .han { end += 1 }
            var units: [UInt16] = []
            _ = UTF16Scalars.append(scalars[index..<end], to: &units)
            runs.append(units)
            index = end
        }
        return runs
    }

    @Test("Gives ICU's word break boundaries on every Chinese run of the Corpus pages")
    func sameAsICUOnCorpus() throws {
        var runs = 0
        var differing: [String] = []
        for page in CorpusFiles.pages {
            for run in hanRuns(try CorpusFiles.text(page)) {
                runs += 1
                if segmenter.boundaries(of: run) != iterator.boundaries(of: run) {
                    differing.append(String(decoding: run, as: UTF16.self))
                }
            }
        }
        #expect(runs > 10_000)
        #expect(differing.isEmpty, "\(differing.count) of \(runs) runs differ, e.g. \(differing.prefix(3))")
    }

    @Test("Gives ICU's boundaries on unknown, rare and supplementary characters", arguments: [
        "对口支援工作取得显著成效", "二〇一一年", "䶮䶮䶮", "我们𠀀的工作", "𠀀", "𠀀𠀁", "丨丿乀", "的",
    ])
    func sameAsICUOnOddRuns(_ run: String) {
        let units = Array(run.utf16)
        #expect(segmenter.boundaries(of: units) == iterator.boundaries(of: units))
    }

    @Test("An empty run has the single boundary 0")
    func emptyRun() {
        #expect(segmenter.boundaries(of: []) == [0])
    }

    @Test("The system ICU's data has the dictionary, so the fast path is the one tested")
    func dictionaryInUse() {
        #expect(segmenter.usesDictionary)
    }
}

@Suite("User dictionaries")
struct LexiconTests {
    @Test("word [weight] [tag] lines, BOM, CRLF, comments and blank lines")
    func parse() throws {
        let text = "\u{FEFF}# comment\r\n对口支援 300 v\r\n\r\n受援\r\n带教 n\r\n下派 50\r\n"
        let entries = try Lexicon.parse(text, source: "user.txt")
        #expect(entries == [
            LexiconEntry(word: "对口支援", weight: 300, tag: "v"),
            LexiconEntry(word: "受援"),
            LexiconEntry(word: "带教", tag: "n"),
            LexiconEntry(word: "下派", weight: 50),
        ])
    }

    @Test("A malformed line is reported with its line number", arguments: [
        ("受援\n对口 支援 300 v\n", 2),
        ("受援\n\n驻点 -3\n", 3),
        ("驻点 3x n\n", 1),
    ])
    func malformed(text: String, line: Int) {
        do {
            _ = try Lexicon.parse(text, source: "user.txt")
            Issue.record("accepted a malformed line")
        } catch {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("user.txt:\(line): "))
        }
    }

    @Test("The built-in domain lexicon loads")
    func domain() {
        #expect(Lexicon.domain.count > 0)
        #expect(Lexicon.domain.contains("对口支援"))
    }
}
