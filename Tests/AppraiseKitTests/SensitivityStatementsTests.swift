import XCTest
@testable import AppraiseKit

/// The sentences for the reference appraisal, pinned word for word: each number in them is
/// worked by hand in the analysis tests.
final class SensitivityStatementsTests: XCTestCase {
    private typealias F = SensitivityFixtures

    func testReferenceStatements() throws {
        let report = try SensitivityReport(matrix: F.reference, weights: F.referenceSelection,
                                           options: SensitivityOptions(names: F.referenceNames))
        XCTAssertEqual(report.statements, [
            "Peer Practice Partner is first with 33 of 40 points, 7 ahead of Community Interest Company and Shared Service (26 each).",
            "Peer Practice Partner stays first whatever weight Partnerships, Political oversight or Integration carry, from none of it to all of it.",
            "Peer Practice Partner stays first unless Child Focused carries more than 53.33% of the weight (exactly 8/15; now 12.5%); at that weight it ties with Community Interest Company, and above it Community Interest Company comes first.",
            "Peer Practice Partner stays first whatever weight Commissioning carries; with all of the weight on Commissioning, it would share first place with Wholly Owned Company – Trust and Community Interest Company.",
            "Peer Practice Partner stays first whatever weight Financial viability carries; with all of the weight on Financial viability, it would share first place with Commission by Contract, Managing Agent and Shared Service.",
            "Peer Practice Partner stays first unless Workforce carries more than 53.33% of the weight (exactly 8/15; now 12.5%); at that weight it ties with Community Interest Company, and above it Community Interest Company comes first.",
            "Peer Practice Partner stays first whatever weight Risk carries; with all of the weight on Risk, it would share first place with Shared Service.",
            // Held-weight (Triantaphyllou and Sánchez): Child Focused from 1 to 8 with the other seven
            // at 1 is a share of 8/15; δ = 7/8 of the normalised weights, 7 on the entered scale, 700%.
            "The most critical criteria for first place are Child Focused and Workforce, equally (Triantaphyllou and Sánchez's measure: one weight changed, the others held as they are, smallest change as a percentage of the weight): the weight of Child Focused, for one, would have to rise from 1 to 8 (by 7, 700% of its weight now) before first place changes.",
            // Peer Practice Partner is best on Partnerships, Political oversight and Integration, and
            // only ties at all of the weight on Commissioning, Financial viability and Risk.
            "By the same measure, no change to the weight of Partnerships, Commissioning, Political oversight, Financial viability, Integration or Risk alone alters first place.",
            "With the other weights rescaled in proportion instead, the smallest change that alters first place is to the share of Child Focused or Workforce: from 12.5% to 53.33% (exactly 8/15) of the total weight, 40.83 percentage points, 326.67% of its share now.",
            "With the other weights rescaled in proportion, the smallest change to one weight that brings any two options level is 5.15 percentage points of the total weight: Workforce from 12.5% to 17.65% (exactly 3/17) brings Wholly Owned Company – Trust level with Shared Service.",
            "No single score change alters first place, even by the full 5 points the scale allows.",
            "To bring another option level with Peer Practice Partner, at least 7 score points would have to change in all: for example, lowering Peer Practice Partner's Child Focused score from 4 to 0 and raising Community Interest Company's Partnerships score from 2 to 5 would put Community Interest Company level with Peer Practice Partner.",
            "Level on points: Community Interest Company and Shared Service (26 points).",
            "A one-step change to a single score would bring Wholly Owned Company – Trust level with Shared Service and Joint Venture level with Mutual.",
            "Peer Practice Partner is first under both weightings compared: the appraisal's weights and equal weights.",
            "The appraisal states no order of importance of its own (the importance shown beside each criterion is only the order of the weights, worked out by the tool), so rank-order weights (rank sum, rank reciprocal, rank-order centroid) were not tried; state one with 'appraise importance'.",
            "Peer Practice Partner stays first whichever single criterion is left out.",
            "Dominated, that is scored at least as well on every criterion and better on at least one by another option: Commission by Contract (by Peer Practice Partner and Shared Service), Wholly Owned Company – Trust (by Community Interest Company), Mutual (by Peer Practice Partner, Wholly Owned Company – Trust, Community Interest Company and Shared Service), Managing Agent (by Peer Practice Partner, Commission by Contract and Shared Service), Joint Venture (by Peer Practice Partner, Commission by Contract, Wholly Owned Company – Trust, Community Interest Company, Managing Agent and Shared Service) and Shared Service (by Peer Practice Partner).",
            "No weighting at all puts Mutual or Joint Venture first: another option, or a blend of other options, scores higher on every criterion.",
            "Commission by Contract, Wholly Owned Company – Trust, Managing Agent and Shared Service can at best share first place: no weighting puts any of them first alone.",
            "Only Peer Practice Partner and Community Interest Company can come first alone under some weighting.",
        ])
    }

    func testStatementsWithAnOrderOfImportanceAndAChangingLeader() throws {
        // o0 (5, 1, 1) and o1 (1, 4, 4): equal weights put o1 first (9 against 7). Rank-sum
        // weights 3:2:1 with c0 first give o0 18/6 against o1 15/6. Sweeping c0: o0 1 + 4t,
        // o1 4 − 3t, level at t = 3/7. Leaving out c1: o0 6 against o1 5.
        let matrix = F.matrix([[5, 1, 1], [1, 4, 4]])
        let selection = WeightSelection(id: "equal", name: "equal weights", weights: .equal(count: 3))
        let report = try SensitivityReport(matrix: matrix, weights: selection, options: SensitivityOptions(importance: ["c0", "c1", "c2"]))
        XCTAssertEqual(report.statements, [
            "o1 is first with 9 of 15 points, 2 ahead of o0 (7).",
            "o1 stays first unless c0 carries more than 42.86% of the weight (exactly 3/7; now 33.33%); at that weight it ties with o0, and above it o0 comes first.",
            "o1 stays first unless c1 carries less than 14.29% of the weight (exactly 1/7; now 33.33%); at that weight it ties with o0, and below it o0 comes first.",
            "o1 stays first unless c2 carries less than 14.29% of the weight (exactly 1/7; now 33.33%); at that weight it ties with o0, and below it o0 comes first.",
            // Held: c0 alone, o0 = 5w + 2 against o1 = w + 8, level at w = 3/2 (+50%); c1 alone,
            // o0 = 6 + w against o1 = 5 + 4w, level at w = 1/3 (−66.67%): c0 is the more critical.
            "The most critical criterion for first place is c0 (Triantaphyllou and Sánchez's measure: one weight changed, the others held as they are, smallest change as a percentage of the weight): its weight would have to rise from 1 to 1.5 (by 0.5, 50% of its weight now) before first place changes.",
            "With the other weights rescaled in proportion instead, the smallest change that alters first place is to the share of c0: from 33.33% to 42.86% (exactly 3/7) of the total weight, 9.52 percentage points, 28.57% of its share now.",
            "With the other weights rescaled in proportion, the smallest change to one weight that brings any two options level is 9.52 percentage points of the total weight: c0 from 33.33% to 42.86% (exactly 3/7) brings o0 level with o1.",
            "The smallest single score change that alters first place is 2 points: lowering o1's c1 score from 4 to 2 would bring o0 level with it (4 different scores could each do it with a change of that size).",
            "To bring another option level with o1, at least 2 score points would have to change in all: for example, lowering o1's c0 score from 1 to 0 and raising o0's c1 score from 1 to 2 would put o0 level with o1.",
            "First place depends on the weighting: o1 is first under equal weights, but under rank-sum weights, rank-reciprocal weights and rank-order centroid weights, o0 comes first.",
            "First place rests on single criteria: leaving out c1, o0 comes first and leaving out c2, o0 comes first.",
            "No option is dominated: none is scored at least as well on every criterion, and better on one, by another option.",
            "Every option comes first alone under some weighting.",
        ])
    }

    func testALevelFirstPlaceAtARecurringWeightGivesTheFraction() throws {
        // o0 (5, 0, …) and o1 (0, 1, …, 1) are level now (5 points each); sweeping c0, o0 is 5t
        // and o1 is 1 − t, level only at t = 1/6 = 16.67%, which two decimals cannot show.
        let matrix = F.matrix([[5, 0, 0, 0, 0, 0], [0, 1, 1, 1, 1, 1]])
        let selection = WeightSelection(id: "equal", name: "equal weights", weights: .equal(count: 6))
        let statements = try SensitivityReport(matrix: matrix, weights: selection).statements
        XCTAssertTrue(statements.contains("o0 and o1 share first place only while c0 carries 16.67% (exactly 1/6) of the weight, no more and no less; "
                                          + "with more, o0 comes first, and with less, o1 comes first."), "\(statements)")
        XCTAssertFalse(statements.contains { $0.contains("exactly 16.67%") }, "\(statements)")
    }

    func testOneScorePointIsSingular() throws {
        // o0 (3, 1) leads o1 (2, 1) by one point: one point, moved, brings them level.
        let matrix = F.matrix([[3, 1], [2, 1]])
        let selection = WeightSelection(id: "equal", name: "equal weights", weights: .equal(count: 2))
        let statements = try SensitivityReport(matrix: matrix, weights: selection).statements
        XCTAssertTrue(statements.contains { $0.hasPrefix("To bring another option level with o0, at least 1 score point would have to change in all: ") }, "\(statements)")
        XCTAssertFalse(statements.contains { $0.contains("1 score points") }, "\(statements)")
    }

    func testAScoreChangeShowsEnoughDecimalsToBeSeen() {
        // Issue 21: at a step of 0.000001 a move read "from 5 to 5.00".
        XCTAssertEqual(fromTo(Rational(5), Rational(5_000_001, 1_000_000)), "from 5 to 5.000001")
        XCTAssertEqual(fromTo(Rational(5), Rational(4_999_999, 1_000_000)), "from 5 to 4.999999")
        XCTAssertEqual(fromTo(Rational(5), Rational(5_001, 1_000)), "from 5 to 5.001")
        XCTAssertEqual(fromTo(Rational(4), Rational(0)), "from 4 to 0", "whole scores stay whole")
        XCTAssertEqual(fromTo(Rational(1, 3), Rational(2, 3)), "from 0.33 to 0.67", "two decimals when they tell the scores apart")
        for step in [1, 10, 100, 1000, 10_000, 100_000, 1_000_000] {
            let from = Rational(7, 2), to = from + Rational(1, Int128(step))
            let text = fromTo(from, to)
            let parts = text.split(separator: " ")
            XCTAssertNotEqual(Rational(decimal: String(parts[1])), Rational(decimal: String(parts[3])), text)
        }
    }

    func testATinyButRealShareIsNeverShownAsZero() {
        // First in 4 of 100,000 draws: "under 0.01%", never "in 0.00%" (nor the other "100.00%").
        let result = SMAA.Result(configuration: SMAA.Configuration(samples: 100_000), optionIDs: ["a", "b"], criterionIDs: ["c0"],
                                 rankAcceptability: [[0.99996, 0.00004], [0.00004, 0.99996]], centralWeights: [[1], [1]],
                                 confidence: [1, 1], marginOfError: 0.0031)
        let first = RobustnessStatements.smaa(result, names: DisplayNames())[0]
        XCTAssertEqual(first, "In 100,000 random weightings with every weighting equally likely (seed 1), a is first in over 99.99% and b in under 0.01%.")
        XCTAssertFalse(first.contains("0.00%."), first)
    }

    func testSMAAStatements() throws {
        let result = try SMAA.run(matrix: F.reference, weights: .equal(count: 8), configuration: SMAA.Configuration(samples: 10_000))
        let first = result.rankAcceptability[0][0], cic = result.rankAcceptability[3][0]
        XCTAssertEqual(RobustnessStatements.smaa(result, names: F.referenceNames), [
            "In 10,000 random weightings with every weighting equally likely (seed 1), Peer Practice Partner is first in \(fixedDecimal(first * 100, places: 2))% and Community Interest Company in \(fixedDecimal(cic * 100, places: 2))%; the other 6 options are never first.",
            "Each share is within ±0.98 percentage points of its true value with 95% confidence.",
            "Each option that is ever first is first at its own central weights (the average weights of the samples where it is first).",
        ])
    }
}
