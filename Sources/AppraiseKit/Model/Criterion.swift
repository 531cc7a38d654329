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
    /// The value-tree branch the criterion sits under; nil at the top (a flat list).
    public var parent: String?
    /// Why the criterion carries its weight, in the appraisers' words.
    public var weightRationale: String?
    /// The swing from worst to best, when the weight came from swing weighting.
    public var swing: Swing?
    /// How scores follow from a measured quantity; nil when scores are judged directly.
    public var measured: MeasuredScoring?

    public init(
        id: String, name: String, shortName: String? = nil, offers: [String] = [], weight: Rational? = nil,
        evidence: [EvidenceLink] = [], parent: String? = nil, weightRationale: String? = nil, swing: Swing? = nil,
        measured: MeasuredScoring? = nil
    ) {
        self.parent = parent
        self.weightRationale = weightRationale
        self.swing = swing
        self.measured = measured
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
