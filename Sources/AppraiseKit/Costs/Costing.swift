/// The basis on which an appraisal's money is counted: currency, price base, the year cash
/// flows start, the discount rate, the option others are compared with, and any budget.
///
/// Every key is optional in the file; the defaults are the Green Book's (GBP, 3.5%).
public struct Costing: Sendable, Equatable {
    /// ISO 4217 code; nil means GBP.
    public var currency: String?
    /// The year whose prices the amounts are in ("2017/18").
    public var priceBase: String?
    /// The year that year offset 0 is ("2017/18" or "2017"); financial-year labels on amounts
    /// are counted from it.
    public var firstYear: String?
    /// Percent a year for years 0–30; nil means the Green Book's 3.5%. Past year 30 the Green
    /// Book's lower long-term rates apply when this is 3.5.
    public var discountRate: Rational?
    /// The option others are compared with (business as usual or do-minimum).
    public var reference: String?
    public var affordability: Affordability?

    public init(currency: String? = nil, priceBase: String? = nil, firstYear: String? = nil, discountRate: Rational? = nil,
                reference: String? = nil, affordability: Affordability? = nil) {
        self.currency = currency
        self.priceBase = priceBase
        self.firstYear = firstYear
        self.discountRate = discountRate
        self.reference = reference
        self.affordability = affordability
    }

    public static let defaultCurrency = "GBP"
    /// The Green Book's social time preference rate for the first 30 years, in percent.
    public static let greenBookRate = Rational(35, 10)

    public var effectiveCurrency: String { currency ?? Costing.defaultCurrency }
    public var effectiveDiscountRate: Rational { discountRate ?? Costing.greenBookRate }
}

/// A budget an option must fit: the limit on one cost line's cash total, or on the whole-life
/// net present cost when no line is named.
public struct Affordability: Sendable, Equatable {
    /// A cost measure id; nil means the net present cost.
    public var measure: String?
    public var limit: Rational

    public init(measure: String? = nil, limit: Rational) {
        self.measure = measure
        self.limit = limit
    }
}
