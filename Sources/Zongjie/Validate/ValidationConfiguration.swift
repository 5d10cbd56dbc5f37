import Foundation

/// Which rules run, at what severity, with which options: from a JSON configuration file
/// (`--config FILE`, or `.zongjie-validate.json` in the working folder) and `--rules`.
///
/// ```json
/// {
///   "rules": {
///     "missing-section": "off",
///     "placeholder": "warning",
///     "copied-text": { "severity": "error", "minimumLength": 80 },
///     "totals": { "tolerance": 0.01 }
///   },
///   "reference": ["model-essays"]
/// }
/// ```
/// A rule's value is `"off"`, a severity (`"error"`, `"warning"`, `"info"`), or an object with
/// `enabled`, `severity` and the rule's options. `reference` lists files or folders of model
/// essays for `copied-text`, relative to the configuration file.
public struct ValidationConfiguration: Sendable, Equatable {
    /// Rules that do not run.
    public var disabled: Set<String> = []
    /// Severities that replace a rule's own.
    public var severities: [String: Severity] = [:]
    public var options = RuleOptions()
    /// Reference files and folders for `copied-text` (empty: the bundled Corpus pages).
    public var references: [String] = []

    public init() {}

    /// The default file name looked for in the working folder.
    public static let defaultFileName = ".zongjie-validate.json"

    /// Runs only these rules (the `--rules` selection).
    public mutating func select(_ ids: Set<String>) {
        disabled = Set(RuleCatalog.ids).subtracting(ids)
    }

    public func isEnabled(_ id: String) -> Bool { !disabled.contains(id) }

    /// The severity of a rule's findings: the configured one, else what the rule says.
    public func severity(of id: String, finding: Severity?, default base: Severity) -> Severity {
        severities[id] ?? finding ?? base
    }

    // MARK: Reading

    public static func load(path: String) throws -> ValidationConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError("\(path): cannot read: \(error.localizedDescription)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(data, source: path, folder: folder)
    }

    public static func parse(_ data: Data, source: String, folder: String = "") throws -> ValidationConfiguration {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigurationError("\(source): not valid JSON: \(error.localizedDescription)")
        }
        guard let root = json as? [String: Any] else { throw ConfigurationError("\(source): expected a JSON object") }
        var configuration = ValidationConfiguration()
        for key in root.keys where key != "rules" && key != "reference" {
            throw ConfigurationError("\(source): unknown key \"\(key)\" (expected \"rules\", \"reference\")")
        }
        if let rules = root["rules"] {
            guard let rules = rules as? [String: Any] else { throw ConfigurationError("\(source): \"rules\" must be an object") }
            for (id, value) in rules.sorted(by: { $0.key < $1.key }) {
                guard RuleCatalog.rule(id) != nil else {
                    throw ConfigurationError("\(source): unknown rule \"\(id)\"; rules are \(RuleCatalog.ids.joined(separator: ", "))")
                }
                try configuration.apply(id: id, value: value, source: source)
            }
        }
        if let reference = root["reference"] {
            let paths: [String]
            if let single = reference as? String { paths = [single] }
            else if let list = reference as? [String] { paths = list }
            else { throw ConfigurationError("\(source): \"reference\" must be a path or a list of paths") }
            configuration.references = paths.map { $0.hasPrefix("/") || folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
        }
        return configuration
    }

    private mutating func apply(id: String, value: Any, source: String) throws {
        if let text = value as? String {
            try applySetting(id: id, text, source: source)
            return
        }
        if let flag = value as? Bool, !(value is [String: Any]) {
            if !flag { disabled.insert(id) }
            return
        }
        guard let object = value as? [String: Any] else {
            throw ConfigurationError("\(source): rule \"\(id)\": expected \"off\", a severity or an object")
        }
        for (key, option) in object {
            switch key {
            case "enabled":
                guard let flag = option as? Bool else { throw ConfigurationError("\(source): rule \"\(id)\": \"enabled\" must be true or false") }
                if !flag { disabled.insert(id) }
            case "severity":
                guard let text = option as? String else { throw ConfigurationError("\(source): rule \"\(id)\": \"severity\" must be a string") }
                try applySetting(id: id, text, source: source)
            case "minimumLength" where id == "copied-text":
                guard let number = option as? Int, number >= 10 else {
                    throw ConfigurationError("\(source): rule \"copied-text\": \"minimumLength\" must be an integer of at least 10")
                }
                options.minimumCopiedLength = number
            case "tolerance" where id == "totals":
                guard let number = option as? Double, number >= 0, number < 0.5 else {
                    throw ConfigurationError("\(source): rule \"totals\": \"tolerance\" must be a fraction between 0 and 0.5")
                }
                options.totalsTolerance = number
            default:
                throw ConfigurationError("\(source): rule \"\(id)\": unknown option \"\(key)\"")
            }
        }
    }

    private mutating func applySetting(id: String, _ text: String, source: String) throws {
        if text == "off" || text == "none" {
            disabled.insert(id)
        } else if let severity = Severity(rawValue: text) ?? (text == "note" ? .info : nil) {
            severities[id] = severity
            disabled.remove(id)
        } else {
            throw ConfigurationError("\(source): rule \"\(id)\": \"\(text)\" is not off, error, warning or info")
        }
    }
}

/// A configuration file that cannot be used: its path and what is wrong.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
