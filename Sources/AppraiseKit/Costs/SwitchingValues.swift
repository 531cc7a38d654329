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
        /// The nearest weights, up and down, at which two options change places on cost per
        /// point (they are `joining` the place of each other: both listed in `joining`).
        public let orderUp: WeightEvent?
        public let orderDown: WeightEvent?
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

    /// `ratios` are the costs per point (nil for an option that saves money, scores nothing or
    /// whose cost is not known); places on cost per point are among the options that have one.
    init(matrix: DecisionMatrix, weights: Weights, costs: [BigRational?], benefits: [Rational], ratios: [BigRational?]) {
        let ranks = ValueForMoney.competitionRanks(ratios)
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
        // Cost-per-point order as positions among the options whose cost is known.
        let position = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1, $0) })
        let ratioOrder = ranked.compactMap { position[$0] }
        let shared = Shared(matrix: matrix, weights: weights, known: known, points: points)
        self.weights = matrix.criterionIDs.indices.map { criterion in
            SwitchingValues.weightSwitch(criterion: criterion, shared: shared, matrix: matrix, weights: weights, known: known, path: frontier.path,
                                         ratioOrder: ratioOrder)
        }
    }

    /// A condition that holds now and whose failure changes the frontier, α + β·w ≥ 0 with w the
    /// criterion's weight (scaled): `leaving` leaves or `joining` joins when it fails. The
    /// Double copies of α and β, with bounds on their rounding error, screen out far roots
    /// cheaply; only roots that could be the nearest are computed exactly, from `shape`.
    private struct Condition {
        enum Shape {
            /// sign · (L_m·(C_h − C_l) − L_l·(C_h − C_m) − L_h·(C_m − C_l))
            case chord(low: Int, middle: Int, high: Int, sign: Int128)
            /// L_higher − L_lower
            case pair(higher: Int, lower: Int)
            /// C_worse·L_better − C_better·L_worse: `better` has the lower cost per point
            case ratio(better: Int, worse: Int)
            /// sign · L: an option's benefit crossing zero gives it a cost per point or takes it away
            case benefit(option: Int, sign: Int128)
        }
        let shape: Shape
        let approximateAlpha: Double
        let approximateBeta: Double
        /// Bound on the error of the approximations.
        let error: (alpha: Double, beta: Double)
        let joining: Int?
        let leaving: Int?
    }

    /// What every criterion's search shares: weights and scores as whole numbers (× wScale and
    /// × sScale), each option's weighted sum, and costs over one denominator, exact and as Doubles.
    private struct Shared {
        let wScale: Int128
        let W: [Int128]
        let S: [[Int128]]
        let totals: [Int128]
        let C: [BigInt]
        let c: [Double]

        init(matrix: DecisionMatrix, weights: Weights, known: [Int], points: [CostBenefitPoint]) {
            func lcm(_ scale: Int128, _ value: Rational) -> Int128 {
                let denominator = value.bounded.denominator
                return scale % denominator == 0 ? scale : scale / Rational.greatestCommonDivisor(scale, denominator) * denominator
            }
            wScale = weights.entered.reduce(Int128(1), lcm)
            let sScale = known.reduce(Int128(1)) { scale, row in matrix.scores[row].reduce(scale, lcm) }
            let wScale = wScale
            W = weights.entered.map { $0.bounded.numerator * (wScale / $0.bounded.denominator) }
            S = known.map { row in matrix.scores[row].map { $0.bounded.numerator * (sScale / $0.bounded.denominator) } }
            let W = W
            totals = S.map { row in row.indices.reduce(Int128(0)) { $0 + W[$1] * row[$1] } }
            // One costing gives every cost the same denominator; otherwise bring them to one.
            let common = points.map(\.cost.denominator).reduce(BigInt.one) { $0 == $1 ? $0 : $0 * $1 }
            C = points.map { $0.cost.denominator == common ? $0.cost.numerator : $0.cost.numerator * common.quotientAndRemainder(dividingBy: $0.cost.denominator).quotient }
            let scale = C.map { $0.magnitude }.max().map { max($0.doubleValue, 1) } ?? 1
            c = C.map { $0.doubleValue / scale }
        }
    }

    private static func weightSwitch(criterion: Int, shared: Shared, matrix: DecisionMatrix, weights: Weights, known: [Int],
                                     path: [Int], ratioOrder: [Int]) -> WeightSwitch {
        let current = weights.entered[criterion]
        let id = matrix.criterionIDs[criterion]
        guard !path.isEmpty else { return WeightSwitch(criterion: id, current: current, up: nil, down: nil, orderUp: nil, orderDown: nil) }
        // Each option's weighted sum is a + w·s; the frontier depends only on these (the common
        // normalising factor cancels).
        let W = shared.W, C = shared.C, c = shared.c, wScale = shared.wScale
        let s = shared.S.map { $0[criterion] }
        let A = s.indices.map { shared.totals[$0] - W[criterion] * s[$0] }
        let a = A.map(approximate), b = s.map(approximate)
        let points = C
        let epsilon = 1e-12
        var conditions: [Condition] = []
        // sign · (L_m·(C_h − C_l) − L_l·(C_h − C_m) − L_h·(C_m − C_l)) ≥ 0
        func chord(_ l: Int, _ m: Int, _ h: Int, sign: Int128, joining: Int?, leaving: Int?) {
            let d = (c[h] - c[l], c[h] - c[m], c[m] - c[l])
            let x = (a[m], a[l], a[h]), y = (b[m], b[l], b[h])
            let alpha = x.0 * d.0 - x.1 * d.1 - x.2 * d.2, beta = y.0 * d.0 - y.1 * d.1 - y.2 * d.2
            let size = (abs(x.0 * d.0) + abs(x.1 * d.1) + abs(x.2 * d.2), abs(y.0 * d.0) + abs(y.1 * d.1) + abs(y.2 * d.2))
            conditions.append(Condition(
                shape: .chord(low: l, middle: m, high: h, sign: sign),
                approximateAlpha: sign > 0 ? alpha : -alpha, approximateBeta: sign > 0 ? beta : -beta,
                error: (epsilon * (size.0 + 1), epsilon * (size.1 + 1)), joining: joining, leaving: leaving))
        }
        // L_higher − L_lower ≥ 0
        func pair(_ higher: Int, _ lower: Int, joining: Int?, leaving: Int?) {
            let x = a[higher] - a[lower], y = b[higher] - b[lower]
            conditions.append(Condition(shape: .pair(higher: higher, lower: lower), approximateAlpha: x, approximateBeta: y,
                                        error: (epsilon * (abs(a[higher]) + abs(a[lower]) + 1), epsilon * (abs(b[higher]) + abs(b[lower]) + 1)),
                                        joining: joining, leaving: leaving))
        }
        for k in path.indices.dropFirst() {
            pair(path[k], path[k - 1], joining: nil, leaving: path[k])
            if k + 1 < path.count { chord(path[k - 1], path[k], path[k + 1], sign: 1, joining: nil, leaving: path[k]) }
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
                // j is below the chord now and joins when it reaches it.
                chord(path[low], j, path[high], sign: -1, joining: j, leaving: nil)
            }
        }
        let w0 = approximate(W[criterion])
        let others = W.indices.filter { $0 != criterion }.reduce(Int128(0)) { $0 + W[$1] }
        let minimum = others > 0 ? BigRational.zero : BigRational(Rational(1, 1_000_000) * Rational(wScale, 1))
        // α and β of a condition, exactly; computed only for the few roots that could be nearest.
        let exact = { (condition: Condition) -> (alpha: BigInt, beta: BigInt) in
            switch condition.shape {
            case .pair(let higher, let lower):
                return (BigInt(A[higher] - A[lower]), BigInt(s[higher] - s[lower]))
            case .benefit(let option, let sign):
                return (BigInt(sign * A[option]), BigInt(sign * s[option]))
            case .ratio(let better, let worse):
                return (C[worse] * BigInt(A[better]) - C[better] * BigInt(A[worse]), C[worse] * BigInt(s[better]) - C[better] * BigInt(s[worse]))
            case .chord(let l, let m, let h, let sign):
                let d1 = C[h] - C[l], d2 = C[h] - C[m], d3 = C[m] - C[l]
                let alpha = BigInt(A[m]) * d1 - BigInt(A[l]) * d2 - BigInt(A[h]) * d3
                let beta = BigInt(s[m]) * d1 - BigInt(s[l]) * d2 - BigInt(s[h]) * d3
                return sign > 0 ? (alpha, beta) : (-alpha, -beta)
            }
        }
        let up = nearest(conditions, exact: exact, from: BigRational(BigInt(W[criterion])), w0: w0, upward: true, minimum: minimum)
        let down = nearest(conditions, exact: exact, from: BigRational(BigInt(W[criterion])), w0: w0, upward: false, minimum: minimum)
        func event(_ found: (weight: BigRational, conditions: [Condition])?) -> WeightEvent? {
            guard let found else { return nil }
            let ids = matrix.optionIDs
            let joining = Set(found.conditions.compactMap(\.joining)).sorted().map { ids[known[$0]] }
            let leaving = Set(found.conditions.compactMap(\.leaving)).sorted().map { ids[known[$0]] }
            return WeightEvent(weight: found.weight / BigRational(BigInt(wScale)), joining: joining, leaving: leaving)
        }
        // Neighbours on cost per point first swap as a weight moves, as lines first meet as
        // neighbours: one condition per neighbouring pair.
        var order: [Condition] = []
        for (better, worse) in zip(ratioOrder, ratioOrder.dropFirst()) {
            let alpha = c[worse] * a[better] - c[better] * a[worse], beta = c[worse] * b[better] - c[better] * b[worse]
            let size = (abs(c[worse] * a[better]) + abs(c[better] * a[worse]), abs(c[worse] * b[better]) + abs(c[better] * b[worse]))
            order.append(Condition(shape: .ratio(better: better, worse: worse), approximateAlpha: alpha, approximateBeta: beta,
                                   error: (epsilon * (size.0 + 1), epsilon * (size.1 + 1)), joining: better, leaving: worse))
        }
        let ranked = Set(ratioOrder)
        // An option that saves money has no cost per point whatever its points.
        for option in A.indices where !C[option].isNegative {
            // Ranked options have a positive benefit; the others none, until it turns positive.
            let sign: Int128 = ranked.contains(option) ? 1 : -1
            let x = sign > 0 ? a[option] : -a[option], y = sign > 0 ? b[option] : -b[option]
            order.append(Condition(shape: .benefit(option: option, sign: sign), approximateAlpha: x, approximateBeta: y,
                                   error: (epsilon * (abs(x) + 1), epsilon * (abs(y) + 1)),
                                   joining: sign > 0 ? nil : option, leaving: sign > 0 ? option : nil))
        }
        let orderUp = nearest(order, exact: exact, from: BigRational(BigInt(W[criterion])), w0: w0, upward: true, minimum: minimum)
        let orderDown = nearest(order, exact: exact, from: BigRational(BigInt(W[criterion])), w0: w0, upward: false, minimum: minimum)
        func swap(_ found: (weight: BigRational, conditions: [Condition])?) -> WeightEvent? {
            guard let found else { return nil }
            let pairs = found.conditions.flatMap { [$0.joining, $0.leaving].compactMap { $0 } }
            let ids = Set(pairs).sorted().map { matrix.optionIDs[known[$0]] }
            return WeightEvent(weight: found.weight / BigRational(BigInt(wScale)), joining: ids, leaving: [])
        }
        return WeightSwitch(criterion: id, current: current, up: event(up), down: event(down), orderUp: swap(orderUp), orderDown: swap(orderDown))
    }

    /// The nearest weight, beyond `w` in one direction, at which a condition fails: conditions
    /// decreasing in that direction fail at their root −α/β. Roots are bracketed in floating
    /// point, and only those that could be nearest are computed exactly.
    private static func nearest(_ conditions: [Condition], exact: (Condition) -> (alpha: BigInt, beta: BigInt), from w: BigRational, w0: Double,
                                upward: Bool, minimum: BigRational)
        -> (weight: BigRational, conditions: [Condition])? {
        var candidates: [(index: Int, low: Double, high: Double)] = []
        var bound = Double.infinity
        for (index, condition) in conditions.enumerated() {
            let beta = condition.approximateBeta, alpha = condition.approximateAlpha
            let (ea, eb) = condition.error
            // The direction in which the condition decreases must be `upward` (β < 0) or not.
            if upward ? beta > eb : beta < -eb { continue }
            guard abs(beta) > eb else { candidates.append((index, -.infinity, .infinity)); continue }
            let roots = [(-alpha - ea) / (beta - eb), (-alpha - ea) / (beta + eb), (-alpha + ea) / (beta - eb), (-alpha + ea) / (beta + eb)]
            let (low, high) = (roots.min()!, roots.max()!)
            if upward ? high < w0 - 1e-9 * (abs(w0) + 1) : low > w0 + 1e-9 * (abs(w0) + 1) { continue }
            candidates.append((index, low, high))
            let distance = upward ? high - w0 : w0 - low
            bound = min(bound, max(distance, 0))
        }
        var best: (weight: BigRational, conditions: [Condition])?
        for candidate in candidates {
            let distance = upward ? candidate.low - w0 : w0 - candidate.high
            if distance > bound { continue }
            let condition = conditions[candidate.index]
            let (alpha, beta) = exact(condition)
            guard !beta.isZero, upward ? beta.isNegative : !beta.isNegative else { continue }
            let root = BigRational(-alpha, beta)
            guard upward ? root >= w : (root <= w && root >= minimum) else { continue }
            if let current = best, current.weight == root {
                best!.conditions.append(condition)
            } else if best == nil || (upward ? root < best!.weight : root > best!.weight) {
                best = (root, [condition])
            }
        }
        return best
    }

    /// Nearest Double of a 128-bit integer, without the generic conversion's cost.
    private static func approximate(_ value: Int128) -> Double {
        if let small = Int64(exactly: value) { return Double(small) }
        let magnitude = value.magnitude
        let result = Double(UInt64(truncatingIfNeeded: magnitude >> 64)) * 18_446_744_073_709_551_616 + Double(UInt64(truncatingIfNeeded: magnitude))
        return value < 0 ? -result : result
    }
}
