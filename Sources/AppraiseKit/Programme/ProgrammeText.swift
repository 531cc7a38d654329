/// The words and numbers programme statements use, so every sentence writes an amount the
/// same way: money as "£740,000" (pence only when there are any), quantities as "125 places".
public enum ProgrammeText {
    public static func amount(_ value: Rational, _ measure: ProgrammeMeasure) -> String {
        if measure.isMoney {
            let places = value.isInteger ? 0 : 2
            let text = grouped(value.magnitudeText(places: places))
            let symbol = measure.unit == "GBP" ? "£" : measure.unit + " "
            return (value.isNegative ? "-" : "") + symbol + text
        }
        let number = grouped(value.magnitudeText(places: min(value.terminatingDecimalPlaces ?? 2, 2)))
        let sign = value.isNegative ? "-" : ""
        return measure.unit.isEmpty ? sign + number : sign + number + " " + measure.unit
    }

    /// "within £740,000 of capital cost" or "within £166,666.67 of capital cost in 2018/19".
    public static func budgetPhrase(_ limit: Rational, _ measure: ProgrammeMeasure, year: Int?, yearNames: [String]) -> String {
        "within \(amount(limit, measure)) of \(measure.name.lowercasedFirst)" + yearPhrase(year, yearNames)
    }

    public static func yearPhrase(_ year: Int?, _ names: [String]) -> String {
        guard let year else { return "" }
        return " in " + (year < names.count ? names[year] : "year \(year)")
    }

    /// Names joined for a sentence: "A", "A and B", "A, B and C".
    public static func list(_ items: [String], _ conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }

    /// A whole number with thousands commas: "10,000".
    public static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        let digits = String(parts[0])
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return parts.count == 2 ? out + "." + parts[1] : out
    }

    /// A small count in words ("one", "two", …), larger ones in figures.
    public static func countWord(_ n: Int) -> String {
        let words = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return n < words.count ? words[n] : String(n)
    }

    /// A share as a percentage with one decimal: "97.5%".
    public static func share(_ value: Double) -> String {
        let tenths = (value * 1000).rounded()
        let whole = Int(tenths) / 10, tenth = Int(tenths) % 10
        return "\(whole).\(tenth)%"
    }
}

extension Rational {
    /// The magnitude rounded half away from zero to `places` decimals, without a sign.
    func magnitudeText(places: Int) -> String {
        (isNegative ? -self : self).formatted(places: places)
    }
}

extension String {
    /// The text with its first letter in lower case, unless it starts an abbreviation ("SEND").
    public var lowercasedFirst: String {
        guard let first, first.isUppercase else { return self }
        let second = dropFirst().first
        if let second, second.isUppercase { return self }
        return first.lowercased() + dropFirst()
    }
}
