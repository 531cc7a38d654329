/// A branch of the value tree: an objective or critical success factor that groups criteria
/// (or further branches) under it, with a weight relative to its siblings.
///
/// A criterion names its branch with `parent`; a file without nodes is a flat list of
/// criteria and reads exactly as before.
public struct ValueNode: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The branch this one sits under; nil at the top of the tree.
    public var parent: String?
    /// Weight relative to the other items under the same parent, as entered; nil when the
    /// branch's siblings carry no weights either (equal weights) or its swing gives it.
    public var weight: Rational?
    /// Why the branch carries this weight, in the appraisers' words.
    public var weightRationale: String?
    /// The swing from the branch's worst to its best, when the weight came from swing weighting.
    public var swing: Swing?

    public init(id: String, name: String, parent: String? = nil, weight: Rational? = nil, weightRationale: String? = nil, swing: Swing? = nil) {
        self.id = id
        self.name = name
        self.parent = parent
        self.weight = weight
        self.weightRationale = weightRationale
        self.swing = swing
    }
}

/// One step of swing weighting as recorded: the swing from the worst to the best level an
/// item could take, and the points it was given against the biggest swing among its
/// siblings (which gets 100). The points are the item's weight within its parent.
public struct Swing: Sendable, Equatable {
    /// The worst level in the appraisal ("the furthest office, 12 miles out").
    public var worst: String
    /// The best level ("in the town centre").
    public var best: String
    /// How much the swing matters against the biggest swing (100).
    public var points: Rational

    public init(worst: String, best: String, points: Rational) {
        self.worst = worst
        self.best = best
        self.points = points
    }

    /// The points given to the biggest swing among siblings.
    public static let biggest = Rational(100)
}
