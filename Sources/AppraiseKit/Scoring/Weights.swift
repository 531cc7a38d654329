/// Criterion weights as entered and normalised to sum to one.
///
/// Users enter weights on whatever scale suits them (percentages, points, 1–10); only their
/// ratios matter, so every calculation uses the normalised form.
public struct Weights: Sendable, Equatable {
    /// Weights as entered, aligned with the criteria.
    public let entered: [Rational]
    /// `entered` divided by its sum: non-negative, summing to exactly one.
    public let normalised: [Rational]

    /// Returns nil when the weights cannot be normalised: empty, a negative weight, or all zero.
    public init?(_ entered: [Rational]) {
        guard !entered.isEmpty, entered.allSatisfy({ !$0.isNegative }) else { return nil }
        let sum = entered.sum()
        guard !sum.isZero else { return nil }
        self.entered = entered
        self.normalised = entered.map { $0 / sum }
    }

    /// Every criterion counting the same.
    public static func equal(count: Int) -> Weights {
        Weights(Array(repeating: .one, count: max(count, 1)))!
    }

    /// Whether every criterion carries the same weight, in which case totals can be shown in
    /// the published form (raw points out of the maximum).
    public var areEqual: Bool { Set(normalised).count <= 1 }
}

/// Which weighting a result was computed under, named the way the user asked for it.
public struct WeightSelection: Sendable, Equatable {
    /// `default` (the criteria's own weights), `equal`, or a weight set id.
    public let id: String
    public let name: String
    public let weights: Weights

    public init(id: String, name: String, weights: Weights) {
        self.id = id
        self.name = name
        self.weights = weights
    }

    /// The id that selects the criteria's own weights.
    public static let defaultID = "default"
    /// The id that selects equal weights.
    public static let equalID = "equal"
}

extension Appraisal {
    /// The criteria's own weights, or equal weights when the file gives none.
    public var defaultWeights: Weights? {
        if hasValueTree { return valueTree.leafWeights }
        let entered = criteria.map { $0.weight ?? $0.swing?.points }
        if entered.allSatisfy({ $0 == nil }) { return .equal(count: criteria.count) }
        return Weights(entered.map { $0 ?? .zero })
    }

    /// Every weighting the user can ask for by id: `default`, `equal`, then the file's sets.
    public var availableWeightSelections: [String] {
        [WeightSelection.defaultID, WeightSelection.equalID] + weightSets.map(\.id)
    }

    /// Resolves a weighting by id; nil id means the criteria's own weights. Returns nil for an
    /// unknown id or weights that cannot be normalised.
    public func weightSelection(_ id: String?) -> WeightSelection? {
        switch id ?? WeightSelection.defaultID {
        case WeightSelection.defaultID:
            return defaultWeights.map { WeightSelection(id: WeightSelection.defaultID, name: "the appraisal's weights", weights: $0) }
        case WeightSelection.equalID:
            return WeightSelection(id: WeightSelection.equalID, name: "equal weights", weights: .equal(count: criteria.count))
        case let setID:
            guard let set = weightSet(setID),
                  let weights = Weights(criteria.map { set.weight(of: $0.id) ?? .zero }) else { return nil }
            return WeightSelection(id: set.id, name: set.name, weights: weights)
        }
    }
}
