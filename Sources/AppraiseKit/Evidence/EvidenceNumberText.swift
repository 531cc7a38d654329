/// Numbers in evidence messages, written the short way people write them ("6.8", "158.8",
/// "90") and the same way on every platform.
enum EvidenceNumberText {
    /// Up to four decimals, trailing zeros dropped.
    static func text(_ value: Double) -> String {
        var text = fixedDecimal(value, places: 4)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The number with a percent sign when the band or value was printed with one.
    static func text(_ value: Double, percent: Bool) -> String { text(value) + (percent ? "%" : "") }
}
