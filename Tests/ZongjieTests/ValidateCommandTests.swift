import Foundation
import Testing
@testable import Zongjie

/// `zongjie validate` as a user runs it: formats, rule selection, configuration files, exit
/// status. Runs the `zongjie` binary built next to the tests.
@Suite("zongjie validate")
struct ValidateCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zongjie").path
    }

    static func run(_ arguments: [String], in folder: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["validate"] + arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   errors: String(decoding: errorData, as: UTF8.self))
    }

    /// A temporary folder with the given files.
    static func folder(_ files: [String: String]) throws -> String {
        let folder = NSTemporaryDirectory() + "zongjie-validate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return folder
    }

    static let withError = "对口支援工作总结\n\n我院于20xx年选派医务人员12名，其中医生8名、护士6名。\n"
    static let withWarning = "对口支援工作总结\n\n我院共选派医务人员12名，其中医生8名、护士6名。\n"
    static let clean = "对口支援工作总结\n\n我院共选派医务人员12名，其中医生8名、护士4名。\n"

    @Test("the binary is built next to the tests")
    func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first: swift build")
    }

    @Test("text format: compiler-style lines, a summary on standard error, exit 1 with errors")
    func textFormat() throws {
        let folder = try Self.folder(["a.txt": Self.withError])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["a.txt"], in: folder)
        #expect(run.status == 1)
        #expect(run.output.hasPrefix("a.txt:3:4: error: 模板占位符未替换：年份“20xx” [placeholder]\n    我院于20xx年"))
        #expect(run.output.contains("a.txt:3:15: warning: 分项之和超过总数：总数“12名”，分项8名+6名=14名 [totals]"))
        #expect(run.errors.contains("1 error, 1 warning, 0 notes in 1 file"))
    }

    @Test("exit 0 when the findings are warnings or nothing")
    func exitZero() throws {
        let folder = try Self.folder(["w.txt": Self.withWarning, "c.txt": Self.clean])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let warning = try Self.run(["w.txt", "--format", "jsonl"], in: folder)
        #expect(warning.status == 0)
        #expect(warning.output.split(separator: "\n").count == 1)
        let clean = try Self.run(["c.txt"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.output.isEmpty)
    }

    @Test("jsonl: one object per finding, the specification's six keys")
    func jsonl() throws {
        let folder = try Self.folder(["a.txt": Self.withError])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["--format", "jsonl", "a.txt"], in: folder)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["source", "start", "end", "rule", "severity", "message"])
            #expect(object["source"] as? String == "a.txt")
        }
        #expect(lines[0] == #"{"source":"a.txt","start":13,"end":17,"rule":"placeholder","severity":"error","message":"模板占位符未替换：年份“20xx”"}"#)
    }

    @Test("sarif: one valid log for all files")
    func sarif() throws {
        let folder = try Self.folder(["a.txt": Self.withError, "c.txt": Self.clean])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["a.txt", "c.txt", "--format", "sarif"], in: folder)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let log = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect((log["results"] as? [Any])?.count == 2)
        #expect((log["artifacts"] as? [Any])?.count == 2)
        // Relative paths are relative to the working folder, which the log names as SRCROOT.
        let artifact = try #require(((log["artifacts"] as? [[String: Any]])?.first)?["location"] as? [String: Any])
        #expect(artifact["uri"] as? String == "a.txt" && artifact["uriBaseId"] as? String == "SRCROOT")
        let bases = try #require(log["originalUriBaseIds"] as? [String: [String: Any]])
        let root = try #require(bases["SRCROOT"]?["uri"] as? String)
        #expect(root.hasPrefix("file:///") && root.hasSuffix("/"))
        let resolved = try #require(URL(string: "a.txt", relativeTo: URL(string: root)))
        #expect(FileManager.default.fileExists(atPath: resolved.path))
    }

    @Test("sarif: rules turned off are listed as not enabled")
    func sarifDisabledRules() throws {
        let folder = try Self.folder(["a.txt": Self.withError])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["a.txt", "--format", "sarif", "--rules", "-copied-text"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let log = try #require((object["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((log["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for rule in rules {
            let enabled = (rule["defaultConfiguration"] as? [String: Any])?["enabled"] as? Bool
            #expect(enabled == (rule["id"] as? String == "copied-text" ? false : nil))
        }
    }

    @Test("sarif: related locations carry a whole region; CR line ends are declared; an unreadable input is a notification")
    func sarifDetails() throws {
        // Two statements of one figure, on lines separated by a lone CR: the related location is
        // the earlier statement, with its start and end lines and columns.
        let text = "对口支援工作总结\r\r一年来，我院共派出12名医务人员到乡镇卫生院开展帮扶。\r\r总之，一年来，我院共派出13名医务人员到乡镇卫生院开展帮扶。\r"
        let folder = try Self.folder(["cr.txt": text])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["cr.txt", "missing.txt", "--format", "sarif", "--rules", "inconsistent-figures"], in: folder)
        #expect(run.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let log = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect(log["newlineSequences"] as? [String] == ["\r\n", "\n", "\r"])
        let result = try #require((log["results"] as? [[String: Any]])?.first)
        let related = try #require((result["relatedLocations"] as? [[String: Any]])?.first)
        let region = try #require((related["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        let start = try #require(region["charOffset"])
        let length = try #require(region["charLength"])
        #expect(Array(text.unicodeScalars)[start..<(start + length)].map(String.init).joined().hasSuffix("12名"))
        #expect(region["startLine"] == 3 && region["endLine"] == 3)
        #expect(region["endColumn"]! - region["startColumn"]! == length)
        let invocation = try #require((log["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "error")
        #expect("\(notification["locations"] ?? "")".contains("missing.txt"))
    }

    @Test("--rules list and --rules selection; unknown rules and formats are usage errors (exit 2)")
    func rules() throws {
        let folder = try Self.folder(["a.txt": Self.withError])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let list = try Self.run(["--rules", "list"], in: folder)
        #expect(list.status == 0)
        for id in RuleCatalog.ids { #expect(list.output.contains(id)) }
        let only = try Self.run(["a.txt", "--rules", "totals", "--format", "jsonl"], in: folder)
        #expect(only.status == 0)
        #expect(only.output.contains("\"rule\":\"totals\"") && !only.output.contains("placeholder"))
        let without = try Self.run(["a.txt", "--rules=-totals", "--format", "jsonl"], in: folder)
        #expect(without.status == 1)
        #expect(!without.output.contains("\"rule\":\"totals\""))
        // Without `=`: the leading dash belongs to the value, and the output is the same.
        let spaced = try Self.run(["a.txt", "--rules", "-totals", "--format", "jsonl"], in: folder)
        #expect(spaced.status == without.status && spaced.output == without.output)
        #expect(try Self.run(["a.txt", "--rules", "no-such-rule"], in: folder).status == 2)
        #expect(try Self.run(["a.txt", "--format", "xml"], in: folder).status == 2)
    }

    @Test("a configuration file turns rules off and changes severities; the default file is read from the working folder")
    func configurationFiles() throws {
        let folder = try Self.folder([
            "a.txt": Self.withError,
            ".zongjie-validate.json": #"{"rules": {"placeholder": "off"}}"#,
            "strict.json": #"{"rules": {"totals": "error"}}"#,
            "broken.json": #"{"rules": {"placeholder": "sometimes"}}"#,
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let byDefault = try Self.run(["a.txt", "--format", "jsonl"], in: folder)
        #expect(byDefault.status == 0)
        #expect(!byDefault.output.contains("placeholder"))
        let strict = try Self.run(["a.txt", "--format", "jsonl", "--config", "strict.json"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.output.contains(#""rule":"totals","severity":"error""#))
        #expect(strict.output.contains("placeholder"))
        let broken = try Self.run(["a.txt", "--config", "broken.json"], in: folder)
        #expect(broken.status == 2)
        #expect(broken.errors.contains("broken.json"))
    }

    @Test("unreadable inputs and references: exit 2, the other files are still checked")
    func inputFailures() throws {
        let folder = try Self.folder(["a.txt": Self.withError])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = try Self.run(["missing.txt", "a.txt", "--format", "jsonl"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.errors.contains("missing.txt"))
        #expect(missing.output.contains("placeholder"))
        let reference = try Self.run(["a.txt", "--reference", "no-such-folder"], in: folder)
        #expect(reference.status == 2)
    }
}
