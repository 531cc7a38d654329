import XCTest

import AppraiseKit

/// Pins totals and ranking: standard competition ranks, ties that are exact because totals are
/// rational, margins, the points-out-of-maximum convention, and invariants checked on many
/// seeded random matrices.
final class RankingTests: XCTestCase {
    private let zeroToFive = ScoreScale(minimum: .zero, maximum: Rational(5), step: .one)

    private func matrix(_ rows: [[Int]], scale: ScoreScale? = nil) -> DecisionMatrix {
        DecisionMatrix(optionIDs: rows.indices.map { "o\($0)" },
                       criterionIDs: (rows.first ?? []).indices.map { "c\($0)" },
                       scores: rows.map { $0.map(Rational.init) },
                       scale: scale ?? zeroToFive)
    }

    private func weights(_ values: [Rational]) -> Weights {
        guard let weights = Weights(values) else { fatalError("test weights must be usable: \(values)") }
        return weights
    }

    private func decimal(_ text: String) -> Rational { Rational(decimal: text)! }

    // MARK: - Competition ranks

    func testStandardCompetitionRanking() {
        XCTAssertEqual(competitionRanks([9, 7, 7, 3]), [1, 2, 2, 4])
        // Order of the input does not matter: ranks follow values.
        XCTAssertEqual(competitionRanks([3, 7, 9, 7]), [4, 2, 1, 2])
        XCTAssertEqual(competitionRanks([5, 5, 5]), [1, 1, 1])
        XCTAssertEqual(competitionRanks([42]), [1])
        XCTAssertEqual(competitionRanks([Int]()), [])
        // 1, 1, 3, 3, 3, 6: each rank is one more than the number strictly ahead.
        XCTAssertEqual(competitionRanks([8, 8, 4, 4, 4, 1]), [1, 1, 3, 3, 3, 6])
        XCTAssertEqual(competitionRanks([Rational(1, 3), decimal("0.333333"), Rational(1, 3)]), [1, 3, 1])
    }

    func testRankingOneTwoEqualTwoEqualFour() {
        // Totals (equal weights, 2 criteria): 9, 7, 7, 3 → ranks 1, 2=, 2=, 4.
        let ranking = Ranking(matrix: matrix([[5, 4], [3, 4], [4, 3], [1, 2]]), weights: .equal(count: 2))
        XCTAssertEqual(ranking.entries.map(\.option), ["o0", "o1", "o2", "o3"])
        XCTAssertEqual(ranking.entries.map(\.rank), [1, 2, 2, 4])
        XCTAssertEqual(ranking.entries.map(\.total), [9, 7, 7, 3].map(Rational.init))
        XCTAssertEqual(ranking.entry(for: "o1")?.tiedWith, ["o2"])
        XCTAssertEqual(ranking.entry(for: "o2")?.tiedWith, ["o1"])
        XCTAssertEqual(ranking.entry(for: "o0")?.tiedWith, [])
        XCTAssertEqual(ranking.leaders, ["o0"])
        XCTAssertEqual(ranking.entries.map { Ranking.label(rank: $0.rank, tied: !$0.tiedWith.isEmpty) }, ["1", "2=", "2=", "4"])
        XCTAssertNil(ranking.entry(for: "nobody"))
    }

    func testEntriesAreInRankOrderAndTiesKeepTheAppraisalsOrder() {
        // Totals 3, 9, 7, 9 → o1 and o3 share first (o1 listed first), then o2, then o0.
        let ranking = Ranking(matrix: matrix([[1, 2], [5, 4], [3, 4], [4, 5]]), weights: .equal(count: 2))
        XCTAssertEqual(ranking.entries.map(\.option), ["o1", "o3", "o2", "o0"])
        XCTAssertEqual(ranking.entries.map(\.rank), [1, 1, 3, 4])
        XCTAssertEqual(ranking.leaders, ["o1", "o3"])
    }

    func testAllTied() {
        let ranking = Ranking(matrix: matrix([[2, 3], [3, 2], [4, 1]]), weights: .equal(count: 2))
        XCTAssertEqual(ranking.entries.map(\.rank), [1, 1, 1])
        XCTAssertEqual(ranking.entries.map(\.option), ["o0", "o1", "o2"])
        XCTAssertEqual(ranking.entry(for: "o1")?.tiedWith, ["o0", "o2"])
        XCTAssertEqual(ranking.leaders, ["o0", "o1", "o2"])
        XCTAssertEqual(ranking.entries.map(\.marginToNext), [.zero, .zero, nil])
    }

    /// Ties gathered once agree with a brute-force search of every pair, on random matrices
    /// with many ties (the shape of a large import of whole scores).
    func testTiesAgreeWithEveryPairCompared() {
        var generator = SplitMix(seed: 8)
        for _ in 0..<50 {
            let rows = (0..<Int.random(in: 1...40, using: &generator)).map { _ in (0..<3).map { _ in Int.random(in: 0...2, using: &generator) } }
            let ranking = Ranking(matrix: matrix(rows), weights: .equal(count: 3))
            for entry in ranking.entries {
                let expected = ranking.entries.filter { $0.option != entry.option && $0.total == entry.total }.map(\.option)
                XCTAssertEqual(entry.tiedWith, expected, "\(rows)")
            }
        }
    }

    func testSingleOption() {
        let ranking = Ranking(matrix: matrix([[3, 4, 5]]), weights: .equal(count: 3))
        XCTAssertEqual(ranking.entries.count, 1)
        XCTAssertEqual(ranking.entries[0].rank, 1)
        XCTAssertEqual(ranking.entries[0].tiedWith, [])
        XCTAssertNil(ranking.entries[0].marginToNext)
        XCTAssertEqual(ranking.entries[0].total, Rational(12))
        XCTAssertEqual(ranking.entries[0].maximum, Rational(15))
        // 12/15 = 80%
        XCTAssertEqual(ranking.entries[0].percent, Rational(80))
    }

    func testMarginToNext() {
        // Totals 9, 7, 7, 3: margins 9−7 = 2, 7−7 = 0 (tied), 7−3 = 4, none for the last.
        let ranking = Ranking(matrix: matrix([[5, 4], [3, 4], [4, 3], [1, 2]]), weights: .equal(count: 2))
        XCTAssertEqual(ranking.entries.map(\.marginToNext), [Rational(2), .zero, Rational(4), nil])
    }

    // MARK: - Exact ties

    /// Weights 0.1, 0.2, 0.3 (sum 0.6); A scores 1 on the first two criteria, B scores 1 on the
    /// third. Exactly: A = 3 × (0.1 + 0.2)/0.6 = 1.5 and B = 3 × 0.3/0.6 = 1.5, a tie.
    /// The same formula in Double gives A = 1.5 and B = 1.4999999999999996, which would rank
    /// A strictly ahead of B.
    func testTieThatOnlyExactArithmeticSees() {
        let entered = [decimal("0.1"), decimal("0.2"), decimal("0.3")]
        let ranking = Ranking(matrix: matrix([[1, 1, 0], [0, 0, 1]]), weights: weights(entered))

        // Precondition: floating point really does break this tie.
        let doubles = [0.1, 0.2, 0.3]
        let sum = doubles.reduce(0, +)
        let a = 3 * (doubles[0] / sum * 1 + doubles[1] / sum * 1 + doubles[2] / sum * 0)
        let b = 3 * (doubles[0] / sum * 0 + doubles[1] / sum * 0 + doubles[2] / sum * 1)
        XCTAssertNotEqual(a, b, "precondition: Double arithmetic separates A and B")

        XCTAssertEqual(ranking.entry(for: "o0")?.total, Rational(3, 2))
        XCTAssertEqual(ranking.entry(for: "o1")?.total, Rational(3, 2))
        XCTAssertEqual(ranking.entries.map(\.rank), [1, 1])
        XCTAssertEqual(ranking.entry(for: "o0")?.tiedWith, ["o1"])
        XCTAssertEqual(ranking.entries.first?.marginToNext, .zero)
    }

    /// Thirds: weights 1, 1, 1 normalise to 1/3 each, which no binary fraction represents.
    /// Scores (5, 0, 1) and (2, 2, 2) both total 6 of 15; a third option (3, 3, 0) also 6.
    func testTieWithRecurringWeightShares() {
        let entered = [Rational(7, 10), Rational(7, 10), Rational(7, 10)]
        let ranking = Ranking(matrix: matrix([[5, 0, 1], [2, 2, 2], [3, 3, 0]]), weights: weights(entered))
        XCTAssertEqual(ranking.entries.map(\.total), [6, 6, 6].map(Rational.init))
        XCTAssertEqual(ranking.entries.map(\.rank), [1, 1, 1])
    }

    // MARK: - Totals

    func testEqualWeightTotalsArePointsOutOfCriteriaTimesMaximum() {
        // 3 criteria on 0–5: maximum 15. Raw sums 4+3+5 = 12 and 0+1+2 = 3.
        let result = totals(of: matrix([[4, 3, 5], [0, 1, 2]]), weights: .equal(count: 3))
        XCTAssertEqual(result.map(\.option), ["o0", "o1"])
        XCTAssertEqual(result.map(\.total), [Rational(12), Rational(3)])
        XCTAssertEqual(result.map(\.maximum), [Rational(15), Rational(15)])
        // 12/15 = 80%, 3/15 = 20%
        XCTAssertEqual(result.map(\.percent), [Rational(80), Rational(20)])
        // With equal weights each contribution is the raw score.
        XCTAssertEqual(result[0].contributions, [4, 3, 5].map(Rational.init))
        // Entering equal weights as 20/20/20 or 0.5/0.5/0.5 is the same thing.
        XCTAssertEqual(totals(of: matrix([[4, 3, 5]]), weights: weights([20, 20, 20].map(Rational.init))).first?.total, Rational(12))
        XCTAssertEqual(totals(of: matrix([[4, 3, 5]]), weights: weights([decimal("0.5"), decimal("0.5"), decimal("0.5")])).first?.total, Rational(12))
    }

    func testWeightedTotals() {
        // Weights 3 : 1 → shares 3/4, 1/4. Two criteria, maximum 2 × 5 = 10.
        // Option (4, 2): contributions 2 × 3/4 × 4 = 6 and 2 × 1/4 × 2 = 1 → 7/10 = 70%.
        // Option (2, 5): 2 × 3/4 × 2 = 3 and 2 × 1/4 × 5 = 5/2 → 11/2 = 5.5/10 = 55%.
        let result = totals(of: matrix([[4, 2], [2, 5]]), weights: weights([Rational(3), Rational(1)]))
        XCTAssertEqual(result[0].contributions, [Rational(6), Rational(1)])
        XCTAssertEqual(result[0].total, Rational(7))
        XCTAssertEqual(result[0].percent, Rational(70))
        XCTAssertEqual(result[1].contributions, [Rational(3), Rational(5, 2)])
        XCTAssertEqual(result[1].total, Rational(11, 2))
        XCTAssertEqual(result[1].percent, Rational(55))
        XCTAssertEqual(result[1].maximum, Rational(10))
        // Unweighted, (2, 5) = 7 would beat (4, 2) = 6; the weights reverse the order.
        let unweighted = Ranking(matrix: matrix([[4, 2], [2, 5]]), weights: .equal(count: 2))
        XCTAssertEqual(unweighted.entries.map(\.option), ["o1", "o0"])
        let weighted = Ranking(matrix: matrix([[4, 2], [2, 5]]), weights: weights([Rational(3), Rational(1)]))
        XCTAssertEqual(weighted.entries.map(\.option), ["o0", "o1"])
        XCTAssertEqual(weighted.entries.first?.marginToNext, Rational(3, 2))
    }

    func testZeroWeightCriterionContributesNothing() {
        // Weights 1, 0 → shares 1, 0. Two criteria, maximum 10.
        // (1, 5): 2 × 1 × 1 = 2; (2, 0): 2 × 1 × 2 = 4.
        let result = totals(of: matrix([[1, 5], [2, 0]]), weights: weights([.one, .zero]))
        XCTAssertEqual(result.map(\.total), [Rational(2), Rational(4)])
        XCTAssertEqual(result[0].contributions, [Rational(2), .zero])
    }

    func testScaleWithNonZeroMinimumAndHalfSteps() {
        // Scale 1–3 in steps of 0.5: maximum per criterion 3, two criteria → 6.
        let scale = ScoreScale(minimum: .one, maximum: Rational(3), step: Rational(1, 2))
        let scores = [[Rational(5, 2), Rational(3, 2)], [Rational(2), Rational(2)]]
        let m = DecisionMatrix(optionIDs: ["a", "b"], criterionIDs: ["x", "y"], scores: scores, scale: scale)
        let ranking = Ranking(matrix: m, weights: .equal(count: 2))
        // 2.5 + 1.5 = 4 = 2 + 2: tied on 4/6 = 66.666…%
        XCTAssertEqual(ranking.entries.map(\.total), [Rational(4), Rational(4)])
        XCTAssertEqual(ranking.entries.map(\.maximum), [Rational(6), Rational(6)])
        XCTAssertEqual(ranking.entries.first?.percent, Rational(200, 3))
        XCTAssertEqual(ranking.entries.map(\.rank), [1, 1])
    }

    // MARK: - Weights

    func testWeightsNormaliseAndRejectUnusableInput() {
        let w = weights([Rational(1), Rational(3)])
        XCTAssertEqual(w.entered, [Rational(1), Rational(3)])
        XCTAssertEqual(w.normalised, [Rational(1, 4), Rational(3, 4)])
        XCTAssertEqual(w.normalised.sum(), .one)
        XCTAssertFalse(w.areEqual)
        XCTAssertTrue(weights([Rational(2), Rational(2)]).areEqual)
        XCTAssertTrue(Weights.equal(count: 4).areEqual)
        XCTAssertEqual(Weights.equal(count: 4).normalised, Array(repeating: Rational(1, 4), count: 4))
        XCTAssertNil(Weights([]))
        XCTAssertNil(Weights([.zero, .zero]))
        XCTAssertNil(Weights([Rational(2), Rational(-1)]))
        XCTAssertNotNil(Weights([.zero, Rational(1, 1_000_000)]))
    }

    // MARK: - Properties over many random matrices

    private struct Problem {
        let matrix: DecisionMatrix
        let weights: [Rational]
    }

    /// Small scales and few criteria, so that ties are frequent; some weights are zero.
    private func randomProblem(_ random: inout SplitMix64) -> Problem {
        let options = 1 + Int(random.next() % 7)
        let criteria = 1 + Int(random.next() % 5)
        let top = 1 + Int(random.next() % 4)
        let scale = ScoreScale(minimum: .zero, maximum: Rational(top), step: .one)
        let scores = (0..<options).map { _ in (0..<criteria).map { _ in Rational(Int(random.next() % UInt64(top + 1))) } }
        var weights = (0..<criteria).map { _ -> Rational in
            // Decimal weights such as 0.35, 1.7 or 0, as users type them.
            random.next() % 5 == 0 ? .zero : Rational(Int128(random.next() % 200), 100)
        }
        if weights.allSatisfy(\.isZero) { weights[Int(random.next() % UInt64(criteria))] = Rational(1, 10) }
        let m = DecisionMatrix(optionIDs: (0..<options).map { "option-\($0)" }, criterionIDs: (0..<criteria).map { "criterion-\($0)" },
                               scores: scores, scale: scale)
        return Problem(matrix: m, weights: weights)
    }

    private func ranks(_ ranking: Ranking) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ranking.entries.map { ($0.option, $0.rank) })
    }

    func testRankingInvariantUnderScalingAllWeights() {
        var random = SplitMix64(seed: 0x0a11_5ca1e)
        var tiesSeen = 0
        for trial in 0..<300 {
            let problem = randomProblem(&random)
            let factor = Rational(Int128(1 + random.next() % 50), Int128(1 + random.next() % 7))
            let base = Ranking(matrix: problem.matrix, weights: weights(problem.weights))
            let scaled = Ranking(matrix: problem.matrix, weights: weights(problem.weights.map { $0 * factor }))
            // Only ratios matter: every total, rank, tie and margin is identical.
            XCTAssertEqual(base, scaled, "trial \(trial), factor \(factor)")
            if base.entries.contains(where: { !$0.tiedWith.isEmpty }) { tiesSeen += 1 }
        }
        XCTAssertGreaterThan(tiesSeen, 30, "the generator should produce ties, so tie handling is exercised")
    }

    func testRankingInvariantUnderAddingAZeroWeightCriterion() {
        var random = SplitMix64(seed: 0xadd_0_c1)
        for trial in 0..<300 {
            let problem = randomProblem(&random)
            let m = problem.matrix
            let extraScores = m.scores.map { row in row + [Rational(Int(random.next() % 6))] }
            let widened = DecisionMatrix(optionIDs: m.optionIDs, criterionIDs: m.criterionIDs + ["ignored"],
                                         scores: extraScores, scale: m.scale)
            let base = Ranking(matrix: m, weights: weights(problem.weights))
            let more = Ranking(matrix: widened, weights: weights(problem.weights + [.zero]))
            XCTAssertEqual(more.entries.map(\.option), base.entries.map(\.option), "trial \(trial)")
            XCTAssertEqual(more.entries.map(\.rank), base.entries.map(\.rank), "trial \(trial)")
            XCTAssertEqual(more.entries.map(\.tiedWith), base.entries.map(\.tiedWith), "trial \(trial)")
            XCTAssertEqual(more.entries.map(\.percent), base.entries.map(\.percent), "trial \(trial)")
            // Points are out of (n+1) × max instead of n × max, so totals scale by (n+1)/n.
            let n = Rational(m.criterionCount)
            XCTAssertEqual(more.entries.map(\.total), base.entries.map { $0.total * (n + .one) / n }, "trial \(trial)")
        }
    }

    func testPermutingOptionsPermutesRanks() {
        var random = SplitMix64(seed: 0x9e7_0d3)
        for trial in 0..<300 {
            let problem = randomProblem(&random)
            let m = problem.matrix
            var order = Array(m.optionIDs.indices)
            order.shuffle(using: &random)
            let permuted = DecisionMatrix(optionIDs: order.map { m.optionIDs[$0] }, criterionIDs: m.criterionIDs,
                                          scores: order.map { m.scores[$0] }, scale: m.scale)
            let base = Ranking(matrix: m, weights: weights(problem.weights))
            let moved = Ranking(matrix: permuted, weights: weights(problem.weights))
            XCTAssertEqual(ranks(moved), ranks(base), "trial \(trial), order \(order)")
            for entry in base.entries {
                let other = moved.entry(for: entry.option)
                XCTAssertEqual(other?.total, entry.total, "trial \(trial)")
                XCTAssertEqual(Set(other?.tiedWith ?? []), Set(entry.tiedWith), "trial \(trial)")
            }
            // Tied options follow the order they are listed in.
            for rank in Set(moved.entries.map(\.rank)) {
                let group = moved.entries.filter { $0.rank == rank }.map(\.option)
                XCTAssertEqual(group, permuted.optionIDs.filter { group.contains($0) }, "trial \(trial)")
            }
        }
    }

    func testRanksAgreeWithCountingOptionsStrictlyAhead() {
        // The definition, checked directly: rank = 1 + number of options with a higher total.
        var random = SplitMix64(seed: 0xc0_11_7)
        for trial in 0..<300 {
            let problem = randomProblem(&random)
            let ranking = Ranking(matrix: problem.matrix, weights: weights(problem.weights))
            for entry in ranking.entries {
                let ahead = ranking.entries.filter { $0.total > entry.total }.count
                XCTAssertEqual(entry.rank, ahead + 1, "trial \(trial)")
                XCTAssertEqual(Set(entry.tiedWith), Set(ranking.entries.filter { $0.option != entry.option && $0.total == entry.total }.map(\.option)))
            }
            // Totals never go down the list, and margins are the differences.
            for (upper, lower) in zip(ranking.entries, ranking.entries.dropFirst()) {
                XCTAssertGreaterThanOrEqual(upper.total, lower.total, "trial \(trial)")
                XCTAssertEqual(upper.marginToNext, upper.total - lower.total, "trial \(trial)")
            }
            XCTAssertNil(ranking.entries.last?.marginToNext)
            // Totals never exceed the maximum nor fall below zero on a 0-based scale.
            for entry in ranking.entries {
                XCTAssertLessThanOrEqual(entry.total, entry.maximum)
                XCTAssertGreaterThanOrEqual(entry.total, .zero)
            }
        }
    }
}
