/// Turns the headings of an article into a tree of sections with levels by nesting.
///
/// A marker family already open returns to its level; a new family opens a deeper level — unless
/// its conventional rank is above every open family (一、 after a run of 1、 items), which starts
/// again at the top. 第一部分 / 第一章 rank above 一、; 第一，/第一、 have no rank and never start again
/// at the top, nor does anything under them.
enum SectionTree {
    struct Placed {
        var found: HeadingDetector.Found
        var level: Int
    }

    static func rank(_ style: MarkerStyle) -> Int {
        switch style {
        case .part: return 1
        case .chineseEnumeration: return 2
        case .chineseOrdinal: return 5
        case .bracketedChinese: return 3
        case .arabic, .dashList: return 4
        case .decimal: return 5
        case .deepDecimal: return 6
        case .bracketedArabic: return 7
        case .circled: return 8
        case .none: return 0
        }
    }

    /// A family that ends a list of `family` items rather than nesting inside one (二、 after 1、).
    /// 第一，/第二、 have no rank of their own: they nest inside whatever is open and hold whatever
    /// follows (第一，加强教学管理 above (一)…(二)…), so only a part or a 一、 ends their list.
    static func isOuter(_ other: MarkerStyle, than family: MarkerStyle) -> Bool {
        if family == .chineseOrdinal { return other == .part || other == .chineseEnumeration }
        return other != .none && rank(other) < rank(family)
    }

    /// Families that nest as one (1、 and - 1、 are the same list).
    static func family(_ style: MarkerStyle) -> MarkerStyle {
        style == .dashList ? .arabic : style
    }

    static func levels(_ headings: [HeadingDetector.Found]) -> [Placed] {
        var stack: [MarkerStyle] = []
        var placed: [Placed] = []
        for heading in headings {
            let family = family(heading.style)
            if let depth = stack.firstIndex(of: family) {
                stack.removeSubrange((depth + 1)...)
            } else if family == .none {
                // Unnumbered headings (and back matter such as 参考文献) sit at the top.
                stack = [.none]
            } else if !stack.isEmpty, family != .chineseOrdinal,
                      stack.allSatisfy({ isOuter(family, than: $0) && $0 != .chineseOrdinal }) {
                stack = [family]
            } else {
                stack.append(family)
            }
            placed.append(Placed(found: heading, level: stack.count))
        }
        return placed
    }

    /// Builds the section tree; `headingText` and `originalRange` map normalized ranges back.
    static func build(_ placed: [Placed], articleEnd: Int, lineStart: (Int) -> Int,
                      originalRange: (Range<Int>) -> Range<Int>, headingText: (Range<Int>) -> String) -> [Section] {
        // Flat sections with ranges in original offsets.
        var flat: [Section] = []
        for (index, item) in placed.enumerated() {
            var end = articleEnd
            for later in placed[(index + 1)...] where later.level <= item.level {
                end = originalRange(later.found.range).lowerBound
                break
            }
            let headingRange = originalRange(item.found.range)
            flat.append(Section(heading: headingText(item.found.range), headingRange: headingRange,
                                style: item.found.style, level: item.level, range: headingRange.lowerBound..<end))
        }
        // Nest by level.
        func nest(_ slice: ArraySlice<Section>) -> [Section] {
            var result: [Section] = []
            var index = slice.startIndex
            while index < slice.endIndex {
                var section = slice[index]
                var childEnd = index + 1
                while childEnd < slice.endIndex, slice[childEnd].level > section.level { childEnd += 1 }
                section.children = nest(slice[(index + 1)..<childEnd])
                result.append(section)
                index = childEnd
            }
            return result
        }
        return nest(flat[...])
    }
}
