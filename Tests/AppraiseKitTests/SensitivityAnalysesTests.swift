import XCTest
@testable import AppraiseKit

/// Minimum weight changes, score thresholds, scenarios, leave-one-out and dominance, each
/// pinned to a case worked by hand.
final class SensitivityAnalysesTests: XCTestCase {
    private typealias F = SensitivityFixtures
    private func r(_ numerator: Int, _ denominator: Int = 1) -> Rational { SensitivityFixtures.r(numerator, denominator) }

    // MARK: - Minimum weight change

    func testReferenceMostCriticalCriterion() {
        // First place changes only on Child Focused and Workforce, both at 8/15 (see the sweep
        // tests): a rise of 8/15 − 1/8 = 49/120 of the weight, 49/120 ÷ 1/8 = 49/15 of its own.
        let changes = MinimumWeightChanges(sweeps: WeightSweep.all(matrix: F.reference, weights: .equal(count: 8)))
        let child = changes.criteria[0].firstPlace!
        XCTAssertEqual(child.absolute, r(49, 120))
        XCTAssertEqual(child.relative, r(49, 15))
        XCTAssertTrue(child.isIncrease)
        XCTAssertEqual(child.after, ["cic"])
        XCTAssertEqual(changes.criteria[5].firstPlace?.absolute, r(49, 120))
        XCTAssertNil(changes.criteria[1].firstPlace, "Partnerships never changes first place")
        // Commissioning only brings others level at 100%, an edge of the range: no change.
        XCTAssertNil(changes.criteria[2].firstPlace)
        XCTAssertEqual(changes.mostCriticalForFirst, "child-focused")
        XCTAssertEqual(changes.mostCriticalForFirstRelative, "child-focused")
        // Any pair: Workforce at 3/17 brings Trust level with Shared Service: 3/17 − 1/8 = 7/136.
        XCTAssertEqual(changes.mostCriticalForAnyPair, "workforce")
        XCTAssertEqual(changes.criteria[5].anyPair?.absolute, r(7, 136))
        XCTAssertEqual(changes.criteria[5].anyPair?.tied, ["shared-service", "trust"])
    }

    func testAnyPairMatchesEveryPairChecked() {
        // The neighbour shortcut must find the same smallest change as checking every pair.
        var rng = Xoshiro256StarStar(seed: 11)
        for _ in 0..<30 {
            let m = 2 + Int(rng.nextInteger(below: 6)), n = 2 + Int(rng.nextInteger(below: 3))
            let matrix = F.matrix((0..<m).map { _ in (0..<n).map { _ in Int(rng.nextInteger(below: 6)) } })
            let weights = F.weights((0..<n).map { _ in 1 + Int(rng.nextInteger(below: 3)) })
            for sweep in WeightSweep.all(matrix: matrix, weights: weights) {
                var best: Rational?
                for a in 0..<m {
                    for b in (a + 1)..<max(a + 1, m) {
                        let pair = sweep.pair(a, b)
                        guard !pair.tiedNow, let crossover = pair.crossover else { continue }
                        let distance = crossover.weight > sweep.current ? crossover.weight - sweep.current : sweep.current - crossover.weight
                        if best == nil || distance < best! { best = distance }
                    }
                }
                XCTAssertEqual(MinimumWeightChanges.anyPair(sweep)?.absolute, best)
            }
        }
    }

    // MARK: - Score thresholds

    func testReferenceScoresCannotChangeFirstPlaceOneAtATime() {
        // Equal weights: one score point is one point of total. The lead is 33 − 26 = 7 and a
        // score can move at most 5 (0 to 5), so no single change reaches; 7 points in all do.
        let thresholds = ScoreThresholds(matrix: F.reference, weights: .equal(count: 8))
        XCTAssertEqual(thresholds.firstPlace, [])
        XCTAssertNil(thresholds.minimumStepsForFirst)
        XCTAssertEqual(thresholds.largestSingleChange, r(5))
        let tie = thresholds.pointsToTieFirst!
        XCTAssertEqual(tie.points, r(7))
        XCTAssertEqual(tie.challenger, "cic")
        XCTAssertEqual(tie.aheadAfter, ["practice-partner", "cic"])
        // Criteria in order: CIC already has 5 on Child Focused, so PP drops 4 there (4 → 0),
        // then CIC rises 3 on Partnerships (2 → 5).
        XCTAssertEqual(tie.moves, [
            ScoreMove(option: "practice-partner", criterion: "child-focused", from: r(4), to: .zero),
            ScoreMove(option: "cic", criterion: "partnerships", from: r(2), to: r(5)),
        ])
    }

    func testReferenceNeighbourThresholds() {
        let pairs = ScoreThresholds(matrix: F.reference, weights: .equal(count: 8)).adjacentPairs
        XCTAssertEqual(pairs.map(\.higher), ["practice-partner", "cic", "shared-service", "trust", "commission-by-contract",
                                             "managing-agent", "mutual"])
        XCTAssertNil(pairs[0].minimumSteps, "a gap of 7 is beyond one score")
        XCTAssertEqual(pairs[1].gap, .zero)
        XCTAssertNil(pairs[1].minimumSteps, "CIC and Shared Service are level now")
        // Shared Service 26, Trust 25: one step brings them level, by lowering any Shared
        // Service score above 0 (8 ways) or raising any Trust score below 5 (7 ways).
        XCTAssertEqual(pairs[2].minimumSteps, 1)
        XCTAssertEqual(pairs[2].changes.count, 15)
        XCTAssertTrue(pairs[2].changes.allSatisfy { $0.aheadAfter == ["shared-service", "trust"] })
        // Trust 25, Commission 22: three steps, e.g. Commission's Partnerships 2 → 5.
        XCTAssertEqual(pairs[3].minimumSteps, 3)
    }

    func testUnequalWeightsSingleScoreChange() {
        // Weights 3 : 1. o0 (2, 5) = (6 + 5)/4 = 11/4, o1 (3, 1) = (9 + 1)/4 = 10/4. A step on
        // criterion 0 moves a mean by 3/4, on criterion 1 by 1/4. Raising o1 on criterion 0 by
        // one step (3 → 4) gives 13/4: past o0. Lowering o0 on criterion 0 (2 → 1) gives 8/4:
        // below o1. On criterion 1 it takes one step (1/4 closes exactly 1/4): level.
        let thresholds = ScoreThresholds(matrix: F.matrix([[2, 5], [3, 1]]), weights: F.weights([3, 1]))
        XCTAssertEqual(thresholds.minimumStepsForFirst, 1)
        let changes = thresholds.firstPlace
        XCTAssertEqual(changes.count, 4)
        XCTAssertEqual(changes[0], ScoreChange(option: "o0", criterion: "c0", from: r(2), to: r(1), steps: 1, aheadAfter: ["o1"]))
        XCTAssertEqual(changes[1], ScoreChange(option: "o0", criterion: "c1", from: r(5), to: r(4), steps: 1, aheadAfter: ["o0", "o1"]))
        XCTAssertEqual(changes[2], ScoreChange(option: "o1", criterion: "c0", from: r(3), to: r(4), steps: 1, aheadAfter: ["o1"]))
        XCTAssertEqual(changes[3], ScoreChange(option: "o1", criterion: "c1", from: r(1), to: r(2), steps: 1, aheadAfter: ["o0", "o1"]))
        XCTAssertEqual(thresholds.pointsToTieFirst?.points, .one)
    }

    func testSharedFirstPlaceChangesWithOneStep() {
        let thresholds = ScoreThresholds(matrix: F.matrix([[3, 3], [3, 3], [0, 0]]), weights: .equal(count: 2))
        XCTAssertEqual(thresholds.leaders, ["o0", "o1"])
        XCTAssertEqual(thresholds.minimumStepsForFirst, 1)
        XCTAssertEqual(thresholds.firstPlace.first?.aheadAfter.count, 1)
        XCTAssertEqual(thresholds.pointsToTieFirst?.points, .zero)
    }

    // MARK: - Scenarios

    func testRankOrderWeightsForFourCriteria() {
        // Rank sum: 4, 3, 2, 1 over 10. Reciprocal: 1, 1/2, 1/3, 1/4 over 25/12. Centroid:
        // (1/4)(1 + 1/2 + 1/3 + 1/4) = 25/48, then 13/48, 7/48, 3/48.
        XCTAssertEqual(RankOrderMethod.rankSum.weightsByRank(count: 4), [r(2, 5), r(3, 10), r(1, 5), r(1, 10)])
        XCTAssertEqual(RankOrderMethod.rankReciprocal.weightsByRank(count: 4), [r(12, 25), r(6, 25), r(4, 25), r(3, 25)])
        XCTAssertEqual(RankOrderMethod.rankOrderCentroid.weightsByRank(count: 4), [r(25, 48), r(13, 48), r(7, 48), r(1, 16)])
        // Aligned with criteria: the most important (criterion 2) gets the largest weight.
        XCTAssertEqual(RankOrderMethod.rankSum.weights(importance: [2, 0, 3, 1]).normalised, [r(3, 10), r(1, 10), r(2, 5), r(1, 5)])
    }

    func testScenariosSideBySide() throws {
        // o0 (5, 1, 1) is best on c0, o1 (1, 4, 4) on the rest. Equal weights: 7 vs 9, o1
        // first. Importance c0 > c1 > c2, rank sum 3:2:1 → o0 (15 + 2 + 1)/6 = 3 vs o1
        // (3 + 8 + 4)/6 = 2.5: o0 first.
        let matrix = F.matrix([[5, 1, 1], [1, 4, 4]])
        let current = WeightSelection(id: "default", name: "the appraisal's weights", weights: .equal(count: 3))
        let order = try importanceOrder(["c0", "c1", "c2"], criteria: matrix.criterionIDs)
        let scenarios = Scenario.all(matrix: matrix, current: current, named: [], importance: order)
        XCTAssertEqual(scenarios.map(\.id), ["default", "equal", "rank-sum", "rank-reciprocal", "rank-order-centroid"])
        XCTAssertEqual(scenarios.map(\.ranking.leaders), [["o1"], ["o1"], ["o0"], ["o0"], ["o0"]])
        XCTAssertEqual(scenarios[2].ranking.entries[0].total, r(9))
    }

    func testImportanceMustListEveryCriterionOnce() {
        XCTAssertThrowsError(try importanceOrder(["a", "b"], criteria: ["a", "b", "c"])) { error in
            XCTAssertEqual(error as? SensitivityError, .incompleteImportance(missing: ["c"], repeated: []))
        }
        XCTAssertThrowsError(try importanceOrder(["a", "x"], criteria: ["a", "b"])) { error in
            XCTAssertEqual(error as? SensitivityError, .unknownCriterion("x"))
        }
        XCTAssertThrowsError(try importanceOrder(["a", "a", "b"], criteria: ["a", "b"]))
    }

    // MARK: - Leave one out and ranked totals

    func testReferenceLeaveOneOut() {
        // Without Partnerships (PP 5, CIC 2, SS 3): PP 28, CIC 24, SS 23, Trust 23, out of 35.
        let results = LeaveOneOut.all(matrix: F.reference, weights: .equal(count: 8))
        XCTAssertEqual(results.count, 8)
        let partnerships = results[1]
        XCTAssertEqual(partnerships.ranking.maximum, r(35))
        XCTAssertEqual(partnerships.ranking.entries.prefix(4).map(\.option), ["practice-partner", "cic", "trust", "shared-service"])
        XCTAssertEqual(partnerships.ranking.entries.prefix(4).map(\.total), [r(28), r(24), r(23), r(23)])
        XCTAssertEqual(partnerships.ranking.entries.prefix(4).map(\.rank), [1, 2, 3, 3])
        XCTAssertEqual(partnerships.weights, Array(repeating: r(1, 7), count: 7))
        XCTAssertFalse(results.contains(where: \.changesFirstPlace))
    }

    func testLeavingOutTheOnlyWeightedCriterionSharesEqually() {
        let results = LeaveOneOut.all(matrix: F.matrix([[5, 0, 1], [0, 3, 3]]), weights: F.weights([1, 0, 0]))
        XCTAssertEqual(results[0].weights, [r(1, 2), r(1, 2)])
        XCTAssertEqual(results[0].ranking.leaders, ["o1"])
        XCTAssertTrue(results[0].changesFirstPlace)
    }

    func testRankedTotalsAgreeWithRanking() {
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<20 {
            let matrix = F.matrix((0..<6).map { _ in (0..<4).map { _ in Int(rng.nextInteger(below: 4)) } })
            let weights = F.weights((0..<4).map { _ in Int(rng.nextInteger(below: 3)) + 1 })
            let ranking = Ranking(matrix: matrix, weights: weights)
            let ranked = RankedTotals(matrix: matrix, weights: weights)
            XCTAssertEqual(ranked.entries.map(\.option), ranking.entries.map(\.option))
            XCTAssertEqual(ranked.entries.map(\.total), ranking.entries.map(\.total))
            XCTAssertEqual(ranked.entries.map(\.rank), ranking.entries.map(\.rank))
        }
    }

    // MARK: - Dominance

    func testReferenceDominance() {
        // PP has the only 5 on Partnerships and CIC the only 5 on Child Focused: each is first
        // alone with all the weight there. Commission (3 on Financial viability, the top score,
        // shared with PP) is level first when only that counts, but PP matches or beats it
        // everywhere, so never alone. Mutual's only match with PP is Child Focused (4), where
        // CIC has 5: no weighting puts it first at all.
        let dominance = Dominance(matrix: F.reference)
        XCTAssertEqual(dominance.canBeFirstAlone, ["practice-partner", "cic"])
        XCTAssertEqual(dominance.sharedFirstOnly, ["commission-by-contract", "trust", "managing-agent", "shared-service"])
        XCTAssertEqual(dominance.neverFirst, ["mutual", "joint-venture"])
        XCTAssertEqual(dominance.dominated.map(\.option),
                       ["commission-by-contract", "trust", "mutual", "managing-agent", "joint-venture", "shared-service"])
        XCTAssertEqual(dominance.dominated.first { $0.option == "trust" }?.by, ["cic"])
        assertEvidence(dominance, F.reference)
    }

    func testBlendBeatsAnOptionThatNoSingleOptionDominates() {
        // (10, 0) and (0, 10) blended half and half score (5, 5): beats (4, 4) everywhere, ties
        // (5, 5), loses to (6, 6). None of the three middle options is dominated.
        for (middle, expected) in [(4, Dominance.FirstPlace.never), (5, .sharedOnly), (6, .outright)] {
            let matrix = F.matrix([[10, 0], [0, 10], [middle, middle]], scale: ScoreScale(minimum: .zero, maximum: r(10), step: .one))
            let dominance = Dominance(matrix: matrix)
            XCTAssertEqual(dominance.dominated, [])
            XCTAssertEqual(dominance.verdicts[2].firstPlace, expected, "middle option (\(middle), \(middle))")
            assertEvidence(dominance, matrix)
        }
        let never = Dominance(matrix: F.matrix([[10, 0], [0, 10], [4, 4]], scale: ScoreScale(minimum: .zero, maximum: r(10), step: .one)))
        XCTAssertEqual(never.verdicts[2].blend, [Dominance.BlendShare(option: "o0", share: r(1, 2)),
                                                  Dominance.BlendShare(option: "o1", share: r(1, 2))])
    }

    func testDominanceComparesExactlyWhereDoublesCannotTell() {
        // 6004799503160661 / 2^54 is the Double nearest 1/3, just below it: the two convert to
        // the same Double, so only the exact comparison sees o0 (1/3) ahead of o1.
        let nearThird = Rational(6_004_799_503_160_661, 18_014_398_509_481_984)
        XCTAssertEqual(nearThird.doubleValue, r(1, 3).doubleValue)
        let matrix = DecisionMatrix(optionIDs: ["o0", "o1"], criterionIDs: ["c0", "c1"],
                                    scores: [[r(1, 3), .one], [nearThird, .one]], scale: F.scale05)
        let dominance = Dominance(matrix: matrix)
        XCTAssertEqual(dominance.dominated, [Dominance.Dominated(option: "o1", by: ["o0"])])
        XCTAssertEqual(dominance.canBeFirstAlone, ["o0"])
        XCTAssertEqual(dominance.sharedFirstOnly, ["o1"])
    }

    func testTwoCriterionVerdictsAgreeWithTheSweep() {
        // With two criteria the sweep of the first covers every weighting, so an option is
        // first alone exactly when it leads a stretch of the sweep, and level first at best
        // when it appears only at single points.
        var rng = Xoshiro256StarStar(seed: 3)
        for _ in 0..<40 {
            let m = 2 + Int(rng.nextInteger(below: 5))
            let matrix = F.matrix((0..<m).map { _ in (0..<2).map { _ in Int(rng.nextInteger(below: 5)) } })
            let sweep = WeightSweep(matrix: matrix, weights: .equal(count: 2), criterion: 0)
            let dominance = Dominance(matrix: matrix)
            for verdict in dominance.verdicts {
                let stretches = sweep.segments.filter { $0.interval.from < $0.interval.to }
                let alone = stretches.contains { $0.leaders == [verdict.option] }
                let anywhere = sweep.segments.contains { $0.leaders.contains(verdict.option) }
                let expected: Dominance.FirstPlace = alone ? .outright : anywhere ? .sharedOnly : .never
                XCTAssertEqual(verdict.firstPlace, expected, "\(matrix.scores) option \(verdict.option)")
            }
            assertEvidence(dominance, matrix)
        }
    }

    func testLargerRandomVerdictsCarryExactEvidence() {
        // Exercises the floating-point program and its exact confirmation.
        var rng = Xoshiro256StarStar(seed: 19)
        for _ in 0..<6 {
            let matrix = F.matrix((0..<40).map { _ in
                let quality = Int(rng.nextInteger(below: 4))
                return (0..<6).map { _ in quality + Int(rng.nextInteger(below: 4)) }
            }, scale: ScoreScale(minimum: .zero, maximum: r(7), step: .one))
            assertEvidence(Dominance(matrix: matrix), matrix)
        }
    }

    /// Checks every verdict's evidence exactly: its weights put the option first (alone for
    /// `outright`), its blend beats it on every criterion, and `sharedOnly` options are
    /// dominated or have no weights that put them first alone among the witnesses given.
    private func assertEvidence(_ dominance: Dominance, _ matrix: DecisionMatrix, file: StaticString = #filePath, line: UInt = #line) {
        for (i, verdict) in dominance.verdicts.enumerated() {
            switch verdict.firstPlace {
            case .outright, .sharedOnly:
                guard let weights = verdict.weights, let w = Weights(weights) else {
                    XCTFail("\(verdict.option) has no weights", file: file, line: line)
                    continue
                }
                XCTAssertEqual(weights.sum(), .one, file: file, line: line)
                let ranking = RankedTotals(matrix: matrix, weights: w)
                XCTAssertTrue(ranking.leaders.contains(verdict.option), "\(verdict.option) not first under its weights", file: file, line: line)
                if verdict.firstPlace == .outright {
                    XCTAssertEqual(ranking.leaders, [verdict.option], file: file, line: line)
                }
            case .never:
                guard let blend = verdict.blend else {
                    XCTFail("\(verdict.option) has no blend", file: file, line: line)
                    continue
                }
                XCTAssertEqual(blend.map(\.share).sum(), .one, file: file, line: line)
                for k in 0..<matrix.criterionCount {
                    let blended = blend.map { share in
                        share.share * matrix.scores[matrix.optionIDs.firstIndex(of: share.option)!][k]
                    }.sum()
                    XCTAssertTrue(blended > matrix.scores[i][k], "\(verdict.option) blend not ahead on \(k)", file: file, line: line)
                }
            }
        }
    }
}
