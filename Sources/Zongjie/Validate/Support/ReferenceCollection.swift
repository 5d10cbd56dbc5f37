import Foundation

/// A passage a document shares with a reference text.
public struct SharedPassage: Sendable, Equatable {
    /// Index of the reference in the collection.
    public var reference: Int
    /// Original code-point ranges in the document and in the reference.
    public var range: Range<Int>
    public var referenceRange: Range<Int>
    /// Characters (without punctuation and spaces) that are exactly the same in both.
    public var sharedCharacters: Int
}

/// Known model essays that submissions must not copy from, indexed for near-duplicate search:
/// MinHash signatures of 30-character windows of their core text (5-character shingles) in
/// banded LSH buckets. A query finds candidate windows through the buckets, verifies each by an
/// exact common seed extended to a maximal exact match, and chains matches separated by small
/// edits (a filled-in name, a spun word) into passages. Boilerplate of the references (the
/// website's furniture) is left out of the index.
///
/// Immutable once built; one collection serves every thread.
public final class ReferenceCollection: Sendable {
    public struct Reference: Sendable {
        /// How findings name it: the path as given, or `Corpus/pages/…` for the bundled pages.
        public let name: String
        /// The file it was read from (standardized), if any.
        public let path: String?
        public let document: Document
        public let structure: PageStructure
        let core: CoreText
        let fingerprint: UInt64
        /// Lines and columns of the reference's text.
        public let lines: LineIndex

        /// 1-based line of an original offset.
        public func line(of offset: Int) -> Int {
            lines.position(of: offset).line
        }

        /// The title of the article holding an original offset.
        public func articleTitle(at offset: Int) -> String? {
            structure.articleIndex(containing: offset).map { structure.articles[$0].title }
        }
    }

    public let references: [Reference]
    private let windowReference: [Int32]
    private let windowStart: [Int32]
    private let index: LSHIndex

    static let referenceSeparator: UInt32 = 0xFFFF_FFFE
    static let querySeparator: UInt32 = 0xFFFF_FFFF
    static let referenceStride = 10
    static let queryStride = 10
    /// Shortest exact match that seeds a passage.
    static let seedLength = 8
    /// Largest edit between two exact matches of one passage.
    static let maximumGap = 8

    public var isEmpty: Bool { references.isEmpty }

    /// Indexes documents as references. `path` is the file each came from, if any.
    public init(_ documents: [(name: String, path: String?, document: Document)]) {
        let segmenter = Segmenter()
        let hasher = MinHasher.shared
        var references: [Reference] = []
        var windowReference: [Int32] = []
        var windowStart: [Int32] = []
        var allSignatures: [UInt64] = []
        for (number, entry) in documents.enumerated() {
            let structure = segmenter.segment(entry.document)
            let normalized = entry.document.normalized
            let excluded = structure.recordFreeRanges.map { range -> Range<Int> in
                let from = normalized.normalizedOffset(ofOriginal: range.lowerBound)
                return from..<max(from, normalized.normalizedOffset(ofOriginal: range.upperBound))
            }
            let core = CoreText(normalized.scalars, excluding: excluded, separator: Self.referenceSeparator)
            let shingles = hasher.shingleHashes(core.scalars, separator: Self.referenceSeparator)
            let (starts, values) = hasher.signatures(core.scalars, shingles: shingles, stride: Self.referenceStride)
            for start in starts {
                windowReference.append(Int32(number))
                windowStart.append(Int32(start))
            }
            allSignatures.append(contentsOf: values)
            references.append(Reference(name: entry.name, path: entry.path.map(Self.standardize), document: entry.document,
                                        structure: structure, core: core, fingerprint: Self.fingerprint(entry.document.text.scalars),
                                        lines: LineIndex(entry.document.text)))
        }
        self.references = references
        self.windowReference = windowReference
        self.windowStart = windowStart
        self.index = LSHIndex(signatures: allSignatures, windowCount: windowStart.count)
    }

    // MARK: Loading

    /// Reads references from files and folders (recursively: `.txt` files, in name order).
    public static func load(paths: [String]) throws -> ReferenceCollection {
        var documents: [(name: String, path: String?, document: Document)] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DocumentReadError(source: path, reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                guard let enumerator = manager.enumerator(atPath: path) else {
                    throw DocumentReadError(source: path, reason: "cannot list the folder")
                }
                var files: [String] = []
                while let relative = enumerator.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") { continue }
                    if relative.lowercased().hasSuffix(".txt") { files.append(relative) }
                }
                for relative in files.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                    let full = (path as NSString).appendingPathComponent(relative)
                    documents.append((full, full, try Document.read(path: full)))
                }
            } else {
                documents.append((path, path, try Document.read(path: path)))
            }
        }
        return ReferenceCollection(documents)
    }

    /// The bundled model essays: the five Corpus pages, as they are in `Corpus/pages/`.
    public static let bundled: ReferenceCollection = {
        let pages: [(String, [UInt8])] = [
            ("000_be7b476837a84dea.txt", PackageResources.reference_000_be7b476837a84dea_txt),
            ("001_2cebbf31e190c0af.txt", PackageResources.reference_001_2cebbf31e190c0af_txt),
            ("002_445347422e06600d.txt", PackageResources.reference_002_445347422e06600d_txt),
            ("003_e7362edb924ee62c.txt", PackageResources.reference_003_e7362edb924ee62c_txt),
            ("004_18784e1e1f95aad1.txt", PackageResources.reference_004_18784e1e1f95aad1_txt),
        ]
        var documents: [(name: String, path: String?, document: Document)] = []
        for (name, bytes) in pages {
            guard let document = try? Document(source: "Corpus/pages/" + name, bytes: bytes) else { continue }
            documents.append(("Corpus/pages/" + name, nil, document))
        }
        return ReferenceCollection(documents)
    }()

    static func standardize(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// FNV-1a over the scalars: identical texts are the same document.
    static func fingerprint(_ scalars: [UInt32]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in scalars { h = (h ^ UInt64(c)) &* 0x100_0000_01B3 }
        return h ^ UInt64(scalars.count)
    }

    // MARK: Search

    /// The passages of `document` shared with any reference, at least `minimumLength` core
    /// characters of exact matches each. `excluding` (normalized ranges of the document, its
    /// boilerplate) takes no part. A reference identical to the document, or read from the same
    /// file, is skipped: a document never copies itself.
    public func sharedPassages(with document: Document, excluding excluded: [Range<Int>] = [],
                               minimumLength: Int = 50) -> [SharedPassage] {
        guard !references.isEmpty else { return [] }
        let fingerprint = Self.fingerprint(document.text.scalars)
        let ownPath = FileManager.default.fileExists(atPath: document.source) ? Self.standardize(document.source) : nil
        let skipped = Set(references.indices.filter {
            references[$0].fingerprint == fingerprint || (ownPath != nil && references[$0].path == ownPath)
        })
        let core = CoreText(document.normalized.scalars, excluding: excluded, separator: Self.querySeparator)
        let text = core.scalars
        let hasher = MinHasher.shared
        let shingles = hasher.shingleHashes(text, separator: Self.querySeparator)
        let (starts, values) = hasher.signatures(text, shingles: shingles, stride: Self.queryStride)

        // Candidates through the LSH buckets, each verified by an exact seed and extended.
        var matches: [Match] = []
        var candidates: [Int32] = []
        for (window, start) in starts.enumerated() {
            candidates.removeAll(keepingCapacity: true)
            index.candidates(values, window: window, into: &candidates)
            // In window order, each once: the result must not depend on hashing order.
            candidates.sort()
            var previous: Int32 = -1
            for candidate in candidates where candidate != previous {
                previous = candidate
                let reference = Int(windowReference[Int(candidate)])
                guard !skipped.contains(reference) else { continue }
                let referenceText = references[reference].core.scalars
                let referenceStart = Int(windowStart[Int(candidate)])
                if matches.contains(where: { $0.reference == reference && $0.covers(query: start, reference: referenceStart) }) { continue }
                guard let seed = Self.seed(text, start, referenceText, referenceStart) else { continue }
                let match = Self.extend(text, referenceText, seed: seed, reference: reference)
                if match.length >= Self.seedLength, !matches.contains(match) { matches.append(match) }
            }
        }
        return chain(matches, core: core, document: document, minimumLength: minimumLength)
    }

    struct Match: Hashable {
        var reference: Int
        var query: Int
        var referenceStart: Int
        var length: Int

        var queryEnd: Int { query + length }
        var referenceEnd: Int { referenceStart + length }

        /// The windows at these starts already lie on this match's diagonal and inside it.
        func covers(query start: Int, reference referenceWindow: Int) -> Bool {
            start >= query && start + MinHasher.windowSize <= queryEnd
                && abs((referenceWindow - start) - (referenceStart - query)) < MinHasher.windowSize
                && referenceWindow >= referenceStart - MinHasher.windowSize && referenceWindow <= referenceEnd
        }
    }

    /// The first common run of `seedLength` characters of two windows.
    static func seed(_ a: [UInt32], _ aStart: Int, _ b: [UInt32], _ bStart: Int) -> (Int, Int)? {
        let size = MinHasher.windowSize
        let k = seedLength
        let aEnd = min(a.count, aStart + size)
        let bEnd = min(b.count, bStart + size)
        guard aEnd - aStart >= k, bEnd - bStart >= k else { return nil }
        for i in aStart...(aEnd - k) {
            let first = a[i]
            var j = bStart
            while j <= bEnd - k {
                if b[j] == first {
                    var same = true
                    for t in 1..<k where a[i + t] != b[j + t] { same = false; break }
                    if same { return (i, j) }
                }
                j += 1
            }
        }
        return nil
    }

    /// The maximal exact match through a seed.
    static func extend(_ a: [UInt32], _ b: [UInt32], seed: (Int, Int), reference: Int) -> Match {
        var i = seed.0
        var j = seed.1
        while i > 0, j > 0, a[i - 1] == b[j - 1] { i -= 1; j -= 1 }
        var end = seed.0
        var referenceEnd = seed.1
        while end < a.count, referenceEnd < b.count, a[end] == b[referenceEnd] { end += 1; referenceEnd += 1 }
        return Match(reference: reference, query: i, referenceStart: j, length: end - i)
    }

    /// The first pair of edit lengths (in the query, in the reference), fewest edited characters
    /// first, each at most `maximumGap`, for which `matches` holds.
    static func smallestGaps(where matches: (Int, Int) -> Bool) -> (Int, Int)? {
        for total in 1...(2 * maximumGap) {
            for gapA in 0...min(total, maximumGap) where total - gapA <= maximumGap {
                if matches(gapA, total - gapA) { return (gapA, total - gapA) }
            }
        }
        return nil
    }

    /// The exact run of at least `seedLength` characters that follows a small edit after the
    /// given ends: its start in both texts and its full length (nil if none within `maximumGap`).
    static func nextRun(_ a: [UInt32], _ b: [UInt32], after aEnd: Int, referenceAfter bEnd: Int) -> (Int, Int, Int)? {
        let k = seedLength
        guard let (gapA, gapB) = smallestGaps(where: { gapA, gapB in
            let i = aEnd + gapA
            let j = bEnd + gapB
            guard i + k <= a.count, j + k <= b.count else { return false }
            for t in 0..<k where a[i + t] != b[j + t] || a[i + t] == querySeparator { return false }
            return true
        }) else { return nil }
        let (i, j) = (aEnd + gapA, bEnd + gapB)
        var length = k
        while i + length < a.count, j + length < b.count, a[i + length] == b[j + length] { length += 1 }
        return (i, j, length)
    }

    /// The exact run that precedes a small edit before the given starts.
    static func previousRun(_ a: [UInt32], _ b: [UInt32], before aStart: Int, referenceBefore bStart: Int) -> (Int, Int, Int)? {
        let k = seedLength
        guard let (gapA, gapB) = smallestGaps(where: { gapA, gapB in
            let iEnd = aStart - gapA
            let jEnd = bStart - gapB
            guard iEnd - k >= 0, jEnd - k >= 0 else { return false }
            for t in 1...k where a[iEnd - t] != b[jEnd - t] || a[iEnd - t] == querySeparator { return false }
            return true
        }) else { return nil }
        let (iEnd, jEnd) = (aStart - gapA, bStart - gapB)
        var length = k
        while iEnd - length - 1 >= 0, jEnd - length - 1 >= 0, a[iEnd - length - 1] == b[jEnd - length - 1] { length += 1 }
        return (iEnd - length, jEnd - length, length)
    }

    /// Longest matches first, no two over the same query characters; then matches of one
    /// reference separated by small edits joined into passages.
    private func chain(_ matches: [Match], core: CoreText, document: Document, minimumLength: Int) -> [SharedPassage] {
        var selected: [Match] = []
        var taken: [Range<Int>] = []
        for match in matches.sorted(by: { ($0.length, -$0.query, -$0.reference, -$0.referenceStart) > ($1.length, -$1.query, -$1.reference, -$1.referenceStart) }) {
            var trimmed = match
            // Drop the part another (longer) match already took.
            for range in taken where range.overlaps(trimmed.query..<trimmed.queryEnd) {
                if range.lowerBound <= trimmed.query {
                    let cut = range.upperBound - trimmed.query
                    trimmed.query += cut
                    trimmed.referenceStart += cut
                    trimmed.length -= cut
                } else {
                    trimmed.length = range.lowerBound - trimmed.query
                }
                if trimmed.length <= 0 { break }
            }
            guard trimmed.length >= Self.seedLength else { continue }
            selected.append(trimmed)
            taken.append(trimmed.query..<trimmed.queryEnd)
        }
        selected.sort { $0.query < $1.query }
        var passages: [SharedPassage] = []
        var current: (first: Match, last: Match, shared: Int)?
        func close() {
            guard let run = current else { return }
            let reference = references[run.first.reference]
            // Carry the passage over small edits on both sides (全市 → 全县) while exact runs follow.
            var queryStart = run.first.query
            var referenceStart = run.first.referenceStart
            var queryEnd = run.last.queryEnd
            var referenceEnd = run.last.referenceEnd
            var shared = run.shared
            let text = core.scalars
            let other = reference.core.scalars
            while let (q, r, length) = Self.nextRun(text, other, after: queryEnd, referenceAfter: referenceEnd),
                  !taken.contains(where: { $0.overlaps(q..<(q + length)) }),
                  !core.crossesLine(from: queryEnd - 1, to: q), !reference.core.crossesLine(from: referenceEnd - 1, to: r) {
                queryEnd = q + length
                referenceEnd = r + length
                shared += length
            }
            while let (q, r, length) = Self.previousRun(text, other, before: queryStart, referenceBefore: referenceStart),
                  !taken.contains(where: { $0.overlaps(q..<(q + length)) }),
                  !core.crossesLine(from: q + length - 1, to: queryStart), !reference.core.crossesLine(from: r + length - 1, to: referenceStart) {
                queryStart = q
                referenceStart = r
                shared += length
            }
            guard shared >= minimumLength else { return }
            let queryRange = core.normalizedRange(queryStart..<queryEnd)
            let referenceRange = reference.core.normalizedRange(referenceStart..<referenceEnd)
            passages.append(SharedPassage(reference: run.first.reference, range: document.normalized.originalRange(queryRange),
                                          referenceRange: reference.document.normalized.originalRange(referenceRange),
                                          sharedCharacters: shared))
        }
        for match in selected {
            if let run = current, run.last.reference == match.reference,
               match.query - run.last.queryEnd <= Self.maximumGap,
               match.referenceStart - run.last.referenceEnd <= Self.maximumGap,
               match.referenceStart >= run.last.referenceEnd - Self.maximumGap {
                current = (run.first, match, run.shared + match.length)
            } else {
                close()
                current = (match, match, match.length)
            }
        }
        close()
        return passages
    }
}
