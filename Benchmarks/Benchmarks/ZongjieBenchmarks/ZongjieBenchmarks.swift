import Benchmark
import Zongjie

let benchmarks: @Sendable () -> Void = {
    Benchmark("noop") { benchmark in
        blackHole(1)
    }
    ingestBenchmarks()
    validateBenchmarks()
}
