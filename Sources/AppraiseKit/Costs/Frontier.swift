/// One option on the benefit–cost plane.
public struct CostBenefitPoint: Sendable {
    public let cost: BigRational
    public let benefit: Rational

    public init(cost: BigRational, benefit: Rational) {
        self.cost = cost
        self.benefit = benefit
    }
}

/// Where an option stands against the others on cost and benefit.
public enum FrontierStatus: Sendable, Equatable {
    /// On the efficient frontier: no option, or mix of two options, gives as much for less.
    case efficient
    /// Another option costs no more and achieves at least as much (index of that option).
    case dominated(by: Int)
    /// A mix of the two frontier options either side of it would achieve as much for less
    /// ("extended dominance" in cost-effectiveness analysis).
    case extendedlyDominated(between: Int, and: Int)

    public var isEfficient: Bool { self == .efficient }
}

/// The efficient frontier of options by cost and benefit, as in cost-effectiveness analysis:
/// options ordered by cost, those dominated removed, then those extendedly dominated (whose
/// incremental cost per extra point is higher than the next option's) removed, so that the
/// incremental cost per extra point rises along the frontier.
///
/// A point exactly on the line between its neighbours (equal incremental ratios) stays on the
/// frontier; of two options with equal cost and benefit the one listed first stays.
public struct Frontier: Sendable {
    public let statuses: [FrontierStatus]
    /// Indices of the efficient options, cheapest first.
    public let path: [Int]

    public init(_ points: [CostBenefitPoint]) {
        let order = Frontier.costOrder(points)
        self.init(points, order: order)
    }

    /// Indices by cost (cheapest first), higher benefit first at equal cost, then file order.
    static func costOrder(_ points: [CostBenefitPoint]) -> [Int] {
        points.indices.sorted { a, b in
            if points[a].cost != points[b].cost { return points[a].cost < points[b].cost }
            if points[a].benefit != points[b].benefit { return points[a].benefit > points[b].benefit }
            return a < b
        }
    }

    /// The frontier of `points` given their cost order (so one sort serves many frontiers).
    init(_ points: [CostBenefitPoint], order: [Int]) {
        var statuses = [FrontierStatus](repeating: .efficient, count: points.count)
        var candidates: [Int] = []
        for index in order {
            if let leader = candidates.last, points[index].benefit <= points[leader].benefit {
                statuses[index] = .dominated(by: leader)
            } else {
                candidates.append(index)
            }
        }
        var hull: [Int] = []
        var dropped: [Int] = []
        for index in candidates {
            while hull.count >= 2, Frontier.isAboveChord(points[hull[hull.count - 1]], from: points[hull[hull.count - 2]], to: points[index]) {
                dropped.append(hull.removeLast())
            }
            hull.append(index)
        }
        var position: [Int: Int] = [:]
        for (offset, index) in candidates.enumerated() { position[index] = offset }
        for index in dropped {
            // The frontier neighbours either side of it in cost order.
            let lower = hull.last { position[$0]! < position[index]! }!
            let upper = hull.first { position[$0]! > position[index]! }!
            statuses[index] = .extendedlyDominated(between: lower, and: upper)
        }
        self.statuses = statuses
        path = hull
    }

    /// Whether `middle` costs more than the straight line from `low` to `high` at its benefit,
    /// i.e. its incremental cost per point from `low` exceeds that of `high` from it. Benefits
    /// increase strictly from `low` to `middle` to `high`.
    static func isAboveChord(_ middle: CostBenefitPoint, from low: CostBenefitPoint, to high: CostBenefitPoint) -> Bool {
        let left = (middle.cost - low.cost) * BigRational(high.benefit - middle.benefit)
        let right = (high.cost - middle.cost) * BigRational(middle.benefit - low.benefit)
        return left > right
    }

    /// The least cost at which some option, or mix of two options, of `path` gives at least
    /// `benefit`: the frontier read at that benefit. Nil above the frontier's highest benefit.
    static func envelope(_ points: [CostBenefitPoint], path: [Int], at benefit: Rational) -> BigRational? {
        guard let first = path.first else { return nil }
        if benefit <= points[first].benefit { return points[first].cost }
        for (low, high) in zip(path, path.dropFirst()) where benefit <= points[high].benefit {
            let a = points[low], b = points[high]
            return a.cost + (b.cost - a.cost) * BigRational((benefit - a.benefit) / (b.benefit - a.benefit))
        }
        return nil
    }
}
