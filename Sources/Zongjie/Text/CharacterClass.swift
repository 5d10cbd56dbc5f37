/// Character classes of normalized text, by table lookup.
public enum CharacterClass: UInt8, Sendable {
    case other = 0
    case han
    case digit
    case latin
    case whitespace
    case newline
    case punctuation
}

extension CharacterClass {
    private static let table: [CharacterClass] = {
        var table = [CharacterClass](repeating: .other, count: 0x10000)
        for value in 0x30...0x39 { table[value] = .digit }
        for value in 0x41...0x5A { table[value] = .latin }
        for value in 0x61...0x7A { table[value] = .latin }
        for value in [0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x205F] {
            table[value] = .whitespace
        }
        for value in [0x0A, 0x0D, 0x85, 0x2028, 0x2029] { table[value] = .newline }
        // Latin letters with diacritics and Greek/Cyrillic count as latin words.
        for value in 0xC0...0x24F where value != 0xD7 && value != 0xF7 { table[value] = .latin }
        for value in 0x370...0x4FF { table[value] = .latin }
        // CJK ideographs, extension A, compatibility ideographs, and 〇.
        for value in 0x4E00...0x9FFF { table[value] = .han }
        for value in 0x3400...0x4DBF { table[value] = .han }
        for value in 0xF900...0xFAFF { table[value] = .han }
        table[0x3007] = .han
        // ASCII punctuation and symbols.
        for value in 0x21...0x2F { table[value] = .punctuation }
        for value in 0x3A...0x40 { table[value] = .punctuation }
        for value in 0x5B...0x60 { table[value] = .punctuation }
        for value in 0x7B...0x7E { table[value] = .punctuation }
        // General punctuation, CJK symbols and punctuation, full-width and small forms, boxes.
        for value in 0x2010...0x2027 { table[value] = .punctuation }
        for value in 0x2030...0x205E { table[value] = .punctuation }
        for value in 0x3001...0x3003 { table[value] = .punctuation }
        for value in 0x3008...0x301F { table[value] = .punctuation }
        table[0x30FB] = .punctuation
        for value in 0xFE10...0xFE6B { table[value] = .punctuation }
        for value in 0xFF01...0xFF0F { table[value] = .punctuation }
        for value in 0xFF1A...0xFF20 { table[value] = .punctuation }
        for value in 0xFF3B...0xFF40 { table[value] = .punctuation }
        for value in 0xFF5B...0xFF65 { table[value] = .punctuation }
        for value in [0xA7, 0xB7, 0xAB, 0xBB, 0xB0, 0xD7, 0xF7, 0x25A0, 0x25A1, 0x25CB, 0x25CF, 0x2605, 0x2606, 0x203B] {
            table[value] = .punctuation
        }
        return table
    }()

    @inline(__always)
    public static func of(_ value: UInt32) -> CharacterClass {
        if value < 0x10000 { return table[Int(value)] }
        // CJK extension B and beyond, and compatibility supplement.
        if (0x20000...0x3FFFF).contains(value) { return .han }
        return .other
    }
}
