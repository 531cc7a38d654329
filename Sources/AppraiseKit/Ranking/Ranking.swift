/// Options in order of their totals under one weighting, with ties made explicit.
public struct Ranking: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let option: String
        public let total: Rational
        public let maximum: Rational
        public let percent: Rational
        /// Standard competition rank: 1, 2, 2, 4.
        public let rank: Int
        /// Other options with exactly the same total.
        public let tiedWith: [String]
        /// How far ahead of the next option down the list (zero when tied with it); nil for the last.
        public let marginToNext: Rational?
        public let contributions: [Rational]
    }

    /// Entries from first to last; tied options keep the appraisal's order.
    public let entries: [Entry]

    public init(matrix: DecisionMatrix, weights: Weights) {
        let optionTotals = totals(of: matrix, weights: weights)
        let ranks = competitionRanks(optionTotals.map(\.total))
        let order = optionTotals.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        // Options by rank, gathered once: looking the tied ones up per option was quadratic.
        let sharing = Dictionary(grouping: order, by: { ranks[$0] })
        entries = order.enumerated().map { position, index in
            let total = optionTotals[index]
            let tied = sharing[ranks[index]]!.filter { $0 != index }.map { optionTotals[$0].option }
            let next = position + 1 < order.count ? total.total - optionTotals[order[position + 1]].total : nil
            return Entry(option: total.option, total: total.total, maximum: total.maximum, percent: total.percent,
                         rank: ranks[index], tiedWith: tied, marginToNext: next, contributions: total.contributions)
        }
    }

    public func entry(for option: String) -> Entry? { entries.first { $0.option == option } }

    /// Options sharing first place.
    public var leaders: [String] { entries.filter { $0.rank == 1 }.map(\.option) }

    /// Rank written the way committee papers write it: "2=" for a shared rank.
    public static func label(rank: Int, tied: Bool) -> String { tied ? "\(rank)=" : "\(rank)" }
}

/// Standard competition ranking ("1224") of values where higher is better: an option's rank
/// is one more than the number of options strictly ahead of it.
public func competitionRanks<Value: Comparable>(_ values: [Value]) -> [Int] {
    let sorted = values.sorted(by: >)
    return values.map { value in
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] > value { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }
}
