/// A fixed list of words for matching inside scanning loops: a forward trie for words that start
/// at a position and a reversed trie for words that end at one. Built once; every lookup is a
/// short trie walk instead of a loop of `hasPrefix` over the whole list.
public struct WordList: Sendable {
    public let words: [[UInt32]]
    private let forward: ScalarTrie
    private let backward: ScalarTrie
    public let longestWord: Int

    public init(_ words: [String]) {
        self.init(words.map { $0.unicodeScalars.map(\.value) })
    }

    public init(_ words: [[UInt32]]) {
        self.words = words
        var forward = ScalarTrie()
        var backward = ScalarTrie()
        for (index, word) in words.enumerated() where !word.isEmpty {
            forward.insert(word, entry: Int32(index))
            backward.insert(word.reversed(), entry: Int32(index))
        }
        self.forward = forward
        self.backward = backward
        self.longestWord = words.map(\.count).max() ?? 0
    }

    /// Length of the longest word that starts at `position` and ends by `limit`, or nil.
    @inline(__always)
    public func longestMatch(in s: [UInt32], at position: Int, limit: Int? = nil) -> Int? {
        guard position < s.count else { return nil }
        var best: Int?
        s.withUnsafeBufferPointer { buffer in
            forward.forEachMatch(in: buffer, from: position, limit: limit ?? buffer.count) { length, _ in best = length }
        }
        return best
    }

    /// Index in `words` of the longest word starting at `position`.
    public func longestEntry(in s: [UInt32], at position: Int, limit: Int? = nil) -> (index: Int, length: Int)? {
        guard position < s.count else { return nil }
        var best: (Int, Int)?
        s.withUnsafeBufferPointer { buffer in
            forward.forEachMatch(in: buffer, from: position, limit: limit ?? buffer.count) { length, entry in best = (Int(entry), length) }
        }
        return best
    }

    @inline(__always)
    public func startsWord(in s: [UInt32], at position: Int, limit: Int? = nil) -> Bool {
        longestMatch(in: s, at: position, limit: limit) != nil
    }

    /// Length of the longest word that ends right before `end` and starts at or after `floor`.
    public func longestMatch(in s: [UInt32], endingAt end: Int, floor: Int = 0) -> Int? {
        guard end > floor else { return nil }
        // Walk the reversed trie backwards from end - 1.
        var best: Int?
        var node: Int32 = 0
        var position = end - 1
        while position >= floor {
            guard let next = backward.child(of: node, s[position]) else { break }
            node = next
            if backward.terminal[Int(node)] >= 0 { best = end - position }
            position -= 1
        }
        return best
    }

    /// Index and length of the longest word that ends right before `end`.
    public func longestEntry(in s: [UInt32], endingAt end: Int, floor: Int = 0) -> (index: Int, length: Int)? {
        guard end > floor else { return nil }
        var best: (Int, Int)?
        var node: Int32 = 0
        var position = end - 1
        while position >= floor {
            guard let next = backward.child(of: node, s[position]) else { break }
            node = next
            let entry = backward.terminal[Int(node)]
            if entry >= 0 { best = (Int(entry), end - position) }
            position -= 1
        }
        return best
    }

    @inline(__always)
    public func endsWord(in s: [UInt32], at end: Int, floor: Int = 0) -> Bool {
        longestMatch(in: s, endingAt: end, floor: floor) != nil
    }

    /// Whether a word that starts `nearest` to `reach` characters before `position` (not before
    /// `floor`) and ends by `limit` runs past `position`: `position` lies inside it.
    public func covers(_ position: Int, in s: [UInt32], nearest: Int = 0, reach: Int, floor: Int = 0, limit: Int? = nil) -> Bool {
        guard nearest <= reach else { return false }
        for back in nearest...reach where position - back >= floor {
            if let length = longestMatch(in: s, at: position - back, limit: limit), length > back { return true }
        }
        return false
    }

    /// The first position in `range` where a word starts (and fits inside the range).
    public func firstOccurrence(in s: [UInt32], range: Range<Int>) -> Int? {
        s.withUnsafeBufferPointer { buffer in
            for position in range {
                var found = false
                forward.forEachMatch(in: buffer, from: position, limit: range.upperBound) { _, _ in found = true }
                if found { return position }
            }
            return nil
        }
    }

    public func occurs(in s: [UInt32], range: Range<Int>) -> Bool { firstOccurrence(in: s, range: range) != nil }
}
