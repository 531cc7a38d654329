/// The shape of an appraisal's criteria: branches (nodes) with criteria as leaves, each item
/// weighted relative to its siblings. A leaf's weight is the product of the normalised
/// weights on its path, so a branch's weight is shared out among the criteria under it.
///
/// A flat list (no nodes, no parents) is the tree with every criterion at the top; its
/// weights are the criteria's own, exactly as before.
public struct ValueTree: Sendable, Equatable {
    /// A branch or a criterion, seen as a place in the tree.
    public struct Item: Sendable, Equatable {
        public let id: String
        public let name: String
        public let parent: String?
        /// The criterion's index in the appraisal; nil for a branch.
        public let criterionIndex: Int?
        /// The weight as entered, or the swing points when only those are given.
        public let entered: Rational?
        public let rationale: String?
        public let swing: Swing?
        /// Where the item sits in the file (`nodes[2]`, `criteria[0]`).
        public let path: String

        public var isBranch: Bool { criterionIndex == nil }
    }

    /// Branches first (file order), then criteria (file order).
    public let items: [Item]

    public init(_ appraisal: Appraisal) {
        let branches = appraisal.nodes.enumerated().map { index, node in
            Item(id: node.id, name: node.name, parent: node.parent, criterionIndex: nil, entered: node.weight ?? node.swing?.points,
                 rationale: node.weightRationale, swing: node.swing, path: "nodes[\(index)]")
        }
        let leaves = appraisal.criteria.enumerated().map { index, criterion in
            Item(id: criterion.id, name: criterion.name, parent: criterion.parent, criterionIndex: index,
                 entered: criterion.weight ?? criterion.swing?.points, rationale: criterion.weightRationale, swing: criterion.swing,
                 path: "criteria[\(index)]")
        }
        items = branches + leaves
    }

    /// Whether the appraisal has no tree: no branches and every criterion at the top.
    public var isFlat: Bool { items.allSatisfy { !$0.isBranch && $0.parent == nil } }

    public var branches: [Item] { items.filter(\.isBranch) }

    public func item(_ id: String) -> Item? { items.first { $0.id == id } }

    /// The items directly under a branch (nil: the top of the tree), in file order.
    public func children(of parent: String?) -> [Item] { items.filter { $0.parent == parent } }

    /// Weights of siblings normalised to sum to one: equal when none is entered, a missing
    /// weight counting as 0 when some are (validation reports that). Nil when they sum to 0.
    public func localWeights(of parent: String?) -> [(item: Item, weight: Rational)]? {
        let siblings = children(of: parent)
        guard !siblings.isEmpty else { return nil }
        if siblings.allSatisfy({ $0.entered == nil }) {
            return siblings.map { ($0, Rational(1) / Rational(siblings.count)) }
        }
        let entered = siblings.map { $0.entered ?? .zero }
        guard entered.allSatisfy({ !$0.isNegative }) else { return nil }
        let sum = entered.sum()
        guard !sum.isZero else { return nil }
        return zip(siblings, entered).map { ($0, $1 / sum) }
    }

    /// The item's own weight within its parent, normalised.
    public func localWeight(of id: String) -> Rational? {
        guard let item = item(id) else { return nil }
        return localWeights(of: item.parent)?.first { $0.item.id == id }?.weight
    }

    /// The chain of branches above an item, nearest first; nil when a parent is unknown or
    /// the chain loops back on itself.
    public func ancestors(of id: String) -> [Item]? {
        var chain: [Item] = []
        var seen: Set<String> = [id]
        var current = item(id)?.parent
        while let parentID = current {
            guard let parent = item(parentID), parent.isBranch, seen.insert(parentID).inserted else { return nil }
            chain.append(parent)
            current = parent.parent
        }
        return chain
    }

    /// The item's share of the whole weight: the product of local weights from the top down
    /// (Hiview's "cumulative weight").
    public func cumulativeWeight(of id: String) -> Rational? {
        guard let chain = ancestors(of: id), var weight = localWeight(of: id) else { return nil }
        for ancestor in chain {
            guard let local = localWeight(of: ancestor.id) else { return nil }
            weight = weight * local
        }
        return weight
    }

    /// The criteria's weights as the tree gives them, aligned with the appraisal's criteria;
    /// nil when the tree is broken (unknown parent, cycle, a branch whose weights are all 0).
    public var leafWeights: Weights? {
        var weights: [Rational] = []
        for item in items where !item.isBranch {
            guard let weight = cumulativeWeight(of: item.id) else { return nil }
            weights.append(weight)
        }
        return Weights(weights)
    }

    /// Indices of the criteria under a branch, at any depth (the criterion itself for a leaf).
    public func criterionIndices(under id: String) -> [Int] {
        guard let item = item(id) else { return [] }
        if let index = item.criterionIndex { return [index] }
        return items.compactMap { candidate in
            guard let index = candidate.criterionIndex, let chain = ancestors(of: candidate.id),
                  chain.contains(where: { $0.id == id }) else { return nil }
            return index
        }
    }

    /// The branches in reading order (each followed by the branches beneath it), with depth.
    public var branchOutline: [(item: Item, depth: Int)] {
        var out: [(Item, Int)] = []
        func visit(_ parent: String?, depth: Int) {
            for child in children(of: parent) where child.isBranch {
                out.append((child, depth))
                visit(child.id, depth: depth + 1)
            }
        }
        visit(nil, depth: 0)
        return out
    }

    /// The whole tree in reading order (branches and criteria), with depth.
    public var outline: [(item: Item, depth: Int)] {
        var out: [(Item, Int)] = []
        func visit(_ parent: String?, depth: Int) {
            for child in children(of: parent) {
                out.append((child, depth))
                if child.isBranch { visit(child.id, depth: depth + 1) }
            }
        }
        visit(nil, depth: 0)
        return out
    }
}

extension Appraisal {
    /// The value tree of the appraisal (flat when it has no nodes and no parents).
    public var valueTree: ValueTree { ValueTree(self) }

    /// Whether the criteria sit in a value tree rather than a flat list.
    public var hasValueTree: Bool { !nodes.isEmpty || criteria.contains { $0.parent != nil } }
}
