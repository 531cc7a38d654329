/// One year of an option's money: what it costs before and after optimism bias, what it saves,
/// the net, the discount factor and the present value, so the whole-life cost can be checked
/// line by line. Held as whole multiples of 1/`unit` so that costing a thousand options stays
/// fast; the values are exact either way.
public struct CashFlowYear: Sendable {
    public let year: Int
    let scaledCosts: Int128
    let scaledUplift: Int128
    let scaledSavings: Int128
    let unit: Int128
    public let factor: BigRational

    /// Cost lines as entered (central estimate: a range's midpoint).
    public var costs: Rational { Rational(scaledCosts, unit) }
    /// The optimism-bias uplift on those costs.
    public var uplift: Rational { Rational(scaledUplift, unit) }
    public var savings: Rational { Rational(scaledSavings, unit) }
    /// costs + uplift − savings.
    public var net: Rational { Rational(scaledCosts + scaledUplift - scaledSavings, unit) }
    public var presentValue: BigRational {
        BigRational(BigInt(scaledCosts + scaledUplift - scaledSavings) * factor.numerator, BigInt(unit) * factor.denominator)
    }
    /// Whether anything was spent or saved this year.
    public var isEmpty: Bool { scaledCosts == 0 && scaledSavings == 0 }
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

    /// One denominator every year's figures can be written over as whole numbers: amounts have
    /// at most 6 decimals, uplifts are percentages, ranges are halved. Every present value then
    /// shares the denominator `unit` × the factors' denominator.
    static func commonDenominator(_ amounts: [Amount], money: [Measure]) -> Int128 {
        func lcm(_ values: [Int128]) -> Int128 {
            values.reduce(1) { $0 % $1 == 0 ? $0 : $0 / Rational.greatestCommonDivisor($0, $1) * $1 }
        }
        let amountUnit = lcm(amounts.flatMap { amount in amount.value.bounds.map { [$0.low.bounded.denominator, $0.high.bounded.denominator] } ?? [] })
        let biasUnit = lcm(money.compactMap { $0.optimismBias?.factor.bounded.denominator })
        return 2 * amountUnit * biasUnit
    }

    private static func cost(of option: String, amounts: [Amount], measures: [Measure], costing: Costing,
                             factors: DiscountFactors, unit: Int128) -> WholeLifeCost {
        let horizon = factors.horizon
        // Per year, for the low, central and high estimates, in units of 1/unit.
        var costs = [[Int128]](repeating: [0, 0, 0], count: horizon + 1)
        var uplifts = costs, savings = costs
        var unknown: [Amount] = []
        var cash: [String: Int128] = [:]
        var hasRange = false
        func scaled(_ value: Rational) -> Int128 {
            let (numerator, denominator) = value.bounded
            return denominator == 1 ? numerator * unit : numerator * (unit / denominator)
        }
        // Each line's uplift factor once, not once per amount.
        let lines = Dictionary(measures.map { ($0.id, (measure: $0, factor: $0.optimismBias?.factor ?? .one)) }, uniquingKeysWith: { first, _ in first })
        for amount in amounts {
            guard let (measure, factor) = lines[amount.measure], let year = costing.offset(of: amount.year),
                  (0...horizon).contains(year) else { continue }
            guard let bounds = amount.value.bounds, let central = amount.value.central else {
                unknown.append(amount)
                continue
            }
            if bounds.low != bounds.high { hasRange = true }
            // For the lowest net cost, costs take their low end and savings their high end.
            let ends = measure.kind == .cost ? (bounds.low, bounds.high) : (bounds.high, bounds.low)
            let values = (scaled(ends.0), scaled(central), scaled(ends.1))
            // unit is a multiple of every amount's and every factor's denominator, so the
            // uplifted figure is a whole number of 1/unit too.
            let (upliftTop, upliftBottom) = factor.bounded
            let uplifted = (values.0 * upliftTop / upliftBottom, values.1 * upliftTop / upliftBottom, values.2 * upliftTop / upliftBottom)
            cash[measure.id, default: 0] += uplifted.1
            if measure.kind == .cost {
                costs[year][0] += values.0; costs[year][1] += values.1; costs[year][2] += values.2
                uplifts[year][0] += uplifted.0 - values.0; uplifts[year][1] += uplifted.1 - values.1; uplifts[year][2] += uplifted.2 - values.2
            } else {
                savings[year][0] += values.0; savings[year][1] += values.1; savings[year][2] += values.2
            }
        }
        let filed = Set(amounts.map(\.measure))
        let missing = measures.map(\.id).filter { !filed.contains($0) }
        let denominator = BigInt(unit) * factors.denominator
        let estimates = hasRange ? [0, 1, 2] : [1]
        var totals = [BigInt](repeating: .zero, count: 3)
        var years: [CashFlowYear] = []
        years.reserveCapacity(horizon + 1)
        for year in 0...horizon {
            for index in estimates {
                let net = costs[year][index] + uplifts[year][index] - savings[year][index]
                if net != 0 { totals[index] += BigInt(net) * factors.numerators[year] }
            }
            years.append(CashFlowYear(year: year, scaledCosts: costs[year][1], scaledUplift: uplifts[year][1], scaledSavings: savings[year][1],
                                      unit: unit, factor: factors.factor(year)))
        }
        if !hasRange { totals = [totals[1], totals[1], totals[1]] }
        let known = unknown.isEmpty && missing.isEmpty
        let values = totals.map { BigRational($0, denominator) }
        return WholeLifeCost(option: option, years: years, netPresentCost: known ? values[1] : nil,
                             lowest: known ? values[0] : nil, highest: known ? values[2] : nil,
                             unknown: unknown, missing: missing, cashTotals: cash.mapValues { Rational($0, unit) })
    }
}
