/// `growth`: a growth claim that its own two figures contradict.
///
/// `由48人增加到271人，增长了5.6倍`: 增长了N倍 states the increase (N × the old value), so 48 → 271
/// is an increase of 4.6倍 (增长到/是原来的5.6倍). When the claim matches the ratio new/old instead
/// of the increase, the figures are right and the wording is wrong (warning, with both correct
/// wordings); when it matches neither, the claim contradicts the figures (error).
///
/// Claims: 增长(了)N倍, 增长到/为N倍, 增长(了)X%, 下降(了)X%, 提高(了)X个百分点, 翻(了)N番. Figures:
/// 由/从A…(增加|增长|提高|上升|…)(到|至|为)B in the same sentence, before or after the claim, or
/// B…比/较…A before it. Both figures must have the same unit. Precision and qualifiers (余, 多,
/// 约) widen the figures into intervals, and the claim is read with its own rounding.
public struct GrowthRule: ValidationRule {
    public let descriptor = RuleDescriptor(
        id: "growth", defaultSeverity: .warning,
        summary: "A growth claim contradicts the two figures it is based on",
        description: "增长倍数、百分比、百分点、翻番与前后两个数字不符；“增长了N倍”指增加量，新值/旧值应写作“增长到N倍”")

    public init() {}

    enum Claim: Equatable {
        /// 增长了N倍: the increase over the old value.
        case timesIncrease
        /// 增长到N倍 / 为原来的N倍: the ratio new/old.
        case timesRatio
        /// 增长了X%.
        case percentIncrease
        /// 下降了X%.
        case percentDecrease
        /// 提高了X个百分点 / 下降了X个百分点 (sign).
        case points(Double)
        /// 翻了N番: ratio 2^N.
        case doublings
        /// 是原来的X%: the ratio in percent.
        case percentRatio
    }

    struct Statement {
        var claim: Claim
        /// Normalized range of the claim text.
        var range: Range<Int>
        /// The claimed number and its interval.
        var value: Double
        var low: Double
        var high: Double
        var decimals: Int
        /// 多/以上 after the claim: at least this much.
        var atLeast: Bool
        /// The old figure when the claim names it (是上年1.2万人次的1.6倍).
        var base: Figure? = nil
    }

    /// The first characters of every claim word, to skip the rest of the text quickly.
    static let claimStarts: Set<UInt32> = Set((rateNouns + fallRateNouns + ratioPhrases + riseVerbs + fallVerbs).compactMap(\.first)
                                              + [0x7FFB, 0x662F])   // 翻 是
    static let above = "以上".scalarArray
    static let points = "个百分点".scalarArray
    static let shortPoints = "百分点".scalarArray
    static let claimLeads = ["近", "约", "超过", "达"].map { ($0, $0.scalarArray) }
    static let rateNouns = ["增幅", "增长率", "增速", "增长幅度"].map(\.scalarArray)
    static let fallRateNouns = ["降幅", "减幅", "下降幅度", "降低幅度", "下降率"].map(\.scalarArray)
    /// A rate noun says which way the percentage after it goes.
    static let rateNounClaims: [([[UInt32]], Claim)] = [(rateNouns, .percentIncrease), (fallRateNouns, .percentDecrease)]
    static let rateLinks = ["达到了", "达到", "达", "为", "是", "高达", "约为", "超过"].map(\.scalarArray)
    static let ratioPhrases = ["是原来的", "为原来的", "相当于原来的", "达到原来的", "是过去的", "是以前的"].map(\.scalarArray)

    /// `是(上年|三年前)A的N倍`: the figure A right before 的 within twelve characters of 是, then a
    /// ratio in 倍 or %.
    func ratioToNamedBase(at i: Int, s: [UInt32]) -> Statement? {
        let reader = FigureReader()
        var de = i + 1
        while de < s.count, de - i <= 14, s[de] != 0x7684, !TextScan.isSeparator(s[de]), !TextScan.isSentenceEnd(s[de]) { de += 1 }
        guard de < s.count, s[de] == 0x7684, de > i + 1 else { return nil }   // 的
        guard let base = reader.figure(endingAt: de, from: i + 1, in: s), base.kind != .other,
              var statement = number(at: de + 1, from: i, s: s) else { return nil }
        switch statement.claim {
        case .timesIncrease: statement.claim = .timesRatio
        case .percentIncrease: statement.claim = .percentRatio
        default: return nil
        }
        statement.base = base
        return statement
    }

    /// A number and its unit (倍 or %) at `j`, as a rising claim starting at `i`.
    func number(at j: Int, from i: Int, s: [UInt32]) -> Statement? {
        guard j < s.count, let match = NumeralParser().parse(s, at: j), !match.isFraction else { return nil }
        var end = match.range.upperBound
        let kind: Claim
        if end < s.count, s[end] == 0x500D { kind = .timesIncrease; end += 1 }
        else if end < s.count, s[end] == 0x25 { kind = .percentIncrease; end += 1 }
        else { return nil }
        var atLeast = match.more
        if end < s.count, s[end] == 0x591A { atLeast = true; end += 1 }
        if s.hasPrefix(Self.above, at: end) { atLeast = true; end += 2 }
        let precision = FigureReader.precision(s, match.range)
        let rounding = Self.claimRounding(precision.decimals, times: kind == .timesIncrease)
        return Statement(claim: kind, range: i..<end, value: match.value, low: match.value - rounding,
                         high: atLeast ? .infinity : match.value + rounding, decimals: precision.decimals, atLeast: atLeast)
    }

    /// How far a written claim may be from the figures' value. A whole number of 倍 stands for the
    /// ratio rounded to within a quarter (增长到3倍 for 2.5 should say 2.5倍); a whole percentage
    /// and a decimal for their last digit's half.
    static func claimRounding(_ decimals: Int, times: Bool) -> Double {
        if decimals > 0 { return FigureReader.power10(-decimals) / 2 }
        return times ? 0.25 : 0.5
    }

    static let riseVerbs = ["增长", "增加", "提高", "提升", "上升", "扩大", "增"].map(\.scalarArray)
    static let fallVerbs = ["下降", "减少", "降低", "缩小", "缩减", "回落"].map(\.scalarArray)
    /// Verbs that take the figures from A to B (followed by 到/至/为).
    static let changeVerbs = ["增加", "增长", "提高", "提升", "上升", "扩大", "扩增", "发展", "跃升", "攀升", "猛增", "增",
                              "下降", "减少", "降低", "降", "减", "回落", "缩小", "扩展", "扩建", "翻番", "升"].map(\.scalarArray)
    static let toWords = ["到", "至", "为"].map(\.scalarArray)
    static let ratioBase = ["原来的", "原先的", "过去的", "以前的"].map(\.scalarArray)

    public func check(_ context: ValidationContext) -> [Finding] {
        let s = context.s
        var findings: [Finding] = []
        var i = 0
        while i < s.count {
            guard Self.claimStarts.contains(s[i]), !context.isBoilerplate(i), let statement = claim(at: i, s: s) else { i += 1; continue }
            i = statement.range.upperBound
            guard let (from, to, pair, span) = figures(for: statement, s: s) else { continue }
            if let finding = judge(statement, from: from, to: to, pair: pair, span: span, context: context) {
                findings.append(finding)
            }
        }
        return findings
    }

    // MARK: Claims

    /// A growth claim starting at `i`.
    func claim(at i: Int, s: [UInt32]) -> Statement? {
        // 增幅为X% / 增长率达X% / 降幅达28% / 是原来的N倍: the claim words are nouns or a comparison.
        for (nouns, claim) in Self.rateNounClaims {
            guard let word = TextScan.word(s, nouns, at: i) else { continue }
            var j = i + word.count
            if let link = TextScan.word(s, Self.rateLinks, at: j) { j += link.count }
            guard var statement = number(at: j, from: i, s: s), case .percentIncrease = statement.claim else { return nil }
            statement.claim = claim
            return statement
        }
        // 是上年1.2万人次的1.6倍: a ratio to an old figure named in the claim.
        if s[i] == 0x662F, let statement = ratioToNamedBase(at: i, s: s) { return statement }
        if let word = TextScan.word(s, Self.ratioPhrases, at: i) {
            guard var statement = number(at: i + word.count, from: i, s: s) else { return nil }
            switch statement.claim {
            case .timesIncrease: statement.claim = .timesRatio
            case .percentIncrease: statement.claim = .percentRatio
            default: return nil
            }
            return statement
        }
        // 翻(了)N番
        if s[i] == 0x7FFB {   // 翻
            var j = i + 1
            if j < s.count, s[j] == 0x4E86 { j += 1 }   // 了
            var times = 1.0
            if j < s.count, s[j] == 0x756A {   // 翻番
                return Statement(claim: .doublings, range: i..<(j + 1), value: 1, low: 1, high: 1, decimals: 0, atLeast: false)
            }
            guard let match = NumeralParser().parse(s, at: j), match.range.upperBound < s.count, s[match.range.upperBound] == 0x756A else { return nil }
            times = match.value
            var end = match.range.upperBound + 1
            var atLeast = false
            if end < s.count, s[end] == 0x591A { atLeast = true; end += 1 }   // 多
            return Statement(claim: .doublings, range: i..<end, value: times, low: times, high: times, decimals: 0, atLeast: atLeast)
        }
        let rising: Bool
        var j: Int
        if let verb = Self.riseVerbs.first(where: { s.hasPrefix($0, at: i) }) {
            rising = true
            j = i + verb.count
        } else if let verb = Self.fallVerbs.first(where: { s.hasPrefix($0, at: i) }) {
            rising = false
            j = i + verb.count
        } else {
            return nil
        }
        // 增 alone only before 了/长-less forms such as 增了2倍 is too rare to trust.
        if j - i == 1 { return nil }
        var ratio = false
        if j < s.count, s[j] == 0x4E86 { j += 1 }   // 了
        else if let to = Self.toWords.first(where: { s.hasPrefix($0, at: j) }) {
            // 增长到N倍 / 增长为原来的N倍: a ratio, but 增长到B (a figure) is not a claim.
            var k = j + to.count
            if let base = Self.ratioBase.first(where: { s.hasPrefix($0, at: k) }) { k += base.count }
            guard let match = NumeralParser().parse(s, at: k), match.range.upperBound < s.count, s[match.range.upperBound] == 0x500D else { return nil }
            ratio = true
            j = k
        }
        // 近/约/超过 before the number.
        var lead = ""
        for (word, scalars) in Self.claimLeads where s.hasPrefix(scalars, at: j) {
            lead = word
            j += scalars.count
            break
        }
        // (六成 reads as a fraction, 0.6: tenths are a percentage here.)
        guard j < s.count, let match = NumeralParser().parse(s, at: j),
              !match.isFraction || s[match.range.upperBound - 1] == 0x6210 else { return nil }
        var end = match.range.upperBound
        var atLeast = match.more
        var value = match.isFraction ? match.value * 100 : match.value
        var precision = FigureReader.precision(s, match.range)
        var tenths = false
        let kind: Claim
        if end < s.count, s[end] == 0x500D {   // 倍
            guard rising else { return nil }   // 下降N倍 is not a well-formed claim
            kind = ratio ? .timesRatio : .timesIncrease
            end += 1
            // 一倍半: and a half.
            if end < s.count, s[end] == 0x534A {
                value += 0.5
                precision.decimals = max(precision.decimals, 1)
                end += 1
            }
        } else if !ratio, end < s.count && s[end] == 0x6210 || s[end - 1] == 0x6210 {   // 六成: tenths
            kind = rising ? .percentIncrease : .percentDecrease
            // (A fraction is already in percent; a whole 六 is six tenths.)
            if match.isFraction {
                tenths = true
            } else if value < 10 {
                value *= 10
                tenths = true
            }
            if s[end] == 0x6210 { end += 1 }
        } else if end < s.count, s[end] == 0x25 {
            guard !ratio else { return nil }
            kind = rising ? .percentIncrease : .percentDecrease
            end += 1
        } else if s.hasPrefix(Self.points, at: end) || s.hasPrefix(Self.shortPoints, at: end) {
            guard !ratio else { return nil }
            kind = .points(rising ? 1 : -1)
            end += s.hasPrefix(Self.points, at: end) ? 4 : 3
        } else {
            return nil
        }
        if end < s.count, s[end] == 0x591A { atLeast = true; end += 1 }   // 多
        if s.hasPrefix(Self.above, at: end) { atLeast = true; end += 2 }
        if lead == "超过" { atLeast = true }
        // 六成: within a quarter of a tenth.
        let rounding = tenths ? 2.5 : Self.claimRounding(precision.decimals, times: kind == .timesIncrease || kind == .timesRatio)
        var low = value - rounding
        var high = value + rounding
        if lead == "近" { low = value * 0.9 }
        if lead == "约" { low = min(low, value * 0.95); high = max(high, value * 1.05) }
        if atLeast { high = .infinity }
        return Statement(claim: kind, range: i..<end, value: value, low: low, high: high,
                         decimals: precision.decimals, atLeast: atLeast)
    }

    // MARK: Figures

    /// The two figures a claim is about: 由A…到B before or after it in the same sentence, or
    /// B，比…A before it.
    func figures(for statement: Statement, s: [UInt32]) -> (Figure, Figure, Range<Int>, Range<Int>)? {
        let sentenceStart = TextScan.sentenceStart(s, before: statement.range.lowerBound)
        let sentenceEnd = TextScan.sentenceEnd(s, from: statement.range.upperBound)
        // B，是上年A的N倍: B is the figure that ends the clause before the claim.
        if let a = statement.base {
            guard let b = figureEndingClause(before: statement.range.lowerBound, s: s, floor: sentenceStart),
                  b.kind == a.kind, b.unit == a.unit, a.value > 0 else { return nil }
            return (a, b, b.range.lowerBound..<a.range.upperBound, b.range.lowerBound..<statement.range.upperBound)
        }
        // Before the claim, nearest first: 由A增加到B，增长了N倍. B ends the clause before the
        // claim (or the claim follows it at once).
        var k = statement.range.lowerBound - 1
        while k >= sentenceStart, s[k] != TextScan.semicolon {
            if let pair = fromTo(endingBefore: statement.range.lowerBound, toWordAt: k, s: s, floor: sentenceStart) {
                // Only punctuation and linking words between: 门诊量由2万增加到3万，业务收入增长了20%
                // is another quantity's claim.
                let between = pair.2.upperBound..<statement.range.lowerBound
                let separators = between.filter { TextScan.isSeparator(s[$0]) }.count
                // (A clause stating the change itself may stand between: ，净增1300人次，.)
                let net = netChange(in: between, s: s)
                guard between.count <= (net ? 24 : 10), separators <= (net ? 2 : 1), isLink(between, s: s) else { return nil }
                return (pair.0, pair.1, pair.2, pair.2.lowerBound..<statement.range.upperBound)
            }
            k -= 1
        }
        // After the claim: 增长了N倍，由A增加到B.
        k = statement.range.upperBound
        while k < sentenceEnd, TextScan.isSeparator(s[k]) || TextScan.isSpace(s[k]), s[k] != TextScan.semicolon { k += 1 }
        if k < sentenceEnd, s[k] == 0x7531 || s[k] == 0x4ECE {   // 由 从
            var m = k + 1
            while m < sentenceEnd, s[m] != TextScan.semicolon {
                if let pair = fromTo(endingBefore: sentenceEnd, toWordAt: m, s: s, floor: k) {
                    return (pair.0, pair.1, pair.2, statement.range.lowerBound..<pair.2.upperBound)
                }
                m += 1
            }
        }
        // B，比/较(上年|去年|…的)A增长X%.
        if let (a, b, range) = comparison(before: statement, s: s, floor: sentenceStart) {
            return (a, b, range.lowerBound..<a.range.upperBound, range)
        }
        // B，上年同期为A，同比增长X%.
        if let (a, b) = previousPeriodClause(before: statement, s: s, floor: sentenceStart) {
            return (a, b, b.range.lowerBound..<a.range.upperBound, b.range.lowerBound..<statement.range.upperBound)
        }
        return nil
    }

    static let previousPeriods = ["上年同期", "去年同期", "上年", "去年", "同期", "上一年", "前一年"].map(\.scalarArray)
    static let netWords = ["净增加", "净减少", "净增", "净减", "增加了", "减少了", "多了", "少了"].map(\.scalarArray)

    /// The figure that ends the clause right before `position` (…完成手术546台，|是上年…).
    func figureEndingClause(before position: Int, s: [UInt32], floor: Int) -> Figure? {
        var end = position
        while end > floor, TextScan.isSeparator(s[end - 1]) || TextScan.isSpace(s[end - 1]) { end -= 1 }
        guard end < position else { return nil }
        let start = TextScan.clauseStart(s, before: end, floor: floor)
        guard let figure = FigureReader().figure(endingAt: end, from: start, in: s), figure.kind != .other else { return nil }
        return figure
    }

    /// `，净增1300人次，`: a clause that states the change between the figures and the claim.
    func netChange(in range: Range<Int>, s: [UInt32]) -> Bool {
        range.contains { netChangeEnd(at: $0, limit: range.upperBound, s: s) != nil }
    }

    /// The end of a net-change word and its figure (净增1300人次) at `k`, if one stands there.
    func netChangeEnd(at k: Int, limit: Int, s: [UInt32]) -> Int? {
        guard let word = TextScan.word(s, Self.netWords, at: k), k + word.count < limit,
              let figure = FigureReader().read(s, at: k + word.count, limit: limit) else { return nil }
        return figure.range.upperBound
    }

    /// `B，上年同期为A，同比增长X%`: the clause before the claim names the previous period and A;
    /// the clause before it ends with B.
    func previousPeriodClause(before statement: Statement, s: [UInt32], floor: Int) -> (Figure, Figure)? {
        // The claim's own clause holds only linking words before it (同比, 较上年).
        let claimClause = TextScan.clauseStart(s, before: statement.range.lowerBound, floor: floor)
        guard isLink(claimClause..<statement.range.lowerBound, s: s), claimClause > floor + 1 else { return nil }
        guard let a = figureEndingClause(before: claimClause, s: s, floor: floor) else { return nil }
        let periodClause = TextScan.clauseStart(s, before: a.range.lowerBound, floor: floor)
        guard let period = TextScan.word(s, Self.previousPeriods, at: periodClause) else { return nil }
        var k = periodClause + period.count
        if let link = TextScan.word(s, ["为", "是", "有", "达"].map(\.scalarArray), at: k) { k += link.count }
        guard k == a.range.lowerBound, periodClause > floor + 1,
              let b = figureEndingClause(before: periodClause, s: s, floor: floor),
              b.kind == a.kind, b.unit == a.unit, a.value > 0 else { return nil }
        return (a, b)
    }

    static let linkWords = ["同比", "较上年", "比上年", "比去年", "较去年", "较同期", "比同期", "累计", "总体", "整体", "实际",
                            "共", "已", "净", "即", "约", "了"].map(\.scalarArray)

    /// Nothing but punctuation, spaces and linking words (同比, 比上年, 即 …) in a range.
    func isLink(_ range: Range<Int>, s: [UInt32]) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            if TextScan.isSeparator(s[k]) || TextScan.isSpace(s[k]) || s[k] == 0x28 || s[k] == 0x29 { k += 1; continue }
            if let end = netChangeEnd(at: k, limit: range.upperBound, s: s) {
                k = end
                continue
            }
            guard let word = Self.linkWords.first(where: { k + $0.count <= range.upperBound && s.hasPrefix($0, at: k) }) else { return false }
            k += word.count
        }
        return true
    }

    /// A change verb + 到/至/为 at `k` with a figure B after it and 由/从 A before it.
    func fromTo(endingBefore limit: Int, toWordAt k: Int, s: [UInt32], floor: Int) -> (Figure, Figure, Range<Int>)? {
        guard let to = Self.toWords.first(where: { s.hasPrefix($0, at: k) }) else { return nil }
        guard let verb = Self.changeVerbs.first(where: { k - $0.count >= floor && s.hasPrefix($0, at: k - $0.count) }) else { return nil }
        let verbStart = k - verb.count
        let reader = FigureReader()
        guard let b = figure(after: k + to.count, reader: reader, s: s, limit: limit) else { return nil }
        // 由/从 before the verb, A right after it (perhaps after a year and 的).
        var m = verbStart - 1
        while m >= floor, verbStart - m <= 30 {
            if s[m] == 0x7531 || s[m] == 0x4ECE {   // 由 从
                guard let a = figure(after: m + 1, reader: reader, s: s, limit: verbStart),
                      a.range.upperBound <= verbStart else { return nil }
                guard a.kind == b.kind, a.unit == b.unit, a.value > 0 else { return nil }
                // Only a few characters (the counted noun) between A and the verb.
                guard verbStart - a.range.upperBound <= 8,
                      !(a.range.upperBound..<verbStart).contains(where: { TextScan.isSeparator(s[$0]) || TextScan.isSentenceEnd(s[$0]) }) else { return nil }
                return (a, b, m..<b.range.upperBound)
            }
            if TextScan.isSentenceEnd(s[m]) || s[m] == TextScan.semicolon { break }
            m -= 1
        }
        return nil
    }

    /// A figure at `position`, skipping a leading year or date and 的 (从2010年的48人).
    func figure(after position: Int, reader: FigureReader, s: [UInt32], limit: Int) -> Figure? {
        var k = position
        while k < limit, TextScan.isSpace(s[k]) { k += 1 }
        if let figure = reader.read(s, at: k, limit: limit), figure.kind != .other { return figure }
        // 2010年的 / 上年的 / 去年同期的: skip up to 的.
        var m = k
        while m < limit, m - k < 12, s[m] != 0x7684, !TextScan.isSeparator(s[m]), !TextScan.isSentenceEnd(s[m]) { m += 1 }
        guard m < limit, s[m] == 0x7684 else { return nil }
        guard let figure = reader.read(s, at: m + 1, limit: limit), figure.kind != .other else { return nil }
        return figure
    }

    /// `达到B，比上年的A增长X%`: B is the last figure of its unit before 比/较, A follows 比/较.
    func comparison(before statement: Statement, s: [UInt32], floor: Int) -> (Figure, Figure, Range<Int>)? {
        var k = statement.range.lowerBound - 1
        let reader = FigureReader()
        while k >= floor, statement.range.lowerBound - k <= 24 {
            if s[k] == 0x6BD4 || s[k] == 0x8F83 {   // 比 较
                guard let a = figure(after: k + 1, reader: reader, s: s, limit: statement.range.lowerBound),
                      statement.range.lowerBound - a.range.upperBound <= 2 else { return nil }
                // B: the nearest figure before 比 in the previous clause.
                var m = k - 1
                var commas = 0
                while m >= floor {
                    if TextScan.isSeparator(s[m]) { commas += 1; if commas > 1 { return nil } }
                    let continues = m > 0 && (reader.startsNumeral(s, m - 1) || s[m - 1] == 0x2E || s[m - 1] == 0x2C
                                              || NumeralCharacters.isChineseNumeral(s[m - 1]))
                    if !continues, let b = reader.read(s, at: m, limit: k), b.range.upperBound <= k, b.kind == a.kind, b.unit == a.unit {
                        guard a.value > 0 else { return nil }
                        return (a, b, m..<statement.range.upperBound)
                    }
                    m -= 1
                }
                return nil
            }
            if TextScan.isSeparator(s[k]) { return nil }
            k -= 1
        }
        return nil
    }

    // MARK: Judging

    func judge(_ statement: Statement, from a: Figure, to b: Figure, pair: Range<Int>, span: Range<Int>, context: ValidationContext) -> Finding? {
        let ratioLow = b.low / a.high
        let ratioHigh = a.low > 0 ? b.high / a.low : .infinity
        let ratio = b.value / a.value
        let claimText = context.text(statement.range)
        // (B，是上年A的N倍 names the figures in reverse order: say A→B.)
        let change = statement.base == nil ? context.text(pair) : context.text(a.range) + "→" + context.text(b.range)
        let range = context.original(span)
        func overlaps(_ low: Double, _ high: Double) -> Bool {
            high >= statement.low - 1e-9 && low <= statement.high + 1e-9
        }
        let increaseText = FigureFormat.increase(ratio - 1, decimals: statement.decimals)
        let ratioText = FigureFormat.number(ratio, decimals: max(1, statement.decimals)) + "倍"
        switch statement.claim {
        case .timesIncrease:
            if overlaps(ratioLow - 1, ratioHigh - 1) { return nil }
            if overlaps(ratioLow, ratioHigh) {
                return Finding(range: range, message: "“\(claimText)”用词不当：\(change)是原来的\(ratioText)，即增长了\(increaseText)；应写“增长了\(increaseText)”或“增长到\(ratioText)”",
                               severity: .warning)
            }
            return Finding(range: range, message: "“\(claimText)”与数字不符：\(change)增长了\(increaseText)（是原来的\(ratioText)）", severity: .error)
        case .timesRatio:
            if overlaps(ratioLow, ratioHigh) { return nil }
            if overlaps(ratioLow - 1, ratioHigh - 1) {
                return Finding(range: range, message: "“\(claimText)”用词不当：\(change)是原来的\(ratioText)，即增长了\(increaseText)；应写“增长了\(increaseText)”或“增长到\(ratioText)”",
                               severity: .warning)
            }
            return Finding(range: range, message: "“\(claimText)”与数字不符：\(change)是原来的\(ratioText)", severity: .error)
        case .percentIncrease:
            if overlaps((ratioLow - 1) * 100, (ratioHigh - 1) * 100) { return nil }
            // Two percentages: 提高了X% is often written for X percentage points.
            if a.kind == .percent, overlaps(b.low - a.high, b.high - a.low) { return nil }
            let actual = FigureFormat.number((ratio - 1) * 100, decimals: 1) + "%"
            if overlaps(ratioLow * 100, ratioHigh * 100) {
                return Finding(range: range, message: "“\(claimText)”用词不当：\(change)是原来的\(FigureFormat.number(ratio * 100, decimals: 1))%，即增长了\(actual)",
                               severity: .warning)
            }
            return Finding(range: range, message: "“\(claimText)”与数字不符：\(change)增长了\(actual)", severity: .error)
        case .percentDecrease:
            if overlaps((1 - ratioHigh) * 100, (1 - ratioLow) * 100) { return nil }
            if a.kind == .percent, overlaps(a.low - b.high, a.high - b.low) { return nil }
            let actual = FigureFormat.number((1 - ratio) * 100, decimals: 1) + "%"
            return Finding(range: range, message: "“\(claimText)”与数字不符：\(change)下降了\(actual)", severity: .error)
        case .points(let sign):
            guard a.kind == .percent else { return nil }
            let low = sign > 0 ? b.low - a.high : a.low - b.high
            let high = sign > 0 ? b.high - a.low : a.high - b.low
            if overlaps(low, high) { return nil }
            let actual = FigureFormat.number(sign > 0 ? b.value - a.value : a.value - b.value, decimals: 2)
            return Finding(range: range, message: "“\(claimText)”与数字不符：\(change)相差\(actual)个百分点", severity: .error)
        case .percentRatio:
            if overlaps(ratioLow * 100, ratioHigh * 100) { return nil }
            return Finding(range: range, message: "“\(claimText)”与数字不符：\(change)是原来的\(FigureFormat.number(ratio * 100, decimals: 1))%", severity: .error)
        case .doublings:
            let target = pow2(statement.value)
            let low = statement.atLeast ? target : target * 0.95
            let high = statement.atLeast ? Double.infinity : target * 1.05
            if ratioHigh >= low, ratioLow <= high { return nil }
            return Finding(range: range, message: "“\(claimText)”与数字不符：\(change)是原来的\(ratioText)，翻\(FigureFormat.number(statement.value))番应为\(FigureFormat.number(target))倍",
                           severity: .error)
        }
    }

    func pow2(_ n: Double) -> Double {
        var result = 1.0
        for _ in 0..<max(0, Int(n.rounded())) { result *= 2 }
        return result
    }
}
