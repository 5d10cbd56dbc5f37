// swift-tools-version: 6.1
import PackageDescription

// ICU comes from the system (libicu-dev). Foundation on Linux carries its own ICU, so the
// system headers must never be visible to Swift: only the C target includes <unicode/...>.
let icuLibraries: [LinkerSetting] = [
    .linkedLibrary("icuuc"),
    .linkedLibrary("icui18n"),
    .linkedLibrary("icudata"),
]

let package = Package(
    name: "Zongjie",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Zongjie", targets: ["Zongjie"]),
        .library(name: "ZongjieIngest", targets: ["ZongjieIngest"]),
        .executable(name: "zongjie", targets: ["ZongjieCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", exact: "2.0.1"),
    ],
    targets: [
        // Plain-C facade over ICU: word break, charset detection and conversion, NFKC.
        .target(
            name: "CZongjieICU",
            linkerSettings: icuLibraries
        ),
        // Plain-C facade over OpenSSL's libcrypto and zlib: SHA-256 content hashes of ingested
        // files and CRC-32 checks of zip members.
        .target(
            name: "CZongjieChecksums",
            linkerSettings: [.linkedLibrary("crypto"), .linkedLibrary("z")]
        ),
        // Plain-C access to glibc's mallopt (<malloc.h> is not in Swift's Glibc module): the
        // arena cap that programs running ingest repeatedly apply.
        .target(name: "CZongjieAllocator"),
        // Plain-C access to sqlite3_config (variadic, so not callable from Swift): process-wide
        // settings that the `zongjie` executable applies before its first connection.
        .target(
            name: "CZongjieSQLite",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        // The library: decoding, normalization, tokenizer, structure, extraction, validation.
        .target(
            name: "Zongjie",
            dependencies: ["CZongjieICU"],
            resources: [
                .embedInCode("Resources/domain-lexicon.txt"),
                .embedInCode("Resources/places.tsv"),
                .embedInCode("Resources/organisations.tsv"),
                // The model essays `validate` checks for copied text by default: the Corpus pages.
                .embedInCode("Resources/reference/reference-000_be7b476837a84dea.txt"),
                .embedInCode("Resources/reference/reference-001_2cebbf31e190c0af.txt"),
                .embedInCode("Resources/reference/reference-002_445347422e06600d.txt"),
                .embedInCode("Resources/reference/reference-003_e7362edb924ee62c.txt"),
                .embedInCode("Resources/reference/reference-004_18784e1e1f95aad1.txt"),
            ]
        ),
        // Archive ingestion: folders, zip, docx, html, and the SQLite / JSONL / CSV sinks.
        .target(
            name: "ZongjieIngest",
            dependencies: [
                "Zongjie",
                "CZongjieChecksums",
                "CZongjieSQLite",
                "CZongjieAllocator",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "ZongjieCLI",
            dependencies: [
                "Zongjie",
                "ZongjieIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ZongjieTests",
            dependencies: [
                "Zongjie",
                "ZongjieIngest",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // The ingest tests read back what the SQLite and CSV sinks wrote.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ]
)
