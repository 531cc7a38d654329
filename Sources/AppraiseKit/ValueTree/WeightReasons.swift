/// The recorded swing weighting of a group of siblings: each item's swing from worst to best,
/// ranked, with its points (100 for the biggest) and the weight the points give.
public struct SwingGroup: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public let item: String
        /// 1 for the biggest swing; equal points share a rank.
        public let rank: Int
        public let swing: Swing
        /// The points as a share of the group's points: the item's weight within its parent.
        public let weight: Rational
    }

    /// The branch the swings were compared within; nil at the top of the tree.
    public let parent: String?
    public let steps: [Step]

    /// Every sibling group whose items all carry swings, in reading order.
    public static func all(_ tree: ValueTree) -> [SwingGroup] {
        ([nil] + tree.branchOutline.map { $0.item.id } as [String?]).compactMap { parent in
            let siblings = tree.children(of: parent)
            guard !siblings.isEmpty, siblings.allSatisfy({ $0.swing != nil }) else { return nil }
            let sum = siblings.map { $0.swing!.points }.sum()
            guard !sum.isZero else { return nil }
            let ordered = siblings.enumerated().sorted { lhs, rhs in
                lhs.element.swing!.points != rhs.element.swing!.points ? lhs.element.swing!.points > rhs.element.swing!.points : lhs.offset < rhs.offset
            }.map(\.element)
            let steps = ordered.map { item in
                Step(item: item.id, rank: 1 + ordered.filter { $0.swing!.points > item.swing!.points }.count, swing: item.swing!,
                     weight: item.swing!.points / sum)
            }
            return SwingGroup(parent: parent, steps: steps)
        }
    }
}

/// What a point on one criterion is worth in points on another under a weighting: members
/// read a weight best as a trade-off ("one point on Workforce is worth 1.5 points on Risk").
public struct TradeOffTable: Sendable, Equatable {
    public let criteria: [String]
    /// `worth[i][j]`: points on criterion j that one point on criterion i is worth, the ratio
    /// of their weights; nil when criterion j carries no weight.
    public let worth: [[Rational?]]

    public init(criteria: [String], weights: Weights) {
        self.criteria = criteria
        worth = weights.normalised.map { own in
            weights.normalised.map { other in other.isZero ? nil : own / other }
        }
    }
}
