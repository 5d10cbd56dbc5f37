import Foundation

/// One input named on the command line or found in a folder.
enum DiscoveredInput: Equatable {
    /// A regular file (or a symbolic link to one) and its size.
    case file(path: String, size: Int)
    /// `-`: JSONL documents on standard input.
    case standardInput
    /// A path that cannot be read as an input.
    case unusable(path: String, failure: IngestFailure)
}

/// Expands the paths given to `ingest` into files, lazily and in a deterministic order: the paths
/// in the order given; inside a folder, entries sorted by the bytes of their UTF-8 names (as
/// `LC_ALL=C ls`), each subfolder where it sorts. Names starting with `.` (hidden files and folders)
/// and `~$` (Word's lock files) are ignored inside folders; symbolic links to folders are not
/// followed. A file reached twice (overlapping paths) is listed once.
final class InputDiscovery: IteratorProtocol, Sequence {
    private var pending: [String]
    /// Folders being listed: their path and the names not yet visited.
    private var stack: [(folder: String, names: ArraySlice<String>)] = []
    private var seen = Set<String>()
    private var standardInputSeen = false

    init(paths: [String]) {
        pending = paths.reversed()
    }

    func next() -> DiscoveredInput? {
        while true {
            if var top = stack.popLast() {
                guard let name = top.names.popFirst() else { continue }
                stack.append(top)
                if InputDiscovery.isIgnored(name: name) { continue }
                let path = top.folder == "/" ? "/" + name : top.folder + "/" + name
                if let input = visit(path, named: false) { return input }
                continue
            }
            guard let path = pending.popLast() else { return nil }
            if path == "-" {
                if standardInputSeen { continue }
                standardInputSeen = true
                return .standardInput
            }
            if let input = visit(InputDiscovery.trimmingTrailingSlashes(path), named: true) { return input }
        }
    }

    static func isIgnored(name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$")
    }

    static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// A file to return, or nil after pushing a folder (or ignoring a duplicate).
    private func visit(_ path: String, named: Bool) -> DiscoveredInput? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            return .unusable(path: path, failure: IngestFailure(.unreadable, "cannot open: \(reason)"))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            if !named {
                var linkInfo = stat()
                if lstat(path, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK {
                    return .unusable(path: path, failure: IngestFailure(.unsupportedType, "symbolic link to a folder (not followed)"))
                }
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                return .unusable(path: path, failure: IngestFailure(.unreadable, "cannot list the folder: \(error.localizedDescription)"))
            }
            stack.append((path, ArraySlice(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })))
            return nil
        }
        if type != S_IFREG {
            return .unusable(path: path, failure: IngestFailure(.unsupportedType, "not a regular file"))
        }
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        if !seen.insert(key).inserted { return nil }
        return .file(path: path, size: Int(info.st_size))
    }
}
