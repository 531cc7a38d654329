/// A closed range of one criterion's weight, as a fraction of the total weight (0 to 1).
public struct WeightInterval: Sendable, Equatable {
    public let from: Rational
    public let to: Rational

    public init(from: Rational, to: Rational) {
        precondition(from <= to, "an interval runs upwards")
        self.from = from
        self.to = to
    }

    public static let whole = WeightInterval(from: .zero, to: .one)

    public func contains(_ weight: Rational) -> Bool { from <= weight && weight <= to }
}

/// A weight at which first place changes hands during a one-way sweep.
public struct FirstPlaceCrossover: Sendable, Equatable {
    /// The criterion's weight at the crossover, exact.
    public let weight: Rational
    /// Options first just below `weight` (at 0 itself when `weight` is 0).
    public let before: [String]
    /// Options first just above `weight` (at 1 itself when `weight` is 1).
    public let after: [String]
    /// Options sharing first place at exactly `weight`: a tie, reported as one.
    public let tied: [String]
}

/// A stretch of the sweep over which the same options are first (a single point when first
/// place is shared only there).
public struct FirstPlaceSegment: Sendable, Equatable {
    public let interval: WeightInterval
    public let leaders: [String]
}

/// The weight at which one option passes another.
public struct PairCrossover: Sendable, Equatable {
    public let weight: Rational
    /// The option ahead just below `weight`.
    public let before: String
    /// The option ahead just above `weight`.
    public let after: String
}

/// How the order of two options behaves as one criterion's weight sweeps from 0 to 1.
public struct PairSweep: Sendable, Equatable {
    /// The option ahead at the current weights (the earlier in the appraisal when tied).
    public let higher: String
    public let lower: String
    /// Whether the two totals are equal at the current weights.
    public let tiedNow: Bool
    /// Whether the two totals are equal at every weight of this criterion.
    public let alwaysTied: Bool
    /// The weights over which `higher` is not behind `lower`; at an end that is a crossover
    /// the two are level.
    public let holds: WeightInterval
    /// Where the order reverses, if it does strictly between 0 and 1 (or at the current weight,
    /// when the two are level now and any change separates them).
    public let crossover: PairCrossover?
    /// None (0) or all (1) of the weight, when the two are level only there: an endpoint tie,
    /// not a reversal, since no weight lies beyond it.
    public var levelAtEnd: Rational? = nil
}

/// Which pairs of options a report follows through the sweeps.
public enum PairScope: String, Sendable, CaseIterable {
    /// Options next to each other in the current ranking: the orders members read.
    case adjacent
    /// Every pair of options.
    case all
}

/// One-way sensitivity of the ranking to one criterion's weight, worked out exactly.
///
/// Convention (Hiview, MCDA Web): the criterion's weight is set to t in [0, 1] and the other
/// weights share 1 − t in proportion to their current weights. When every other weight is
/// zero (the criterion holds all the weight now), they share 1 − t equally instead, so the
/// sweep still explores the whole range; with a single criterion the weight is always all of
/// it and every total is constant. Each total is then a straight line in t,
/// `P(i, t) = intercept(i) + slope(i) × t` (weighted mean score), so every crossover is the
/// exact root of a linear equation: no grid, no rounding.
public struct WeightSweep: Sendable, Equatable {
    public let criterion: String
    public let criterionIndex: Int
    /// The criterion's weight now, as a fraction of the total.
    public let current: Rational
    public let optionIDs: [String]
    /// Each option's weighted mean score at t = 0 (matrix order).
    public let intercepts: [Rational]
    /// How much each option's weighted mean score gains per unit of t (matrix order).
    public let slopes: [Rational]
    /// First place from t = 0 to t = 1, in order; consecutive segments meet end to start.
    public let segments: [FirstPlaceSegment]
    /// Every weight strictly between 0 and 1 at which first place changes hands, in
    /// increasing order.
    public let crossovers: [FirstPlaceCrossover]
    /// The ends of the range (none or all of the weight) where the options first there merely
    /// share first place with others: ties at an edge, not changes of hands, since no weight
    /// beyond the edge exists to put the others ahead.
    public let endpointTies: [FirstPlaceCrossover]
    /// Options first at the current weights.
    public let leadersNow: [String]
    /// The weights over which exactly `leadersNow` stay first (with a tie at any end that is a
    /// crossover); a single point when first place is shared now only by coincidence.
    public let firstPlace: WeightInterval
    /// The crossover at `firstPlace.from`, if first place changes there (an endpoint tie only
    /// when first place is shared now, at that end, and any move separates the leaders).
    public let changeBelow: FirstPlaceCrossover?
    /// The crossover at `firstPlace.to`, if first place changes there (likewise).
    public let changeAbove: FirstPlaceCrossover?

    /// The sweep of criterion `index` of `matrix` from `weights`.
    public init(matrix: DecisionMatrix, weights: Weights, criterion index: Int) {
        self.init(matrix: matrix, normalised: weights.normalised, means: weightedMeans(matrix, weights.normalised),
                  criterion: index)
    }

    /// Sweeps for every criterion, sharing one pass for the current totals.
    public static func all(matrix: DecisionMatrix, weights: Weights) -> [WeightSweep] {
        all(matrix: matrix, normalised: weights.normalised, means: weightedMeans(matrix, weights.normalised))
    }

    /// The criteria are independent, so they are swept across the cores.
    static func all(matrix: DecisionMatrix, normalised: [Rational], means: [Rational]) -> [WeightSweep] {
        concurrentMap(matrix.criterionCount) { WeightSweep(matrix: matrix, normalised: normalised, means: means, criterion: $0) }
    }

    init(matrix: DecisionMatrix, normalised weights: [Rational], means: [Rational], criterion index: Int) {
        precondition(weights.count == matrix.criterionCount && matrix.optionCount > 0, "one weight per criterion, one option at least")
        criterion = matrix.criterionIDs[index]
        criterionIndex = index
        current = weights[index]
        optionIDs = matrix.optionIDs
        let lines = WeightSweep.lines(matrix: matrix, weights: weights, means: means, criterion: index)
        intercepts = lines.intercepts
        slopes = lines.slopes

        let envelope = WeightSweep.envelope(intercepts: intercepts, slopes: slopes)
        let ids = matrix.optionIDs
        segments = envelope.segments.map { FirstPlaceSegment(interval: $0.interval, leaders: $0.leaders.map { ids[$0] }) }
        let transitions = envelope.crossovers.map {
            FirstPlaceCrossover(weight: $0.weight, before: $0.before.map { ids[$0] }, after: $0.after.map { ids[$0] },
                                tied: $0.tied.map { ids[$0] })
        }
        let interior = { (crossover: FirstPlaceCrossover) in crossover.weight > .zero && crossover.weight < .one }
        crossovers = transitions.filter(interior)
        endpointTies = transitions.filter { !interior($0) }
        leadersNow = indicesOfMaximum(means).map { ids[$0] }
        let now = current
        let leaders = leadersNow
        let holding = segments.first { $0.interval.contains(now) && $0.leaders == leaders }!
        firstPlace = holding.interval
        let sharedNow = holding.interval.from == holding.interval.to
        changeBelow = transitions.first { $0.weight == holding.interval.from && (sharedNow || interior($0)) }
        changeAbove = transitions.last { $0.weight == holding.interval.to && (sharedNow || interior($0)) }
    }

    /// The tie at none of the weight, when the current leaders stay first all the way down to it.
    public var tieAtNone: FirstPlaceCrossover? {
        firstPlace.from.isZero ? endpointTies.first { $0.weight.isZero } : nil
    }

    /// The tie at all of the weight, when the current leaders stay first all the way up to it.
    public var tieAtAll: FirstPlaceCrossover? {
        firstPlace.to == .one ? endpointTies.first { $0.weight == .one } : nil
    }

    /// The full weight vector when criterion `index` is set to `t` under this convention.
    public static func weights(_ normalised: [Rational], settingCriterion index: Int, to t: Rational) -> [Rational] {
        let rest = Rational.one - normalised[index]
        let others = normalised.count - 1
        return normalised.indices.map { k in
            if k == index { return others == 0 ? .one : t }
            if rest.isZero { return (Rational.one - t) / Rational(others) }
            return normalised[k] * (Rational.one - t) / rest
        }
    }

    /// An option's weighted mean score at weight `t`.
    public func value(option index: Int, at t: Rational) -> Rational { intercepts[index] + slopes[index] * t }

    /// How the pair of options at matrix indices `first` and `second` fares over the sweep.
    public func pair(_ first: Int, _ second: Int) -> PairSweep {
        let now = current
        let difference = value(option: first, at: now) - value(option: second, at: now)
        let (higher, lower) = difference > .zero || (difference.isZero && first < second) ? (first, second) : (second, first)
        let interceptGap = intercepts[higher] - intercepts[lower]
        let slopeGap = slopes[higher] - slopes[lower]
        let tiedNow = difference.isZero
        guard !slopeGap.isZero else {
            return PairSweep(higher: optionIDs[higher], lower: optionIDs[lower], tiedNow: tiedNow,
                             alwaysTied: interceptGap.isZero, holds: .whole, crossover: nil)
        }
        let root = -interceptGap / slopeGap
        guard root >= .zero, root <= .one else {
            return PairSweep(higher: optionIDs[higher], lower: optionIDs[lower], tiedNow: false, alwaysTied: false,
                             holds: .whole, crossover: nil)
        }
        if !tiedNow && (root.isZero || root == .one) {
            return PairSweep(higher: optionIDs[higher], lower: optionIDs[lower], tiedNow: false, alwaysTied: false,
                             holds: .whole, crossover: nil, levelAtEnd: root)
        }
        // Below the root the option whose line rises faster is behind.
        let crossover = slopeGap > .zero
            ? PairCrossover(weight: root, before: optionIDs[lower], after: optionIDs[higher])
            : PairCrossover(weight: root, before: optionIDs[higher], after: optionIDs[lower])
        let holds: WeightInterval
        if tiedNow {
            holds = WeightInterval(from: now, to: now)
        } else if root > now {
            holds = WeightInterval(from: .zero, to: root)
        } else {
            holds = WeightInterval(from: root, to: .one)
        }
        return PairSweep(higher: optionIDs[higher], lower: optionIDs[lower], tiedNow: tiedNow, alwaysTied: false,
                         holds: holds, crossover: crossover)
    }

    /// The pairs a report follows: neighbours in `ranking` order, or every pair in that order.
    public func pairs(_ scope: PairScope, ranking: RankedTotals) -> [PairSweep] {
        let position = Dictionary(uniqueKeysWithValues: optionIDs.enumerated().map { ($1, $0) })
        let order = ranking.entries.map { position[$0.option]! }
        switch scope {
        case .adjacent:
            return zip(order, order.dropFirst()).map { pair($0, $1) }
        case .all:
            return order.indices.flatMap { a in order.indices.dropFirst(a + 1).map { pair(order[a], order[$0]) } }
        }
    }

    // MARK: - Lines and envelope

    static func lines(matrix: DecisionMatrix, weights: [Rational], means: [Rational], criterion index: Int)
        -> (intercepts: [Rational], slopes: [Rational]) {
        let others = matrix.criterionCount - 1
        let rest = Rational.one - weights[index]
        var intercepts: [Rational] = []
        var slopes: [Rational] = []
        intercepts.reserveCapacity(matrix.optionCount)
        slopes.reserveCapacity(matrix.optionCount)
        let inverseRest = rest.isZero ? nil : Rational.one / rest
        for (row, scores) in matrix.scores.enumerated() {
            let own = scores[index]
            let intercept: Rational
            if others == 0 {
                intercept = own
            } else if let inverseRest {
                // The other criteria's share of the total, rescaled to weigh one in all.
                intercept = (means[row] - weights[index] * own) * inverseRest
            } else {
                var sum = Rational.zero
                for (k, score) in scores.enumerated() where k != index { sum += score }
                intercept = sum / Rational(others)
            }
            intercepts.append(intercept)
            slopes.append(own - intercept)
        }
        return (intercepts, slopes)
    }

    struct Envelope {
        var segments: [(interval: WeightInterval, leaders: [Int])] = []
        var crossovers: [(weight: Rational, before: [Int], after: [Int], tied: [Int])] = []
    }

    /// The upper envelope of the lines over [0, 1], walked from t = 0: the leaders continue
    /// until the first line rising faster meets them, where the tied lines hand over to the
    /// steepest among them.
    static func envelope(intercepts: [Rational], slopes: [Rational]) -> Envelope {
        var result = Envelope()
        let atZero = indicesOfMaximum(intercepts)
        var current = steepest(atZero, slopes)
        if current != atZero {
            result.segments.append((WeightInterval(from: .zero, to: .zero), atZero))
            result.crossovers.append((.zero, atZero, current, atZero))
        }
        var start = Rational.zero
        let screen = slopes.map(\.doubleValue)
        let screenIntercepts = intercepts.map(\.doubleValue)
        while true {
            let leader = current[0]
            let (leaderIntercept, leaderSlope) = (intercepts[leader], slopes[leader])
            var next: Rational?
            var joining: [Int] = []
            // A cheap floating-point bound skips lines that cannot reach the leader by t = 1.
            let leaderEnd = screenIntercepts[leader] + screen[leader]
            for j in slopes.indices where slopes[j] > leaderSlope {
                let end = screenIntercepts[j] + screen[j]
                if end < leaderEnd - 1e-9 * (abs(leaderEnd) + abs(end) + 1) { continue }
                let meeting = (leaderIntercept - intercepts[j]) / (slopes[j] - leaderSlope)
                guard meeting <= .one else { continue }
                if let best = next, best < meeting { continue }
                if let best = next, best == meeting {
                    joining.append(j)
                } else {
                    next = meeting
                    joining = [j]
                }
            }
            guard let meeting = next else {
                result.segments.append((WeightInterval(from: start, to: .one), current))
                return result
            }
            result.segments.append((WeightInterval(from: start, to: meeting), current))
            let tied = (current + joining).sorted()
            result.segments.append((WeightInterval(from: meeting, to: meeting), tied))
            if meeting == .one {
                result.crossovers.append((meeting, current, tied, tied))
                return result
            }
            let after = steepest(tied, slopes)
            result.crossovers.append((meeting, current, after, tied))
            current = after
            start = meeting
        }
    }

    private static func steepest(_ indices: [Int], _ slopes: [Rational]) -> [Int] {
        guard let top = indices.map({ slopes[$0] }).max() else { return [] }
        return indices.filter { slopes[$0] == top }
    }
}
