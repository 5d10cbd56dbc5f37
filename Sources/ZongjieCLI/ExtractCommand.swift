import ArgumentParser
import Foundation
import Zongjie

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract typed records: counts, money, dates, institutions, dispatched staff.",
        discussion: """
        Prints one JSON object per record: kind, source, start, end (code-point offsets into the
        original text), text, article, section, rule, and the kind's fields. Kinds on by default:
        count, money, date, institution, dispatch; number and percent on request.
        """
    )

    @Argument(help: "Files to read (standard input when none).")
    var files: [String] = []

    @Option(help: "Output format (jsonl).")
    var format: String = "jsonl"

    @Option(help: "Comma-separated kinds: count,money,date,institution,dispatch,number,percent (or all).")
    var kinds: String = "count,money,date,institution,dispatch"

    func validate() throws {
        guard format == "jsonl" else { throw ValidationError("unknown format \(format): use jsonl") }
        _ = try parsedKinds()
    }

    func parsedKinds() throws -> Set<RecordKind> {
        if kinds == "all" { return Set(RecordKind.allCases) }
        var result: Set<RecordKind> = []
        for name in kinds.split(separator: ",") {
            guard let kind = RecordKind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown kind \(name); kinds are \(RecordKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.insert(kind)
        }
        return result
    }

    func run() throws {
        let analyzer = Analyzer(kinds: try parsedKinds())
        let output = OutputBuffer()
        let failures = try InputFiles.forEachDocument(files) { document in
            for record in analyzer.analyze(document).records {
                output.append { record.appendJSONLine(source: document.source, to: &$0) }
            }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
