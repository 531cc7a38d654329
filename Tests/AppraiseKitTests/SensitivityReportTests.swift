import XCTest
@testable import AppraiseKit

/// The bundled report: options are honoured and a bad order of importance is refused.
final class SensitivityReportTests: XCTestCase {
    private typealias F = SensitivityFixtures

    func testReportBundlesEveryAnalysis() throws {
        let report = try SensitivityReport(matrix: F.reference, weights: F.referenceSelection)
        XCTAssertEqual(report.sweeps.count, 8)
        XCTAssertEqual(report.pairSweeps.map(\.count), Array(repeating: 7, count: 8))
        XCTAssertEqual(report.scenarios.map(\.id), ["default", "equal"])
        XCTAssertEqual(report.leaveOneOut.count, 8)
        XCTAssertEqual(report.ranking.leaders, ["practice-partner"])
        XCTAssertEqual(report.minimumChanges.mostCriticalForFirst, "child-focused")
        XCTAssertTrue(report.statements[0].hasPrefix("practice-partner is first"), "ids stand in when there are no names")
        let all = try SensitivityReport(matrix: F.reference, weights: F.referenceSelection, options: SensitivityOptions(pairs: .all))
        XCTAssertEqual(all.pairSweeps.map(\.count), Array(repeating: 28, count: 8))
    }

    func testNamesComeFromTheAppraisal() throws {
        let appraisal = Appraisal(
            id: "small", title: "Small", body: "Council", date: "2024", scale: F.scale05,
            criteria: [Criterion(id: "c0", name: "Cost", weight: Rational(2)), Criterion(id: "c1", name: "Quality", weight: .one)],
            options: [Option(id: "o0", name: "Keep in house", shortName: "In house"), Option(id: "o1", name: "Outsource")],
            scores: [Score(option: "o0", criterion: "c0", value: Rational(4)), Score(option: "o0", criterion: "c1", value: Rational(2)),
                     Score(option: "o1", criterion: "c0", value: Rational(2)), Score(option: "o1", criterion: "c1", value: Rational(5))],
            weightSets: [WeightSet(id: "quality", name: "Quality first", weights: [("c0", .one), ("c1", Rational(3))])],
            importance: ["c1", "c0"])
        let matrix = try XCTUnwrap(DecisionMatrix(appraisal))
        let report = try SensitivityReport(matrix: matrix, weights: appraisal.weightSelection(nil)!, appraisal: appraisal)
        XCTAssertEqual(report.scenarios.map(\.id), ["default", "equal", "quality", "rank-sum", "rank-reciprocal", "rank-order-centroid"])
        // Default 2:1 → in house (10/3 against 3); equal → outsource (7/2 against 3); quality
        // first 1:3 → outsource (17/4 against 10/4), as under rank-order weights with c1 first.
        XCTAssertEqual(report.scenarios.map(\.ranking.leaders), [["o0"], ["o1"], ["o1"], ["o1"], ["o1"], ["o1"]])
        XCTAssertTrue(report.statements[0].hasPrefix("In house is first"))
        XCTAssertThrowsError(try SensitivityReport(matrix: matrix, weights: appraisal.weightSelection(nil)!, appraisal: appraisal,
                                                   options: SensitivityOptions(importance: ["c1"])))
    }
}
