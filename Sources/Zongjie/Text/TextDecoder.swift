/// Turns the bytes of a file into text: UTF-8 (with or without BOM), UTF-16 with BOM (or
/// without, when its NUL pattern is unmistakable), GB18030/GBK and Big5 by ICU's detector and
/// converters. The byte order mark is not part of the text, as with Python's `utf-8-sig`/`utf-16`.
public enum TextDecoder {
    /// Files above this size are refused rather than exhausting memory.
    public static let defaultMaximumBytes = 256 << 20

    /// Share of replaced sequences (per multi-byte sequence) under which a UTF-8 file with a few
    /// bad bytes is still read as UTF-8, with a warning.
    static let tolerableUTF8ErrorRate = 0.01
    /// Share of replaced characters under which an ICU decoding is accepted, with a warning.
    static let tolerableLegacyErrorRate = 0.01

    public static func decode(_ bytes: [UInt8], source: String, maximumBytes: Int = defaultMaximumBytes) throws(DecodingError) -> DecodedText {
        if bytes.count > maximumBytes {
            throw DecodingError(source: source, reason: .tooLarge,
                                detail: "\(bytes.count) bytes exceeds the limit of \(maximumBytes) bytes")
        }
        let result: Result<DecodedText, DecodingError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(DecodingError) {
                return .success(try decode(buffer, source: source))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(DecodingError) -> DecodedText {
        if bytes.isEmpty {
            return DecodedText(text: SourceText(scalars: []), encoding: .utf8, hadByteOrderMark: false, lineEnding: .none, warnings: [])
        }
        // Byte order marks decide the encoding outright.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return try decodeUTF8(UnsafeBufferPointer(rebasing: bytes[3...]), source: source, hadBOM: true, strict: false)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return try decodeWithICU(UnsafeBufferPointer(rebasing: bytes[2...]), encoding: .utf16LittleEndian, source: source, hadBOM: true)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return try decodeWithICU(UnsafeBufferPointer(rebasing: bytes[2...]), encoding: .utf16BigEndian, source: source, hadBOM: true)
        }
        if let unmarked = unmarkedUTF16(bytes) {
            return try decodeWithICU(bytes, encoding: unmarked, source: source, hadBOM: false)
        }
        try rejectBinary(bytes, source: source)
        if let utf8 = try? decodeUTF8(bytes, source: source, hadBOM: false, strict: true) {
            return utf8
        }
        return try decodeLegacy(bytes, source: source)
    }

    // MARK: UTF-8

    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, source: String, hadBOM: Bool, strict: Bool) throws(DecodingError) -> DecodedText {
        let decoded = UTF8Decoder.decode(bytes)
        if decoded.invalidSequences > 0 {
            let rate = Double(decoded.invalidSequences) / Double(max(1, decoded.multiByteSequences + decoded.invalidSequences))
            if strict && rate > tolerableUTF8ErrorRate && decoded.invalidSequences > 2 {
                throw DecodingError(source: source, reason: .undecodable,
                                    detail: "\(decoded.invalidSequences) malformed UTF-8 sequences")
            }
        }
        var warnings: [DecodingWarning] = []
        if decoded.invalidSequences > 0 {
            let first = decoded.invalidByteOffsets.first.map { $0 + (hadBOM ? 3 : 0) }
            warnings.append(DecodingWarning(
                byteOffset: first,
                message: "\(decoded.invalidSequences) malformed UTF-8 sequence\(decoded.invalidSequences == 1 ? "" : "s") replaced by U+FFFD"))
        }
        let text = SourceText(scalars: decoded.scalars)
        try rejectBinaryText(text, source: source)
        return DecodedText(text: text, encoding: .utf8, hadByteOrderMark: hadBOM, lineEnding: lineEnding(of: text.scalars), warnings: warnings)
    }

    // MARK: UTF-16 and legacy encodings

    static func decodeWithICU(_ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, source: String, hadBOM: Bool) throws(DecodingError) -> DecodedText {
        let conversion: ICU.Conversion
        do {
            conversion = try ICU.convertToUTF16(bytes, charset: encoding.icuName)
        } catch {
            throw DecodingError(source: source, reason: .undecodable, detail: "ICU cannot convert from \(encoding.rawValue): \(error)")
        }
        var warnings: [DecodingWarning] = []
        if conversion.invalidCount > 0 {
            warnings.append(DecodingWarning(
                byteOffset: conversion.firstInvalidByte.map { $0 + (hadBOM ? 2 : 0) },
                message: "\(conversion.invalidCount) malformed \(encoding.rawValue) sequence\(conversion.invalidCount == 1 ? "" : "s") replaced by U+FFFD"))
        }
        let text = SourceText(scalars: UTF16Scalars.scalars(of: conversion.utf16))
        try rejectBinaryText(text, source: source)
        return DecodedText(text: text, encoding: encoding, hadByteOrderMark: hadBOM, lineEnding: lineEnding(of: text.scalars), warnings: warnings)
    }

    /// Text that is not UTF-8: ask ICU's detector, and accept the Chinese encoding that decodes
    /// with the fewest replacements.
    static func decodeLegacy(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(DecodingError) -> DecodedText {
        let guesses = ICU.detectCharsets(bytes)
        var candidates: [TextEncoding] = []
        for guess in guesses {
            switch guess.name.uppercased() {
            case "GB18030", "GBK", "GB2312": candidates.append(.gb18030)
            case "BIG5": candidates.append(.big5)
            default: break
            }
        }
        // GB18030 is a superset of GBK and GB2312 and the common case for mainland archives.
        for fallback in [TextEncoding.gb18030, .big5] where !candidates.contains(fallback) {
            candidates.append(fallback)
        }
        var best: (DecodedText, Int)?
        for encoding in candidates {
            guard let conversion = try? ICU.convertToUTF16(bytes, charset: encoding.icuName) else { continue }
            if best == nil || conversion.invalidCount < best!.1 {
                let decoded = try decodeWithICU(bytes, encoding: encoding, source: source, hadBOM: false)
                best = (decoded, conversion.invalidCount)
            }
            if conversion.invalidCount == 0 { break }
        }
        guard let (decoded, invalid) = best else {
            throw DecodingError(source: source, reason: .undecodable, detail: "neither UTF-8 nor a Chinese legacy encoding")
        }
        let rate = Double(invalid) / Double(max(1, decoded.text.count))
        if rate > tolerableLegacyErrorRate && invalid > 2 {
            let named = guesses.first.map { " (ICU's best guess: \($0.name), confidence \($0.confidence))" } ?? ""
            throw DecodingError(source: source, reason: .undecodable,
                                detail: "not valid UTF-8, and \(decoded.encoding.rawValue) leaves \(invalid) malformed sequences\(named)")
        }
        return decoded
    }

    /// UTF-16 without a byte order mark is recognised only when NUL bytes sit on one parity,
    /// which is what ASCII-heavy UTF-16 looks like.
    static func unmarkedUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = min(bytes.count, 4096)
        var evenZeros = 0
        var oddZeros = 0
        for index in 0..<sample where bytes[index] == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs { return .utf16LittleEndian }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs { return .utf16BigEndian }
        return nil
    }

    // MARK: Binary detection

    /// NUL bytes or many control bytes mean the file is not text.
    static func rejectBinary(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(DecodingError) {
        let sample = min(bytes.count, 1 << 16)
        var controls = 0
        func inspect(_ offset: Int) throws(DecodingError) {
            let byte = bytes[offset]
            if byte == 0 {
                throw DecodingError(source: source, reason: .binary, detail: "NUL byte at offset \(offset)")
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                controls += 1
            }
        }
        // Eight bytes at a time: a word with no byte below 0x20 (most of any text) is skipped.
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= sample {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                for offset in index..<(index + 8) { try inspect(offset) }
            }
            index += 8
        }
        for offset in index..<sample { try inspect(offset) }
        if controls * 20 > sample && controls > 8 {
            throw DecodingError(source: source, reason: .binary, detail: "\(controls) control bytes in the first \(sample) bytes")
        }
    }

    static func rejectBinaryText(_ text: SourceText, source: String) throws(DecodingError) {
        var controls = 0
        let sample = min(text.count, 1 << 16)
        for index in 0..<sample {
            let value = text.scalars[index]
            if value == 0 || (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C && value != 0x1B) {
                controls += 1
            }
        }
        if controls * 20 > sample && controls > 8 {
            throw DecodingError(source: source, reason: .binary, detail: "\(controls) control characters in the first \(sample) characters")
        }
    }

    static func lineEnding(of scalars: [UInt32]) -> LineEnding {
        var lf = 0, crlf = 0, cr = 0
        var index = 0
        let count = scalars.count
        while index < count {
            let value = scalars[index]
            if value == 0x0D {
                if index + 1 < count && scalars[index + 1] == 0x0A {
                    crlf += 1
                    index += 1
                } else {
                    cr += 1
                }
            } else if value == 0x0A {
                lf += 1
            }
            index += 1
        }
        let kinds = [lf > 0, crlf > 0, cr > 0].filter { $0 }.count
        if kinds == 0 { return .none }
        if kinds > 1 { return .mixed }
        return lf > 0 ? .lf : (crlf > 0 ? .crlf : .cr)
    }
}

/// UTF-16 code units to scalar values (unpaired surrogates become U+FFFD).
enum UTF16Scalars {
    static func scalars(of units: [UInt16]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(units.count)
        var index = 0
        let count = units.count
        while index < count {
            let unit = units[index]
            if unit >= 0xD800 && unit < 0xDC00, index + 1 < count, units[index + 1] >= 0xDC00, units[index + 1] < 0xE000 {
                let high = UInt32(unit - 0xD800)
                let low = UInt32(units[index + 1] - 0xDC00)
                out.append(0x10000 + (high << 10) + low)
                index += 2
            } else if unit >= 0xD800 && unit < 0xE000 {
                out.append(0xFFFD)
                index += 1
            } else {
                out.append(UInt32(unit))
                index += 1
            }
        }
        return out
    }

    /// Scalar values to UTF-16, appending into a reusable buffer. Returns true when any
    /// supplementary scalar was written (offsets then differ between the two forms).
    @discardableResult
    static func append<C: Collection>(_ scalars: C, to units: inout [UInt16]) -> Bool where C.Element == UInt32 {
        var supplementary = false
        for value in scalars {
            if value < 0x10000 {
                units.append(UInt16(value))
            } else {
                let offset = value - 0x10000
                units.append(UInt16(0xD800 + (offset >> 10)))
                units.append(UInt16(0xDC00 + (offset & 0x3FF)))
                supplementary = true
            }
        }
        return supplementary
    }
}
