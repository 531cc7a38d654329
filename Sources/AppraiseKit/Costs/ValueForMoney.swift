/// Value for money under one weighting: each option's benefit (its weighted total) against its
/// whole-life net present cost, cost per point, dominance, the efficient frontier with its
/// incremental cost per extra point, the comparison with the reference option, and the budget.
public struct ValueForMoney: Sendable {
    public struct Row: Sendable {
        public let option: String
        /// Weighted points out of `maximum`, in the published unit when there is one.
        public let benefit: Rational
        public let cost: WholeLifeCost
        /// Net present cost divided by benefit, for an option that costs money (net present cost
        /// of zero or more) and scores above zero; nil otherwise. A saving is never divided by
        /// points: that would rank a higher score as worse value.
        public let costPerPoint: BigRational?
        /// Place on cost-effectiveness (see `ValueForMoney.places`); nil when the cost is not known.
        public let place: Int?
        /// Nil when the cost is not known.
        public let status: FrontierStatus?
        /// For frontier options after the first: the step from the previous frontier option.
        public let step: Increment?
        /// Against the reference option (nil for the reference itself or without one).
        public let againstReference: Increment?
        /// Whether the option fits the budget; nil without a budget or with an unknown cost.
        public let affordable: Bool?
        /// What the budget is measured against: the cash total of its line or the net present cost.
        public let budgetedAmount: BigRational?
    }

    /// A move from one option to another: the extra cost, the extra points and, when the points
    /// rise, the cost per extra point (an incremental cost-effectiveness ratio).
    public struct Increment: Sendable {
        public let from: String
        public let cost: BigRational
        public let benefit: Rational
        public var costPerExtraPoint: BigRational? { benefit > .zero ? cost / BigRational(benefit) : nil }
    }

    public let weights: WeightSelection
    /// The most points an option can score, in the published unit when there is one.
    public let maximum: Rational
    /// The unit the appraisal publishes its totals in; benefits, costs per point and per
    /// extra point are in it, so a published cost per point can be read off.
    public let unit: TotalsUnit?
    public let costing: WholeLifeCosting
    public let reference: String?
    public let rows: [Row]
    /// Options on the frontier, cheapest first.
    public let frontier: [String]
    public let switching: SwitchingValues
    /// Measure names by id, for sentences.
    public let measureNames: [String: String]
    /// Each quantity measure (places, months) with every option's total of it, for tables.
    public let quantities: [(measure: Measure, totals: [String: AmountValue])]

    public func row(_ option: String) -> Row? { rows.first { $0.option == option } }

    /// Nil when the appraisal has no money or no usable matrix; `reference` overrides the file's.
    /// `matrix` saves building the decision matrix again when the caller has it.
    public init?(appraisal: Appraisal, weights: WeightSelection, reference: String? = nil, matrix: DecisionMatrix? = nil) {
        guard let costing = WholeLifeCosting(appraisal), let matrix = matrix ?? DecisionMatrix(appraisal) else { return nil }
        self.weights = weights
        self.costing = costing
        measureNames = Dictionary(appraisal.measures.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        quantities = appraisal.measures.filter { $0.kind == .quantity }.map { measure in
            var totals: [String: AmountValue] = [:]
            for amount in appraisal.amounts where amount.measure == measure.id {
                totals[amount.option] = ValueForMoney.add(totals[amount.option], amount.value)
            }
            return (measure, totals)
        }
        let reference = reference ?? appraisal.costing?.reference
        self.reference = reference
        let totals = AppraiseKit.totals(of: matrix, weights: weights.weights)
        let points = totals.first?.maximum ?? .zero
        let published = TotalsUnit(appraisal: appraisal).flatMap { unit in
            let perPoint = unit.perPoint(maximum: points, weights: weights.weights)
            return perPoint > .zero ? (unit, perPoint) : nil
        }
        unit = published?.0
        let perPoint = published?.1 ?? .one
        maximum = points * perPoint
        // The frontier and switching values work in the tool's points; what is shown is in the published unit.
        let benefits = totals.map(\.total)
        let shown = benefits.map { $0 * perPoint }
        let byOption = Dictionary(costing.costs.map { ($0.option, $0) }, uniquingKeysWith: { first, _ in first })
        let costs = matrix.optionIDs.map { byOption[$0]! }
        // The frontier is drawn among options whose cost is known.
        let known = costs.indices.filter { costs[$0].isKnown }
        let frontier = Frontier(known.map { CostBenefitPoint(cost: costs[$0].netPresentCost!, benefit: benefits[$0]) })
        var status = [FrontierStatus?](repeating: nil, count: costs.count)
        for (position, index) in known.enumerated() {
            status[index] = switch frontier.statuses[position] {
            case .efficient: .efficient
            case .dominated(let by): .dominated(by: known[by])
            case .extendedlyDominated(let low, let high): .extendedlyDominated(between: known[low], and: known[high])
            }
        }
        let path = frontier.path.map { known[$0] }
        var steps = [Increment?](repeating: nil, count: costs.count)
        for (low, high) in zip(path, path.dropFirst()) {
            steps[high] = Increment(from: matrix.optionIDs[low], cost: costs[high].netPresentCost! - costs[low].netPresentCost!,
                                    benefit: shown[high] - shown[low])
        }
        let ratios: [BigRational?] = costs.indices.map { index in
            guard let cost = costs[index].netPresentCost, !cost.isNegative, benefits[index] > .zero else { return nil }
            return cost / BigRational(benefits[index])
        }
        let places = ValueForMoney.places(costs.map { cost in cost.netPresentCost }, benefits: benefits)
        let referenceIndex = reference.flatMap { matrix.optionIDs.firstIndex(of: $0) }
        let budget = appraisal.costing?.affordability
        rows = costs.indices.map { index in
            var against: Increment?
            if let referenceIndex, referenceIndex != index, let cost = costs[index].netPresentCost,
               let base = costs[referenceIndex].netPresentCost {
                against = Increment(from: matrix.optionIDs[referenceIndex], cost: cost - base, benefit: shown[index] - shown[referenceIndex])
            }
            var budgeted: BigRational?
            if let budget {
                if let line = budget.measure {
                    budgeted = costs[index].isKnown ? BigRational(costs[index].cashTotals[line] ?? .zero) : nil
                } else {
                    budgeted = costs[index].netPresentCost
                }
            }
            return Row(option: matrix.optionIDs[index], benefit: shown[index], cost: costs[index],
                       costPerPoint: published == nil ? ratios[index] : ratios[index].map { $0 / BigRational(perPoint) },
                       place: places[index], status: status[index], step: steps[index], againstReference: against,
                       affordable: budgeted.map { $0 <= BigRational(budget!.limit) }, budgetedAmount: budgeted)
        }
        self.frontier = path.map { matrix.optionIDs[$0] }
        switching = SwitchingValues(matrix: matrix, weights: weights.weights, costs: costs.map(\.netPresentCost),
                                    benefits: benefits, ratios: ratios)
    }

    /// The sum of two amounts: ranges add end to end; anything unknown makes the sum unknown.
    static func add(_ total: AmountValue?, _ value: AmountValue) -> AmountValue {
        guard let total else { return value }
        switch (total, value) {
        case (.unknown, _): return total
        case (_, .unknown): return value
        default:
            let a = total.bounds!, b = value.bounds!
            return a.low + b.low == a.high + b.high ? .exact(a.low + b.low) : .range(low: a.low + b.low, high: a.high + b.high)
        }
    }

    /// Places on cost-effectiveness, without dividing a saving by points: dominance first, then
    /// the frontier. An option's layer is one more than the deepest layer of any option that
    /// dominates it strictly (costs no more, scores no less, and is better on one), so the
    /// options nothing dominates are layer 1; within a layer, options on the efficient frontier
    /// (or equal in cost and points to one on it) come before those ruled out by extended
    /// dominance. Equal layer and standing share a place; an unknown cost has none.
    public static func places(_ costs: [BigRational?], benefits: [Rational]) -> [Int?] {
        let known = costs.indices.filter { costs[$0] != nil }
        let points = known.map { CostBenefitPoint(cost: costs[$0]!, benefit: benefits[$0]) }
        let order = Frontier.costOrder(points)
        let frontier = Frontier(points, order: order)
        // In cost order (cheaper first, more points first at equal cost) every strict dominator
        // comes before the point it dominates, and the most points in each layer fall from one
        // layer to the next, so a point's layer is one more than the number of layers holding a
        // point with at least its points: a binary search. Equal points, adjacent in this order,
        // share a layer and a standing on the frontier.
        var most: [Rational] = []
        var key = [BigRational?](repeating: nil, count: costs.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, points[order[end]].cost == points[order[start]].cost, points[order[end]].benefit == points[order[start]].benefit {
                end += 1
            }
            let benefit = points[order[start]].benefit
            var low = 0, high = most.count
            while low < high {
                let middle = (low + high) / 2
                if most[middle] >= benefit { low = middle + 1 } else { high = middle }
            }
            if low == most.count { most.append(benefit) } else { most[low] = max(most[low], benefit) }
            let onFrontier = order[start..<end].contains { frontier.statuses[$0].isEfficient }
            for position in order[start..<end] { key[known[position]] = BigRational(Rational((low + 1) * 2 + (onFrontier ? 0 : 1))) }
            start = end
        }
        return competitionRanks(key)
    }

    /// 1 for the smallest ratio; equal ratios share a place; nil stays nil.
    static func competitionRanks(_ values: [BigRational?]) -> [Int?] {
        let present = values.indices.filter { values[$0] != nil }.sorted { values[$0]! < values[$1]! }
        var ranks = [Int?](repeating: nil, count: values.count)
        for (position, index) in present.enumerated() {
            if position > 0, values[present[position - 1]]! == values[index]! {
                ranks[index] = ranks[present[position - 1]]
            } else {
                ranks[index] = position + 1
            }
        }
        return ranks
    }
}
