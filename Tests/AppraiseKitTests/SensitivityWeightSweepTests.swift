import XCTest
@testable import AppraiseKit

/// One-way weight sweeps: exact crossovers, checked against hand working and against
/// re-ranking the matrix directly just either side of every crossover.
final class SensitivityWeightSweepTests: XCTestCase {
    private typealias F = SensitivityFixtures
    private func r(_ numerator: Int, _ denominator: Int = 1) -> Rational { SensitivityFixtures.r(numerator, denominator) }

    // MARK: - Reference appraisal, worked by hand

    func testChildFocusedCrossoverOnTheReferenceIsEightFifteenths() {
        // Equal weights, 1/8 each. Setting Child Focused to t, the other seven share 1 − t
        // equally, so an option's weighted mean is t·a(child) + (1 − t)·(rest of its points)/7.
        // Peer Practice Partner: child 4, rest 33 − 4 = 29 → 29/7 + t(4 − 29/7) = 29/7 − t/7.
        // Community Interest Company: child 5, rest 26 − 5 = 21 → 3 + 2t.
        // Level when 29/7 − t/7 = 3 + 2t, i.e. 29 − t = 21 + 14t, t = 8/15.
        let sweep = WeightSweep(matrix: F.reference, weights: .equal(count: 8), criterion: 0)
        XCTAssertEqual(sweep.current, r(1, 8))
        XCTAssertEqual(sweep.intercepts[0], r(29, 7))
        XCTAssertEqual(sweep.slopes[0], r(-1, 7))
        XCTAssertEqual(sweep.intercepts[3], r(3))
        XCTAssertEqual(sweep.slopes[3], r(2))
        XCTAssertEqual(sweep.crossovers, [
            FirstPlaceCrossover(weight: r(8, 15), before: ["practice-partner"], after: ["cic"], tied: ["practice-partner", "cic"]),
        ])
        XCTAssertEqual(sweep.leadersNow, ["practice-partner"])
        XCTAssertEqual(sweep.firstPlace, WeightInterval(from: .zero, to: r(8, 15)))
        XCTAssertNil(sweep.changeBelow)
        XCTAssertEqual(sweep.changeAbove?.weight, r(8, 15))
    }

    func testWorkforceEndsWithCommunityInterestCompanyAndTrustLevel() {
        // Workforce: CIC 5 and Trust 5 both score the maximum, so with all of the weight on it
        // they are level at 5 (t = 1); below that CIC's rest (21/7 = 3) beats Trust's (20/7).
        let sweep = WeightSweep(matrix: F.reference, weights: .equal(count: 8), criterion: 5)
        // The level finish at t = 1 is an endpoint tie, not a change of hands.
        XCTAssertEqual(sweep.crossovers.map(\.weight), [r(8, 15)])
        XCTAssertEqual(sweep.endpointTies.map(\.weight), [.one])
        XCTAssertEqual(sweep.endpointTies[0].before, ["cic"])
        XCTAssertEqual(sweep.endpointTies[0].after, ["trust", "cic"])
        XCTAssertEqual(sweep.endpointTies[0].tied, ["trust", "cic"])
        XCTAssertNil(sweep.tieAtAll, "the tie at 100% is not Peer Practice Partner's")
        XCTAssertEqual(sweep.segments.map(\.leaders), [["practice-partner"], ["practice-partner", "cic"], ["cic"], ["trust", "cic"]])
    }

    func testPartnershipsNeverChangesFirstPlace() {
        // Peer Practice Partner scores 5 on Partnerships, everyone else at most 3, and it leads
        // on the other seven (28/7 = 4 against CIC's 24/7): first from t = 0 to t = 1.
        let sweep = WeightSweep(matrix: F.reference, weights: .equal(count: 8), criterion: 1)
        XCTAssertEqual(sweep.crossovers, [])
        XCTAssertEqual(sweep.firstPlace, .whole)
        XCTAssertEqual(sweep.segments, [FirstPlaceSegment(interval: .whole, leaders: ["practice-partner"])])
    }

    func testPairSweepOfTrustAndSharedService() {
        // Workforce: Trust 20/7 + 15t/7, Shared Service 23/7 − 2t/7: level at t = 3/17; Shared
        // Service (26) is ahead of Trust (25) now, at 1/8 < 3/17.
        let sweep = WeightSweep(matrix: F.reference, weights: .equal(count: 8), criterion: 5)
        let pair = sweep.pair(2, 7)
        XCTAssertEqual(pair.higher, "shared-service")
        XCTAssertEqual(pair.lower, "trust")
        XCTAssertFalse(pair.tiedNow)
        XCTAssertEqual(pair.holds, WeightInterval(from: .zero, to: r(3, 17)))
        XCTAssertEqual(pair.crossover, PairCrossover(weight: r(3, 17), before: "shared-service", after: "trust"))
    }

    func testOptionsTiedNowAreReportedAsATieAtTheCurrentWeight() {
        // CIC and Shared Service are level on 26. On Child Focused CIC (5) rises faster than
        // Shared Service (4): CIC 3 + 2t, Shared Service 22/7 + 6t/7, level at t = 1/8 = now.
        let sweep = WeightSweep(matrix: F.reference, weights: .equal(count: 8), criterion: 0)
        let pair = sweep.pair(3, 7)
        XCTAssertTrue(pair.tiedNow)
        XCTAssertEqual(pair.holds, WeightInterval(from: r(1, 8), to: r(1, 8)))
        XCTAssertEqual(pair.crossover, PairCrossover(weight: r(1, 8), before: "shared-service", after: "cic"))
    }

    // MARK: - Edges of the convention

    func testOthersRescaleInProportion() {
        let weights = F.weights([1, 2, 5]).normalised
        XCTAssertEqual(WeightSweep.weights(weights, settingCriterion: 0, to: r(1, 2)), [r(1, 2), r(1, 7), r(5, 14)])
        XCTAssertEqual(WeightSweep.weights(weights, settingCriterion: 2, to: .zero), [r(1, 3), r(2, 3), .zero])
    }

    func testCriterionWithAllTheWeightSharesTheRestEqually() {
        // Weights (1, 0, 0): the others are all zero, so below t = 1 they share 1 − t equally.
        // Option 0 (3, 0, 0) vs option 1 (2, 3, 3): 3t against 2t + 3(1 − t) = 3 − t, level at 3/4.
        let matrix = F.matrix([[3, 0, 0], [2, 3, 3]])
        XCTAssertEqual(WeightSweep.weights([.one, .zero, .zero], settingCriterion: 0, to: r(1, 4)), [r(1, 4), r(3, 8), r(3, 8)])
        let sweep = WeightSweep(matrix: matrix, weights: F.weights([1, 0, 0]), criterion: 0)
        XCTAssertEqual(sweep.current, .one)
        XCTAssertEqual(sweep.crossovers.map(\.weight), [r(3, 4)])
        XCTAssertEqual(sweep.firstPlace, WeightInterval(from: r(3, 4), to: .one))
        XCTAssertEqual(sweep.changeBelow?.before, ["o1"])
    }

    func testZeroWeightCriterionSweepsFromZero() {
        // Criterion 2 has no weight now; the others keep halves of 1 − t. o0 (4, 4, 0) gives
        // 4 − 4t and o1 (3, 3, 5) gives 3 + 2t: level at t = 1/6.
        let matrix = F.matrix([[4, 4, 0], [3, 3, 5]])
        let sweep = WeightSweep(matrix: matrix, weights: F.weights([1, 1, 0]), criterion: 2)
        XCTAssertEqual(sweep.current, .zero)
        XCTAssertEqual(sweep.firstPlace, WeightInterval(from: .zero, to: r(1, 6)))
        XCTAssertEqual(MinimumWeightChanges(sweeps: [sweep]).criteria[0].firstPlace?.relative, nil)
    }

    func testSingleCriterionIsConstant() {
        let sweep = WeightSweep(matrix: F.matrix([[1], [4]]), weights: F.weights([3]), criterion: 0)
        XCTAssertEqual(sweep.slopes, [.zero, .zero])
        XCTAssertEqual(sweep.crossovers, [])
        XCTAssertEqual(sweep.firstPlace, .whole)
    }

    func testLevelFirstPlaceNowIsASinglePoint() {
        // o0 (4, 2) and o1 (2, 4) are level under equal weights; more weight on criterion 0
        // favours o0, less favours o1.
        let sweep = WeightSweep(matrix: F.matrix([[4, 2], [2, 4], [1, 1]]), weights: .equal(count: 2), criterion: 0)
        XCTAssertEqual(sweep.leadersNow, ["o0", "o1"])
        XCTAssertEqual(sweep.firstPlace, WeightInterval(from: r(1, 2), to: r(1, 2)))
        XCTAssertEqual(sweep.crossovers, [FirstPlaceCrossover(weight: r(1, 2), before: ["o1"], after: ["o0"], tied: ["o0", "o1"])])
        XCTAssertEqual(MinimumWeightChanges(sweeps: [sweep]).criteria[0].firstPlace?.absolute, .zero)
    }

    func testIdenticalOptionsStayLevelThroughout() {
        let sweep = WeightSweep(matrix: F.matrix([[3, 1], [3, 1], [0, 0]]), weights: .equal(count: 2), criterion: 0)
        XCTAssertEqual(sweep.segments, [FirstPlaceSegment(interval: .whole, leaders: ["o0", "o1"])])
        XCTAssertTrue(sweep.pair(0, 1).alwaysTied)
    }

    // MARK: - Properties

    func testCrossoversAgreeWithDirectRankingEitherSide() {
        var rng = Xoshiro256StarStar(seed: 7)
        var matrices: [(DecisionMatrix, Weights)] = [(F.reference, .equal(count: 8))]
        for _ in 0..<25 {
            let m = 2 + Int(rng.nextInteger(below: 5)), n = 1 + Int(rng.nextInteger(below: 4))
            let scores = (0..<m).map { _ in (0..<n).map { _ in Int(rng.nextInteger(below: 4)) } }
            var entered = (0..<n).map { _ in Int(rng.nextInteger(below: 4)) }
            if entered.allSatisfy({ $0 == 0 }) { entered[0] = 1 }
            matrices.append((F.matrix(scores), F.weights(entered)))
        }
        let epsilon = r(1, 100_000)
        for (matrix, weights) in matrices {
            for sweep in WeightSweep.all(matrix: matrix, weights: weights) {
                func leaders(at t: Rational) -> [String] {
                    let w = WeightSweep.weights(weights.normalised, settingCriterion: sweep.criterionIndex, to: t)
                    return Ranking(matrix: matrix, weights: Weights(w)!).leaders
                }
                // Every segment's leaders are first inside it; the exact points carry the tie.
                for segment in sweep.segments {
                    let middle = (segment.interval.from + segment.interval.to) / r(2)
                    XCTAssertEqual(leaders(at: middle), segment.leaders, "\(sweep.criterion) at \(middle)")
                }
                for crossover in sweep.crossovers + sweep.endpointTies {
                    XCTAssertEqual(leaders(at: crossover.weight), crossover.tied)
                    if crossover.weight > .zero {
                        XCTAssertEqual(leaders(at: crossover.weight - epsilon), crossover.before)
                    }
                    if crossover.weight < .one {
                        XCTAssertEqual(leaders(at: crossover.weight + epsilon), crossover.after)
                    }
                }
                XCTAssertEqual(leaders(at: sweep.current), sweep.leadersNow)
                // Every pair: the order holds inside its interval and reverses beyond a crossover.
                for a in 0..<matrix.optionCount {
                    for b in (a + 1)..<max(a + 1, matrix.optionCount) {
                        let pair = sweep.pair(a, b)
                        guard let crossover = pair.crossover else { continue }
                        let at = { (t: Rational) in (sweep.value(option: a, at: t), sweep.value(option: b, at: t)) }
                        XCTAssertEqual(at(crossover.weight).0, at(crossover.weight).1)
                        if crossover.weight > .zero {
                            let (x, y) = at(crossover.weight - epsilon)
                            XCTAssertEqual(x > y ? matrix.optionIDs[a] : matrix.optionIDs[b], crossover.before)
                        }
                    }
                }
            }
        }
    }

    func testSweepsDoNotDependOnTheScaleOfTheWeights() {
        let matrix = F.reference
        let small = WeightSweep.all(matrix: matrix, weights: F.weights([1, 2, 3, 4, 5, 6, 7, 8]))
        let large = WeightSweep.all(matrix: matrix, weights: F.weights([7, 14, 21, 28, 35, 42, 49, 56]))
        XCTAssertEqual(small, large)
        XCTAssertEqual(RankedTotals(matrix: matrix, weights: F.weights([1, 2, 3, 4, 5, 6, 7, 8])).entries.map(\.option),
                       RankedTotals(matrix: matrix, weights: F.weights([7, 14, 21, 28, 35, 42, 49, 56])).entries.map(\.option))
    }
}
