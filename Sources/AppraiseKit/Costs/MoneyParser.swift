/// Reads money as councils print it — "£1,200,000", "1200000", "£87k", "£1.2m", "Approx £50k",
/// "£400k (approx)" — exactly, and refuses anything whose value is not certain ("1.200.000",
/// "1,20,000", "£1.2.3m", "£5k-ish") with the reason, so no figure is guessed.
///
/// A currency written with the figure (a sign such as "$" or "€", or a code such as "USD") must
/// be the currency of the line it goes on: "$5000" on a line counted in GBP is refused, never
/// read as £5,000.
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
        /// For a figure in another currency than its line's, the ISO code it seems to be in
        /// ("USD" for a bare "$"), so a command can say how to count the appraisal in it.
        public let foreignCurrency: String?

        public init(message: String, foreignCurrency: String? = nil) {
            self.message = message
            self.foreignCurrency = foreignCurrency
        }
    }

    /// One cell: a figure, a range ("£50k–£87k", "50000 to 87000") or words without a figure.
    /// `currency` is the ISO code the line counts money in, or nil for a quantity (places,
    /// months), which takes no currency at all.
    public static func read(_ cell: String, currency: String?) throws(Refusal) -> Reading {
        let text = cell.trimmingCharacters(in: .whitespaces)
        guard text.contains(where: \.isNumber) else {
            guard !text.isEmpty else { throw Refusal(message: "the cell is empty; write an amount, 0, or what the source says (e.g. TBC)") }
            return .unknown(text)
        }
        for separator in ["–", "—", " to ", " - "] where text.contains(separator) {
            let parts = text.components(separatedBy: separator)
            guard parts.count == 2 else { break }
            let low = try figure(parts[0], currency: currency), high = try figure(parts[1], currency: currency)
            guard low <= high else { throw Refusal(message: "the range \"\(text)\" runs from high to low; write the lower figure first") }
            return low == high ? .value(low) : .range(low: low, high: high)
        }
        return .value(try figure(text, currency: currency))
    }

    /// One figure, with at most one currency sign or code and one multiplier.
    public static func figure(_ cell: String, currency: String?) throws(Refusal) -> Rational {
        var text = cell.trimmingCharacters(in: .whitespaces).lowercased()
        for marker in ["approximately", "approx.", "approx", "about", "c.", "circa", "(approx)", "(approx.)", "per annum", "pa", "p.a."] {
            if text.hasPrefix(marker + " ") { text = String(text.dropFirst(marker.count + 1)) }
            if text.hasSuffix(" " + marker) { text = String(text.dropLast(marker.count + 1)) }
        }
        text = text.trimmingCharacters(in: .whitespaces)
        if let (mark, rest) = CurrencyMark.split(text) {
            try check(mark, in: cell, against: currency)
            text = rest
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
        guard digits.count <= 40, let value = Rational(decimal: digits), let places = value.terminatingDecimalPlaces, places <= 6 else {
            throw Refusal(message: "\"\(cell)\" is not an amount this tool can read exactly; write it as 1200000, £1,200,000, £87k or £1.2m")
        }
        let amount = value * multiplier
        guard let exact = amount.terminatingDecimalPlaces, exact <= 6, amount <= NumberBounds.large else {
            throw Refusal(message: "\"\(cell)\" is too large or too precise to keep exactly; use at most 6 decimals and at most 1,000,000,000,000 (a trillion)")
        }
        return amount
    }

    /// Refuses a currency that is not the line's, with the fix.
    private static func check(_ mark: CurrencyMark, in cell: String, against currency: String?) throws(Refusal) {
        guard let currency else {
            throw Refusal(message: "\"\(cell)\" is money (\(mark.name)) but its measure counts a quantity, not money; write the number alone")
        }
        if mark.accepts(currency) { return }
        throw Refusal(message: "\"\(cell)\" is in \(mark.name) but its measure counts money in \(currency); convert it to \(currency) at the rate your source states",
                      foreignCurrency: mark.suggestedCode)
    }
}

/// A currency printed beside a figure: a sign ("£", "€", "US$") or an ISO code ("USD", "eur").
/// A bare "$" is a dollar of any country, so it is read only on a line counted in a dollar.
struct CurrencyMark: Equatable {
    /// The ISO code the mark names; nil for a bare "$".
    let code: String?

    /// Signs and the codes they stand for, longest first so "us$" is found before "$".
    private static let signs: [(String, String?)] = [
        ("us$", "USD"), ("nz$", "NZD"), ("hk$", "HKD"), ("au$", "AUD"), ("ca$", "CAD"), ("a$", "AUD"), ("c$", "CAD"), ("s$", "SGD"),
        ("£", "GBP"), ("€", "EUR"), ("₹", "INR"), ("$", nil),
    ]
    /// Codes recognised when written beside a figure ("USD 5000", "7000 EUR").
    static let codes: Set<String> = [
        "GBP", "EUR", "USD", "AUD", "CAD", "NZD", "HKD", "SGD", "CHF", "JPY", "CNY", "INR", "SEK", "NOK", "DKK", "PLN", "CZK",
        "HUF", "ZAR", "IEP",
    ]
    static let dollars: Set<String> = ["USD", "AUD", "CAD", "NZD", "HKD", "SGD"]

    /// The mark at the start or end of a lower-cased cell and the rest of the text, or nil when
    /// the cell names no currency.
    static func split(_ text: String) -> (CurrencyMark, String)? {
        let trim = { (rest: Substring) in rest.trimmingCharacters(in: .whitespaces) }
        for (sign, code) in signs {
            if text.hasPrefix(sign) { return (CurrencyMark(code: code), trim(text.dropFirst(sign.count))) }
            if text.hasSuffix(sign) { return (CurrencyMark(code: code), trim(text.dropLast(sign.count))) }
        }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        if let first = words.first, codes.contains(first.uppercased()), words.count > 1 {
            return (CurrencyMark(code: first.uppercased()), trim(text.dropFirst(first.count)))
        }
        if let last = words.last, codes.contains(last.uppercased()), words.count > 1 {
            return (CurrencyMark(code: last.uppercased()), trim(text.dropLast(last.count)))
        }
        // A code written against the figure ("gbp5000", "5000eur").
        for code in codes {
            let lower = code.lowercased()
            if text.hasPrefix(lower), text.dropFirst(3).first?.isNumber == true { return (CurrencyMark(code: code), trim(text.dropFirst(3))) }
            if text.hasSuffix(lower), text.dropLast(3).last?.isNumber == true { return (CurrencyMark(code: code), trim(text.dropLast(3))) }
        }
        return nil
    }

    /// Whether an amount so marked is in `currency`: the same code, or a bare "$" on a dollar line.
    func accepts(_ currency: String) -> Bool {
        code.map { $0 == currency } ?? Self.dollars.contains(currency)
    }

    /// The currency in words for a message: "USD", or "dollars" for a bare "$".
    var name: String { code ?? "dollars (\"$\" alone does not say whose)" }

    /// The code to suggest for the appraisal: the mark's, or US dollars for a bare "$".
    var suggestedCode: String { code ?? "USD" }
}
