/// Decoding when a container declares the encoding (an HTML page's `<meta charset>`), and building
/// a `DecodedText` from text that was extracted from a container (HTML, .docx) so that a `Document`
/// keeps the container's encoding and warnings while its offsets point into the extracted text.
extension TextDecoder {
    /// Decodes bytes in a declared encoding. A byte order mark still wins (it is not part of the
    /// text); malformed sequences become U+FFFD with a warning, and more than a tolerable share of
    /// them throws `.undecodable`, as auto-detection does.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding, source: String,
                              maximumBytes: Int = defaultMaximumBytes) throws(DecodingError) -> DecodedText {
        if bytes.count > maximumBytes {
            throw DecodingError(source: source, reason: .tooLarge,
                                detail: "\(bytes.count) bytes exceeds the limit of \(maximumBytes) bytes")
        }
        let hasBOM = (bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            || (bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        if hasBOM || bytes.isEmpty { return try decode(bytes, source: source, maximumBytes: maximumBytes) }
        let result: Result<DecodedText, DecodingError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(DecodingError) {
                switch encoding {
                case .utf8:
                    try rejectBinary(buffer, source: source)
                    return .success(try decodeUTF8(buffer, source: source, hadBOM: false, strict: true))
                case .utf16LittleEndian, .utf16BigEndian:
                    return .success(try decodeWithICU(buffer, encoding: encoding, source: source, hadBOM: false))
                case .gb18030, .big5:
                    try rejectBinary(buffer, source: source)
                    let decoded = try decodeWithICU(buffer, encoding: encoding, source: source, hadBOM: false)
                    let replaced = decoded.text.scalars.reduce(0) { $0 + ($1 == 0xFFFD ? 1 : 0) }
                    let rate = Double(replaced) / Double(max(1, decoded.text.count))
                    if rate > tolerableLegacyErrorRate && replaced > 2 {
                        throw DecodingError(source: source, reason: .undecodable,
                                            detail: "declared \(encoding.rawValue), but \(replaced) sequences are malformed")
                    }
                    return .success(decoded)
                }
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

extension DecodedText {
    /// A decoded text built from extracted text: `encoding` and `warnings` describe the container
    /// it came from; the line-ending convention is measured on `text`.
    public init(text: SourceText, encoding: TextEncoding, hadByteOrderMark: Bool = false, warnings: [DecodingWarning] = []) {
        self.init(text: text, encoding: encoding, hadByteOrderMark: hadByteOrderMark,
                  lineEnding: TextDecoder.lineEnding(of: text.scalars), warnings: warnings)
    }
}
