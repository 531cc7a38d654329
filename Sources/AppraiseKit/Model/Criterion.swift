/// A criterion the options are judged against, with what an option should offer to score well.
public struct Criterion: Sendable, Equatable {
    public var id: String
    public var name: String
    /// A shorter label for tables and sentences ("Political oversight").
    public var shortName: String?
    /// What the option should offer: the appraisal's own description bullets.
    public var offers: [String]
    /// Relative importance as entered (any non-negative number); nil when the file gives none
    /// and every criterion counts equally.
    public var weight: Rational?
    /// Performance indicators that bear on the whole criterion.
    public var evidence: [EvidenceLink]

    public init(
        id: String, name: String, shortName: String? = nil, offers: [String] = [], weight: Rational? = nil,
        evidence: [EvidenceLink] = []
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.offers = offers
        self.weight = weight
        self.evidence = evidence
    }

    /// The label to use where space is short.
    public var label: String { shortName ?? name }
}
