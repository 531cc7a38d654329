import XCTest
@testable import AppraiseKit

/// The optimiser and the budget frontier against brute force on the shapes that once hung or
/// gave wrong answers: proposals that cost nothing or are worth nothing, dependencies on them,
/// dependency cycles, costs not known (under total and one-year budgets), several commitments
/// that may break the rules, and negative benefits. Sizes stay small so every subset can be
/// checked in a second or two.
final class ProgrammeShapesTests: XCTestCase {
    private let measures = [ProgrammeMeasure(id: "capital", name: "Capital cost", unit: "GBP"),
                            ProgrammeMeasure(id: "revenue", name: "Revenue cost", unit: "GBP"),
                            ProgrammeMeasure(id: "places", name: "Places", unit: "places")]

    private func randomProblem(_ rng: inout Xoshiro256StarStar) -> ProgrammeProblem {
        func draw(_ bound: Int) -> Int { Int(rng.nextInteger(below: UInt64(bound))) }
        func figure(_ bound: Int) -> ProgrammeFigure {
            switch draw(12) {
            case 0, 1, 2: return .exact(.zero)
            case 3: return .unknown("TBC")
            default: return .exact(Rational(Int128(draw(bound)), Int128(1 + draw(2))))
            }
        }
        let n = 1 + draw(10)
        let proposals = (0..<n).map { i in
            let benefit: Rational = draw(4) == 0 ? .zero : draw(15) == 0 ? Rational(-(draw(5) + 1)) : Rational(Int128(draw(30)), Int128(1 + draw(3)))
            var amounts: [String: [Int?: ProgrammeFigure]] = ["capital": [0: figure(60)], "places": [nil: .exact(Rational(draw(8)))]]
            if draw(2) == 0 { amounts["capital"]![1] = figure(40) }
            if draw(3) > 0 { amounts["revenue"] = [nil: figure(20)] }
            return ProgrammeProposal(id: "p\(i)", name: "P\(i)", benefit: benefit, amounts: amounts)
        }
        var problem = ProgrammeProblem(proposals: proposals, measures: measures)
        switch draw(4) {
        case 0: problem.budgets = [ProgrammeBudget(measure: "capital", limit: Rational(draw(30 * n + 1)))]
        case 1: problem.budgets = [ProgrammeBudget(measure: "capital", limit: Rational(draw(20 * n + 1)), year: 1)]
        case 2: problem.budgets = [ProgrammeBudget(measure: "capital", limit: Rational(draw(30 * n + 1))),
                                   ProgrammeBudget(measure: "revenue", limit: Rational(draw(10 * n + 1)))]
        default: problem.budgets = [ProgrammeBudget(measure: "capital", limit: Rational(draw(15 * n + 1)), year: 0),
                                    ProgrammeBudget(measure: "capital", limit: Rational(draw(40 * n + 1)))]
        }
        if draw(3) == 0 { problem.targets = [ProgrammeTarget(measure: "places", atLeast: Rational(draw(4 * n + 1)))] }
        for _ in 0..<draw(n + 1) {
            let a = draw(n), b = draw(n)
            if a != b { problem.dependencies.append(ProgrammeDependency(option: "p\(a)", needs: "p\(b)")) }
        }
        if n > 2 && draw(3) == 0 {
            // A cycle: each needs the next, so all or none.
            let cycle = Array(Set((0..<3).map { _ in draw(n) })).sorted()
            for (k, a) in cycle.enumerated() where cycle.count > 1 {
                problem.dependencies.append(ProgrammeDependency(option: "p\(a)", needs: "p\(cycle[(k + 1) % cycle.count])"))
            }
        }
        for _ in 0..<draw(3) {
            let group = Set((0..<(2 + draw(2))).map { _ in "p\(draw(n))" }).sorted()
            if group.count > 1 { problem.exclusions.append(group) }
        }
        for _ in 0..<draw(3) { problem.committed.append("p\(draw(n))") }
        problem.committed = Array(Set(problem.committed)).sorted()
        if draw(3) == 0 {
            let id = "p\(draw(n))"
            if !problem.committed.contains(id) { problem.ruledOut.append(id) }
        }
        return problem
    }

    /// Every subset that keeps the rules, read cautiously: a cost not known keeps a proposal
    /// out unless it is committed (and then that figure counts as nothing, while the
    /// proposal's known figures on the same budget still count).
    private func feasibleSubsets(_ problem: ProgrammeProblem, budgets: [ProgrammeBudget], targets: [ProgrammeTarget]) -> [[Int]] {
        let n = problem.proposals.count
        let index = Dictionary(uniqueKeysWithValues: problem.proposals.enumerated().map { ($1.id, $0) })
        func amount(_ i: Int, _ measure: String, _ year: Int?, cost: Bool) -> Rational? {
            var sum = Rational.zero
            for figure in problem.proposals[i].figures(measure: measure, year: year) {
                switch figure {
                case .exact(let value): sum += value
                case .range(_, let high): sum += high
                case .unknown: if cost { return nil }
                }
            }
            return sum
        }
        var sets: [[Int]] = []
        for mask in 0..<(1 << n) {
            let chosen = Set((0..<n).filter { mask & (1 << $0) != 0 })
            guard problem.committed.allSatisfy({ chosen.contains(index[$0]!) }),
                  problem.ruledOut.allSatisfy({ !chosen.contains(index[$0]!) }),
                  problem.dependencies.allSatisfy({ !chosen.contains(index[$0.option]!) || chosen.contains(index[$0.needs]!) }),
                  problem.exclusions.allSatisfy({ Set($0.map { index[$0]! }).intersection(chosen).count <= 1 })
            else { continue }
            var keeps = true
            for budget in budgets {
                var spent = Rational.zero
                for i in chosen {
                    if let value = amount(i, budget.measure, budget.year, cost: true) {
                        spent += value
                    } else if problem.committed.contains(problem.proposals[i].id) {
                        // Committed with a figure not known: what is known still counts.
                        spent += amount(i, budget.measure, budget.year, cost: false)!
                    } else {
                        keeps = false
                    }
                }
                if spent > budget.limit { keeps = false }
            }
            for target in targets where chosen.map({ amount($0, target.measure, nil, cost: false)! }).sum() < target.atLeast { keeps = false }
            if keeps { sets.append(chosen.sorted()) }
        }
        return sets
    }

    private func firstBudgetUse(_ problem: ProgrammeProblem, _ set: [Int]) -> Rational {
        guard let budget = problem.budgets.first else { return .zero }
        return set.map { i in
            problem.proposals[i].figures(measure: budget.measure, year: budget.year).map { figure -> Rational in
                if case .exact(let value) = figure { return value }
                return .zero
            }.sum()
        }.sum()
    }

    func testEveryShapeMatchesBruteForce() throws {
        var rng = Xoshiro256StarStar(seed: 21)
        var shapes = (feasible: 0, infeasible: 0, zeroCost: 0, uncostedAvailable: 0)
        for case_ in 0..<400 {
            let problem = randomProblem(&rng)
            let benefit = { (set: [Int]) in set.map { problem.proposals[$0].benefit }.sum() }
            let sets = feasibleSubsets(problem, budgets: problem.budgets, targets: problem.targets).sorted { a, b in
                let (ba, bb) = (benefit(a), benefit(b))
                if ba != bb { return ba > bb }
                let (ca, cb) = (firstBudgetUse(problem, a), firstBudgetUse(problem, b))
                if ca != cb { return ca < cb }
                return a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b)
            }
            let solution = try ProgrammeOptimiser.solve(problem, runnersUp: 3)
            let ids = problem.proposals.map(\.id)
            XCTAssertEqual(solution.choices.map(\.proposalIDs), sets.prefix(4).map { $0.map { ids[$0] } }, "case \(case_)")
            XCTAssertEqual(solution.choices.map(\.benefit), sets.prefix(4).map(benefit), "case \(case_)")
            XCTAssertEqual(solution.choices.isEmpty, !solution.infeasibility.isEmpty, "case \(case_)")
            // A proposal whose cost on a budget is not known is never funded unless committed.
            for choice in solution.choices {
                for id in choice.proposalIDs where solution.uncosted.contains(id) { XCTFail("case \(case_): \(id) is not costed but funded") }
            }
            if sets.isEmpty { shapes.infeasible += 1 } else { shapes.feasible += 1 }
            if problem.proposals.contains(where: { $0.amounts["capital"]?[0] == .exact(.zero) }) { shapes.zeroCost += 1 }
            if !solution.uncosted.isEmpty { shapes.uncostedAvailable += 1 }

            // The frontier keeps every rule, by either method, against the efficient points of
            // every subset that keeps the rules and the other budgets.
            guard problem.budgets.contains(where: { $0.measure == "capital" && $0.year == nil }) || problem.budgets.first?.year != nil else { continue }
            let others = problem.budgets.filter { !($0.measure == "capital" && $0.year == nil) }
            let total = ProgrammeBudget(measure: "capital", limit: Rational(1_000_000))
            let frontierSets = feasibleSubsets(problem, budgets: [total] + others, targets: [])
            var totalCost = problem
            totalCost.budgets = [ProgrammeBudget(measure: "capital", limit: .zero)]
            let points = frontierSets.map { (cost: firstBudgetUse(totalCost, $0), benefit: benefit($0)) }
                .sorted { $0.cost != $1.cost ? $0.cost < $1.cost : $0.benefit > $1.benefit }
            var front: [(cost: Rational, benefit: Rational)] = []
            for point in points where front.last.map({ point.benefit > $0.benefit }) ?? true { front.append(point) }
            for force in [false, true] {
                let frontier = try BudgetFrontier.compute(problem, measure: "capital", reading: .cautious, forceStepping: force)
                XCTAssertEqual(frontier.steps.map(\.budget), front.map(\.cost), "case \(case_), stepping \(force)")
                XCTAssertEqual(frontier.steps.map(\.benefit), front.map(\.benefit), "case \(case_), stepping \(force)")
                XCTAssertNil(frontier.exactFrom)
            }
        }
        XCTAssertGreaterThan(shapes.feasible, 150)
        XCTAssertGreaterThan(shapes.infeasible, 20)
        XCTAssertGreaterThan(shapes.zeroCost, 100)
        XCTAssertGreaterThan(shapes.uncostedAvailable, 50)
    }

    func testAFreeWorthlessDependencyDoesNotHang() throws {
        // The reproduction of the hang: six proposals, one budget, C needs D, which costs
        // nothing and is worth nothing.
        let costs = [60, 20, 60, 0, 70, 40], benefits = [8, 1, 10, 0, 9, 3]
        let proposals = (0..<6).map { i in
            ProgrammeProposal(id: "p\(i)", name: "P\(i)", benefit: Rational(benefits[i]), amounts: ["capital": [0: .exact(Rational(costs[i]))]])
        }
        let problem = ProgrammeProblem(proposals: proposals, measures: measures, budgets: [ProgrammeBudget(measure: "capital", limit: Rational(500))],
                                       dependencies: [ProgrammeDependency(option: "p2", needs: "p3")])
        let solution = try ProgrammeOptimiser.solve(problem)
        XCTAssertEqual(solution.best?.proposalIDs, ["p0", "p1", "p2", "p3", "p4", "p5"])
        let frontier = try BudgetFrontier.compute(problem)
        XCTAssertEqual(frontier.steps.last?.benefit, Rational(31))
    }

    func testACommittedProposalsKnownCostsCountWhenAnotherIsNotKnown() throws {
        // Case 289's shape: P0 is committed, its first year's capital is not known and its
        // second year's is 4. The unknown figure counts as nothing, but the 4 still counts, so
        // a total budget of 1 cannot hold it and one of 10 holds it with 6 to spare.
        let proposal = ProgrammeProposal(id: "p0", name: "P0", benefit: .zero,
                                         amounts: ["capital": [0: .unknown("TBC"), 1: .exact(Rational(4))]])
        for (limit, feasible) in [(1, false), (10, true)] {
            let problem = ProgrammeProblem(proposals: [proposal], measures: measures,
                                           budgets: [ProgrammeBudget(measure: "capital", limit: Rational(limit))], committed: ["p0"])
            let solution = try ProgrammeOptimiser.solve(problem)
            XCTAssertEqual(solution.best != nil, feasible, "limit \(limit)")
            XCTAssertEqual(solution.infeasibility.isEmpty, feasible, "limit \(limit)")
            if let use = solution.best?.constraints.first {
                XCTAssertEqual(use.amount, Rational(4))
                XCTAssertEqual(use.slack, Rational(6))
                XCTAssertEqual(use.notCounted, ["p0"])
            }
        }
    }

    func testCommitmentsThatBreakAnExclusionLeaveTheFrontierEmpty() throws {
        let proposals = [("a", 9, 100), ("b", 1, 200)].map { id, benefit, cost in
            ProgrammeProposal(id: id, name: id.uppercased(), benefit: Rational(benefit), amounts: ["capital": [nil: .exact(Rational(cost))]])
        }
        let problem = ProgrammeProblem(proposals: proposals, measures: measures, budgets: [ProgrammeBudget(measure: "capital", limit: Rational(1000))],
                                       exclusions: [["a", "b"]], committed: ["a", "b"])
        XCTAssertNil(try ProgrammeOptimiser.solve(problem).best)
        for force in [false, true] {
            XCTAssertEqual(try BudgetFrontier.compute(problem, measure: nil, reading: .cautious, forceStepping: force).steps, [])
        }
    }

    func testIdenticalProposalsAreSharedAsAGroup() throws {
        // B and C are identical and only one fits beside A: "one of B and C, always".
        let scores: [[Rational]] = [[5, 5], [3, 3], [3, 3]].map { $0.map { Rational($0) } }
        let matrix = DecisionMatrix(optionIDs: ["a", "b", "c"], criterionIDs: ["x", "y"], scores: scores,
                                    scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one))
        let proposals = zip(["a", "b", "c"], scores).map { id, row in
            ProgrammeProposal(id: id, name: id.uppercased(), benefit: row.sum(), amounts: ["capital": [nil: .exact(Rational(10))]])
        }
        let problem = ProgrammeProblem(proposals: proposals, measures: measures, budgets: [ProgrammeBudget(measure: "capital", limit: Rational(20))])
        let result = try ProgrammeRobustness.analyse(problem, matrix: matrix, importance: nil, samples: 500, seed: 5)
        let sampled = result.sampled[0]
        XCTAssertEqual(sampled.groups.map(\.ids), [["b", "c"]])
        XCTAssertEqual(sampled.groups[0].always, 1)
        XCTAssertEqual(sampled.shares[1], sampled.shares[2])
        XCTAssertEqual(sampled.samples, 500)
        XCTAssertEqual(sampled.requested, 500)
    }

    func testTheWorkLimitStopsTheFrontierFromTheBottomAndSaysWhere() throws {
        var rng = Xoshiro256StarStar(seed: 9)
        let proposals = (0..<14).map { i in
            ProgrammeProposal(id: "p\(i)", name: "P\(i)", benefit: Rational(1 + Int(rng.nextInteger(below: 40))),
                              amounts: ["capital": [nil: .exact(Rational(1 + Int(rng.nextInteger(below: 90))))]])
        }
        let problem = ProgrammeProblem(proposals: proposals, measures: measures, budgets: [ProgrammeBudget(measure: "capital", limit: Rational(300))],
                                       dependencies: [ProgrammeDependency(option: "p1", needs: "p2")])
        let full = try BudgetFrontier.compute(problem, measure: nil, reading: .cautious, forceStepping: true)
        XCTAssertNil(full.exactFrom)
        let cut = try BudgetFrontier.compute(problem, measure: nil, reading: .cautious, forceStepping: true, workLimit: 200)
        let from = try XCTUnwrap(cut.exactFrom)
        XCTAssertLessThan(cut.steps.count, full.steps.count)
        // What is listed is exactly the top of the full frontier.
        XCTAssertEqual(cut.steps.map(\.budget), full.steps.suffix(cut.steps.count).map(\.budget))
        XCTAssertEqual(cut.steps.first?.budget ?? from, from)
    }
}
