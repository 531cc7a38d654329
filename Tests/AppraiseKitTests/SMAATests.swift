import XCTest
@testable import AppraiseKit

/// The seeded generator, the weight samplers' distributions, and the simulation: exact
/// reproducibility, independence from threads, and agreement with a plain re-implementation.
final class SMAATests: XCTestCase {
    private typealias F = SensitivityFixtures

    // MARK: - Generators

    func testSplitMix64PublishedValues() {
        var generator = SplitMix64(seed: 0)
        XCTAssertEqual([generator.next(), generator.next(), generator.next()],
                       [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    func testXoshiroPublishedValuesAndJump() {
        // From the reference C code with state {1, 2, 3, 4}: rotl(2 × 5, 7) × 9 = 11520, …
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        XCTAssertEqual((0..<4).map { _ in generator.next() }, [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
        var jumped = Xoshiro256StarStar(state: (1, 2, 3, 4))
        jumped.jump()
        XCTAssertEqual([jumped.next(), jumped.next()], [13_534_147_089_533_256_664, 7_126_240_192_422_241_655])
        var seeded = Xoshiro256StarStar(seed: 1)
        XCTAssertEqual([seeded.next(), seeded.next()], [12_966_619_160_104_079_557, 9_600_361_134_598_540_522])
    }

    func testBoundedIntegersAreUniformAndInRange() {
        var generator = Xoshiro256StarStar(seed: 9)
        var counts = Array(repeating: 0, count: 3)
        for _ in 0..<30_000 { counts[Int(generator.nextInteger(below: 3))] += 1 }
        // Each count is Binomial(30000, 1/3): sd ≈ 81.6; allow 5 sd.
        XCTAssertTrue(counts.allSatisfy { abs($0 - 10_000) < 410 }, "\(counts)")
    }

    // MARK: - Weight samplers

    private func draws(_ model: SamplingModel, count: Int, seed: UInt64) -> [[Double]] {
        var rng = Xoshiro256StarStar(seed: seed)
        let w = UnsafeMutablePointer<Double>.allocate(capacity: model.n)
        let u = UnsafeMutablePointer<Double>.allocate(capacity: model.n)
        defer { w.deallocate(); u.deallocate() }
        return (0..<count).map { _ in
            model.drawWeights(w, u, &rng)
            return (0..<model.n).map { w[$0] }
        }
    }

    private func model(criteria n: Int, weights: SMAA.WeightModel, centre: [Int]? = nil) throws -> SamplingModel {
        let matrix = F.matrix([Array(repeating: 1, count: n)])
        let centreWeights = centre.map { F.weights($0).normalised } ?? Weights.equal(count: n).normalised
        return try SamplingModel(matrix: matrix, weights: centreWeights, configuration: SMAA.Configuration(weights: weights))
    }

    func testUniformWeightsHaveTheSimplexDistribution() throws {
        // Uniform on the simplex of n = 5 weights: each has mean 1/5 and is Beta(1, 4), so
        // P(w ≤ x) = 1 − (1 − x)^4. With 40,000 draws a share p has sd √(p(1 − p)/40000) ≤
        // 0.0025; allow 5 sd.
        let samples = draws(try model(criteria: 5, weights: .uniform), count: 40_000, seed: 42)
        for sample in samples {
            XCTAssertEqual(sample.reduce(0, +), 1, accuracy: 1e-12)
            XCTAssertTrue(sample.allSatisfy { $0 >= 0 })
        }
        for k in 0..<5 {
            let mean = samples.map { $0[k] }.reduce(0, +) / Double(samples.count)
            // Beta(1, 4) has variance 4/(25·6) = 0.0267; sd of the mean ≈ 0.00082.
            XCTAssertEqual(mean, 0.2, accuracy: 0.0041)
        }
        for x in [0.05, 0.1, 0.2, 0.3, 0.5] {
            let share = Double(samples.count { $0[0] <= x }) / Double(samples.count)
            let expected = 1 - pow(1 - x, 4)
            XCTAssertEqual(share, expected, accuracy: 5 * (expected * (1 - expected) / 40_000).squareRoot(), "P(w1 ≤ \(x))")
        }
    }

    func testOrderedWeightsRespectTheOrderWithCentroidMeans() throws {
        // Uniform on the ordered part of the simplex: the mean of the r-th largest weight is
        // the rank-order centroid weight (1/n) Σ_{j ≥ r} 1/j: 25/48, 13/48, 7/48, 3/48 for n = 4.
        let samples = draws(try model(criteria: 4, weights: .ordered(["c2", "c0", "c3", "c1"])), count: 20_000, seed: 4)
        for sample in samples {
            XCTAssertTrue(sample[2] >= sample[0] && sample[0] >= sample[3] && sample[3] >= sample[1])
        }
        let means = (0..<4).map { k in samples.map { $0[k] }.reduce(0, +) / Double(samples.count) }
        for (criterion, expected) in zip([2, 0, 3, 1], [25.0 / 48, 13.0 / 48, 7.0 / 48, 3.0 / 48]) {
            XCTAssertEqual(means[criterion], expected, accuracy: 0.004)
        }
    }

    func testSpreadWeightsStayWithinTheirBounds() throws {
        // ±50% around (1, 2, 3, 4)/10: each weight in [0.5, 1.5] × its own, summing to one.
        // The region is symmetric about the centre, so the means are the centre.
        let centre = [0.1, 0.2, 0.3, 0.4]
        let samples = draws(try model(criteria: 4, weights: .around(percent: 50), centre: [1, 2, 3, 4]), count: 20_000, seed: 8)
        for sample in samples {
            XCTAssertEqual(sample.reduce(0, +), 1, accuracy: 1e-12)
            for k in 0..<4 {
                XCTAssertTrue(sample[k] >= centre[k] * 0.5 - 1e-12 && sample[k] <= centre[k] * 1.5 + 1e-12)
            }
        }
        for k in 0..<4 {
            XCTAssertEqual(samples.map { $0[k] }.reduce(0, +) / Double(samples.count), centre[k], accuracy: 0.003)
        }
        let fixed = draws(try model(criteria: 4, weights: .around(percent: 0), centre: [1, 2, 3, 4]), count: 3, seed: 8)
        XCTAssertEqual(fixed, Array(repeating: centre, count: 3))
    }

    // MARK: - The simulation

    func testSameSeedSameNumbersWhateverTheThreads() throws {
        let configuration = SMAA.Configuration(samples: 5_000, seed: 77)
        let concurrent = try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: configuration, concurrent: true)
        let sequential = try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: configuration, concurrent: false)
        XCTAssertEqual(concurrent, sequential)
        XCTAssertEqual(concurrent, try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: configuration))
        let other = try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: SMAA.Configuration(samples: 5_000, seed: 78))
        XCTAssertNotEqual(concurrent.rankAcceptability, other.rankAcceptability)
    }

    func testMatchesAPlainReimplementation() throws {
        // The same draws by the documented recipe (stream c = seed jumped c times; n − 1
        // uniforms, sorted, their gaps; totals summed criterion by criterion; level options
        // sharing ranks), tallied naively, give bit-identical results. Twenty options take the
        // sorting path, eight the counting path; the ties come from duplicated rows.
        var rng = Xoshiro256StarStar(seed: 23)
        var rows = (0..<19).map { _ in (0..<5).map { _ in Int(rng.nextInteger(below: 6)) } }
        rows.append(rows[3])
        for matrix in [F.matrix(rows), F.reference] {
            let configuration = SMAA.Configuration(samples: 2_500, seed: 5)
            let result = try SMAA.run(matrix: matrix, weights: .equal(count: matrix.criterionCount), configuration: configuration)
            let expected = plainSMAA(matrix, samples: 2_500, seed: 5)
            XCTAssertEqual(result.rankAcceptability, expected.ranks)
            XCTAssertEqual(result.centralWeights, expected.central)
        }
    }

    func testReferenceAcceptabilities() throws {
        let result = try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: SMAA.Configuration(samples: 20_000))
        let m = 8
        for i in 0..<m { XCTAssertEqual(result.rankAcceptability[i].reduce(0, +), 1, accuracy: 1e-9) }
        for rank in 0..<m { XCTAssertEqual((0..<m).map { result.rankAcceptability[$0][rank] }.reduce(0, +), 1, accuracy: 1e-9) }
        // Only Peer Practice Partner and CIC can be first alone (see the dominance tests); the
        // rest are first on a set of weightings of measure zero at most.
        let firsts = (0..<m).filter { result.rankAcceptability[$0][0] > 0 }
        XCTAssertEqual(firsts, [0, 3])
        XCTAssertEqual(result.rankAcceptability[0][0] + result.rankAcceptability[3][0], 1, accuracy: 1e-12)
        XCTAssertEqual(result.marginOfError, 1.96 * (0.25 / 20_000).squareRoot())
        // Numpy with another generator and 2,000,000 samples gives 0.9687 (Benchmarks/).
        XCTAssertEqual(result.rankAcceptability[0][0], 0.9687, accuracy: 2 * result.marginOfError)
        XCTAssertEqual(result.confidence[0], 1)
        XCTAssertNil(result.confidence[1])
        XCTAssertEqual(result.centralWeights[0]?.reduce(0, +) ?? 0, 1, accuracy: 1e-9)
        // CIC is first only when Child Focused and Workforce weigh heavily: its central weights
        // put more on them than equal weights would.
        let cic = result.centralWeights[3]!
        XCTAssertGreaterThan(cic[0], 0.125)
        XCTAssertGreaterThan(cic[5], 0.125)
    }

    func testScoreSpreadKeepsScoresOnTheScaleAndGivesConfidence() throws {
        let configuration = SMAA.Configuration(samples: 3_000, seed: 2, weights: .uniform, scoreSpread: 1)
        let result = try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: configuration)
        XCTAssertEqual(result, try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: configuration, concurrent: false))
        for (i, confidence) in result.confidence.enumerated() {
            if let confidence {
                XCTAssertTrue((0...1).contains(confidence))
                XCTAssertNotNil(result.centralWeights[i])
            }
        }
        // Moving scores lets more options reach first place than fixed scores do.
        XCTAssertGreaterThan(result.rankAcceptability.count { $0[0] > 0 }, 2)
        let model = try SamplingModel(matrix: F.reference, weights: Weights.equal(count: 8).normalised, configuration: configuration)
        var rng = Xoshiro256StarStar(seed: 1)
        let scores = UnsafeMutablePointer<Double>.allocate(capacity: 64)
        defer { scores.deallocate() }
        model.scores.withUnsafeBufferPointer { base in
            for _ in 0..<200 {
                model.drawScores(scores, base.baseAddress!, &rng)
                for index in 0..<64 {
                    XCTAssertTrue((0...5).contains(scores[index]))
                    XCTAssertTrue(abs(scores[index] - base[index]) <= 1)
                }
            }
        }
    }

    func testRejectsBadSettings() {
        XCTAssertThrowsError(try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: SMAA.Configuration(samples: 0)))
        XCTAssertThrowsError(try SMAA.run(matrix: F.reference, weights: .equal(count: 8),
                                          configuration: SMAA.Configuration(weights: .ordered(["child-focused"]))))
        XCTAssertThrowsError(try SMAA.run(matrix: F.reference, weights: .equal(count: 8),
                                          configuration: SMAA.Configuration(weights: .around(percent: -5))))
    }

    /// SMAA by the documented recipe, written plainly.
    private func plainSMAA(_ matrix: DecisionMatrix, samples: Int, seed: UInt64) -> (ranks: [[Double]], central: [[Double]?]) {
        let m = matrix.optionCount, n = matrix.criterionCount
        let scores = matrix.scores.map { $0.map(\.doubleValue) }
        var ranks = Array(repeating: Array(repeating: 0.0, count: m), count: m)
        var central = Array(repeating: Array(repeating: 0.0, count: n), count: m)
        var first = Array(repeating: 0.0, count: m)
        var stream = Xoshiro256StarStar(seed: seed)
        var done = 0
        while done < samples {
            var rng = stream
            stream.jump()
            var chunkRanks = Array(repeating: Array(repeating: 0.0, count: m), count: m)
            var chunkCentral = Array(repeating: Array(repeating: 0.0, count: n), count: m)
            var chunkFirst = Array(repeating: 0.0, count: m)
            for _ in 0..<min(SMAA.chunkSize, samples - done) {
                let cuts = (0..<(n - 1)).map { _ in rng.nextUnitInterval() }.sorted()
                let weights = zip(cuts + [1], [0] + cuts).map { $0 - $1 }
                let totals = (0..<m).map { i in
                    var total = 0.0
                    for k in 0..<n { total += weights[k] * scores[i][k] }
                    return total
                }
                for i in 0..<m {
                    let above = totals.count { $0 > totals[i] }
                    let level = totals.count { $0 == totals[i] }
                    for rank in above..<(above + level) { chunkRanks[i][rank] += level == 1 ? 1 : 1 / Double(level) }
                    if above == 0 {
                        chunkFirst[i] += level == 1 ? 1 : 1 / Double(level)
                        for k in 0..<n { chunkCentral[i][k] += level == 1 ? weights[k] : 1 / Double(level) * weights[k] }
                    }
                }
            }
            for i in 0..<m {
                for rank in 0..<m { ranks[i][rank] += chunkRanks[i][rank] }
                for k in 0..<n { central[i][k] += chunkCentral[i][k] }
                first[i] += chunkFirst[i]
            }
            done += SMAA.chunkSize
        }
        return (ranks.map { $0.map { $0 / Double(samples) } },
                (0..<m).map { i in first[i] > 0 ? central[i].map { $0 / first[i] } : nil })
    }
}
