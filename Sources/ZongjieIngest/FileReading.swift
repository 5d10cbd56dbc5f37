import Foundation

/// Reads a whole file into bytes, refusing files above `limit` before reading them.
enum FileReading {
    static func read(path: String, limit: Int) throws(IngestFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw IngestFailure(.unreadable, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw IngestFailure(.unreadable, "cannot stat: \(String(cString: strerror(errno)))")
        }
        let size = Int(info.st_size)
        if size > limit {
            throw IngestFailure(.tooLarge, "\(size) bytes exceeds the limit of \(limit) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestFailure(.unreadable, "read error: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }
}
