/// A named weighting of the criteria (a scenario), so members can see the ranking under the
/// priorities of different stakeholders side by side.
public struct WeightSet: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String?
    /// Criterion id to weight as entered, in file order.
    public var weights: [(criterion: String, weight: Rational)]

    public init(id: String, name: String, description: String? = nil, weights: [(criterion: String, weight: Rational)]) {
        self.id = id
        self.name = name
        self.description = description
        self.weights = weights
    }

    public func weight(of criterion: String) -> Rational? {
        weights.first { $0.criterion == criterion }?.weight
    }

    public static func == (lhs: WeightSet, rhs: WeightSet) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.description == rhs.description
            && lhs.weights.elementsEqual(rhs.weights) { $0.criterion == $1.criterion && $0.weight == $1.weight }
    }
}
