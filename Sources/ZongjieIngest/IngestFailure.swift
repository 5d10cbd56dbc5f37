import Zongjie

/// Why a document was not read (status `failed`) or not read on purpose (status `skipped`).
/// The raw value is what the `reason` column and the CSV/summary show.
public enum IngestReason: String, Sendable, CaseIterable, Codable {
    // failed
    case unreadable
    case binary
    case undecodable
    case tooLarge = "too-large"
    case corruptZip = "corrupt-zip"
    case corruptDocx = "corrupt-docx"
    case invalidJSON = "invalid-json"
    // skipped
    case unsupportedType = "unsupported-type"
    case nestedTooDeep = "nested-too-deep"

    /// True for reasons that make a file `skipped` (by design) rather than `failed`.
    public var isSkip: Bool {
        switch self {
        case .unsupportedType, .nestedTooDeep: return true
        default: return false
        }
    }
}

/// A document that could not be read: the reason and a sentence for people.
public struct IngestFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: IngestReason
    public var detail: String

    public init(_ reason: IngestReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public init(_ error: DecodingError) {
        switch error.reason {
        case .binary: self.init(.binary, error.detail)
        case .undecodable: self.init(.undecodable, error.detail)
        case .tooLarge: self.init(.tooLarge, error.detail)
        }
    }

    public var description: String { "\(reason.rawValue): \(detail)" }
}
