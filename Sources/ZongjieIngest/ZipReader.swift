import CZongjieChecksums
import Foundation
import ZIPFoundation
import Zongjie

/// Reads a zip archive one member at a time: members are listed from the central directory in
/// archive order and decompressed only when asked, so memory holds one member, never the archive.
/// Names without the UTF-8 flag are read as UTF-8 when they are valid UTF-8 and as GB18030
/// otherwise (what Chinese Windows tools write), not as code page 437.
final class ZipReader {
    struct Member {
        /// The path inside the archive.
        var path: String
        var uncompressedSize: Int
        var isDirectory: Bool
        var isSymbolicLink: Bool
        fileprivate var entry: Entry
    }

    private let archive: Archive
    /// What the end-of-central-directory record says the archive holds (nil for zip64).
    private let declaredEntryCount: Int?

    /// Opens an archive on disk.
    init(url: URL) throws(IngestFailure) {
        do {
            archive = try Archive(url: url, accessMode: .read, pathEncoding: .isoLatin1)
        } catch {
            throw ZipReader.openFailure(error)
        }
        declaredEntryCount = ZipReader.declaredEntryCount(fileAt: url)
    }

    /// Opens an archive held in memory (a zip inside a zip, a .docx).
    init(bytes: [UInt8]) throws(IngestFailure) {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: .isoLatin1)
        } catch {
            throw ZipReader.openFailure(error)
        }
        declaredEntryCount = ZipReader.declaredEntryCount(tail: bytes.suffix(ZipReader.tailLength))
    }

    private static func openFailure(_ error: Error) -> IngestFailure {
        if let error = error as? Archive.ArchiveError {
            switch error {
            case .missingEndOfCentralDirectoryRecord:
                return IngestFailure(.corruptZip, "not a zip archive, or truncated (no end of central directory record)")
            case .unreadableArchive:
                return IngestFailure(.corruptZip, "not a zip archive, or truncated")
            default:
                return IngestFailure(.corruptZip, "cannot open the archive (\(error))")
            }
        }
        return IngestFailure(.corruptZip, "cannot open the archive (\(error.localizedDescription))")
    }

    /// Calls `body` for each member in archive order. Throws when the central directory lists
    /// more members than can be read (a damaged or truncated archive), after the readable ones.
    func forEachMember(_ body: (Member) throws -> Void) throws {
        var seen = 0
        for entry in archive {
            seen += 1
            let raw = entry.path(using: .isoLatin1)
            let member = Member(path: ZipReader.decodeName(raw), uncompressedSize: Int(clamping: entry.uncompressedSize),
                                isDirectory: entry.type == .directory, isSymbolicLink: entry.type == .symlink, entry: entry)
            try body(member)
        }
        if let declaredEntryCount, seen < declaredEntryCount {
            throw IngestFailure(.corruptZip, "the central directory lists \(declaredEntryCount) members but only \(seen) could be read (damaged or truncated archive)")
        }
    }

    /// The bytes of a member, refusing more than `limit` bytes and checking the CRC.
    func read(_ member: Member, limit: Int) throws(IngestFailure) -> [UInt8] {
        if member.uncompressedSize > limit {
            throw IngestFailure(.tooLarge, "\(member.uncompressedSize) bytes exceeds the limit of \(limit) bytes")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(member.uncompressedSize)
        var exceeded = false
        do {
            // The CRC is checked below with zlib's: ZIPFoundation's own on Linux goes a byte at a time.
            _ = try archive.extract(member.entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
                if bytes.count + chunk.count > limit {
                    exceeded = true
                    throw IngestFailure(.tooLarge, "more than \(limit) bytes")
                }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            if exceeded {
                throw IngestFailure(.tooLarge, "the member inflates to more than the limit of \(limit) bytes")
            }
            throw IngestFailure(.corruptZip, "cannot decompress the member (\(error))")
        }
        let checksum = bytes.withUnsafeBytes { zj_crc32(0, $0.baseAddress, $0.count) }
        if checksum != member.entry.checksum {
            throw IngestFailure(.corruptZip, "CRC-32 mismatch: the member is damaged (or encrypted)")
        }
        if bytes.count != member.uncompressedSize {
            throw IngestFailure(.corruptZip, "the member has \(bytes.count) bytes, its header says \(member.uncompressedSize)")
        }
        return bytes
    }

    /// The bytes of the member at an ASCII `path`, or nil when there is none.
    func read(path: String, limit: Int) throws(IngestFailure) -> [UInt8]? {
        guard let entry = archive[path], entry.type == .file else { return nil }
        let member = Member(path: path, uncompressedSize: Int(clamping: entry.uncompressedSize),
                            isDirectory: false, isSymbolicLink: false, entry: entry)
        return try read(member, limit: limit)
    }

    // MARK: Names

    /// A member name from its raw bytes (carried as ISO-8859-1 scalars).
    static func decodeName(_ latin1: String) -> String {
        let bytes = latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        if bytes.allSatisfy({ $0 < 0x80 }) { return latin1 }
        let utf8 = String(decoding: bytes, as: UTF8.self)
        if utf8.utf8.elementsEqual(bytes) { return utf8 }
        if let decoded = try? TextDecoder.decode(bytes, as: .gb18030, source: "zip member name") {
            return decoded.text.string
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: End of central directory

    static let tailLength = 22 + 0xFFFF

    static func declaredEntryCount(fileAt url: URL) -> Int? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        let start = size > UInt64(tailLength) ? size - UInt64(tailLength) : 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return nil }
        return declaredEntryCount(tail: [UInt8](data))
    }

    /// The total entry count of the last end-of-central-directory record in `tail`; nil when there
    /// is none or the archive is zip64 (0xFFFF).
    static func declaredEntryCount<C: RandomAccessCollection>(tail: C) -> Int? where C.Element == UInt8, C.Index == Int {
        guard tail.count >= 22 else { return nil }
        var index = tail.endIndex - 22
        while index >= tail.startIndex {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                let total = Int(tail[index + 10]) | (Int(tail[index + 11]) << 8)
                return total == 0xFFFF ? nil : total
            }
            index -= 1
        }
        return nil
    }
}
