/// The ranking under one weighting as the sensitivity analyses need it: exact totals and
/// competition ranks, computed straight from weighted mean scores so that dozens of
/// alternative weightings (scenarios, criteria left out) cost one pass over the matrix each.
///
/// Totals are points out of `criteria × scale maximum`, exactly as `Ranking` shows them.
public struct RankedTotals: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let option: String
        public let total: Rational
        /// Standard competition rank: 1, 2, 2, 4.
        public let rank: Int
    }

    /// Entries from first to last; tied options keep the appraisal's order.
    public let entries: [Entry]
    public let maximum: Rational

    /// Ranks options by weighted mean scores `means` (Σ w(k) a(i,k), weights summing to one)
    /// given in the matrix's option order; `criterionCount` turns means into points.
    init(optionIDs: [String], means: [Rational], criterionCount: Int, scaleMaximum: Rational) {
        let count = Rational(criterionCount)
        let ranks = competitionRanks(means)
        let order = means.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        entries = order.map { Entry(option: optionIDs[$0], total: means[$0] * count, rank: ranks[$0]) }
        maximum = count * scaleMaximum
    }

    /// The ranking of `matrix` under `weights`.
    public init(matrix: DecisionMatrix, weights: Weights) {
        self.init(optionIDs: matrix.optionIDs, means: weightedMeans(matrix, weights.normalised),
                  criterionCount: matrix.criterionCount, scaleMaximum: matrix.scale.maximum)
    }

    /// Options sharing first place, in the appraisal's order.
    public var leaders: [String] { entries.prefix { $0.rank == 1 }.map(\.option) }

    public func entry(for option: String) -> Entry? { entries.first { $0.option == option } }

    /// Whether the option shares its rank with another.
    public func isTied(_ option: String) -> Bool {
        guard let rank = entry(for: option)?.rank else { return false }
        return entries.count(where: { $0.rank == rank }) > 1
    }
}

/// Σ w(k) a(i,k) for every option: the total on a 0-to-scale-maximum footing. Exact.
func weightedMeans(_ matrix: DecisionMatrix, _ weights: [Rational]) -> [Rational] {
    matrix.scores.map { row in
        var sum = Rational.zero
        for (score, weight) in zip(row, weights) where !weight.isZero && !score.isZero { sum += weight * score }
        return sum
    }
}

/// Indices of the largest values (all of them when tied), in index order.
func indicesOfMaximum(_ values: [Rational]) -> [Int] {
    guard let best = values.max() else { return [] }
    return values.indices.filter { values[$0] == best }
}
