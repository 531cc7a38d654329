/// The ranking with one criterion left out, the rest keeping their relative weights: shows
/// whether the result rests on a single criterion.
public struct LeaveOneOut: Sendable, Equatable {
    public let criterion: String
    /// Weights of the remaining criteria, normalised, in the remaining criteria's order.
    /// When every remaining weight was zero they count equally (the sweep's rule).
    public let weights: [Rational]
    public let ranking: RankedTotals
    /// Whether the options first without the criterion differ from those first now.
    public let changesFirstPlace: Bool

    /// One result per criterion, in criterion order; none for a one-criterion appraisal.
    public static func all(matrix: DecisionMatrix, weights: Weights) -> [LeaveOneOut] {
        all(matrix: matrix, weights: weights.normalised, means: weightedMeans(matrix, weights.normalised))
    }

    /// Without criterion k the means are (P(i) − w(k) a(i,k)) / (1 − w(k)), one pass per
    /// criterion instead of re-totalling the matrix; criteria run across the cores.
    static func all(matrix: DecisionMatrix, weights: [Rational], means: [Rational]) -> [LeaveOneOut] {
        guard matrix.criterionCount > 1 else { return [] }
        let leadersNow = indicesOfMaximum(means).map { matrix.optionIDs[$0] }
        return concurrentMap(matrix.criterionCount) { k in
            let rest = Rational.one - weights[k]
            var remaining = weights
            remaining.remove(at: k)
            let reduced: [Rational]
            if rest.isZero {
                let share = Rational.one / Rational(remaining.count)
                remaining = Array(repeating: share, count: remaining.count)
                reduced = matrix.scores.map { row in
                    var sum = Rational.zero
                    for (index, score) in row.enumerated() where index != k { sum += score }
                    return sum * share
                }
            } else {
                let inverse = Rational.one / rest
                remaining = remaining.map { $0 * inverse }
                reduced = means.indices.map { (means[$0] - weights[k] * matrix.scores[$0][k]) * inverse }
            }
            let ranking = RankedTotals(optionIDs: matrix.optionIDs, means: reduced, criterionCount: matrix.criterionCount - 1,
                                       scaleMaximum: matrix.scale.maximum)
            return LeaveOneOut(criterion: matrix.criterionIDs[k], weights: remaining, ranking: ranking,
                               changesFirstPlace: ranking.leaders.sorted() != leadersNow.sorted())
        }
    }
}
