import XCTest
@testable import AppraiseKit

/// Exact SMAA: hand-derived regions in two and three criteria (intervals and triangles),
/// invariants that hold exactly (shares sum to one), and agreement with the sampler within
/// its stated margin of error on the reference and on random appraisals.
final class ExactSMAATests: XCTestCase {
    private typealias F = SensitivityFixtures

    private func exact(_ scores: [[Int]], region: ExactSMAA.Region = .uniform, allRanks: Bool = true) throws -> ExactSMAA.Result {
        let matrix = F.matrix(scores)
        return try ExactSMAA.run(matrix: matrix, weights: .equal(count: matrix.criterionCount), region: region, allRanks: allRanks)
    }

    func testTwoCriteriaIsAnInterval() throws {
        // A = (3, 1) beats B = (1, 2) when 3w + (1 − w) ≥ w + 2(1 − w), i.e. w ≥ 1/3: two thirds
        // of the interval, with centroid w = 2/3; B holds [0, 1/3], centroid 1/6.
        let result = try exact([[3, 1], [1, 2]])
        XCTAssertEqual(result.firstRank, [F.r(2, 3), F.r(1, 3)])
        XCTAssertEqual(result.centralWeights[0], [F.r(2, 3), F.r(1, 3)])
        XCTAssertEqual(result.centralWeights[1], [F.r(1, 6), F.r(5, 6)])
        XCTAssertEqual(result.rankAcceptability!, [[F.r(2, 3), F.r(1, 3)], [F.r(1, 3), F.r(2, 3)]])
        XCTAssertEqual(result.confidence, [F.r(1), F.r(1)])
    }

    func testOrderOfImportanceRestrictsTheInterval() throws {
        // With w1 ≥ w2 the weights run over w1 ∈ [1/2, 1], all of it on A's side of 1/3.
        let result = try exact([[3, 1], [1, 2]], region: .ordered(["c0", "c1"]))
        XCTAssertEqual(result.firstRank, [F.r(1), F.r(0)])
        XCTAssertEqual(result.centralWeights[0], [F.r(3, 4), F.r(1, 4)])
        XCTAssertNil(result.centralWeights[1])
        // Reversed, w1 ∈ [0, 1/2]: A first on [1/3, 1/2], a third of it.
        let reversed = try exact([[3, 1], [1, 2]], region: .ordered(["c1", "c0"]))
        XCTAssertEqual(reversed.firstRank, [F.r(1, 3), F.r(2, 3)])
        XCTAssertEqual(reversed.centralWeights[0], [F.r(5, 12), F.r(7, 12)])
    }

    func testThreeCriteriaTriangles() throws {
        // Each option best on one criterion: by symmetry a third each. Option 0's region is
        // the quadrilateral (1,0,0), (1/2,1/2,0), (1/3,1/3,1/3), (1/2,0,1/2): two triangles
        // of equal area with centroids (11, 5, 2)/18 and (11, 2, 5)/18.
        let result = try exact([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        XCTAssertEqual(result.firstRank, [F.r(1, 3), F.r(1, 3), F.r(1, 3)])
        XCTAssertEqual(result.centralWeights[0], [F.r(11, 18), F.r(7, 36), F.r(7, 36)])
        // Second place: option 0 is second when w2 or w3 is largest and w1 the middle one:
        // two of the six orderings.
        XCTAssertEqual(result.rankAcceptability![0], [F.r(1, 3), F.r(1, 3), F.r(1, 3)])
    }

    func testATriangleCutByOneCondition() throws {
        // A = (2, 0, 0) against B = (0, 1, 1): A first when 2w1 ≥ w2 + w3 = 1 − w1, w1 ≥ 1/3:
        // the triangle with corners (1,0,0), (1/3,2/3,0), (1/3,0,2/3), area (2/3)² = 4/9.
        let result = try exact([[2, 0, 0], [0, 1, 1]])
        XCTAssertEqual(result.firstRank, [F.r(4, 9), F.r(5, 9)])
        XCTAssertEqual(result.centralWeights[0], [F.r(5, 9), F.r(2, 9), F.r(2, 9)])
    }

    func testOptionsScoredAlikeShareTheirPlaces() throws {
        // The pair is above C for two thirds of the weightings (places 1 and 2, shared) and
        // below it for a third (places 2 and 3, shared).
        let result = try exact([[3, 1], [3, 1], [1, 2]])
        XCTAssertEqual(result.firstRank, [F.r(1, 3), F.r(1, 3), F.r(1, 3)])
        XCTAssertEqual(result.rankAcceptability![0], [F.r(1, 3), F.r(1, 2), F.r(1, 6)])
        XCTAssertEqual(result.rankAcceptability![2], [F.r(1, 3), F.r(0), F.r(2, 3)])
        XCTAssertEqual(result.confidence[0], F.r(1, 2))
    }

    func testWeightsWithinASpread() throws {
        // Centre (1/2, 1/2) ± 20%: w1 ∈ [2/5, 3/5]; A = (3, 1) beats B = (1, 2) for w1 ≥ 1/3: always.
        let matrix = F.matrix([[3, 1], [1, 2]])
        let result = try ExactSMAA.run(matrix: matrix, weights: .equal(count: 2), region: .around(percent: F.r(20)), allRanks: false)
        XCTAssertEqual(result.firstRank, [F.r(1), F.r(0)])
        XCTAssertEqual(result.centralWeights[0], [F.r(1, 2), F.r(1, 2)])
        XCTAssertNil(result.rankAcceptability)
        // A = (1, 0) against B = (0, 1) with centre (0.45, 0.55) ± 50%: w1 ∈ [0.225, 0.675], A
        // first above 1/2: (0.675 − 0.5) / 0.45 = 7/18.
        let tilted = try ExactSMAA.run(matrix: F.matrix([[1, 0], [0, 1]]), weights: F.weights([45, 55]),
                                       region: .around(percent: F.r(50)), allRanks: false)
        XCTAssertEqual(tilted.firstRank, [F.r(7, 18), F.r(11, 18)])
    }

    func testSharesSumToOneExactly() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        for _ in 0..<12 {
            let m = 2 + Int(generator.nextInteger(below: 5)), n = 2 + Int(generator.nextInteger(below: 4))
            let scores = (0..<m).map { _ in (0..<n).map { _ in Int(generator.nextInteger(below: 6)) } }
            let result = try exact(scores)
            XCTAssertEqual(result.firstRank.sum(), .one, "\(scores)")
            for row in result.rankAcceptability! { XCTAssertEqual(row.sum(), .one, "\(scores)") }
            for rank in 0..<m { XCTAssertEqual(result.rankAcceptability!.map { $0[rank] }.sum(), .one, "\(scores)") }
            for (option, weights) in result.centralWeights.enumerated() {
                guard let weights else { continue }
                XCTAssertEqual(weights.sum(), .one)
                XCTAssertTrue(weights.allSatisfy { !$0.isNegative })
                XCTAssertEqual(result.firstRank[option], result.rankAcceptability![option][0])
            }
        }
    }

    func testReferenceAgreesWithTheSampler() throws {
        let result = try ExactSMAA.run(matrix: F.reference, weights: .equal(count: 8), region: .uniform, allRanks: true)
        let sampled = try SMAA.run(matrix: F.reference, weights: .equal(count: 8),
                                   configuration: SMAA.Configuration(samples: 200_000, seed: 3))
        compare(result, sampled)
        XCTAssertEqual(result.firstRank.sum(), .one)
        // Only Peer Practice Partner and the Community Interest Company are ever first alone.
        XCTAssertTrue(result.firstRank[0] > F.r(96, 100) && result.firstRank[0] < F.r(98, 100))
        XCTAssertEqual(result.firstRank[0] + result.firstRank[3], .one)
    }

    func testRandomAppraisalsAgreeWithTheSampler() throws {
        var generator = Xoshiro256StarStar(seed: 11)
        for trial in 0..<6 {
            let m = 3 + Int(generator.nextInteger(below: 4)), n = 3 + Int(generator.nextInteger(below: 3))
            let scores = (0..<m).map { _ in (0..<n).map { _ in Int(generator.nextInteger(below: 6)) } }
            let matrix = F.matrix(scores)
            let ordered = trial.isMultiple(of: 2)
            let ids = matrix.criterionIDs
            let result = try ExactSMAA.run(matrix: matrix, weights: .equal(count: n),
                                           region: ordered ? .ordered(ids) : .uniform, allRanks: true)
            let sampled = try SMAA.run(matrix: matrix, weights: .equal(count: n),
                                       configuration: SMAA.Configuration(samples: 100_000, seed: UInt64(trial),
                                                                         weights: ordered ? .ordered(ids) : .uniform))
            compare(result, sampled)
        }
    }

    /// Every exact share within twice the sampler's 95% margin (a bound a correct pair of
    /// methods breaks about once in 10^4 comparisons), and central weights within 0.02.
    private func compare(_ exact: ExactSMAA.Result, _ sampled: SMAA.Result, file: StaticString = #filePath, line: UInt = #line) {
        let tolerance = 2 * sampled.marginOfError
        for (option, row) in exact.rankAcceptability!.enumerated() {
            for (rank, share) in row.enumerated() {
                XCTAssertEqual(share.doubleValue, sampled.rankAcceptability[option][rank], accuracy: tolerance,
                               "option \(option) rank \(rank + 1)", file: file, line: line)
            }
        }
        for (option, weights) in exact.centralWeights.enumerated() {
            guard let weights, exact.firstRank[option] > Rational(1, 50), let estimate = sampled.centralWeights[option] else { continue }
            for (k, weight) in weights.enumerated() {
                XCTAssertEqual(weight.doubleValue, estimate[k], accuracy: 0.02, file: file, line: line)
            }
        }
    }
}

/// The budget `report` uses: judged before the analysis from its size and the length of its
/// numbers, and held while it runs by counting word products, so an analysis past it gives up
/// with `WorkLimitReached` (the same way every time) instead of running on.
final class ExactSMAABudgetTests: XCTestCase {
    private typealias F = SensitivityFixtures

    func testTheReferenceFitsAndLargerOrLongerProblemsDoNot() throws {
        let reference = try ExactSMAA.estimate(matrix: F.reference, weights: .equal(count: 8), region: .uniform, allRanks: true)
        XCTAssertTrue(reference.fits(ExactSMAA.reportEstimateLimit), "\(reference)")
        var generator = Xoshiro256StarStar(seed: 5)
        let wide = F.matrix((0..<12).map { _ in (0..<10).map { _ in Int(generator.nextInteger(below: 6)) } })
        let estimate = try ExactSMAA.estimate(matrix: wide, weights: .equal(count: 10), region: .uniform, allRanks: true)
        XCTAssertFalse(estimate.fits(ExactSMAA.reportEstimateLimit), "\(estimate)")
        // The same 8 × 8 with six-decimal scores: longer numbers, more work.
        let scores = F.referenceScores.enumerated().map { i, row in
            row.enumerated().map { j, score in Rational(Int128(score) * 1_000_000 - Int128((i * 8 + j) * 12_347), 1_000_000) }
        }
        let long = DecisionMatrix(optionIDs: F.reference.optionIDs, criterionIDs: F.reference.criterionIDs, scores: scores, scale: F.scale05)
        let longEstimate = try ExactSMAA.estimate(matrix: long, weights: .equal(count: 8), region: .uniform, allRanks: true)
        XCTAssertGreaterThan(longEstimate.bits, reference.bits)
        XCTAssertGreaterThan(longEstimate.work, reference.work)
    }

    func testAnAnalysisPastItsBudgetGivesUpAtTheSamePoint() throws {
        let reference = try ExactSMAA.run(matrix: F.reference, weights: .equal(count: 8), region: .uniform,
                                          allRanks: true, budget: ExactSMAA.reportBudget)
        XCTAssertEqual(reference.firstRank[0], Rational(31, 32))
        for _ in 0..<2 {
            XCTAssertThrowsError(try ExactSMAA.run(matrix: F.reference, weights: .equal(count: 8), region: .uniform,
                                                   allRanks: true, budget: 50)) { error in
                XCTAssertTrue(error is ExactSMAA.WorkLimitReached)
            }
        }
    }

    func testUpperBoundTheorem() {
        // A polygon has as many corners as sides; a 3-polytope with k facets at most 2k − 4.
        XCTAssertEqual(ExactSMAA.upperBound(facets: 7, dimension: 2), 7)
        XCTAssertEqual(ExactSMAA.upperBound(facets: 6, dimension: 3), 8)
        // The cyclic 4-polytope with 6 vertices has 9 facets; its dual, 9 vertices and 6 facets.
        XCTAssertEqual(ExactSMAA.upperBound(facets: 6, dimension: 4), 9)
    }
}

/// The fraction-free volume method against the first, slower one (fractions throughout, facets
/// by rank tests), kept in the tests as an independent oracle: the same exact shares and
/// centroids on random regions.
final class WeightConeOracleTests: XCTestCase {
    func testRandomRegionsMatchTheRationalMethod() throws {
        var generator = Xoshiro256StarStar(seed: 2027)
        func random(_ bound: Int) -> Int { Int(generator.nextInteger(below: UInt64(bound))) }
        for trial in 0..<40 {
            // Six-decimal coefficients in some trials, small whole numbers in the others.
            let scale = trial.isMultiple(of: 3) ? 1_000_000 : 1
            let n = 2 + random(scale == 1 ? 4 : 3), conditions = 1 + random(6)
            let rows = (0..<conditions).map { _ in
                (0..<n).map { _ in Rational(Int128(random(11 * scale) - 5 * scale), Int128(scale)) }
            }
            var cone = WeightCone(dimension: n)
            var oracle = RationalCone(dimension: n)
            for row in rows {
                try cone.add(WeightCone.wholeRow(row))
                oracle.add(row)
            }
            let fast = try cone.volumeAndMoment()
            let slow = oracle.volumeAndMoment()
            XCTAssertEqual(fast.volume, slow.volume, "\(rows)")
            XCTAssertEqual(fast.moment, slow.moment, "\(rows)")
            XCTAssertEqual(cone.isFullDimensional, oracle.isFullDimensional, "\(rows)")
        }
    }

    func testWholeRowsAndDeterminants() {
        XCTAssertEqual(WeightCone.wholeRow([Rational(1, 2), Rational(-3, 4), .zero]), [2, -3, 0])
        XCTAssertEqual(WeightCone.primitive([6, 0, -9]), [2, 0, -3])
        func determinant(_ rows: [[BigInt]]) -> BigInt {
            var elimination = Elimination(dimension: rows.count)
            for row in rows { elimination.push(row) }
            return elimination.determinant.magnitude
        }
        XCTAssertEqual(determinant([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), 0)
        XCTAssertEqual(determinant([[2, 0, 1], [1, 3, 2], [1, 1, 2]]), 6)
        XCTAssertEqual(determinant([[0, 1], [1, 0]]), 1)
        XCTAssertEqual(determinant([[0, 0, 5], [0, 7, 1], [3, 1, 1]]), 105)
        // A Vandermonde matrix: the product of the differences of 1, 2, 4, 8.
        XCTAssertEqual(determinant([1, 2, 4, 8].map { x in [1, x, x * x, x * x * x] }), 1 * 3 * 7 * 2 * 6 * 4)
    }
}

/// Long fractions in text: shown as decimals with a pointer to the JSON; short ones whole.
final class ReadableFractionTests: XCTestCase {
    func testShortFractionsStayWholeAndLongOnesBecomeDecimals() {
        XCTAssertEqual(Rational(31, 32).readableText(), "31/32")
        let long = Rational(BigInt(10).power(25) + 1, BigInt(3) * BigInt(10).power(25))
        XCTAssertEqual(long.readableText(), "0.333333 (exact fraction in the JSON)")
        XCTAssertEqual(long.readableText(places: 2), "0.33 (exact fraction in the JSON)")
    }
}
