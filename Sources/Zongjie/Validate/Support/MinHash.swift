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
    func signatures(_ text: [UInt32], shingles: [UInt64], stride: Int) -> (starts: [Int], values: [UInt64]) {
        let window = Self.windowSize
        let perWindow = window - Self.shingleSize + 1
        guard text.count >= window else { return ([], []) }
        var starts: [Int] = []
        var values: [UInt64] = []
        var start = 0
        var minima = [UInt64](repeating: .max, count: Self.hashCount)
        while start + window <= text.count {
            var valid = true
            for offset in 0..<perWindow where shingles[start + offset] == 0 { valid = false; break }
            if valid {
                for h in 0..<Self.hashCount { minima[h] = .max }
                for offset in 0..<perWindow {
                    let x = shingles[start + offset]
                    for h in 0..<Self.hashCount {
                        let value = x &* multipliers[h] &+ addends[h]
                        if value < minima[h] { minima[h] = value }
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

/// Banded LSH buckets over the windows of a collection: sorted (key, window) pairs, looked up
/// by binary search.
struct LSHIndex: Sendable {
    /// Sorted by key.
    private let keys: [UInt64]
    private let windows: [Int32]

    init(signatures values: [UInt64], windowCount: Int) {
        var pairs: [(UInt64, Int32)] = []
        pairs.reserveCapacity(windowCount * MinHasher.bandCount)
        for window in 0..<windowCount {
            for band in 0..<MinHasher.bandCount {
                pairs.append((MinHasher.bandKey(values, window: window, band: band), Int32(window)))
            }
        }
        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        self.keys = pairs.map(\.0)
        self.windows = pairs.map(\.1)
    }

    /// Windows sharing at least one band with the query signature.
    func candidates(_ values: [UInt64], window: Int, into result: inout Set<Int32>) {
        for band in 0..<MinHasher.bandCount {
            let key = MinHasher.bandKey(values, window: window, band: band)
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < key { low = middle + 1 } else { high = middle }
            }
            var k = low
            while k < keys.count, keys[k] == key {
                result.insert(windows[k])
                k += 1
            }
        }
    }
}
