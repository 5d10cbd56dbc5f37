/// MinHash signatures of fixed-size windows of core text over character shingles, and an LSH
/// index (banded signatures) that finds the windows of other texts that are likely similar.
///
/// A window of `windowSize` core characters has `windowSize - shingleSize + 1` shingles; each
/// shingle is hashed once, and `hashCount` cheap universal hashes (multiply-add) of that value
/// give the signature. Two windows agree on a band (`rowsPerBand` consecutive minima) with
/// probability J^rows, so with 16 bands of 4 rows a pair with Jaccard 0.7 becomes a candidate
/// 98% of the time and one with 0.3 about 12% of the time; candidates are then verified exactly.
struct MinHasher: Sendable {
    static let shingleSize = 5
    static let windowSize = 30
    static let hashCount = 64
    static let rowsPerBand = 4
    static var bandCount: Int { hashCount / rowsPerBand }

    /// Multipliers and addends of the hash family (odd multipliers), fixed so that signatures are
    /// reproducible.
    let multipliers: [UInt64]
    let addends: [UInt64]

    static let shared = MinHasher()

    private init() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var multipliers: [UInt64] = []
        var addends: [UInt64] = []
        for _ in 0..<Self.hashCount {
            multipliers.append(Self.splitMix(&state) | 1)
            addends.append(Self.splitMix(&state))
        }
        self.multipliers = multipliers
        self.addends = addends
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Hash of the shingle starting at each position (0 where the shingle crosses a separator
    /// or the end). `isSeparator` marks excluded stretches.
    func shingleHashes(_ text: [UInt32], separator: UInt32) -> [UInt64] {
        let k = Self.shingleSize
        guard text.count >= k else { return [] }
        var hashes = [UInt64](repeating: 0, count: text.count - k + 1)
        var lastSeparator = -1
        for index in 0..<text.count {
            if text[index] == separator { lastSeparator = index }
            let start = index - k + 1
            guard start >= 0, lastSeparator < start else { continue }
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for j in start...index {
                h = (h ^ UInt64(text[j])) &* 0x100_0000_01B3
            }
            hashes[start] = h | 1
        }
        return hashes
    }

    /// Signatures of the windows starting at multiples of `stride` (a window may not contain a
    /// separator). Returns the window starts and their signatures, flattened.
    ///
    /// The minima are taken per block of `stride` shingles first, so that each shingle is hashed
    /// once and a window combines a few block minima with the shingles of its last, partial block.
    func signatures(_ text: [UInt32], shingles: [UInt64], stride: Int) -> (starts: [Int], values: [UInt64]) {
        let window = Self.windowSize
        let perWindow = window - Self.shingleSize + 1
        let hashes = Self.hashCount
        guard text.count >= window, stride > 0 else { return ([], []) }
        let shingleCount = shingles.count
        let blockCount = (shingleCount + stride - 1) / stride
        var blockMinima = [UInt64](repeating: .max, count: blockCount * hashes)
        // A block is usable when none of its shingles crosses a separator.
        var blockValid = [Bool](repeating: true, count: blockCount)
        multipliers.withUnsafeBufferPointer { a in
            addends.withUnsafeBufferPointer { b in
                blockMinima.withUnsafeMutableBufferPointer { minima in
                    for position in 0..<shingleCount {
                        let x = shingles[position]
                        let block = position / stride
                        if x == 0 { blockValid[block] = false; continue }
                        let base = block * hashes
                        for h in 0..<hashes {
                            let value = x &* a[h] &+ b[h]
                            if value < minima[base + h] { minima[base + h] = value }
                        }
                    }
                }
            }
        }
        var starts: [Int] = []
        var values: [UInt64] = []
        let fullBlocks = perWindow / stride
        let rest = perWindow - fullBlocks * stride
        var minima = [UInt64](repeating: .max, count: hashes)
        var start = 0
        while start + window <= text.count {
            let firstBlock = start / stride
            var valid = true
            for block in firstBlock..<(firstBlock + fullBlocks) where !blockValid[block] { valid = false; break }
            if valid {
                for offset in (fullBlocks * stride)..<perWindow where shingles[start + offset] == 0 { valid = false; break }
            }
            if valid {
                for h in 0..<hashes { minima[h] = .max }
                for block in firstBlock..<(firstBlock + fullBlocks) {
                    let base = block * hashes
                    for h in 0..<hashes where blockMinima[base + h] < minima[h] { minima[h] = blockMinima[base + h] }
                }
                if rest > 0 {
                    for offset in (fullBlocks * stride)..<perWindow {
                        let x = shingles[start + offset]
                        for h in 0..<hashes {
                            let value = x &* multipliers[h] &+ addends[h]
                            if value < minima[h] { minima[h] = value }
                        }
                    }
                }
                starts.append(start)
                values.append(contentsOf: minima)
            }
            start += stride
        }
        return (starts, values)
    }

    /// The key of one band of a signature.
    @inline(__always)
    static func bandKey(_ values: [UInt64], window: Int, band: Int) -> UInt64 {
        var h: UInt64 = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        let base = window * hashCount + band * rowsPerBand
        for r in 0..<rowsPerBand {
            h = (h ^ values[base + r]) &* 0x100_0000_01B3
            h ^= h >> 29
        }
        return h
    }
}

/// Banded LSH buckets over the windows of a collection: the (key, window) pairs sorted by key,
/// and an open-addressing table from a key to its run of windows.
struct LSHIndex: Sendable {
    private let windows: [Int32]
    /// Open addressing: key, first index into `windows`, count; empty slots have count 0.
    private let slotKeys: [UInt64]
    private let slotStarts: [Int32]
    private let slotCounts: [Int32]
    private let mask: Int

    init(signatures values: [UInt64], windowCount: Int) {
        var pairs: [(UInt64, Int32)] = []
        pairs.reserveCapacity(windowCount * MinHasher.bandCount)
        for window in 0..<windowCount {
            for band in 0..<MinHasher.bandCount {
                pairs.append((MinHasher.bandKey(values, window: window, band: band), Int32(window)))
            }
        }
        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        self.windows = pairs.map(\.1)
        var size = 16
        while size < pairs.count * 2 { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        var starts = [Int32](repeating: 0, count: size)
        var counts = [Int32](repeating: 0, count: size)
        var index = 0
        while index < pairs.count {
            let key = pairs[index].0
            var end = index + 1
            while end < pairs.count, pairs[end].0 == key { end += 1 }
            var slot = Int(truncatingIfNeeded: key >> 17) & (size - 1)
            while counts[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            starts[slot] = Int32(index)
            counts[slot] = Int32(end - index)
            index = end
        }
        self.slotKeys = keys
        self.slotStarts = starts
        self.slotCounts = counts
        self.mask = size - 1
    }

    /// Windows sharing at least one band with the query signature, appended to `result` (which
    /// may then hold a window more than once).
    func candidates(_ values: [UInt64], window: Int, into result: inout [Int32]) {
        for band in 0..<MinHasher.bandCount {
            let key = MinHasher.bandKey(values, window: window, band: band)
            var slot = Int(truncatingIfNeeded: key >> 17) & mask
            while slotCounts[slot] != 0 {
                if slotKeys[slot] == key {
                    let start = Int(slotStarts[slot])
                    for k in start..<(start + Int(slotCounts[slot])) { result.append(windows[k]) }
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
