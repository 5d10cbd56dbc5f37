/// What may follow a numeral, looked up longest-first in one trie: measure words of counts,
/// currencies, and the units that make a numeral something else (durations, measurements,
/// grades, ratios, document numbers), plus words that only look like a measure (人民, 项目).
struct UnitDictionary: Sendable {
    struct Unit: Sendable {
        var text: String
        var category: MeasureWords.Category
        /// ISO currency code for money units.
        var currency: String?
        /// Value of one unit in the currency's main unit (角 = 0.1 元).
        var scale: Double
    }

    static let shared = UnitDictionary()

    private(set) var units: [Unit] = []
    private var trie = ScalarTrie()

    /// Currency words and symbols that follow an amount.
    static let currencies: [(String, String, Double)] = [
        ("元", "CNY", 1), ("圆", "CNY", 1), ("元钱", "CNY", 1), ("块钱", "CNY", 1), ("元人民币", "CNY", 1), ("人民币", "CNY", 1),
        ("毛钱", "CNY", 0.1),
        ("美元", "USD", 1), ("美金", "USD", 1), ("美圆", "USD", 1), ("美刀", "USD", 1), ("美分", "USD", 0.01),
        ("欧元", "EUR", 1), ("日元", "JPY", 1), ("日圆", "JPY", 1), ("英镑", "GBP", 1), ("港元", "HKD", 1), ("港币", "HKD", 1),
        ("澳元", "AUD", 1), ("加元", "CAD", 1), ("新台币", "TWD", 1), ("台币", "TWD", 1), ("韩元", "KRW", 1), ("卢布", "RUB", 1),
        ("瑞士法郎", "CHF", 1), ("法郎", "CHF", 1), ("奈拉", "NGN", 1), ("卢比", "INR", 1), ("泰铢", "THB", 1),
        ("新加坡元", "SGD", 1), ("澳门元", "MOP", 1), ("比特币", "XBT", 1), ("日本銭", "JPY", 0.01),
    ]

    private init() {
        var seen: Set<String> = []
        func add(_ text: String, _ category: MeasureWords.Category, _ currency: String? = nil, _ scale: Double = 1) {
            guard !seen.contains(text) else { return }
            seen.insert(text)
            trie.insert(text.unicodeScalars.map(\.value), entry: Int32(units.count))
            units.append(Unit(text: text, category: category, currency: currency, scale: scale))
        }
        for (text, code, scale) in Self.currencies { add(text, .money, code, scale) }
        for (text, category) in MeasureWords.otherUnits where category != .money { add(text, category) }
        for text in MeasureWords.countUnits { add(text, .count) }
    }

    /// The longest unit starting at `position`.
    func unit(in s: [UInt32], at position: Int) -> (unit: Unit, end: Int)? {
        var best: (Unit, Int)?
        var shorter: (Unit, Int)?
        s.withUnsafeBufferPointer { buffer in
            trie.forEachMatch(in: buffer, from: position, limit: buffer.count) { length, entry in
                shorter = best
                best = (units[Int(entry)], position + length)
            }
        }
        // 6家乡镇卫生院: 家|乡镇, not 家乡 (hometown), when 镇 follows.
        if let (unit, end) = best, unit.category == .notAMeasure, end < s.count,
           let followers = Self.readingsUndoneBefore[unit.text], followers.contains(s[end]) {
            return shorter
        }
        return best
    }

    /// Words that are no measure (家乡) unless the character after them shows the split (家|乡镇).
    static let readingsUndoneBefore: [String: Set<UInt32>] = ["家乡": [0x9547]]   // 镇
}
