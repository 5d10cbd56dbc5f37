import Foundation

/// A file written under a temporary name in its target folder (`.NAME.tmp-PID-N`) and renamed
/// over the target only when complete: a crash or an error never leaves a half-written file under
/// the target's name. Writes are buffered (64 KB).
final class AtomicFile {
    let targetPath: String
    let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var done = false

    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    init(path: String) throws {
        targetPath = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        AtomicFile.counterLock.lock()
        AtomicFile.counter += 1
        let serial = AtomicFile.counter
        AtomicFile.counterLock.unlock()
        temporaryPath = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(serial)"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError("cannot create \(temporaryPath): \(String(cString: strerror(errno)))")
        }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if !done { discard() }
    }

    func write(_ string: String) throws {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func write(bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError("cannot write \(temporaryPath): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    func commit() throws {
        try flush()
        if fsync(descriptor) != 0 {
            throw OutputError("cannot sync \(temporaryPath): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        descriptor = -1
        done = true
        if rename(temporaryPath, targetPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError("cannot rename \(temporaryPath) to \(targetPath): \(reason)")
        }
    }

    /// Removes the temporary file; the target is left as it was.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        done = true
        unlink(temporaryPath)
    }
}
