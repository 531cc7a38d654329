/// One change an officer makes through the workbench rather than by editing JSON by hand.
/// `AppraisalEditor.apply` turns it into a new appraisal, refusing anything that would leave
/// the file unusable.
public enum AppraisalEdit: Sendable {
    case addCriterion(Criterion)
    case editCriterion(id: String, CriterionChanges)
    case removeCriterion(id: String)
    case addOption(Option)
    case editOption(id: String, OptionChanges)
    case removeOption(id: String)
    /// The criterion's own weight (the appraisal's default weighting).
    case setWeight(criterion: String, weight: Rational)
    /// Creates a weight set or changes the weights, name or description of one.
    case setWeightSet(WeightSetChanges)
    case removeWeightSet(id: String)
    case setScore(ScoreChanges)
    /// Several scores at once (a spreadsheet), journalled as one entry.
    case setScores([ScoreChanges])
    case setPanel(PanelSetting)
    /// A change to the long list: critical success factors, screening, stages, framework tags.
    case screening(ScreeningEdit)
    case addGroup(OptionGroup, options: [String])
    /// Changes a group's name or description (nil keeps it) and moves the options named into it.
    case editGroup(id: String, name: String?, description: String?, options: [String])
    /// Removes a group; its options are left without one until they are given another.
    case removeGroup(id: String)
    /// Sets what scale values mean (replacing the meaning of a value that has one) and removes
    /// the anchors of the values in `remove`.
    case setAnchors([ScaleAnchor], remove: [Rational])
    /// Marks the scale relative to the options appraised (or absolute again).
    case setScaleRelative(Bool)
    /// The criteria from most to least important; nil removes the order.
    case setImportance([String]?)
    /// Records what a published document declared, keyed by where it was published; totals and
    /// ranks given replace those the declaration has for the same option.
    case setDeclaration(Declaration)
    case removeDeclaration(source: String)
    /// Files a scorer's scores as the agreed scores of the cells that have none: for scores
    /// filed under one person's name that were meant as the appraisal's own.
    case agreeScores(scorer: String)
    /// The appraisal's title, body, date or source; nil keeps a part, an empty source removes it.
    case setDetails(title: String?, body: String?, date: String?, source: String?)
    /// The value tree, the reasons for weights and measured criteria.
    case valueTree(ValueTreeEdit)
    /// Measures, amounts and the costing basis (see `MoneyEdit`).
    case money(MoneyEdit)
    /// The officer's words for the committee report: recommendations, implications, author.
    case paper(CommitteePaperChanges)
}

/// The parts of a criterion to change; nil leaves a part as it is.
public struct CriterionChanges: Sendable, Equatable {
    public var name: String?
    /// An empty text removes the short name.
    public var shortName: String?
    public var offers: [String]?
    /// KPI indicators cited for the whole criterion; replaces the citations it has.
    public var evidence: [EvidenceLink]?

    public init(name: String? = nil, shortName: String? = nil, offers: [String]? = nil, evidence: [EvidenceLink]? = nil) {
        self.name = name
        self.shortName = shortName
        self.offers = offers
        self.evidence = evidence
    }
}

/// The parts of an option to change; nil leaves a part as it is, an empty text removes an
/// optional one.
public struct OptionChanges: Sendable, Equatable {
    public var name: String?
    public var shortName: String?
    public var group: String?
    public var description: String?
    public var detail: [String]?
    public var strengths: [String]?
    public var weaknesses: [String]?

    public init(
        name: String? = nil, shortName: String? = nil, group: String? = nil, description: String? = nil, detail: [String]? = nil,
        strengths: [String]? = nil, weaknesses: [String]? = nil
    ) {
        self.name = name
        self.shortName = shortName
        self.group = group
        self.description = description
        self.detail = detail
        self.strengths = strengths
        self.weaknesses = weaknesses
    }
}

/// A weight set to create or change: weights not given keep their value.
public struct WeightSetChanges: Sendable {
    public var id: String
    public var name: String?
    /// An empty text removes the description.
    public var description: String?
    public var weights: [(criterion: String, weight: Rational)]

    public init(id: String, name: String? = nil, description: String? = nil, weights: [(criterion: String, weight: Rational)]) {
        self.id = id
        self.name = name
        self.description = description
        self.weights = weights
    }
}

/// A score to set for one cell, filed under a scorer or as the agreed score.
public struct ScoreChanges: Sendable, Equatable {
    public var option: String
    public var criterion: String
    /// The panel member it is filed under; nil for the agreed score.
    public var scorer: String?
    public var value: Rational
    /// New rationale bullets; nil keeps the rationale the score has.
    public var rationale: [RationaleBullet]?
    /// Adds `rationale` after the existing bullets instead of replacing them.
    public var appendRationale: Bool
    /// Where in the source document the score comes from; nil keeps it, empty removes it.
    public var source: String?
    /// KPI indicators the score cites; nil keeps its citations, otherwise they replace them
    /// (or are added after them with `appendRationale`).
    public var evidence: [EvidenceLink]?

    public init(
        option: String, criterion: String, scorer: String? = nil, value: Rational, rationale: [RationaleBullet]? = nil,
        appendRationale: Bool = false, source: String? = nil, evidence: [EvidenceLink]? = nil
    ) {
        self.option = option
        self.criterion = criterion
        self.scorer = scorer
        self.value = value
        self.rationale = rationale
        self.appendRationale = appendRationale
        self.source = source
        self.evidence = evidence
    }
}

/// Why an edit was refused: one sentence that says what is wrong and how to fix it.
public struct EditError: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
