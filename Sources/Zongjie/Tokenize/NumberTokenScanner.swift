/// Finds the extent of number tokens for the tokenizer: Arabic numbers with their decimals,
/// thousands groups, %, 多/余 and 万/亿 (68.8, 2,350, 23.4%, 1.22亿, 5000多万), masked years (20xx年),
/// and date parts that keep their 年/月/日 (2009年, 2月, 18日), as the common segmentation
/// standards do.
enum NumberTokenScanner {
    static let year: UInt32 = 0x5E74      // 年
    static let month: UInt32 = 0x6708     // 月
    static let day: UInt32 = 0x65E5       // 日
    static let duo: UInt32 = 0x591A       // 多
    static let yu: UInt32 = 0x4F59        // 余
    static let ji: UInt32 = 0x51E0        // 几

    /// End of the Arabic number token starting at `start` (an ASCII digit).
    static func arabicEnd(_ s: UnsafeBufferPointer<UInt32>, from start: Int, limit: Int) -> Int {
        var i = start
        var digits = 0
        while i < limit, NumeralCharacters.isASCIIDigit(s[i]) { i += 1; digits += 1 }
        var integerDigits = digits
        // Thousands groups: a comma followed by exactly three digits.
        while i + 3 <= limit {
            guard i < limit, s[i] == 0x2C, i + 3 <= limit,
                  NumeralCharacters.isASCIIDigit(s[i + 1]), NumeralCharacters.isASCIIDigit(s[i + 2]),
                  NumeralCharacters.isASCIIDigit(s[i + 3]),
                  i + 4 >= limit || !NumeralCharacters.isASCIIDigit(s[i + 4]) else { break }
            i += 4
            integerDigits += 3
        }
        var isDecimal = false
        if i + 1 < limit, s[i] == 0x2E, NumeralCharacters.isASCIIDigit(s[i + 1]) {
            isDecimal = true
            i += 1
            while i < limit, NumeralCharacters.isASCIIDigit(s[i]) { i += 1 }
        }
        // Masked digits: 20xx, 201x, 20__ (then only a year may follow).
        var masked = false
        if !isDecimal, i < limit, NumeralCharacters.isMask(s[i]) {
            var j = i
            while j < limit, NumeralCharacters.isMask(s[j]) { j += 1 }
            if j < limit, s[j] == year, integerDigits + (j - i) <= 4 {
                return j + 1
            }
            masked = true
        }
        if masked { return i }
        guard i < limit else { return i }
        let next = s[i]
        if next == 0x25 || next == 0x2030 { return i + 1 }   // % ‰
        if !isDecimal {
            if next == year && (integerDigits == 4 || integerDigits == 2) && !followsDuration(s, i + 1, limit) { return i + 1 }
            if next == month && integerDigits <= 2 && (1...12).contains(value(s, start, i)) && !isMonthDuration(s, i + 1, limit) { return i + 1 }
            if next == day && integerDigits <= 2 && (1...31).contains(value(s, start, i)) { return i + 1 }
        }
        // 多/余 then 万/亿: 5000多万, 150余万, 1.5多亿; or 万/亿 then 多/余: 2万余.
        var j = i
        if j < limit, s[j] == duo || s[j] == yu, j + 1 < limit, NumeralCharacters.largeUnit(s[j + 1]) > 0 { j += 1 }
        if j < limit, NumeralCharacters.largeUnit(s[j]) > 0 {
            j += 1
            if j < limit, NumeralCharacters.largeUnit(s[j]) > 0 { j += 1 }   // 万亿
            if j < limit, s[j] == duo || s[j] == yu { j += 1 }
            return j
        }
        if i < limit, s[i] == duo || s[i] == yu { return i + 1 }
        return i
    }

    /// Value of a short run of ASCII digits.
    @inline(__always)
    static func value(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Int {
        var total = 0
        for index in start..<end { total = total * 10 + Int(s[index] - 0x30) }
        return total
    }

    /// 年 followed by 来/多/内/以来… reads as a duration (`20年来`) — not the year token.
    @inline(__always)
    static func followsDuration(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ limit: Int) -> Bool {
        guard i < limit else { return false }
        switch s[i] {
        case 0x6765, 0x591A, 0x5185, 0x534A, 0x95F4: return true   // 来 多 内 半 间
        default: return false
        }
    }

    /// 个月 never reaches here; 月 followed by 来 (`3月来`) is unusual enough to ignore.
    @inline(__always)
    static func isMonthDuration(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ limit: Int) -> Bool { false }

    /// End of a Chinese numeral token starting at `start`, or `start` when there is none.
    /// Digit-by-digit years keep their 年 (二〇一一年); numerals of 1…12 keep 月 and of 1…31 keep
    /// 日; 十几, 二十多, 两万余 stay whole; 百分之三十 is one token.
    static func chineseEnd(_ s: UnsafeBufferPointer<UInt32>, from start: Int, limit: Int) -> Int {
        var i = start
        // 百分之 + numeral
        if i + 3 < limit, s[i] == 0x767E, s[i + 1] == 0x5206, s[i + 2] == 0x4E4B {
            let end = chineseCoreEnd(s, from: i + 3, limit: limit)
            return end > i + 3 ? end : start
        }
        let coreEnd = chineseCoreEnd(s, from: i, limit: limit)
        if coreEnd == start { return start }
        i = coreEnd
        guard i < limit else { return i }
        let length = coreEnd - start
        if s[i] == year, length == 4 || length == 2, isDigitByDigit(s, start, coreEnd) { return i + 1 }
        if s[i] == month, let v = smallValue(s, start, coreEnd), (1...12).contains(v) { return i + 1 }
        if s[i] == day, let v = smallValue(s, start, coreEnd), (1...31).contains(v) { return i + 1 }
        return i
    }

    /// The numeral proper: digits, multipliers, 几/多/余 inside.
    static func chineseCoreEnd(_ s: UnsafeBufferPointer<UInt32>, from start: Int, limit: Int) -> Int {
        var i = start
        var sawNumeral = false
        while i < limit {
            let c = s[i]
            if NumeralCharacters.digitValue(c) >= 0 || NumeralCharacters.smallUnit(c) > 0
                || NumeralCharacters.largeUnit(c) > 0 || NumeralCharacters.tensShorthand(c) > 0 {
                if NumeralCharacters.isFinancialDigit(c) && !sawNumeral && !(i + 1 < limit && NumeralCharacters.isChineseNumeral(s[i + 1])) {
                    break
                }
                sawNumeral = true
                i += 1
            } else if sawNumeral, c == ji || c == duo || c == yu, i > start, NumeralCharacters.smallUnit(s[i - 1]) > 0 || NumeralCharacters.largeUnit(s[i - 1]) > 0 {
                i += 1
                // 二十多万: a multiplier may follow 多/余.
                if i < limit, NumeralCharacters.largeUnit(s[i]) > 0 { i += 1 }
            } else if !sawNumeral, c == ji, i + 1 < limit, NumeralCharacters.smallUnit(s[i + 1]) > 0 {
                i += 1   // 几十, 几百
            } else {
                break
            }
        }
        return sawNumeral ? i : start
    }

    static func isDigitByDigit(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where NumeralCharacters.digitValue(s[index]) < 0 { return false }
        return true
    }

    static func smallValue(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Int? {
        var total = 0
        var current = -1
        for index in start..<end {
            let c = s[index]
            let digit = NumeralCharacters.digitValue(c)
            if digit >= 0 {
                current = digit
            } else if NumeralCharacters.smallUnit(c) == 10 {
                total += (current < 0 ? 1 : current) * 10
                current = -1
            } else {
                return nil
            }
        }
        if current >= 0 { total += current }
        return total
    }
}
