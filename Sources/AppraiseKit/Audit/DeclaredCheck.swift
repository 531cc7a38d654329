/// One number a document declared, checked against what the scores give on the same basis,
/// under the same weighting and to the precision it was printed to. A total printed as "7.4"
/// to one decimal place is consistent with an exact 7.35; that is not a disagreement, and it
/// is kept apart from one.
public struct DeclaredCheck: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        /// Exactly the number the scores give.
        case agrees
        /// Not exact, but the number the scores give rounds to it at the printed precision.
        case consistentWhenRounded = "consistent-when-rounded"
        /// A real disagreement.
        case differs
    }

    public enum Field: String, Sendable {
        case total
        case rank
    }

    /// Index of the declaration in `Appraisal.declared`.
    public let declaration: Int
    public let source: String
    public let option: String
    public let field: Field
    public let declared: Rational
    /// What the scores give, on the declaration's basis and under its weighting.
    public let computed: Rational
    public let outcome: Outcome
    public let basis: Declaration.Basis
    public let decimals: Int?
    /// The declared weighting's name when the declaration names one ("equal weights").
    public let weighting: String?
    /// Totals: the maximum on the declaration's basis (40 points, 100%, the scale's top, the
    /// weights times the scale's top); ranks: zero.
    public let maximum: Rational
    /// Ranks only: the options that share the computed rank.
    public let tiedWith: [String]
    /// Path of the declared number in the appraisal file.
    public let location: String

    /// `computed − declared`.
    public var difference: Rational { computed - declared }

    /// Half a unit in the last printed place: how far an exact value may be from a number
    /// printed to `decimals` places and still round to it.
    public static func tolerance(decimals: Int) -> Rational {
        var unit = Rational.one
        for _ in 0..<decimals { unit = unit / Rational(10) }
        return unit / Rational(2)
    }

    /// The declared total beside the computed one, judged at the printed precision.
    static func outcome(declared: Rational, computed: Rational, decimals: Int?) -> Outcome {
        if declared == computed { return .agrees }
        guard let decimals else { return .differs }
        let gap = declared > computed ? declared - computed : computed - declared
        return gap <= tolerance(decimals: decimals) ? .consistentWhenRounded : .differs
    }

    /// An option's total on `basis` from its entry in a ranking (points out of the maximum)
    /// under `weights`, with the maximum on that basis.
    static func value(_ entry: Ranking.Entry, basis: Declaration.Basis, weights: Weights) -> (value: Rational, maximum: Rational) {
        basis.value(points: entry.total, maximum: entry.maximum, weights: weights)
    }

    /// The figure the way a reader would write it: "24/40", "65%", "7.35 out of 10"; with
    /// `printed`, to the declaration's own precision ("6.0 out of 10").
    public func text(_ value: Rational, printed: Bool = false) -> String {
        let places = max(decimals ?? 0, value.terminatingDecimalPlaces.map { min($0, 2) } ?? 2)
        let number = printed && decimals != nil ? value.formatted(places: decimals!) : value.decimalText(maximumPlaces: places)
        switch basis {
        case .points: return "\(number)/\(maximum.decimalText(maximumPlaces: 2))"
        case .percent: return number + "%"
        case .weightedAverage, .rawSum: return "\(number) out of \(maximum.decimalText(maximumPlaces: 2))"
        }
    }

    /// "percent of the maximum, under equal weights, printed to 1 dp": what the declaration
    /// says about itself, for sentences; empty for plain points.
    public var description: String {
        var parts: [String] = []
        switch basis {
        case .points: break
        case .percent: parts.append("a percentage of the maximum")
        case .weightedAverage: parts.append("a weighted average score")
        case .rawSum: parts.append("a raw weighted sum")
        }
        if let weighting { parts.append("under \(weighting)") }
        if let decimals { parts.append("printed to \(decimals) dp") }
        return parts.joined(separator: ", ")
    }
}
