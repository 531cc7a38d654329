/// An option's total under a weighting.
///
/// Totals are expressed in points out of `criteria × scale maximum` (40 for eight criteria
/// scored 0–5): with equal weights that is exactly the published raw sum (33/40), and with
/// other weights it is the same sum with each criterion's points scaled by its weight share.
public struct OptionTotal: Sendable, Equatable {
    public let option: String
    /// Weighted points out of `maximum`.
    public let total: Rational
    public let maximum: Rational
    /// `total / maximum × 100`.
    public let percent: Rational
    /// Each criterion's contribution to `total`, aligned with the criteria.
    public let contributions: [Rational]
}

/// Computes every option's total. Exact: equal totals are equal, so ties are real ties.
public func totals(of matrix: DecisionMatrix, weights: Weights) -> [OptionTotal] {
    precondition(weights.normalised.count == matrix.criterionCount, "one weight per criterion")
    let count = Rational(matrix.criterionCount)
    let maximum = count * matrix.scale.maximum
    return matrix.optionIDs.indices.map { row in
        let contributions = zip(matrix.scores[row], weights.normalised).map { score, weight in count * weight * score }
        let total = contributions.sum()
        let percent = maximum.isZero ? .zero : total / maximum * Rational(100)
        return OptionTotal(option: matrix.optionIDs[row], total: total, maximum: maximum, percent: percent,
                           contributions: contributions)
    }
}
