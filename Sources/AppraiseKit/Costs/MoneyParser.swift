/// Reads money as councils print it — "£1,200,000", "1200000", "£87k", "£1.2m", "Approx £50k",
/// "£400k (approx)" — exactly, and refuses anything whose value is not certain ("1.200.000",
/// "1,20,000", "£1.2.3m", "£5k-ish") with the reason, so no figure is guessed.
public enum MoneyParser {
    public enum Reading: Sendable, Equatable {
        case value(Rational)
        case range(low: Rational, high: Rational)
        /// No figure printed ("TBC", "Part of build cost"): the text is kept.
        case unknown(String)

        public var amountValue: AmountValue {
            switch self {
            case .value(let value): .exact(value)
            case .range(let low, let high): .range(low: low, high: high)
            case .unknown(let text): .unknown(text)
            }
        }
    }

    public struct Refusal: Error, Sendable, Equatable {
        public let message: String
    }

    /// One cell: a figure, a range ("£50k–£87k", "50000 to 87000") or words without a figure.
    public static func read(_ cell: String) throws(Refusal) -> Reading {
        let text = cell.trimmingCharacters(in: .whitespaces)
        guard text.contains(where: \.isNumber) else {
            guard !text.isEmpty else { throw Refusal(message: "the cell is empty; write an amount, 0, or what the source says (e.g. TBC)") }
            return .unknown(text)
        }
        for separator in ["–", "—", " to ", " - "] where text.contains(separator) {
            let parts = text.components(separatedBy: separator)
            guard parts.count == 2 else { break }
            let low = try figure(parts[0]), high = try figure(parts[1])
            guard low <= high else { throw Refusal(message: "the range \"\(text)\" runs from high to low; write the lower figure first") }
            return low == high ? .value(low) : .range(low: low, high: high)
        }
        return .value(try figure(text))
    }

    /// One figure, with at most one currency sign and one multiplier.
    public static func figure(_ cell: String) throws(Refusal) -> Rational {
        var text = cell.trimmingCharacters(in: .whitespaces).lowercased()
        for marker in ["approximately", "approx.", "approx", "about", "c.", "circa", "(approx)", "(approx.)", "per annum", "pa", "p.a."] {
            if text.hasPrefix(marker + " ") { text = String(text.dropFirst(marker.count + 1)) }
            if text.hasSuffix(" " + marker) { text = String(text.dropLast(marker.count + 1)) }
        }
        text = text.trimmingCharacters(in: .whitespaces)
        for symbol in ["£", "€", "$", "gbp ", "gbp", "eur ", "usd "] where text.hasPrefix(symbol) {
            text = String(text.dropFirst(symbol.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        var multiplier = Rational(1)
        for (suffix, factor) in [("bn", 1_000_000_000), ("billion", 1_000_000_000), ("m", 1_000_000), ("million", 1_000_000), ("k", 1_000), ("thousand", 1_000)]
        where text.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            multiplier = Rational(factor)
            break
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else {
            throw Refusal(message: "\"\(cell)\" is not an amount this tool can read exactly; write it as 1200000, £1,200,000, £87k or £1.2m")
        }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else {
            throw Refusal(message: "\"\(cell)\" has more than one decimal point (is it 1.200.000 in the European style?); write 1200000")
        }
        let whole = pieces[0]
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard groups[0].count >= 1, groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw Refusal(message: "\"\(cell)\" has commas that are not thousands separators; write the figure without them")
            }
        }
        if pieces.count == 2, pieces[1].contains(",") {
            throw Refusal(message: "\"\(cell)\" has a comma after the decimal point; write the figure without it")
        }
        let digits = whole.replacingOccurrences(of: ",", with: "") + (pieces.count == 2 ? "." + pieces[1] : "")
        guard let value = Rational(decimal: digits), let places = value.terminatingDecimalPlaces, places <= 6 else {
            throw Refusal(message: "\"\(cell)\" is not an amount this tool can read exactly; write it as 1200000, £1,200,000, £87k or £1.2m")
        }
        let amount = value * multiplier
        guard let exact = amount.terminatingDecimalPlaces, exact <= 6, amount <= Rational(1_000_000_000_000) else {
            throw Refusal(message: "\"\(cell)\" is too large or too precise to keep exactly; use at most 6 decimals and £1 trillion")
        }
        return amount
    }
}
