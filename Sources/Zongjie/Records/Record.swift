/// The kinds of records Zongjie extracts. The first five are on by default; `number` and
/// `percent` are optional (conformance work, statistics).
public enum RecordKind: String, Codable, Sendable, CaseIterable, Comparable {
    case count, money, date, institution, dispatch, number, percent

    public static let defaults: Set<RecordKind> = [.count, .money, .date, .institution, .dispatch]

    /// Records at the same offset come in this order (the order of the cases).
    public var order: Int {
        switch self {
        case .count: 0
        case .money: 1
        case .date: 2
        case .institution: 3
        case .dispatch: 4
        case .number: 5
        case .percent: 6
        }
    }

    public static func < (a: RecordKind, b: RecordKind) -> Bool { a.order < b.order }
}

/// How a figure relates to its number: 约/左右 (approx), 余/多/以上 (more), 不足/以下 (less), a range.
public enum Qualifier: String, Codable, Sendable, CaseIterable {
    case exact, approx, more, less, range
}

/// One extracted record: where it is in the original text, where it sits in the document's
/// structure, which rule produced it, and its typed value.
public struct Record: Sendable, Equatable {
    /// Half-open code-point range in the original text.
    public var start: Int
    public var end: Int
    /// The original text of `start..<end`.
    public var text: String
    /// 0-based index of the article in the file (nil before structure is known).
    public var article: Int?
    /// Headings of the enclosing sections, outermost first.
    public var section: [String]
    /// Id of the rule that produced the record (stable, e.g. `count.arabic-measure`).
    public var rule: String
    public var value: RecordValue

    public init(start: Int, end: Int, text: String, rule: String, value: RecordValue,
                article: Int? = nil, section: [String] = []) {
        self.start = start
        self.end = end
        self.text = text
        self.rule = rule
        self.value = value
        self.article = article
        self.section = section
    }

    public var kind: RecordKind { value.kind }
    public var range: Range<Int> { start..<end }
}

/// The typed value of a record, one case per kind.
public enum RecordValue: Sendable, Equatable {
    case count(CountValue)
    case money(MoneyValue)
    case date(DateValue)
    case institution(InstitutionValue)
    case dispatch(DispatchValue)
    case number(NumberValue)
    case percent(PercentValue)

    public var kind: RecordKind {
        switch self {
        case .count: return .count
        case .money: return .money
        case .date: return .date
        case .institution: return .institution
        case .dispatch: return .dispatch
        case .number: return .number
        case .percent: return .percent
        }
    }
}

/// numeral (+ 万/亿) + measure word: 19名, 近300门, 50余人次, 2—5名.
public struct CountValue: Sendable, Equatable, Codable {
    public var value: Double
    public var low: Double
    public var high: Double
    public var qualifier: Qualifier
    /// The measure word as written (名, 人次).
    public var unit: String
    /// The counted noun where it can be recovered (医务人员), else nil.
    public var object: String?

    public init(value: Double, low: Double, high: Double, qualifier: Qualifier, unit: String, object: String?) {
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.unit = unit
        self.object = object
    }
}

/// An amount of money, in yuan unless another currency is written.
public struct MoneyValue: Sendable, Equatable, Codable {
    public var amount: Double
    public var low: Double
    public var high: Double
    public var qualifier: Qualifier
    /// ISO 4217 code ("CNY" unless another currency is written).
    public var currency: String

    public init(amount: Double, low: Double, high: Double, qualifier: Qualifier, currency: String) {
        self.amount = amount
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.currency = currency
    }
}

/// A calendar point with any part unknown (nil): masked, or not written.
public struct DatePoint: Sendable, Equatable, Hashable, Codable {
    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }
}

/// A date or a date range (`to` is the end, its missing year/month inherited from the start).
public struct DateValue: Sendable, Equatable, Codable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// True when any part is a placeholder (20xx, 200×, xx月).
    public var masked: Bool
    public var to: DatePoint?

    public init(year: Int?, month: Int?, day: Int?, masked: Bool, to: DatePoint?) {
        self.year = year
        self.month = month
        self.day = day
        self.masked = masked
        self.to = to
    }

    public var start: DatePoint { DatePoint(year: year, month: month, day: day) }
}

public enum InstitutionType: String, Codable, Sendable, CaseIterable {
    case university, hospital, government, school, company, other
}

/// The full name of an organisation.
public struct InstitutionValue: Sendable, Equatable, Codable {
    public var name: String
    public var type: InstitutionType
    public var masked: Bool

    public init(name: String, type: InstitutionType, masked: Bool) {
        self.name = name
        self.type = type
        self.masked = masked
    }
}

/// A statement of staff sent or stationed: 选派19名医务人员.
public struct DispatchValue: Sendable, Equatable, Codable {
    /// The figure (a range gives its low end).
    public var count: Double
    public var unit: String
    public var staff: String?
    public var verb: String
    /// The sender when it is named in the sentence.
    public var from: String?
    public var batches: Int?
    /// 每年, 每学年, 每学期, 每批, 每次, or nil.
    public var per: String?

    public init(count: Double, unit: String, staff: String?, verb: String, from: String?, batches: Int?, per: String?) {
        self.count = count
        self.unit = unit
        self.staff = staff
        self.verb = verb
        self.from = from
        self.batches = batches
        self.per = per
    }
}

/// Any numeral, with its value (optional kind `number`).
public struct NumberValue: Sendable, Equatable, Codable {
    public var value: Double
    public var low: Double
    public var high: Double
    public var qualifier: Qualifier

    public init(value: Double, low: Double, high: Double, qualifier: Qualifier) {
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
    }
}

/// A percentage, `value` in percent units (23.4% → 23.4) (optional kind `percent`).
public struct PercentValue: Sendable, Equatable, Codable {
    public var value: Double
    public var low: Double
    public var high: Double
    public var qualifier: Qualifier

    public init(value: Double, low: Double, high: Double, qualifier: Qualifier) {
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
    }
}
