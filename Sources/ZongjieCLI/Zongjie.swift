import Foundation
import ArgumentParser

@main
struct ZongjieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zongjie",
        abstract: "Mine Chinese work summaries (工作总结): tokenize, segment, extract records, validate, ingest archives.",
        subcommands: [TokenizeCommand.self, IngestCommand.self]
    )

    /// As ArgumentParser's, except that `ingest` reports usage errors with exit status 2 (its
    /// documented contract, as grep and diff do) rather than 64.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if arguments.first == "ingest", exitCode(for: error) == .validationFailure {
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
