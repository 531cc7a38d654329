/// How a level measured in natural units (places, weeks, a KPI percentage) becomes a score,
/// stated so anyone can reproduce it. Exact: levels and scores are rationals.
public enum ValueFunction: Sendable, Equatable {
    /// Straight line from the worst level (bottom of the scale) to the best level (top of the
    /// scale), clipped beyond them. Lower is better when `worst` is above `best`.
    case linear(worst: Rational, best: Rational)
    /// Straight lines through stated points, levels rising; clipped beyond the first and last.
    case piecewise([ValuePoint])
    /// A score for each named category ("Outstanding" → 5).
    case categories([(category: String, score: Rational)])
    /// A cost turned round by reciprocals: 1/level normalised by `method` against the
    /// reciprocals of the column's levels, as published worked examples do (sum: (1/x)/Σ(1/x);
    /// max: min/x; min–max and vector on 1/x). Not a straight line, so the column it was
    /// normalised against is kept with it; lower is better.
    case reciprocal(method: Normalisation, levels: [Rational])

    public static func == (lhs: ValueFunction, rhs: ValueFunction) -> Bool {
        switch (lhs, rhs) {
        case let (.linear(a, b), .linear(c, d)): a == c && b == d
        case let (.piecewise(a), .piecewise(b)): a == b
        case let (.categories(a), .categories(b)): a.elementsEqual(b) { $0.category == $1.category && $0.score == $1.score }
        case let (.reciprocal(a, c), .reciprocal(b, d)): a == b && c == d
        default: false
        }
    }

    /// Whether a higher level scores better; nil for categories, or a function that is flat.
    public var higherIsBetter: Bool? {
        switch self {
        case let .linear(worst, best):
            return worst == best ? nil : best > worst
        case let .piecewise(points):
            guard let first = points.first, let last = points.last, first.score != last.score else { return nil }
            return last.score > first.score
        case .categories:
            return nil
        case .reciprocal:
            return false
        }
    }

    /// The score of a numeric level on `scale`; nil for a category function.
    public func score(_ level: Rational, scale: ScoreScale) -> Rational? {
        switch self {
        case let .linear(worst, best):
            guard worst != best else { return nil }
            let fraction = min(max((level - worst) / (best - worst), .zero), .one)
            return scale.minimum + fraction * (scale.maximum - scale.minimum)
        case let .piecewise(points):
            guard let first = points.first, let last = points.last else { return nil }
            if level <= first.level { return first.score }
            if level >= last.level { return last.score }
            for (low, high) in zip(points, points.dropFirst()) where level <= high.level {
                return low.score + (level - low.level) / (high.level - low.level) * (high.score - low.score)
            }
            return last.score
        case .categories:
            return nil
        case let .reciprocal(method, levels):
            guard let fraction = method.reciprocalFraction(level, of: levels) else { return nil }
            return scale.minimum + min(max(fraction, .zero), .one) * (scale.maximum - scale.minimum)
        }
    }

    /// The score of a category; nil when the function has no such category (or is numeric).
    public func score(category: String) -> Rational? {
        guard case .categories(let table) = self else { return nil }
        return table.first { $0.category == category }?.score
    }

    /// The function in words, with the unit: "linear, 0 places = 0, 20 places = 5".
    public func description(unit: String, scale: ScoreScale) -> String {
        let level = { (value: Rational) in unit.isEmpty ? value.decimalText() : "\(value.decimalText()) \(unit)" }
        switch self {
        case let .linear(worst, best):
            let direction = best < worst ? " (lower is better)" : ""
            return "the linear function \(level(worst)) = \(scale.minimum.decimalText()), \(level(best)) = \(scale.maximum.decimalText())\(direction)"
        case let .piecewise(points):
            return "the piecewise linear function " + points.map { "\(level($0.level)) = \($0.score.decimalText())" }.joined(separator: ", ")
        case let .categories(table):
            return "the categories " + table.map { "\($0.category) = \($0.score.decimalText())" }.joined(separator: ", ")
        case let .reciprocal(method, levels):
            let formula = switch method {
            case .max: "min/x"
            case .sum: "(1/x)/Σ(1/x)"
            case .minMax: "(1/x − 1/max)/(1/min − 1/max)"
            case .vector: "(1/x)/√Σ(1/x)²"
            }
            return "the reciprocal rule \(formula) (\(method.rawValue), lower is better) over " + levels.map(level).joined(separator: ", ")
        }
    }
}

/// One point of a piecewise linear value function.
public struct ValuePoint: Sendable, Equatable {
    public var level: Rational
    public var score: Rational

    public init(level: Rational, score: Rational) {
        self.level = level
        self.score = score
    }
}

/// How a criterion's scores follow from measurements: the unit the levels are in and the
/// value function that turns a level into a score.
public struct MeasuredScoring: Sendable, Equatable {
    /// The unit levels are given in ("places", "weeks", "%"); empty for a pure number.
    public var unit: String
    public var function: ValueFunction
    /// The measure (see `Appraisal.measures`) whose amounts give every option's level; nil
    /// when each score carries its own measurement.
    public var measure: String?

    public init(unit: String, function: ValueFunction, measure: String? = nil) {
        self.unit = unit
        self.function = function
        self.measure = measure
    }
}

/// What was measured for one option on a measured criterion: a level typed in, a category,
/// or a cited KPI indicator whose printed value is the level.
public enum CellMeasurement: Sendable, Equatable {
    case level(Rational)
    case category(String)
    /// The indicator's value in `period` (its latest when nil), read from a cited dataset.
    case indicator(dataset: String, indicator: String, period: String?)
}

/// A score worked out from a measurement: the number, and the sentence that shows the working.
public struct MeasuredScore: Sendable, Equatable {
    public let score: Rational
    /// The score as the file holds it: exact when it has at most six decimals, otherwise
    /// rounded to six (a third is written 0.333333).
    public var stored: Rational { Rational(decimal: score.decimalText(maximumPlaces: 6)) ?? score }
    /// "12 places → 3 by the linear function 0 places = 0, 20 places = 5".
    public let working: String
}

extension MeasuredScoring {
    /// The score a level or category gets, with its working; nil when the function cannot
    /// score it (an unknown category, a number for a category function).
    public func score(level: Rational, source: String? = nil, scale: ScoreScale) -> MeasuredScore? {
        guard let score = function.score(level, scale: scale) else { return nil }
        let levelText = unit.isEmpty ? level.decimalText() : "\(level.decimalText()) \(unit)"
        let cited = source.map { " (\($0))" } ?? ""
        return MeasuredScore(score: score, working: "\(levelText)\(cited) → \(score.decimalText(maximumPlaces: 4)) by \(function.description(unit: unit, scale: scale))")
    }

    public func score(category: String, scale: ScoreScale) -> MeasuredScore? {
        guard let score = function.score(category: category) else { return nil }
        return MeasuredScore(score: score, working: "\(category) → \(score.decimalText(maximumPlaces: 4)) by \(function.description(unit: unit, scale: scale))")
    }
}
