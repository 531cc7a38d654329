import Foundation

/// Numbers as officers type them on the command line and in spreadsheets: "25%", "1,000",
/// "1 000", "2.5". One reader for every command and import, so a number accepted in one
/// place is accepted everywhere, and refused with the same explanation.
///
/// A comma is read as a thousands separator only where it cannot be a decimal comma: digits
/// grouped in threes ("1,000", "12,500.5"). "2,5" is ambiguous and refused with the fix.
public enum NumberText {
    /// A number read from text, and whether it was written as a percentage. Weights and
    /// spreads keep the number as written ("25%" weighs 25, as "25" does): only ratios of
    /// weights matter, and a spread is already in per cent.
    public struct Reading: Sendable, Equatable {
        /// The number as written, without its "%" ("25%" → 25).
        public let value: Rational
        public let isPercentage: Bool
    }

    /// Reads a decimal number with an optional "%" and thousands separators. With
    /// `decimalComma` (a semicolon-separated spreadsheet) a single comma is the decimal point.
    public static func read(_ text: String, decimalComma: Bool = false) -> Reading? {
        var body = text.trimmingCharacters(in: .whitespaces)
        var percentage = false
        if body.hasSuffix("%") {
            percentage = true
            body = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        body = body.replacingOccurrences(of: "_", with: "")
        // Spaces, non-breaking and thin spaces group thousands in print ("1 000").
        for space in [" ", "\u{A0}", "\u{202F}", "\u{2009}"] where body.contains(space) {
            guard groupedInThrees(body, separator: Character(space), decimalPoint: decimalComma ? "," : ".") else { return nil }
            body = body.replacingOccurrences(of: space, with: "")
        }
        if decimalComma {
            if body.contains(".") && body.contains(",") {
                guard groupedInThrees(body, separator: ".", decimalPoint: ",") else { return nil }
                body = body.replacingOccurrences(of: ".", with: "")
            }
            body = body.replacingOccurrences(of: ",", with: ".")
        } else if body.contains(",") {
            guard groupedInThrees(body, separator: ",", decimalPoint: ".") else { return nil }
            body = body.replacingOccurrences(of: ",", with: "")
        }
        guard !body.isEmpty, !body.contains(where: { $0 == "e" || $0 == "E" }), let value = Rational(decimal: body) else { return nil }
        return Reading(value: value, isPercentage: percentage)
    }

    /// A whole number such as a sample count: "1000", "1,000", "1 000", "1_000".
    public static func wholeNumber(_ text: String) -> Int? {
        guard let reading = read(text), !reading.isPercentage, reading.value.isInteger,
              let number = Int(exactly: reading.value.numerator) else { return nil }
        return number
    }

    /// Why a text is not a number, with the fix: for a decimal comma, how to write it.
    public static func hint(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(","), Rational(decimal: trimmed.replacingOccurrences(of: ",", with: ".")) != nil {
            return "write \"\(trimmed.replacingOccurrences(of: ",", with: "."))\" with a decimal point (a comma is read only as a thousands separator, as in 1,000)"
        }
        return "write a number such as 3, 2.5, 25% or 1,000"
    }

    /// "12,345,678.9": the separator splits the whole part into groups of three after a first
    /// group of one to three digits.
    private static func groupedInThrees(_ text: String, separator: Character, decimalPoint: Character) -> Bool {
        var whole = Substring(text)
        if let point = whole.firstIndex(of: decimalPoint) { whole = whole[..<point] }
        if whole.first == "-" || whole.first == "+" { whole = whole.dropFirst() }
        let groups = whole.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else { return false }
        let afterPoint = text.drop { $0 != decimalPoint }
        guard !afterPoint.contains(separator) else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
