import Foundation
import XCTest

/// `sensitivity`, `smaa`, `kpi` and `evidence` through the real executable, on the reference
/// appraisal and its KPI datasets.
final class AnalysisCommandTests: XCTestCase {
    private let reference = "appraisals/rotherham-ama-2017.json"

    func testSensitivityJSONHasTheDocumentedShapeAndTheExactCrossover() throws {
        let result = try ExecutableRunner.run(["sensitivity", reference, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try CLIFixture.object(result.stdout)
        for key in ["weights", "scores", "scenarios", "leaveOneOut", "dominated", "neverFirst", "statements"] {
            XCTAssertNotNil(document[key], key)
        }
        let weights = try XCTUnwrap(document["weights"] as? [[String: Any]])
        let childFocused = try XCTUnwrap(weights.first { $0["criterion"] as? String == "child-focused" })
        // Equal weights: 1/8 each. Practice Partner 33 and CIC 26 points; on Child Focused they
        // score 4 and 5, elsewhere 29 and 21. With weight t on Child Focused and (1 − t)/7 on
        // each other: PP = 4t + 29(1 − t)/7, CIC = 5t + 21(1 − t)/7; equal when t = 8/15 = 0.533333.
        XCTAssertEqual(childFocused["current"] as? Double, 0.125)
        let firstPlace = try XCTUnwrap(childFocused["firstPlace"] as? [String: Any])
        XCTAssertEqual(firstPlace["holdsTo"] as? Double, 0.533333)
        let crossover = try XCTUnwrap((childFocused["crossovers"] as? [[String: Any]])?.first)
        XCTAssertEqual(crossover["before"] as? [String], ["practice-partner"])
        XCTAssertEqual(crossover["after"] as? [String], ["cic"])
        XCTAssertEqual(document["neverFirst"] as? [String], ["mutual", "joint-venture"])

        let text = try ExecutableRunner.run(["sensitivity", reference])
        XCTAssertTrue(text.stdout.hasPrefix("Findings\n\n- Peer Practice Partner is first with 33 of 40 points"), text.stdout)
        XCTAssertTrue(text.stdout.contains("unless Child Focused carries more than 53.33% of the weight (exactly 8/15; now 12.5%)"), text.stdout)
    }

    func testSensitivityRefusesAnIncompleteOrderOfImportance() throws {
        let result = try ExecutableRunner.run(["sensitivity", reference, "--importance", "risk,workforce"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--importance must list every criterion once"), result.stderr)
        let unknown = try ExecutableRunner.run(["sensitivity", reference, "--importance", "cost"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("'cost' is not a criterion"), unknown.stderr)
    }

    func testSMAAIsReproducibleBySeedAndChecksItsOptions() throws {
        let first = try ExecutableRunner.run(["smaa", reference, "--samples", "5000", "--seed", "7", "--format", "json"])
        let again = try ExecutableRunner.run(["smaa", reference, "--samples", "5000", "--seed", "7", "--format", "json"])
        let other = try ExecutableRunner.run(["smaa", reference, "--samples", "5000", "--seed", "8", "--format", "json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, again.stdout)
        XCTAssertNotEqual(first.stdout, other.stdout)
        let document = try CLIFixture.object(first.stdout)
        XCTAssertEqual(document["samples"] as? Int, 5000)
        let acceptability = try XCTUnwrap(document["rankAcceptability"] as? [String: [Double]])
        XCTAssertEqual(acceptability.count, 8)
        for (option, shares) in acceptability {
            XCTAssertEqual(shares.reduce(0, +), 1, accuracy: 1e-5, option)
        }
        XCTAssertEqual(acceptability["mutual"]?[0], 0, "no weighting puts Mutual first")

        let both = try ExecutableRunner.run(["smaa", reference, "--weights-order", "risk", "--weight-spread", "10"])
        XCTAssertEqual(both.status, 2)
        let badSamples = try ExecutableRunner.run(["smaa", reference, "--samples", "none"])
        XCTAssertEqual(badSamples.status, 2)
        XCTAssertTrue(badSamples.stderr.contains("--samples must be a whole number"), badSamples.stderr)
    }

    /// Seed 002:94 prints 9.2 (Low; red > 12%, green 10%) Green at 11.3% in December, which the
    /// bands rate Amber (10 < 11.3 < 12); 002:105 prints 12.1 (High; red < 90%) Yellow at 83.9%,
    /// which the bands rate Red, with an up arrow although 85.3% → 83.9% is a decline.
    func testKPIReportsPrintedMarksTheBandsDoNotBearOut() throws {
        let result = try ExecutableRunner.run(["kpi", "appraisals/kpi/sc-2015-12.csv", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let indicators = try XCTUnwrap(try CLIFixture.object(result.stdout)["indicators"] as? [[String: Any]])
        let byRef = Dictionary(uniqueKeysWithValues: indicators.map { ($0["ref"] as! String, $0) })
        XCTAssertEqual(byRef["9.2"]?["rag"] as? String, "Amber")
        XCTAssertEqual(byRef["9.2"]?["declaredRag"] as? String, "Green")
        XCTAssertEqual(byRef["12.1"]?["rag"] as? String, "Red")
        XCTAssertEqual(byRef["12.1"]?["directionOfTravel"] as? String, "declining")
        for key in ["ref", "title", "polarity", "unit", "period", "value", "status", "rag", "declaredRag", "directionOfTravel", "previous", "benchmarks"] {
            XCTAssertTrue(byRef["9.2"]!.keys.contains(key), key)
        }
    }

    func testKPIRejectsAPeriodTheDatasetDoesNotHaveAndAMissingFile() throws {
        let period = try ExecutableRunner.run(["kpi", "appraisals/kpi/sc-2015-12.csv", "--period", "Jun-17"])
        XCTAssertEqual(period.status, 2)
        XCTAssertTrue(period.stderr.contains("has no column for Jun-17"), period.stderr)
        let nonsense = try ExecutableRunner.run(["kpi", "appraisals/kpi/sc-2015-12.csv", "--period", "someday"])
        XCTAssertEqual(nonsense.status, 2)
        let missing = try ExecutableRunner.run(["kpi", "appraisals/kpi/no-such.csv"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no-such.csv"), missing.stderr)
    }

    func testEvidenceListsCitationsAndTheTensionOfPartnerships() throws {
        let result = try ExecutableRunner.run(["evidence", reference, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try CLIFixture.object(result.stdout)
        XCTAssertEqual((document["citations"] as? [Any])?.count, 25)
        let tensions = try XCTUnwrap(document["tensions"] as? [[String: Any]])
        // Practice Partner scores 5/5 on Partnerships but cites eh-2017-06 3.3/%, partner-led
        // early help assessments, which fell from 17.2% in May to 9.3% in June (declining).
        XCTAssertEqual(tensions.count, 1)
        XCTAssertEqual(tensions.first?["option"] as? String, "practice-partner")
        XCTAssertEqual(tensions.first?["criterion"] as? String, "partnerships")
    }

    func testValidateReportsACitationOfAnIndicatorThatDoesNotExist() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try ExecutableRunner.copyReferenceDatasets(to: folder)
        let text = try String(contentsOf: ExecutableRunner.referenceAppraisal, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "\"indicator\": \"3.3/%\"", with: "\"indicator\": \"3.3/#\"")
        XCTAssertNotEqual(broken, text)
        try broken.write(to: folder.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
        let result = try ExecutableRunner.run(["validate", "r.json", "--format", "json"], in: folder)
        XCTAssertEqual(result.status, 1)
        let errors = try XCTUnwrap(try CLIFixture.object(result.stdout)["errors"] as? [[String: Any]])
        // Practice Partner's Partnerships score cites 3.3/% in two editions (eh-2017-06, eh-2016-12).
        XCTAssertEqual(errors.map { $0["code"] as? String }, ["unknown-kpi-indicator", "unknown-kpi-indicator"])
        XCTAssertTrue((errors.first?["location"] as? String)?.hasPrefix("scores[") == true, "\(errors)")
        XCTAssertNotNil(errors.first?["line"] as? Int)
    }

    func testValidateReportsAMissingDatasetFileAtItsEntry() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try FileManager.default.copyItem(at: ExecutableRunner.referenceAppraisal, to: folder.appendingPathComponent("r.json"))
        let result = try ExecutableRunner.run(["validate", "r.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("in kpi/sc-2017-06.csv: error: no such file; check the path [kpiDatasets[1]]"), result.stdout)
    }
}
