/// Ways to turn an order of importance into weights when members can agree which criteria
/// matter more but not by how much (Stillwell, Seaver & Edwards, 1981; Barron & Barrett,
/// 1996). All exact; criterion r of n (1 = most important) gets:
public enum RankOrderMethod: String, Sendable, CaseIterable {
    /// (n − r + 1) / (n(n + 1)/2): weights fall in equal steps.
    case rankSum = "rank-sum"
    /// (1/r) / Σ(1/j): weight falls off as one over the rank.
    case rankReciprocal = "rank-reciprocal"
    /// (1/n) Σ_{j=r..n} 1/j: the centre of all weightings that respect the order.
    case rankOrderCentroid = "rank-order-centroid"

    public var name: String {
        switch self {
        case .rankSum: "rank-sum weights"
        case .rankReciprocal: "rank-reciprocal weights"
        case .rankOrderCentroid: "rank-order centroid weights"
        }
    }

    /// Weights by position in the order of importance, most important first; they sum to one.
    public func weightsByRank(count: Int) -> [Rational] {
        precondition(count > 0, "rank-order weights need a criterion")
        let n = Rational(count)
        switch self {
        case .rankSum:
            let total = n * (n + .one) / Rational(2)
            return (1...count).map { Rational(count - $0 + 1) / total }
        case .rankReciprocal:
            let total = (1...count).map { Rational.one / Rational($0) }.sum()
            return (1...count).map { Rational.one / Rational($0) / total }
        case .rankOrderCentroid:
            var tail = Rational.zero
            var result = Array(repeating: Rational.zero, count: count)
            for rank in stride(from: count, through: 1, by: -1) {
                tail += Rational.one / Rational(rank)
                result[rank - 1] = tail / n
            }
            return result
        }
    }

    /// Weights aligned with the criteria, from `importance` (criterion indices, most
    /// important first, each criterion once).
    public func weights(importance: [Int]) -> Weights {
        let byRank = weightsByRank(count: importance.count)
        var aligned = Array(repeating: Rational.zero, count: importance.count)
        for (rank, criterion) in importance.enumerated() { aligned[criterion] = byRank[rank] }
        return Weights(aligned)!
    }
}

/// Why a sensitivity or SMAA request cannot be carried out.
public enum SensitivityError: Error, Equatable, CustomStringConvertible {
    /// The order of importance names a criterion the appraisal does not have.
    case unknownCriterion(String)
    /// The order of importance does not list every criterion exactly once.
    case incompleteImportance(missing: [String], repeated: [String])
    /// A weight set whose weights cannot be normalised (all zero).
    case unusableWeightSet(String)
    /// A simulation setting out of range.
    case invalidSetting(String)

    public var description: String {
        switch self {
        case .unknownCriterion(let id): "the order of importance names '\(id)', which is not a criterion"
        case .incompleteImportance(let missing, let repeated):
            "the order of importance must list every criterion once"
                + (missing.isEmpty ? "" : "; missing: " + missing.joined(separator: ", "))
                + (repeated.isEmpty ? "" : "; repeated: " + repeated.joined(separator: ", "))
        case .unusableWeightSet(let id): "weight set '\(id)' has no weight that is not zero"
        case .invalidSetting(let text): text
        }
    }
}

/// Criterion indices for an order of importance given by criterion ids, most important first.
public func importanceOrder(_ ids: [String], criteria: [String]) throws -> [Int] {
    let position = Dictionary(uniqueKeysWithValues: criteria.enumerated().map { ($1, $0) })
    var order: [Int] = []
    var seen = Set<String>()
    var repeated: [String] = []
    for id in ids {
        guard let index = position[id] else { throw SensitivityError.unknownCriterion(id) }
        if !seen.insert(id).inserted { repeated.append(id) }
        order.append(index)
    }
    let missing = criteria.filter { !seen.contains($0) }
    guard missing.isEmpty, repeated.isEmpty else { throw SensitivityError.incompleteImportance(missing: missing, repeated: repeated) }
    return order
}

/// The ranking under one named weighting, for side-by-side comparison.
public struct Scenario: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The weighting the analysis is run under.
        case current
        /// The criteria's own weights, or a weight set of the appraisal file.
        case named
        case equal
        case rankOrder(RankOrderMethod)
    }

    public let id: String
    public let name: String
    public let kind: Kind
    public let weights: Weights
    public let ranking: RankedTotals

    /// Rankings under the current weighting, the appraisal's own weightings in their order
    /// (`named`, e.g. `Appraisal.namedWeightSelections()`: its criteria's weights, equal
    /// weights, its weight sets), equal weights if not among them, and, given an order of
    /// importance, the three rank-order weightings; each id once.
    public static func all(matrix: DecisionMatrix, current: WeightSelection, named: [WeightSelection],
                           importance: [Int]?) -> [Scenario] {
        var result = [Scenario(id: current.id, name: current.name, kind: .current, weights: current.weights, matrix: matrix)]
        var seen: Set<String> = [current.id]
        func add(_ id: String, _ name: String, _ kind: Kind, _ weights: Weights) {
            guard seen.insert(id).inserted else { return }
            result.append(Scenario(id: id, name: name, kind: kind, weights: weights, matrix: matrix))
        }
        for selection in named {
            add(selection.id, selection.name, selection.id == WeightSelection.equalID ? .equal : .named, selection.weights)
        }
        add(WeightSelection.equalID, "equal weights", .equal, .equal(count: matrix.criterionCount))
        if let importance {
            for method in RankOrderMethod.allCases {
                add(method.rawValue, method.name, .rankOrder(method), method.weights(importance: importance))
            }
        }
        return result
    }

    init(id: String, name: String, kind: Kind, weights: Weights, matrix: DecisionMatrix) {
        self.id = id
        self.name = name
        self.kind = kind
        self.weights = weights
        ranking = RankedTotals(matrix: matrix, weights: weights)
    }
}

extension Appraisal {
    /// Every weighting the file names, resolved: the criteria's own weights, equal weights and
    /// each weight set. Throws for a weight set that cannot be normalised.
    public func namedWeightSelections() throws -> [WeightSelection] {
        try availableWeightSelections.map { id in
            guard let selection = weightSelection(id) else { throw SensitivityError.unusableWeightSet(id) }
            return selection
        }
    }
}
