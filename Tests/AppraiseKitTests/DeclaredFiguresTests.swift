import Foundation
import XCTest
@testable import AppraiseKit

/// Declared totals read the way they were printed: on their basis, under their weighting, to
/// their precision.
///
/// The published example is the "Multi-Criteria Analysis" sheet of the Cost-Benefit Analysis
/// tutorial workbook of dwmbeancounter.com (BCTutorials/Decisions, Cost-Benefit-Analysis,
/// sheet006): four options scored out of 10 on four criteria weighted 50%, 25%, 15% and 10%
/// (the weights add up to 100%). Its "Overall" row prints each option's raw sum of scores (16,
/// 23, 18, 27: under equal weights, not the sheet's own) and its weighted score to one decimal
/// (3.8, 6.0, 4.2, 6.0), whose exact values are 3.75, 5.95, 4.2 and 6: Options 2 and 4 are
/// printed level at 6.0 but are not level.
final class DeclaredFiguresTests: XCTestCase {
    private static func appraisal(weights: [String], declared: String,
                                  scores: [[Int]] = [[3, 5, 4, 4], [5, 9, 6, 3], [5, 0, 8, 5], [5, 6, 8, 8]],
                                  scale: String = #"{"min": 0, "max": 10, "step": 1}"#) -> String {
        let criteria = weights.indices.map { #"{"id": "c\#($0 + 1)", "name": "Criterion \#($0 + 1)", "weight": \#(weights[$0])}"# }
        let options = scores.indices.map { #"{"id": "option-\#($0 + 1)", "name": "Option \#($0 + 1)"}"# }
        let cells = scores.enumerated().flatMap { option, row in
            row.enumerated().map { #"{"option": "option-\#(option + 1)", "criterion": "c\#($0.offset + 1)", "value": \#($0.element), "rationale": [{"kind": "note", "text": "Sheet."}]}"# }
        }
        return """
        {"format": 1, "id": "cba-sheet", "title": "Multi-criteria analysis", "body": "Tutorial", "date": "2020",
         "scale": \(scale),
         "criteria": [\(criteria.joined(separator: ", "))],
         "options": [\(options.joined(separator: ", "))],
         "scores": [\(cells.joined(separator: ", "))],
         "declared": [\(declared)]}
        """
    }

    private static let weightedScores = #""option-1": 3.8, "option-2": 6.0, "option-3": 4.2, "option-4": 6.0"#
    private static let rawSums = #""option-1": 16, "option-2": 23, "option-3": 18, "option-4": 27"#

    private func reconcile(weights: [String] = ["50", "25", "15", "10"], _ declared: String) throws -> (Appraisal, Reconciliation) {
        try reconcile(text: Self.appraisal(weights: weights, declared: declared))
    }

    private func reconcile(text: String) throws -> (Appraisal, Reconciliation) {
        let file = AppraisalFile(data: Data(text.utf8), name: "sheet.json")
        XCTAssertEqual(file.diagnostics.errors.map(\.message), [])
        let appraisal = try XCTUnwrap(file.appraisal)
        let matrix = try XCTUnwrap(DecisionMatrix(appraisal))
        return (appraisal, Reconciliation(appraisal: appraisal, matrix: matrix, weights: appraisal.defaultWeights!))
    }

    func testWeightedScoresPrintedToOneDecimalAreConsistentWhenRounded() throws {
        let declared = #"{"source": "Overall row, weighted score", "basis": "weighted-average", "decimals": 1, "totals": {\#(Self.weightedScores)}}"#
        for weights in [["50", "25", "15", "10"], ["0.5", "0.25", "0.15", "0.1"]] {
            let (appraisal, reconciliation) = try reconcile(weights: weights, declared)
            XCTAssertEqual(reconciliation.findings, [], "percentages or fractions of one, the same weighting")
            XCTAssertEqual(reconciliation.checks.map(\.outcome), [.consistentWhenRounded, .consistentWhenRounded, .agrees, .agrees])
            XCTAssertEqual(reconciliation.checks.map(\.computed), [Rational(decimal: "3.75")!, Rational(decimal: "5.95")!, Rational(decimal: "4.2")!, Rational(6)])
            XCTAssertEqual(reconciliation.moves, [], "printed level at 6.0 is not a published tie")
            XCTAssertEqual(reconciliation.declaredRanks["option-4"], 1)
            XCTAssertEqual(reconciliation.declaredRanks["option-2"], 2)
            XCTAssertEqual(reconciliation.consequences(in: appraisal), [
                "No published total or rank disagrees with the scores.",
                "Overall row, weighted score: 2 totals are consistent with the scores when rounded to 1 dp, not exactly: "
                    + "Option 1 (printed 3.8 out of 10; the scores give 3.75 out of 10) and Option 2 (printed 6.0 out of 10; the scores give 5.95 out of 10).",
                "Option 2 and Option 4 are printed level at 6.0 out of 10 only by rounding: the scores give 5.95 out of 10 and 6 out of 10, so they are not level.",
            ])
        }
    }

    func testReadLiterallyTheSameFiguresDisagree() throws {
        // Without the precision, 3.8 is taken as exact, and 3.75 is a disagreement.
        let declared = #"{"source": "Overall row", "basis": "weighted-average", "totals": {\#(Self.weightedScores)}}"#
        let (appraisal, reconciliation) = try reconcile(declared)
        XCTAssertEqual(reconciliation.findings.map(\.option), ["option-1", "option-2"])
        XCTAssertEqual(reconciliation.findings[0].sentence(in: appraisal),
                       "The published total for Option 1 (3.8 out of 10, a weighted average score, Overall row) disagrees with its scores, which give 3.75 out of 10.")
    }

    func testARealDisagreementIsNotExcusedByRounding() throws {
        // 3.9 is not 3.75 to one decimal: a real disagreement, even printed to 1 dp.
        let declared = #"{"source": "Overall row", "basis": "weighted-average", "decimals": 1, "totals": {"option-1": 3.9, "option-2": 6.0}}"#
        let (appraisal, reconciliation) = try reconcile(declared)
        XCTAssertEqual(reconciliation.checks.map(\.outcome), [.differs, .consistentWhenRounded])
        XCTAssertEqual(reconciliation.findings.map(\.option), ["option-1"])
        XCTAssertEqual(reconciliation.findings[0].sentence(in: appraisal),
                       "The published total for Option 1 (3.9 out of 10, a weighted average score, printed to 1 dp, Overall row) disagrees with its scores, "
                       + "which give 3.75 out of 10 (3.8 when rounded to 1 dp).")
    }

    func testRawSumsUnderEqualWeightsWhileTheFileWeightsDiffer() throws {
        let declared = #"{"source": "Overall row, score", "basis": "raw-sum", "weighting": "equal", "totals": {\#(Self.rawSums)}}"#
        let (appraisal, reconciliation) = try reconcile(declared)
        XCTAssertEqual(reconciliation.findings, [])
        XCTAssertEqual(reconciliation.checks.map(\.outcome), [.agrees, .agrees, .agrees, .agrees])
        XCTAssertEqual(reconciliation.checks[0].maximum, Rational(40))
        XCTAssertEqual(reconciliation.checks[0].weighting, "equal weights")
        XCTAssertEqual(reconciliation.consequences(in: appraisal), ["Every published total and rank agrees with the scores."])
        // The same sums read as totals under the file's own weights would disagree.
        let (_, literal) = try reconcile(#"{"source": "Overall row, score", "basis": "raw-sum", "totals": {\#(Self.rawSums)}}"#)
        XCTAssertEqual(literal.findings.count, 4)
        XCTAssertEqual(literal.checks[0].computed, Rational(375), "3 × 50 + 5 × 25 + 4 × 15 + 4 × 10 with the weights as entered")
    }

    func testPercentOfTheMaximumToWholePercent() throws {
        // Weighted scores as a percentage of 10: 37.5%, 59.5%, 42%, 60%, printed as whole
        // percentages 38%, 60%, 42%, 60% (38% and 60% only when rounded).
        let declared = #"{"source": "Summary", "basis": "percent", "decimals": 0, "totals": {"option-1": 38, "option-2": 60, "option-3": 42, "option-4": 60}}"#
        let (_, reconciliation) = try reconcile(declared)
        XCTAssertEqual(reconciliation.findings, [])
        XCTAssertEqual(reconciliation.checks.map(\.outcome), [.consistentWhenRounded, .consistentWhenRounded, .agrees, .agrees])
        XCTAssertEqual(reconciliation.checks[1].computed, Rational(decimal: "59.5")!)
    }

    func testPointsAsTheToolCountsThem() throws {
        // Points: the weighted average times the four criteria, out of 40 (15, 23.8, 16.8, 24).
        let declared = #"{"source": "Points", "decimals": 0, "totals": {"option-1": 15, "option-2": 24, "option-3": 17, "option-4": 24}}"#
        let (_, reconciliation) = try reconcile(declared)
        XCTAssertEqual(reconciliation.checks.map(\.outcome), [.agrees, .consistentWhenRounded, .consistentWhenRounded, .agrees])
        XCTAssertEqual(reconciliation.checks[1].maximum, Rational(40))
    }

    func testNewKeysRoundTripAndBadValuesAreReported() throws {
        let declared = #"{"source": "Overall", "totals": {"option-1": 3.8}, "basis": "weighted-average", "weighting": "equal", "decimals": 1}"#
        let (appraisal, _) = try reconcile(declared)
        let again = AppraisalFile(data: Data(AppraisalEncoding.text(appraisal).utf8), name: "again.json")
        XCTAssertEqual(again.appraisal?.declared, appraisal.declared)
        XCTAssertEqual(appraisal.declared[0].basis, .weightedAverage)
        XCTAssertEqual(appraisal.declared[0].weighting, "equal")
        XCTAssertEqual(appraisal.declared[0].decimals, 1)

        let bad = #"{"source": "Overall", "totals": {"option-1": 3.8}, "basis": "average", "weighting": "council", "decimals": 9}"#
        let file = AppraisalFile(data: Data(Self.appraisal(weights: ["50", "25", "15", "10"], declared: bad).utf8), name: "bad.json")
        let problems = file.diagnostics.errors.map { "\($0.code) \($0.location)" }
        XCTAssertEqual(Set(problems), ["unknown-choice declared[0].basis", "out-of-range declared[0].decimals", "unknown-id declared[0].weighting"])
    }

    /// askfilo.com, "What is a weighted scoring model? Examples of weighted scoring model?"
    /// (worked answer): Example 1 weights 0.4, 0.4, 0.2 and scores A (4, 5, 3), B (3, 4, 5),
    /// C (5, 3, 4), weighted scores printed 4.0, 3.8, 4.0 and "Projects A and C have the highest
    /// weighted score (4.0)", but A's own sum is 1.6 + 2.0 + 0.6 = 4.2; Example 2 weights 0.5,
    /// 0.3, 0.2 and vendors X (5, 4, 3), Y (3, 5, 5), printed 4.2 and 4.1, whose own sums are
    /// 2.5 + 1.2 + 0.6 = 4.3 and 1.5 + 1.5 + 1.0 = 4.0. Slips of 0.1 or more at one decimal are
    /// real disagreements, and the published tie of A and C is not a tie at all.
    func testPublishedSlipsAreRealDisagreementsNotRounding() throws {
        let scale = #"{"min": 1, "max": 5, "step": 1}"#
        let projects = Self.appraisal(weights: ["0.4", "0.4", "0.2"],
                                      declared: #"{"source": "Example 1", "basis": "weighted-average", "decimals": 1, "totals": {"option-1": 4.0, "option-2": 3.8, "option-3": 4.0}}"#,
                                      scores: [[4, 5, 3], [3, 4, 5], [5, 3, 4]], scale: scale)
        let first = try reconcile(text: projects)
        XCTAssertEqual(first.1.checks.map(\.outcome), [.differs, .agrees, .agrees])
        XCTAssertEqual(first.1.checks[0].computed, Rational(decimal: "4.2")!)
        XCTAssertEqual(first.1.declaredRanks["option-1"], 1)
        XCTAssertEqual(first.1.declaredRanks["option-3"], 1, "published joint first")
        XCTAssertEqual(first.1.consequences(in: first.0), [
            "The published total for Option 1 (4.0 out of 5, a weighted average score, printed to 1 dp, Example 1) disagrees with its scores, "
                + "which give 4.2 out of 5 (4.2 when rounded to 1 dp).",
            "With the totals the scores give, Option 3 moves from 1st to 2nd.",
            "First place is unchanged: Option 1 (12.6/15).",
        ])

        let vendors = Self.appraisal(weights: ["0.5", "0.3", "0.2"],
                                     declared: #"{"source": "Example 2", "basis": "weighted-average", "decimals": 1, "totals": {"option-1": 4.2, "option-2": 4.1}}"#,
                                     scores: [[5, 4, 3], [3, 5, 5], [4, 3, 4]], scale: scale)
        let (appraisal, reconciliation) = try reconcile(text: vendors)
        XCTAssertEqual(reconciliation.checks.map(\.outcome), [.differs, .differs], "0.1 off at one decimal is not rounding")
        XCTAssertEqual(reconciliation.checks.map(\.computed), [Rational(decimal: "4.3")!, Rational(4)])
        XCTAssertEqual(reconciliation.consistentWhenRounded, [])
        XCTAssertTrue(reconciliation.consequences(in: appraisal)[0].hasPrefix("The published total for Option 1 (4.2 out of 5, a weighted average score, printed to 1 dp, Example 2) disagrees"))
    }

    func testRanksAreCheckedUnderTheWeightingDeclared() throws {
        // Example 1 of the askfilo.com answer again: under its weights A 4.2, C 4.0, B 3.8; with
        // equal weights all three score 12 and share first place.
        let scale = #"{"min": 1, "max": 5, "step": 1}"#
        let scores = [[4, 5, 3], [3, 4, 5], [5, 3, 4]]
        let ranks = #""ranks": {"option-1": 1, "option-2": 3, "option-3": 2}"#
        let own = try reconcile(text: Self.appraisal(weights: ["0.4", "0.4", "0.2"], declared: #"{"source": "Order", \#(ranks)}"#,
                                                     scores: scores, scale: scale))
        XCTAssertEqual(own.1.findings, [])
        let equal = try reconcile(text: Self.appraisal(weights: ["0.4", "0.4", "0.2"], declared: #"{"source": "Order", "weighting": "equal", \#(ranks)}"#,
                                                       scores: scores, scale: scale))
        XCTAssertEqual(equal.1.findings.map(\.option), ["option-2", "option-3"])
        XCTAssertEqual(equal.1.findings[0].sentence(in: equal.0),
                       "Order ranks Option 2 3rd under equal weights, but its scores rank it 1st jointly with Option 1 and Option 3.")
        XCTAssertEqual(equal.1.moves, [], "a ranking under another weighting is not compared with this one")
    }

    func testToleranceIsHalfAUnitInTheLastPlace() {
        // Property: a value rounds to a printed figure at N places exactly when it lies within
        // half a unit of it, whichever way the halves were rounded.
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<500 {
            let places = Int(rng.nextInteger(below: 4))
            let value = Rational(Int128(rng.nextInteger(below: 100_000)), 1_000)
            let printed = Rational(decimal: value.formatted(places: places))!
            XCTAssertNotEqual(DeclaredCheck.outcome(declared: printed, computed: value, decimals: places), .differs, "\(value) to \(places)")
            let step = DeclaredCheck.tolerance(decimals: places) * Rational(2)
            XCTAssertEqual(DeclaredCheck.outcome(declared: printed + step, computed: value, decimals: places), .differs)
        }
    }
}
