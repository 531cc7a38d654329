import Foundation
import XCTest

/// Every kind of problem `validate` knows, each made by breaking the CLI fixture in one place
/// and run through the real executable: the exit status, the code, where it points, and that
/// the message says how to fix it.
final class ValidateEveryCodeTests: XCTestCase {
    private struct Case {
        let code: String
        let location: String
        let severity: String
        let text: String

        init(_ code: String, at location: String, severity: String = "error", replacing old: String, with new: String) {
            self.code = code
            self.location = location
            self.severity = severity
            precondition(CLIFixture.valid.contains(old), "fixture has no \(old)")
            text = CLIFixture.valid.replacingOccurrences(of: old, with: new)
        }
    }

    private let firstScore = #"{"option": "alpha", "criterion": "cost", "value": 4, "rationale": [{"kind": "for", "text": "Cheap to run."}]}"#

    private var cases: [Case] {
        [
            Case("malformed-json", at: "", replacing: #""format": 1,"#, with: #""format": 1,,"#),
            Case("wrong-type", at: "title", replacing: #""title": "CLI fixture""#, with: #""title": 7"#),
            Case("missing-field", at: "title", replacing: "  \"title\": \"CLI fixture\",\n", with: ""),
            Case("duplicate-field", at: "title", replacing: #""title": "CLI fixture","#, with: #""title": "CLI fixture", "title": "Again","#),
            Case("unknown-field", at: "critera", replacing: #""criteria": ["#, with: #""critera": [], "criteria": ["#),
            Case("empty-text", at: "body", replacing: #""body": "Test council""#, with: #""body": "  ""#),
            Case("not-a-number", at: "scores[0].value", replacing: #""value": 4,"#, with: #""value": "NaN","#),
            Case("imprecise-number", at: "scores[0].value", replacing: #""value": 4,"#, with: #""value": 4.0000001,"#),
            Case("out-of-range", at: "scores[0].value", replacing: #""value": 4,"#, with: #""value": -2000000,"#),
            Case("unknown-kind", at: "scores[0].rationale[0].kind", replacing: #""kind": "for", "text": "Cheap"#, with: #""kind": "pro", "text": "Cheap"#),
            Case("unsupported-format", at: "format", replacing: #""format": 1"#, with: #""format": 2"#),
            Case("invalid-id", at: "id", replacing: #""id": "cli-fixture""#, with: #""id": "CLI Fixture""#),
            Case("invalid-date", at: "date", replacing: #""date": "2024-05""#, with: #""date": "2023-02-30""#),
            Case("invalid-scale", at: "scale.step", replacing: #""step": 1}"#, with: #""step": 2}"#),
            Case("off-scale", at: "scores[0].value", replacing: #""value": 4,"#, with: #""value": 6,"#),
            Case("off-step", at: "scores[0].value", replacing: #""value": 4,"#, with: #""value": 3.5,"#),
            Case("duplicate-id", at: "options[1].id", replacing: #"{"id": "beta", "name": "Beta option""#, with: #"{"id": "alpha", "name": "Beta option""#),
            Case("unknown-id", at: "scores[0].option", replacing: #"{"option": "alpha", "criterion": "cost""#, with: #"{"option": "gamma", "criterion": "cost""#),
            Case("missing-score", at: "scores", replacing: firstScore + ",", with: ""),
            Case("extra-score", at: "scores[1]", replacing: firstScore + ",", with: firstScore + ",\n    " + firstScore + ","),
            Case("missing-weight", at: "weightSets[0].weights", replacing: #"{"cost": 1, "quality": 3}"#, with: #"{"cost": 1}"#),
            Case("negative-weight", at: "weightSets[0].weights.cost", replacing: #"{"cost": 1, "quality": 3}"#, with: #"{"cost": -1, "quality": 3}"#),
            Case("zero-weights", at: "weightSets[0].weights.cost", replacing: #"{"cost": 1, "quality": 3}"#, with: #"{"cost": 0, "quality": 0}"#),
            Case("reserved-id", at: "weightSets[0].id", replacing: #""id": "quality-first""#, with: #""id": "equal""#),
            Case("missing-criterion", at: "importance", replacing: #""format": 1,"#, with: #""format": 1, "importance": ["cost"],"#),
            Case("invalid-rank", at: "declared[0].ranks.alpha", replacing: #""format": 1,"#,
                 with: #""format": 1, "declared": [{"source": "Minutes", "ranks": {"alpha": 9}}],"#),
            Case("unknown-kpi-dataset", at: "scores[0].evidence[0]", replacing: #""text": "Cheap to run."}]"#,
                 with: #""text": "Cheap to run."}], "evidence": [{"dataset": "sc-2017-06", "indicator": "11.1"}]"#),
            Case("no-rationale", at: "scores[0].rationale", severity: "warning", replacing: #", "rationale": [{"kind": "for", "text": "Cheap to run."}]"#, with: ""),
            Case("declared-total-mismatch", at: "declared[0].totals.alpha", severity: "warning", replacing: #""format": 1,"#,
                 with: #""format": 1, "declared": [{"source": "Minutes", "totals": {"alpha": 8}}],"#),
            Case("declared-rank-mismatch", at: "declared[0].ranks.alpha", severity: "warning", replacing: #""format": 1,"#,
                 with: #""format": 1, "declared": [{"source": "Minutes", "ranks": {"alpha": 2}}],"#),
        ]
    }

    func testEveryDiagnosticCodeThroughTheExecutable() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        for item in cases {
            try CLIFixture.write(item.text, to: "\(item.code).json", in: folder)
            let result = try ExecutableRunner.run(["validate", "--format", "json", "\(item.code).json"], in: folder)
            XCTAssertEqual(result.status, item.severity == "error" ? 1 : 0, "\(item.code): \(result.stdout)")
            let document = try CLIFixture.object(result.stdout)
            let found = try XCTUnwrap(document[item.severity == "error" ? "errors" : "warnings"] as? [[String: Any]], item.code)
            let match = found.first { $0["code"] as? String == item.code }
            XCTAssertNotNil(match, "\(item.code) not reported: \(found)")
            XCTAssertEqual(match?["location"] as? String, item.location, item.code)
            XCTAssertNotNil(match?["line"] as? Int, "\(item.code) has a line")
            XCTAssertGreaterThan((match?["message"] as? String)?.count ?? 0, 20, "\(item.code) explains itself")
        }
    }

    /// The text form of the same problems: one `file:line:column: error: message [location]`
    /// line each, so an editor or CI log links straight to the place.
    func testTextFormIsOneLinePerProblemWithItsPlace() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let broken = CLIFixture.valid.replacingOccurrences(of: firstScore, with: firstScore.replacingOccurrences(of: "4", with: "6"))
            .replacingOccurrences(of: #""date": "2024-05""#, with: #""date": "May 2024""#)
        try CLIFixture.write(broken, to: "two.json", in: folder)
        let result = try ExecutableRunner.run(["validate", "two.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, result.stdout)
        XCTAssertTrue(lines[0].hasPrefix("two.json:6:11: error: \"May 2024\" is not a date"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("two.json:17:"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("[scores[0].value]"), lines[1])
        XCTAssertEqual(lines[2], "two.json: invalid (2 errors, 0 warnings)")
    }
}
