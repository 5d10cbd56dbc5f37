/// The character encodings Zongjie reads, as detected from the bytes of a file.
public enum TextEncoding: String, Codable, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case gb18030 = "GB18030"
    case big5 = "Big5"

    /// The ICU converter name for encodings decoded by ICU.
    var icuName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LittleEndian: return "UTF-16LE"
        case .utf16BigEndian: return "UTF-16BE"
        case .gb18030: return "GB18030"
        case .big5: return "Big5"
        }
    }
}

/// How lines end in a decoded text.
public enum LineEnding: String, Codable, Sendable {
    case none, lf, crlf, cr, mixed
}

/// Something worth telling the user about a file that was still decoded.
public struct DecodingWarning: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset in the file of the first affected byte, when known.
    public var byteOffset: Int?
    public var message: String

    public var description: String {
        if let byteOffset { return "byte \(byteOffset): \(message)" }
        return message
    }
}

/// Why a file could not be turned into text.
public struct DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Codable, Sendable {
        case binary
        case undecodable
        case tooLarge = "too-large"
    }

    public var source: String
    public var reason: Reason
    public var detail: String

    public var description: String { "\(source): \(reason.rawValue): \(detail)" }
}

/// A decoded file: its original text and what was learnt while decoding it.
public struct DecodedText: Sendable {
    public var text: SourceText
    public var encoding: TextEncoding
    /// True when the file started with a byte order mark (not part of `text`).
    public var hadByteOrderMark: Bool
    public var lineEnding: LineEnding
    public var warnings: [DecodingWarning]
}
