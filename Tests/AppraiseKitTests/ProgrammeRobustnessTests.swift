import XCTest
@testable import AppraiseKit

/// Robustness of the best programme: sampled shares against shares worked out by hand, the
/// core / borderline / exterior classes of Robust Portfolio Modelling (Liesiö, Mild and Salo,
/// 2007, EJOR 181(3), section 3: non-dominated portfolios under incomplete weight
/// information), and their agreement with sampling on random problems.
final class ProgrammeRobustnessTests: XCTestCase {
    private let money = ProgrammeMeasure(id: "capital", name: "Capital cost", unit: "GBP")

    private func problem(_ scores: [[Int]], costs: [Int], budget: Int) -> (ProgrammeProblem, DecisionMatrix) {
        let ids = scores.indices.map { "p\($0)" }
        let matrix = DecisionMatrix(optionIDs: ids, criterionIDs: (0..<scores[0].count).map { "c\($0)" },
                                    scores: scores.map { $0.map { Rational($0) } },
                                    scale: ScoreScale(minimum: .zero, maximum: Rational(10), step: .one))
        let proposals = ids.indices.map { i in
            ProgrammeProposal(id: ids[i], name: ids[i].uppercased(), benefit: scores[i].map { Rational($0) }.sum(),
                              amounts: ["capital": [nil: .exact(Rational(costs[i]))]])
        }
        return (ProgrammeProblem(proposals: proposals, measures: [money], budgets: [ProgrammeBudget(measure: "capital", limit: Rational(budget))]),
                matrix)
    }

    func testTwoCriteriaSharesAndPortfolioClassesWorkedByHand() throws {
        // A (5, 0), B (0, 5), C (3, 3), any two affordable. With weights (t, 1 − t): A + B is
        // worth 5, A + C 3 + 5t, B + C 8 − 5t, so A + C is best for t > ½ and B + C below:
        // C is always chosen, A and B half the time each. If the first criterion matters
        // more (t ≥ ½), A + C is always best. No programme dominates another under any
        // weights; under the order, A + C dominates both others (prefix sums 8, 11).
        let (programme, matrix) = problem([[5, 0], [0, 5], [3, 3]], costs: [1, 1, 1], budget: 2)
        let result = try ProgrammeRobustness.analyse(programme, matrix: matrix, importance: ["c0", "c1"], samples: 8_000, seed: 7)
        let uniform = result.sampled[0]
        XCTAssertEqual(uniform.shares[2], 1)
        XCTAssertEqual(uniform.shares[0], 0.5, accuracy: 0.025)
        XCTAssertEqual(uniform.shares[1], 0.5, accuracy: 0.025)
        XCTAssertEqual(uniform.shares[0] + uniform.shares[1], 1, accuracy: 1e-12)
        XCTAssertEqual(result.sampled[1].shares, [1, 0, 1])
        let any = result.portfolios![0], ordered = result.portfolios![1]
        XCTAssertEqual(any.feasibleCount, 3)
        XCTAssertEqual(any.nonDominated.count, 3)
        XCTAssertEqual(any.borderline, ["p0", "p1", "p2"])
        XCTAssertEqual(ordered.nonDominated, [["p0", "p2"]])
        XCTAssertEqual(ordered.core, ["p0", "p2"])
        XCTAssertEqual(ordered.exterior, ["p1"])
        // A tenth or a quarter less budget buys one proposal; more does not buy a third.
        XCTAssertEqual(result.budgetChanges.map { $0.choice?.proposalIDs.count }, [1, 1, 2, 2])
        // Same seed, same numbers.
        XCTAssertEqual(try ProgrammeRobustness.analyse(programme, matrix: matrix, importance: ["c0", "c1"], samples: 8_000, seed: 7), result)
    }

    func testSampledProgrammesAreNonDominatedAndCoreProposalsAlwaysChosen() throws {
        var rng = Xoshiro256StarStar(seed: 2007)
        func draw(_ bound: Int) -> Int { Int(rng.nextInteger(below: UInt64(bound))) }
        for case_ in 0..<12 {
            let n = 3 + draw(8), criteria = 2 + draw(3)
            let scores = (0..<n).map { _ in (0..<criteria).map { _ in draw(11) } }
            let costs = (0..<n).map { _ in 1 + draw(20) }
            var (programme, matrix) = problem(scores, costs: costs, budget: costs.reduce(0, +) / 2)
            if draw(2) == 0 { programme.dependencies.append(ProgrammeDependency(option: "p0", needs: "p1")) }
            if draw(2) == 0 { programme.exclusions.append(["p1", "p2"]) }
            let importance = (0..<criteria).map { "c\($0)" }.reversed().map { $0 }
            let result = try ProgrammeRobustness.analyse(programme, matrix: matrix, importance: importance, samples: 400, seed: 3)
            for (sampled, portfolios) in zip(result.sampled, result.portfolios!) {
                for chosen in sampled.programmes {
                    XCTAssertTrue(portfolios.nonDominated.contains(chosen.ids), "case \(case_): \(chosen.ids) is dominated")
                }
                for (i, id) in result.proposalIDs.enumerated() {
                    if portfolios.core.contains(id) { XCTAssertEqual(sampled.shares[i], 1, "case \(case_)") }
                    if portfolios.exterior.contains(id) { XCTAssertEqual(sampled.shares[i], 0, "case \(case_)") }
                }
            }
        }
    }
}
