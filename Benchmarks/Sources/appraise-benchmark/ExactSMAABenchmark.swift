import AppraiseKit
import Foundation

/// Exact SMAA timings (issue 21): the reference, random 8 × 8 appraisals with whole scores 0–5
/// (the worst and the median of `randomFiles`), generated 10 × 8 and 12 × 10, and a 6 × 6
/// with six-decimal scores; first places alone and, where the report's estimate lets it, every
/// rank. Writes `exact-smaa-cases.csv` (matrices and appraise's first-place shares) for
/// `exact_smaa_oracle.py`, the independent check.
func runExactSMAABenchmarks(outputDirectory: String, randomFiles: Int) throws {
    struct Run {
        let first: Double
        /// Seconds of the every-rank attempt; 0 when the estimate ruled it out.
        let every: Double
        let exact: Bool
        let work: Int
    }
    var cases = ""
    func record(_ label: String, _ matrix: DecisionMatrix, _ result: ExactSMAA.Result) {
        cases += "case,\(label),\(matrix.optionCount),\(matrix.criterionCount)\n"
        for row in matrix.scores { cases += row.map { $0.decimalText(maximumPlaces: 6) }.joined(separator: ",") + "\n" }
        cases += "exact," + result.firstRank.map { $0.formatted(places: 15) }.joined(separator: ",") + "\n"
    }
    /// Times first places (unbounded, as `smaa --exact`), then every rank as `report` does it:
    /// only when the estimate fits the budget, and stopped at the budget (nil when not exact).
    func measure(_ label: String, _ matrix: DecisionMatrix, oracle: Bool = true) throws -> Run {
        let weights = Weights.equal(count: matrix.criterionCount)
        var result: ExactSMAA.Result?
        let first = try seconds { result = try ExactSMAA.run(matrix: matrix, weights: weights, region: .uniform, allRanks: false) }
        if oracle, let result { record(label, matrix, result) }
        let estimate = try ExactSMAA.estimate(matrix: matrix, weights: weights, region: .uniform, allRanks: true)
        guard estimate.fits(ExactSMAA.reportEstimateLimit) else { return Run(first: first, every: 0, exact: false, work: 0) }
        var everyResult: ExactSMAA.Result?
        let every = try seconds {
            do {
                everyResult = try ExactSMAA.run(matrix: matrix, weights: weights, region: .uniform, allRanks: true, budget: ExactSMAA.reportBudget)
            } catch is ExactSMAA.WorkLimitReached {}
        }
        return Run(first: first, every: every, exact: everyResult != nil, work: everyResult?.work ?? ExactSMAA.reportBudget)
    }
    func report(_ label: String, _ run: Run) {
        line("exact smaa \(label) first places seconds", fixedDecimal(run.first, places: 3))
        line("exact smaa \(label) every rank in report", run.every == 0 && !run.exact ? "sampled (estimate over the budget)"
            : run.exact ? "exact, \(fixedDecimal(run.every, places: 3)) s, \(run.work) word products"
            : "sampled after \(fixedDecimal(run.every, places: 3)) s (ran to the budget)")
    }

    report("8x8 reference", try measure("reference-8x8", matrix(referenceScores, maximum: 5)))

    var random = Xoshiro256StarStar(seed: 21)
    var runs: [(run: Run, scores: [[Int]])] = []
    for _ in 0..<randomFiles {
        let scores = (0..<8).map { _ in (0..<8).map { _ in Int(random.nextInteger(below: 6)) } }
        runs.append((try measure("random", matrix(scores, maximum: 5), oracle: false), scores))
    }
    if !runs.isEmpty {
        let firsts = runs.map(\.run.first).sorted(), everies = runs.map(\.run.every).sorted()
        let exact = runs.filter(\.run.exact)
        line("exact smaa 8x8 random files", String(runs.count))
        line("exact smaa 8x8 random first places median, worst seconds",
             "\(fixedDecimal(firsts[runs.count / 2], places: 3)), \(fixedDecimal(firsts.last!, places: 3))")
        line("exact smaa 8x8 random every rank in report median, worst seconds",
             "\(fixedDecimal(everies[runs.count / 2], places: 3)), \(fixedDecimal(everies.last!, places: 3))")
        line("exact smaa 8x8 random every rank exact in report", "\(exact.count) of \(runs.count)")
        let rates = exact.filter { $0.run.every > 0.05 }.map { Double($0.run.work) / $0.run.every }.sorted()
        if !rates.isEmpty { line("exact smaa 8x8 random word products per second, median", String(Int(rates[rates.count / 2]))) }
        // The file slowest for first places, against the oracle too.
        let slowest = runs.max { $0.run.first < $1.run.first }!
        _ = try measure("worst-random-8x8", matrix(slowest.scores, maximum: 5))
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
    let uniform = (0..<12).map { _ in (0..<10).map { _ in Int(random.nextInteger(below: 6)) } }
    report("12x10 uniform random", try measure("uniform-12x10", matrix(uniform, maximum: 5)))

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
