/// A figure as the source states it: exact, a range, or not known ("TBC", "part of build
/// cost"). Unknown and ranged figures are carried as they are, never read as zero, so a
/// programme can say which proposals it could not cost and how its answer moves across a range.
public enum ProgrammeFigure: Sendable, Hashable {
    case exact(Rational)
    case range(low: Rational, high: Rational)
    /// The words the source used in place of a number.
    case unknown(String)
}

/// A measure a constraint can be put on, with the words the statements use for it.
public struct ProgrammeMeasure: Sendable, Hashable {
    public let id: String
    public let name: String
    /// The currency code for money ("GBP"), else the plural noun of the quantity ("places").
    public let unit: String
    public let isMoney: Bool

    /// Without `isMoney`, a measure is money when its unit is "GBP".
    public init(id: String, name: String, unit: String, isMoney: Bool? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.isMoney = isMoney ?? (unit == "GBP")
    }
}

/// One proposal that may be funded: its benefit under some weighting and its amounts.
public struct ProgrammeProposal: Sendable, Hashable {
    public let id: String
    public let name: String
    /// The proposal's weighted total; a set's benefit is the sum over its proposals (the
    /// additive assumption: proposals neither add to nor take from each other's value).
    public let benefit: Rational
    /// Amounts by measure id: one figure per year (year 0 is the first), or for the whole life
    /// under the key `nil` when the source gives no year.
    public let amounts: [String: [Int?: ProgrammeFigure]]

    public init(id: String, name: String, benefit: Rational, amounts: [String: [Int?: ProgrammeFigure]]) {
        self.id = id
        self.name = name
        self.benefit = benefit
        self.amounts = amounts
    }

    /// The figures that count against a constraint on `measure`: every year for a total,
    /// else that year's figure.
    public func figures(measure: String, year: Int?) -> [ProgrammeFigure] {
        guard let byYear = amounts[measure] else { return [] }
        guard let year else { return byYear.keys.sorted(by: yearOrder).map { byYear[$0]! } }
        return byYear[year].map { [$0] } ?? []
    }
}

func yearOrder(_ a: Int?, _ b: Int?) -> Bool { (a ?? -1) < (b ?? -1) }

/// A most a set may spend of a cost measure, in total or in one year.
public struct ProgrammeBudget: Sendable, Hashable {
    public let measure: String
    public let limit: Rational
    public let year: Int?

    public init(measure: String, limit: Rational, year: Int? = nil) {
        self.measure = measure
        self.limit = limit
        self.year = year
    }
}

/// A least a set must achieve of a quantity measure (places ≥ 125): the file's target as it is,
/// since a target, unlike a budget, has no year to resolve.
public typealias ProgrammeTarget = ProgrammeSettings.Target

/// The option can be chosen only together with the one it needs.
public struct ProgrammeDependency: Sendable, Hashable {
    public let option: String
    public let needs: String

    public init(option: String, needs: String) {
        self.option = option
        self.needs = needs
    }
}

/// The whole question: the proposals, what they may spend and must achieve, and how they
/// depend on and exclude each other.
public struct ProgrammeProblem: Sendable, Hashable {
    public var proposals: [ProgrammeProposal]
    public var measures: [ProgrammeMeasure]
    public var budgets: [ProgrammeBudget]
    public var targets: [ProgrammeTarget]
    public var dependencies: [ProgrammeDependency]
    /// Sets of which at most one proposal may be chosen (alternative sites).
    public var exclusions: [[String]]
    public var committed: [String]
    public var ruledOut: [String]
    /// Names for years in statements ("2018/19"), by offset; a year without one is "year N".
    public var yearNames: [String]

    public init(proposals: [ProgrammeProposal], measures: [ProgrammeMeasure], budgets: [ProgrammeBudget] = [],
                targets: [ProgrammeTarget] = [], dependencies: [ProgrammeDependency] = [],
                exclusions: [[String]] = [], committed: [String] = [], ruledOut: [String] = [], yearNames: [String] = []) {
        self.proposals = proposals
        self.measures = measures
        self.budgets = budgets
        self.targets = targets
        self.dependencies = dependencies
        self.exclusions = exclusions
        self.committed = committed
        self.ruledOut = ruledOut
        self.yearNames = yearNames
    }

    public func measure(_ id: String) -> ProgrammeMeasure {
        measures.first { $0.id == id } ?? ProgrammeMeasure(id: id, name: id, unit: "")
    }

    /// The same problem with every proposal's benefit replaced, for another weighting.
    public func withBenefits(_ benefits: [Rational]) -> ProgrammeProblem {
        var copy = self
        copy.proposals = zip(proposals, benefits).map {
            ProgrammeProposal(id: $0.id, name: $0.name, benefit: $1, amounts: $0.amounts)
        }
        return copy
    }
}

/// Why a problem cannot be solved as posed (a bad value, not an infeasible programme).
public enum ProgrammeError: Error, Equatable, CustomStringConvertible {
    case unknownProposal(String, role: String)
    case negativeAmount(proposal: String, measure: String)
    case tooLarge
    case noBudget

    public var description: String {
        switch self {
        case .unknownProposal(let id, let role): return "\(role) names \"\(id)\", which is not one of the proposals"
        case .negativeAmount(let proposal, let measure):
            return "\(proposal) has a negative amount of \(measure); a constrained measure needs amounts of at least 0"
        case .tooLarge: return "the amounts need more precision than the optimiser can hold exactly"
        case .noBudget: return "a budget frontier needs a cost measure; give a budget or name the measure"
        }
    }
}
