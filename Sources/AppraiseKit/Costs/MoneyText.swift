/// Money as officers write it: "£1,234,567", "−£5,000", "£12,345.68"; the currency's symbol for
/// the pound, euro and dollar, its code otherwise ("CHF 1,000").
public enum MoneyText {
    public static func symbol(_ currency: String) -> String {
        switch currency {
        case "GBP": "£"
        case "EUR": "€"
        case "USD": "$"
        default: currency + " "
        }
    }

    /// Rounded half away from zero to `places` (whole units by default), digits grouped in threes.
    public static func text(_ value: BigRational, currency: String, places: Int = 0) -> String {
        let plain = value.formatted(places: places)
        let negative = plain.hasPrefix("-")
        return (negative ? "−" : "") + symbol(currency) + grouped(negative ? String(plain.dropFirst()) : plain)
    }

    public static func text(_ value: Rational, currency: String, places: Int = 0) -> String {
        text(BigRational(value), currency: currency, places: places)
    }

    /// "1234567.89" → "1,234,567.89".
    public static func grouped(_ plain: String) -> String {
        let parts = plain.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = Array(parts[0])
        var out: [Character] = []
        while whole.count > 3 {
            out.insert(contentsOf: [","] + whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        out.insert(contentsOf: whole, at: 0)
        return String(out) + (parts.count == 2 ? "." + parts[1] : "")
    }
}
