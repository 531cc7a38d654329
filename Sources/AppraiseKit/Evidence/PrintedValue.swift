import Foundation

/// One scorecard cell (a value or a benchmark) exactly as printed, and what can be read from it.
///
/// Scorecards mix numbers with words about the data ("Reporting in progress", "tbc", "n/a",
/// "-"), counts with percentages ("352/371 94.9%", seed 002:77; "55 40.44%", 002:76) and
/// numbers with their own period ("22.3% (Nov, Dec, Jan ave)", 001:4267). The text is kept
/// verbatim; a number is read only when the cell starts with one, so a status is never turned
/// into a value.
public struct PrintedValue: Sendable, Hashable {
    /// What the cell says about the data.
    public enum Status: String, Sendable, Hashable {
        /// A number was printed.
        case reported
        /// "n/a", "N/A", "-": nothing applies or nothing was published.
        case notApplicable = "not applicable"
        /// Any other words: the figure is withheld, late or unconfirmed ("tbc", "Awaiting sign
        /// off", "Data in Development", "To be reported in Quarter 2").
        case pending
    }

    /// The cell as printed, trimmed.
    public let text: String
    public let status: Status
    /// The measured value (the percentage when a count and a percentage are printed together).
    public let number: Double?
    /// Whether the value was printed with a percent sign.
    public let isPercentage: Bool
    /// The count before the percentage ("352" of "352/371 94.9%"; "55" of "55 40.44%").
    /// Read from the text when asked, so a scorecard of many cells keeps only what every
    /// assessment reads.
    public var numerator: Double? { PrintedValue.parts(text).numerator }
    /// The base after a slash ("371" of "352/371 94.9%").
    public var denominator: Double? { PrintedValue.parts(text).denominator }
    /// Words after the number, such as its own period: "(Nov, Dec, Jan ave)".
    public var qualifier: String? { PrintedValue.parts(text).qualifier }

    /// Reads a cell; nil when it is blank (nothing was printed).
    public init?(_ cell: String) {
        let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        self.text = text
        let parts = PrintedValue.parts(text)
        status = parts.status
        number = parts.number
        isPercentage = parts.isPercentage
    }

    /// Everything a cell's text says.
    private struct Parts {
        var status = Status.reported
        var number: Double?
        var isPercentage = false
        var numerator: Double?
        var denominator: Double?
        var qualifier: String?
    }

    private static func parts(_ text: String) -> Parts {
        var parts = Parts()
        var scanner = NumberScanner(text)
        guard let first = scanner.number() else {
            parts.status = PrintedValue.notApplicableWords.contains(text.lowercased()) ? .notApplicable : .pending
            return parts
        }
        var value: (Double, Bool)? = first
        scanner.skipSpaces()
        if !first.1 && scanner.take("/") {
            parts.numerator = first.0
            parts.denominator = scanner.number()?.0
            scanner.skipSpaces()
            value = scanner.number()
        } else if !first.1, let percentage = scanner.lookahead(), percentage.1 {
            parts.numerator = first.0
            value = scanner.number()
        }
        parts.number = value?.0
        parts.isPercentage = value?.1 ?? false
        let rest = scanner.rest.trimmingCharacters(in: .whitespaces)
        parts.qualifier = rest.isEmpty ? nil : rest
        return parts
    }

    static let notApplicableWords: Set<String> = ["n/a", "na", "-", "–", "—", "n/k"]
}

/// Reads decimal numbers the way scorecards print them: optional sign, thousands commas
/// ("1,188"), optional decimals and an optional percent sign.
struct NumberScanner {
    private let characters: [Character]
    private(set) var position = 0

    init(_ text: String) { characters = Array(text) }

    var rest: String { String(characters[position...]) }

    mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " { position += 1 }
    }

    mutating func take(_ character: Character) -> Bool {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
        skipSpaces()
        return true
    }

    /// The number at the current position without consuming it.
    func lookahead() -> (Double, Bool)? {
        var copy = self
        return copy.number()
    }

    /// A number and whether a percent sign follows it; nil (consuming nothing) when no number
    /// starts here. Commas count as thousands separators only in whole groups of three; any
    /// other comma between digits makes the text unreadable as a number.
    mutating func number() -> (Double, Bool)? {
        var index = position
        var digits = ""
        if index < characters.count, characters[index] == "-" || characters[index] == "+" {
            if characters[index] == "-" { digits.append("-") }
            index += 1
        }
        var run = ""
        var end = index
        while end < characters.count, characters[end] == "," || isDigit(characters[end]) {
            run.append(characters[end])
            end += 1
        }
        let groups = run.split(separator: ",", omittingEmptySubsequences: false)
        let grouped = groups.count > 1 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
        // "31,4" is a decimal comma, not a thousands group: no number is read rather than 31.
        if !grouped && groups.count > 1 && !groups[1].isEmpty { return nil }
        let integer = grouped ? groups.joined() : String(groups[0])
        guard !integer.isEmpty else { return nil }
        digits += integer
        index += grouped ? run.count : integer.count
        if index + 1 < characters.count, characters[index] == ".", isDigit(characters[index + 1]) {
            digits.append(".")
            index += 1
            while index < characters.count, isDigit(characters[index]) {
                digits.append(characters[index])
                index += 1
            }
        }
        guard let value = Double(digits) else { return nil }
        var percent = false
        if index < characters.count, characters[index] == "%" {
            percent = true
            index += 1
        }
        position = index
        return (value, percent)
    }

    private func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
}
