/// Each option's total split by branch of the value tree, so members see where an option's
/// points come from ("Addison Square: 67.5 of its 80.8 from Turnover").
public struct BranchSubtotals: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let option: String
        /// Sub-total per branch, aligned with `branches`, in the same points as the total.
        public let subtotals: [Rational]
        public let total: Rational
    }

    /// Branch ids in reading order (parents before their children).
    public let branches: [String]
    /// Depth of each branch (0 at the top).
    public let depths: [Int]
    /// One row per option, in the order of `totals`.
    public let rows: [Row]

    public init(tree: ValueTree, totals: [OptionTotal]) {
        let outline = tree.branchOutline
        branches = outline.map(\.item.id)
        depths = outline.map(\.depth)
        let under = outline.map { tree.criterionIndices(under: $0.item.id) }
        rows = totals.map { total in
            Row(option: total.option, subtotals: under.map { indices in indices.map { total.contributions[$0] }.sum() }, total: total.total)
        }
    }

    /// Branches at the top of the tree, whose sub-totals (with criteria at the top) make up
    /// the whole total: the stacks of a stacked bar.
    public var topBranches: [Int] { depths.indices.filter { depths[$0] == 0 } }
}
