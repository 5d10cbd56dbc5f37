/// HTML character references: numeric (`&#20013;`, `&#x4E2D;`, with or without the semicolon,
/// C1 controls remapped as HTML5 does) and the named references that occur in Chinese web pages.
/// An unknown name stays as written, as browsers leave it.
enum HTMLEntities {
    static let named: [String: [UInt32]] = [
        "amp": [0x26], "lt": [0x3C], "gt": [0x3E], "quot": [0x22], "apos": [0x27],
        "nbsp": [0xA0], "ensp": [0x2002], "emsp": [0x2003], "thinsp": [0x2009], "zwnj": [0x200C], "zwj": [0x200D],
        "shy": [0xAD], "ldquo": [0x201C], "rdquo": [0x201D], "lsquo": [0x2018], "rsquo": [0x2019],
        "sbquo": [0x201A], "bdquo": [0x201E], "laquo": [0xAB], "raquo": [0xBB], "lsaquo": [0x2039], "rsaquo": [0x203A],
        "mdash": [0x2014], "ndash": [0x2013], "hellip": [0x2026], "middot": [0xB7], "bull": [0x2022],
        "times": [0xD7], "divide": [0xF7], "plusmn": [0xB1], "deg": [0xB0], "permil": [0x2030], "prime": [0x2032],
        "copy": [0xA9], "reg": [0xAE], "trade": [0x2122], "sect": [0xA7], "para": [0xB6],
        "yen": [0xA5], "cent": [0xA2], "pound": [0xA3], "euro": [0x20AC], "curren": [0xA4],
        "iexcl": [0xA1], "iquest": [0xBF], "ordf": [0xAA], "ordm": [0xBA], "not": [0xAC], "macr": [0xAF],
        "sup1": [0xB9], "sup2": [0xB2], "sup3": [0xB3], "frac14": [0xBC], "frac12": [0xBD], "frac34": [0xBE],
        "micro": [0xB5], "acute": [0xB4], "cedil": [0xB8], "uml": [0xA8], "brvbar": [0xA6],
        "larr": [0x2190], "uarr": [0x2191], "rarr": [0x2192], "darr": [0x2193], "harr": [0x2194],
        "le": [0x2264], "ge": [0x2265], "ne": [0x2260], "asymp": [0x2248], "equiv": [0x2261], "infin": [0x221E],
        "minus": [0x2212], "lowast": [0x2217], "radic": [0x221A], "sum": [0x2211], "prod": [0x220F],
        "alpha": [0x3B1], "beta": [0x3B2], "gamma": [0x3B3], "delta": [0x3B4], "pi": [0x3C0], "mu": [0x3BC],
        "sigma": [0x3C3], "omega": [0x3C9], "Omega": [0x3A9], "Delta": [0x394],
        "star": [0x2606], "starf": [0x2605], "check": [0x2713], "cross": [0x2717], "loz": [0x25CA],
        "spades": [0x2660], "clubs": [0x2663], "hearts": [0x2665], "diams": [0x2666], "dagger": [0x2020], "Dagger": [0x2021],
        "agrave": [0xE0], "aacute": [0xE1], "eacute": [0xE9], "egrave": [0xE8], "ecirc": [0xEA], "uuml": [0xFC],
        "ouml": [0xF6], "auml": [0xE4], "szlig": [0xDF], "ccedil": [0xE7], "ntilde": [0xF1], "oacute": [0xF3],
        "iacute": [0xED], "uacute": [0xFA], "Eacute": [0xC9], "Auml": [0xC4], "Ouml": [0xD6], "Uuml": [0xDC],
    ]

    /// Windows-1252 meanings of the C1 range, which HTML5 applies to `&#128;`…`&#159;`.
    static let c1: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ]

    /// Decodes the reference at `start` (an `&`): the scalars it stands for and the index after it.
    /// Text that is not a reference decodes to the `&` alone.
    static func decode(_ source: [UInt32], at start: Int) -> (scalars: [UInt32], next: Int) {
        let count = source.count
        var index = start + 1
        guard index < count else { return ([0x26], index) }
        if source[index] == 0x23 /* # */ {
            index += 1
            var hex = false
            if index < count, source[index] == 0x78 || source[index] == 0x58 { hex = true; index += 1 }
            var value: UInt32 = 0
            var digits = 0
            while index < count {
                let c = source[index]
                let digit: UInt32
                if c >= 0x30 && c <= 0x39 { digit = c - 0x30 }
                else if hex && c >= 0x61 && c <= 0x66 { digit = c - 0x61 + 10 }
                else if hex && c >= 0x41 && c <= 0x46 { digit = c - 0x41 + 10 }
                else { break }
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + digit }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return ([0x26], start + 1) }
            if index < count, source[index] == 0x3B { index += 1 }
            return ([scalar(forReference: value)], index)
        }
        var name: [UInt8] = []
        while index < count, name.count < 32 {
            let c = source[index]
            guard (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) else { break }
            name.append(UInt8(c))
            index += 1
        }
        guard !name.isEmpty else { return ([0x26], start + 1) }
        let key = String(decoding: name, as: UTF8.self)
        let lookup = named[key] ?? (key == key.lowercased() ? nil : named[key.lowercased()])
        if let scalars = lookup {
            if index < count, source[index] == 0x3B { index += 1 }
            return (scalars, index)
        }
        return ([0x26], start + 1)
    }

    static func scalar(forReference value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return 0xFFFD
        case 0x80...0x9F: return c1[Int(value - 0x80)]
        default: return value
        }
    }
}
