import ArgumentParser
import Zongjie

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split pages into boilerplate, articles and section trees.",
        discussion: """
        JSON output is one object per file: {"source", "boilerplate": [{"start","end"}],
        "articles": [{"title","start","end","sections": [{"heading","level","start","end","children"}]}]},
        with code-point offsets into the original text. Text output is a readable outline.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "Files to segment (standard input when none).")
    var files: [String] = []

    @Option(help: "Output format: json or text.")
    var format: Format = .json

    func run() throws {
        let analyzer = Analyzer(kinds: [.institution])
        let output = OutputBuffer()
        let failures = try InputFiles.forEachDocument(files) { document in
            let structure = analyzer.analyze(document).structure
            switch format {
            case .json: output.write(structure.json(source: document.source) + "\n")
            case .text: output.write("== \(document.source)\n" + structure.outline(text: document.text))
            }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
