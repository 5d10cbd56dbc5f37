import ArgumentParser

@main
struct ZongjieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zongjie",
        abstract: "Mine Chinese work summaries (工作总结): tokenize, segment, extract records, validate, ingest archives.",
        subcommands: [TokenizeCommand.self, SegmentCommand.self, ExtractCommand.self]
    )
}
