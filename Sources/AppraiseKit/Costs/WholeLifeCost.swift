/// One year of an option's money: what it costs before and after optimism bias, what it saves,
/// the net, the discount factor and the present value, so the whole-life cost can be checked
/// line by line.
public struct CashFlowYear: Sendable {
    public let year: Int
    /// Cost lines as entered (central estimate: a range's midpoint).
    public let costs: Rational
    /// The optimism-bias uplift on those costs.
    public let uplift: Rational
    public let savings: Rational
    /// costs + uplift − savings.
    public var net: Rational { costs + uplift - savings }
    public let factor: BigRational
    public let presentValue: BigRational
}

/// An option's whole-life cost: the net present cost (central, and the lowest and highest its
/// ranges allow), the working by year, and the amounts the source left unknown.
public struct WholeLifeCost: Sendable {
    public let option: String
    /// Every year from 0 to the appraisal's horizon.
    public let years: [CashFlowYear]
    /// Nil when a money amount is unknown or missing: the cost cannot be stated.
    public let netPresentCost: BigRational?
    public let lowest: BigRational?
    public let highest: BigRational?
    /// Money amounts the source did not give ("TBC"), with their measure.
    public let unknown: [Amount]
    /// Money lines with no amount at all for this option.
    public let missing: [String]
    /// Cash total (undiscounted, with optimism bias) of each money measure, by measure id.
    public let cashTotals: [String: Rational]

    public var isKnown: Bool { netPresentCost != nil }
    public var hasRange: Bool { lowest != highest }
}

/// Whole-life costing of every option of an appraisal, on one set of discount factors.
public struct WholeLifeCosting: Sendable {
    public let costing: Costing
    public let schedule: DiscountSchedule
    public let factors: DiscountFactors
    public let costs: [WholeLifeCost]

    /// Nil when the appraisal has no money measures.
    public init?(_ appraisal: Appraisal) {
        guard appraisal.measures.contains(where: \.kind.isMoney) else { return nil }
        let costing = appraisal.costing ?? Costing()
        self.costing = costing
        schedule = DiscountSchedule(costing: costing)
        let horizon = appraisal.amounts.compactMap { costing.offset(of: $0.year) }.filter { $0 >= 0 }.max() ?? 0
        let factors = schedule.factors(through: horizon)
        self.factors = factors
        let money = appraisal.measures.filter(\.kind.isMoney)
        let byMeasure = Dictionary(uniqueKeysWithValues: money.map { ($0.id, $0) })
        var flows: [String: [Amount]] = [:]
        for amount in appraisal.amounts where byMeasure[amount.measure] != nil { flows[amount.option, default: []].append(amount) }
        let unit = WholeLifeCosting.commonDenominator(appraisal.amounts.filter { byMeasure[$0.measure] != nil }, money: money)
        costs = appraisal.options.map { option in
            WholeLifeCosting.cost(of: option.id, amounts: flows[option.id] ?? [], measures: money, costing: costing, factors: factors, unit: unit)
        }
    }

    public func cost(of option: String) -> WholeLifeCost? { costs.first { $0.option == option } }

    /// One denominator every year's net can be written over (amounts have at most 6 decimals,
    /// uplifts are percentages, ranges are halved), so all present values share a denominator.
    static func commonDenominator(_ amounts: [Amount], money: [Measure]) -> Int128 {
        var unit: Int128 = 2
        func include(_ value: Rational) { unit = unit / Rational.greatestCommonDivisor(unit, value.denominator) * value.denominator }
        for amount in amounts {
            if let bounds = amount.value.bounds { include(bounds.low); include(bounds.high) }
        }
        for measure in money { if let bias = measure.optimismBias { include(bias.factor) } }
        return unit
    }

    private enum Estimate { case low, central, high }

    private static func cost(of option: String, amounts: [Amount], measures: [Measure], costing: Costing,
                             factors: DiscountFactors, unit: Int128) -> WholeLifeCost {
        let horizon = factors.horizon
        var costs = [[Rational]](repeating: [.zero, .zero, .zero], count: horizon + 1)
        var uplifts = costs, savings = costs
        var unknown: [Amount] = []
        var cash: [String: Rational] = [:]
        for amount in amounts {
            guard let measure = measures.first(where: { $0.id == amount.measure }), let year = costing.offset(of: amount.year),
                  (0...horizon).contains(year) else { continue }
            guard let bounds = amount.value.bounds, let central = amount.value.central else {
                unknown.append(amount)
                continue
            }
            // For the lowest net cost, costs take their low end and savings their high end.
            let estimates = measure.kind == .cost ? [bounds.low, central, bounds.high] : [bounds.high, central, bounds.low]
            let factor = measure.optimismBias?.factor ?? .one
            cash[measure.id, default: .zero] += central * factor
            for index in 0..<3 {
                if measure.kind == .cost {
                    costs[year][index] += estimates[index]
                    uplifts[year][index] += estimates[index] * factor - estimates[index]
                } else {
                    savings[year][index] += estimates[index]
                }
            }
        }
        let missing = measures.filter { measure in !amounts.contains { $0.measure == measure.id } }.map(\.id)
        let denominator = BigInt(unit) * factors.denominator
        var totals = [BigInt](repeating: .zero, count: 3)
        var years: [CashFlowYear] = []
        for year in 0...horizon {
            for index in 0..<3 {
                let net = costs[year][index] + uplifts[year][index] - savings[year][index]
                totals[index] += BigInt(net.numerator * (unit / net.denominator)) * factors.numerators[year]
            }
            let net = costs[year][1] + uplifts[year][1] - savings[year][1]
            years.append(CashFlowYear(year: year, costs: costs[year][1], uplift: uplifts[year][1], savings: savings[year][1],
                                      factor: factors.factor(year),
                                      presentValue: BigRational(BigInt(net.numerator * (unit / net.denominator)) * factors.numerators[year], denominator)))
        }
        let known = unknown.isEmpty && missing.isEmpty
        let values = totals.map { BigRational($0, denominator) }
        return WholeLifeCost(option: option, years: years, netPresentCost: known ? values[1] : nil,
                             lowest: known ? values[0] : nil, highest: known ? values[2] : nil,
                             unknown: unknown, missing: missing, cashTotals: cash)
    }
}
