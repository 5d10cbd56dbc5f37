/// `placeholder`: blanks left from a template: 20xx / 201x / 200× / 20__ years, xx / ×× / ** /
/// __ standing for names and figures (xx医院, ××县, 组长:***, xx0名), `□` (a blank or lost
/// punctuation), an empty document-number year (〔〕6号), and a date to fill in (  年  月  日).
///
/// Not placeholders: x, * and _ inside Latin words, code and URLs (xxl, file_name); a single ×
/// or * between numbers (3×4, 2*5); markdown emphasis (**重点工作**); 〇/○ as a zero in 二〇〇八年.
public struct PlaceholderRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "placeholder", defaultSeverity: .error,
        summary: "A template placeholder was left in the text (20xx, xx, ××, **, __, □)",
        description: "模板占位符未替换：20xx、201x、200×、20__等年份，xx、××、**、__等代替名称或数字的符号，□，空的文号年份〔〕，待填写的“年 月 日”")

    public init() {}

    enum Family {
        case cross      // x X × ╳
        case star       // *
        case underline  // _
        case circle     // ○ ◯
        case box        // □
    }

    static func family(_ c: UInt32) -> Family? {
        switch c {
        case 0x78, 0x58, 0xD7, 0x2573: return .cross
        case 0x2A: return .star
        case 0x5F: return .underline
        case 0x25CB, 0x25EF: return .circle
        case 0x25A1: return .box
        default: return nil
        }
    }

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        var findings: [Finding] = []
        var i = 0
        while i < s.count {
            guard let family = Self.family(s[i]) else {
                if let blank = emptyDocumentYear(at: i, s: s) ?? blankDate(at: i, s: s) {
                    if !context.isBoilerplate(i) {
                        findings.append(Finding(range: context.original(blank.range), message: blank.message))
                    }
                    i = blank.range.upperBound
                    continue
                }
                i += 1
                continue
            }
            var end = i
            while end < s.count, Self.family(s[end]) == family { end += 1 }
            defer { i = max(end, i + 1) }
            guard !context.isBoilerplate(i), let finding = judge(i..<end, family: family, s: s, context: context) else { continue }
            findings.append(finding)
            end = max(end, context.normalized(finding.range).upperBound)
        }
        return findings
    }

    func judge(_ run: Range<Int>, family: Family, s: [UInt32], context: ValidationContext) -> Finding? {
        if family != .box, isInLink(run, s: s) { return nil }
        let before: UInt32 = run.lowerBound > 0 ? s[run.lowerBound - 1] : 0x20
        let after: UInt32 = run.upperBound < s.count ? s[run.upperBound] : 0x20
        let isLatin = { (c: UInt32) in CharacterClass.of(c) == .latin }
        let length = run.count
        switch family {
        case .box:
            // □ next to a masked value is part of it (□20xx年, □xx0名).
            var end = run.upperBound
            var masked = false
            var k = end
            while k < s.count, NumeralCharacters.isASCIIDigit(s[k]) { k += 1 }
            if k < s.count, Self.family(s[k]) == .cross || Self.family(s[k]) == .underline {
                while k < s.count, Self.family(s[k]) == .cross || Self.family(s[k]) == .underline || NumeralCharacters.isASCIIDigit(s[k]) { k += 1 }
                if !isLatin(k < s.count ? s[k] : 0x20) { end = k; masked = true }
            }
            let text = context.text(run.lowerBound..<end)
            let message = masked ? "模板占位符未替换：“\(text)”（名称或数字待填写）"
                : "“\(text)”：未填写的内容或丢失的标点"
            return Finding(range: context.original(run.lowerBound..<end), message: message)
        case .cross:
            if isLatin(before) || isLatin(after) { return nil }
            let year = yearMask(run, s: s)
            if year == nil {
                // One × or x: only before 年/月/日/号 or a digit-masked figure (x月x日); never 3×4.
                if length == 1 {
                    guard !NumeralCharacters.isASCIIDigit(before) else { return nil }
                    guard [0x5E74, 0x6708, 0x65E5, 0x53F7].contains(after) else { return nil }
                }
                // ×× between digits is a product of a formula, not a blank.
                if NumeralCharacters.isASCIIDigit(before) && NumeralCharacters.isASCIIDigit(after) && s[run.lowerBound] == 0xD7 { return nil }
            }
            let range = year ?? extendDigits(run, s: s)
            let text = context.text(range)
            // xx年 / xxx年 alone is a year too, unless a length of time follows (x年多, xx年来).
            let afterRange: UInt32 = range.upperBound + 1 < s.count ? s[range.upperBound + 1] : 0x20
            let maskedYear = year != nil || (range == run && length >= 2 && after == 0x5E74 && !"来多内间半".unicodeScalars.contains { $0.value == afterRange })
            let message = maskedYear ? "模板占位符未替换：年份“\(text)”" : "模板占位符未替换：“\(text)”（名称或数字待填写）"
            return Finding(range: context.original(range), message: message)
        case .star:
            guard length >= 2, !isLatin(before), !isLatin(after) else { return nil }
            if NumeralCharacters.isASCIIDigit(before) || NumeralCharacters.isASCIIDigit(after) { return nil }   // 2**3
            if isMarkdownEmphasis(run, s: s) { return nil }
            return Finding(range: context.original(run), message: "模板占位符未替换：“\(context.text(run))”（名称或数字待填写）")
        case .underline:
            if isLatin(before) || isLatin(after) { return nil }
            if length == 1 {
                // _委发: one underscore next to Chinese text.
                guard TextScan.isHan(before) || TextScan.isHan(after) else { return nil }
                if NumeralCharacters.isASCIIDigit(before) || NumeralCharacters.isASCIIDigit(after) { return nil }
            }
            let year = yearMask(run, s: s)
            let range = year ?? run
            let text = context.text(range)
            let message = year != nil ? "模板占位符未替换：年份“\(text)”" : "模板占位符未替换：“\(text)”（名称或数字待填写）"
            return Finding(range: context.original(range), message: message)
        case .circle:
            // ○ is often 〇 in a date (二○一二年, 二○○八年).
            guard length >= 2 else { return nil }
            if NumeralCharacters.isChineseNumeral(before) || NumeralCharacters.isChineseNumeral(after)
                || NumeralCharacters.isASCIIDigit(before) || NumeralCharacters.isASCIIDigit(after) || after == 0x5E74 { return nil }
            return Finding(range: context.original(run), message: "模板占位符未替换：“\(context.text(run))”（名称待填写）")
        }
    }

    /// Inside a web address or an e-mail address (www.xx.com, http://…/a_b, xx@example.cn).
    func isInLink(_ run: Range<Int>, s: [UInt32]) -> Bool {
        func isLinkCharacter(_ c: UInt32) -> Bool {
            (c >= 0x21 && c < 0x7F) && c != 0x28 && c != 0x29 && c != 0x2C && c != 0x3B
        }
        var start = run.lowerBound
        while start > 0, isLinkCharacter(s[start - 1]) { start -= 1 }
        var end = run.upperBound
        while end < s.count, isLinkCharacter(s[end]) { end += 1 }
        let token = String(scalarValues: s[start..<end]).lowercased()
        return token.contains("://") || token.contains("www.") || token.contains("@")
            || [".com", ".cn", ".net", ".org", ".gov", ".edu", ".html", ".htm"].contains { token.contains($0) }
    }

    /// 20xx, 201x, 200×, 20__ (four places, at least two digits), followed by 年 or a range.
    func yearMask(_ run: Range<Int>, s: [UInt32]) -> Range<Int>? {
        var start = run.lowerBound
        while start > 0, run.lowerBound - start < 3, NumeralCharacters.isASCIIDigit(s[start - 1]) { start -= 1 }
        let digits = run.lowerBound - start
        guard digits >= 2, digits + run.count == 4 else { return nil }
        guard start == 0 || !NumeralCharacters.isASCIIDigit(s[start - 1]) else { return nil }
        let prefix = (start..<(start + 2)).reduce(0) { $0 * 10 + Int(s[$1] - 0x30) }
        guard prefix == 19 || prefix == 20 else { return nil }
        // A year when 年, a range, a 学年 or a document-number bracket goes with it; 20xx余口 is a figure.
        let after: UInt32 = run.upperBound < s.count ? s[run.upperBound] : 0x20
        let before: UInt32 = start > 0 ? s[start - 1] : 0x20
        let yearFollowers: Set<UInt32> = [0x5E74, 0x2D, 0x2014, 0x2013, 0x7E, 0x81F3, 0x5230, 0x5C4A, 0x5E74]   // 年 - — – ~ 至 到 届
        let brackets: Set<UInt32> = [0x3014, 0x5B, 0x3010, 0x28]   // 〔 [ 【 (
        guard yearFollowers.contains(after) || brackets.contains(before) || s.hasPrefix("学年".scalarArray, at: run.upperBound) else { return nil }
        return start..<run.upperBound
    }

    /// xx0名: digits right after the mask belong to the masked figure.
    func extendDigits(_ run: Range<Int>, s: [UInt32]) -> Range<Int> {
        var end = run.upperBound
        while end < s.count, NumeralCharacters.isASCIIDigit(s[end]) { end += 1 }
        var start = run.lowerBound
        while start > 0, NumeralCharacters.isASCIIDigit(s[start - 1]) { start -= 1 }
        return start..<end
    }

    /// **重点工作**: a run of stars closed by the same run on the line, around real text.
    func isMarkdownEmphasis(_ run: Range<Int>, s: [UInt32]) -> Bool {
        let length = run.count
        // Runs pair up from the line's start: after an even number of runs this one can only
        // open, after an odd number only close (**、**两名同志赴**乡: the second run closes the
        // first, and the third opens nothing).
        var runsBefore = 0
        var back = run.lowerBound - 1
        while back >= 0, !TextScan.isLineBreak(s[back]) {
            if s[back] == 0x2A, back == 0 || s[back - 1] != 0x2A { runsBefore += 1 }
            back -= 1
        }
        // Opening: look for the closing run.
        var k = run.upperBound
        while runsBefore % 2 == 0, k < s.count, k - run.upperBound <= 60, !TextScan.isLineBreak(s[k]) {
            if s[k] == 0x2A {
                var end = k
                while end < s.count, s[end] == 0x2A { end += 1 }
                return end - k == length && k - run.upperBound >= 3
            }
            k += 1
        }
        // Closing: look back for the opening run.
        k = run.lowerBound - 1
        while runsBefore % 2 == 1, k >= 0, run.lowerBound - k <= 60, !TextScan.isLineBreak(s[k]) {
            if s[k] == 0x2A {
                var start = k
                while start > 0, s[start - 1] == 0x2A { start -= 1 }
                return k + 1 - start == length && run.lowerBound - (k + 1) >= 3
            }
            k -= 1
        }
        return false
    }

    /// 〔〕6号 / []6号 / 【】6号: the year of a document number left empty.
    func emptyDocumentYear(at i: Int, s: [UInt32]) -> (range: Range<Int>, message: String)? {
        let pairs: [(UInt32, UInt32)] = [(0x3014, 0x3015), (0x5B, 0x5D), (0x3010, 0x3011)]
        for (open, close) in pairs where s[i] == open {
            guard i + 1 < s.count, s[i + 1] == close else { return nil }
            var k = i + 2
            while k < s.count, NumeralCharacters.isASCIIDigit(s[k]) { k += 1 }
            guard k > i + 2, k < s.count, s[k] == 0x53F7 else { return nil }   // 号
            return (i..<(k + 1), "文号年份未填写：“\(String(scalarValues: s[i..<(k + 1)]))”")
        }
        return nil
    }

    /// 年  月  日 with blanks instead of numbers (a date to fill in).
    func blankDate(at i: Int, s: [UInt32]) -> (range: Range<Int>, message: String)? {
        guard s[i] == 0x5E74 else { return nil }   // 年
        var k = i + 1
        var spaces = 0
        while k < s.count, TextScan.isSpace(s[k]) || s[k] == 0x5F { k += 1; spaces += 1 }
        guard spaces >= 1, k < s.count, s[k] == 0x6708 else { return nil }   // 月
        k += 1
        var daySpaces = 0
        while k < s.count, TextScan.isSpace(s[k]) || s[k] == 0x5F { k += 1; daySpaces += 1 }
        guard daySpaces >= 1, k < s.count, s[k] == 0x65E5 else { return nil }   // 日
        // 20  年: a partly written year belongs to it.
        var start = i
        var back = i
        while back > 0, TextScan.isSpace(s[back - 1]) || s[back - 1] == 0x5F { back -= 1 }
        if back > 0, NumeralCharacters.isASCIIDigit(s[back - 1]) {
            start = back
            while start > 0, NumeralCharacters.isASCIIDigit(s[start - 1]) { start -= 1 }
        }
        return (start..<(k + 1), "日期未填写：“\(String(scalarValues: s[start..<(k + 1)]))”")
    }
}
