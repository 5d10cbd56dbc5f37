import ArgumentParser
import Foundation
import Zongjie

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Segment Chinese text into words (ICU word break + domain lexicon + whole numbers).",
        discussion: """
        Reads each FILE (UTF-8, UTF-16 with BOM, GB18030/GBK), or standard input when no file is given.
        Text output prints each input line's tokens separated by single spaces (whitespace dropped).
        JSONL output prints one token per line with code-point offsets into the original text.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "Files to tokenize (standard input when none).")
    var files: [String] = []

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Option(name: .customLong("lexicon"), help: "A user dictionary of `word [weight] [tag]` lines (repeatable).")
    var lexicons: [String] = []

    func run() throws {
        var lexicon = Lexicon.domain
        for path in lexicons {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ValidationError("cannot read lexicon \(path): \(error.localizedDescription)")
            }
            do {
                lexicon.add(try Lexicon.parse(String(decoding: data, as: UTF8.self), source: path))
            } catch {
                throw ValidationError("\(error)")
            }
        }
        let tokenizer = try Tokenizer(lexicon: lexicon)
        let output = OutputBuffer()
        var tokens: [Token] = []
        let failures = try InputFiles.forEachDocument(files) { document in
            tokens.removeAll(keepingCapacity: true)
            tokenizer.tokenize(document.normalized, into: &tokens)
            switch format {
            case .text: writeText(tokens, document, output)
            case .jsonl: writeJSONL(tokens, document, lexicon, output)
            }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }

    private func writeText(_ tokens: [Token], _ document: Document, _ output: OutputBuffer) {
        var line = ""
        var first = true
        for token in tokens {
            if token.kind == .whitespace {
                let text = document.text.scalars[token.range]
                var newlines = 0
                var index = text.startIndex
                while index < text.endIndex {
                    if text[index] == 0x0A { newlines += 1 }
                    else if text[index] == 0x0D {
                        newlines += 1
                        if index + 1 < text.endIndex, text[index + 1] == 0x0A { index += 1 }
                    }
                    index += 1
                }
                for _ in 0..<newlines {
                    output.write(line + "\n")
                    line = ""
                    first = true
                }
                continue
            }
            if !first { line += " " }
            line += document.text.string(in: token.range)
            first = false
        }
        if !line.isEmpty { output.write(line + "\n") }
    }

    private func writeJSONL(_ tokens: [Token], _ document: Document, _ lexicon: Lexicon, _ output: OutputBuffer) {
        for token in tokens {
            var object = JSONObjectWriter()
            object.add("source", document.source)
            object.add("start", Int(token.start))
            object.add("end", Int(token.end))
            object.add("text", document.text.string(in: token.range))
            object.add("kind", token.kind.name)
            if let tag = lexicon.tagName(token.tag) { object.add("tag", tag) }
            output.write(object.finish() + "\n")
        }
    }
}
