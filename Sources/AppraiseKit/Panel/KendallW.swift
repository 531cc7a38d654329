/// Kendall's coefficient of concordance W: how far several raters rank the same items alike,
/// from 0 (no agreement beyond chance) to 1 (identical rankings), with the correction for
/// tied ranks. Exact, so two panels that agree equally well get exactly the same W.
///
/// `scores[rater][item]` are the raters' scores (higher ranks first); items a rater scores
/// the same share the mean of their ranks. Nil with fewer than two raters or two items, or
/// when every rater ties every item, where W is undefined.
public func kendallsW(_ scores: [[Rational]]) -> Rational? {
    let raters = scores.count
    guard raters >= 2, let items = scores.first?.count, items >= 2, scores.allSatisfy({ $0.count == items }) else { return nil }
    var rankSums = Array(repeating: Rational.zero, count: items)
    var tieCorrection = Rational.zero
    for row in scores {
        for (item, ranks) in midRanks(row).enumerated() { rankSums[item] += ranks }
        var groups: [Rational: Int] = [:]
        for value in row { groups[value, default: 0] += 1 }
        for size in groups.values { tieCorrection += Rational(size * size * size - size) }
    }
    let m = Rational(raters), n = Rational(items)
    let meanSum = m * (n + .one) / Rational(2)
    let spread = rankSums.map { ($0 - meanSum) * ($0 - meanSum) }.sum()
    let denominator = m * m * (n * n * n - n) - m * tieCorrection
    guard !denominator.isZero else { return nil }
    return Rational(12) * spread / denominator
}

/// Ranks of scores, highest first, with tied scores sharing the mean of their ranks
/// (scores 5, 4, 4 → ranks 1, 2.5, 2.5).
func midRanks(_ values: [Rational]) -> [Rational] {
    values.map { value in
        let above = values.filter { $0 > value }.count
        let equal = values.filter { $0 == value }.count
        return Rational(above) + Rational(equal + 1) / Rational(2)
    }
}
