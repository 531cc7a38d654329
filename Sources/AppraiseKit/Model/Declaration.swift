/// What a published document said about the result (totals, ranks), kept so the tool can
/// reconcile the publication with the scores it was supposedly computed from, read the way
/// the document printed it: on its basis, under its weighting, to its precision.
public struct Declaration: Sendable, Equatable {
    /// What a declared total measures. Documents print totals in many forms; each is a fixed
    /// function of the scores and a weighting, so each can be checked exactly.
    public enum Basis: String, Sendable, CaseIterable {
        /// Points as the tool counts them: the weighted average score times the number of
        /// criteria, out of criteria × scale maximum (with equal weights, the plain sum).
        case points
        /// The points as a percentage of the maximum.
        case percent
        /// The weighted average score, on the scale itself (e.g. 7.35 on a 0–10 scale).
        case weightedAverage = "weighted-average"
        /// Each score times its weight as entered, added up (weights summing to 100 and scores
        /// out of 10 give totals out of 1,000; with equal weights of 1, the plain sum).
        case rawSum = "raw-sum"
    }

    /// Where it was published ("Annex 1, TOTAL SCORE rows").
    public var source: String
    /// Option id to declared total, in file order.
    public var totals: [(option: String, total: Rational)]
    /// Option id to declared rank, in file order.
    public var ranks: [(option: String, rank: Int)]
    /// What the totals measure; nil is `points`.
    public var basis: Basis?
    /// The weighting the document used: `equal`, `default` or a weight set id; nil is the
    /// weighting the reconciliation is run under.
    public var weighting: String?
    /// Decimal places the totals were printed to; nil means they are exact as written.
    public var decimals: Int?

    public init(source: String, totals: [(option: String, total: Rational)] = [], ranks: [(option: String, rank: Int)] = [],
                basis: Basis? = nil, weighting: String? = nil, decimals: Int? = nil) {
        self.source = source
        self.totals = totals
        self.ranks = ranks
        self.basis = basis
        self.weighting = weighting
        self.decimals = decimals
    }

    /// The most decimal places a declaration may be printed to.
    public static let maximumDecimals = 6

    public static func == (lhs: Declaration, rhs: Declaration) -> Bool {
        lhs.source == rhs.source
            && lhs.totals.elementsEqual(rhs.totals) { $0.option == $1.option && $0.total == $1.total }
            && lhs.ranks.elementsEqual(rhs.ranks) { $0.option == $1.option && $0.rank == $1.rank }
            && lhs.basis == rhs.basis && lhs.weighting == rhs.weighting && lhs.decimals == rhs.decimals
    }
}
