// Programme benchmarks (`appraise-benchmark --programme`): the exact optimum for 60 proposals
// under three constraints, the budget frontier for 200 proposals, and robustness with 10,000
// weightings on 12 proposals.

import AppraiseKit
import Foundation

/// `count` proposals scored 0–5 on four criteria, each with a capital cost (£20,000–£500,000
/// in pounds), a revenue cost and places created, drawn from `seed`. Benefit and cost are
/// loosely related (bigger schemes tend to do more), which is what makes knapsacks hard.
func generatedProgramme(count: Int, seed: UInt64) -> (ProgrammeProblem, DecisionMatrix) {
    var rng = Xoshiro256StarStar(seed: seed)
    func draw(_ bound: Int) -> Int { Int(rng.nextInteger(below: UInt64(bound))) }
    var proposals: [ProgrammeProposal] = []
    var scores: [[Rational]] = []
    for i in 0..<count {
        let size = 1 + draw(5)
        let row = (0..<4).map { _ in Rational(min(5, max(0, size - 1 + draw(3)))) }
        let capital = Rational(20_000 + size * 60_000 + draw(200) * 1_000)
        proposals.append(ProgrammeProposal(id: "p\(i + 1)", name: "Proposal \(i + 1)", benefit: row.sum(), amounts: [
            "capital": [0: .exact(capital)],
            "revenue": [nil: .exact(Rational(5_000 + draw(60) * 1_000))],
            "places": [nil: .exact(Rational(size * 3 + draw(8)))],
        ]))
        scores.append(row)
    }
    let measures = [ProgrammeMeasure(id: "capital", name: "Capital cost", unit: "GBP"),
                    ProgrammeMeasure(id: "revenue", name: "Revenue cost", unit: "GBP"),
                    ProgrammeMeasure(id: "places", name: "Places", unit: "places")]
    let matrix = DecisionMatrix(optionIDs: proposals.map(\.id), criterionIDs: ["c1", "c2", "c3", "c4"], scores: scores,
                                scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one))
    return (ProgrammeProblem(proposals: proposals, measures: measures), matrix)
}

func total(_ problem: ProgrammeProblem, _ measure: String) -> Rational {
    problem.proposals.map { proposal in
        (proposal.amounts[measure] ?? [:]).values.map { if case .exact(let v) = $0 { return v } else { return .zero } }.sum()
    }.sum()
}

func runProgrammeBenchmarks() throws {
    line("cores", String(ProcessInfo.processInfo.activeProcessorCount))

    var (sixty, _) = generatedProgramme(count: 60, seed: 60)
    sixty.budgets = [ProgrammeBudget(measure: "capital", limit: total(sixty, "capital") * Rational(2, 5)),
                     ProgrammeBudget(measure: "revenue", limit: total(sixty, "revenue") * Rational(1, 2))]
    sixty.targets = [ProgrammeTarget(measure: "places", atLeast: total(sixty, "places") * Rational(3, 10))]
    var solution: ProgrammeSolution?
    let optimum = try seconds { solution = try ProgrammeOptimiser.solve(sixty, runnersUp: 3) }
    line("programme optimum 60 proposals, 3 constraints, seconds", fixedDecimal(optimum, places: 3))
    line("programme optimum 60 chosen", "\(solution?.best?.proposalIDs.count ?? 0) proposals, benefit \(solution?.best?.benefit.decimalText() ?? "none")")

    // The hard case for knapsacks: benefit tracks cost closely (benefit = cost in £1,000 + 10,
    // Pisinger's "strongly correlated" instances), so bounds separate branches late.
    var correlated = sixty
    correlated.proposals = sixty.proposals.map { proposal in
        let cost = (proposal.amounts["capital"]?[0]).flatMap { if case .exact(let v) = $0 { return v } else { return nil } } ?? .zero
        return ProgrammeProposal(id: proposal.id, name: proposal.name, benefit: cost / Rational(1000) + Rational(10), amounts: proposal.amounts)
    }
    let hard = try seconds { solution = try ProgrammeOptimiser.solve(correlated, runnersUp: 3) }
    line("programme optimum 60 strongly correlated, 3 constraints, seconds", fixedDecimal(hard, places: 3))
    let hardAlone = try seconds { _ = try ProgrammeOptimiser.solve(correlated, runnersUp: 0) }
    line("programme optimum 60 strongly correlated, no runners-up, seconds", fixedDecimal(hardAlone, places: 3))
    line("programme optimum 60 strongly correlated chosen", "\(solution?.best?.proposalIDs.count ?? 0) proposals, benefit \(solution?.best?.benefit.decimalText() ?? "none")")

    var (twoHundred, _) = generatedProgramme(count: 200, seed: 200)
    twoHundred.budgets = [ProgrammeBudget(measure: "capital", limit: total(twoHundred, "capital") / Rational(2))]
    var frontier: BudgetFrontier?
    let frontierTime = try seconds { frontier = try BudgetFrontier.compute(twoHundred) }
    line("programme frontier 200 proposals seconds", fixedDecimal(frontierTime, places: 3))
    line("programme frontier 200 steps", "\(frontier?.steps.count ?? 0), greedy short at \(frontier?.greedyGaps.count ?? 0)")

    var (twelve, matrix) = generatedProgramme(count: 12, seed: 12)
    twelve.budgets = [ProgrammeBudget(measure: "capital", limit: total(twelve, "capital") / Rational(2))]
    var robustness: ProgrammeRobustness?
    let robustTime = try seconds {
        robustness = try ProgrammeRobustness.analyse(twelve, matrix: matrix, importance: ["c1", "c2", "c3", "c4"], samples: 10_000, seed: 1)
    }
    line("programme robustness 12 proposals, 10,000 weightings x 2 models, seconds", fixedDecimal(robustTime, places: 3))
    line("programme robustness 12 non-dominated programmes", "\(robustness?.portfolios?.first?.nonDominated.count ?? 0)")
    line("peak memory MiB", fixedDecimal(peakMemory(), places: 1))
}
