import AppraiseKit
import Foundation

/// The generated 1,000 × 50 appraisal with money: each option a capital cost (£50,000 to
/// £1,000,000, with 24% optimism bias), a revenue cost in years 1–10 and a saving in years
/// 2–10, all drawn from seed 12, so whole-life costs are exact fractions over 1.035^10.
func costedAppraisal(_ matrix: DecisionMatrix, _ weights: Weights) -> Appraisal {
    var rng = Xoshiro256StarStar(seed: 12)
    let criteria = matrix.criterionIDs.enumerated().map { Criterion(id: $1, name: $1, weight: weights.entered[$0]) }
    let options = matrix.optionIDs.map { Option(id: $0, name: $0) }
    var scores: [Score] = []
    for (row, option) in matrix.optionIDs.enumerated() {
        for (column, criterion) in matrix.criterionIDs.enumerated() {
            scores.append(Score(option: option, criterion: criterion, value: matrix.scores[row][column]))
        }
    }
    let measures = [
        Measure(id: "capital", name: "Capital", unit: "GBP", kind: .cost, optimismBias: OptimismBias(percent: Rational(24), source: "benchmark")),
        Measure(id: "revenue", name: "Revenue", unit: "GBP", kind: .cost),
        Measure(id: "saving", name: "Saving", unit: "GBP", kind: .saving),
    ]
    var amounts: [Amount] = []
    for option in matrix.optionIDs {
        amounts.append(Amount(option: option, measure: "capital", year: .offset(0), value: .exact(Rational(50_000 + Int(rng.nextInteger(below: 950_001))))))
        let revenue = Rational(Int(rng.nextInteger(below: 200_000)))
        let saving = Rational(Int(rng.nextInteger(below: 250_000)))
        for year in 1...10 { amounts.append(Amount(option: option, measure: "revenue", year: .offset(year), value: .exact(revenue))) }
        for year in 2...10 { amounts.append(Amount(option: option, measure: "saving", year: .offset(year), value: .exact(saving))) }
    }
    return Appraisal(id: "generated", title: "generated", body: "benchmark", date: "2024", scale: matrix.scale, criteria: criteria,
                     options: options, scores: scores, measures: measures, amounts: amounts)
}

/// Times whole-life costing alone, then `vfm`'s whole analysis (whole-life costs, totals,
/// frontier, switching values for every option and every criterion, statements), best of five
/// runs. The decision matrix is built once, as `vfm` has it from loading the file.
func benchmarkValueForMoney(_ matrix: DecisionMatrix, _ weights: Weights) {
    let appraisal = costedAppraisal(matrix, weights)
    let selection = WeightSelection(id: "generated", name: "generated weights", weights: weights)
    var best = (costing: Double.infinity, vfm: Double.infinity, cpu: Double.infinity)
    var result: ValueForMoney?
    for _ in 0..<5 {
        best.costing = min(best.costing, seconds { _ = WholeLifeCosting(appraisal) })
        let cpu = processorSeconds()
        best.vfm = min(best.vfm, seconds {
            result = ValueForMoney(appraisal: appraisal, weights: selection, matrix: matrix)
            _ = ValueForMoneyStatements.sentences(result!, names: DisplayNames(appraisal))
        })
        best.cpu = min(best.cpu, processorSeconds() - cpu)
    }
    line("vfm 1000x50 whole-life costs seconds", fixedDecimal(best.costing, places: 4))
    line("vfm 1000x50 full analysis seconds", fixedDecimal(best.vfm, places: 4))
    line("vfm 1000x50 full analysis CPU seconds", fixedDecimal(best.cpu, places: 4))
    if let result {
        line("vfm 1000x50 options on the frontier", "\(result.frontier.count) of 1000")
        line("vfm 1000x50 weight switching values found", "\(result.switching.weights.filter { $0.up != nil || $0.down != nil }.count) of 50")
    }
}

/// CPU time of this process so far: steadier than the clock on a machine shared with others.
func processorSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
