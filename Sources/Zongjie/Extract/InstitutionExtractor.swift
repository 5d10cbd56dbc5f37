/// Finds names of organisations with their type: known names and abbreviations from the
/// organisations list (教育部, 东北师大), and names built from a proper part and a type suffix
/// (靖边县 + 人民医院, 宜良县 + 卫生局, 苏州市太湖绢麻纺织 + 有限公司), extended by their sub-units
/// (中山大学 + 基础医学院). The proper part is a place from the gazetteer, a known organisation, a
/// placeholder (××, xx, __: masked), or for schools, universities, hospitals and companies a short
/// name that is not a generic word. Pronouns (我院), roles (受援医院), bare places and departments
/// are not institutions. The longest name wins.
///
/// Rules: `institution.known`, `institution.suffix`, `institution.masked`.
struct InstitutionExtractor {
    let context: ExtractionContext
    let gazetteer = Gazetteer.shared
    /// Held here: a static's accessor costs a swift_once per read, and this one is read at every position.
    private let suffixMatcher = Self.suffixTrie

    struct Suffix {
        var text: [UInt32]
        var type: InstitutionType
        /// Names with this suffix need a place, a known organisation or a placeholder in them.
        var needsAnchor: Bool
        /// May be extended by a following sub-unit (大学 → 大学附属医院).
        var takesSubunits: Bool
    }

    static let suffixes: [Suffix] = {
        func make(_ words: [String], _ type: InstitutionType, anchor: Bool, subunits: Bool = false) -> [Suffix] {
            words.map { Suffix(text: scalars($0), type: type, needsAnchor: anchor, takesSubunits: subunits) }
        }
        var list: [Suffix] = []
        list += make(["大学", "师范大学", "医科大学", "农业大学", "中医药大学", "科技大学", "理工大学"], .university, anchor: false, subunits: true)
        list += make(["学院", "师范学院", "医学院", "职业技术学院", "研究生院", "师院", "师大", "农大", "医大", "工大"], .university, anchor: true, subunits: true)
        // Bare 医院 / 学校 are too common after verbs (提高医院…, 召开学校…) to stand without a place.
        list += make(["医院", "人民医院", "中心医院", "中医院", "中医医院", "妇幼保健院", "红十字会医院", "卫生院", "中心卫生院",
                      "社区卫生服务中心", "卫生服务中心", "保健院"], .hospital, anchor: true)
        // Public-health agencies treat no patients: not hospitals in the record contract's sense.
        list += make(["疾病预防控制中心", "疾控中心", "防疫站"], .other, anchor: true)
        list += make(["方舱医院"], .hospital, anchor: false)
        list += make(["学校"], .school, anchor: true)
        list += make(["小学", "中学", "初中", "高中", "中心学校", "中心小学", "幼儿园", "职中", "完小", "一中", "二中", "三中",
                      "四中", "五中", "六中", "七中", "八中", "九中", "实验中学", "实验小学", "职业技术学校", "职业学校"], .school, anchor: false)
        list += make(["局", "厅", "委", "委员会", "办公室", "人民政府", "政府", "市委", "县委", "区委", "州委", "省委", "党委", "指挥部",
                      "发改委", "卫计委", "卫健委", "教委", "三峡办", "扶贫办", "援疆办", "纪委", "团委"], .government, anchor: true)
        list += make(["有限公司", "有限责任公司", "股份有限公司", "公司", "集团", "分行", "支行", "银行"], .company, anchor: false)
        // A farmers' cooperative is an enterprise of its members (当归种植专业合作社).
        list += make(["合作社", "专业合作社"], .company, anchor: true)
        list += make(["红十字会", "基金会", "协会", "商会", "研究会", "电视台", "广播电台", "报社", "监督所", "研究所", "研究院",
                      "林场", "农场", "分队", "总队", "活动中心", "孵化中心", "服务中心", "管理中心", "科学院",
                      "慈善总会", "慈善联合总会", "总会", "学会", "联合会"], .other, anchor: true)
        list += make(["行政公署"], .government, anchor: true)
        // Longest suffix first, so that 人民医院 wins over 医院.
        return list.sorted { $0.text.count > $1.text.count }
    }()

    /// Sub-units that extend a university or hospital name: 中山大学 + 基础医学院.
    static let subunitSuffixes: [(text: [UInt32], type: InstitutionType)] = [
        ("附属中学", InstitutionType.school), ("附属小学", .school), ("附中", .school), ("附小", .school),
        ("附属医院", .hospital), ("医院", .hospital), ("研究生院", .university), ("医学院", .university),
        ("学院", .university), ("研究院", .other), ("研究所", .other), ("分院", .university), ("分校", .university),
    ].map { (scalars($0.0), $0.1) }

    /// Words that are not a proper name: pronouns, roles, levels, kinds. A name whose proper part
    /// is only these is generic (县人民医院, 受援医院, 二级医院, 基础医学院).
    static let genericWords: [[UInt32]] = [
        "对口支援", "受援", "支援", "对口", "帮扶", "结对", "协作", "合作", "定点", "上级", "基层", "当地", "地方", "县级", "市级",
        "省级", "乡级", "乡镇", "城市", "农村", "城区", "社区", "自治区", "重点", "知名", "大型", "综合", "专科", "二级", "三级",
        "三甲", "二甲", "一级", "公立", "民营", "附属", "中心", "人民", "中医", "第一", "第二", "第三", "实验", "希望", "民族",
        "师范", "农业", "医科", "中医药", "理工", "科技", "工业", "职业", "技术", "各级", "有关", "相关", "其他", "兄弟", "全国",
        "国内", "省内", "两所", "三所", "几所", "多所", "部属", "高等", "普通", "驻地", "方舱", "发热", "隔离", "新建", "所在",
        "周边", "附近", "下属", "直属", "属地", "我", "本", "该", "各", "贵", "其", "此", "这", "那", "村", "县", "市", "省", "区",
        "乡", "镇", "州", "国家", "中央", "卫生", "教育", "体育", "基础", "医疗", "骨干", "示范", "公办", "私立", "寄宿制", "九年制",
        "完全", "初级", "高级", "中等", "乡村", "村级", "校级", "院级", "新", "老", "原", "现", "总", "分", "省直", "市直", "县直",
        "合格", "标准化", "规范化", "薄弱", "偏远", "山区", "牧区", "边疆", "少数民族", "双语", "同级", "相应", "上述", "有些",
        "一些", "部分", "所有", "全部", "派出", "接收", "接受", "选派", "送", "两", "三", "四", "五", "六", "七", "八", "九", "十",
        "一", "二", "几", "多", "主要", "传统", "临近", "邻近", "对方", "双方", "指定", "牵头", "协议", "联合", "共建", "援建",
        "联系", "帮带", "军队", "部队", "民办", "公立医院", "民营医院", "专业", "名校", "优质", "先进", "国外", "境外", "省外",
        "市外", "县外", "本地", "外地", "远程", "网络", "中小", "大中", "小", "大", "中", "所", "一所", "这所", "名牌", "著名",
        "省属", "本科", "高职", "研究型", "综合性", "应用型", "医学", "开放", "老年", "广播电视", "精神病", "传染病", "肿瘤", "儿童",
        "妇产", "口腔", "眼科", "骨科", "康复", "中西医结合", "民族医", "藏医", "蒙医", "维吾尔医", "结核病", "职业病", "胸科",
        "考上", "考入", "就读", "毕业", "私人", "个体", "营利性", "非营利性", "部", "部委", "示范性", "国家级",
        "省级示范", "直属", "全日制", "提高", "提升", "规范", "加强", "推动", "培训", "落实", "解决", "建设", "发展", "管理",
        "走出", "召开", "根据", "明确", "开展", "完善", "总体", "配合", "通过", "选拔", "城乡", "城镇", "手拉手", "各项", "新形势下",
        "本地", "合作成立", "成立", "一流", "内地", "地区", "乡村振兴",
    ].map(scalars)

    /// Words that start with a suffix's last character and show the suffix is not one (布局 → 局面).
    static let falseSuffixContinuations: [UInt32: Set<UInt32>] = [
        0x5C40: Set(scalars("面部势限")),          // 局
        0x59D4: Set(scalars("托派屈婉员")),        // 委
        0x5385: Set(scalars("堂")),               // 厅
        0x5B66: Set(scalars("生习者毕")),         // 学: 大学生, 中学学习, 大学毕业
        0x4E2D: Set(scalars("全")),               // 中: 十八届四中全会
        0x4F1A: Set(scalars("了如用做怎得计")),      // 会: 学会了, 学会用
    ]

    /// Verbs and pronouns that end the words before a name inside its body (南京大学|支援|伊犁师范学院).
    static let bodyStops: [[UInt32]] = [
        "支援", "援助", "帮助", "帮扶", "派出", "选派", "派驻", "开展", "担任", "接管", "开进", "加强", "扩大", "提高", "提升", "进驻",
        "成立", "合作", "共同", "组建", "筹建", "创办", "挂牌",
        "我院", "我校", "我市", "我县", "我区", "本院", "本校", "该院", "该校", "联合", "依托", "协助", "组织", "邀请", "任",
        "书记", "校长", "院长", "教授", "主任", "处长", "部长", "局长", "专家", "挂职", "任职", "兼任", "出任", "就任",
    ].map(scalars)
    /// Names of government offices that hold a body stop word (天津市合作交流办公室, 对口支援办公室).
    static let officeCoreList = WordList([
        "合作交流", "对口支援", "对口帮扶", "扶贫开发", "扶贫协作", "支援合作", "经济合作", "国际合作", "对外合作",
    ].map(scalars))
    static let bodyStopList = WordList(bodyStops)
    static let institutionEndingList = WordList(institutionEndings)
    static let determinerOrCategoryList = WordList(determiners + categoryWords)
    static let pronounWordList = WordList(pronounWords)
    static let subunitList = WordList(subunitSuffixes.map(\.text))
    static let bodiesOfInstitutionsScalars: Set<[UInt32]> = Set(bodiesOfInstitutions.map(scalars)).union([scalars("委员会")])

    /// Characters a sub-unit extension never crosses (来 of 来学院, 赴, 去, 原 of 大学原经济管理学院:
    /// a former unit is not part of the name).
    static let extensionStops = ScalarSet("来去赴往原")
    /// Characters before 原 that make it a landform (青藏高原, 平原, 草原), not "former" (原单位).
    static let landformInitials = ScalarSet("高平草中")

    private func isExtensionStop(_ position: Int) -> Bool {
        let s = context.s
        guard Self.extensionStops.contains(s[position]) else { return false }
        return !(s[position] == 0x539F && position > 0 && Self.landformInitials.contains(s[position - 1]))   // 原
    }
    /// Category adjectives: a place and these before a suffix name a class, not an institution (新疆高等学校).
    static let categoryWords: [[UInt32]] = ["高等", "本科", "地区", "一流", "重点", "普通", "部属", "省属", "内地", "各类", "两所", "三所",
                                            "几所", "多所", "三甲", "二甲", "三级", "二级", "一级", "综合", "专科", "知名", "大型",
                                            "省级", "市级", "县级", "乡级", "定点", "公立", "民营"].map(scalars)

    /// Characters right before a suffix that make it part of another word (大局, 常委).
    static let falseSuffixPrecedents: [UInt32: Set<UInt32>] = [
        0x5C40: Set(scalars("大布格全结时政当开破残骗副")),   // 局 (副局长: a title)
        0x59D4: Set(scalars("常编主部")),                // 委
        0x5927: Set(scalars("扩上考读进念")),              // 大(学): 扩大学…, 上大学
        0x9AD8: Set(scalars("提升崇")),                  // 高(中): 提高中…
        0x5C0F: Set(scalars("中")),                     // 小(学): 中小学, a kind of school
    ]

    /// Ad-hoc teams (not institutions): their units (…支教团镇雄分队) are not institutions either.
    static let adHocTeamList = WordList(["支教团", "医疗队", "工作队", "服务队", "志愿队", "突击队", "工作组", "小分队"].map(scalars))
    static let squad = scalars("分队")

    /// 财政局 民政局 邮政局 市政局: bureaus whose name ends in 政, unlike 政局 (the political situation).
    static let politicalBureauInitials = ScalarSet("财民邮市")
    static func isGovernmentDepartmentInitial(_ first: UInt32, _ second: UInt32) -> Bool {
        second == 0x653F && politicalBureauInitials.contains(first)   // 政
    }

    /// Party and governing bodies that belong to an institution already named (靖边县人民医院党委).
    static let bodiesOfInstitutions: Set<String> = ["党委", "委员会", "委", "办公室", "纪委", "团委", "工会", "党支部"]
    static let institutionEndings: [[UInt32]] = ["大学", "学院", "医院", "卫生院", "学校", "中学", "小学", "公司", "集团"].map(scalars)
    static let pronouns = ScalarSet("我本该贵其此")
    static let townshipLevels = ScalarSet("乡镇")
    /// 乡镇, 城镇, 城乡, 村镇 are kinds of places, not a township's name.
    static let notTownships = ScalarSet("乡城村")
    static let determiners: [[UInt32]] = ["部分", "各", "所有", "本地", "有关", "相关", "一些", "城乡", "其他", "全部", "多所", "许多",
                                          "广大", "各类", "各级", "其它", "直属"].map(scalars)
    static let levelPrefixes = ScalarSet("省市县区乡镇州村")
    /// Words that end right before a name: 我市西郊小学, 全县利安中学.
    static let pronounWords: [[UInt32]] = ["我市", "我县", "我区", "我州", "我省", "本市", "本县", "全市", "全县", "该市", "该县"].map(scalars)

    /// Characters that end the words before a name (请 of 邀请, 派 of 选派, 到): a name never
    /// starts right after... and never contains them at its start.
    static let boundaryCharacters = ScalarSet("的了在与和及向对为由从到把被将等是让使给同跟或于即就也都还又再既")
    /// Where an unanchored name may start: after these (选派|致和小学, 到|小铺子小学, 接受|腰站中心小学).
    static let nameStartBoundaries = boundaryCharacters.union(ScalarSet("请派赴往至入进去来任助援访察系加并而上考读受定年期管持予托出有令达"))
    /// Function words never inside a name (致和 and 同济 keep their 和 and 同).
    static let neverInsideName = ScalarSet("的了在与及向对为由从到把被将是而")
    /// 中等 / 高等 / 平等: 等 ends a word, not a list.
    static let wordsEndingInDeng = ScalarSet("中高初平同相均对")
    /// 协和 / 致和 / 共和: 和 inside a name, not a conjunction.
    static let wordsEndingInHe = ScalarSet("协致共平祥人太永顺保长清温谐中")

    /// Official names joined by 和 (人力资源和社会保障局, 住房和城乡建设厅, 发展和改革委员会).
    static let conjoinedNames: [[UInt32]] = [
        "人力资源和社会保障", "住房和城乡建设", "工业和信息化", "发展和改革", "文化和旅游", "文化广电和旅游", "自然资源和规划",
        "卫生和计划生育", "教育和体育", "民族和宗教", "科学技术和工业信息化", "商务和投资促进", "商务和工业信息化",
        "商务和经济信息化", "人口和计划生育", "农业和农村", "交通和运输", "水利和湖泊",
    ].map(scalars)

    static let conjoinedNameList = WordList(conjoinedNames)

    /// Whether the 和 at `position` is inside one of the `conjoinedNames`.
    private func isInsideConjoinedName(_ position: Int) -> Bool {
        let s = context.s
        for name in Self.conjoinedNames {
            guard let offset = name.firstIndex(of: 0x548C), position >= offset else { continue }
            if s.hasPrefix(name, at: position - offset) { return true }
        }
        return false
    }

    /// Prefixes that belong to the name before a place (中共云阳县委, 共青团浙江省委).
    static let namePrefixes: [[UInt32]] = ["中国共产党", "中共", "共青团", "中国", "国际"].map(scalars)

    struct Candidate {
        var range: Range<Int>
        var type: InstitutionType
        var masked: Bool
        var rule: String
    }

    /// The suffixes in a trie, so that each position costs one walk rather than a hundred comparisons.
    static let suffixTrie: ScalarTrie = {
        var trie = ScalarTrie()
        for (index, suffix) in suffixes.enumerated() { trie.insert(suffix.text, entry: Int32(index)) }
        return trie
    }()

    static let genericTrie: ScalarTrie = {
        var trie = ScalarTrie()
        for (index, word) in genericWords.enumerated() { trie.insert(word, entry: Int32(index)) }
        return trie
    }()

    /// Names starting in `positions` (normalized offsets; the whole text by default).
    func extract(in positions: Range<Int>? = nil) -> [(range: Range<Int>, rule: String, value: InstitutionValue)] {
        let s = context.s
        var candidates: [Candidate] = []
        let scanned = positions.map { $0.clamped(to: 0..<s.count) } ?? 0..<s.count
        s.withUnsafeBufferPointer { buffer in
        context.blocked.withUnsafeBufferPointer { blocked in
            for i in scanned where !blocked[i] {
                // Known names and abbreviations (教育部, 东北师大, 华东师范大学).
                if let (entry, end) = gazetteer.longestOrganisationEntry(in: buffer, at: i, limit: buffer.count),
                   !isInsideLongerWord(i, end), !isDocumentNumberIssuer(end) {
                    let type = gazetteer.organisation(entry).type
                    var candidate = Candidate(range: i..<end, type: type, masked: false, rule: "institution.known")
                    extendWithSubunits(&candidate)
                    candidates.append(candidate)
                }
                // Suffix-based names ending at the longest suffix that starts here.
                var longest: Int32 = -1
                suffixMatcher.forEachMatch(in: buffer, from: i, limit: buffer.count) { _, entry in longest = entry }
                if longest >= 0, let candidate = suffixName(Self.suffixes[Int(longest)], at: i) { candidates.append(candidate) }
            }
        }
        }
        return resolve(candidates).map { candidate in
            let name = context.text(candidate.range)
            return (candidate.range, candidate.rule, InstitutionValue(name: name, type: candidate.type, masked: candidate.masked))
        }
    }

    /// A two-character abbreviation that is the start of another word (南大街, 北大荒, 南大学习).
    /// Abbreviations inside longer names (南大 in 中南大学) lose to the longer name anyway.
    private func isInsideLongerWord(_ start: Int, _ end: Int) -> Bool {
        let s = context.s
        guard end - start <= 2 else { return false }
        if end < s.count, s[end] == 0x5B66 || s[end] == 0x8857 || s[end] == 0x8352 { return true }   // 学 街 荒
        // 川大 inside 四川大…: the abbreviation's first character ends a place name.
        if start > 0, let (_, placeEnd) = gazetteer.longestPlace(in: s, at: start - 1, limit: end), placeEnd > start { return true }
        return false
    }

    /// 国办发[1994]58号: the issuer's abbreviation inside a document number.
    private func isDocumentNumberIssuer(_ end: Int) -> Bool {
        let s = context.s
        var k = end
        while k < s.count, k - end < 3, CharacterClass.of(s[k]) == .han { k += 1 }
        guard k < s.count, k > end, Self.documentNumberMarks.contains(s[k - 1]) else { return false }
        return s[k] == 0x5B || s[k] == 0x3014 || s[k] == 0x3010 || s[k] == 0x28   // [ 〔 【 (
    }

    /// The last character of a document-number prefix (国办发, 教育部函, 体群字, 国务院令).
    static let documentNumberMarks = ScalarSet("发函字令")

    // MARK: Suffix names

    private func suffixName(_ suffix: Suffix, at suffixStart: Int) -> Candidate? {
        let s = context.s
        let suffixEnd = suffixStart + suffix.text.count
        if suffixEnd < s.count, let continuations = Self.falseSuffixContinuations[suffix.text.last!],
           continuations.contains(s[suffixEnd]) { return nil }
        // 第一中学: a numbered school's abbreviation (彭州一中, 三中) never follows 第.
        if suffix.text.count == 2, suffix.text[1] == 0x4E2D, NumeralParser.digit(suffix.text[0]) > 0, suffixStart > 0,
           s[suffixStart - 1] == QuantityExtractor.di { return nil }
        if suffixStart > 0, let precedents = Self.falseSuffixPrecedents[suffix.text.first!], precedents.contains(s[suffixStart - 1]),
           !(suffixStart > 1 && Self.isGovernmentDepartmentInitial(s[suffixStart - 2], s[suffixStart - 1])) {
            return nil
        }
        // 南开大学校领导: 大学 and a 校 word (校领导, 校长), not a 学校.
        if suffix.text == Self.school, suffixStart > 0, s[suffixStart - 1] == 0x5927 { return nil }   // 大
        // 我局 / 本院 / 该校: a pronoun, not a name.
        if suffixStart > 0, Self.pronouns.contains(s[suffixStart - 1]) { return nil }
        // 我院 / 该院 / 本校 never reach here (院 and 校 alone are no suffix).
        // The body: Han characters and placeholders before the suffix, up to a boundary.
        var bodyStart = suffixStart
        let floor = max(0, suffixStart - Self.longestBody)
        while bodyStart > floor {
            let c = s[bodyStart - 1]
            let isMask = isNameMask(bodyStart - 1) || (c == 0x7A && bodyStart - 2 >= 0 && NumeralCharacters.isMask(s[bodyStart - 2]))
            guard CharacterClass.of(c) == .han || isMask else { break }
            if !isMask && CharacterClass.of(c) == .han && Self.boundaryCharacters.contains(c)
                && (!isPartOfPlace(bodyStart - 1, suffixStart) || isConjunctionCounty(bodyStart - 1, bodyStart + 1)) {
                let previous: UInt32 = bodyStart - 2 >= 0 ? s[bodyStart - 2] : 0
                let insideWord = (c == 0x7B49 && Self.wordsEndingInDeng.contains(previous))
                    || (c == 0x548C && (Self.wordsEndingInHe.contains(previous) || isInsideConjoinedName(bodyStart - 1)))
                if !insideWord { break }
            }
            if context.blocked[bodyStart - 1] { break }
            if bodyStart < suffixStart, Self.bodyStopList.endsWord(in: s, at: bodyStart), !isInsideOfficeCore(bodyStart) { break }
            // A complete institution name ends here (…医院|根据卫生院): the new name starts after it.
            if bodyStart < suffixStart, Self.institutionEndingList.endsWord(in: s, at: bodyStart) { break }
            bodyStart -= 1
        }
        // Past the usual length only a chain of places leads the name (新疆维吾尔自治区|阿克苏地区|第一人民医院).
        if suffixStart - bodyStart > Self.usualBody {
            bodyStart = placeChainStart(in: bodyStart..<suffixStart) ?? suffixStart - Self.usualBody
        }
        // (An empty body still allows an unanchored name that begins with a function character: 致和小学.)
        // A known organisation that ends exactly with this suffix is found as a known name.
        for position in bodyStart..<suffixStart {
            if let (_, end) = gazetteer.longestOrganisation(in: s, at: position, limit: suffixEnd), end == suffixEnd { return nil }
        }
        // 靖边县人民医院党委 / 大学工作委员会: the governing body of an institution already named.
        if Self.bodiesOfInstitutionsScalars.contains(suffix.text), Self.institutionEndingList.occurs(in: s, range: bodyStart..<suffixStart) {
            return nil
        }
        var type = suffix.type
        var masked = false
        // The leftmost anchor: a place, a known organisation, a placeholder, a name prefix.
        var start: Int? = nil
        var position = bodyStart
        // Places inside an official name joined by 和 anchor nothing (人力|资源|和社会保障局: 资源 is a county).
        let insideConjoined = conjoinedNameInterior(bodyStart..<suffixStart)
        while position < suffixStart {
            if insideConjoined.contains(position) {
                position += 1
                continue
            }
            if isNameMask(position) {
                var after = position
                while after < suffixStart, isNameMask(after) || s[after] == 0x7A { after += 1 }
                // xx年 / xx月 are masked dates, not masked names.
                if after < suffixStart, s[after] == DateExtractor.nian || s[after] == DateExtractor.yue || s[after] == DateExtractor.ri {
                    position = after + 1
                    continue
                }
                start = position
                masked = true
                break
            }
            if let prefix = Self.namePrefixes.first(where: { s.hasPrefix($0, at: position) }),
               let (_, placeEnd) = gazetteer.longestPlace(in: s, at: position + prefix.count, limit: suffixStart), placeEnd > position + prefix.count {
                start = position
                break
            }
            if let (place, placeEnd) = gazetteer.longestPlace(in: s, at: position, limit: suffixEnd), placeEnd <= suffixEnd,
               !isConjunctionCounty(position, placeEnd),
               !(place.isShort && isInsideGenericWord(position, floor: bodyStart)),
               place.level != .region || placeEnd < suffixStart || suffix.type == .university {
                // 新建|疏勒县: a short form that is also a word, right before a full place name that it
                // does not contain, is not the anchor (赣州|崇义县 is: 赣州 contains 崇义县).
                if place.isShort, placeEnd < suffixStart, let (later, laterEnd) = gazetteer.longestPlace(in: s, at: placeEnd, limit: suffixEnd),
                   laterEnd > placeEnd, !later.isShort, !gazetteer.contains(place, later) {
                    position = placeEnd
                    continue
                }
                // 生态环境与|资源学院: a short place right after a conjunction that cut the body is the
                // tail of a longer name, not its anchor. Not when the conjunction joins two names
                // (…职业技术学院和|九江职业技术学院), opens the clause (与|九江学院合作), or the
                // place leads a body of its own (和|九江职业技术学院).
                if place.isShort, position == bodyStart, bodyStart > 1, Self.nameConjunctions.contains(s[bodyStart - 1]),
                   suffix.type == .university || suffix.type == .other,
                   CharacterClass.of(s[bodyStart - 2]) == .han, !Self.institutionEndingList.endsWord(in: s, at: bodyStart - 1),
                   placeEnd == suffixStart { return nil }
                // A region right before a government suffix (国家部委) is not a name.
                if place.level == .region, placeEnd < suffixStart, isGeneric(placeEnd..<suffixStart) { return nil }
                // 新疆部分学校 / 吐鲁番本地政府 / 新疆高等学校: a place and a determiner or category name no institution.
                // (Past the places that follow: 阿克苏地区 is a place, 新疆地区 a category.)
                var chainEnd = placeChainEnd(from: placeEnd, limit: suffixStart)
                // (住房和城乡建设厅: 城乡 is part of the department's name.)
                if let length = Self.conjoinedNameList.longestMatch(in: s, at: chainEnd, limit: suffixStart) { chainEnd += length }
                if chainEnd < suffixStart, Self.determinerOrCategoryList.occurs(in: s, range: chainEnd..<suffixStart) {
                    return nil
                }
                // 乡城县学校 (the schools of a county) is no name; 九龙学校, 天津医院 are.
                if placeEnd == suffixStart, !place.isShort, suffix.text == Self.school || suffix.text == Self.hospital { return nil }
                start = position
                break
            }
            if let (_, orgEnd) = gazetteer.longestOrganisation(in: s, at: position, limit: suffixStart), orgEnd <= suffixStart {
                // After a known organisation the rest must be a name of its own (教育部直属师范大学 is not).
                if orgEnd < suffixStart, isGeneric(orgEnd..<suffixStart) { return nil }
                // 靖边县人民医院党委 / 新疆农业大学工作委员会: bodies of an institution already named.
                if Self.bodiesOfInstitutionsScalars.contains(suffix.text) { return nil }
                start = position
                break
            }
            position += 1
        }
        // 内官营镇|锦屏小学: a township before the anchor belongs to the name.
        if let anchor = start, !masked, let township = townshipStart(before: anchor, floor: bodyStart) { start = township }
        // A township: a short name and 乡/镇 right before a hospital or school suffix (下夹河乡卫生院).
        if start == nil, suffix.type == .hospital || suffix.type == .school || suffix.type == .government,
           suffixStart - 1 > bodyStart, Self.townshipLevels.contains(s[suffixStart - 1]),
           !Self.notTownships.contains(s[suffixStart - 2]) {
            let levelAt = suffixStart - 1
            for length in stride(from: 3, through: 2, by: -1) where levelAt - length >= bodyStart {
                let proper = levelAt - length
                let range = proper..<levelAt
                // 县|平通镇中心卫生院: a stray level character is no part of the township's name.
                let afterStrayLevel = proper > 0 && Self.levelPrefixes.contains(s[proper - 1]) && startsAtBoundary(proper - 1)
                guard startsAtBoundary(proper) || afterStrayLevel, !Self.nameStartBoundaries.contains(s[proper]),
                      !Self.levelPrefixes.contains(s[proper]),
                      !range.contains(where: { Self.neverInsideName.contains(s[$0]) || CharacterClass.of(s[$0]) != .han }),
                      !Self.pronouns.contains(s[proper]), !containsGenericWord(range) else { continue }
                start = proper
                break
            }
        }
        if start == nil {
            guard !suffix.needsAnchor else { return nil }
            // Unanchored: a short proper part right before the suffix (白马中学, 复旦大学, 通源方舱医院),
            // starting at a clear boundary and holding no generic word.
            var chosen: Int? = nil
            let longest = suffix.type == .company ? 8 : 4
            // Never further back than the body scan went (接管|通源方舱医院 after 共同).
            for length in 2...longest where suffixStart - length >= bodyStart {
                var proper = suffixStart - length
                // 和|内官营镇锦屏小学: a township's name and 镇/乡 may lead the proper part.
                if !startsAtBoundary(proper) {
                    guard let township = townshipStart(before: proper, floor: bodyStart) else { continue }
                    proper = township
                }
                let range = proper..<suffixStart
                if range.contains(where: { Self.neverInsideName.contains(s[$0]) || CharacterClass.of(s[$0]) != .han }) { continue }
                if Self.nameStartBoundaries.contains(s[proper]) { continue }
                if Self.levelPrefixes.contains(s[proper]) || Self.pronouns.contains(s[proper]) || containsGenericWord(range) { continue }
                chosen = proper
            }
            guard let proper = chosen else { return nil }
            start = proper
        }
        guard var nameStart = start else { return nil }
        if isDeterminedClass(nameStart..<suffixStart) { return nil }
        // 研究生支教团镇雄分队: a unit of an ad-hoc team is ad-hoc too.
        if suffix.text == Self.squad, Self.adHocTeamList.endsWord(in: s, at: nameStart) { return nil }
        // 天津市对口支援新疆和田地区工作前方指挥部: the headquarters is named after the province it comes from.
        if suffix.text == Self.headquarters, let sender = aidingProvinceStart(before: nameStart) { nameStart = sender }
        // Generic: the proper part is only generic words (县人民医院, 受援医院, 乡镇卫生院).
        if !masked && isGeneric(nameStart..<suffixStart) { return nil }
        // A place alone before a government suffix that names a level (县委 in 大连市县委) is fine;
        // a place that is the whole name is not (江苏省).
        var candidate = Candidate(range: nameStart..<suffixEnd, type: type, masked: masked, rule: masked ? "institution.masked" : "institution.suffix")
        if suffix.takesSubunits || type == .university {
            extendWithSubunits(&candidate)
            type = candidate.type
        }
        return candidate
    }

    /// The start of a township's name (two or three characters and 乡/镇) that ends at `end` and
    /// starts at a boundary: 内官营镇 in 和内官营镇锦屏小学.
    private func townshipStart(before end: Int, floor: Int) -> Int? {
        let s = context.s
        guard end - 1 > floor, Self.townshipLevels.contains(s[end - 1]) else { return nil }
        for length in stride(from: 3, through: 2, by: -1) where end - 1 - length >= floor {
            let start = end - 1 - length
            let range = start..<(end - 1)
            guard startsAtBoundary(start), !Self.nameStartBoundaries.contains(s[start]), !Self.levelPrefixes.contains(s[start]),
                  !range.contains(where: { Self.neverInsideName.contains(s[$0]) || CharacterClass.of(s[$0]) != .han }),
                  !containsGenericWord(range) else { continue }
            return start
        }
        return nil
    }

    /// A placeholder inside a name: x × _ *, or □ or 某 doubled (□□乡卫生院, 某某大学; a single □ is
    /// lost punctuation, a single 某 may be part of a word).
    private func isNameMask(_ position: Int) -> Bool {
        let s = context.s
        let c = s[position]
        if NumeralCharacters.isMask(c) { return true }
        guard c == 0x25A1 || c == 0x67D0 else { return false }
        return (position > 0 && s[position - 1] == c) || (position + 1 < s.count && s[position + 1] == c)
    }

    /// The positions after the first character of each official name joined by 和 in `body`.
    private func conjoinedNameInterior(_ body: Range<Int>) -> Range<Int> {
        let s = context.s
        guard Self.conjoinedNameList.occurs(in: s, range: body) else { return 0..<0 }
        for position in body {
            if let length = Self.conjoinedNameList.longestMatch(in: s, at: position, limit: body.upperBound) {
                return (position + 1)..<(position + length)
            }
        }
        return 0..<0
    }

    /// 大力支持和县委: after a Han character, 和 is the conjunction, not the county 和县.
    private func isConjunctionCounty(_ position: Int, _ placeEnd: Int) -> Bool {
        let s = context.s
        guard s[position] == 0x548C, position > 0, CharacterClass.of(s[position - 1]) == .han else { return false }
        if placeEnd - position == 2 && s[position + 1] == 0x53BF { return true }   // 和县
        // 和|田林县 rather than 和田|林县: a full place name right after 和 that runs past the place at 和.
        if let (later, laterEnd) = gazetteer.longestPlace(in: s, at: position + 1, limit: s.count), !later.isShort, laterEnd > placeEnd {
            return true
        }
        return false
    }

    /// A class of institutions, not one: 全县高中, 城区每所学校, 宁波市属医院.
    private func isDeterminedClass(_ name: Range<Int>) -> Bool {
        let s = context.s
        if name.count >= 2, s[name.lowerBound] == 0x5168, Self.levelPrefixes.contains(s[name.lowerBound + 1]) { return true }   // 全县
        for k in name {
            if s[k] == 0x6BCF { return true }   // 每
            if k + 1 < name.upperBound, s[k + 1] == 0x5C5E, Self.levelPrefixes.contains(s[k]) { return true }   // 市属
        }
        return false
    }

    static let headquarters = scalars("指挥部")
    static let aidingWords: [[UInt32]] = ["对口支援", "支援"].map(scalars)

    /// The start of the aiding province or city right before 对口支援 that ends at `nameStart`.
    private func aidingProvinceStart(before nameStart: Int) -> Int? {
        let s = context.s
        guard let aid = Self.aidingWords.first(where: { nameStart - $0.count >= 0 && s.hasPrefix($0, at: nameStart - $0.count) }) else {
            return nil
        }
        let placeEnd = nameStart - aid.count
        // The longest chain of places that ends there (按照|天津市, 浙江省|宁波市).
        return (max(0, placeEnd - 12)..<placeEnd).first { start in
            gazetteer.longestPlace(in: s, at: start, limit: placeEnd) != nil && placeChainEnd(from: start, limit: placeEnd) == placeEnd
        }
    }

    /// A name may start here: after punctuation, a boundary character, or a pronoun such as 我市.
    private func startsAtBoundary(_ position: Int) -> Bool {
        let s = context.s
        guard position > 0 else { return true }
        let previous = s[position - 1]
        if CharacterClass.of(previous) != .han { return true }
        if Self.nameStartBoundaries.contains(previous) { return true }
        if Self.pronounWordList.endsWord(in: s, at: position) { return true }
        // After a verb that stops a name's body: 提升|下夹河乡卫生院, 帮扶|通源医院.
        if Self.bodyStopList.endsWord(in: s, at: position) { return true }
        return false
    }

    /// A generic word of two or more characters appears in the range.
    private func containsGenericWord(_ range: Range<Int>) -> Bool {
        context.s.withUnsafeBufferPointer { buffer in
            for position in range {
                var found = false
                Self.genericTrie.forEachMatch(in: buffer, from: position, limit: range.upperBound) { length, _ in
                    if length >= 2 { found = true }
                }
                if found { return true }
            }
            return false
        }
    }

    /// True when the character at `position` lies inside a place name that ends before `limit`.
    /// Characters before a suffix that a name's body usually holds, and the most that a leading
    /// chain of places may make it.
    static let usualBody = 14
    static let school = scalars("学校")
    static let hospital = scalars("医院")
    static let nameConjunctions = ScalarSet("与和及")
    static let longestBody = 26

    /// The leftmost start in `body` of a chain of places (provinces, prefectures, counties, the
    /// 兵团 and its 第N师) that reaches past the usual body length.
    private func placeChainStart(in body: Range<Int>) -> Int? {
        let usualStart = body.upperBound - Self.usualBody
        guard body.lowerBound < usualStart else { return nil }
        for start in body.lowerBound..<usualStart {
            if placeChainEnd(from: start, limit: body.upperBound) > usualStart { return start }
        }
        return nil
    }

    /// The end of the chain of places that starts at `position` (or `position`).
    private func placeChainEnd(from position: Int, limit: Int) -> Int {
        var end = position
        while end < limit, let next = placeChainLink(at: end, limit: limit) { end = next }
        return end
    }

    /// The end of one link of a place chain at `position`: a place, 新疆生产建设兵团, or 第N师.
    private func placeChainLink(at position: Int, limit: Int) -> Int? {
        let s = context.s
        if s.hasPrefix(Self.corps, at: position), position + Self.corps.count <= limit { return position + Self.corps.count }
        if let (_, end) = gazetteer.longestPlace(in: s, at: position, limit: limit), end > position { return end }
        if let k = OrdinalPhrases.numeralsEnd(in: s, afterDiAt: position, limit: limit), k < limit, s[k] == 0x5E08 { return k + 1 }   // 师
        return nil
    }

    static let corps = scalars("新疆生产建设兵团")

    private func isPartOfPlace(_ position: Int, _ limit: Int) -> Bool {
        let s = context.s
        var start = max(0, position - 5)
        while start <= position {
            if let (_, end) = gazetteer.longestPlace(in: s, at: start, limit: limit), end > position, end <= limit { return true }
            start += 1
        }
        return false
    }

    /// Whether `position` falls strictly inside one of the office cores (合作|交流办公室).
    private func isInsideOfficeCore(_ position: Int) -> Bool {
        Self.officeCoreList.covers(position, in: context.s, nearest: 1, reach: Self.officeCoreList.longestWord - 1)
    }

    /// Whether a generic word that starts before `position` (not before `floor`) runs past it:
    /// 乡村振兴|局 hides the short place name 振兴 (振兴区).
    private func isInsideGenericWord(_ position: Int, floor: Int) -> Bool {
        context.s.withUnsafeBufferPointer { buffer in
            for start in stride(from: position - 1, through: max(floor, position - 3), by: -1) {
                var longest = 0
                Self.genericTrie.forEachMatch(in: buffer, from: start, limit: buffer.count) { length, _ in longest = length }
                if start + longest > position { return true }
            }
            return false
        }
    }

    /// The proper part consists only of generic words.
    private func isGeneric(_ range: Range<Int>) -> Bool {
        context.s.withUnsafeBufferPointer { buffer in
            var position = range.lowerBound
            while position < range.upperBound {
                var longest = 0
                Self.genericTrie.forEachMatch(in: buffer, from: position, limit: range.upperBound) { length, _ in longest = length }
                guard longest > 0 else { return false }
                // 贵州省 is a place, not 贵 + 州 + 省 (each a generic word of its own).
                if let (place, placeEnd) = gazetteer.longestPlace(in: context.s, at: position, limit: range.upperBound),
                   !place.isShort, placeEnd - position > longest { return false }
                position += longest
            }
            return true
        }
    }

    /// 中山大学 + 基础医学院 / 附属医院 / 研究所: extend a name by a following sub-unit.
    private func extendWithSubunits(_ candidate: inout Candidate) {
        let s = context.s
        var end = candidate.range.upperBound
        let limit = min(s.count, end + 12)   // (青海民族大学 + 青藏高原生物资源研究院)
        while end < limit {
            var matched = false
            var position = end
            while position < limit, CharacterClass.of(s[position]) == .han, !Self.boundaryCharacters.contains(s[position]),
                  !isExtensionStop(position), !Self.bodyStopList.startsWord(in: s, at: position) {
                if let (index, length) = Self.subunitList.longestEntry(in: s, at: position) {
                    candidate.range = candidate.range.lowerBound..<(position + length)
                    candidate.type = Self.subunitSuffixes[index].type
                    end = position + length
                    matched = true
                    break
                }
                position += 1
            }
            if !matched { break }
        }
    }

    // MARK: Overlaps

    /// Longest name wins; among equals, the earlier one.
    private func resolve(_ candidates: [Candidate]) -> [Candidate] {
        let sorted = candidates.sorted {
            if $0.range.count != $1.range.count { return $0.range.count > $1.range.count }
            return $0.range.lowerBound < $1.range.lowerBound
        }
        // Only the span the candidates cover: a few lines may be scanned in a long document.
        guard let low = candidates.map(\.range.lowerBound).min(), let high = candidates.map(\.range.upperBound).max() else {
            return []
        }
        var taken = [Bool](repeating: false, count: high - low)
        var kept: [Candidate] = []
        for candidate in sorted {
            if candidate.range.contains(where: { taken[$0 - low] }) { continue }
            if context.isBlocked(candidate.range) { continue }
            for position in candidate.range { taken[position - low] = true }
            kept.append(candidate)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
