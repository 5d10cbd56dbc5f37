import Foundation
import Testing
@testable import Zongjie

/// The validator's contract: the JSONL shape of the specification, offsets into the original
/// text, configuration, SARIF, the dispatch rule on constructed records, copied text against the
/// bundled model essays.
@Suite("Validator")
struct ValidatorTests {
    static func validate(_ text: String, rules: Set<String>? = nil, configuration: ValidationConfiguration = ValidationConfiguration(),
                         references: ReferenceCollection? = nil, source: String = "submission.txt") -> [Diagnostic] {
        var configuration = configuration
        if let rules { configuration.select(rules) }
        let document = Document(source: source, text: text)
        return Validator(configuration: configuration, references: references).validate(document)
    }

    // MARK: Output contract

    @Test("JSONL has exactly source, start, end, rule, severity, message, and start/end index the original text")
    func jsonLineShape() throws {
        // Full-width digits and a BOM-free CRLF text: offsets must still be code points of the original.
        let text = "对口支援工作总结\r\n\r\n我院于２０ｘｘ年选派医务人员，监督覆盖率达到５００％以上。"
        let diagnostics = Self.validate(text, rules: ["placeholder", "percent-range"])
        #expect(diagnostics.map(\.rule) == ["placeholder", "percent-range"])
        let scalars = Array(text.unicodeScalars)
        for diagnostic in diagnostics {
            let line = diagnostic.jsonLine()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["source", "start", "end", "rule", "severity", "message"])
            #expect(line.hasPrefix("{\"source\":\"submission.txt\",\"start\":"))
            #expect(["error", "warning", "info"].contains(object["severity"] as? String ?? ""))
            let start = try #require(object["start"] as? Int)
            let end = try #require(object["end"] as? Int)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            if diagnostic.rule == "placeholder" { #expect(String(view) == "２０ｘｘ") }
            if diagnostic.rule == "percent-range" { #expect(String(view) == "覆盖率达到５００％以上") }
        }
    }

    @Test("findings come in text order, each rule's id is in the catalog")
    func orderAndIds() {
        let text = "20xx年2月30日，监督覆盖率达到120%。xx医院选派医生。"
        let diagnostics = Self.validate(text)
        #expect(diagnostics.map(\.start) == diagnostics.map(\.start).sorted())
        #expect(Set(diagnostics.map(\.rule)).isSubset(of: Set(RuleCatalog.ids)))
        #expect(diagnostics.contains { $0.rule == "date-invalid" && $0.severity == .error })
        #expect(Set(RuleCatalog.ids).count == RuleCatalog.ids.count)
    }

    @Test("compiler-style text: path:line:col: severity: message [rule], the line, a marker under the span")
    func compilerStyle() {
        let text = "第一行\n我院于20xx年选派医生。"
        let document = Document(source: "a.txt", text: text)
        let diagnostic = Validator(configuration: { var c = ValidationConfiguration(); c.select(["placeholder"]); return c }())
            .validate(document)[0]
        let location = DiagnosticLocation(diagnostic, in: LineIndex(document.text))
        #expect(location.line == 2 && location.column == 4 && location.endLine == 2 && location.endColumn == 8)
        let lines = diagnostic.compilerStyle(location).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "a.txt:2:4: error: 模板占位符未替换：年份“20xx” [placeholder]")
        #expect(lines[1] == "    我院于20xx年选派医生。")
        // 我院于 is three wide characters: six columns before the marker.
        #expect(lines[2] == "    " + String(repeating: " ", count: 6) + "^~~~")
    }

    @Test("SARIF 2.1.0: schema, version, driver with rules, results with locations in code points")
    func sarif() throws {
        let text = "我院于20xx年选派医生。\n监督覆盖率达到500%。"
        let document = Document(source: "reports/一月 总结.txt", text: text)
        let diagnostics = Validator().validate(document)
        var log = SARIFLog(toolVersion: "0.1.0", rules: RuleCatalog.all.map(\.descriptor), levels: ["missing-section": .warning])
        for diagnostic in diagnostics { log.add(diagnostic, location: DiagnosticLocation(diagnostic, in: LineIndex(document.text))) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(log.json().utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == SARIFLog.schema)
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "zongjie")
        #expect(driver["version"] as? String == "0.1.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleCatalog.ids)
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note"].contains(level ?? ""))
            if rule["id"] as? String == "missing-section" { #expect(level == "warning") }
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == diagnostics.count)
        let placeholder = try #require(results.first { $0["ruleId"] as? String == "placeholder" })
        #expect(placeholder["level"] as? String == "error")
        #expect((placeholder["message"] as? [String: Any])?["text"] as? String == "模板占位符未替换：年份“20xx”")
        let physical = try #require(((placeholder["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "reports/%E4%B8%80%E6%9C%88%20%E6%80%BB%E7%BB%93.txt")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 1 && region["startColumn"] as? Int == 4)
        #expect(region["endLine"] as? Int == 1 && region["endColumn"] as? Int == 8)
        #expect(region["charOffset"] as? Int == 3 && region["charLength"] as? Int == 4)
        let percent = try #require(results.first { $0["ruleId"] as? String == "percent-range" })
        let percentRegion = (((percent["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(percentRegion?["startLine"] as? Int == 2)
    }

    // MARK: Configuration

    @Test("configuration: rules off, severities changed, options, and clear errors")
    func configuration() throws {
        let json = """
        {"rules": {"placeholder": "warning", "missing-section": "off", "copied-text": {"severity": "error", "minimumLength": 80},
                   "totals": {"tolerance": 0.02}}, "reference": ["essays"]}
        """
        let configuration = try ValidationConfiguration.parse(Data(json.utf8), source: "c.json", folder: "/etc/zongjie")
        #expect(!configuration.isEnabled("missing-section"))
        #expect(configuration.severities["placeholder"] == .warning)
        #expect(configuration.severities["copied-text"] == .error)
        #expect(configuration.options.minimumCopiedLength == 80)
        #expect(configuration.options.totalsTolerance == 0.02)
        #expect(configuration.references == ["/etc/zongjie/essays"])
        let diagnostics = Self.validate("我院于20xx年选派医生。", configuration: configuration)
        #expect(diagnostics.first { $0.rule == "placeholder" }?.severity == .warning)

        for bad in [#"{"rules": {"no-such-rule": "off"}}"#, #"{"rules": {"totals": "loud"}}"#, #"{"rulez": {}}"#, "[1]", "{",
                    #"{"rules": {"copied-text": {"minimumLength": 3}}}"#] {
            #expect(throws: ConfigurationError.self) { try ValidationConfiguration.parse(Data(bad.utf8), source: "bad.json") }
        }
    }

    // MARK: Rules on constructed records

    /// A document with two dispatch statements; the records are built here because the
    /// dispatch extractor is another issue's work.
    static func dispatchAnalysis(_ text: String, _ statements: [(String, DispatchValue)]) -> Analysis {
        let document = Document(source: "dispatch.txt", text: text)
        let structure = Segmenter().segment(document)
        let scalars = Array(text.unicodeScalars)
        var records: [Record] = []
        var from = 0
        for (span, value) in statements {
            let needle = Array(span.unicodeScalars)
            var start = from
            while start + needle.count <= scalars.count, Array(scalars[start..<(start + needle.count)]) != needle { start += 1 }
            records.append(Record(start: start, end: start + needle.count, text: span, rule: "dispatch.verb", value: .dispatch(value),
                                  article: 0, section: []))
            from = start + needle.count
        }
        return Analysis(document: document, structure: structure, records: records)
    }

    @Test("inconsistent-figures: two dispatch records of the same staff with different counts")
    func dispatchRecords() {
        let twelve = DispatchValue(count: 12, unit: "名", staff: "医务人员", verb: "选派", from: "我院", batches: nil, per: nil)
        let thirteen = DispatchValue(count: 13, unit: "名", staff: "医务人员", verb: "选派", from: "我院", batches: nil, per: nil)
        let text = "我院选派12名医务人员到乡镇卫生院开展帮扶。\n\n各医务人员认真履职。\n\n我院选派13名医务人员到乡镇卫生院开展帮扶。"
        var configuration = ValidationConfiguration()
        configuration.select(["inconsistent-figures"])
        let validator = Validator(configuration: configuration)
        let found = validator.validate(Self.dispatchAnalysis(text, [("选派12名医务人员", twelve), ("选派13名医务人员", thirteen)]))
        #expect(found.count == 1)
        #expect(found.first?.message == "同一数字前后不一致：此处“选派13名医务人员”，第1行为“选派12名医务人员”")
        #expect(found.first?.related.first?.start == 2)

        // Same figure: nothing. A yearly rate on one side, another sender, another destination: other quantities.
        #expect(validator.validate(Self.dispatchAnalysis(text.replacingOccurrences(of: "13名", with: "12名"),
                                                         [("选派12名医务人员", twelve), ("选派12名医务人员", twelve)])).isEmpty)
        var yearly = thirteen
        yearly.per = "每年"
        #expect(validator.validate(Self.dispatchAnalysis(text, [("选派12名医务人员", twelve), ("选派13名医务人员", yearly)])).isEmpty)
        var other = thirteen
        other.from = "市中心医院"
        #expect(validator.validate(Self.dispatchAnalysis(text, [("选派12名医务人员", twelve), ("选派13名医务人员", other)])).isEmpty)
        let elsewhere = text.replacingOccurrences(of: "13名医务人员到乡镇卫生院", with: "13名医务人员到县医院")
        #expect(validator.validate(Self.dispatchAnalysis(elsewhere, [("选派12名医务人员", twelve), ("选派13名医务人员", thirteen)])).isEmpty)
        // A plan is not a statement of fact.
        let plan = text.replacingOccurrences(of: "我院选派13名", with: "下一步我院将选派13名")
        #expect(validator.validate(Self.dispatchAnalysis(plan, [("选派12名医务人员", twelve), ("选派13名医务人员", thirteen)])).isEmpty)
    }

    @Test("a dispatch record and the count inside it are one finding, not two")
    func dispatchAndCountOnce() {
        let twelve = DispatchValue(count: 12, unit: "名", staff: "医务人员", verb: "选派", from: nil, batches: nil, per: nil)
        let thirteen = DispatchValue(count: 13, unit: "名", staff: "医务人员", verb: "选派", from: nil, batches: nil, per: nil)
        let text = "一年来共选派12名医务人员。\n\n一年来共选派13名医务人员。"
        var analysis = Self.dispatchAnalysis(text, [("选派12名医务人员", twelve), ("选派13名医务人员", thirteen)])
        let counted = Analyzer(kinds: [.count]).analyze(analysis.document).records
        analysis = Analysis(document: analysis.document, structure: analysis.structure,
                            records: (analysis.records + counted).sorted { $0.start < $1.start })
        var configuration = ValidationConfiguration()
        configuration.select(["inconsistent-figures"])
        #expect(Validator(configuration: configuration).validate(analysis).count == 1)
    }

    // MARK: Copied text

    @Test("the bundled model essays are the Corpus pages, byte for byte")
    func bundledReferences() throws {
        let bundled = ReferenceCollection.bundled
        #expect(bundled.references.map(\.name) == CorpusFiles.pages.map { "Corpus/" + $0 })
        for (reference, page) in zip(bundled.references, CorpusFiles.pages) {
            #expect(reference.document.text.scalars == Document(source: page, text: try CorpusFiles.text(page)).text.scalars)
        }
    }

    @Test("copied-text: a passage from a Corpus page is found and named; a page is not a copy of itself")
    func copiedFromCorpus() throws {
        let page = try CorpusFiles.text("pages/003_e7362edb924ee62c.txt")
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        // 003:281, with another opening and a figure changed.
        let copied = String(lines[280]).replacingOccurrences(of: "40人", with: "45人")
        let submission = "我县人才培养工作总结\n\n" + copied + "\n\n以上为我县情况。"
        let found = Self.validate(submission, rules: ["copied-text"], references: .bundled)
        #expect(found.count == 1)
        let message = try #require(found.first?.message)
        #expect(message.contains("Corpus/pages/003_e7362edb924ee62c.txt”第281行"))
        #expect((found.first.map { $0.end - $0.start } ?? 0) > 200)

        let itself = Self.validate(page, rules: ["copied-text"], references: .bundled, source: "Corpus/pages/003_e7362edb924ee62c.txt")
        #expect(itself.isEmpty)
    }

    @Test("copied-text: references from a folder; the file being checked is skipped as its own reference")
    func referencesFromFolder() throws {
        let folder = NSTemporaryDirectory() + "zongjie-references-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let essay = "一年来，我院认真贯彻落实上级关于对口支援工作的部署，选派思想作风好、业务水平高、管理能力强的医务人员深入乡镇卫生院，开展坐诊、查房、手术带教和业务培训，帮助受援单位建立健全各项规章制度。"
        try Data(essay.utf8).write(to: URL(fileURLWithPath: folder + "/sub/essay.txt"))
        try Data("不是参考".utf8).write(to: URL(fileURLWithPath: folder + "/notes.md"))
        let collection = try ReferenceCollection.load(paths: [folder])
        #expect(collection.references.map(\.name) == [folder + "/sub/essay.txt"])
        let found = Self.validate("总结\n\n" + essay, rules: ["copied-text"], references: collection)
        #expect(found.count == 1)
        // Validating the reference file itself finds nothing.
        let document = try Document.read(path: folder + "/sub/essay.txt")
        var configuration = ValidationConfiguration()
        configuration.select(["copied-text"])
        #expect(Validator(configuration: configuration, references: collection).validate(document).isEmpty)
        #expect(throws: DocumentReadError.self) { try ReferenceCollection.load(paths: [folder + "/missing"]) }
    }
}
