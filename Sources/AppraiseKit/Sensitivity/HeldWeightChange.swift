/// Triantaphyllou and Sánchez's minimum weight change: Triantaphyllou, E. and Sánchez, A.
/// (1997), "A sensitivity analysis approach for some deterministic multi-criteria
/// decision-making methods", Decision Sciences 28(1), 151–194, for the weighted sum model.
///
/// One criterion's weight w (the weights normalised to sum to one) changes by δ while every
/// other weight stays as it is; the smallest |δ| that reverses an order is the absolute
/// change, and |δ| / w the change as a percentage of that weight. A change is feasible only if
/// the new weight stays at or above zero; a weight can rise without limit, so every order
/// that some larger share of the weight reverses can be reversed, but one that only ties at
/// all of the weight (or at none of it) cannot, and then there is no change. Since the totals
/// rank the same whatever the weights add up to, the reversal points are the sweep's
/// crossovers t (the criterion's share of the new total), taken back to the weight
/// w' = t (1 − w) / (1 − t) that gives that share with the others held.
public struct HeldWeightChange: Sendable, Equatable {
    public let criterion: String
    /// The criterion's weight now, normalised (the weights sum to one).
    public let from: Rational
    /// The weight at which the order changes, the others held at their normalised values.
    public let to: Rational
    /// The criterion's weight now and at the change, on the scale the weights were entered.
    public let enteredFrom: Rational
    public let enteredTo: Rational
    /// The criterion's share of the total weight at the change.
    public let share: Rational
    /// Ahead now: the leaders for first place, the higher option for a pair.
    public let before: [String]
    /// Level at exactly `to`.
    public let tied: [String]
    /// Ahead once the weight goes past `to`.
    public let after: [String]

    /// T&S's δ: the size of the change, in the normalised weights.
    public var absolute: Rational { to > from ? to - from : from - to }
    /// T&S's δ′ as a fraction: the change relative to the weight now; nil when the weight is zero.
    public var relative: Rational? { from.isZero ? nil : absolute / from }
    public var isIncrease: Bool { to > from }
}

/// The smallest held-weight changes of one criterion.
public struct CriterionHeldWeightChanges: Sendable, Equatable {
    public let criterion: String
    /// The change that alters first place; nil when no feasible change does ("no change").
    public let firstPlace: HeldWeightChange?
    /// The change that reverses any two options not level now; nil when none is feasible.
    public let anyPair: HeldWeightChange?
}

/// Held-weight changes for every criterion and the most critical criteria in T&S's sense:
/// for first place ("top") and for any pair ("any"), by the percentage of the weight (their
/// percent-top and percent-any) and by the absolute change (absolute-top, absolute-any).
/// Each list holds every criterion that is equally critical, in criterion order.
public struct HeldWeightChanges: Sendable, Equatable {
    public let criteria: [CriterionHeldWeightChanges]
    public let mostCriticalForFirst: [String]
    public let mostCriticalForFirstAbsolute: [String]
    public let mostCriticalForAnyPair: [String]
    public let mostCriticalForAnyPairAbsolute: [String]

    /// From the sweeps of `weights` (one per criterion, in criterion order).
    public init(sweeps: [WeightSweep], weights: Weights) {
        let total = weights.entered.sum()
        criteria = sweeps.map { sweep in
            let convert = { (change: WeightChange?) in change.flatMap { HeldWeightChanges.held($0, total: total) } }
            let first = [sweep.changeBelow.map { ($0, $0.before) }, sweep.changeAbove.map { ($0, $0.after) }].compactMap { pair -> WeightChange? in
                guard let (crossover, after) = pair else { return nil }
                return WeightChange(criterion: sweep.criterion, from: sweep.current, to: crossover.weight,
                                    before: sweep.leadersNow, tied: crossover.tied, after: after)
            }
            let (down, up) = MinimumWeightChanges.nearestPairMeetings(sweep)
            return CriterionHeldWeightChanges(criterion: sweep.criterion,
                                              firstPlace: HeldWeightChanges.nearest(first.compactMap(convert)),
                                              anyPair: HeldWeightChanges.nearest([down, up].compactMap(convert)))
        }
        mostCriticalForFirst = HeldWeightChanges.smallest(criteria) { $0.firstPlace?.relative }
        mostCriticalForFirstAbsolute = HeldWeightChanges.smallest(criteria) { $0.firstPlace?.absolute }
        mostCriticalForAnyPair = HeldWeightChanges.smallest(criteria) { $0.anyPair?.relative }
        mostCriticalForAnyPairAbsolute = HeldWeightChanges.smallest(criteria) { $0.anyPair?.absolute }
    }

    public func changes(for criterion: String) -> CriterionHeldWeightChanges? { criteria.first { $0.criterion == criterion } }

    /// A crossover of shares taken back to the weight that gives it with the others held;
    /// nil when no feasible weight does (the others all zero, or the crossover at an end).
    static func held(_ change: WeightChange, total: Rational) -> HeldWeightChange? {
        let rest = Rational.one - change.from
        let sharedNow = change.to == change.from
        guard !rest.isZero, change.to < .one, sharedNow || change.to > .zero else { return nil }
        let weight = sharedNow ? change.from : change.to * rest / (Rational.one - change.to)
        return HeldWeightChange(criterion: change.criterion, from: change.from, to: weight,
                                enteredFrom: change.from * total, enteredTo: weight * total, share: change.to,
                                before: change.before, tied: change.tied, after: change.after)
    }

    /// The smaller change; the decrease (listed first) when both are the same size.
    private static func nearest(_ changes: [HeldWeightChange]) -> HeldWeightChange? {
        changes.reduce(nil) { best, change in
            guard let best else { return change }
            return change.absolute < best.absolute ? change : best
        }
    }

    private static func smallest(_ criteria: [CriterionHeldWeightChanges], _ measure: (CriterionHeldWeightChanges) -> Rational?) -> [String] {
        let values = criteria.map(measure)
        guard let least = values.compactMap({ $0 }).min() else { return [] }
        return zip(criteria, values).filter { $0.1 == least }.map(\.0.criterion)
    }
}
