/// Display names for options and criteria, so that sentences and tables say "Peer Practice
/// Partner" where the analyses work with ids. An id without a name is shown as itself.
public struct DisplayNames: Sendable, Equatable {
    public let options: [String: String]
    public let criteria: [String: String]

    public init(options: [String: String] = [:], criteria: [String: String] = [:]) {
        self.options = options
        self.criteria = criteria
    }

    /// The appraisal's short labels (`shortName`, else `name`).
    public init(_ appraisal: Appraisal) {
        options = Dictionary(appraisal.options.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        criteria = Dictionary(appraisal.criteria.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    public func option(_ id: String) -> String { options[id] ?? id }
    public func criterion(_ id: String) -> String { criteria[id] ?? id }
}

/// Choices for a sensitivity report beyond the weighting analysed.
public struct SensitivityOptions: Sendable, Equatable {
    /// Criterion ids from most to least important, for the rank-order scenarios; overrides
    /// `Appraisal.importance`.
    public var importance: [String]?
    /// Which pairs of options the weight sweeps follow.
    public var pairs: PairScope
    /// Names for sentences and tables; by default the appraisal's labels, else the ids.
    public var names: DisplayNames?

    public init(importance: [String]? = nil, pairs: PairScope = .adjacent, names: DisplayNames? = nil) {
        self.importance = importance
        self.pairs = pairs
        self.names = names
    }
}

/// Every exact robustness analysis of one weighting, with the sentences that sum it up:
/// what `appraise sensitivity` prints and the report pack includes.
public struct SensitivityReport: Sendable, Equatable {
    public let optionIDs: [String]
    public let criterionIDs: [String]
    /// The weighting analysed.
    public let selection: WeightSelection
    /// The ranking under it.
    public let ranking: RankedTotals
    /// One-way sweeps, one per criterion.
    public let sweeps: [WeightSweep]
    /// For each sweep, the pairs chosen by `SensitivityOptions.pairs`.
    public let pairSweeps: [[PairSweep]]
    public let pairScope: PairScope
    /// The smallest change of each criterion's share, the other weights rescaled in proportion.
    public let minimumChanges: MinimumWeightChanges
    /// Triantaphyllou and Sánchez's smallest change of each weight, the other weights held.
    public let heldWeightChanges: HeldWeightChanges
    public let scores: ScoreThresholds
    public let scenarios: [Scenario]
    /// The order of importance (criterion ids) behind the rank-order scenarios, if one was given.
    public let importance: [String]?
    public let leaveOneOut: [LeaveOneOut]
    public let dominance: Dominance
    public let names: DisplayNames
    /// Plain-English findings, in the order of the analyses.
    public private(set) var statements: [String] = []

    /// Analyses `matrix` under `weights`. The appraisal, when given, supplies the named
    /// weightings for scenarios, the order of importance and the display names. Throws for an
    /// order of importance that does not list every criterion once, or a named weighting
    /// that cannot be normalised.
    public init(matrix: DecisionMatrix, weights: WeightSelection, appraisal: Appraisal? = nil,
                options: SensitivityOptions = SensitivityOptions()) throws {
        let importanceIDs = options.importance ?? appraisal?.importance
        let order = try importanceIDs.map { try importanceOrder($0, criteria: matrix.criterionIDs) }
        let named = try appraisal?.namedWeightSelections() ?? []
        let normalised = weights.weights.normalised
        precondition(normalised.count == matrix.criterionCount, "one weight per criterion")
        let means = weightedMeans(matrix, normalised)

        optionIDs = matrix.optionIDs
        criterionIDs = matrix.criterionIDs
        selection = weights
        ranking = RankedTotals(optionIDs: matrix.optionIDs, means: means, criterionCount: matrix.criterionCount,
                               scaleMaximum: matrix.scale.maximum)
        let sweeps = WeightSweep.all(matrix: matrix, normalised: normalised, means: means)
        self.sweeps = sweeps
        let ranking = self.ranking
        let scope = options.pairs
        pairSweeps = concurrentMap(sweeps.count) { sweeps[$0].pairs(scope, ranking: ranking) }
        pairScope = options.pairs
        minimumChanges = MinimumWeightChanges(sweeps: sweeps)
        heldWeightChanges = HeldWeightChanges(sweeps: sweeps, weights: weights.weights)
        scores = ScoreThresholds(matrix: matrix, weights: normalised, means: means)
        scenarios = Scenario.all(matrix: matrix, current: weights, named: named, importance: order)
        importance = importanceIDs
        leaveOneOut = LeaveOneOut.all(matrix: matrix, weights: normalised, means: means)
        dominance = Dominance(matrix: matrix)
        names = options.names ?? appraisal.map(DisplayNames.init) ?? DisplayNames()
        statements = RobustnessStatements.sensitivity(self)
    }
}
