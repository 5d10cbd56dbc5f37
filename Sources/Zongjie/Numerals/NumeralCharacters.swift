/// Character facts shared by every numeral scanner: Chinese digits, multipliers, financial forms.
public enum NumeralCharacters {
    /// Value of a Chinese digit character (零〇一二两三…九, financial 壹贰…玖), or -1.
    @inline(__always)
    public static func digitValue(_ c: UInt32) -> Int {
        switch c {
        case 0x96F6, 0x3007: return 0          // 零 〇
        case 0x4E00, 0x58F9, 0x5E7A: return 1  // 一 壹 幺
        case 0x4E8C, 0x8D30, 0x8CB3, 0x4E24, 0x5169: return 2  // 二 贰 貳 两 兩
        case 0x4E09, 0x53C1, 0x53C3: return 3  // 三 叁 參
        case 0x56DB, 0x8086: return 4          // 四 肆
        case 0x4E94, 0x4F0D: return 5          // 五 伍
        case 0x516D, 0x9646, 0x9678: return 6  // 六 陆 陸
        case 0x4E03, 0x67D2: return 7          // 七 柒
        case 0x516B, 0x634C: return 8          // 八 捌
        case 0x4E5D, 0x7396: return 9          // 九 玖
        default: return -1
        }
    }

    /// Value of a small multiplier (十百千 and 拾佰仟), or 0.
    @inline(__always)
    public static func smallUnit(_ c: UInt32) -> Int {
        switch c {
        case 0x5341, 0x62FE: return 10     // 十 拾
        case 0x767E, 0x4F70: return 100    // 百 佰
        case 0x5343, 0x4EDF: return 1000   // 千 仟
        default: return 0
        }
    }

    /// Value of a large multiplier (万 亿 and traditional forms), or 0.
    @inline(__always)
    public static func largeUnit(_ c: UInt32) -> Double {
        switch c {
        case 0x4E07, 0x842C: return 10_000           // 万 萬
        case 0x4EBF, 0x5104: return 100_000_000      // 亿 億
        default: return 0
        }
    }

    /// 廿 (20) and 卅 (30).
    @inline(__always)
    public static func tensShorthand(_ c: UInt32) -> Int {
        switch c {
        case 0x5EFF: return 20
        case 0x5345: return 30
        default: return 0
        }
    }

    /// Characters that can start a numeral: ASCII digits, Chinese digits (with financial forms),
    /// 十百千 and their financial forms, 廿 卅, 几. One bit test instead of four switches.
    public static let numeralStarts: ScalarSet = {
        var values: [UInt32] = Array(0x30...0x39)
        values += scalars("零〇一二两兩倆三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖幺十拾百佰千仟廿卅几幾").map { $0 }
        return ScalarSet(values)
    }()

    /// Any character that can be part of a Chinese numeral (including 万 亿).
    public static let chineseNumeralCharacters: ScalarSet = {
        ScalarSet(scalars("零〇一二两兩倆三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖幺十拾百佰千仟廿卅万萬亿億"))
    }()

    /// Any character that can be part of a Chinese numeral.
    @inline(__always)
    public static func isChineseNumeral(_ c: UInt32) -> Bool {
        digitValue(c) >= 0 || smallUnit(c) > 0 || largeUnit(c) > 0 || tensShorthand(c) > 0
    }

    /// Financial (anti-fraud) digits, which are also ordinary words (伍 in 队伍, 陆 in 大陆).
    @inline(__always)
    public static func isFinancialDigit(_ c: UInt32) -> Bool {
        switch c {
        case 0x58F9, 0x8D30, 0x8CB3, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x9678, 0x67D2, 0x634C, 0x7396,
             0x62FE, 0x4F70, 0x4EDF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    public static func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Placeholder characters that stand for a masked digit or name part: x X × ╳ _ *.
    /// (Full-width forms are folded to these before matching.)
    @inline(__always)
    public static func isMask(_ c: UInt32) -> Bool {
        switch c {
        case 0x78, 0x58, 0xD7, 0x5F, 0x2A, 0x2573:
            return true
        default:
            return false
        }
    }
}
