import Benchmark
import Zongjie

let benchmarks: @Sendable () -> Void = {
    textBenchmarks()
    ingestBenchmarks()
    validateBenchmarks()
}
