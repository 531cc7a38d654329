/// The discount rate in force in each year of a horizon.
///
/// HM Treasury, The Green Book (2022), Table 8 ("long term discount rates"): 3.5% for years
/// 0–30, 3.0% for 31–75, 2.5% for 76–125, 2.0% for 126–200, 1.5% for 201–300, 1.0% beyond;
/// the factor of year t is the factor of year t − 1 divided by 1 + the rate of year t.
public struct DiscountSchedule: Sendable, Equatable {
    /// From which year (≥ 1) each rate applies, in percent, in increasing order of year.
    public let bands: [Band]

    public struct Band: Sendable, Equatable {
        public let fromYear: Int
        public let percent: Rational
    }

    public init(bands: [Band]) { self.bands = bands }

    /// One rate throughout.
    public static func constant(_ percent: Rational) -> DiscountSchedule {
        DiscountSchedule(bands: [Band(fromYear: 1, percent: percent)])
    }

    public static let greenBook = DiscountSchedule(bands: [
        Band(fromYear: 1, percent: Rational(35, 10)), Band(fromYear: 31, percent: Rational(3)),
        Band(fromYear: 76, percent: Rational(25, 10)), Band(fromYear: 126, percent: Rational(2)),
        Band(fromYear: 201, percent: Rational(15, 10)), Band(fromYear: 301, percent: Rational(1)),
    ])

    /// The Green Book's schedule when the rate is its 3.5%; the stated rate throughout otherwise.
    public init(costing: Costing) {
        let rate = costing.effectiveDiscountRate
        self = rate == Costing.greenBookRate ? .greenBook : .constant(rate)
    }

    /// The rate that discounts year t back to year t − 1.
    public func percent(inYear year: Int) -> Rational {
        bands.last { $0.fromYear <= year }?.percent ?? bands[0].percent
    }

    /// Whether the horizon reaches past the first band (the long-term rates come into play).
    public func changesRate(within horizon: Int) -> Bool { bands.contains { $0.fromYear > 1 && $0.fromYear <= horizon } }

    /// Exact factors for years 0…horizon over one common denominator.
    public func factors(through horizon: Int) -> DiscountFactors {
        precondition(horizon >= 0)
        // 1 + rate of year k as a/b in lowest terms; factor(t) = Π_{k≤t} b_k / a_k.
        let steps = (0...horizon).map { year -> (a: BigInt, b: BigInt) in
            guard year > 0 else { return (.one, .one) }
            let growth = Rational.one + percent(inYear: year) / Rational(100)
            return (growth.numerator, growth.denominator)
        }
        var prefix = [BigInt](repeating: .one, count: horizon + 1)
        for year in 1...max(horizon, 1) where year <= horizon { prefix[year] = prefix[year - 1] * steps[year].b }
        var suffix = [BigInt](repeating: .one, count: horizon + 2)
        for year in stride(from: horizon, through: 1, by: -1) { suffix[year] = suffix[year + 1] * steps[year].a }
        let numerators = (0...horizon).map { prefix[$0] * suffix[$0 + 1] }
        return DiscountFactors(numerators: numerators, denominator: suffix[1])
    }
}

/// Discount factors 1/(1+r)^t for years 0…horizon, exact, all over one denominator so that
/// present values of different options share it and compare without growing.
public struct DiscountFactors: Sendable {
    /// numerator of the factor of each year.
    public let numerators: [BigInt]
    public let denominator: BigInt

    public var horizon: Int { numerators.count - 1 }

    public func factor(_ year: Int) -> BigRational { BigRational(numerators[year], denominator) }
}
