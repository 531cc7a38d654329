import XCTest
@testable import AppraiseKit

/// The budget frontier against the efficient (cost, benefit) points of every subset, by both
/// methods (merging, and the exact stepping used when there are dependencies), and the
/// comparison with funding by benefit per pound.
final class BudgetFrontierTests: XCTestCase {
    private let money = ProgrammeMeasure(id: "capital", name: "Capital cost", unit: "GBP")

    private func proposal(_ id: String, cost: Int, benefit: Int, extra: Int = 0) -> ProgrammeProposal {
        ProgrammeProposal(id: id, name: id.uppercased(), benefit: Rational(benefit),
                          amounts: ["capital": [nil: .exact(Rational(cost))], "revenue": [nil: .exact(Rational(extra))]])
    }

    /// Efficient points over every subset keeping the rules: (least cost, most benefit) pairs.
    private func bruteFrontier(_ problem: ProgrammeProblem, extraLimit: Int?) -> [(Rational, Rational)] {
        let n = problem.proposals.count
        let index = Dictionary(uniqueKeysWithValues: problem.proposals.enumerated().map { ($1.id, $0) })
        func value(_ i: Int, _ measure: String) -> Rational {
            if case .exact(let v) = problem.proposals[i].amounts[measure]?[nil] { return v }
            return .zero
        }
        var points: [(Rational, Rational)] = []
        for mask in 0..<(1 << n) {
            let chosen = Set((0..<n).filter { mask & (1 << $0) != 0 })
            guard problem.committed.allSatisfy({ chosen.contains(index[$0]!) }),
                  problem.ruledOut.allSatisfy({ !chosen.contains(index[$0]!) }),
                  problem.dependencies.allSatisfy({ !chosen.contains(index[$0.option]!) || chosen.contains(index[$0.needs]!) }),
                  problem.exclusions.allSatisfy({ $0.filter { chosen.contains(index[$0]!) }.count <= 1 }),
                  extraLimit.map({ limit in chosen.map { value($0, "revenue") }.sum() <= Rational(limit) }) ?? true
            else { continue }
            points.append((chosen.map { value($0, "capital") }.sum(), chosen.map { problem.proposals[$0].benefit }.sum()))
        }
        points.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }
        var front: [(Rational, Rational)] = []
        for point in points where front.last.map({ point.1 > $0.1 }) ?? true { front.append(point) }
        return front
    }

    func testFrontierMatchesEveryEfficientSubsetByBothMethods() throws {
        var rng = Xoshiro256StarStar(seed: 1969)
        func draw(_ bound: Int) -> Int { Int(rng.nextInteger(below: UInt64(bound))) }
        var stepped = 0
        for case_ in 0..<150 {
            let n = 1 + draw(11)
            var problem = ProgrammeProblem(
                proposals: (0..<n).map { proposal("p\($0)", cost: draw(50), benefit: draw(30), extra: draw(10)) },
                measures: [money], budgets: [ProgrammeBudget(measure: "capital", limit: Rational(100))])
            var extraLimit: Int?
            if draw(3) == 0 {
                extraLimit = 5 + draw(20)
                problem.budgets.append(ProgrammeBudget(measure: "revenue", limit: Rational(extraLimit!)))
            }
            if draw(2) == 0, n > 1 { problem.dependencies.append(ProgrammeDependency(option: "p\(draw(n))", needs: "p\(draw(n))")) }
            problem.dependencies.removeAll { $0.option == $0.needs }
            if draw(2) == 0, n > 2 { problem.exclusions.append(["p0", "p\(1 + draw(n - 1))"]) }
            if draw(4) == 0 { problem.committed.append("p\(n - 1)") }
            if draw(4) == 0, n > 1, !problem.committed.contains("p1") { problem.ruledOut.append("p1") }
            let expected = bruteFrontier(problem, extraLimit: extraLimit)
            for force in [false, true] {
                let frontier = try BudgetFrontier.compute(problem, measure: nil, reading: .cautious, forceStepping: force)
                XCTAssertEqual(frontier.steps.map(\.budget), expected.map(\.0), "case \(case_), stepping \(force)")
                XCTAssertEqual(frontier.steps.map(\.benefit), expected.map(\.1), "case \(case_), stepping \(force)")
                for gap in frontier.greedyGaps { XCTAssertLessThan(gap.greedyBenefit, gap.optimumBenefit) }
            }
            if !problem.dependencies.isEmpty || extraLimit != nil { stepped += 1 }
        }
        XCTAssertGreaterThan(stepped, 30)
    }

    func testBenefitPerPoundOrderingPicksAWorseSet() throws {
        // With £10 to spend, A has the best benefit per pound (7/6) but once it is bought
        // neither B nor C fits: the simple rule gets 7 where B and C together give 10.
        let problem = ProgrammeProblem(
            proposals: [proposal("a", cost: 6, benefit: 7), proposal("b", cost: 5, benefit: 5), proposal("c", cost: 5, benefit: 5)],
            measures: [money], budgets: [ProgrammeBudget(measure: "capital", limit: Rational(10))])
        let frontier = try BudgetFrontier.compute(problem)
        XCTAssertEqual(frontier.steps.map(\.budget), [0, 5, 6, 10, 11, 16].map { Rational($0) })
        XCTAssertEqual(frontier.steps.map(\.benefit), [0, 5, 7, 10, 12, 17].map { Rational($0) })
        XCTAssertEqual(frontier.steps[3].proposalIDs, ["b", "c"])
        XCTAssertEqual(frontier.steps[3].joined, ["b", "c"])
        XCTAssertEqual(frontier.steps[3].left, ["a"])
        XCTAssertEqual(frontier.greedyGaps.map(\.budget), [Rational(10)])
        XCTAssertEqual(frontier.greedyGaps[0].greedyIDs, ["a"])
        XCTAssertEqual(frontier.greedyGaps[0].greedyBenefit, Rational(7))
        XCTAssertEqual(frontier.proposals[0].benefitPerUnit, Rational(7, 6))
        XCTAssertEqual(frontier.proposals.map(\.joinsAt), [Rational(6), Rational(5), Rational(10)])
        XCTAssertEqual(frontier.benefit(at: Rational(9)), Rational(7))
    }
}
