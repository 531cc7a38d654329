/// One-way sensitivity of the ranking to a branch's weight: the branch's share of the whole
/// weight is set to t in [0, 1], the criteria under it keep their weights relative to each
/// other (the branch moves as one), and everything outside it shares 1 − t in proportion to
/// its current weights, the convention of Hiview's "cumulative weight" and of Goodwin &
/// Wright's sensitivity analysis on a branch.
///
/// Worked out by seeing the branch as one criterion whose score is the weighted mean of the
/// scores under it, so the exact sweep, crossovers and minimum weight changes of a single
/// criterion apply unchanged.
public struct BranchSensitivity: Sendable, Equatable {
    public let branch: String
    /// The sweep with the branch as criterion 0; `sweep.current` is the branch's weight now.
    public let sweep: WeightSweep
    /// The smallest change of the branch's weight that changes first place or any pair.
    public let changes: CriterionWeightChanges

    /// Nil when `branch` is not a branch of the tree or has no criteria under it.
    public init?(tree: ValueTree, matrix: DecisionMatrix, weights: Weights, branch: String) {
        guard let collapsed = BranchSensitivity.collapse(tree: tree, matrix: matrix, weights: weights, branch: branch) else { return nil }
        self.branch = branch
        sweep = WeightSweep(matrix: collapsed.matrix, weights: collapsed.weights, criterion: 0)
        changes = MinimumWeightChanges(sweeps: [sweep]).criteria[0]
    }

    /// Every branch of the tree, in reading order.
    public static func all(tree: ValueTree, matrix: DecisionMatrix, weights: Weights) -> [BranchSensitivity] {
        tree.branchOutline.compactMap { BranchSensitivity(tree: tree, matrix: matrix, weights: weights, branch: $0.item.id) }
    }

    /// The matrix with the branch's criteria merged into one column (first), and the weights
    /// with the branch's total weight first.
    public static func collapse(tree: ValueTree, matrix: DecisionMatrix, weights: Weights, branch: String)
        -> (matrix: DecisionMatrix, weights: Weights)?
    {
        guard tree.item(branch)?.isBranch == true else { return nil }
        let inside = tree.criterionIndices(under: branch)
        guard !inside.isEmpty else { return nil }
        let inSet = Set(inside)
        let total = inside.map { weights.normalised[$0] }.sum()
        // With no weight now, the criteria under the branch mix as the tree weights them inside it.
        let mix = total.isZero ? inside.map { tree.weightWithin(branch: branch, criterion: $0) } : inside.map { weights.normalised[$0] / total }
        let outside = matrix.criterionIDs.indices.filter { !inSet.contains($0) }
        let rows = matrix.scores.map { row in
            [zip(inside, mix).map { row[$0] * $1 }.sum()] + outside.map { row[$0] }
        }
        let collapsed = DecisionMatrix(optionIDs: matrix.optionIDs, criterionIDs: [branch] + outside.map { matrix.criterionIDs[$0] },
                                       scores: rows, scale: matrix.scale)
        guard let merged = Weights([total] + outside.map { weights.normalised[$0] }) else { return nil }
        return (collapsed, merged)
    }
}

extension ValueTree {
    /// A criterion's share of a branch above it: the product of local weights from the
    /// criterion up to, not including, the branch (0 when the branch is not above it).
    public func weightWithin(branch: String, criterion index: Int) -> Rational {
        guard let leaf = items.first(where: { $0.criterionIndex == index }), var weight = localWeight(of: leaf.id) else { return .zero }
        var current = leaf.parent
        while let id = current, id != branch {
            guard let item = item(id), let local = localWeight(of: id) else { return .zero }
            weight = weight * local
            current = item.parent
        }
        return current == branch ? weight : .zero
    }
}
