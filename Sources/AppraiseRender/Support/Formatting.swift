import AppraiseKit

/// The fixed number formats used in every output, so CSV, Markdown, text and HTML agree.
public enum Formatting {
    /// A score or weight as entered: "4", "2.5".
    public static func number(_ value: Rational) -> String { value.decimalText(maximumPlaces: 2) }

    /// A total out of the maximum, the way appraisals publish it: "33/40", "31.25/40".
    public static func outOf(_ value: Rational, _ maximum: Rational) -> String { points(value, maximum) }

    /// A percentage with one decimal: "82.5%".
    public static func percent(_ value: Rational) -> String { value.formatted(places: 1) + "%" }

    /// A fraction of one shown as a percentage with one decimal: 0.125 → "12.5%".
    public static func share(_ value: Rational) -> String { percent(value * Rational(100)) }

    /// A rank with "=" when shared: "2=".
    public static func rank(_ entry: Ranking.Entry) -> String { Ranking.label(rank: entry.rank, tied: !entry.tiedWith.isEmpty) }
}
