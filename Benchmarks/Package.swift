// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that building and testing Zongjie never builds the
// benchmark harness. Run them with `swift package benchmark` from this folder.
let package = Package(
    name: "ZongjieBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Zongjie", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
        // The ingest benchmark writes its generated archive with the same zip library Zongjie reads with.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        .executableTarget(
            name: "ZongjieBenchmarks",
            dependencies: [
                .product(name: "Zongjie", package: "Zongjie"),
                .product(name: "ZongjieIngest", package: "Zongjie"),
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Benchmarks/ZongjieBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "package-benchmark"),
            ]
        ),
    ]
)
