/// Items of one numbered list are judged together (list consistency).
///
/// Each numbered line is first judged on its own (`HeadingDetector.decide`); then a list whose
/// items are mostly headings makes the rest headings too, and a list whose items are mostly
/// one-sentence items (closed by 。 or ；) makes its one-sentence title lines items too, whatever
/// follows the last of them: `1.继续选派骨干医师驻点；` `2.争取…；` `3.探索建立紧密型医共体。` and then a
/// body paragraph is a list of three items, not two items and a heading.
enum NumberedLists {
    /// A numbered line of an article, as judged on its own.
    struct Line {
        var marker: HeadingMarker
        var line: Int
        var isHeading: Bool
        /// A heading that is the whole line (no run-in body after it).
        var isTitleLine: Bool
        /// A heading that is the whole line and one sentence closed by 。 (`3、建立了考核机制。`),
        /// with no deeper marker after it: a heading only because body text, or nothing, follows it.
        var isSentenceTitleLine: Bool
        /// Not a heading, and closed like a sentence item (。 ； ，).
        var isClosedItem: Bool
        /// Closed by ；: an item of an enumeration, never a title.
        var isSemicolonItem: Bool
        /// The heading this line would be if its list is a list of headings.
        var promotion: HeadingDetector.Found?
        /// One sentence closed by 。 with no block of its own (a sibling item or nothing follows).
        var isSentenceClosingNoBlock: Bool
    }

    /// The headings the lists add, and the lines whose heading they take back.
    struct Verdict {
        var promoted: [HeadingDetector.Found] = []
        var demotedLines: Set<Int> = []
    }

    static func judge(_ numbered: [Line]) -> Verdict {
        var verdict = Verdict()
        for list in lists(numbered) {
            let members = list.map { numbered[$0] }
            if let demoted = demotedItems(members) {
                verdict.demotedLines.formUnion(demoted)
            } else {
                verdict.promoted.append(contentsOf: promotedItems(members))
            }
        }
        return verdict
    }

    /// The lists of an article: lines of one marker family numbered one after the other, across
    /// lines of other families, ended by a line of an outer family (二、 ends a list of 1、 items).
    /// Every numbered line is in exactly one list (a list of one, when nothing continues it).
    static func lists(_ numbered: [Line]) -> [[Int]] {
        var lists: [[Int]] = []
        var assigned = [Bool](repeating: false, count: numbered.count)
        for index in numbered.indices where !assigned[index] {
            let family = SectionTree.family(numbered[index].marker.style)
            var list = [index]
            assigned[index] = true
            var expected = numbered[index].marker.ordinal + 1
            var k = index + 1
            while k < numbered.count {
                let other = numbered[k]
                let otherFamily = SectionTree.family(other.marker.style)
                if otherFamily == family {
                    guard other.marker.ordinal == expected, !assigned[k] else { break }
                    list.append(k)
                    assigned[k] = true
                    expected += 1
                } else if SectionTree.isOuter(otherFamily, than: family) {
                    break
                }
                k += 1
            }
            lists.append(list)
        }
        return lists
    }

    /// Items of a list are all headings when most of them are: an item whose title runs long is
    /// still the title of its block when its siblings are titles.
    static func promotedItems(_ members: [Line]) -> [HeadingDetector.Found] {
        let headings = members.filter(\.isHeading).count
        guard members.count >= 3, headings * 2 > members.count else { return [] }
        // A one-sentence item (closed by 。, titling no block) joins headings only when most of
        // its heading siblings are title lines themselves (（一）提高认识，加强领导。), not run-in labels.
        let titleLineCount = members.filter { $0.isHeading && $0.isTitleLine }.count
        let titleLines = titleLineCount * 2 > headings
        var promoted: [HeadingDetector.Found] = []
        for member in members where !member.isHeading {
            if member.isSentenceClosingNoBlock && !titleLines { continue }
            if let heading = member.promotion { promoted.append(heading) }
        }
        return promoted
    }

    /// Marker styles of lists inside sections (1、 (1) ①), as opposed to section styles (一、 (一)):
    /// a lone 一、 with body text is a section whose siblings were lost to a page break.
    static func isItemStyle(_ style: MarkerStyle) -> Bool {
        switch style {
        case .arabic, .dashList, .bracketedArabic, .circled: return true
        default: return false
        }
    }

    /// The one-sentence title lines of a list of sentence items: they are items too, although
    /// body text follows them. A list is one of items when its items closed by 。/；/， outnumber
    /// its headings, or match them and one item is plainly an item: closed by ；, or one sentence
    /// closed by 。 right before its sibling (`1、完善了管理制度。` `2、建立了考核机制。` + body; not a
    /// paragraph of several sentences beside a `第四、其他方面。` that titles a block). A lone
    /// one-sentence line is an item too (`1、建议给予专项经费支持。` with no 2、): a single numbered
    /// sentence divides nothing. Nil when the list is not one of items.
    static func demotedItems(_ members: [Line]) -> [Int]? {
        let candidates = members.filter(\.isSentenceTitleLine)
        guard !candidates.isEmpty else { return nil }
        if members.count == 1 {
            let lone = members[0].marker
            return lone.ordinal == 1 && isItemStyle(lone.style) ? candidates.map(\.line) : nil
        }
        let headings = members.filter(\.isHeading).count
        let items = members.filter(\.isClosedItem).count
        let plainItems = members.filter { !$0.isHeading && ($0.isSemicolonItem || $0.isSentenceClosingNoBlock) }.count
        let isListOfItems = items > headings || (items == headings && plainItems > 0)
        return isListOfItems ? candidates.map(\.line) : nil
    }
}
