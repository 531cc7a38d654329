import Foundation

/// A Red / Amber / Green rating.
public enum RAGRating: String, Sendable, Hashable {
    case red = "Red"
    case amber = "Amber"
    case green = "Green"
}

/// The rating the printed bands give a value, or why they give none.
public enum ComputedRAG: Sendable, Hashable {
    case rated(RAGRating)
    /// A green-only target (e.g. `60`, seed 001:5219) that the value misses: the bands say
    /// only "not green", so a printed Amber or Red is the officer's judgement, not an error.
    case notOnTarget
    /// No rating can be computed; the reason says why (no target, a text target, bands
    /// refused, no value for the period).
    case notComputable(String)

    /// "Red", "Amber", "Green", "not on target" or "not rated".
    public var label: String {
        switch self {
        case .rated(let rating): rating.rawValue
        case .notOnTarget: "not on target"
        case .notComputable: "not rated"
        }
    }
}

/// A RAG cell as printed on a scorecard: a colour word or letter, and "YTD" when the rating
/// is of the year to date rather than the month ("Red YTD", "Yellow YTD", seed 002:64–97).
///
/// Vocabulary: Red / Amber / Green / Grey and the letters R / A / G; 2015 sheets say "Yellow"
/// for amber and "Grey" for an Info row that is not rated (002:57). "YTD" alone states the
/// basis without a colour, for scorecards whose RAG was colour only.
public struct DeclaredRAG: Sendable, Hashable {
    /// The cell as printed.
    public let text: String
    /// The printed colour; nil for Grey or a basis-only cell.
    public let rating: RAGRating?
    /// Printed Grey: the row is reported, not rated.
    public let isGrey: Bool
    /// The rating is of the year-to-date value.
    public let yearToDate: Bool

    /// Reads a printed cell; nil when it holds anything but the vocabulary above.
    public init?(printed cell: String) {
        let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        var rating: RAGRating?
        var grey = false
        var ytd = false
        for word in text.lowercased().split(whereSeparator: \.isWhitespace) {
            switch word {
            case "red", "r": rating = .red
            case "amber", "a", "yellow", "y": rating = .amber
            case "green", "g": rating = .green
            case "grey", "gray": grey = true
            case "ytd": ytd = true
            default: return nil
            }
        }
        guard rating != nil || grey || ytd, !(rating != nil && grey) else { return nil }
        self.text = text
        self.rating = rating
        isGrey = grey
        yearToDate = ytd
    }

    static let vocabulary = "Red, Amber (or Yellow), Green, Grey, or R / A / G, optionally followed by YTD"
}
