/// A heading or list marker at the start of a line: 一、 (一) 第一， 1、 1. 1.1 (1) ① - 1、
struct HeadingMarker: Sendable, Equatable {
    var style: MarkerStyle
    /// Where the marker starts (after a fused page number or a list dash), normalized offsets.
    var start: Int
    /// First character of the title after the marker and its separators.
    var titleStart: Int
    /// The marker's number (一 → 1, (3) → 3, 2.1 → 1), when it has one.
    var ordinal: Int
}

enum HeadingMarkers {
    static let part = scalars("部分")
    static let dun: UInt32 = 0x3001        // 、
    static let di: UInt32 = 0x7B2C         // 第
    static let shi: UInt32 = 0x662F        // 是
    static let box: UInt32 = 0x25A1        // □
    static let dot: UInt32 = 0x2E
    static let comma: UInt32 = 0x2C
    static let colon: UInt32 = 0x3A
    static let open: UInt32 = 0x28
    static let close: UInt32 = 0x29
    static let space: UInt32 = 0x20
    static let dash: UInt32 = 0x2D

    /// Recognizes a marker at the start of `line` (normalized scalars). `original` gives the
    /// original character at a normalized offset (for ①, which NFKC folds to a digit).
    static func recognize(_ s: [UInt32], _ line: Range<Int>, original: (Int) -> UInt32) -> HeadingMarker? {
        var i = line.lowerBound
        let end = line.upperBound
        guard i < end else { return nil }

        // A list dash: "- 1、…"
        var dashed = false
        if s[i] == dash, i + 1 < end, s[i + 1] == space || NumeralCharacters.isASCIIDigit(s[i + 1]) {
            var j = i + 1
            while j < end, s[j] == space { j += 1 }
            if j < end, NumeralCharacters.isASCIIDigit(s[j]) {
                dashed = true
                i = j
            }
        }

        // ① … ⑳ (folded to digits by NFKC; recognized from the original character)
        let first = original(i)
        if first >= 0x2460 && first <= 0x2473 {
            var j = i
            while j < end, original(j) == first { j += 1 }
            return HeadingMarker(style: .circled, start: i, titleStart: skipSeparators(s, j, end), ordinal: Int(first - 0x2460) + 1)
        }

        if NumeralCharacters.isASCIIDigit(s[i]) {
            if let marker = arabic(s, i, end) {
                if dashed && marker.style == .arabic {
                    return HeadingMarker(style: .dashList, start: line.lowerBound, titleStart: marker.titleStart, ordinal: marker.ordinal)
                }
                return marker
            }
            // A page number fused in front of a Chinese marker: "4三、…", "12（二）…"
            if !dashed {
                var j = i
                while j < end, j - i < 3, NumeralCharacters.isASCIIDigit(s[j]) { j += 1 }
                if let marker = chinese(s, j, end) { return marker }
                if j < end, s[j] == open, let marker = bracketed(s, j, end), marker.style == .bracketedChinese { return marker }
            }
            return nil
        }
        if dashed { return nil }
        if s[i] == open { return bracketed(s, i, end) }
        if s[i] == di { return ordinal(s, i, end) }
        return chinese(s, i, end)
    }

    /// 一、 二、 十一、 (also 一. and 一．)
    static func chinese(_ s: [UInt32], _ start: Int, _ end: Int) -> HeadingMarker? {
        var j = start
        while j < end, j - start < 3, isSmallChineseNumeral(s[j]) { j += 1 }
        guard j > start, j < end, let value = chineseValue(s, start, j) else { return nil }
        let separator = s[j]
        if separator == dun || (separator == dot && !(j + 1 < end && NumeralCharacters.isASCIIDigit(s[j + 1]))) {
            // 一、二级医院 reads as a list of levels, not a heading.
            if separator == dun, j + 1 < end, isSmallChineseNumeral(s[j + 1]) { return nil }
            return HeadingMarker(style: .chineseEnumeration, start: start, titleStart: skipSeparators(s, j + 1, end), ordinal: value)
        }
        return nil
    }

    /// (一) (十二) (1) (12)
    static func bracketed(_ s: [UInt32], _ start: Int, _ end: Int) -> HeadingMarker? {
        var j = start + 1
        while j < end, s[j] == space { j += 1 }
        let numberStart = j
        if j < end, NumeralCharacters.isASCIIDigit(s[j]) {
            while j < end, j - numberStart < 3, NumeralCharacters.isASCIIDigit(s[j]) { j += 1 }
            guard j < end, s[j] == close else { return nil }
            let value = decimalValue(s, numberStart, j)
            return HeadingMarker(style: .bracketedArabic, start: start, titleStart: skipSeparators(s, j + 1, end), ordinal: value)
        }
        while j < end, j - numberStart < 3, isSmallChineseNumeral(s[j]) { j += 1 }
        guard j > numberStart, j < end, s[j] == close, let value = chineseValue(s, numberStart, j) else { return nil }
        return HeadingMarker(style: .bracketedChinese, start: start, titleStart: skipSeparators(s, j + 1, end), ordinal: value)
    }

    /// 第一、 第三, 第四: (ordinals), 第二部分 第三章 (parts)
    static func ordinal(_ s: [UInt32], _ start: Int, _ end: Int) -> HeadingMarker? {
        var j = start + 1
        while j < end, j - start < 4, isSmallChineseNumeral(s[j]) { j += 1 }
        guard j > start + 1, j < end, let value = chineseValue(s, start + 1, j) else { return nil }
        let next = s[j]
        if next == dun || next == comma || next == colon || next == dot || next == space {
            return HeadingMarker(style: .chineseOrdinal, start: start, titleStart: skipSeparators(s, j + 1, end), ordinal: value)
        }
        // 第一部分 / 第二章, perhaps with a colon (第一部分：基本情况)
        if s.hasPrefix(Self.part, at: j) || next == 0x7AE0 {
            var titleStart = skipSeparators(s, next == 0x7AE0 ? j + 1 : j + 2, end)
            if titleStart < end, s[titleStart] == colon { titleStart = skipSeparators(s, titleStart + 1, end) }
            return HeadingMarker(style: .part, start: start, titleStart: titleStart, ordinal: value)
        }
        return nil
    }

    /// 1、 1. 1． 1□ 1) 1.1 2.3.1 (a deeper family), not decimals (1.5万) and not dates (2009年).
    static func arabic(_ s: [UInt32], _ start: Int, _ end: Int) -> HeadingMarker? {
        var j = start
        while j < end, NumeralCharacters.isASCIIDigit(s[j]) { j += 1 }
        guard j - start <= 2, j < end else { return nil }
        let value = decimalValue(s, start, j)
        let separator = s[j]
        if separator == dun || separator == box {
            return HeadingMarker(style: .arabic, start: start, titleStart: skipSeparators(s, j + 1, end), ordinal: value)
        }
        if separator == close {
            return HeadingMarker(style: .bracketedArabic, start: start, titleStart: skipSeparators(s, j + 1, end), ordinal: value)
        }
        guard separator == dot else { return nil }
        // 1.2010年以来… is "1." followed by a year.
        var k = j + 1
        while k < end, NumeralCharacters.isASCIIDigit(s[k]) { k += 1 }
        let fractionDigits = k - (j + 1)
        if fractionDigits == 0 {
            return HeadingMarker(style: .arabic, start: start, titleStart: skipSeparators(s, j + 1, end), ordinal: value)
        }
        if fractionDigits == 4, k < end, s[k] == NumberTokenScanner.year {
            return HeadingMarker(style: .arabic, start: start, titleStart: j + 1, ordinal: value)
        }
        guard fractionDigits <= 2 else { return nil }
        // 1.1 / 2.3.1: further levels, then a space or a title that is not a unit of a number.
        var last = decimalValue(s, j + 1, k)
        var style = MarkerStyle.decimal
        while k + 1 < end, s[k] == dot, NumeralCharacters.isASCIIDigit(s[k + 1]) {
            var m = k + 1
            while m < end, NumeralCharacters.isASCIIDigit(s[m]) { m += 1 }
            guard m - (k + 1) <= 2 else { return nil }
            last = decimalValue(s, k + 1, m)
            k = m
            style = .deepDecimal
        }
        guard k < end else { return nil }
        let next = s[k]
        if next == space || next == dun {
            return HeadingMarker(style: style, start: start, titleStart: skipSeparators(s, k, end), ordinal: last)
        }
        if CharacterClass.of(next) == .han && !isNumberSuffix(next) {
            return HeadingMarker(style: style, start: start, titleStart: k, ordinal: last)
        }
        return nil
    }

    /// Characters that, right after a decimal number, make it a quantity (1.5万, 2.1倍, 3.5米).
    static func isNumberSuffix(_ c: UInt32) -> Bool {
        if NumeralCharacters.largeUnit(c) > 0 || NumeralCharacters.smallUnit(c) > 0 { return true }
        switch c {
        case 0x5143, 0x500D, 0x7C73, 0x5E74, 0x6708, 0x65E5, 0x4EBA, 0x540D, 0x4E2A, 0x591A, 0x4F59, 0x5428, 0x4EA9,
             0x5206, 0x70B9, 0x5C81, 0x516C, 0x5E73:
            return true   // 元 倍 米 年 月 日 人 名 个 多 余 吨 亩 分 点 岁 公 平
        default:
            return false
        }
    }

    static func skipSeparators(_ s: [UInt32], _ start: Int, _ end: Int) -> Int {
        var j = start
        while j < end, s[j] == space || s[j] == dun || s[j] == dot || s[j] == 0x3000 { j += 1 }
        return j
    }

    @inline(__always)
    static func isSmallChineseNumeral(_ c: UInt32) -> Bool {
        let digit = NumeralCharacters.digitValue(c)
        return (digit >= 1 && c != 0x4E24 && c != 0x5169 && !NumeralCharacters.isFinancialDigit(c)) || c == 0x5341
    }

    /// 一…九十九 written with 一二三…九十.
    static func chineseValue(_ s: [UInt32], _ start: Int, _ end: Int) -> Int? {
        var total = 0
        var current = -1
        for index in start..<end {
            let c = s[index]
            if c == 0x5341 {
                total += (current < 0 ? 1 : current) * 10
                current = -1
            } else {
                let digit = NumeralCharacters.digitValue(c)
                guard digit > 0, current < 0 else { return nil }
                current = digit
            }
        }
        if current > 0 { total += current }
        return total > 0 ? total : nil
    }

    static func decimalValue(_ s: [UInt32], _ start: Int, _ end: Int) -> Int {
        var total = 0
        for index in start..<end { total = total * 10 + Int(s[index] - 0x30) }
        return total
    }
}
