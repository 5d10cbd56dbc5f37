/// A set of Unicode scalars as a bit table over the BMP (8 KB), for membership tests inside
/// per-character loops where hashing a `Set<UInt32>` would dominate.
public struct ScalarSet: Sendable {
    private var bits: [UInt64]
    private var beyondBMP: Set<UInt32>

    public init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        beyondBMP = []
        for value in values { insert(value) }
    }

    public init(_ characters: String) {
        self.init(characters.unicodeScalars.map(\.value))
    }

    public mutating func insert(_ value: UInt32) {
        if value < 0x10000 { bits[Int(value) >> 6] |= 1 << (UInt64(value) & 63) } else { beyondBMP.insert(value) }
    }

    @inline(__always)
    public func contains(_ value: UInt32) -> Bool {
        if value < 0x10000 { return bits[Int(value) >> 6] & (1 << (UInt64(value) & 63)) != 0 }
        return beyondBMP.contains(value)
    }

    public func union(_ other: ScalarSet) -> ScalarSet {
        var copy = self
        for index in copy.bits.indices { copy.bits[index] |= other.bits[index] }
        copy.beyondBMP.formUnion(other.beyondBMP)
        return copy
    }
}
