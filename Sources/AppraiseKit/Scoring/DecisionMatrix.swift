/// The numbers of an appraisal without its words: option × criterion scores on a scale.
/// Every analysis (totals, ranking, sensitivity) works on this, so it can run on generated
/// problems as readily as on a real appraisal.
public struct DecisionMatrix: Sendable, Equatable {
    public let optionIDs: [String]
    public let criterionIDs: [String]
    /// `scores[option][criterion]`, in the order of `optionIDs` and `criterionIDs`.
    public let scores: [[Rational]]
    public let scale: ScoreScale

    public init(optionIDs: [String], criterionIDs: [String], scores: [[Rational]], scale: ScoreScale) {
        precondition(scores.count == optionIDs.count && scores.allSatisfy { $0.count == criterionIDs.count },
                     "DecisionMatrix needs one score per option and criterion")
        self.optionIDs = optionIDs
        self.criterionIDs = criterionIDs
        self.scores = scores
        self.scale = scale
    }

    /// The matrix of a validated appraisal's scored options (long-listed and discounted ones
    /// take no part), a panel's cells at their consensus. Returns nil
    /// when a cell has no score, which `AppraisalValidator` reports as an error before any
    /// analysis runs.
    public init?(_ appraisal: Appraisal) {
        let cells = Consensus.cells(of: appraisal)
        var rows: [[Rational]] = []
        let options = appraisal.scoredOptions
        for option in options {
            var row: [Rational] = []
            for criterion in appraisal.criteria {
                guard let value = cells[option.id + "\u{0}" + criterion.id] else { return nil }
                row.append(value)
            }
            rows.append(row)
        }
        self.init(optionIDs: options.map(\.id), criterionIDs: appraisal.criteria.map(\.id),
                  scores: rows, scale: appraisal.scale)
    }

    public var optionCount: Int { optionIDs.count }
    public var criterionCount: Int { criterionIDs.count }

    /// The same matrix with the criterion at `index` removed, for leave-one-out analysis.
    public func removingCriterion(at index: Int) -> DecisionMatrix {
        var ids = criterionIDs
        ids.remove(at: index)
        return DecisionMatrix(optionIDs: optionIDs, criterionIDs: ids,
                              scores: scores.map { row in var r = row; r.remove(at: index); return r }, scale: scale)
    }

    /// The same matrix with one cell changed, for score-threshold analysis.
    public func replacingScore(option: Int, criterion: Int, with value: Rational) -> DecisionMatrix {
        var rows = scores
        rows[option][criterion] = value
        return DecisionMatrix(optionIDs: optionIDs, criterionIDs: criterionIDs, scores: rows, scale: scale)
    }
}
