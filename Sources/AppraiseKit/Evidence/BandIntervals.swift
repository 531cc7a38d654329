import Foundation

/// Which reading of a directional band set a dataset follows when the two readings both
/// partition the line but disagree (the `band reading` setting).
public enum BandReading: String, Sendable, Hashable, CaseIterable {
    /// Each cell is the set of values its glyphs literally say.
    case literal
    /// kpi-conventions §7's older rule: polarity decides direction, amber's glyph is decorative.
    case decorative
}

/// The literal reading of directional band cells: each cell is the set of values its glyphs
/// say, and the three sets must partition the line in the polarity's order (red, amber, green
/// from worse to better).
///
/// | cell | set |
/// |---|---|
/// | `X+`, `X>`, `>=X`, `≥X`, `X or more`, `at least X` | X and above |
/// | `>X`, `more than X`, `over X`, `above X` | above X |
/// | `<X`, `X<`, `less than X`, `below X`, `under X` | below X |
/// | `<=X`, `≤X`, `X or less`, `at most X`, `up to X` | X and below |
/// | `>a <b`, `a+ <b` | the two sets' intersection |
/// | `a-b`, `a to b`, `between a and b` | a to b; an end touching a glyph-stated neighbour is the neighbour's |
/// | unsigned `X` (green only) | X and better |
/// | blank red | every value worse than amber (or green) |
/// | blank amber | no values: a two-band red / green set |
/// | amber open towards a neighbour (`20%+` between `30%+` and `<20%`) | up to that neighbour's threshold (cascading bands) |
///
/// An included end printed to a precision meets the next band one printed step away: `83-85.9%`
/// then `86%+`, or `94.9% or less` then `95%+`, leave no gap (values are printed to that
/// precision). An unsigned red or amber number has no literal reading; the decorative rule
/// reads it.
enum LiteralBands {
    /// An interval on the "better is up" line (low-is-good values are negated first).
    struct Interval {
        var lower: Double
        var lowerIncluded: Bool
        var upper: Double
        var upperIncluded: Bool
        /// The printed step of an included end (0.1 for `85.9`): a gap of one step to the
        /// next band is printing precision, not a gap.
        var lowerStep: Double?
        var upperStep: Double?
        var percent: Bool
        /// A range's ends (`83-86`) yield a shared value to a glyph-stated neighbour.
        var soft = false

        static func atLeast(_ x: Double, _ included: Bool, _ percent: Bool, step: Double? = nil) -> Interval {
            Interval(lower: x, lowerIncluded: included, upper: .infinity, upperIncluded: false, lowerStep: included ? step : nil, percent: percent)
        }
        static func atMost(_ x: Double, _ included: Bool, _ percent: Bool, step: Double? = nil) -> Interval {
            Interval(lower: -.infinity, lowerIncluded: false, upper: x, upperIncluded: included, upperStep: included ? step : nil, percent: percent)
        }

        /// The same set with every value negated.
        var negated: Interval {
            Interval(lower: -upper, lowerIncluded: upperIncluded, upper: -lower, upperIncluded: lowerIncluded,
                     lowerStep: upperStep, upperStep: lowerStep, percent: percent, soft: soft)
        }

        var isEmpty: Bool { lower > upper || (lower == upper && !(lowerIncluded && upperIncluded)) }
    }

    /// The bands as thresholds, or why the literal reading does not partition the line.
    static func read(red: String, amber: String, green: String, higherIsBetter higher: Bool) -> Result<ToleranceBands.Thresholds, LiteralFailure> {
        func oriented(_ cell: String, _ band: String) -> Result<Interval?, LiteralFailure> {
            if cell.isEmpty { return .success(nil) }
            guard let interval = interval(cell, greenWithPolarity: band == "green" ? higher : nil) else {
                return .failure(LiteralFailure(reason: "\(band) \"\(cell)\" has no literal reading"))
            }
            return .success(higher ? interval : interval.negated)
        }
        let greenRead: Interval?, amberRead: Interval?, redRead: Interval?
        switch (oriented(green, "green"), oriented(amber, "amber"), oriented(red, "red")) {
        case (.success(let g), .success(let a), .success(let r)): (greenRead, amberRead, redRead) = (g, a, r)
        case (.failure(let failure), _, _), (_, .failure(let failure), _), (_, _, .failure(let failure)): return .failure(failure)
        }
        guard var greenSet = greenRead else { return .failure(LiteralFailure(reason: "green is blank")) }
        guard greenSet.upper == .infinity, greenSet.lower > -.infinity else {
            return .failure(LiteralFailure(reason: "green \"\(green)\" is not on the better side of the line"))
        }
        var amberSet = amberRead
        if var a = amberSet {
            // Cascading bands (`30%+ | 20%+ | <20%` low, `<20% | <30% | 30%+` high): an amber
            // open towards green runs up to green's threshold.
            if a.upper == .infinity, a.lower > -.infinity, a.lower < greenSet.lower {
                (a.upper, a.upperIncluded, a.upperStep) = (greenSet.lower, !greenSet.lowerIncluded, nil)
            }
            guard meet(&a, &greenSet) else { return .failure(LiteralFailure(reason: "amber \"\(amber)\" and green \"\(green)\" \(fault(a, greenSet))")) }
            guard !a.isEmpty else { return .failure(LiteralFailure(reason: "amber \"\(amber)\" holds no values below green")) }
            amberSet = a
        }
        if var r = redRead {
            guard r.lower == -.infinity else { return .failure(LiteralFailure(reason: "red \"\(red)\" does not reach the worse end of the line")) }
            if var a = amberSet {
                // Cascading the other way: an amber open towards red runs down to red's threshold.
                if a.lower == -.infinity, r.upper < a.upper {
                    (a.lower, a.lowerIncluded, a.lowerStep) = (r.upper, !r.upperIncluded, nil)
                }
                guard a.lower > -.infinity, meet(&r, &a) else {
                    return .failure(LiteralFailure(reason: "red \"\(red)\" and amber \"\(amber)\" \(fault(r, a))"))
                }
                amberSet = a
            } else {
                guard meet(&r, &greenSet) else { return .failure(LiteralFailure(reason: "red \"\(red)\" and green \"\(green)\" \(fault(r, greenSet))")) }
            }
        }
        func bound(_ value: Double, _ included: Bool) -> ToleranceBands.Bound {
            ToleranceBands.Bound(value: higher ? value : -value, inclusive: included, percent: greenSet.percent)
        }
        let greenBound = bound(greenSet.lower, greenSet.lowerIncluded)
        let amberBound: ToleranceBands.Bound?
        if let a = amberSet {
            amberBound = bound(a.lower, a.lower == -.infinity ? true : a.lowerIncluded)
        } else {
            amberBound = redRead == nil ? nil : greenBound
        }
        return .success(.init(higherIsBetter: higher, green: greenBound, amber: amberBound))
    }

    struct LiteralFailure: Error {
        let reason: String
    }

    /// Why two neighbouring bands do not meet, in words.
    private static func fault(_ below: Interval, _ above: Interval) -> String {
        if below.lower >= above.lower || below.upper == .infinity { return "overlap: one holds the other's values" }
        if below.upper > above.lower || (below.upper == above.lower && below.upperIncluded && above.lowerIncluded) { return "overlap" }
        return "leave a gap between them"
    }

    /// Whether `below`'s top meets `above`'s bottom with nothing shared and nothing missed,
    /// settling a range end (which yields to a glyph-stated end) or a one-step printing gap.
    private static func meet(_ below: inout Interval, _ above: inout Interval) -> Bool {
        if below.upper == above.lower {
            if below.soft && !above.soft {
                below.upperIncluded = !above.lowerIncluded
            } else if above.soft && !below.soft {
                above.lowerIncluded = !below.upperIncluded
            } else if below.soft && above.soft {
                return false
            }
            return below.upperIncluded != above.lowerIncluded
        }
        guard below.upper < above.lower else { return false }
        func isOneStep(_ step: Double?) -> Bool {
            guard let step else { return false }
            return abs(above.lower - below.upper - step) <= 1e-9 * max(1, abs(above.lower))
        }
        // Only two included ends close a one-step gap: `25+` then `<24` leaves 24 itself out.
        guard below.upperIncluded && above.lowerIncluded else { return false }
        if isOneStep(below.upperStep) {
            below.upper = above.lower
            below.upperIncluded = !above.lowerIncluded
            return true
        }
        if isOneStep(above.lowerStep) {
            above.lower = below.upper
            above.lowerIncluded = !below.upperIncluded
            return true
        }
        return false
    }

    // MARK: - Cells

    /// One cell's set; `greenWithPolarity` reads an unsigned number as green's better side.
    static func interval(_ printed: String, greenWithPolarity higher: Bool?) -> Interval? {
        // One spelling per glyph: `≥` and `≤` as `>=` and `<=`, en and em dashes as hyphens, and
        // no space between a leading glyph and its number (`> 85% < 90%` is `>85% <90%`).
        var text = printed.lowercased().replacingOccurrences(of: "≥", with: ">=").replacingOccurrences(of: "≤", with: "<=")
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for glyph in [">=", "<=", ">", "<"] {
            text = text.replacingOccurrences(of: glyph + " ", with: glyph)
        }
        if let range = range(text) { return range }
        let parts = text.split(separator: " ").map(String.init)
        if parts.count == 2, let first = oneSided(parts[0]), let second = oneSided(parts[1]) {
            return intersection(first, second)
        }
        if let one = oneSided(text) { return one }
        if let higher, let (value, percent, step) = number(text) {
            return higher ? .atLeast(value, true, percent, step: step) : .atMost(value, true, percent, step: step)
        }
        return nil
    }

    private static func intersection(_ a: Interval, _ b: Interval) -> Interval? {
        var result = a
        if b.lower > a.lower || (b.lower == a.lower && !b.lowerIncluded) { (result.lower, result.lowerIncluded) = (b.lower, b.lowerIncluded) }
        if b.upper < a.upper || (b.upper == a.upper && !b.upperIncluded) { (result.upper, result.upperIncluded) = (b.upper, b.upperIncluded) }
        result.percent = a.percent || b.percent
        return result.isEmpty ? nil : result
    }

    private static let prefixes: [(String, atLeast: Bool, included: Bool)] = [
        (">=", true, true), ("<=", false, true),
        (">", true, false), ("<", false, false),
        ("at least ", true, true), ("at most ", false, true),
        ("more than ", true, false), ("over ", true, false), ("above ", true, false),
        ("less than ", false, false), ("below ", false, false), ("under ", false, false),
        ("up to ", false, true), ("upto ", false, true),
    ]
    private static let suffixes: [(String, atLeast: Bool, included: Bool)] = [
        ("+", true, true), (">", true, true), ("<", false, false),
        (" or more", true, true), (" and above", true, true),
        (" or less", false, true), (" and below", false, true),
    ]

    /// A number with one glyph or phrase before or after it.
    private static func oneSided(_ text: String) -> Interval? {
        func make(_ value: Double, _ percent: Bool, _ step: Double, _ atLeast: Bool, _ included: Bool) -> Interval {
            atLeast ? .atLeast(value, included, percent, step: step) : .atMost(value, included, percent, step: step)
        }
        for (prefix, atLeast, included) in prefixes where text.hasPrefix(prefix) {
            guard let (value, percent, step) = number(String(text.dropFirst(prefix.count))) else { return nil }
            return make(value, percent, step, atLeast, included)
        }
        for (suffix, atLeast, included) in suffixes where text.hasSuffix(suffix) {
            guard let (value, percent, step) = number(String(text.dropLast(suffix.count))) else { return nil }
            return make(value, percent, step, atLeast, included)
        }
        return nil
    }

    /// `83-85.9%`, `83% - 85.9%`, `83 to 85.9`, `between 83 and 85.9`.
    private static func range(_ text: String) -> Interval? {
        var body = text
        if body.hasPrefix("between ") { body = String(body.dropFirst("between ".count)).replacingOccurrences(of: " and ", with: "-") }
        body = body.replacingOccurrences(of: " to ", with: "-").replacingOccurrences(of: " ", with: "")
        let ends = body.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count == 2, let (low, lowPercent, lowStep) = number(ends[0]), let (high, highPercent, highStep) = number(ends[1]),
              low < high else { return nil }
        return Interval(lower: low, lowerIncluded: true, upper: high, upperIncluded: true, lowerStep: lowStep, upperStep: highStep,
                        percent: lowPercent || highPercent, soft: true)
    }

    /// A cell that is exactly one unsigned number with an optional percent sign: the value,
    /// whether it is a percentage, and its printed step (0.1 for `85.9`, 1 for `86`).
    private static func number(_ text: String) -> (Double, Bool, Double)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var scanner = NumberScanner(trimmed)
        guard let first = trimmed.first, first.isNumber, let (value, percent) = scanner.number(), scanner.rest.isEmpty else { return nil }
        let digits = trimmed.replacingOccurrences(of: "%", with: "").split(separator: ".")
        let decimals = digits.count == 2 ? digits[1].count : 0
        return (value, percent, pow(10, -Double(decimals)))
    }
}

extension ToleranceBands.Thresholds {
    /// "red < 83, amber ≥ 83 and < 86, green ≥ 86": each band as the comparison it was read as.
    var reading: String {
        func n(_ value: Double) -> String { EvidenceNumberText.text(value) }
        func reaching(_ bound: ToleranceBands.Bound) -> String {
            (higherIsBetter ? (bound.inclusive ? "≥ " : "> ") : (bound.inclusive ? "≤ " : "< ")) + n(bound.value)
        }
        func short(of bound: ToleranceBands.Bound) -> String {
            (higherIsBetter ? (bound.inclusive ? "< " : "≤ ") : (bound.inclusive ? "> " : "≥ ")) + n(bound.value)
        }
        guard let amber else { return "green \(reaching(green)), anything else not on target" }
        if amber == green { return "red \(short(of: green)), green \(reaching(green)), no amber" }
        if amber.value.isInfinite { return "amber \(short(of: green)), green \(reaching(green)), no red" }
        return "red \(short(of: amber)), amber \(reaching(amber)) and \(short(of: green)), green \(reaching(green))"
    }
}
