/// Decides which lines of an article are headings, and where each heading's text ends.
///
/// A heading titles a following block: a marker + title line followed by body text, or a run-in
/// label closed by 。/：/: with body text after it on the same line. A numbered line that is one
/// sentence item is a list item. 一是…二是… and 首先/其次 are never headings.
struct HeadingDetector {
    struct Found: Equatable {
        /// Normalized range of the heading text (marker + title).
        var range: Range<Int>
        var style: MarkerStyle
        var ordinal: Int
        var line: Int
    }

    /// Longest run-in label (characters after the marker) still read as a heading.
    static let maximumRunInLabel = 30
    /// Longest run-in label after an academic decimal marker (2.1 …).
    static let maximumAcademicRunInLabel = 60
    /// Longest title-only line read as a heading.
    static let maximumTitleLine = 90
    /// Shortest paragraph that counts as body text after a short unnumbered heading.
    static let minimumBodyAfterUnnumbered = 40

    let s: [UInt32]
    let lines: [TextLine]
    let roles: [LineRole]
    let original: (Int) -> UInt32

    func detect(in lineRange: Range<Int>) -> [Found] {
        var found: [Found] = []
        var unnumberedCandidates: [Found] = []
        var numberedLines: [NumberedLists.Line] = []
        for index in lineRange where roles[index] == .content {
            let line = lines[index].content
            if let marker = HeadingMarkers.recognize(s, line, original: original) {
                var headings = isAttachmentItem(index, lineRange) ? [] : numbered(marker, index, lineRange)
                let contentEnd = trimmedEnd(line.lowerBound, line.upperBound)
                let isTitleLine = headings.last.map { $0.range.upperBound == contentEnd } ?? false
                let closing = s[line.upperBound - 1]
                // 1．巩固…成果□力争…认证；: a list item closed by ；, whose label a lost comma (□) cut
                // off; a run-in title's body is a paragraph, not a clause of an enumeration.
                if headings.count == 1, !isTitleLine, closing == 0x3B, NumberedLists.isItemStyle(marker.style) { headings = [] }
                found.append(contentsOf: headings)
                let hasTitle = marker.titleStart < line.upperBound
                let isOneSentence = isOneSentence(marker, index)
                let following = next(after: index, lineRange, style: marker.style)
                numberedLines.append(NumberedLists.Line(
                    marker: marker, line: index, isHeading: !headings.isEmpty, isTitleLine: isTitleLine,
                    isSentenceTitleLine: headings.count == 1 && isTitleLine && isOneSentence && following != .child,
                    isClosedItem: headings.isEmpty && hasTitle && (closing == 0x3002 || closing == 0x3B || closing == HeadingMarkers.comma),
                    isSemicolonItem: headings.isEmpty && hasTitle && closing == 0x3B,
                    promotion: headings.isEmpty ? promotableHeading(marker, index) : nil,
                    isSentenceClosingNoBlock: isOneSentence && following != .body && following != .child))
            } else if isBackMatter(line) {
                found.append(Found(range: line.lowerBound..<trimmedEnd(line.lowerBound, line.upperBound), style: .none, ordinal: 0, line: index))
            } else if let heading = unnumbered(index, lineRange) {
                unnumberedCandidates.append(heading)
            }
        }
        let verdict = NumberedLists.judge(numberedLines)
        if !verdict.demotedLines.isEmpty { found.removeAll { verdict.demotedLines.contains($0.line) } }
        found.append(contentsOf: verdict.promoted)
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Short unnumbered lines are headings only in articles that number none of their sections;
        // elsewhere they are page-break fragments or emphasis.
        if found.allSatisfy({ $0.style == .none }) {
            found.append(contentsOf: unnumberedCandidates)
            found.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return found
    }

    /// The title after the marker is one sentence closed by 。 at the end of the line.
    private func isOneSentence(_ marker: HeadingMarker, _ index: Int) -> Bool {
        let line = lines[index].content
        guard marker.titleStart < line.upperBound, s[line.upperBound - 1] == 0x3002 else { return false }
        return labelEnd(from: marker.titleStart, to: line.upperBound) == line.upperBound - 1
    }

    /// The heading a numbered title-only line gives when promoted: not a rule, an actor's
    /// sentence or a line closed by ; or ,.
    private func promotableHeading(_ marker: HeadingMarker, _ index: Int) -> Found? {
        let line = lines[index].content
        let end = line.upperBound
        guard marker.titleStart < end else { return nil }
        let terminator = labelEnd(from: marker.titleStart, to: end)
        var restStart = terminator < end ? terminator + 1 : end
        while restStart < end, TextLines.isSpace(s[restStart]) || isTerminator(s[restStart]) { restStart += 1 }
        let closing = s[end - 1]
        guard closing != 0x3B, closing != HeadingMarkers.comma, closing != HeadingMarkers.dun,
              terminator - marker.titleStart <= Self.maximumTitleLine,
              !isSentenceItem(marker.titleStart..<terminator) else { return nil }
        return Found(range: marker.start..<trimmedEnd(marker.start, terminator), style: marker.style, ordinal: marker.ordinal, line: index)
    }

    static let backMatter: [[UInt32]] = ["参考文献", "参考资料", "附录", "致谢", "附件", "注释"].map(scalars)

    /// 参考文献 / 附录 lines that head the back matter of a paper.
    private func isBackMatter(_ line: Range<Int>) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, s[end - 1] == HeadingMarkers.colon || TextLines.isSpace(s[end - 1]) { end -= 1 }
        for word in Self.backMatter where end - line.lowerBound == word.count && s.hasPrefix(word, at: line.lowerBound) {
            return true
        }
        return false
    }

    // MARK: Numbered lines

    private func numbered(_ marker: HeadingMarker, _ index: Int, _ lineRange: Range<Int>) -> [Found] {
        let line = lines[index].content
        let end = line.upperBound
        guard marker.titleStart < end else {
            // A bare marker line ("三、") titles what follows only if the next line is its title.
            return []
        }
        // An inner marker fused into the title: 六、职责与任务(一)双方医院。
        if let inner = fusedInnerMarker(marker, line) {
            var result = [Found(range: marker.start..<inner.start, style: marker.style, ordinal: marker.ordinal, line: index)]
            if let innerFound = decide(inner, index, line.lowerBound..<end, lineRange) { result.append(innerFound) }
            return result
        }
        if let heading = decide(marker, index, line, lineRange) { return [heading] }
        return []
    }

    private func decide(_ marker: HeadingMarker, _ index: Int, _ line: Range<Int>, _ lineRange: Range<Int>) -> Found? {
        let end = line.upperBound
        let terminator = labelEnd(from: marker.titleStart, to: end)
        let labelLength = terminator - marker.titleStart
        var restStart = terminator < end ? terminator + 1 : end
        while restStart < end, TextLines.isSpace(s[restStart]) || isTerminator(s[restStart]) { restStart += 1 }
        let restLength = end - restStart
        let headingEnd = trimmedEnd(marker.start, terminator)

        let heading = Found(range: marker.start..<headingEnd, style: marker.style, ordinal: marker.ordinal, line: index)
        let label = marker.titleStart..<terminator
        if restLength >= 2 {
            // Run-in label followed by body on the same line.
            guard terminator < end, s[terminator] != 0x3B else { return nil }   // ; closes list items
            let limit = marker.style == .decimal || marker.style == .deepDecimal ? Self.maximumAcademicRunInLabel : Self.maximumRunInLabel
            guard labelLength >= 2, labelLength <= limit else { return nil }
            if isKeyValueItem(terminator, restStart, end) || isSentenceItem(label) { return nil }
            return heading
        }
        // The whole line is the title (or one sentence).
        let closing = s[end - 1]
        if closing == 0x3B || closing == HeadingMarkers.comma || closing == HeadingMarkers.dun { return nil }
        guard labelLength >= 1, labelLength <= Self.maximumTitleLine else { return nil }
        switch next(after: index, lineRange, style: marker.style) {
        case .body, .child:
            return isSentenceItem(label) && labelLength > Self.maximumRunInLabel ? nil : heading
        case .sibling, .outer:
            // A run of numbered one-line items is a list, unless the lines are short titles of
            // sections that happen to be empty (a sentence closed by 。 is an item, not a title).
            let titleLike = labelLength <= 20 && !isSentenceItem(label) && closing != 0x3002
            return titleLike && (marker.style == .chineseEnumeration || marker.style == .bracketedChinese) ? heading : nil
        case .nothing:
            return isSentenceItem(label) ? nil : heading
        }
    }

    /// `1、全年门诊：15258人次；` — a statistics item, not a heading.
    private func isKeyValueItem(_ terminator: Int, _ restStart: Int, _ end: Int) -> Bool {
        guard s[terminator] == HeadingMarkers.colon, end - restStart <= 25 else { return false }
        // 组长:*** / 电话:0451-… : a value without a Chinese word is no body text.
        if !(restStart..<end).contains(where: { CharacterClass.of(s[$0]) == .han }) { return true }
        let last = s[end - 1]
        return last == 0x3B || last == 0x3002 || last == HeadingMarkers.comma || (restStart..<end).contains { NumeralCharacters.isASCIIDigit(s[$0]) }
    }

    private func fusedInnerMarker(_ marker: HeadingMarker, _ line: Range<Int>) -> HeadingMarker? {
        guard marker.style == .chineseEnumeration else { return nil }
        var index = marker.titleStart + 2
        while index < line.upperBound {
            let c = s[index]
            if isTerminator(c) || c == HeadingMarkers.comma { return nil }
            if c == HeadingMarkers.open, let inner = HeadingMarkers.bracketed(s, index, line.upperBound),
               inner.style == .bracketedChinese, inner.ordinal == 1 {
                return inner
            }
            if c == 0x31, index + 1 < line.upperBound, s[index + 1] == HeadingMarkers.dun,
               CharacterClass.of(s[index - 1]) == .han, let inner = HeadingMarkers.arabic(s, index, line.upperBound) {
                return inner
            }
            index += 1
        }
        return nil
    }

    enum Following { case body, child, sibling, outer, nothing }

    /// What follows a numbered line: unnumbered body text, a deeper (other-style) marker line,
    /// a sibling item of the same style, an outer-level marker line, or nothing in the article.
    private func next(after index: Int, _ lineRange: Range<Int>, style: MarkerStyle) -> Following {
        var k = index + 1
        while k < lineRange.upperBound {
            switch roles[k] {
            case .blank, .boilerplate:
                k += 1
                continue
            case .content:
                guard let marker = HeadingMarkers.recognize(s, lines[k].content, original: original) else { return .body }
                let family = SectionTree.family(style)
                let otherFamily = SectionTree.family(marker.style)
                if otherFamily == family { return .sibling }
                // An outer marker (二、 after （四）) ends the list: the line titles nothing below it.
                return SectionTree.isOuter(otherFamily, than: family) ? .outer : .child
            default:
                return .nothing
            }
        }
        return .nothing
    }

    static let ruleWords: [[UInt32]] = [
        "应当", "应该", "不得", "必须", "务必", "须", "要按", "要求", "要严格", "要认真", "要加强", "负责", "给予", "予以", "将予以",
    ].map(scalars)
    static let ruleWordList = WordList(ruleWords)
    static let actorStarts: [[UInt32]] = [
        "我们", "我院", "我校", "我局", "我镇", "我县", "我市", "本院", "本校", "支援医院", "受援医院", "支援方", "受援方", "支援学校",
        "受援学校", "派出", "派驻", "支援人员", "科任教师", "各科室", "双方医院", "医院", "学校", "对派驻", "本学期", "今年", "去年",
        "本年度",
    ].map(scalars)
    /// Adverbs that open both titles (积极融入当地) and item sentences (主动与受援单位联系，…): only a
    /// label longer than a title's usual length is a sentence.
    static let adverbStarts: [[UInt32]] = ["主动", "积极"].map(scalars)
    static let maximumAdverbTitle = 12

    /// A label that is a sentence rather than a title: it opens with an actor or a date, or it
    /// states a rule (应当, 不得, 必须).
    private func isSentenceItem(_ label: Range<Int>) -> Bool {
        guard !label.isEmpty else { return false }
        for start in Self.actorStarts where s.hasPrefix(start, at: label.lowerBound) {
            // 双方医院 alone is a title; an actor needs a verb phrase after it.
            if label.count > start.count + 3 { return true }
        }
        for start in Self.adverbStarts where s.hasPrefix(start, at: label.lowerBound) && label.count > Self.maximumAdverbTitle {
            return true
        }
        if Self.ruleWordList.occurs(in: s, range: label) { return true }
        // Opens with a date: 20xx年10月26日, 2014年…
        var k = label.lowerBound
        while k < label.upperBound, NumeralCharacters.isASCIIDigit(s[k]) || NumeralCharacters.isMask(s[k]) { k += 1 }
        if k - label.lowerBound >= 2, k < label.upperBound, s[k] == NumberTokenScanner.year { return true }
        return false
    }

    // MARK: Unnumbered headings

    static let neverHeadingStarts: [[UInt32]] = [
        "一是", "二是", "三是", "四是", "五是", "首先", "其次", "再次", "最后", "此外", "另外", "同时", "特此", "谢谢", "此致", "敬礼",
        "以上", "尊敬的", "各位", "关键词", "【关键词】", "Key", "Abstract", "中图分类号",
    ].map(scalars)

    private func unnumbered(_ index: Int, _ lineRange: Range<Int>) -> Found? {
        let line = lines[index].content
        // 【基本情况】 alone on its line over body text: a title in brackets, even first in the article.
        if isBracketedTitle(line), nextLineIsBody(after: index, lineRange) {
            return Found(range: line, style: .none, ordinal: 0, line: index)
        }
        guard line.count >= 4, line.count <= 24 else { return nil }
        for prefix in Self.neverHeadingStarts where s.hasPrefix(prefix, at: line.lowerBound) { return nil }
        var hanCount = 0
        for position in line {
            let c = s[position]
            if c == 0x3002 && position != line.upperBound - 1 { return nil }
            if c == HeadingMarkers.colon || c == 0x3B || c == 0x3F || c == 0x21 || c == 0x7C { return nil }
            if CharacterClass.of(c) == .han { hanCount += 1 }
            if NumeralCharacters.isASCIIDigit(c) { return nil }
        }
        guard hanCount * 10 >= line.count * 8 else { return nil }
        // Isolated between paragraphs: body follows, and it is not the first line of the article.
        if Self.fragmentStarts.contains(s[line.lowerBound]) { return nil }
        guard index > lineRange.lowerBound, nextLineIsBody(after: index, lineRange, minimum: Self.minimumBodyAfterUnnumbered),
              let previous = previousContent(before: index, lineRange), endsSentence(lines[previous].content)
        else { return nil }
        return Found(range: line.lowerBound..<trimmedEnd(line.lowerBound, line.upperBound), style: .none, ordinal: 0, line: index)
    }

    /// Bracketed labels that are no section titles (【关键词】, 【摘要】, 【导语】).
    static let bracketedNonTitles: [[UInt32]] = ["关键词", "关键字", "摘要", "导语", "编者按", "按语", "注", "作者", "来源", "责任编辑"].map(scalars)

    /// `【基本情况】`: two to twelve Han characters in 【】 and nothing else on the line.
    private func isBracketedTitle(_ line: Range<Int>) -> Bool {
        guard line.count >= 4, line.count <= 14, s[line.lowerBound] == 0x3010, s[line.upperBound - 1] == 0x3011 else { return false }
        let inner = (line.lowerBound + 1)..<(line.upperBound - 1)
        guard inner.allSatisfy({ CharacterClass.of(s[$0]) == .han }) else { return false }
        return !Self.bracketedNonTitles.contains { $0.count == inner.count && s.hasPrefix($0, at: inner.lowerBound) }
    }

    /// Characters that cannot start a title: the line continues a broken sentence.
    static let fragmentStarts = ScalarSet("了的地得着过和与及并但而等在对把被从为于之其也就都还又")

    private func endsSentence(_ line: Range<Int>) -> Bool {
        guard !line.isEmpty else { return false }
        let last = s[line.upperBound - 1]
        return last == 0x3002 || last == 0x21 || last == 0x3F || last == 0x201D || last == 0x3B
    }

    // MARK: Helpers

    /// Where a heading's label ends: the first 。 : ; ! ? or □ (the text is width-folded) from `start`, or `end`.
    private func labelEnd(from start: Int, to end: Int) -> Int {
        var terminator = start
        while terminator < end, !isTerminator(s[terminator]) { terminator += 1 }
        return terminator
    }

    @inline(__always)
    private func isTerminator(_ c: UInt32) -> Bool {
        c == 0x3002 || c == HeadingMarkers.colon || c == 0x3B || c == 0x21 || c == 0x3F || c == HeadingMarkers.box
    }

    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start, TextLines.isSpace(s[e - 1]) || s[e - 1] == 0x3002 || s[e - 1] == HeadingMarkers.box { e -= 1 }
        return e
    }

    private func nextLineIsBody(after index: Int, _ lineRange: Range<Int>, minimum: Int = 1) -> Bool {
        var k = index + 1
        while k < lineRange.upperBound {
            switch roles[k] {
            case .blank, .boilerplate:
                k += 1
                continue
            case .content:
                let line = lines[k].content
                return line.count >= minimum && HeadingMarkers.recognize(s, line, original: original) == nil
            default:
                return false
            }
        }
        return false
    }

    static let attachmentLabel = scalars("附件")

    /// `附件：1．…项目清单` and the numbered lines under it: a list of attachments, not sections.
    private func isAttachmentItem(_ index: Int, _ lineRange: Range<Int>) -> Bool {
        var k: Int? = index
        var steps = 0
        while let current = k, steps <= Self.longestAttachmentList {
            let line = lines[current].content
            if s.hasPrefix(Self.attachmentLabel, at: line.lowerBound) { return true }
            // Only short title lines (file names) stand between an item and 附件.
            if line.isEmpty || line.count > 60 || s[line.upperBound - 1] == 0x3002 { return false }
            k = previousContent(before: current, lineRange)
            steps += 1
        }
        return false
    }

    static let longestAttachmentList = 9

    private func previousContent(before index: Int, _ lineRange: Range<Int>) -> Int? {
        var k = index - 1
        while k >= lineRange.lowerBound {
            if roles[k] == .content { return k }
            if roles[k] != .blank && roles[k] != .boilerplate { return nil }
            k -= 1
        }
        return nil
    }
}
