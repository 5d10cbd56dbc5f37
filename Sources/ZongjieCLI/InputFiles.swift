import Foundation
import Zongjie

/// Reads the documents named on the command line, or standard input when none is named.
enum InputFiles {
    static func readStandardInput() throws -> Document {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return try Document(source: "-", bytes: [UInt8](data))
    }

    /// Calls `body` for each readable input; reports unreadable ones on standard error and
    /// returns how many failed, so that one bad file never stops the others.
    static func forEachDocument(_ paths: [String], onFailure: (_ path: String, _ reason: String) -> Void = { _, _ in },
                                _ body: (Document) throws -> Void) throws -> Int {
        var failures = 0
        if paths.isEmpty {
            do {
                let document = try readStandardInput()
                report(warnings: document)
                try body(document)
            } catch let error as DecodingError {
                StandardError.print("zongjie: \(error)")
                onFailure("-", "\(error)")
                failures += 1
            } catch let error as DocumentReadError {
                StandardError.print("zongjie: \(error)")
                onFailure("-", "\(error)")
                failures += 1
            }
            return failures
        }
        for path in paths {
            let document: Document
            do {
                document = try Document.read(path: path)
            } catch {
                StandardError.print("zongjie: \(error)")
                onFailure(path, "\(error)")
                failures += 1
                continue
            }
            report(warnings: document)
            try body(document)
        }
        return failures
    }

    static func report(warnings document: Document) {
        for warning in document.warnings {
            StandardError.print("zongjie: \(document.source): warning: \(warning)")
        }
    }
}

enum StandardError {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Buffered standard output: one write per ~64 KB instead of one per line.
final class OutputBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    func write(_ string: String) {
        bytes.append(contentsOf: string.utf8)
        if bytes.count >= 1 << 16 { flush() }
    }

    func write(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
        if bytes.count >= 1 << 16 { flush() }
    }

    /// Lets `body` append bytes in place (a JSON line without a String).
    func append(_ body: (inout [UInt8]) -> Void) {
        body(&bytes)
        if bytes.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
