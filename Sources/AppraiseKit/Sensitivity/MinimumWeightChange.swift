/// The smallest move of one criterion's share of the total weight that changes an order, the
/// other weights rescaled in proportion (the one-way sweep of `WeightSweep`): the share moves
/// from w to t and the change is t − w, in percentage points of the total. This is not
/// Triantaphyllou and Sánchez's measure, which holds the other weights fixed
/// (`HeldWeightChange`); both find the same crossovers but measure the distance differently.
/// At exactly `to` the options are level; any further and the order has changed. Ties at no
/// weight or all of it are edges of the range, not changes, and never count.
public struct WeightChange: Sendable, Equatable {
    public let criterion: String
    /// The criterion's weight now.
    public let from: Rational
    /// The weight at which the order changes.
    public let to: Rational
    /// Ahead now: the leaders for first place, the higher option for a pair.
    public let before: [String]
    /// Level at exactly `to`.
    public let tied: [String]
    /// Ahead once the weight goes past `to`.
    public let after: [String]

    /// Size of the change in the criterion's share of the total weight.
    public var absolute: Rational { to > from ? to - from : from - to }
    /// `absolute` as a fraction of the current weight; nil when the weight is zero now.
    public var relative: Rational? { from.isZero ? nil : absolute / from }
    public var isIncrease: Bool { to > from }
}

/// The smallest changes of one criterion's weight.
public struct CriterionWeightChanges: Sendable, Equatable {
    public let criterion: String
    public let current: Rational
    /// The smallest change that alters first place (zero when first place is shared now and
    /// this criterion separates the leaders); nil when no weight of this criterion does.
    public let firstPlace: WeightChange?
    /// The smallest change that brings level any two options that are not level now; nil
    /// when no weight of this criterion does. Pairs level now are left out: any change at
    /// all separates them, which says nothing about robustness.
    public let anyPair: WeightChange?
}

/// Minimum share changes for every criterion and the criteria whose share needs the smallest
/// change, absolute (percentage points) or relative to the share now.
public struct MinimumWeightChanges: Sendable, Equatable {
    public let criteria: [CriterionWeightChanges]
    /// The criterion whose smallest change of share alters first place.
    public let mostCriticalForFirst: String?
    /// The criterion whose smallest change relative to its own weight alters first place.
    public let mostCriticalForFirstRelative: String?
    /// The criterion whose smallest change of share alters any pair's order.
    public let mostCriticalForAnyPair: String?
    /// The criterion whose smallest relative change alters any pair's order.
    public let mostCriticalForAnyPairRelative: String?

    public init(sweeps: [WeightSweep]) {
        criteria = concurrentMap(sweeps.count) { index in
            let sweep = sweeps[index]
            return CriterionWeightChanges(criterion: sweep.criterion, current: sweep.current,
                                          firstPlace: MinimumWeightChanges.firstPlace(sweep),
                                          anyPair: MinimumWeightChanges.anyPair(sweep))
        }
        mostCriticalForFirst = MinimumWeightChanges.smallest(criteria.map { $0.firstPlace?.absolute }, criteria)
        mostCriticalForFirstRelative = MinimumWeightChanges.smallest(criteria.map { $0.firstPlace?.relative }, criteria)
        mostCriticalForAnyPair = MinimumWeightChanges.smallest(criteria.map { $0.anyPair?.absolute }, criteria)
        mostCriticalForAnyPairRelative = MinimumWeightChanges.smallest(criteria.map { $0.anyPair?.relative }, criteria)
    }

    public func changes(for criterion: String) -> CriterionWeightChanges? { criteria.first { $0.criterion == criterion } }

    /// The nearer of the two ends of the current leaders' interval that is a crossover; the
    /// decrease when both are equally near.
    static func firstPlace(_ sweep: WeightSweep) -> WeightChange? {
        var candidates: [WeightChange] = []
        if let below = sweep.changeBelow {
            candidates.append(WeightChange(criterion: sweep.criterion, from: sweep.current, to: below.weight,
                                           before: sweep.leadersNow, tied: below.tied,
                                           after: below.weight.isZero ? below.tied : below.before))
        }
        if let above = sweep.changeAbove {
            candidates.append(WeightChange(criterion: sweep.criterion, from: sweep.current, to: above.weight,
                                           before: sweep.leadersNow, tied: above.tied, after: above.after))
        }
        return candidates.min { $0.absolute < $1.absolute }
    }

    /// The first pair to meet as the weight moves either way. Lines meet first where they are
    /// neighbours in the order just beside the current weight, so sorting by (value, slope)
    /// and checking neighbours finds it without looking at every pair.
    static func anyPair(_ sweep: WeightSweep) -> WeightChange? {
        let (down, up) = nearestPairMeetings(sweep)
        guard let down else { return up }
        guard let up else { return down }
        return up.absolute < down.absolute ? up : down
    }

    /// The nearest weight, below and above the current one and strictly inside the range, at
    /// which two options not level now meet.
    static func nearestPairMeetings(_ sweep: WeightSweep) -> (down: WeightChange?, up: WeightChange?) {
        let now = sweep.current
        let values = sweep.intercepts.indices.map { sweep.value(option: $0, at: now) }
        let slopes = sweep.slopes
        var found: [WeightChange?] = []
        for increasing in [false, true] {
            var best: WeightChange?
            let order = values.indices.sorted { a, b in
                if values[a] != values[b] { return values[a] > values[b] }
                if slopes[a] != slopes[b] { return increasing ? slopes[a] > slopes[b] : slopes[a] < slopes[b] }
                return a < b
            }
            for (upper, lower) in zip(order, order.dropFirst()) where values[upper] > values[lower] {
                let closing = increasing ? slopes[lower] - slopes[upper] : slopes[upper] - slopes[lower]
                guard closing > .zero else { continue }
                let distance = (values[upper] - values[lower]) / closing
                if let best, best.absolute <= distance { continue }
                let meeting = increasing ? now + distance : now - distance
                guard meeting > .zero, meeting < .one else { continue }
                let ids = [sweep.optionIDs[upper], sweep.optionIDs[lower]]
                best = WeightChange(criterion: sweep.criterion, from: now, to: meeting, before: [ids[0]],
                                    tied: ids, after: [ids[1]])
            }
            found.append(best)
        }
        return (found[0], found[1])
    }

    private static func smallest(_ values: [Rational?], _ criteria: [CriterionWeightChanges]) -> String? {
        var best: (value: Rational, index: Int)?
        for (index, value) in values.enumerated() {
            guard let value else { continue }
            if best == nil || value < best!.value { best = (value, index) }
        }
        return best.map { criteria[$0.index].criterion }
    }
}
