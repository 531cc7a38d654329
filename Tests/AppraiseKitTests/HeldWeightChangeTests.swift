import XCTest
@testable import AppraiseKit

/// Triantaphyllou and Sánchez's minimum weight change (one weight changed, the others held),
/// against their worked example, the reference appraisal, and their Theorem 1 applied pair by
/// pair as a brute-force cross-check.
final class HeldWeightChangeTests: XCTestCase {
    private typealias F = SensitivityFixtures
    private func r(_ numerator: Int, _ denominator: Int = 1) -> Rational { SensitivityFixtures.r(numerator, denominator) }
    private func d(_ text: String) -> Rational { Rational(decimal: text)! }

    // MARK: - Published example

    /// Triantaphyllou, E. and Sánchez, A. (1997), "A sensitivity analysis approach for some
    /// deterministic multi-criteria decision-making methods", Decision Sciences 28(1), 151–194:
    /// the numerical example for the weighted sum model (4 alternatives × 4 criteria, weights
    /// 0.3277, 0.3058, 0.2876, 0.0790; final preferences P1 = 0.3162, P2 = 0.2768, P3 = 0.2621,
    /// P4 = 0.1449, so A1 is best). Their Theorem 1 gives, for the top pair A1–A2, a decrease of
    /// W3 by (P1 − P2)/(a13 − a23) = 0.1866, 64.9% of W3 (the percent-top critical criterion,
    /// C3), and an increase of W4 by 0.0902 (114%: the absolute-top critical criterion, C4); C1
    /// cannot fall far enough to put A2 ahead (it would need 0.4259, more than W1), but a rise
    /// of 0.3794 (116%) puts A3 ahead. The printed weights add up to 1.0001, so the tool's
    /// normalised figures differ from the hand-worked ones in the fourth decimal.
    func testTriantaphyllouSanchezWeightedSumExample() {
        let scores = [
            ["0.3088", "0.2897", "0.3867", "0.1922"],
            ["0.2163", "0.3458", "0.1755", "0.6288"],
            ["0.4509", "0.2473", "0.1194", "0.0575"],
            ["0.0240", "0.1172", "0.3184", "0.1215"],
        ].map { $0.map(d) }
        let matrix = DecisionMatrix(optionIDs: ["A1", "A2", "A3", "A4"], criterionIDs: ["C1", "C2", "C3", "C4"], scores: scores,
                                    scale: ScoreScale(minimum: .zero, maximum: .one, step: d("0.0001")))
        let weights = Weights(["0.3277", "0.3058", "0.2876", "0.0790"].map(d))!
        let preferences = weightedMeans(matrix, weights.normalised)
        XCTAssertEqual(preferences[0].decimalText(maximumPlaces: 3), "0.316")
        XCTAssertEqual(preferences[1].decimalText(maximumPlaces: 3), "0.277")
        XCTAssertEqual(preferences[3].decimalText(maximumPlaces: 3), "0.145")

        let held = HeldWeightChanges(sweeps: WeightSweep.all(matrix: matrix, weights: weights), weights: weights)
        XCTAssertEqual(held.mostCriticalForFirst, ["C3"])
        XCTAssertEqual(held.mostCriticalForFirstAbsolute, ["C4"])
        let c1 = held.criteria[0].firstPlace!
        XCTAssertTrue(c1.isIncrease, "C1 cannot fall far enough to reverse A1 and A2")
        XCTAssertEqual(c1.after, ["A3"])
        XCTAssertEqual(c1.absolute.decimalText(maximumPlaces: 3), "0.379")
        XCTAssertEqual((c1.relative! * r(100)).decimalText(maximumPlaces: 0), "116")

        let c3 = held.criteria[2].firstPlace!
        XCTAssertFalse(c3.isIncrease)
        XCTAssertEqual(c3.tied, ["A1", "A2"])
        XCTAssertEqual(c3.after, ["A2"])
        // Exactly Theorem 1's δ: (P1 − P2) / (a13 − a23).
        XCTAssertEqual(c3.absolute, (preferences[0] - preferences[1]) / (scores[0][2] - scores[1][2]))
        XCTAssertEqual(c3.absolute.decimalText(maximumPlaces: 3), "0.187")
        XCTAssertEqual((c3.relative! * r(100)).decimalText(maximumPlaces: 1), "64.9")

        let c4 = held.criteria[3].firstPlace!
        XCTAssertTrue(c4.isIncrease)
        XCTAssertEqual(c4.absolute.decimalText(maximumPlaces: 3), "0.090")
        XCTAssertEqual(c4.after, ["A2"])
        let c2 = held.criteria[1].firstPlace!
        XCTAssertTrue(c2.isIncrease)
        XCTAssertEqual(c2.absolute.decimalText(maximumPlaces: 3), "0.702")
    }

    // MARK: - Reference appraisal

    func testReferenceChildFocusedFromOneToEight() {
        // Child Focused from 1 to 8 with the other seven at 1 gives it 8/15 of the weight, where
        // Peer Practice Partner and Community Interest Company are level: +7, 700% of its weight.
        let weights = Weights.equal(count: 8)
        let held = HeldWeightChanges(sweeps: WeightSweep.all(matrix: F.reference, weights: weights), weights: weights)
        let child = held.criteria[0].firstPlace!
        XCTAssertEqual(child.enteredFrom, r(1))
        XCTAssertEqual(child.enteredTo, r(8))
        XCTAssertEqual(child.absolute, r(7, 8))
        XCTAssertEqual(child.relative, r(7))
        XCTAssertEqual(child.share, r(8, 15))
        XCTAssertEqual(child.after, ["cic"])
        XCTAssertEqual(held.mostCriticalForFirst, ["child-focused", "workforce"])
        // Peer Practice Partner is also best on Partnerships, and only ties at 100% of
        // Commissioning: no feasible change of either weight alters first place.
        XCTAssertNil(held.criteria[1].firstPlace)
        XCTAssertNil(held.criteria[2].firstPlace)
        // Entered on another scale (every weight 12.5), the percentages are the same.
        let scaled = Weights(Array(repeating: d("12.5"), count: 8))!
        let again = HeldWeightChanges(sweeps: WeightSweep.all(matrix: F.reference, weights: scaled), weights: scaled)
        XCTAssertEqual(again.criteria[0].firstPlace?.enteredTo, r(100))
        XCTAssertEqual(again.criteria[0].firstPlace?.relative, r(7))
    }

    // MARK: - Brute force: Theorem 1 pair by pair

    func testAgreesWithTheoremOneOnEveryPair() {
        var rng = Xoshiro256StarStar(seed: 97)
        for _ in 0..<60 {
            let m = 2 + Int(rng.nextInteger(below: 5)), n = 2 + Int(rng.nextInteger(below: 4))
            let matrix = F.matrix((0..<m).map { _ in (0..<n).map { _ in Int(rng.nextInteger(below: 6)) } })
            let weights = F.weights((0..<n).map { _ in Int(rng.nextInteger(below: 5)) }.enumerated().map { $0.offset == 0 ? $0.element + 1 : $0.element })
            let w = weights.normalised
            let p = weightedMeans(matrix, w)
            let held = HeldWeightChanges(sweeps: WeightSweep.all(matrix: matrix, weights: weights), weights: weights)
            let top = p.max()!
            let leaders = p.indices.filter { p[$0] == top }
            for k in 0..<n {
                // Theorem 1: δ = (Pi − Pj)/(aik − ajk) for i ahead of j; the new weight w − δ must
                // stay above zero for a reversal (at zero the two are only level).
                func deltas(_ pairs: [(Int, Int)]) -> [Rational] {
                    pairs.compactMap { i, j in
                        let gap = matrix.scores[i][k] - matrix.scores[j][k]
                        guard !gap.isZero, p[i] > p[j] else { return nil }
                        let delta = (p[i] - p[j]) / gap
                        guard w[k] - delta > .zero else { return nil }
                        return delta.isNegative ? -delta : delta
                    }
                }
                let allPairs = (0..<m).flatMap { i in (0..<m).map { (i, $0) } }
                let check = held.criteria[k]
                if leaders.count == 1 {
                    let expected = deltas((0..<m).map { (leaders[0], $0) }).min()
                    XCTAssertEqual(check.firstPlace?.absolute, expected, "\(matrix.scores) \(w) criterion \(k)")
                }
                XCTAssertEqual(check.anyPair?.absolute, deltas(allPairs).min(), "\(matrix.scores) \(w) criterion \(k) any pair")
            }
        }
    }
}
