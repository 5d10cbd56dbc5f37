/// Every validation rule, in the order they are listed and run. Rule ids are stable: they
/// appear in configuration files, in `--rules`, in JSONL and SARIF output.
public enum RuleCatalog {
    public static let all: [any ValidationRule] = [
        PlaceholderRule(),
        WebResidueRule(),
        TotalsRule(),
        GrowthRule(),
        PercentRangeRule(),
        InvalidDateRule(),
        DateRangeOrderRule(),
        DateAfterSignatureRule(),
        InconsistentFiguresRule(),
        MissingSectionsRule(),
        CopiedTextRule(),
    ]

    public static var ids: [String] { all.map(\.descriptor.id) }

    public static func rule(_ id: String) -> (any ValidationRule)? {
        all.first { $0.descriptor.id == id }
    }
}
