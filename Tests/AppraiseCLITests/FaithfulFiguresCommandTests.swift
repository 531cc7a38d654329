import Foundation
import XCTest

/// Through the real executable: declared figures read as printed, exact fractions beside the
/// decimals in JSON, Triantaphyllou and Sánchez's measure, endpoint ties kept apart.
final class FaithfulFiguresCommandTests: XCTestCase {
    /// The weighted-scoring sheet of the dwmbeancounter.com Cost-Benefit Analysis tutorial
    /// workbook ("Multi-Criteria Analysis", sheet006): weights 50%, 25%, 15%, 10%, scores out of
    /// 10, weighted scores printed to one decimal (3.8, 6.0, 4.2, 6.0 for 3.75, 5.95, 4.2, 6)
    /// and raw sums of the scores (16, 23, 18, 27).
    private func sheet(decimals: String, option1: String = "3.8") -> String {
        let scores = [[3, 5, 4, 4], [5, 9, 6, 3], [5, 0, 8, 5], [5, 6, 8, 8]]
        let weights = [50, 25, 15, 10]
        let criteria = (0..<4).map { #"{"id": "c\#($0 + 1)", "name": "Criterion \#($0 + 1)", "weight": \#(weights[$0])}"# }
        let options = (0..<4).map { #"{"id": "option-\#($0 + 1)", "name": "Option \#($0 + 1)"}"# }
        let cells = scores.enumerated().flatMap { option, row in
            row.enumerated().map { #"{"option": "option-\#(option + 1)", "criterion": "c\#($0.offset + 1)", "value": \#($0.element), "rationale": [{"kind": "note", "text": "Sheet."}]}"# }
        }
        return """
        {"format": 1, "id": "cba-sheet", "title": "Multi-criteria analysis", "body": "Tutorial", "date": "2020",
         "scale": {"min": 0, "max": 10, "step": 1},
         "criteria": [\(criteria.joined(separator: ", "))],
         "options": [\(options.joined(separator: ", "))],
         "scores": [\(cells.joined(separator: ", "))],
         "declared": [
           {"source": "Overall row, weighted score", "basis": "weighted-average"\(decimals),
            "totals": {"option-1": \(option1), "option-2": 6.0, "option-3": 4.2, "option-4": 6.0}},
           {"source": "Overall row, score", "basis": "raw-sum", "weighting": "equal",
            "totals": {"option-1": 16, "option-2": 23, "option-3": 18, "option-4": 27}}
         ]}
        """
    }

    private func write(_ text: String) throws -> URL {
        let url = try ExecutableRunner.temporaryFolder(self).appendingPathComponent("sheet.json")
        try Data(text.utf8).write(to: url)
        return url
    }

    func testPrintedToOneDecimalIsNotADiscrepancy() throws {
        let file = try write(sheet(decimals: #", "decimals": 1"#))
        let validate = try ExecutableRunner.run(["validate", file.path, "--format", "json"])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertFalse(validate.stdout.contains("declared-total-mismatch"), validate.stdout)

        let out = file.deletingLastPathComponent().appendingPathComponent("pack")
        let report = try ExecutableRunner.run(["report", file.path, "--out", out.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("- No published total or rank disagrees with the scores."), report.stdout)
        XCTAssertTrue(report.stdout.contains("2 totals are consistent with the scores when rounded to 1 dp, not exactly"), report.stdout)
        XCTAssertTrue(report.stdout.contains("Option 2 and Option 4 are printed level at 6.0 out of 10 only by rounding"), report.stdout)
        let csv = try String(contentsOf: out.appendingPathComponent("reconciliation.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("consistent when rounded to 1 dp"), csv)
        XCTAssertTrue(csv.contains("total (raw sum, equal weights)"), csv)
        XCTAssertFalse(csv.contains("DIFFERS"), csv)
    }

    func testReadLiterallyAndARealMistakeStillWarn() throws {
        let literal = try write(sheet(decimals: ""))
        let validate = try ExecutableRunner.run(["validate", literal.path, "--format", "json"])
        XCTAssertEqual(validate.stdout.components(separatedBy: "declared-total-mismatch").count - 1, 2, validate.stdout)

        let wrong = try write(sheet(decimals: #", "decimals": 1"#, option1: "3.9"))
        let again = try ExecutableRunner.run(["validate", wrong.path])
        XCTAssertTrue(again.stdout.contains("Option 1 (3.9 out of 10, a weighted average score, printed to 1 dp, Overall row, weighted score) disagrees with its scores, "
                                            + "which give 3.75 out of 10 (3.8 when rounded to 1 dp)"), again.stdout)
    }

    func testABadDeclarationIsOneLineNamingThePlace() throws {
        let bad = try write(sheet(decimals: #", "decimals": 12"#))
        let result = try ExecutableRunner.run(["validate", bad.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("declared[0].decimals"), result.stdout)
        XCTAssertTrue(result.stdout.contains("use 0 to 6"), result.stdout)
    }

    func testSensitivityJSONCarriesExactFractionsAndThePublishedMeasure() throws {
        let result = try ExecutableRunner.run(["sensitivity", "appraisals/rotherham-ama-2017.json", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try CLIFixture.object(result.stdout)
        let weights = try XCTUnwrap(document["weights"] as? [[String: Any]])
        let child = try XCTUnwrap(weights.first { $0["criterion"] as? String == "child-focused" })
        XCTAssertEqual(child["currentExact"] as? String, "1/8")
        let crossover = try XCTUnwrap((child["crossovers"] as? [[String: Any]])?.first)
        XCTAssertEqual(crossover["weightExact"] as? String, "8/15")
        let held = try XCTUnwrap(child["minimumWeightChange"] as? [String: Any])
        XCTAssertEqual(held["weightFrom"] as? Double, 1)
        XCTAssertEqual(held["weightTo"] as? Double, 8)
        XCTAssertEqual(held["percent"] as? Double, 700)
        let risk = try XCTUnwrap(weights.first { $0["criterion"] as? String == "risk" })
        XCTAssertTrue(risk["minimumWeightChange"] is NSNull, "a tie at 100% is no change")
        XCTAssertEqual((risk["crossovers"] as? [Any])?.count, 0)
        XCTAssertEqual(((risk["endpointTies"] as? [[String: Any]])?.first?["tied"]) as? [String], ["practice-partner", "shared-service"])

        let csv = try ExecutableRunner.run(["sensitivity", "appraisals/rotherham-ama-2017.json", "--format", "csv"])
        // The crossover table holds only Child Focused and Workforce at 8/15; Risk's 100% is an endpoint tie.
        let tables = csv.stdout.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        let crossovers = try XCTUnwrap(tables.first { $0.hasPrefix("Criterion,Weight,First below") })
        XCTAssertEqual(crossovers.split(separator: "\n").count, 3, crossovers)
        let ties = try XCTUnwrap(tables.first { $0.hasPrefix("Criterion,Weight,Level first there") })
        XCTAssertTrue(ties.contains("Risk,100%,Peer Practice Partner = Shared Service,Peer Practice Partner"), ties)
    }
}
