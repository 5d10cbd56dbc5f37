import Foundation

/// One input as the reader hands it to a worker: its bytes (or why there are none).
struct SourceUnit: Sendable {
    enum Payload: Sendable {
        /// The bytes of a file or an archive member.
        case bytes([UInt8])
        /// One line of standard input (`number` is 1-based).
        case line([UInt8], number: Int)
        /// Not read: failed or skipped.
        case notRead(IngestFailure)
    }

    var sequence: Int
    var source: String
    var member: String?
    var format: InputFormat?
    var payload: Payload
    var byteCount: Int
}

/// The reader: walks the inputs in order and reads each file, each zip member (one at a time,
/// streamed from the archive) and each standard-input line, handing them on as `SourceUnit`s.
/// It is the only stage that touches the file system, so workers only compute.
struct SourceReader {
    var maximumFileBytes: Int
    /// Zip archives inside zip archives are read down to this depth (1 = members of a top-level
    /// archive may be archives that are read; their own archive members are skipped).
    var maximumArchiveDepth: Int = 2
    var standardInput: FileHandle

    /// Reads every input. `admit` reserves a sequence number for an input of a given size (nil
    /// stops the run); `emit` hands a unit on.
    func run(paths: [String], admit: (Int) -> Int?, emit: (SourceUnit) -> Void) {
        let discovery = InputDiscovery(paths: paths)
        while let input = discovery.next() {
            let keepGoing: Bool
            switch input {
            case .standardInput:
                keepGoing = readStandardInput(admit: admit, emit: emit)
            case .unusable(let path, let failure):
                keepGoing = emitNotRead(source: path, member: nil, format: InputFormat.of(path: path),
                                        failure: failure, admit: admit, emit: emit)
            case .file(let path, let size):
                keepGoing = readFile(path: path, size: size, admit: admit, emit: emit)
            }
            if !keepGoing { return }
        }
    }

    private func emitNotRead(source: String, member: String?, format: InputFormat?, failure: IngestFailure,
                             byteCount: Int = 0, admit: (Int) -> Int?, emit: (SourceUnit) -> Void) -> Bool {
        guard let sequence = admit(0) else { return false }
        emit(SourceUnit(sequence: sequence, source: source, member: member, format: format,
                        payload: .notRead(failure), byteCount: byteCount))
        return true
    }

    private func unsupported(_ path: String) -> IngestFailure {
        let ext = InputFormat.fileExtension(of: path)
        return IngestFailure(.unsupportedType, ext.isEmpty ? "no file extension" : "\(ext) files are not read")
    }

    private func readFile(path: String, size: Int, admit: (Int) -> Int?, emit: (SourceUnit) -> Void) -> Bool {
        guard let format = InputFormat.of(path: path) else {
            return emitNotRead(source: path, member: nil, format: nil, failure: unsupported(path), byteCount: size,
                               admit: admit, emit: emit)
        }
        if format == .zip { return readArchive(path: path, size: size, admit: admit, emit: emit) }
        if size > maximumFileBytes {
            return emitNotRead(source: path, member: nil, format: format,
                               failure: IngestFailure(.tooLarge, "\(size) bytes exceeds the limit of \(maximumFileBytes) bytes"),
                               byteCount: size, admit: admit, emit: emit)
        }
        guard let sequence = admit(size) else { return false }
        let payload: SourceUnit.Payload
        do {
            payload = .bytes(try FileReading.read(path: path, limit: maximumFileBytes))
        } catch {
            payload = .notRead(error)
        }
        emit(SourceUnit(sequence: sequence, source: path, member: nil, format: format, payload: payload, byteCount: size))
        return true
    }

    // MARK: Zip archives

    private func readArchive(path: String, size: Int, admit: (Int) -> Int?, emit: (SourceUnit) -> Void) -> Bool {
        let reader: ZipReader
        do {
            reader = try ZipReader(url: URL(fileURLWithPath: path))
        } catch {
            return emitNotRead(source: path, member: nil, format: .zip, failure: error, byteCount: size, admit: admit, emit: emit)
        }
        return readMembers(of: reader, source: path, prefix: "", depth: 1, admit: admit, emit: emit)
    }

    /// Reads the members of an open archive; returns false when the run was stopped.
    private func readMembers(of reader: ZipReader, source: String, prefix: String, depth: Int,
                             admit: (Int) -> Int?, emit: (SourceUnit) -> Void) -> Bool {
        var stopped = false
        do {
            try reader.forEachMember { member in
                if member.isDirectory || ZipReader.isIgnored(member.path) { return }
                let name = prefix + member.path
                if member.isSymbolicLink {
                    if !emitNotRead(source: source, member: name, format: nil,
                                    failure: IngestFailure(.unsupportedType, "symbolic link"), admit: admit, emit: emit) {
                        stopped = true
                        throw CancellationError()
                    }
                    return
                }
                guard let format = InputFormat.of(path: member.path) else {
                    if !emitNotRead(source: source, member: name, format: nil, failure: unsupported(member.path),
                                    byteCount: member.uncompressedSize, admit: admit, emit: emit) {
                        stopped = true
                        throw CancellationError()
                    }
                    return
                }
                if format == .zip {
                    if !readNestedArchive(member, of: reader, source: source, name: name, depth: depth, admit: admit, emit: emit) {
                        stopped = true
                        throw CancellationError()
                    }
                    return
                }
                let budget = min(member.uncompressedSize, maximumFileBytes)
                guard let sequence = admit(budget) else {
                    stopped = true
                    throw CancellationError()
                }
                let payload: SourceUnit.Payload
                do throws(IngestFailure) {
                    payload = .bytes(try reader.read(member, limit: maximumFileBytes))
                } catch {
                    payload = .notRead(error)
                }
                emit(SourceUnit(sequence: sequence, source: source, member: name, format: format,
                                payload: payload, byteCount: member.uncompressedSize))
            }
        } catch {
            if stopped { return false }
            let failure = (error as? IngestFailure) ?? IngestFailure(.corruptZip, "\(error)")
            // The damage is reported on the archive itself (or the nested archive's member).
            return emitNotRead(source: source, member: prefix.isEmpty ? nil : String(prefix.dropLast()), format: .zip,
                               failure: failure, admit: admit, emit: emit)
        }
        return !stopped
    }

    private func readNestedArchive(_ member: ZipReader.Member, of reader: ZipReader, source: String, name: String,
                                   depth: Int, admit: (Int) -> Int?, emit: (SourceUnit) -> Void) -> Bool {
        if depth >= maximumArchiveDepth {
            return emitNotRead(source: source, member: name, format: .zip,
                               failure: IngestFailure(.nestedTooDeep, "a zip archive nested \(depth + 1) levels deep (extract it first)"),
                               byteCount: member.uncompressedSize, admit: admit, emit: emit)
        }
        let inner: ZipReader
        do {
            inner = try ZipReader(bytes: try reader.read(member, limit: maximumFileBytes))
        } catch {
            return emitNotRead(source: source, member: name, format: .zip, failure: error,
                               byteCount: member.uncompressedSize, admit: admit, emit: emit)
        }
        return readMembers(of: inner, source: source, prefix: name + "/", depth: depth + 1, admit: admit, emit: emit)
    }

    // MARK: Standard input

    /// Splits standard input into lines without holding more than one line (and a read chunk).
    private func readStandardInput(admit: (Int) -> Int?, emit: (SourceUnit) -> Void) -> Bool {
        var line: [UInt8] = []
        var lineNumber = 0
        var overflow = false
        func flush() -> Bool {
            lineNumber += 1
            defer {
                line.removeAll(keepingCapacity: line.count < 1 << 20)
                overflow = false
            }
            if overflow {
                return emitNotRead(source: "-", member: "line \(lineNumber)", format: .jsonl,
                                   failure: IngestFailure(.tooLarge, "the line exceeds the limit of \(maximumFileBytes) bytes"),
                                   admit: admit, emit: emit)
            }
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
            guard let sequence = admit(line.count) else { return false }
            emit(SourceUnit(sequence: sequence, source: "-", member: nil, format: .jsonl,
                            payload: .line(line, number: lineNumber), byteCount: line.count))
            return true
        }
        while true {
            let chunk = standardInput.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            var start = chunk.startIndex
            while start < chunk.endIndex {
                if let newline = chunk[start...].firstIndex(of: 0x0A) {
                    if !overflow { line.append(contentsOf: chunk[start..<newline]) }
                    if line.count > maximumFileBytes { overflow = true }
                    if !flush() { return false }
                    start = newline + 1
                } else {
                    if !overflow { line.append(contentsOf: chunk[start...]) }
                    if line.count > maximumFileBytes {
                        overflow = true
                        line.removeAll()
                    }
                    start = chunk.endIndex
                }
            }
        }
        if !line.isEmpty || overflow { return flush() }
        return true
    }
}

extension ZipReader {
    /// Members that are not documents: macOS resource forks, hidden files, Word lock files.
    static func isIgnored(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        if components.first == "__MACOSX" { return true }
        return components.contains { $0 != "." && $0 != ".." && InputDiscovery.isIgnored(name: String($0)) }
    }
}
