/// The screening of a long list: the pass/fail criteria (critical success factors) every
/// option is held against before anything is scored, and each option's result with why.
public struct Screening: Sendable, Equatable {
    /// Where the screening, or what the source says about narrowing the options, comes from.
    public var source: String?
    public var criteria: [ScreeningCriterion]
    public var results: [ScreeningResult]

    public init(source: String? = nil, criteria: [ScreeningCriterion] = [], results: [ScreeningResult] = []) {
        self.source = source
        self.criteria = criteria
        self.results = results
    }

    public func criterion(_ id: String) -> ScreeningCriterion? { criteria.first { $0.id == id } }

    /// One option's result on one criterion, if recorded.
    public func result(option: String, criterion: String) -> ScreeningResult? {
        results.first { $0.option == option && $0.criterion == criterion }
    }

    /// An option's results, in the order of the criteria.
    public func results(of option: String) -> [ScreeningResult] {
        criteria.compactMap { result(option: option, criterion: $0.id) }
    }

    /// The worst of an option's results (fail, then pass with reservations, then pass); nil
    /// when it has none.
    public func overall(_ option: String) -> ScreeningOutcome? {
        results(of: option).map(\.outcome).max()
    }

    /// The Green Book's five key critical success factors, the usual starting point (HM
    /// Treasury, The Green Book, 2022, Annex A1, paras A1.8–A1.9 and Box 18); an appraisal
    /// changes them or adds two or three of its own.
    public static let greenBookTemplate: [ScreeningCriterion] = [
        ScreeningCriterion(id: "strategic-fit", name: "Strategic fit and meets business needs",
                           description: "Meets the agreed objectives and service needs, and fits other strategies and programmes"),
        ScreeningCriterion(id: "potential-value-for-money", name: "Potential value for money",
                           description: "Optimises social, economic and environmental value given its likely costs, benefits and risks"),
        ScreeningCriterion(id: "supplier-capacity", name: "Supplier capacity and capability",
                           description: "Suppliers are able and willing to deliver what the option needs"),
        ScreeningCriterion(id: "potential-affordability", name: "Potential affordability",
                           description: "Can be paid for from the funds available, within sourcing constraints"),
        ScreeningCriterion(id: "potential-achievability", name: "Potential achievability",
                           description: "Can be delivered given the organisation's capacity for change and the skills available"),
    ]
}

/// A pass/fail test an option must meet to reach the short list.
public struct ScreeningCriterion: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String

    public init(id: String, name: String, description: String = "") {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// An option's result on one screening criterion. Ordered from best to worst.
public enum ScreeningOutcome: String, Sendable, CaseIterable, Comparable {
    case pass
    /// Guidance allows an option to go forward while naming what must be resolved.
    case passWithReservations = "pass-with-reservations"
    case fail

    public var label: String {
        switch self {
        case .pass: "pass"
        case .passWithReservations: "pass with reservations"
        case .fail: "fail"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// One option's result on one screening criterion, with why and what shows it.
public struct ScreeningResult: Sendable, Equatable {
    public var option: String
    public var criterion: String
    public var outcome: ScreeningOutcome
    public var reason: String?
    /// What the result rests on: a document, a finding, a page.
    public var evidence: String?

    public init(option: String, criterion: String, outcome: ScreeningOutcome, reason: String? = nil, evidence: String? = nil) {
        self.option = option
        self.criterion = criterion
        self.outcome = outcome
        self.reason = reason
        self.evidence = evidence
    }
}
