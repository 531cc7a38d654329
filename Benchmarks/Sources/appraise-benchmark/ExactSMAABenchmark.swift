import AppraiseKit
import Foundation

/// Exact SMAA timings (issue 21): the reference, random 8 × 8 appraisals with whole scores 0–5
/// (the worst and the median of `randomFiles`), generated 10 × 8 and 12 × 10, and a 6 × 6
/// with six-decimal scores; first places alone and, where the report's estimate lets it, every
/// rank. Writes `exact-smaa-cases.csv` (matrices and appraise's first-place shares) for
/// `exact_smaa_oracle.py`, the independent check.
func runExactSMAABenchmarks(outputDirectory: String, randomFiles: Int) throws {
    var cases = ""
    func record(_ label: String, _ matrix: DecisionMatrix, _ result: ExactSMAA.Result) {
        cases += "case,\(label),\(matrix.optionCount),\(matrix.criterionCount)\n"
        for row in matrix.scores { cases += row.map { $0.decimalText(maximumPlaces: 6) }.joined(separator: ",") + "\n" }
        cases += "exact," + result.firstRank.map { $0.formatted(places: 15) }.joined(separator: ",") + "\n"
    }
    /// Times first places, then every rank when the report's estimate admits it.
    func measure(_ label: String, _ matrix: DecisionMatrix, oracle: Bool = true) throws -> (first: Double, every: Double?) {
        let weights = Weights.equal(count: matrix.criterionCount)
        var result: ExactSMAA.Result?
        let first = try seconds { result = try ExactSMAA.run(matrix: matrix, weights: weights, region: .uniform, allRanks: false) }
        if oracle, let result { record(label, matrix, result) }
        let estimate = try ExactSMAA.estimate(matrix: matrix, weights: weights, region: .uniform, allRanks: true)
        guard estimate.fits(ExactSMAA.reportBudget) else { return (first, nil) }
        let every = try seconds { _ = try ExactSMAA.run(matrix: matrix, weights: weights, region: .uniform, allRanks: true) }
        return (first, every)
    }
    func report(_ label: String, _ times: (first: Double, every: Double?)) {
        line("exact smaa \(label) first places seconds", fixedDecimal(times.first, places: 3))
        line("exact smaa \(label) every rank seconds", times.every.map { fixedDecimal($0, places: 3) } ?? "sampled in report (over the estimate)")
    }

    report("8x8 reference", try measure("reference-8x8", matrix(referenceScores, maximum: 5)))

    var random = Xoshiro256StarStar(seed: 21)
    var runs: [(first: Double, every: Double?, scores: [[Int]])] = []
    for _ in 0..<randomFiles {
        let scores = (0..<8).map { _ in (0..<8).map { _ in Int(random.nextInteger(below: 6)) } }
        let times = try measure("random", matrix(scores, maximum: 5), oracle: false)
        runs.append((times.first, times.every, scores))
    }
    if !runs.isEmpty {
        let byFirst = runs.sorted { $0.first < $1.first }
        let byEvery = runs.sorted { ($0.every ?? .infinity) < ($1.every ?? .infinity) }
        line("exact smaa 8x8 random files", String(runs.count))
        line("exact smaa 8x8 random first places median seconds", fixedDecimal(byFirst[runs.count / 2].first, places: 3))
        line("exact smaa 8x8 random first places worst seconds", fixedDecimal(byFirst.last!.first, places: 3))
        line("exact smaa 8x8 random every rank median seconds", byEvery[runs.count / 2].every.map { fixedDecimal($0, places: 3) } ?? "over the estimate")
        line("exact smaa 8x8 random every rank worst seconds", byEvery.last!.every.map { fixedDecimal($0, places: 3) } ?? "over the estimate")
        line("exact smaa 8x8 random files over the report's estimate", String(runs.filter { $0.every == nil }.count))
        // The slowest file against the oracle too.
        _ = try measure("worst-random-8x8", matrix(byFirst.last!.scores, maximum: 5))
    }

    var everyday = Xoshiro256StarStar(seed: 2026)
    func spread(_ m: Int, _ n: Int) -> [[Int]] {
        (0..<m).map { _ -> [Int] in
            let quality = Int(everyday.nextInteger(below: 3))
            return (0..<n).map { _ in min(5, quality + Int(everyday.nextInteger(below: 4))) }
        }
    }
    report("10x8 generated", try measure("generated-10x8", matrix(spread(10, 8), maximum: 5)))
    report("12x10 generated", try measure("generated-12x10", matrix(spread(12, 10), maximum: 5)))

    // Six-decimal scores: the same shape as the 6 × 6 reproduction file.
    var decimals = Xoshiro256StarStar(seed: 6)
    let sixDecimal = DecisionMatrix(
        optionIDs: (1...6).map { "option-\($0)" }, criterionIDs: (1...6).map { "criterion-\($0)" },
        scores: (0..<6).map { _ in (0..<6).map { _ in Rational(Int128(decimals.nextInteger(below: 5_000_001)), 1_000_000) } },
        scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: Rational(1, 1_000_000)))
    report("6x6 six decimals", try measure("six-decimals-6x6", sixDecimal))

    let path = outputDirectory + "/exact-smaa-cases.csv"
    try cases.write(toFile: path, atomically: true, encoding: .utf8)
    line("exact smaa oracle cases", path + " (check with: python3 Benchmarks/exact_smaa_oracle.py " + path + ")")
}
