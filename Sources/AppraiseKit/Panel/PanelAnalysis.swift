/// How a panel of scorers scored an appraisal: each cell's scores side by side with their
/// spread, the cells where scorers are more than one step apart, whether any one scorer's
/// scores would put another option first, and how far the scorers' rankings agree.
public struct PanelAnalysis: Sendable {
    /// One option × criterion cell.
    public struct Cell: Sendable, Equatable {
        public let option: String
        public let criterion: String
        /// Each scorer's score, aligned with `PanelAnalysis.scorers`; nil where one gave none.
        public let scores: [Rational?]
        /// The agreed score, when the panel recorded one.
        public let agreed: Rational?
        /// What the cell counts with: the agreed score, else the consensus of `scores`.
        public let consensus: Rational
        /// Highest minus lowest of the scorers' scores (0 with fewer than two).
        public let spread: Rational
        /// Whether scorers are more than one step of the scale apart.
        public let disagrees: Bool
    }

    /// One scorer's view: the ranking their scores give.
    public struct Scorer: Sendable, Equatable {
        public let name: String
        /// Cells the scorer scored; the others count at the consensus in `ranking`.
        public let cellsScored: Int
        public let ranking: Ranking
        /// Whether first place under this scorer's scores differs from the consensus's.
        public let changesFirstPlace: Bool
    }

    public let scorers: [Scorer]
    public let cells: [Cell]
    /// The ranking the consensus scores give: the appraisal's ranking.
    public let ranking: Ranking
    /// Kendall's W over the scorers' rankings; nil with fewer than two scorers.
    public let concordance: Rational?
    public let setting: PanelSetting

    /// Nil when a cell has no score at all, so there is no ranking to compare with.
    public init?(appraisal: Appraisal, weights: Weights) {
        guard let matrix = DecisionMatrix(appraisal) else { return nil }
        let names = appraisal.scorers
        var given: [String: Rational] = [:]
        for score in appraisal.scores {
            if let scorer = score.scorer { given[Self.key(score.option, score.criterion, scorer)] = score.value }
        }
        let step = appraisal.scale.step
        var cells: [Cell] = []
        for (row, option) in matrix.optionIDs.enumerated() {
            for (column, criterion) in matrix.criterionIDs.enumerated() {
                let scores = names.map { given[Self.key(option, criterion, $0)] }
                let values = scores.compactMap { $0 }
                let spread = (values.max() ?? .zero) - (values.min() ?? .zero)
                cells.append(Cell(option: option, criterion: criterion, scores: scores,
                                  agreed: appraisal.score(option: option, criterion: criterion)?.value,
                                  consensus: matrix.scores[row][column], spread: spread, disagrees: spread > step))
            }
        }
        let ranking = Ranking(matrix: matrix, weights: weights)
        var scorers: [Scorer] = []
        var totals: [[Rational]] = []
        for name in names {
            var rows = matrix.scores
            var scored = 0
            for (row, option) in matrix.optionIDs.enumerated() {
                for (column, criterion) in matrix.criterionIDs.enumerated() {
                    if let value = given[Self.key(option, criterion, name)] {
                        rows[row][column] = value
                        scored += 1
                    }
                }
            }
            let own = DecisionMatrix(optionIDs: matrix.optionIDs, criterionIDs: matrix.criterionIDs, scores: rows, scale: matrix.scale)
            let ownRanking = Ranking(matrix: own, weights: weights)
            scorers.append(Scorer(name: name, cellsScored: scored, ranking: ownRanking,
                                  changesFirstPlace: Set(ownRanking.leaders) != Set(ranking.leaders)))
            totals.append(AppraiseKit.totals(of: own, weights: weights).map(\.total))
        }
        self.scorers = scorers
        self.cells = cells
        self.ranking = ranking
        concordance = kendallsW(totals)
        setting = appraisal.panelSetting
    }

    /// Cells where scorers are more than one step apart.
    public var disagreements: [Cell] { cells.filter(\.disagrees) }

    private static func key(_ option: String, _ criterion: String, _ scorer: String) -> String {
        option + "\u{0}" + criterion + "\u{0}" + scorer
    }
}
