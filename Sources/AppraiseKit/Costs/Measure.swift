/// What a measure counts: money spent, money saved or earned, or another quantity in its own
/// units (places created, months to deliver), so costs and savings net off and quantities
/// are shown beside them without being added to money.
public enum MeasureKind: String, Sendable, CaseIterable {
    case cost
    case saving
    case quantity

    /// Whether amounts of this measure are money in the appraisal's currency.
    public var isMoney: Bool { self != .quantity }
}

/// An uplift on a cost line for the systematic tendency of appraisals to be optimistic
/// (HM Treasury Green Book), with where its percentage came from.
public struct OptimismBias: Sendable, Equatable {
    /// The uplift in percent: 24 means costs are multiplied by 1.24.
    public var percent: Rational
    /// Where the percentage comes from (a table of the Green Book supplementary guidance, a
    /// local study).
    public var source: String

    public init(percent: Rational, source: String) {
        self.percent = percent
        self.source = source
    }

    /// The multiplier the uplift applies: 1 + percent/100.
    public var factor: Rational { .one + percent / Rational(100) }
}

/// One line of costs, savings or another quantity that every option has an amount of.
public struct Measure: Sendable, Equatable {
    /// Kebab-case id, used by amounts and commands.
    public var id: String
    public var name: String
    /// The currency code for money ("GBP"), free text for quantities ("places", "months").
    public var unit: String
    public var kind: MeasureKind
    public var description: String?
    /// Only for cost lines.
    public var optimismBias: OptimismBias?

    public init(id: String, name: String, unit: String, kind: MeasureKind, description: String? = nil, optimismBias: OptimismBias? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.kind = kind
        self.description = description
        self.optimismBias = optimismBias
    }
}
