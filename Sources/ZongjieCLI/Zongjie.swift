import Foundation
import ArgumentParser

@main
struct ZongjieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zongjie",
        abstract: "Mine Chinese work summaries (工作总结): tokenize, segment, extract records, validate, ingest archives.",
        subcommands: [TokenizeCommand.self, SegmentCommand.self, ExtractCommand.self, ValidateCommand.self, IngestCommand.self,
                      ProfileCommand.self]
    )

    /// As ArgumentParser's, except that usage errors exit with status 2 (the documented contract
    /// of every command, as grep and diff do) rather than 64.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                exit(withError: error, usageExitCode: 2)
            }
            exit(withError: error)
        }
    }

    private static func exit(withError error: Error, usageExitCode: Int32) -> Never {
        let message = fullMessage(for: error)
        if !message.isEmpty { StandardError.print(message) }
        Foundation.exit(usageExitCode)
    }
}
