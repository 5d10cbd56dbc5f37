import ArgumentParser
import Foundation
import Zongjie

/// Times each stage over the given files in one thread, without output: where does the time go
/// for this kind of text? (The benchmarks in Benchmarks/ are the reference figures.)
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Time decoding, tokenizing, segmentation and each extractor over files (MB/s of UTF-8).",
        shouldDisplay: true
    )

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case decode, icu, tokenize
        case tokenizeCold = "tokenize-cold"
        case segment, count, money, date, institution, dispatch, number, percent, all
        /// The seven kinds, numbers and percentages too (`all` is the five default kinds).
        case allKinds = "all-kinds"
    }

    @Argument(help: "Files to profile.")
    var files: [String]

    @Option(help: "Passes over the files per stage.")
    var passes: Int = 5

    @Option(help: "Stages to time (default: all of them).")
    var stage: [Stage] = Stage.allCases

    func run() throws {
        var inputs: [(String, [UInt8])] = []
        for path in files {
            inputs.append((path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
        }
        let bytes = inputs.reduce(0) { $0 + $1.1.count }
        let documents = try inputs.map { try Document(source: $0.0, bytes: $0.1) }
        func time(_ label: String, _ body: () throws -> Void) rethrows {
            let started = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<passes { try body() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            print(String(format: "%-12@ %8.1f MB/s", label, Double(bytes * passes) / 1e6 / seconds))
        }
        for stage in stage {
            switch stage {
            case .decode:
                try time("decode") { for (source, data) in inputs { blackHole(try Document(source: source, bytes: data)) } }
            case .icu:
                let breaker = try ICUWordBreaker()
                let texts = documents.map { Array(String(scalarValues: $0.normalized.scalars).utf16) }
                time("icu") { for text in texts { blackHole(breaker.boundaries(of: text).count) } }
            case .tokenize:
                let tokenizer = try Tokenizer()
                var tokens: [Token] = []
                time("tokenize") {
                    for document in documents {
                        tokens.removeAll(keepingCapacity: true)
                        tokenizer.tokenize(document.normalized, into: &tokens)
                    }
                }
            case .tokenizeCold:
                // The memo is emptied for every file: no phrase has been seen before.
                var tokens: [Token] = []
                let tokenizer = try Tokenizer()
                time("tokenize-cold") {
                    for document in documents {
                        tokenizer.forgetRememberedRuns()
                        tokens.removeAll(keepingCapacity: true)
                        tokenizer.tokenize(document.normalized, into: &tokens)
                    }
                }
            case .segment:
                let segmenter = Segmenter()
                time("segment") { for document in documents { blackHole(segmenter.segment(document)) } }
            default:
                let kinds: Set<RecordKind> = switch stage {
                case .all: RecordKind.defaults
                case .allKinds: Set(RecordKind.allCases)
                default: [RecordKind(rawValue: stage.rawValue)!]
                }
                let analyzer = Analyzer(kinds: kinds)
                time(stage.rawValue) { for document in documents { blackHole(analyzer.analyze(document).records.count) } }
            }
        }
    }
}

@inline(never)
func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }
