import Foundation

/// Locates the repository's `Corpus/` from this source file, so tests run from any directory.
enum CorpusFiles {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relative)))
    }

    static func text(_ relative: String) throws -> String {
        String(decoding: try bytes(relative), as: UTF8.self)
    }

    /// The five sample pages, in name order.
    static var pages: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url("pages").path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { "pages/" + $0 }
    }
}
