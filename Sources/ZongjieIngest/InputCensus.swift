import Foundation

/// Counts what a run will read (files, zip members, bytes) for the progress display's totals and
/// ETA. It walks the same inputs as the reader, in a background thread, without reading contents
/// (zip archives: their central directory only). Standard input has no total.
public enum InputCensus {
    public struct Totals: Sendable {
        public var files = 0
        public var bytes = 0
    }

    public static func count(paths: [String]) -> Totals? {
        if paths.contains("-") { return nil }
        var totals = Totals()
        for input in InputDiscovery(paths: paths) {
            switch input {
            case .standardInput:
                return nil
            case .unusable:
                totals.files += 1
            case .file(let path, let size):
                if InputFormat.of(path: path) == .zip, let reader = try? ZipReader(url: URL(fileURLWithPath: path)) {
                    var members = 0
                    var bytes = 0
                    try? reader.forEachMember { member in
                        if member.isDirectory || ZipReader.isIgnored(member.path) { return }
                        members += 1
                        bytes += member.uncompressedSize
                    }
                    totals.files += max(1, members)
                    totals.bytes += bytes
                } else {
                    totals.files += 1
                    totals.bytes += size
                }
            }
        }
        return totals
    }
}
