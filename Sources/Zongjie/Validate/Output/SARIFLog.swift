/// A SARIF 2.1.0 log of validation findings, for code-review and CI tools: one run, the tool's
/// rules (id, descriptions, default level), and one result per diagnostic with its physical
/// location (artifact URI, region with lines, columns in code points, character offsets and
/// the snippet). Related locations (the reference a passage was copied from, an earlier
/// statement of a figure) follow the result.
public struct SARIFLog {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public let toolName: String
    public let toolVersion: String
    public let rules: [RuleDescriptor]
    /// The severity each rule runs at (configured, else its default).
    public let levels: [String: Severity]
    /// Rules turned off for this run: listed with `enabled: false`, as SARIF describes them.
    public let disabled: Set<String>
    /// The folder that relative input paths are relative to (an absolute path), named in the
    /// log as the base `SRCROOT` of their URIs; nil leaves relative URIs without a base.
    public let workingDirectory: String?
    private var usesWorkingDirectory = false
    private var results: [String] = []
    private var artifacts: [String] = []
    private var artifactIndex: [String: Int] = [:]
    private var usesBundledReferences = false
    private var inputFailures: [String] = []

    /// The base of the bundled model essays' names (`Corpus/pages/…` of Zongjie's source tree):
    /// they are no file on the user's machine, so the base has a description and no URI.
    public static let bundledReferencesBase = "ZONGJIE_BUNDLED_REFERENCES"

    /// The base of the URIs of relative input paths.
    public static let workingDirectoryBase = "SRCROOT"

    public init(toolName: String = "zongjie", toolVersion: String, rules: [RuleDescriptor], levels: [String: Severity] = [:],
                disabled: Set<String> = [], workingDirectory: String? = nil) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.rules = rules
        self.levels = levels
        self.disabled = disabled
        self.workingDirectory = workingDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// Adds a diagnostic with its location; `related` locations get lines when known.
    public mutating func add(_ diagnostic: Diagnostic, location: DiagnosticLocation) {
        var result = JSONObjectWriter()
        result.add("ruleId", diagnostic.rule)
        if let index = rules.firstIndex(where: { $0.id == diagnostic.rule }) { result.add("ruleIndex", index) }
        result.add("level", diagnostic.severity.sarifLevel)
        var message = JSONObjectWriter()
        message.add("text", diagnostic.message)
        result.addRaw("message", message.finish())
        let artifact = artifactNumber(diagnostic.source)
        var region = JSONObjectWriter()
        region.add("startLine", location.line)
        region.add("startColumn", location.column)
        region.add("endLine", location.endLine)
        region.add("endColumn", location.endColumn)
        region.add("charOffset", diagnostic.start)
        region.add("charLength", diagnostic.end - diagnostic.start)
        var snippet = JSONObjectWriter()
        snippet.add("text", location.snippet)
        region.addRaw("snippet", snippet.finish())
        result.addRaw("locations", "[" + resultLocation(source: diagnostic.source, artifact: artifact, region: region.finish()) + "]")
        if !diagnostic.related.isEmpty {
            var related: [String] = []
            for (number, item) in diagnostic.related.enumerated() {
                var relatedRegion = JSONObjectWriter()
                if let line = item.line { relatedRegion.add("startLine", line) }
                if let column = item.column { relatedRegion.add("startColumn", column) }
                if let line = item.endLine { relatedRegion.add("endLine", line) }
                if let column = item.endColumn { relatedRegion.add("endColumn", column) }
                relatedRegion.add("charOffset", item.start)
                relatedRegion.add("charLength", item.end - item.start)
                var entry = JSONObjectWriter()
                entry.add("id", number)
                var physical = JSONObjectWriter()
                var artifactLocation = JSONObjectWriter()
                if let base = item.uriBaseId {
                    artifactLocation.add("uri", Self.uri(item.source))
                    artifactLocation.add("uriBaseId", base)
                    usesBundledReferences = usesBundledReferences || base == Self.bundledReferencesBase
                } else {
                    addInputURI(item.source, to: &artifactLocation)
                }
                physical.addRaw("artifactLocation", artifactLocation.finish())
                physical.addRaw("region", relatedRegion.finish())
                entry.addRaw("physicalLocation", physical.finish())
                if let text = item.message {
                    var relatedMessage = JSONObjectWriter()
                    relatedMessage.add("text", text)
                    entry.addRaw("message", relatedMessage.finish())
                }
                related.append(entry.finish())
            }
            result.addRaw("relatedLocations", "[" + related.joined(separator: ",") + "]")
        }
        results.append(result.finish())
    }

    /// Notes an input that could not be read: a tool execution notification of the run's
    /// invocation, which then did not succeed.
    public mutating func addInputFailure(source: String, reason: String) {
        var message = JSONObjectWriter()
        message.add("text", reason)
        var artifactLocation = JSONObjectWriter()
        addInputURI(source, to: &artifactLocation)
        var physical = JSONObjectWriter()
        physical.addRaw("artifactLocation", artifactLocation.finish())
        var location = JSONObjectWriter()
        location.addRaw("physicalLocation", physical.finish())
        var notification = JSONObjectWriter()
        notification.add("level", "error")
        notification.addRaw("message", message.finish())
        notification.addRaw("locations", "[" + location.finish() + "]")
        inputFailures.append(notification.finish())
    }

    /// Notes an input file even when it has no findings (SARIF `artifacts`).
    public mutating func addArtifact(_ source: String) {
        _ = artifactNumber(source)
    }

    private mutating func artifactNumber(_ source: String) -> Int {
        if let number = artifactIndex[source] { return number }
        var artifact = JSONObjectWriter()
        var location = JSONObjectWriter()
        addInputURI(source, to: &location)
        artifact.addRaw("location", location.finish())
        artifacts.append(artifact.finish())
        artifactIndex[source] = artifacts.count - 1
        return artifacts.count - 1
    }

    /// The URI of an input, relative ones with the working folder as their base.
    private mutating func addInputURI(_ source: String, to artifactLocation: inout JSONObjectWriter) {
        artifactLocation.add("uri", Self.uri(source))
        // "-" is standard input, no path.
        if workingDirectory != nil, !source.hasPrefix("/"), source != "-" {
            artifactLocation.add("uriBaseId", Self.workingDirectoryBase)
            usesWorkingDirectory = true
        }
    }

    private mutating func resultLocation(source: String, artifact: Int, region: String) -> String {
        var artifactLocation = JSONObjectWriter()
        addInputURI(source, to: &artifactLocation)
        artifactLocation.add("index", artifact)
        var physical = JSONObjectWriter()
        physical.addRaw("artifactLocation", artifactLocation.finish())
        physical.addRaw("region", region)
        var location = JSONObjectWriter()
        location.addRaw("physicalLocation", physical.finish())
        return location.finish()
    }

    /// The whole log as one JSON document.
    public func json() -> String {
        var driver = JSONObjectWriter()
        driver.add("name", toolName)
        driver.add("version", toolVersion)
        var ruleObjects: [String] = []
        for rule in rules {
            var object = JSONObjectWriter()
            object.add("id", rule.id)
            object.add("name", Self.pascalCase(rule.id))
            var short = JSONObjectWriter()
            short.add("text", rule.summary)
            object.addRaw("shortDescription", short.finish())
            var full = JSONObjectWriter()
            full.add("text", rule.description)
            object.addRaw("fullDescription", full.finish())
            var configuration = JSONObjectWriter()
            if disabled.contains(rule.id) { configuration.add("enabled", false) }
            configuration.add("level", (levels[rule.id] ?? rule.defaultSeverity).sarifLevel)
            object.addRaw("defaultConfiguration", configuration.finish())
            ruleObjects.append(object.finish())
        }
        driver.addRaw("rules", "[" + ruleObjects.joined(separator: ",") + "]")
        var tool = JSONObjectWriter()
        tool.addRaw("driver", driver.finish())
        var run = JSONObjectWriter()
        run.addRaw("tool", tool.finish())
        run.add("columnKind", "unicodeCodePoints")
        // Lines end at LF, CRLF and CR alike (SARIF's default knows only the first two).
        run.addRaw("newlineSequences", "[\"\\r\\n\",\"\\n\",\"\\r\"]")
        var bases: [String] = []
        if usesWorkingDirectory, let workingDirectory {
            var base = JSONObjectWriter()
            base.add("uri", Self.uri(workingDirectory))
            bases.append(JSONObjectWriter.quoted(Self.workingDirectoryBase) + ":" + base.finish())
        }
        if usesBundledReferences {
            var description = JSONObjectWriter()
            description.add("text", "Model essays bundled with zongjie: Corpus/pages of its source tree")
            var base = JSONObjectWriter()
            base.addRaw("description", description.finish())
            bases.append(JSONObjectWriter.quoted(Self.bundledReferencesBase) + ":" + base.finish())
        }
        if !bases.isEmpty { run.addRaw("originalUriBaseIds", "{" + bases.joined(separator: ",") + "}") }
        var invocation = JSONObjectWriter()
        invocation.add("executionSuccessful", inputFailures.isEmpty)
        if !inputFailures.isEmpty {
            invocation.addRaw("toolExecutionNotifications", "[" + inputFailures.joined(separator: ",") + "]")
        }
        run.addRaw("invocations", "[" + invocation.finish() + "]")
        run.addRaw("artifacts", "[" + artifacts.joined(separator: ",") + "]")
        run.addRaw("results", "[" + results.joined(separator: ",") + "]")
        var log = JSONObjectWriter()
        log.add("$schema", Self.schema)
        log.add("version", "2.1.0")
        log.addRaw("runs", "[" + run.finish() + "]")
        return log.finish()
    }

    /// A URI reference for a path: relative paths stay relative, absolute ones become file://
    /// URIs; characters outside the unreserved set and `/` are percent-encoded (UTF-8).
    public static func uri(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
