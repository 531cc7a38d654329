/// How far a figure must move before the value-for-money picture changes: an option's cost
/// before it joins or leaves the frontier or changes place on cost per point, and a criterion's
/// weight before the set of options on the frontier changes.
public struct SwitchingValues: Sendable {
    /// The change in an option's net present cost at which it joins or leaves the frontier.
    public struct CostSwitch: Sendable {
        public let option: String
        public let onFrontier: Bool
        /// Positive: how much the cost can rise before the option leaves the frontier; negative:
        /// how much it must fall to join it. Nil when it stays on the frontier whatever its cost
        /// (no other option gives as many points).
        public let change: BigRational?
        /// `change` as a percentage of the current cost (nil when the cost is not positive).
        public var percent: BigRational? {
            guard let change, cost > .zero else { return nil }
            return change / cost * BigRational(100)
        }
        public let cost: BigRational
    }

    /// The change in an option's cost that moves it one place on cost per point.
    public struct PlaceSwitch: Sendable {
        public let option: String
        /// The option it would overtake, and the (negative) change in cost needed.
        public let overtake: (option: String, change: BigRational)?
        /// The option that would overtake it, and the (positive) change in cost that allows it.
        public let fallBehind: (option: String, change: BigRational)?
    }

    /// The nearest weight of one criterion, up or down with the others held, at which the set
    /// of options on the frontier changes.
    public struct WeightSwitch: Sendable {
        public let criterion: String
        public let current: Rational
        public let up: WeightEvent?
        public let down: WeightEvent?
    }

    public struct WeightEvent: Sendable {
        public let weight: BigRational
        /// Options that join the frontier there.
        public let joining: [String]
        /// Options that leave it.
        public let leaving: [String]
    }

    public let costs: [CostSwitch]
    public let places: [PlaceSwitch]
    public let weights: [WeightSwitch]

    init(matrix: DecisionMatrix, weights: Weights, costs: [BigRational?], benefits: [Rational], ratios: [BigRational?], ranks: [Int?]) {
        let known = costs.indices.filter { costs[$0] != nil }
        let points = known.map { CostBenefitPoint(cost: costs[$0]!, benefit: benefits[$0]) }
        let order = Frontier.costOrder(points)
        let frontier = Frontier(points, order: order)
        let ids = matrix.optionIDs
        self.costs = known.indices.map { position in
            let point = points[position]
            let efficient = frontier.statuses[position].isEfficient
            var envelope: BigRational?
            if efficient {
                let others = Frontier(points, order: order.filter { $0 != position })
                envelope = Frontier.envelope(points, path: others.path, at: point.benefit)
            } else {
                envelope = Frontier.envelope(points, path: frontier.path, at: point.benefit)
            }
            return CostSwitch(option: ids[known[position]], onFrontier: efficient, change: envelope.map { $0 - point.cost }, cost: point.cost)
        }
        let ranked = ratios.indices.filter { ratios[$0] != nil }.sorted { (ranks[$0]!, $0) < (ranks[$1]!, $1) }
        places = ranked.enumerated().map { position, index in
            let cost = costs[index]!, benefit = BigRational(benefits[index])
            let better = ranked[..<position].last { ratios[$0]! < ratios[index]! }
            let worse = ranked[(position + 1)...].first { ratios[$0]! > ratios[index]! }
            return PlaceSwitch(option: ids[index],
                               overtake: better.map { (ids[$0], ratios[$0]! * benefit - cost) },
                               fallBehind: worse.map { (ids[$0], ratios[$0]! * benefit - cost) })
        }
        self.weights = matrix.criterionIDs.indices.map { criterion in
            SwitchingValues.weightSwitch(criterion: criterion, matrix: matrix, weights: weights, known: known, points: points, path: frontier.path)
        }
    }

    /// A condition that holds now and whose failure changes the frontier, as α + β·w with w the
    /// criterion's weight: `leaving` options leave / `joining` join when its sign changes.
    private struct Condition {
        let alpha: BigInt
        let beta: BigInt
        let joining: Int?
        let leaving: Int?
    }

    private static func weightSwitch(criterion: Int, matrix: DecisionMatrix, weights: Weights, known: [Int],
                                     points: [CostBenefitPoint], path: [Int]) -> WeightSwitch {
        let current = weights.entered[criterion]
        let others = weights.entered.indices.filter { $0 != criterion }.map { weights.entered[$0] }.sum()
        // Each option's weighted sum is a + w·s; the frontier's shape depends only on these.
        let a = known.map { row in matrix.criterionIDs.indices.filter { $0 != criterion }.map { weights.entered[$0] * matrix.scores[row][$0] }.sum() }
        let s = known.map { matrix.scores[$0][criterion] }
        var scale: Int128 = 1
        for value in a + s { scale = scale / Rational.greatestCommonDivisor(scale, value.denominator) * value.denominator }
        let big = { (value: Rational) in BigInt(value.numerator * (scale / value.denominator)) }
        let A = a.map(big), S = s.map(big)
        guard !path.isEmpty else { return WeightSwitch(criterion: matrix.criterionIDs[criterion], current: current, up: nil, down: nil) }
        // Costs over one common denominator (one costing gives all of them the same one), so
        // their numerators order and scale alike.
        let common = points.map(\.cost.denominator).reduce(BigInt.one) { $0 == $1 ? $0 : $0 * $1 }
        let C = points.map { $0.cost.numerator * (common.quotientAndRemainder(dividingBy: $0.cost.denominator).quotient) }
        var conditions: [Condition] = []
        func chord(_ low: Int, _ middle: Int, _ high: Int, joining: Int?, leaving: Int?) {
            let d1 = C[high] - C[low], d2 = C[high] - C[middle], d3 = C[middle] - C[low]
            conditions.append(Condition(alpha: A[middle] * d1 - A[low] * d2 - A[high] * d3,
                                        beta: S[middle] * d1 - S[low] * d2 - S[high] * d3, joining: joining, leaving: leaving))
        }
        func pair(_ higher: Int, _ lower: Int, joining: Int?, leaving: Int?) {
            conditions.append(Condition(alpha: A[higher] - A[lower], beta: S[higher] - S[lower], joining: joining, leaving: leaving))
        }
        for k in path.indices.dropFirst() {
            pair(path[k], path[k - 1], joining: nil, leaving: path[k])
            if k + 1 < path.count { chord(path[k - 1], path[k], path[k + 1], joining: nil, leaving: path[k]) }
        }
        let onPath = Set(path)
        for j in points.indices where !onPath.contains(j) {
            // The frontier segment covering j's cost.
            var low = 0, high = path.count - 1
            if C[j] > C[path[high]] {
                pair(path[high], j, joining: j, leaving: nil)
                continue
            }
            while high - low > 1 {
                let mid = (low + high) / 2
                if C[path[mid]] <= C[j] { low = mid } else { high = mid }
            }
            if C[j] == C[path[low]] {
                pair(path[low], j, joining: j, leaving: path[low])
            } else if C[j] == C[path[high]] {
                pair(path[high], j, joining: j, leaving: path[high])
            } else {
                // j joins when it reaches the chord; as a "holds now" condition, the chord minus j.
                let d1 = C[path[high]] - C[path[low]], d2 = C[path[high]] - C[j], d3 = C[j] - C[path[low]]
                conditions.append(Condition(alpha: -(A[j] * d1 - A[path[low]] * d2 - A[path[high]] * d3),
                                            beta: -(S[j] * d1 - S[path[low]] * d2 - S[path[high]] * d3), joining: j, leaving: nil))
            }
        }
        let w0 = BigRational(current)
        let minimum: BigRational = others > .zero ? .zero : BigRational(Rational(1, 1_000_000))
        var up: (weight: BigRational, conditions: [Condition])?
        var down: (weight: BigRational, conditions: [Condition])?
        for condition in conditions where !condition.beta.isZero {
            let root = BigRational(-condition.alpha, condition.beta)
            // Holding now means α + β·w0 ≥ 0; the condition fails moving in the direction that lowers it.
            if condition.beta.isNegative ? root >= w0 : false {
                if up == nil || root < up!.weight { up = (root, [condition]) } else if root == up!.weight { up!.conditions.append(condition) }
            } else if !condition.beta.isNegative, root <= w0, root >= minimum {
                if down == nil || root > down!.weight { down = (root, [condition]) } else if root == down!.weight { down!.conditions.append(condition) }
            }
        }
        func event(_ found: (weight: BigRational, conditions: [Condition])?) -> WeightEvent? {
            guard let found else { return nil }
            let ids = matrix.optionIDs
            let joining = Set(found.conditions.compactMap(\.joining)).sorted().map { ids[known[$0]] }
            let leaving = Set(found.conditions.compactMap(\.leaving)).sorted().map { ids[known[$0]] }
            return WeightEvent(weight: found.weight, joining: joining, leaving: leaving)
        }
        return WeightSwitch(criterion: matrix.criterionIDs[criterion], current: current, up: event(up), down: event(down))
    }
}
