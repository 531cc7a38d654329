import AppraiseKit

/// Matrices for the sensitivity and SMAA tests, built directly so the tests do not depend on
/// the file loader.
enum SensitivityFixtures {
    static let scale05 = ScoreScale(minimum: .zero, maximum: Rational(5), step: .one)

    static let referenceOptions = [
        "practice-partner", "commission-by-contract", "trust", "cic", "mutual", "managing-agent", "joint-venture",
        "shared-service",
    ]
    static let referenceCriteria = [
        "child-focused", "partnerships", "commissioning", "political-oversight", "financial-viability", "workforce",
        "integration", "risk",
    ]

    /// Rotherham 2017, Annex 1: scores in option × criterion order, as in the appraisal file.
    static let referenceScores: [[Int]] = [
        [4, 5, 4, 4, 3, 4, 5, 4],  // Peer Practice Partner, 33
        [4, 2, 3, 3, 3, 2, 2, 3],  // Commission by Contract, 22
        [4, 2, 4, 3, 2, 5, 2, 3],  // Wholly Owned Company – Trust, 25
        [5, 2, 4, 3, 2, 5, 2, 3],  // Community Interest Company, 26
        [4, 2, 1, 1, 1, 3, 2, 2],  // Mutual, 16
        [3, 2, 2, 2, 3, 2, 2, 2],  // Managing Agent, 18
        [3, 2, 2, 1, 2, 2, 1, 2],  // Joint Venture, 15
        [4, 3, 3, 3, 3, 3, 3, 4],  // Shared Service, 26 (published as 24)
    ]

    static var reference: DecisionMatrix {
        matrix(referenceScores, options: referenceOptions, criteria: referenceCriteria)
    }

    static let referenceNames = DisplayNames(
        options: [
            "practice-partner": "Peer Practice Partner", "commission-by-contract": "Commission by Contract",
            "trust": "Wholly Owned Company – Trust", "cic": "Community Interest Company", "mutual": "Mutual",
            "managing-agent": "Managing Agent", "joint-venture": "Joint Venture", "shared-service": "Shared Service",
        ],
        criteria: [
            "child-focused": "Child Focused", "partnerships": "Partnerships", "commissioning": "Commissioning",
            "political-oversight": "Political oversight", "financial-viability": "Financial viability",
            "workforce": "Workforce", "integration": "Integration", "risk": "Risk",
        ])

    static let referenceSelection = WeightSelection(id: "default", name: "the appraisal's weights", weights: .equal(count: 8))

    /// A matrix with ids "o0", "o1", … and "c0", "c1", … unless given.
    static func matrix(_ scores: [[Int]], options: [String]? = nil, criteria: [String]? = nil,
                       scale: ScoreScale = scale05) -> DecisionMatrix {
        let columns = scores.first?.count ?? 0
        return DecisionMatrix(optionIDs: options ?? scores.indices.map { "o\($0)" },
                              criterionIDs: criteria ?? (0..<columns).map { "c\($0)" },
                              scores: scores.map { $0.map(Rational.init) }, scale: scale)
    }

    static func weights(_ values: [Int]) -> Weights { Weights(values.map(Rational.init))! }

    static func r(_ numerator: Int, _ denominator: Int = 1) -> Rational { Rational(Int128(numerator), Int128(denominator)) }
}
