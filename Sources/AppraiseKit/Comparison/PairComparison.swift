/// Why one option totals more than another: what each criterion contributes to each, and the
/// weighted difference, largest advantage first (the "sorts" of decision-conferencing tools
/// such as Hiview). The differences add up to the difference of the totals, exactly.
public struct PairComparison: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let criterion: String
        /// The criterion's share of the weight.
        public let share: Rational
        public let firstScore: Rational
        public let secondScore: Rational
        /// Points each option earns on the criterion (its contribution to the total).
        public let firstPoints: Rational
        public let secondPoints: Rational
        /// `firstPoints − secondPoints`: positive where the first option gains.
        public var difference: Rational { firstPoints - secondPoints }
    }

    public let first: String
    public let second: String
    public let firstTotal: Rational
    public let secondTotal: Rational
    public let maximum: Rational
    /// Every criterion, the first option's largest advantage first and its largest
    /// disadvantage last; equal differences keep the criteria's order.
    public let rows: [Row]

    public var difference: Rational { firstTotal - secondTotal }

    /// Nil when either option is not in the matrix.
    public init?(matrix: DecisionMatrix, weights: Weights, first: String, second: String) {
        guard let a = matrix.optionIDs.firstIndex(of: first), let b = matrix.optionIDs.firstIndex(of: second) else { return nil }
        let count = Rational(matrix.criterionCount)
        let unsorted = matrix.criterionIDs.indices.map { j in
            Row(criterion: matrix.criterionIDs[j], share: weights.normalised[j], firstScore: matrix.scores[a][j], secondScore: matrix.scores[b][j],
                firstPoints: count * weights.normalised[j] * matrix.scores[a][j], secondPoints: count * weights.normalised[j] * matrix.scores[b][j])
        }
        rows = unsorted.indices.sorted { left, right in
            let (x, y) = (unsorted[left].difference, unsorted[right].difference)
            return x == y ? left < right : y < x
        }.map { unsorted[$0] }
        self.first = first
        self.second = second
        firstTotal = unsorted.map(\.firstPoints).sum()
        secondTotal = unsorted.map(\.secondPoints).sum()
        maximum = count * matrix.scale.maximum
    }

    /// Criteria on which the first option gains, and on which it loses, in the order of `rows`.
    public var gains: [Row] { rows.filter { !$0.difference.isZero && !$0.difference.isNegative } }
    public var losses: [Row] { rows.filter(\.difference.isNegative) }
}
