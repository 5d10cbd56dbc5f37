import CZongjieICU

/// Swift entry points to the system ICU, through the plain-C bridge `CZongjieICU`.
public enum ICU {
    /// Version of the system ICU in use, e.g. "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        zj_icu_version(&buffer, Int32(buffer.count))
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func errorName(_ status: Int32) -> String {
        String(cString: zj_icu_error_name(status))
    }

    /// A candidate charset reported by ICU's detector.
    public struct CharsetGuess: Sendable, Equatable {
        public var name: String
        public var confidence: Int
    }

    /// ICU's charset detection, best candidate first.
    static func detectCharsets(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 8) -> [CharsetGuess] {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
        let stride = 64
        var names = [CChar](repeating: 0, count: stride * limit)
        var confidences = [Int32](repeating: 0, count: limit)
        var status: Int32 = 0
        let sample = Int32(min(bytes.count, 1 << 20))
        let found = zj_detect_charsets(base, sample, &names, Int32(stride), &confidences, Int32(limit), &status)
        guard found > 0 else { return [] }
        return (0..<Int(found)).map { index in
            let name = names[(index * stride)..<((index + 1) * stride)].withUnsafeBufferPointer {
                String(cString: $0.baseAddress!)
            }
            return CharsetGuess(name: name, confidence: Int(confidences[index]))
        }
    }

    struct Conversion {
        var utf16: [UInt16]
        var invalidCount: Int
        var firstInvalidByte: Int?
    }

    enum ConversionError: Error {
        case failed(String)
    }

    /// Converts bytes in `charset` to UTF-16 with ICU, replacing and counting bad sequences.
    static func convertToUTF16(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) throws -> Conversion {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return Conversion(utf16: [], invalidCount: 0) }
        let capacity = bytes.count * 2 + 2
        var invalid: Int32 = 0
        var firstInvalid: Int32 = -1
        var status: Int32 = 0
        var written: Int32 = 0
        let output = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            written = zj_convert_to_utf16(charset, base, Int32(bytes.count), buffer.baseAddress!, Int32(capacity),
                                          &invalid, &firstInvalid, &status)
            initialized = max(0, Int(written))
        }
        if written < 0 { throw ConversionError.failed("\(charset): \(errorName(status))") }
        return Conversion(utf16: output, invalidCount: Int(invalid), firstInvalidByte: firstInvalid >= 0 ? Int(firstInvalid) : nil)
    }

    /// NFKC of a short UTF-16 sequence.
    static func nfkc(_ utf16: [UInt16]) -> [UInt16] {
        if utf16.isEmpty { return [] }
        let capacity = utf16.count * 18 + 8
        var status: Int32 = 0
        return [UInt16](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            let written = utf16.withUnsafeBufferPointer {
                zj_nfkc($0.baseAddress!, Int32(utf16.count), buffer.baseAddress!, Int32(capacity), &status)
            }
            initialized = max(0, Int(written))
        }
    }

    static func nfkcHasBoundaryBefore(_ value: UInt32) -> Bool { zj_nfkc_has_boundary_before(value) != 0 }
    static func nfkcIsInert(_ value: UInt32) -> Bool { zj_nfkc_is_inert(value) != 0 }
}

/// ICU's dictionary-based word break iterator for Chinese, opened once and reused.
/// Not thread-safe: give each worker its own.
public final class ICUWordBreaker {
    private let handle: OpaquePointer
    private var boundaryBuffer = BoundaryBuffer()

    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(locale: String = "zh") throws {
        var status: Int32 = 0
        guard let handle = zj_word_breaker_open(locale, &status) else {
            throw OpenError(description: "cannot open ICU word break iterator for \(locale): \(ICU.errorName(status))")
        }
        self.handle = handle
    }

    deinit { zj_word_breaker_close(handle) }

    /// Calls `body` with every boundary of `utf16` (0 and the length included, ascending).
    /// The buffer is reused between calls; do not keep it.
    public func withBoundaries<R>(of utf16: UnsafeBufferPointer<UInt16>, _ body: (UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
        try boundaryBuffer.withBoundaries(of: utf16, fill: { zj_word_breaker_boundaries(handle, $0, $1, $2, $3, $4) }, body)
    }

    /// Boundaries of `utf16` as a fresh array (convenience for tests and tools).
    public func boundaries(of utf16: [UInt16]) -> [Int] {
        utf16.withUnsafeBufferPointer { buffer in withBoundaries(of: buffer) { $0.map(Int.init) } }
    }
}

/// The reusable output of a C function that writes the word boundaries of a UTF-16 text (0 and
/// the length included, ascending), shared by ICU's iterator and the dictionary segmenter.
struct BoundaryBuffer {
    typealias Fill = (_ text: UnsafePointer<UInt16>, _ length: Int32, _ boundaries: UnsafeMutablePointer<Int32>,
                      _ capacity: Int32, _ status: UnsafeMutablePointer<Int32>) -> Int32
    private var storage: [Int32] = []

    /// Runs `fill` over `utf16` into the buffer and calls `body` with the boundaries it wrote
    /// (none when it failed). Do not keep the buffer passed to `body`.
    @inline(__always)
    mutating func withBoundaries<R>(of utf16: UnsafeBufferPointer<UInt16>, fill: Fill,
                                    _ body: (UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
        let needed = utf16.count + 1
        if storage.count < needed { storage = [Int32](repeating: 0, count: needed) }
        var status: Int32 = 0
        let count: Int32 = storage.withUnsafeMutableBufferPointer { out in
            guard let base = utf16.baseAddress else {
                out[0] = 0
                return 1
            }
            return fill(base, Int32(utf16.count), out.baseAddress!, Int32(needed), &status)
        }
        let valid = max(0, Int(count))
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<valid])) }
    }
}
