import CZongjieICU

/// ICU's word break for runs of Chinese characters, done straight on ICU's own dictionary.
///
/// For a run of Han characters, ICU's word break iterator runs its CJK dictionary engine: a
/// shortest path over the words of the `cjdict` dictionary with their costs. This does the same
/// search on the same trie (the tests check that the boundaries are identical on every run of
/// the Corpus) without the iterator's rule machine and text layers around it, which is what
/// lets the tokenizer be faster than the iterator alone. The input must be NFKC-normalized.
///
/// The dictionary is loaded once per process; an instance owns only its buffers and is not
/// thread-safe: give each worker its own.
///
/// An ICU whose data lacks the dictionary (a trimmed data build) still segments: the segmenter
/// then runs ICU's word break iterator instead, which gives the same boundaries, only slower.
public final class ICUDictionarySegmenter {
    private let handle: OpaquePointer?
    private let iterator: ICUWordBreaker?
    private var boundaryBuffer = BoundaryBuffer()

    /// False when ICU's dictionary could not be opened and the iterator stands in for it.
    public var usesDictionary: Bool { handle != nil }

    public init() throws {
        var status: Int32 = 0
        if let handle = zj_cjk_dictionary_open(&status) {
            self.handle = handle
            self.iterator = nil
        } else {
            self.handle = nil
            self.iterator = try ICUWordBreaker(locale: "zh")
        }
    }

    deinit { if let handle { zj_cjk_dictionary_close(handle) } }

    /// Calls `body` with every boundary of the run `utf16` (0 and the length included,
    /// ascending). The buffer is reused between calls; do not keep it.
    public func withBoundaries<R>(of utf16: UnsafeBufferPointer<UInt16>, _ body: (UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
        guard let handle else { return try iterator!.withBoundaries(of: utf16, body) }
        return try boundaryBuffer.withBoundaries(of: utf16, fill: { zj_cjk_dictionary_boundaries(handle, $0, $1, $2, $3, $4) }, body)
    }

    /// Boundaries of `utf16` as a fresh array (convenience for tests and tools).
    public func boundaries(of utf16: [UInt16]) -> [Int] {
        utf16.withUnsafeBufferPointer { buffer in withBoundaries(of: buffer) { $0.map(Int.init) } }
    }
}
