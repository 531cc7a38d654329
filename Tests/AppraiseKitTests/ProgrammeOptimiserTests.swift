import XCTest
@testable import AppraiseKit

/// The exact programme optimiser against brute force over every subset, on random problems
/// with budgets (total and per year), targets, dependencies, exclusions, commitments and
/// rulings-out; and every infeasibility message.
final class ProgrammeOptimiserTests: XCTestCase {
    private let money = ProgrammeMeasure(id: "capital", name: "Capital cost", unit: "GBP")
    private let places = ProgrammeMeasure(id: "places", name: "Places", unit: "places")
    private let revenue = ProgrammeMeasure(id: "revenue", name: "Revenue cost", unit: "GBP")

    /// A random problem: benefits and amounts in quarters (so the arithmetic is truly
    /// rational), two years of capital, revenue, places, and random rules.
    private func randomProblem(_ rng: inout Xoshiro256StarStar, size: Int) -> ProgrammeProblem {
        func draw(_ bound: Int) -> Int { Int(rng.nextInteger(below: UInt64(bound))) }
        func quarter(_ bound: Int) -> Rational { Rational(Int128(draw(bound)), 4) }
        var proposals: [ProgrammeProposal] = []
        for i in 0..<size {
            let amounts: [String: [Int?: ProgrammeFigure]] = [
                "capital": [0: .exact(quarter(400)), 1: .exact(quarter(200))],
                "revenue": [nil: .exact(quarter(100))],
                "places": [nil: .exact(Rational(draw(21)))],
            ]
            proposals.append(ProgrammeProposal(id: "p\(i)", name: "P\(i)", benefit: quarter(200), amounts: amounts))
        }
        var problem = ProgrammeProblem(proposals: proposals, measures: [money, places, revenue])
        let totalCapital = Rational(Int128(size) * 75, 1)
        if draw(4) > 0 { problem.budgets.append(ProgrammeBudget(measure: "capital", limit: totalCapital * Rational(Int128(1 + draw(4)), 8))) }
        if draw(3) == 0 { problem.budgets.append(ProgrammeBudget(measure: "capital", limit: Rational(size * 10 + draw(200)), year: 1)) }
        if draw(3) == 0 { problem.budgets.append(ProgrammeBudget(measure: "revenue", limit: Rational(size * 4 + draw(50)))) }
        if draw(2) == 0 { problem.targets.append(ProgrammeTarget(measure: "places", atLeast: Rational(draw(size * 8 + 1)))) }
        for _ in 0..<draw(size / 2 + 1) {
            let a = draw(size), b = draw(size)
            if a != b { problem.dependencies.append(ProgrammeDependency(option: "p\(a)", needs: "p\(b)")) }
        }
        for _ in 0..<draw(3) {
            let group = Set((0..<(2 + draw(2))).map { _ in "p\(draw(size))" }).sorted()
            if group.count > 1 { problem.exclusions.append(group) }
        }
        if draw(3) == 0 { problem.committed.append("p\(draw(size))") }
        if draw(3) == 0 {
            let id = "p\(draw(size))"
            if !problem.committed.contains(id) { problem.ruledOut.append(id) }
        }
        return problem
    }

    /// The best `keep` subsets that meet every rule, found by checking every subset, in the
    /// optimiser's reporting order. Every figure the generator makes is a whole number of
    /// quarters, so sums are kept as integer quarters, built up subset by subset.
    private func bruteForce(_ problem: ProgrammeProblem, keep: Int) -> [(members: [Int], benefit: Rational)] {
        let n = problem.proposals.count
        let index = Dictionary(uniqueKeysWithValues: problem.proposals.enumerated().map { ($1.id, $0) })
        func quarters(_ value: Rational) -> Int { Int(clamping: value.numerator * 4 / value.denominator) }
        func amount(_ i: Int, _ measure: String, _ year: Int?) -> Int {
            let byYear = problem.proposals[i].amounts[measure] ?? [:]
            let figures = year.map { byYear[$0].map { [$0] } ?? [] } ?? Array(byYear.values)
            return figures.map { if case .exact(let v) = $0 { return quarters(v) } else { return 0 } }.reduce(0, +)
        }
        let rows = problem.budgets.map { b in (0..<n).map { amount($0, b.measure, b.year) } }
            + problem.targets.map { t in (0..<n).map { amount($0, t.measure, nil) } }
        let limits = problem.budgets.map { quarters($0.limit) } + problem.targets.map { quarters($0.atLeast) }
        let benefits = problem.proposals.map { quarters($0.benefit) }
        var mustHave = 0, mustNot = 0
        for id in problem.committed { mustHave |= 1 << index[id]! }
        for id in problem.ruledOut { mustNot |= 1 << index[id]! }
        let needs = problem.dependencies.map { (1 << index[$0.option]!, 1 << index[$0.needs]!) }
        let groups = problem.exclusions.map { $0.reduce(0) { $0 | 1 << index[$1]! } }
        var sums = Array(repeating: Array(repeating: 0, count: 1 << n), count: rows.count + 1)
        var found: [(members: [Int], benefit: Int, first: Int)] = []
        for mask in 0..<(1 << n) {
            if mask > 0 {
                let low = mask.trailingZeroBitCount, rest = mask & (mask - 1)
                for r in 0..<rows.count { sums[r][mask] = sums[r][rest] + rows[r][low] }
                sums[rows.count][mask] = sums[rows.count][rest] + benefits[low]
            }
            guard mask & mustHave == mustHave, mask & mustNot == 0,
                  needs.allSatisfy({ mask & $0.0 == 0 || mask & $0.1 != 0 }),
                  groups.allSatisfy({ (mask & $0).nonzeroBitCount <= 1 }),
                  (0..<problem.budgets.count).allSatisfy({ sums[$0][mask] <= limits[$0] }),
                  (problem.budgets.count..<rows.count).allSatisfy({ sums[$0][mask] >= limits[$0] })
            else { continue }
            found.append(((0..<n).filter { mask & (1 << $0) != 0 }, sums[rows.count][mask],
                          problem.budgets.isEmpty ? 0 : sums[0][mask]))
            if found.count > 4 * keep + 64 { found = best(found, keep) }
        }
        return best(found, keep).map { ($0.members, Rational(Int128($0.benefit), 4)) }
    }

    private func best(_ found: [(members: [Int], benefit: Int, first: Int)], _ keep: Int) -> [(members: [Int], benefit: Int, first: Int)] {
        Array(found.sorted { a, b in
            if a.benefit != b.benefit { return a.benefit > b.benefit }
            if a.first != b.first { return a.first < b.first }
            if a.members.count != b.members.count { return a.members.count < b.members.count }
            return a.members.lexicographicallyPrecedes(b.members)
        }.prefix(keep))
    }

    func testOptimumAndRunnersUpMatchBruteForceOnRandomProblems() throws {
        var rng = Xoshiro256StarStar(seed: 2007)
        var infeasible = 0, feasible = 0
        for case_ in 0..<300 {
            let size = 1 + Int(rng.nextInteger(below: 16))
            let problem = randomProblem(&rng, size: size)
            let solution = try ProgrammeOptimiser.solve(problem, runnersUp: 3)
            let expected = bruteForce(problem, keep: 4)
            let ids = problem.proposals.map(\.id)
            XCTAssertEqual(solution.choices.map(\.proposalIDs), expected.prefix(4).map { $0.members.map { ids[$0] } }, "case \(case_)")
            XCTAssertEqual(solution.choices.map(\.benefit), expected.prefix(4).map(\.benefit), "case \(case_)")
            if expected.isEmpty {
                infeasible += 1
                XCTAssertFalse(solution.infeasibility.isEmpty, "case \(case_): an infeasible problem needs a reason")
            } else {
                feasible += 1
                XCTAssertTrue(solution.infeasibility.isEmpty)
                for use in solution.best!.constraints { XCTAssertFalse(use.slack.isNegative, "case \(case_)") }
            }
        }
        XCTAssertGreaterThan(infeasible, 10, "the generator should make some problems infeasible")
        XCTAssertGreaterThan(feasible, 150)
    }

    func testTheMostATargetCanReachMatchesBruteForce() throws {
        var rng = Xoshiro256StarStar(seed: 4_6)
        var checked = 0
        for case_ in 0..<200 {
            var problem = randomProblem(&rng, size: 2 + Int(rng.nextInteger(below: 10)))
            problem.committed = []
            problem.ruledOut = []
            problem.targets = [ProgrammeTarget(measure: "places", atLeast: Rational(Int(rng.nextInteger(below: 120))))]
            let solution = try ProgrammeOptimiser.solve(problem, runnersUp: 0)
            guard solution.best == nil else { continue }
            // The most places any set keeping the budgets and rules reaches, by brute force:
            // the best set when benefit is places and the target is dropped.
            var relaxed = problem
            relaxed.targets = []
            relaxed = relaxed.withBenefits(problem.proposals.map { proposal in
                if case .exact(let places)? = proposal.amounts["places"]?[nil] { return places }
                return .zero
            })
            let most = try XCTUnwrap(bruteForce(relaxed, keep: 1).first).benefit
            let expected = "; the most is \(most.decimalText()) places, \((problem.targets[0].atLeast - most).decimalText()) places short"
            XCTAssertEqual(solution.infeasibility.count, 1, "case \(case_)")
            XCTAssertTrue(solution.infeasibility[0].hasPrefix("no set reaches \(problem.targets[0].atLeast.decimalText()) places"), solution.infeasibility[0])
            XCTAssertTrue(solution.infeasibility[0].hasSuffix(expected), "case \(case_): \(solution.infeasibility[0]) should end \(expected)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 40)
    }

    func testTwentyProposalsWithRulesMatchBruteForce() throws {
        var rng = Xoshiro256StarStar(seed: 15)
        for case_ in 0..<3 {
            var problem = randomProblem(&rng, size: 20)
            problem.budgets = [ProgrammeBudget(measure: "capital", limit: Rational(600))]
            problem.dependencies += [ProgrammeDependency(option: "p3", needs: "p4"), ProgrammeDependency(option: "p5", needs: "p3")]
            problem.exclusions += [["p1", "p2", "p6"]]
            let solution = try ProgrammeOptimiser.solve(problem, runnersUp: 2)
            let expected = bruteForce(problem, keep: 3)
            XCTAssertEqual(solution.choices.map(\.benefit), expected.prefix(3).map(\.benefit), "case \(case_)")
            XCTAssertEqual(solution.choices.map(\.proposalIDs), expected.prefix(3).map { $0.members.map { "p\($0)" } })
        }
    }
}

/// Every way a programme can be impossible, each with the sentence that says which constraint
/// binds and by how much.
final class ProgrammeInfeasibilityTests: XCTestCase {
    private let measures = [ProgrammeMeasure(id: "capital", name: "Capital cost", unit: "GBP"),
                            ProgrammeMeasure(id: "places", name: "Places", unit: "places"),
                            ProgrammeMeasure(id: "jobs", name: "Jobs", unit: "jobs")]

    private func problem() -> ProgrammeProblem {
        func proposal(_ id: String, _ cost: Int, _ places: Int, _ jobs: Int) -> ProgrammeProposal {
            ProgrammeProposal(id: id, name: id.uppercased(), benefit: Rational(places), amounts: [
                "capital": [nil: .exact(Rational(cost))], "places": [nil: .exact(Rational(places))], "jobs": [nil: .exact(Rational(jobs))]])
        }
        return ProgrammeProblem(proposals: [proposal("a", 400_000, 50, 1), proposal("b", 300_000, 30, 9), proposal("c", 200_000, 24, 2)],
                                measures: measures, budgets: [ProgrammeBudget(measure: "capital", limit: Rational(740_000))])
    }

    private func reasons(_ problem: ProgrammeProblem) throws -> [String] {
        let solution = try ProgrammeOptimiser.solve(problem)
        XCTAssertNil(solution.best)
        return solution.infeasibility
    }

    func testATargetOutOfReachNamesTheMostThatCanBeDone() throws {
        var p = problem()
        p.targets = [ProgrammeTarget(measure: "places", atLeast: Rational(125))]
        // A + B cost £700,000 for 80 places; A + C £600,000 for 74; all three £900,000.
        XCTAssertEqual(try reasons(p), ["no set reaches 125 places within £740,000 of capital cost; the most is 80 places, 45 places short"])
        p.budgets = []
        p.targets = [ProgrammeTarget(measure: "places", atLeast: Rational(125))]
        XCTAssertEqual(try reasons(p), ["no set reaches 125 places; the most is 104 places, 21 places short"])
    }

    func testTwoTargetsReachableAloneButNotTogether() throws {
        var p = problem()
        // 80 places needs A + B (10 jobs); 11 jobs needs B + C (54 places).
        p.targets = [ProgrammeTarget(measure: "places", atLeast: Rational(80)), ProgrammeTarget(measure: "jobs", atLeast: Rational(11))]
        XCTAssertEqual(try reasons(p), ["each target can be met alone, but no set reaches 80 places and 11 jobs together within £740,000 of capital cost"])
    }

    func testCommitmentsThatBreakTheRules() throws {
        var p = problem()
        p.committed = ["a", "b"]
        p.budgets = [ProgrammeBudget(measure: "capital", limit: Rational(650_000))]
        XCTAssertEqual(try reasons(p), ["the committed proposals (A and B) alone spend £700,000, more than £650,000 of capital cost by £50,000"])

        p = problem()
        p.committed = ["a", "c"]
        p.exclusions = [["a", "b", "c"]]
        XCTAssertEqual(try reasons(p), ["at most one of A, B or C may be chosen, but A and C are committed or needed by a committed proposal"])

        p = problem()
        p.committed = ["a"]
        p.dependencies = [ProgrammeDependency(option: "a", needs: "b")]
        p.ruledOut = ["b"]
        XCTAssertEqual(try reasons(p), ["B is ruled out, but a committed proposal needs it"])
    }

    func testYearBudgetsAndUnknownCosts() throws {
        var p = problem()
        p.proposals[2] = ProgrammeProposal(id: "c", name: "C", benefit: Rational(24), amounts: [
            "capital": [0: .exact(Rational(150_000)), 1: .unknown("TBC")], "places": [nil: .exact(Rational(24))]])
        p.budgets = [ProgrammeBudget(measure: "capital", limit: Rational(200_000), year: 0)]
        // Year 0 only: A and B have no year-0 figure under a year key, so they spend nothing there.
        XCTAssertEqual(try ProgrammeOptimiser.solve(p).best?.proposalIDs, ["a", "b", "c"])
        p.budgets = [ProgrammeBudget(measure: "capital", limit: Rational(740_000))]
        let cautious = try ProgrammeOptimiser.solve(p)
        XCTAssertEqual(cautious.uncosted, ["c"])
        XCTAssertEqual(cautious.best?.proposalIDs, ["a", "b"])
        let hopeful = try ProgrammeOptimiser.solve(p, reading: .hopeful)
        // C counted at £150,000 known + nothing for the unknown year: A + B + C = £850,000 does not fit.
        XCTAssertEqual(hopeful.best?.proposalIDs, ["a", "b"])
        XCTAssertEqual(hopeful.uncosted, [])
    }
}
