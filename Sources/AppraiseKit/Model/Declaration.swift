/// What a published document said about the result (totals, ranks), kept so the tool can
/// reconcile the publication with the scores it was supposedly computed from.
public struct Declaration: Sendable, Equatable {
    /// Where it was published ("Annex 1, TOTAL SCORE rows").
    public var source: String
    /// Option id to declared total, in file order.
    public var totals: [(option: String, total: Rational)]
    /// Option id to declared rank, in file order.
    public var ranks: [(option: String, rank: Int)]

    public init(source: String, totals: [(option: String, total: Rational)] = [], ranks: [(option: String, rank: Int)] = []) {
        self.source = source
        self.totals = totals
        self.ranks = ranks
    }

    public static func == (lhs: Declaration, rhs: Declaration) -> Bool {
        lhs.source == rhs.source
            && lhs.totals.elementsEqual(rhs.totals) { $0.option == $1.option && $0.total == $1.total }
            && lhs.ranks.elementsEqual(rhs.ranks) { $0.option == $1.option && $0.rank == $1.rank }
    }
}
