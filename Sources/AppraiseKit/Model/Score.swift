/// The score of one option against one criterion, with the reasons written for it.
public struct Score: Sendable, Equatable {
    public var option: String
    public var criterion: String
    /// The panel member who gave this score; nil for the agreed score of the cell (the only
    /// score when one person or the body as a whole scored).
    public var scorer: String?
    public var value: Rational
    public var rationale: [RationaleBullet]
    /// Where in the source document the score and its reasons were taken from.
    public var source: String?
    /// Performance indicators the score relies on.
    public var evidence: [EvidenceLink]
    /// What was measured, on a measured criterion: the score follows from it.
    public var measurement: CellMeasurement?
    /// Why a typed score stands on a measured criterion instead of the measured one.
    public var override: String?

    public init(
        option: String, criterion: String, scorer: String? = nil, value: Rational, rationale: [RationaleBullet] = [],
        source: String? = nil, evidence: [EvidenceLink] = [], measurement: CellMeasurement? = nil, override: String? = nil
    ) {
        self.measurement = measurement
        self.override = override
        self.option = option
        self.criterion = criterion
        self.scorer = scorer
        self.value = value
        self.rationale = rationale
        self.source = source
        self.evidence = evidence
    }
}

/// One evaluation point behind a score, marked the way appraisals mark them.
public struct RationaleBullet: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// "+": a point in the option's favour.
        case `for`
        /// "–": a point against it.
        case against
        /// "•": a point that holds only if something else happens.
        case contingent
        /// Unmarked narrative text.
        case note

        /// The mark the source documents use.
        public var symbol: String {
            switch self {
            case .for: "+"
            case .against: "–"
            case .contingent: "•"
            case .note: " "
            }
        }
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
