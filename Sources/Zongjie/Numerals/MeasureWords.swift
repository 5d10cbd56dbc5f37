/// Measure words (量词) and the other units that follow numerals, as data.
///
/// `count` units make a numeral a count record; `nonCount` units make it something else
/// (a duration, a measurement, an age, a grade, a ratio) and must win over a count unit that is
/// their prefix (个月 over 个, 人民 is not 人). Longest match wins.
public enum MeasureWords {
    public enum Category: UInt8, Sendable {
        case count
        case duration
        case measurement
        case age
        case grade
        case ratio
        case money
        case percent
        case date
        case document
        /// A word that begins with a measure character but is not a measure (人民, 个人, 次要).
        case notAMeasure
    }

    /// Count measure words of the spec and the genre.
    public static let countUnits: [String] = [
        "名", "人", "人次", "位", "户", "户次", "个", "家", "所", "项", "次", "场", "场次", "期", "批", "批次",
        "篇", "门", "门次", "台", "台次", "台件", "台套", "例", "张", "件", "份", "套", "册", "本", "节", "间",
        "对", "辆", "车次", "封", "面", "剂", "只", "处", "部", "轮", "条", "种", "类", "座", "栋", "支", "架",
        "艘", "棵", "株", "头", "口", "块", "盏", "袋", "箱", "包", "盒", "瓶", "枚", "颗", "幅", "首", "堂",
        "班", "组", "届", "人日", "例次", "床", "所次", "家次", "项次", "期次", "班次", "课次",
    ]

    /// Units that make a numeral something other than a count.
    public static let otherUnits: [(String, Category)] = [
        ("年", .duration), ("个月", .duration), ("月", .duration), ("天", .duration), ("日", .duration),
        ("周", .duration), ("星期", .duration), ("小时", .duration), ("个小时", .duration), ("分钟", .duration),
        ("秒", .duration), ("学时", .duration), ("课时", .duration), ("工作日", .duration), ("学年", .duration),
        ("学期", .duration), ("个学期", .duration), ("个学年", .duration), ("个昼夜", .duration), ("昼夜", .duration),
        ("个工作日", .duration), ("年度", .duration), ("周年", .duration), ("个春秋", .duration), ("夜", .duration),
        ("各月", .duration), ("个星期", .duration), ("晚", .duration), ("旬", .duration), ("个日夜", .duration),
        ("日夜", .duration), ("个白天", .duration), ("个夜晚", .duration), ("个寒暑", .duration), ("个年头", .duration),
        ("个季度", .duration), ("季度", .duration),
        ("米", .measurement), ("公里", .measurement), ("千米", .measurement), ("平方米", .measurement),
        ("平方公里", .measurement), ("平方千米", .measurement), ("亩", .measurement), ("公顷", .measurement),
        ("吨", .measurement), ("公斤", .measurement), ("千克", .measurement), ("斤", .measurement),
        ("克", .measurement), ("升", .measurement), ("毫升", .measurement), ("度", .measurement),
        ("兆", .measurement), ("兆瓦", .measurement), ("千瓦", .measurement), ("步", .measurement),
        ("厘米", .measurement), ("毫米", .measurement), ("立方米", .measurement), ("纺锭", .measurement),
        ("层", .measurement), ("万千瓦", .measurement), ("千瓦时", .measurement), ("立方", .measurement),
        ("岁", .age), ("周岁", .age),
        ("级", .grade), ("等", .grade), ("星", .grade), ("分", .grade), ("档", .grade),
        ("倍", .ratio), ("成", .ratio), ("折", .ratio), ("个百分点", .ratio), ("百分点", .ratio),
        ("元", .money), ("块钱", .money), ("美元", .money), ("欧元", .money), ("港元", .money), ("港币", .money),
        ("日元", .money), ("英镑", .money), ("人民币", .money),
        ("%", .percent), ("‰", .percent),
        ("号", .document),
        ("人民", .notAMeasure), ("个人", .notAMeasure), ("个体", .notAMeasure), ("个性", .notAMeasure),
        ("次要", .notAMeasure), ("次性", .notAMeasure), ("部门", .notAMeasure), ("部分", .notAMeasure),
        ("部署", .notAMeasure), ("人才", .notAMeasure), ("人员", .notAMeasure), ("人口", .notAMeasure),
        ("人民币", .money), ("家庭", .notAMeasure), ("家长", .notAMeasure), ("家属", .notAMeasure),
        ("所以", .notAMeasure), ("所有", .notAMeasure), ("所在", .notAMeasure), ("项目", .notAMeasure),
        ("期间", .notAMeasure), ("期望", .notAMeasure), ("门诊", .notAMeasure), ("台阶", .notAMeasure),
        ("条件", .notAMeasure), ("种类", .notAMeasure), ("支援", .notAMeasure), ("支持", .notAMeasure),
        ("支教", .notAMeasure), ("口号", .notAMeasure), ("处理", .notAMeasure), ("处于", .notAMeasure),
        ("对口", .notAMeasure), ("对于", .notAMeasure), ("面对", .notAMeasure), ("面积", .notAMeasure),
        ("头脑", .notAMeasure), ("组织", .notAMeasure), ("组长", .notAMeasure), ("班子", .notAMeasure),
        ("班长", .notAMeasure), ("本科", .notAMeasure), ("本身", .notAMeasure), ("件事", .notAMeasure),
        ("间隔", .notAMeasure), ("场所", .notAMeasure), ("首先", .notAMeasure), ("首都", .notAMeasure), ("首次", .notAMeasure),
        ("节约", .notAMeasure), ("包括", .notAMeasure), ("座谈", .notAMeasure), ("类型", .notAMeasure),
        ("户口", .notAMeasure), ("轮换", .notAMeasure), ("轮流", .notAMeasure), ("批准", .notAMeasure),
        ("批示", .notAMeasure), ("份额", .notAMeasure), ("块儿", .notAMeasure),
        ("门类", .notAMeasure), ("人数", .notAMeasure), ("人群", .notAMeasure), ("位置", .notAMeasure),
        ("名称", .notAMeasure), ("名单", .notAMeasure), ("名额", .notAMeasure), ("名义", .notAMeasure),
        ("家族", .notAMeasure), ("所属", .notAMeasure), ("只有", .notAMeasure), ("只是", .notAMeasure),
        ("只要", .notAMeasure), ("只能", .notAMeasure), ("例如", .notAMeasure),
        ("张贴", .notAMeasure), ("件套", .count), ("个多月", .duration), ("个年头", .duration), ("年头", .duration),
        ("元结构", .notAMeasure), ("元化", .notAMeasure), ("元论", .notAMeasure), ("元素", .notAMeasure), ("元旦", .notAMeasure),
        ("元宵", .notAMeasure), ("元首", .notAMeasure), ("元老", .notAMeasure), ("元气", .notAMeasure), ("元帅", .notAMeasure), ("个半月", .duration), ("个多小时", .duration),
        ("名义", .notAMeasure), ("人士", .notAMeasure), ("人事", .notAMeasure), ("人民", .notAMeasure), ("家乡", .notAMeasure),
        ("口岸", .notAMeasure), ("口腔", .notAMeasure), ("口径", .notAMeasure), ("面向", .notAMeasure), ("面临", .notAMeasure),
        ("本次", .notAMeasure), ("本届", .notAMeasure), ("本院", .notAMeasure), ("本校", .notAMeasure), ("头发", .notAMeasure),
        ("组成", .notAMeasure), ("支部", .notAMeasure), ("批复", .notAMeasure), ("户籍", .notAMeasure), ("轮训", .notAMeasure),
        ("场地", .notAMeasure), ("节日", .notAMeasure), ("位于", .notAMeasure), ("部长", .notAMeasure), ("对接", .notAMeasure),
        ("对象", .notAMeasure), ("对比", .notAMeasure), ("台湾", .notAMeasure), ("台州", .notAMeasure), ("项目", .notAMeasure),
        ("门户", .notAMeasure), ("处长", .notAMeasure), ("处级", .notAMeasure), ("间接", .notAMeasure), ("套餐", .notAMeasure),
        ("类别", .notAMeasure), ("份子", .notAMeasure), ("只有", .notAMeasure), ("条例", .notAMeasure), ("例外", .notAMeasure),
    ]

    /// Single characters that can be a measure word right after a numeral (for the tokenizer).
    @inline(__always)
    public static func isSingleCharacterMeasure(_ c: UInt32) -> Bool {
        c < 0x10000 && singleCharacterMeasures[Int(c) >> 6] & (1 << (UInt64(c) & 63)) != 0
    }

    private static let singleCharacterMeasures: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for unit in countUnits where unit.unicodeScalars.count == 1 {
            let value = unit.unicodeScalars.first!.value
            bits[Int(value) >> 6] |= 1 << (UInt64(value) & 63)
        }
        for word in ["年", "月", "日", "天", "周", "岁", "元", "倍", "米", "吨", "亩"] {
            let value = word.unicodeScalars.first!.value
            bits[Int(value) >> 6] |= 1 << (UInt64(value) & 63)
        }
        return bits
    }()
}
