/// One options appraisal: what is being decided, the criteria and options, every score with
/// its rationale, the weightings to try, and what the source document itself declared.
///
/// A plain value: loading (`AppraisalLoader`) and checking (`AppraisalValidator`) live apart.
public struct Appraisal: Sendable, Equatable {
    /// The file format version this value was read from.
    public var format: Int
    /// Kebab-case id; exports are written under `exports/<id>/`.
    public var id: String
    public var title: String
    /// Who made the appraisal (council, committee).
    public var body: String
    /// When it was made: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String
    /// The document the appraisal was taken from, if any.
    public var source: String?
    public var scale: ScoreScale
    /// How a panel's scores combine when scorers disagree; nil means `PanelSetting.standard`.
    public var panel: PanelSetting?
    public var criteria: [Criterion]
    /// Branches of the value tree the criteria sit under; empty for a flat list of criteria.
    public var nodes: [ValueNode]
    public var groups: [OptionGroup]
    public var options: [Option]
    public var scores: [Score]
    public var weightSets: [WeightSet]
    /// Criterion ids from most to least important, for rank-order weights.
    public var importance: [String]?
    public var declared: [Declaration]
    /// KPI dataset files cited as evidence, relative to the appraisal file.
    public var kpiDatasets: [String]
    /// The long list's screening (critical success factors and results), if recorded.
    public var screening: Screening?
    /// The basis on which money is counted; nil when the file gives none (defaults apply).
    public var costing: Costing?
    /// Cost lines, savings and other quantities each option has amounts of.
    public var measures: [Measure]
    /// Every option's amount of every measure, by year.
    public var amounts: [Amount]
    /// Whether the options are rivals (choose one, the default) or proposals (choose a set).
    public var decision: DecisionKind?
    /// The constraints a set of proposals must meet; only for `choose-set`.
    public var programme: ProgrammeSettings?
    /// The officer's words for the committee report; nil when none are written yet.
    public var paper: CommitteePaper?

    public init(
        format: Int = 1, id: String, title: String, body: String, date: String, source: String? = nil,
        scale: ScoreScale, panel: PanelSetting? = nil, criteria: [Criterion], groups: [OptionGroup] = [], options: [Option],
        scores: [Score], weightSets: [WeightSet] = [], importance: [String]? = nil,
        declared: [Declaration] = [], kpiDatasets: [String] = [], screening: Screening? = nil,
        costing: Costing? = nil, measures: [Measure] = [], amounts: [Amount] = [], nodes: [ValueNode] = [],
        decision: DecisionKind? = nil, programme: ProgrammeSettings? = nil, paper: CommitteePaper? = nil
    ) {
        self.paper = paper
        self.nodes = nodes
        self.format = format
        self.id = id
        self.title = title
        self.body = body
        self.date = date
        self.source = source
        self.scale = scale
        self.panel = panel
        self.criteria = criteria
        self.groups = groups
        self.options = options
        self.scores = scores
        self.weightSets = weightSets
        self.importance = importance
        self.declared = declared
        self.kpiDatasets = kpiDatasets
        self.screening = screening
        self.costing = costing
        self.measures = measures
        self.amounts = amounts
        self.decision = decision
        self.programme = programme
    }

    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }
    public func option(_ id: String) -> Option? { options.first { $0.id == id } }
    public func group(_ id: String) -> OptionGroup? { groups.first { $0.id == id } }
    public func node(_ id: String) -> ValueNode? { nodes.first { $0.id == id } }
    public func weightSet(_ id: String) -> WeightSet? { weightSets.first { $0.id == id } }
    public func measure(_ id: String) -> Measure? { measures.first { $0.id == id } }

    /// The agreed score of one cell, if the file has it. Scores filed under panel members
    /// count through the panel's consensus (see `DecisionMatrix`).
    public func score(option: String, criterion: String) -> Score? {
        scores.first { $0.option == option && $0.criterion == criterion && $0.scorer == nil }
    }
}
