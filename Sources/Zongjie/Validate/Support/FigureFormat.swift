import Foundation

/// Numbers in messages: no trailing zeros, at most a few decimals, money in the unit the text
/// uses (亿元, 万元, 元).
enum FigureFormat {
    /// 1100 → "1100", 48.0 → "48", 4.646 → "4.65", 0.475 → "0.48".
    static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "∞" }
        let factor = FigureReader.power10(decimals)
        let rounded = (value * factor).rounded() / factor
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.\(decimals)f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The scale a money text is written in: 约1000万元 → (1e4, 万元).
    static func moneyScale(of text: String) -> (divisor: Double, suffix: String) {
        if text.contains("亿") { return (1e8, "亿元") }
        if text.contains("万") { return (1e4, "万元") }
        return (1, "元")
    }

    /// A value in the unit of a figure's text: 216 + 名, 11000000 in 万元 → 1100万元.
    static func amount(_ value: Double, like figure: Figure, text: String) -> String {
        if figure.kind == .money {
            let scale = moneyScale(of: text)
            return number(value / scale.divisor) + scale.suffix
        }
        if figure.kind == .percent { return number(value) + "%" }
        return number(value) + figure.unit
    }

    /// A ratio as 增长 wording: below 1 as a percentage (47.5%), else as 倍 (4.6倍).
    static func increase(_ ratioMinusOne: Double, decimals: Int) -> String {
        if ratioMinusOne < 1 { return number(ratioMinusOne * 100, decimals: 1) + "%" }
        return number(ratioMinusOne, decimals: max(1, decimals)) + "倍"
    }
}
