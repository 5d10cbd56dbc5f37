import CZongjieChecksums

/// SHA-256 (FIPS 180-4), the content hash of ingested documents: stable across runs, machines and
/// versions, and the same as `sha256sum FILE` (or `unzip -p ARCHIVE MEMBER | sha256sum`).
/// Computed by the system OpenSSL, which uses the processor's SHA extensions where it has them:
/// hashing every input is part of ingest's hot path. `SHA256Tests` checks the standard vectors.
public final class SHA256 {
    private let hasher: OpaquePointer

    public init() {
        guard let hasher = zj_sha256_new() else { fatalError("OpenSSL cannot provide SHA-256") }
        self.hasher = hasher
    }

    deinit { zj_sha256_free(hasher) }

    /// The hex digest of `bytes`.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digest = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest -> [UInt8] in
            let done: Int32? = bytes.withContiguousStorageIfAvailable { zj_sha256($0.baseAddress, $0.count, digest.baseAddress) }
            let succeeded = done ?? [UInt8](bytes).withUnsafeBufferPointer { zj_sha256($0.baseAddress, $0.count, digest.baseAddress) }
            precondition(succeeded == 1, "OpenSSL's SHA-256 failed")
            return Array(digest)
        }
        return hexString(digest)
    }

    public func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done: Int32? = bytes.withContiguousStorageIfAvailable { zj_sha256_update(hasher, $0.baseAddress, $0.count) }
        let succeeded = done ?? [UInt8](bytes).withUnsafeBufferPointer { zj_sha256_update(hasher, $0.baseAddress, $0.count) }
        precondition(succeeded == 1, "OpenSSL's SHA-256 failed")
    }

    /// The digest; the computation is over after this call.
    public func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        precondition(zj_sha256_final(hasher, &digest) == 1, "OpenSSL's SHA-256 failed")
        return digest
    }

    public func finalizeHex() -> String { Self.hexString(finalize()) }

    private static func hexString(_ digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
