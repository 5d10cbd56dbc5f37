import ArgumentParser
import Foundation
import Zongjie

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check submitted summaries: placeholders, totals, growth claims, rates, dates, copied text …",
        discussion: """
        Text output is compiler-style (path:line:col: severity: message [rule], then the line with
        the span marked); jsonl prints one object per finding: source, start, end (code-point
        offsets into the original text), rule, severity, message; sarif prints a SARIF 2.1.0 log.
        Exit status: 0 without errors, 1 when any finding is an error, 2 for usage errors and files
        that cannot be read. `--rules list` lists the rules. A configuration file (--config, or
        .zongjie-validate.json in the working folder) turns rules off or changes their severity.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, sarif
    }

    static let toolVersion = "0.1.0"

    @Argument(help: "Files to check (standard input when none).")
    var files: [String] = []

    @Option(help: "Output format: text, jsonl or sarif.")
    var format: Format = .text

    // Unconditional: `--rules -copied-text` takes the leading dash as the value's, not an option's.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("`list` to list the rules; or a comma-separated selection of rule ids (a leading - removes a rule: --rules -copied-text).",
                               valueName: "list|ids"))
    var rules: String?

    @Option(help: ArgumentHelp("A JSON configuration file (default: .zongjie-validate.json in the working folder, if present).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Model essays for copied-text: a .txt file or a folder (repeatable; default: the bundled Corpus pages).", valueName: "path"))
    var reference: [String] = []

    func validate() throws {
        if let rules, rules != "list" { _ = try selection(rules) }
    }

    /// The rule ids `--rules` selects.
    func selection(_ list: String) throws -> Set<String> {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw ValidationError("--rules needs rule ids or `list`") }
        let removals = names.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }
        let additions = names.filter { !$0.hasPrefix("-") }
        for name in removals + additions where name != "all" && RuleCatalog.rule(name) == nil {
            throw ValidationError("unknown rule \(name); rules are \(RuleCatalog.ids.joined(separator: ", ")) (see --rules list)")
        }
        var selected = additions.isEmpty || additions.contains("all") ? Set(RuleCatalog.ids) : Set(additions)
        selected.subtract(removals)
        return selected
    }

    func loadConfiguration() throws -> ValidationConfiguration {
        var configuration = ValidationConfiguration()
        do {
            if let config {
                configuration = try ValidationConfiguration.load(path: config)
            } else if FileManager.default.fileExists(atPath: ValidationConfiguration.defaultFileName) {
                configuration = try ValidationConfiguration.load(path: ValidationConfiguration.defaultFileName)
            }
        } catch let error as ConfigurationError {
            throw ValidationError("configuration: \(error.description)")
        }
        if let rules, rules != "list" {
            let selected = try selection(rules)
            configuration.disabled = configuration.disabled.union(Set(RuleCatalog.ids).subtracting(selected))
            // Naming a rule on the command line runs it even if the file turned it off.
            for id in selected where rules.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == id }) {
                configuration.disabled.remove(id)
            }
        }
        if !reference.isEmpty { configuration.references = reference }
        return configuration
    }

    func run() throws {
        let configuration = try loadConfiguration()
        if rules == "list" {
            listRules(configuration)
            return
        }
        var references: ReferenceCollection?
        if configuration.isEnabled("copied-text") {
            if configuration.references.isEmpty {
                references = .bundled
            } else {
                do {
                    references = try ReferenceCollection.load(paths: configuration.references)
                } catch {
                    StandardError.print("zongjie: reference: \(error)")
                    throw ExitCode(2)
                }
            }
        }
        let validator = Validator(configuration: configuration, references: references)
        let analyzer = Analyzer(kinds: Validator.recordKinds)
        let output = OutputBuffer()
        var sarif = SARIFLog(toolVersion: Self.toolVersion, rules: RuleCatalog.all.map(\.descriptor),
                             levels: configuration.severities,
                             disabled: Set(RuleCatalog.ids.filter { !configuration.isEnabled($0) }),
                             workingDirectory: FileManager.default.currentDirectoryPath)
        var counts: [Severity: Int] = [:]
        var documents = 0
        let failures = try InputFiles.forEachDocument(files, onFailure: { sarif.addInputFailure(source: $0, reason: $1) }) { document in
            documents += 1
            let diagnostics = validator.validate(analyzer.analyze(document))
            let index = LineIndex(document.text)
            sarif.addArtifact(document.source)
            for diagnostic in diagnostics.map({ $0.locatingRelated(in: index) }) {
                counts[diagnostic.severity, default: 0] += 1
                switch format {
                case .text: output.write(diagnostic.compilerStyle(DiagnosticLocation(diagnostic, in: index)))
                case .jsonl: output.write(diagnostic.jsonLine() + "\n")
                case .sarif: sarif.add(diagnostic, location: DiagnosticLocation(diagnostic, in: index))
                }
            }
        }
        if format == .sarif { output.write(sarif.json() + "\n") }
        output.flush()
        if format == .text {
            let errors = counts[.error, default: 0]
            let warnings = counts[.warning, default: 0]
            let notes = counts[.info, default: 0]
            StandardError.print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
                                + "\(notes) note\(notes == 1 ? "" : "s") in \(documents) file\(documents == 1 ? "" : "s")")
        }
        if failures > 0 { throw ExitCode(2) }
        if counts[.error, default: 0] > 0 { throw ExitCode(1) }
    }

    func listRules(_ configuration: ValidationConfiguration) {
        var out = ""
        for rule in RuleCatalog.all {
            let descriptor = rule.descriptor
            let enabled = configuration.isEnabled(descriptor.id)
            let severity = configuration.severities[descriptor.id] ?? descriptor.defaultSeverity
            let state = enabled ? severity.rawValue : "off"
            out += descriptor.id.padding(toLength: 22, withPad: " ", startingAt: 0) + state.padding(toLength: 9, withPad: " ", startingAt: 0)
                + descriptor.summary + "\n"
            out += String(repeating: " ", count: 31) + descriptor.description + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
