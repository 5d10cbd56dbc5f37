import Benchmark
import Foundation
import Zongjie

/// `validate` on a summary of about 5,000 characters (the first 5,000 of the Corpus page 001, cut
/// at a line end: three reports with headings, figures, growth claims and copied passages), with
/// every rule on and the bundled model essays as references (indexed once, before measuring).
/// Measures the rules alone (the analysis given) and analysis plus rules, in microseconds.
func validateBenchmarks() {
    let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal]
    let configuration = Benchmark.Configuration(metrics: metrics, timeUnits: .microseconds, warmupIterations: 3,
                                                maxDuration: .seconds(5), maxIterations: 500,
                                                setup: { _ = ValidateBenchmarkInput.shared })
    Benchmark("validate 5k-character summary (rules only)", configuration: configuration) { benchmark in
        let input = ValidateBenchmarkInput.shared
        for _ in benchmark.scaledIterations {
            blackHole(input.validator.validate(input.analysis))
        }
    }
    // Each rule alone on the same summary, to see where the time goes.
    for rule in RuleCatalog.all {
        Benchmark("validate rule \(rule.descriptor.id)", configuration: configuration) { benchmark in
            let input = ValidateBenchmarkInput.shared
            for _ in benchmark.scaledIterations {
                let context = ValidationContext(analysis: input.analysis, references: input.validator.references)
                blackHole(rule.check(context))
            }
        }
    }
    Benchmark("validate context only", configuration: configuration) { benchmark in
        let input = ValidateBenchmarkInput.shared
        for _ in benchmark.scaledIterations {
            blackHole(ValidationContext(analysis: input.analysis, references: input.validator.references))
        }
    }
    Benchmark("validate 5k-character summary (analysis + rules)", configuration: configuration) { benchmark in
        let input = ValidateBenchmarkInput.shared
        let analyzer = Analyzer(kinds: Validator.recordKinds)
        for _ in benchmark.scaledIterations {
            blackHole(input.validator.validate(analyzer.analyze(input.document)))
        }
    }
}

/// The summary, its analysis and a validator with the bundled references, made once.
final class ValidateBenchmarkInput: Sendable {
    static let shared = ValidateBenchmarkInput()

    let document: Document
    let analysis: Analysis
    let validator: Validator

    private init() {
        let page = IngestBenchmarkArchive.corpusPages.appendingPathComponent("001_2cebbf31e190c0af.txt")
        let text = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
        var scalars = Array(text.unicodeScalars.prefix(5000))
        while let last = scalars.last, last != "\n" { scalars.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        document = Document(source: "summary.txt", text: String(view))
        precondition(document.text.count > 4500, "the benchmark summary is too short")
        analysis = Analyzer(kinds: Validator.recordKinds).analyze(document)
        validator = Validator(references: .bundled)
        precondition(!validator.validate(analysis).isEmpty, "the benchmark summary should have findings")
    }
}
