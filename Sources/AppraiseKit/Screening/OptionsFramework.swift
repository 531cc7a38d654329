/// The Green Book's options framework: a long list is built by choosing, in turn, the scope,
/// the solution, the delivery, the implementation and the funding. Tagging each option with
/// its choices lets the long list be read as the framework's grid.
public enum FrameworkDimension: String, Sendable, CaseIterable {
    case scope, solution, delivery, implementation, funding

    public var label: String {
        switch self {
        case .scope: "Scope"
        case .solution: "Solution"
        case .delivery: "Delivery"
        case .implementation: "Implementation"
        case .funding: "Funding"
        }
    }
}

/// An option's choice on each dimension of the options framework; nil where not tagged.
public struct FrameworkTags: Sendable, Equatable {
    public var scope: String?
    public var solution: String?
    public var delivery: String?
    public var implementation: String?
    public var funding: String?

    public init(scope: String? = nil, solution: String? = nil, delivery: String? = nil, implementation: String? = nil, funding: String? = nil) {
        self.scope = scope
        self.solution = solution
        self.delivery = delivery
        self.implementation = implementation
        self.funding = funding
    }

    public subscript(dimension: FrameworkDimension) -> String? {
        get {
            switch dimension {
            case .scope: scope
            case .solution: solution
            case .delivery: delivery
            case .implementation: implementation
            case .funding: funding
            }
        }
        set {
            switch dimension {
            case .scope: scope = newValue
            case .solution: solution = newValue
            case .delivery: delivery = newValue
            case .implementation: implementation = newValue
            case .funding: funding = newValue
            }
        }
    }

    public var isEmpty: Bool { FrameworkDimension.allCases.allSatisfy { self[$0] == nil } }
}

extension Appraisal {
    /// The dimensions any option is tagged on, in the framework's order.
    public var frameworkDimensions: [FrameworkDimension] {
        FrameworkDimension.allCases.filter { dimension in options.contains { $0.framework[dimension] != nil } }
    }

    /// The framework's grid: for each tagged dimension, each choice in the order first met
    /// with the options that take it.
    public var frameworkGrid: [(dimension: FrameworkDimension, choices: [(choice: String, options: [String])])] {
        frameworkDimensions.map { dimension in
            var choices: [(choice: String, options: [String])] = []
            for option in options {
                guard let choice = option.framework[dimension] else { continue }
                if let index = choices.firstIndex(where: { $0.choice == choice }) {
                    choices[index].options.append(option.id)
                } else {
                    choices.append((choice, [option.id]))
                }
            }
            return (dimension, choices)
        }
    }
}
