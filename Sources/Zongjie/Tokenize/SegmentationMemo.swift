/// Remembers how runs of Chinese characters were segmented, so that a phrase that recurs in an
/// archive (and in these reports a great many do) costs ICU once. Lookups allocate nothing:
/// keys and values live in two arenas, indexed by an open-addressing table.
struct SegmentationMemo {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keyRanges: [(start: Int32, count: Int32)] = []
    private var valueRanges: [(start: Int32, count: Int32)] = []
    private var keyArena: [UInt32] = []
    private(set) var valueArena: [UInt32] = []
    /// Entries kept before the memo forgets everything and starts again.
    let capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        // Start small and grow: a tokenizer made for one short document should not pay for a
        // table sized for an archive.
        slots = [Int32](repeating: -1, count: Self.tableSize(for: min(capacity, 512)))
    }

    private static func tableSize(for capacity: Int) -> Int {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    var count: Int { hashes.count }

    @inline(__always)
    static func hash(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range {
            h = (h ^ UInt64(text[index])) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The stored value range for the run, if any.
    func lookup(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, hash: UInt64) -> Range<Int>? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            let index = Int(entry)
            if hashes[index] == hash, Int(keyRanges[index].count) == range.count {
                let start = Int(keyRanges[index].start)
                var same = true
                var k = 0
                for position in range {
                    if keyArena[start + k] != text[position] { same = false; break }
                    k += 1
                }
                if same {
                    let value = valueRanges[index]
                    return Int(value.start)..<Int(value.start + value.count)
                }
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, hash: UInt64, value: ArraySlice<UInt32>) {
        if hashes.count >= capacity { removeAll() }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let index = Int32(hashes.count)
        hashes.append(hash)
        keyRanges.append((Int32(keyArena.count), Int32(range.count)))
        for position in range { keyArena.append(text[position]) }
        valueRanges.append((Int32(valueArena.count), Int32(value.count)))
        valueArena.append(contentsOf: value)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }

    /// Doubles the table and reinserts every entry.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    mutating func removeAll() {
        for index in slots.indices { slots[index] = -1 }
        hashes.removeAll(keepingCapacity: true)
        keyRanges.removeAll(keepingCapacity: true)
        valueRanges.removeAll(keepingCapacity: true)
        keyArena.removeAll(keepingCapacity: true)
        valueArena.removeAll(keepingCapacity: true)
    }
}
