/// A trie over Unicode scalar values whose edges live in one open-addressing hash table, so that
/// walking it from a text position costs a multiply and a probe per character.
///
/// Most text positions start no word, and the big edge table is costly in cache misses, so a walk
/// passes three small filters first: a bit set of first scalars, a small table of the root's edges,
/// and a hashed bit set of every word's first two scalars.
struct ScalarTrie: Sendable {
    /// An edge: its key `(node << 21) | scalar + 1` (0 = empty slot) beside its child node, so
    /// that a probe that finds its key finds the child in the same cache line (the table of a
    /// big gazetteer is far larger than the cache, and a walk is a miss per character).
    private struct Edge {
        var key: UInt64
        var child: Int32
    }
    private var edges: [Edge]
    private var mask: Int
    /// Payload per node: index of the entry that ends there, or -1.
    private(set) var terminal: [Int32]
    /// BMP scalars that start at least one word, for a quick reject of most positions.
    private var firstScalars: [UInt64]
    /// The root's edges in a table of their own (scalar + 1, 0 = empty), small enough to stay in cache.
    private var rootKeys: [UInt32]
    private var rootChildren: [Int32]
    private var rootCount = 0
    /// Hashed bit set of the first two scalars of every word of two or more (2^18 bits = 32 KB).
    private var firstPairs: [UInt64]
    private var edgeCount = 0

    init() {
        edges = [Edge](repeating: Edge(key: 0, child: 0), count: 1024)
        mask = 1023
        terminal = [-1]
        firstScalars = [UInt64](repeating: 0, count: 0x10000 / 64)
        rootKeys = [UInt32](repeating: 0, count: 16)
        rootChildren = [Int32](repeating: 0, count: 16)
        firstPairs = [UInt64](repeating: 0, count: (1 << 18) / 64)
    }

    @inline(__always)
    private static func pairBit(_ a: UInt32, _ b: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a) << 21 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15) >> 46)
    }

    @inline(__always)
    private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        (UInt64(node) << 21) | UInt64(scalar & 0x1F_FFFF) &+ 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always)
    private static func rootSlot(_ scalar: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(scalar) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always)
    func child(of node: Int32, _ scalar: UInt32) -> Int32? {
        if node == 0 { return rootChild(scalar) }
        let wanted = Self.key(node, scalar)
        var index = Self.slot(wanted, mask)
        while true {
            let edge = edges[index]
            if edge.key == wanted { return edge.child }
            if edge.key == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    @inline(__always)
    private func rootChild(_ scalar: UInt32) -> Int32? {
        let wanted = scalar &+ 1
        let rootMask = rootKeys.count - 1
        var index = Self.rootSlot(scalar, rootMask)
        while true {
            let found = rootKeys[index]
            if found == wanted { return rootChildren[index] }
            if found == 0 { return nil }
            index = (index + 1) & rootMask
        }
    }

    @inline(__always)
    func mayStartWord(_ scalar: UInt32) -> Bool {
        if scalar >= 0x10000 { return true }
        return firstScalars[Int(scalar) >> 6] & (1 << (UInt64(scalar) & 63)) != 0
    }

    /// Inserts a word and returns its node; `entry` is stored as the node's payload.
    mutating func insert(_ word: [UInt32], entry: Int32) {
        guard let first = word.first else { return }
        if first < 0x10000 { firstScalars[Int(first) >> 6] |= 1 << (UInt64(first) & 63) }
        if word.count >= 2 {
            let bit = Self.pairBit(word[0], word[1])
            firstPairs[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        var node: Int32 = 0
        for scalar in word {
            if let next = child(of: node, scalar) {
                node = next
            } else {
                let next = Int32(terminal.count)
                terminal.append(-1)
                if node == 0 { addRootEdge(scalar, next) } else { addEdge(Self.key(node, scalar), next) }
                node = next
            }
        }
        terminal[Int(node)] = entry
    }

    private mutating func addRootEdge(_ scalar: UInt32, _ child: Int32) {
        if (rootCount + 1) * 2 > rootKeys.count {
            let old = zip(rootKeys, rootChildren).filter { $0.0 != 0 }
            rootKeys = [UInt32](repeating: 0, count: rootKeys.count * 2)
            rootChildren = [Int32](repeating: 0, count: rootKeys.count)
            for (key, value) in old { placeRootEdge(key, value) }
        }
        placeRootEdge(scalar &+ 1, child)
        rootCount += 1
    }

    private mutating func placeRootEdge(_ key: UInt32, _ child: Int32) {
        let rootMask = rootKeys.count - 1
        var index = Self.rootSlot(key &- 1, rootMask)
        while rootKeys[index] != 0 { index = (index + 1) & rootMask }
        rootKeys[index] = key
        rootChildren[index] = child
    }

    private mutating func addEdge(_ key: UInt64, _ child: Int32) {
        if (edgeCount + 1) * 2 > edges.count { grow() }
        place(Edge(key: key, child: child))
        edgeCount += 1
    }

    private mutating func place(_ edge: Edge) {
        var index = Self.slot(edge.key, mask)
        while edges[index].key != 0 { index = (index + 1) & mask }
        edges[index] = edge
    }

    private mutating func grow() {
        let old = edges
        edges = [Edge](repeating: Edge(key: 0, child: 0), count: old.count * 2)
        mask = edges.count - 1
        for edge in old where edge.key != 0 { place(edge) }
    }

    /// Calls `body(length, entry)` for every word that starts at `start` in `text` and ends
    /// before `limit`, shortest first.
    @inline(__always)
    func forEachMatch(in text: UnsafeBufferPointer<UInt32>, from start: Int, limit: Int, _ body: (Int, Int32) -> Void) {
        guard start < limit else { return }
        let first = text[start]
        guard mayStartWord(first), var node = rootChild(first) else { return }
        var entry = terminal[Int(node)]
        if entry >= 0 { body(1, entry) }
        var position = start + 1
        guard position < limit else { return }
        let bit = Self.pairBit(first, text[position])
        guard firstPairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return }
        while position < limit, let next = child(of: node, text[position]) {
            node = next
            position += 1
            entry = terminal[Int(node)]
            if entry >= 0 { body(position - start, entry) }
        }
    }
}
