import Foundation

/// Whether more of a criterion is better (a benefit) or less (a cost).
public enum Direction: String, Sendable, CaseIterable {
    case benefit
    case cost

    /// Reads the words a raw matrix's direction row uses: benefit/max/higher/+ and
    /// cost/min/lower/−.
    public init?(word: String) {
        switch word.trimmingCharacters(in: .whitespaces).lowercased() {
        case "benefit", "max", "maximise", "maximize", "higher", "higher is better", "+", "profit": self = .benefit
        case "cost", "min", "minimise", "minimize", "lower", "lower is better", "-", "−": self = .cost
        default: return nil
        }
    }
}

/// The standard normalisations of a raw decision matrix's column, so that published examples
/// starting from raw data (MCDA textbooks, pymcdm, the R and Rust MCDM libraries) reproduce.
public enum Normalisation: String, Sendable, CaseIterable {
    /// x / max.
    case max
    /// x / Σx.
    case sum
    /// (x − min) / (max − min).
    case minMax = "min-max"
    /// x / √Σx².
    case vector

    /// How a cost criterion is turned round.
    public enum CostRule: String, Sendable, CaseIterable {
        /// Normalise the reciprocals 1/x as a benefit (max gives min/x; sum gives (1/x)/Σ(1/x)).
        case reciprocal
        /// One minus the benefit form (max gives 1 − x/max; min–max gives (max − x)/(max − min)).
        case reversal
    }

    /// The rule libraries use by default for each method: pymcdm's max, min–max and vector
    /// normalisations reverse a cost, its sum normalisation takes reciprocals.
    public var standardCostRule: CostRule { self == .sum ? .reciprocal : .reversal }

    /// The normalised column. Exact arithmetic except the vector norm's square root. A
    /// column whose values are all equal normalises to all ones under min–max (nothing tells
    /// the options apart); nil when the method cannot apply (a zero total or maximum, or a
    /// reciprocal of 0).
    public func normalise(_ values: [Rational], direction: Direction, cost rule: CostRule? = nil) -> [Double]? {
        guard !values.isEmpty else { return [] }
        let rule = rule ?? standardCostRule
        if self == .minMax, Set(values).count == 1 { return values.map { _ in 1 } }
        if direction == .cost && rule == .reciprocal {
            guard values.allSatisfy({ !$0.isZero }) else { return nil }
            return benefit(values.map { Rational.one / $0 })
        }
        guard let forward = benefit(values) else { return nil }
        return direction == .benefit ? forward : forward.map { 1 - $0 }
    }

    private func benefit(_ values: [Rational]) -> [Double]? {
        switch self {
        case .max:
            guard let top = values.max(), !top.isZero else { return nil }
            return values.map { ($0 / top).doubleValue }
        case .sum:
            let total = values.sum()
            guard !total.isZero else { return nil }
            return values.map { ($0 / total).doubleValue }
        case .minMax:
            let low = values.min()!, high = values.max()!
            guard low != high else { return values.map { _ in 1 } }
            return values.map { (($0 - low) / (high - low)).doubleValue }
        case .vector:
            let norm = sqrt(values.map { $0 * $0 }.sum().doubleValue)
            guard norm > 0 else { return nil }
            return values.map { $0.doubleValue / norm }
        }
    }

    /// A cost level's normalised value under the reciprocal rule against a column of levels,
    /// exactly (the vector norm's square root rounded to 12 significant figures); nil for a level or a
    /// column level of 0 or less, or a column the method cannot apply to.
    public func reciprocalFraction(_ level: Rational, of levels: [Rational]) -> Rational? {
        guard level > .zero, !levels.isEmpty, levels.allSatisfy({ $0 > .zero }) else { return nil }
        let inverse = Rational.one / level
        let column = levels.map { Rational.one / $0 }
        switch self {
        case .max:
            return inverse / column.max()!
        case .sum:
            return inverse / column.sum()
        case .minMax:
            let low = column.min()!, high = column.max()!
            return low == high ? .one : (inverse - low) / (high - low)
        case .vector:
            // Reciprocals are small, so the norm keeps 12 significant figures rather than fixed places.
            let norm = sqrt(column.map { $0 * $0 }.sum().doubleValue)
            guard norm > 0, norm.isFinite else { return nil }
            let places = Swift.min(Swift.max(9, 12 - Int(log10(norm).rounded(.down))), 40)
            guard let rounded = Rational(decimal: String(format: "%.\(places)f", norm)), !rounded.isZero else { return nil }
            return inverse / rounded
        }
    }

    /// The value function that gives this normalisation on the scale from a column: the
    /// linear one for a benefit or a reversed cost, the reciprocal rule for a cost taken by
    /// reciprocals.
    public func valueFunctionForColumn(_ values: [Rational], direction: Direction, cost rule: CostRule) -> ValueFunction? {
        guard direction == .cost, rule == .reciprocal else { return valueFunction(values, direction: direction, cost: rule) }
        guard !values.isEmpty, values.allSatisfy({ $0 > .zero }) else { return nil }
        if self == .minMax, Set(values).count == 1 { return nil }
        return .reciprocal(method: self, levels: values)
    }

    /// The linear value function that gives this normalisation on a 0–1 scale from a column,
    /// when there is one: every method with a reversed cost, and every benefit. Reciprocals are
    /// not straight lines, so they have none. The vector norm is rounded to 6 decimals.
    public func valueFunction(_ values: [Rational], direction: Direction, cost rule: CostRule? = nil) -> ValueFunction? {
        guard !values.isEmpty, direction == .benefit || (rule ?? standardCostRule) == .reversal else { return nil }
        let zero = Rational.zero
        let top: Rational
        switch self {
        case .max:
            guard let high = values.max(), !high.isZero else { return nil }
            top = high
        case .sum:
            top = values.sum()
        case .minMax:
            let low = values.min()!, high = values.max()!
            guard low != high else { return nil }
            return direction == .benefit ? .linear(worst: low, best: high) : .linear(worst: high, best: low)
        case .vector:
            let norm = sqrt(values.map { $0 * $0 }.sum().doubleValue)
            guard norm > 0, let rounded = Rational(decimal: String(format: "%.6f", norm)) else { return nil }
            top = rounded
        }
        guard !top.isZero else { return nil }
        return direction == .benefit ? .linear(worst: zero, best: top) : .linear(worst: top, best: zero)
    }
}
