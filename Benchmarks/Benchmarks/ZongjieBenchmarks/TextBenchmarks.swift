import Benchmark
import Foundation
import Zongjie

/// Throughput of the text stages over the five Corpus pages (about 325 KB of UTF-8): ICU's word
/// break alone, Zongjie's tokenizer, segmentation, and extraction. Each iteration processes every
/// page once in one thread; `UTF-8 MB/s` is input bytes (MB = 10^6) per second of wall time.
func textBenchmarks() {
    let throughput = BenchmarkMetric.custom("UTF-8 MB/s", polarity: .prefersLarger, useScalingFactor: false)
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .mallocCountTotal, throughput]
    let configuration = Benchmark.Configuration(metrics: metrics, timeUnits: .microseconds, warmupIterations: 3,
                                                maxDuration: .seconds(10), maxIterations: 200)

    func measure(_ benchmark: Benchmark, _ body: () throws -> Void) rethrows {
        let started = DispatchTime.now().uptimeNanoseconds
        benchmark.startMeasurement()
        try body()
        benchmark.stopMeasurement()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        benchmark.measurement(throughput, Int((Double(CorpusText.shared.utf8Bytes) / 1e6 / seconds).rounded()))
    }

    Benchmark("tokenize: ICU word break alone", configuration: configuration) { benchmark in
        let breaker = try ICUWordBreaker(locale: "zh")
        let texts = CorpusText.shared.utf16
        var boundaries = 0
        measure(benchmark) {
            for text in texts {
                text.withUnsafeBufferPointer { buffer in breaker.withBoundaries(of: buffer) { boundaries += $0.count } }
            }
        }
        blackHole(boundaries)
    }

    Benchmark("tokenize: Zongjie, a new tokenizer per pass", configuration: configuration) { benchmark in
        var tokens: [Token] = []
        try measure(benchmark) {
            let tokenizer = try Tokenizer()
            for document in CorpusText.shared.documents {
                tokens.removeAll(keepingCapacity: true)
                tokenizer.tokenize(document.normalized, into: &tokens)
            }
        }
        blackHole(tokens.count)
    }

    Benchmark("tokenize: Zongjie, one tokenizer (memo warm, as over an archive)", configuration: configuration) { benchmark in
        // The closure runs once per iteration: the tokenizer that stays warm lives outside it.
        let tokenizer = WarmTokenizer.shared.tokenizer
        var tokens: [Token] = []
        measure(benchmark) {
            for document in CorpusText.shared.documents {
                tokens.removeAll(keepingCapacity: true)
                tokenizer.tokenize(document.normalized, into: &tokens)
            }
        }
        blackHole(tokens.count)
    }

    Benchmark("decode and normalize", configuration: configuration) { benchmark in
        var characters = 0
        try measure(benchmark) {
            for (source, bytes) in CorpusText.shared.bytes {
                characters += try Document(source: source, bytes: bytes).normalized.count
            }
        }
        blackHole(characters)
    }

    Benchmark("segment", configuration: configuration) { benchmark in
        let segmenter = Segmenter()
        var sections = 0
        measure(benchmark) {
            for document in CorpusText.shared.documents {
                sections += segmenter.segment(document).articles.count
            }
        }
        blackHole(sections)
    }

    for (label, kinds) in [("count + money", Set<RecordKind>([.count, .money])),
                           ("dates", Set<RecordKind>([.date])),
                           ("institutions", Set<RecordKind>([.institution])),
                           ("dispatch", Set<RecordKind>([.dispatch])),
                           ("numbers", Set<RecordKind>([.number])),
                           ("percentages", Set<RecordKind>([.percent])),
                           ("all five kinds", RecordKind.defaults),
                           ("all seven kinds", Set(RecordKind.allCases))] {
        Benchmark("extract \(label) (segmentation included)", configuration: configuration) { benchmark in
            let analyzer = Analyzer(kinds: kinds)
            var records = 0
            measure(benchmark) {
                for document in CorpusText.shared.documents {
                    records += analyzer.analyze(document).records.count
                }
            }
            blackHole(records)
        }
    }
}

/// One tokenizer for every iteration of the warm benchmark (its memo fills on the warm-up).
final class WarmTokenizer: @unchecked Sendable {
    static let shared = WarmTokenizer()
    let tokenizer = try! Tokenizer()
}

/// The Corpus pages, decoded once per benchmark process.
final class CorpusText: @unchecked Sendable {
    static let shared = CorpusText()

    let bytes: [(String, [UInt8])]
    let documents: [Document]
    let utf16: [[UInt16]]
    let utf8Bytes: Int

    private init() {
        let folder = IngestBenchmarkArchive.corpusPages
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        bytes = names.map { ($0, [UInt8]((try? Data(contentsOf: folder.appendingPathComponent($0))) ?? Data())) }
        documents = bytes.compactMap { try? Document(source: $0.0, bytes: $0.1) }
        utf16 = documents.map { document in
            var units: [UInt16] = []
            for scalar in document.normalized.scalars {
                if scalar < 0x10000 { units.append(UInt16(scalar)) } else {
                    let offset = scalar - 0x10000
                    units.append(UInt16(0xD800 + (offset >> 10)))
                    units.append(UInt16(0xDC00 + (offset & 0x3FF)))
                }
            }
            return units
        }
        utf8Bytes = bytes.reduce(0) { $0 + $1.1.count }
    }
}
