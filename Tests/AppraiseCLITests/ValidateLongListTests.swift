import Foundation
import XCTest

/// Every problem `validate` knows about the long list, each made by adding a long list to the
/// CLI fixture and breaking it in one place, through the real executable: exit status, code,
/// place (with its line) and a message that says what to do.
final class ValidateLongListTests: XCTestCase {
    /// The fixture with a long list that passes every rule: Alpha business as usual, Beta the
    /// do-minimum, a discounted Gamma with its reason, one factor both scored options pass.
    private static let sound = CLIFixture.valid
        .replacingOccurrences(of: #"{"id": "alpha", "name": "Alpha option", "shortName": "Alpha"}"#,
                              with: #"{"id": "alpha", "name": "Alpha option", "shortName": "Alpha", "stage": "business-as-usual"}"#)
        .replacingOccurrences(of: #"{"id": "beta", "name": "Beta option", "shortName": "Beta"}"#,
                              with: #"{"id": "beta", "name": "Beta option", "shortName": "Beta", "stage": "do-minimum"},"# + "\n    "
                                + #"{"id": "gamma", "name": "Gamma option", "stage": "discounted", "stageReason": "Unlawful", "framework": {"delivery": "Outsourced"}}"#)
        .replacingOccurrences(of: #""format": 1,"#, with: #""format": 1,"# + "\n  "
                                + #""screening": {"criteria": [{"id": "legal", "name": "Lawful"}], "results": [{"option": "alpha", "criterion": "legal", "result": "pass"}, {"option": "beta", "criterion": "legal", "result": "pass"}, {"option": "gamma", "criterion": "legal", "result": "fail", "reason": "No power"}]},"#)

    private struct Case {
        let code: String
        let location: String
        let severity: String
        let text: String

        init(_ code: String, at location: String, severity: String = "warning", replacing old: String, with new: String) {
            precondition(ValidateLongListTests.sound.contains(old), "fixture has no \(old)")
            self.code = code
            self.location = location
            self.severity = severity
            text = ValidateLongListTests.sound.replacingOccurrences(of: old, with: new)
        }
    }

    private var cases: [Case] {
        [
            Case("short-list-without-business-as-usual", at: "options", replacing: #""stage": "business-as-usual""#, with: #""stage": "preferred""#),
            Case("short-list-without-do-minimum", at: "options", replacing: #""stage": "do-minimum""#, with: #""stage": "short-listed""#),
            Case("discounted-without-reason", at: "options[2]", replacing: #", "stageReason": "Unlawful""#, with: ""),
            Case("failed-screening-but-scored", at: "screening.results[0]", replacing: #""criterion": "legal", "result": "pass"}, {"option": "beta""#,
                 with: #""criterion": "legal", "result": "fail"}, {"option": "beta""#),
            Case("not-screened", at: "options[1]", replacing: #", {"option": "beta", "criterion": "legal", "result": "pass"}"#, with: ""),
            Case("unknown-choice", at: "options[0].stage", severity: "error", replacing: #""stage": "business-as-usual""#, with: #""stage": "current""#),
            Case("unknown-choice", at: "screening.results[2].result", severity: "error", replacing: #""result": "fail""#, with: #""result": "no""#),
            Case("unknown-field", at: "options[2].framework.vehicle", severity: "error", replacing: #""delivery": "Outsourced""#, with: #""vehicle": "Outsourced""#),
            Case("unknown-id", at: "screening.results[2].option", severity: "error", replacing: #""option": "gamma", "criterion""#, with: #""option": "delta", "criterion""#),
            Case("unknown-id", at: "screening.results[2].criterion", severity: "error", replacing: #""criterion": "legal", "result": "fail""#,
                 with: #""criterion": "legality", "result": "fail""#),
            Case("duplicate-result", at: "screening.results[2]", severity: "error", replacing: #"{"option": "gamma", "criterion": "legal""#,
                 with: #"{"option": "beta", "criterion": "legal""#),
            Case("duplicate-id", at: "screening.criteria[1].id", severity: "error", replacing: #"[{"id": "legal", "name": "Lawful"}]"#,
                 with: #"[{"id": "legal", "name": "Lawful"}, {"id": "legal", "name": "Again"}]"#),
        ]
    }

    func testTheSoundLongListHasNoFinding() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(Self.sound, to: "sound.json", in: folder)
        let result = try ExecutableRunner.run(["validate", "sound.json"], in: folder)
        XCTAssertEqual(result.stdout, "sound.json: valid (0 warnings); 3 options, 2 criteria, 4 scores\n")
    }

    func testEveryLongListDiagnosticThroughTheExecutable() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        for (index, item) in cases.enumerated() {
            try CLIFixture.write(item.text, to: "\(index).json", in: folder)
            let result = try ExecutableRunner.run(["validate", "--format", "json", "\(index).json"], in: folder)
            XCTAssertEqual(result.status, item.severity == "error" ? 1 : 0, "\(item.code): \(result.stdout)")
            let document = try CLIFixture.object(result.stdout)
            let found = try XCTUnwrap(document[item.severity == "error" ? "errors" : "warnings"] as? [[String: Any]], item.code)
            let match = found.first { $0["code"] as? String == item.code && $0["location"] as? String == item.location }
            XCTAssertNotNil(match, "\(item.code) at \(item.location) not reported: \(found)")
            XCTAssertNotNil(match?["line"] as? Int, "\(item.code) has a line")
            XCTAssertGreaterThan((match?["message"] as? String)?.count ?? 0, 20, "\(item.code) explains itself")
        }
    }
}
