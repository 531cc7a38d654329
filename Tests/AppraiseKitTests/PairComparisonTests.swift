import AppraiseKit
import XCTest

/// "Why does A beat B": the per-criterion differences must account for the whole difference
/// of the totals the ranking computes, exactly, under any weights and scale.
final class PairComparisonTests: XCTestCase {
    private func randomMatrix(_ random: inout SplitMix64) -> (DecisionMatrix, Weights) {
        let options = 2 + Int(random.next() % 6), criteria = 1 + Int(random.next() % 7)
        // Scales from 0–1 to 0–10 in halves or whole steps, and some negative minimums.
        let bottom = random.next() % 4 == 0 ? Rational(-2) : .zero
        let top = Rational(Int(1 + random.next() % 10))
        let halves = random.next() % 2 == 0
        let steps = Int((top - bottom).doubleValue * (halves ? 2 : 1))
        let scale = ScoreScale(minimum: bottom, maximum: top, step: halves ? Rational(1, 2) : .one)
        let scores = (0..<options).map { _ in
            (0..<criteria).map { _ in bottom + Rational(Int128(random.next() % UInt64(steps + 1)), halves ? 2 : 1) }
        }
        var entered = (0..<criteria).map { _ in Rational(Int128(random.next() % 7), Int128(1 + random.next() % 3)) }
        if entered.allSatisfy(\.isZero) { entered[0] = .one }
        let matrix = DecisionMatrix(optionIDs: (0..<options).map { "o\($0)" }, criterionIDs: (0..<criteria).map { "c\($0)" },
                                    scores: scores, scale: scale)
        return (matrix, Weights(entered)!)
    }

    func testDifferencesAddUpToTheDifferenceOfTheRankingsTotals() {
        var random = SplitMix64(seed: 0xc0_4ba7e)
        for trial in 0..<300 {
            let (matrix, weights) = randomMatrix(&random)
            let ranking = Ranking(matrix: matrix, weights: weights)
            let a = matrix.optionIDs[Int(random.next() % UInt64(matrix.optionIDs.count))]
            let b = matrix.optionIDs[Int(random.next() % UInt64(matrix.optionIDs.count))]
            let comparison = PairComparison(matrix: matrix, weights: weights, first: a, second: b)!
            XCTAssertEqual(comparison.firstTotal, ranking.entry(for: a)!.total, "trial \(trial)")
            XCTAssertEqual(comparison.secondTotal, ranking.entry(for: b)!.total, "trial \(trial)")
            XCTAssertEqual(comparison.rows.map(\.difference).sum(), comparison.difference, "trial \(trial)")
            XCTAssertEqual(Set(comparison.rows.map(\.criterion)), Set(matrix.criterionIDs))
            XCTAssertEqual(comparison.rows.map(\.share).sum(), .one)
            for (earlier, later) in zip(comparison.rows, comparison.rows.dropFirst()) {
                XCTAssertFalse(earlier.difference < later.difference, "trial \(trial): largest advantage first")
            }
            // Swapped, every difference changes sign.
            let swapped = PairComparison(matrix: matrix, weights: weights, first: b, second: a)!
            XCTAssertEqual(Set(swapped.rows.map { "\($0.criterion) \(-$0.difference)" }), Set(comparison.rows.map { "\($0.criterion) \($0.difference)" }))
            XCTAssertEqual(comparison.gains.count + comparison.losses.count + comparison.rows.filter(\.difference.isZero).count, comparison.rows.count)
        }
    }

    func testEqualDifferencesKeepTheCriteriaOrderAndUnknownOptionsGiveNil() {
        let matrix = DecisionMatrix(optionIDs: ["a", "b"], criterionIDs: ["x", "y", "z"], scores: [[3, 1, 3], [1, 1, 1]].map { $0.map { Rational($0) } },
                                    scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one))
        let comparison = PairComparison(matrix: matrix, weights: .equal(count: 3), first: "a", second: "b")!
        XCTAssertEqual(comparison.rows.map(\.criterion), ["x", "z", "y"])
        XCTAssertEqual(comparison.rows.map(\.difference), [Rational(2), Rational(2), .zero])
        XCTAssertEqual(comparison.maximum, Rational(15))
        XCTAssertNil(PairComparison(matrix: matrix, weights: .equal(count: 3), first: "a", second: "nope"))
    }
}
