/// Which year an amount falls in: an offset from the costing's first year (0 is the first
/// year) or a financial-year label as printed ("2018/19").
public enum AmountYear: Sendable, Equatable, Hashable {
    case offset(Int)
    case label(String)

    /// As written in the file and in tables.
    public var text: String {
        switch self {
        case .offset(let year): "\(year)"
        case .label(let label): label
        }
    }
}

/// An amount as the source gave it: one figure, a range, or a note that it is not known
/// (the source printed "TBC" or "part of build cost"), kept so nothing is guessed.
public enum AmountValue: Sendable, Equatable {
    case exact(Rational)
    case range(low: Rational, high: Rational)
    case unknown(String)

    /// The lowest and highest the amount can be; nil when unknown.
    public var bounds: (low: Rational, high: Rational)? {
        switch self {
        case .exact(let value): (value, value)
        case .range(let low, let high): (low, high)
        case .unknown: nil
        }
    }

    /// The figure used for a single central estimate: the value, or a range's midpoint.
    public var central: Rational? {
        bounds.map { ($0.low + $0.high) / Rational(2) }
    }
}

/// How much of one measure one option has in one year.
public struct Amount: Sendable, Equatable {
    public var option: String
    public var measure: String
    /// Nil means year 0 (a one-off amount, or a quantity that has no year).
    public var year: AmountYear?
    public var value: AmountValue
    /// Where in the source document the amount comes from.
    public var source: String?

    public init(option: String, measure: String, year: AmountYear? = nil, value: AmountValue, source: String? = nil) {
        self.option = option
        self.measure = measure
        self.year = year
        self.value = value
        self.source = source
    }
}
