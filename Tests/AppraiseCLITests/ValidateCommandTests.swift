import Foundation
import XCTest

/// `appraise validate` through the real executable: exit codes, the text a user reads, and the
/// JSON a script reads, on the reference appraisal and on files broken in typical ways.
final class ValidateCommandTests: XCTestCase {
    // MARK: - Exit codes

    func testReferenceFileIsValidExitZero() throws {
        let result = try ExecutableRunner.run(["validate", "appraisals/rotherham-ama-2017.json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").last,
                       "appraisals/rotherham-ama-2017.json: valid (7 warnings); 8 options, 8 criteria, 64 scores")
        // Warnings are editor-style lines with line and column.
        XCTAssertTrue(result.stdout.contains("appraisals/rotherham-ama-2017.json:"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: ": warning: ").count - 1, 7)
        XCTAssertEqual(result.stderr, "")
    }

    func testFixtureIsValidWithNoWarnings() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(CLIFixture.valid, to: "ok.json", in: folder)
        let result = try ExecutableRunner.run(["validate", "ok.json"], in: folder)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "ok.json: valid (0 warnings); 2 options, 2 criteria, 4 scores\n")
    }

    func testInvalidFileExitsOne() throws {
        let result = try validate(CLIFixture.valid.replacingOccurrences(of: "\"value\": 2,", with: "\"value\": 6,"))
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout.split(separator: "\n").last, "broken.json: invalid (1 error, 0 warnings)")
    }

    func testUsageErrorsExitTwo() throws {
        let missingFile = try ExecutableRunner.run(["validate"])
        XCTAssertEqual(missingFile.status, 2)
        XCTAssertTrue(missingFile.stderr.contains("missing FILE"), missingFile.stderr)
        XCTAssertTrue(missingFile.stderr.contains("USAGE: appraise validate"), missingFile.stderr)
        XCTAssertEqual(missingFile.stdout, "")

        let unknownOption = try ExecutableRunner.run(["validate", "--strict", "appraisals/rotherham-ama-2017.json"])
        XCTAssertEqual(unknownOption.status, 2)
        XCTAssertTrue(unknownOption.stderr.contains("unknown option '--strict'"), unknownOption.stderr)

        // validate offers text and json only.
        let badFormat = try ExecutableRunner.run(["validate", "--format", "csv", "appraisals/rotherham-ama-2017.json"])
        XCTAssertEqual(badFormat.status, 2)
        XCTAssertTrue(badFormat.stderr.contains("--format must be one of text, json, not 'csv'"), badFormat.stderr)

        let extra = try ExecutableRunner.run(["validate", "a.json", "b.json"])
        XCTAssertEqual(extra.status, 2)
        XCTAssertTrue(extra.stderr.contains("unexpected argument 'b.json'"), extra.stderr)
    }

    // MARK: - JSON output

    func testJSONShapeOnABrokenFile() throws {
        // Two errors: an unknown field (line 5) and an off-scale score (line 19).
        var text = CLIFixture.valid.replacingOccurrences(of: "  \"body\": \"Test council\",", with: "  \"titel\": \"x\",\n  \"body\": \"Test council\",")
        text = text.replacingOccurrences(of: "\"value\": 2,", with: "\"value\": 6,")
        let result = try validate(text, arguments: ["--format", "json"])
        XCTAssertEqual(result.status, 1)
        let document = try CLIFixture.object(result.stdout)
        XCTAssertEqual(Set(document.keys).isSuperset(of: ["file", "valid", "errors", "warnings", "reconciliation"]), true, "\(document.keys)")
        XCTAssertEqual(document["file"] as? String, "broken.json")
        XCTAssertEqual(document["valid"] as? Bool, false)
        let errors = try XCTUnwrap(document["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.map { $0["code"] as? String }, ["unknown-field", "off-scale"])
        XCTAssertEqual(errors.map { $0["location"] as? String }, ["titel", "scores[2].value"])
        XCTAssertEqual(errors.map { CLIFixture.number($0["line"]) }, [5, 20])
        // Line 20 `    {"option": "beta", "criterion": "cost", "value": 6, …`: the value at column 54.
        XCTAssertEqual(errors.map { CLIFixture.number($0["column"]) }, [3, 54])
        for error in errors {
            XCTAssertFalse((error["message"] as? String ?? "").isEmpty)
        }
        XCTAssertEqual((document["warnings"] as? [Any])?.count, 0)
        XCTAssertEqual((document["reconciliation"] as? [Any])?.count, 0, "no reconciliation of an invalid file")
    }

    func testJSONShapeOnTheReferenceFile() throws {
        let result = try ExecutableRunner.run(["validate", "--format", "json", "appraisals/rotherham-ama-2017.json"])
        XCTAssertEqual(result.status, 0)
        let document = try CLIFixture.object(result.stdout)
        XCTAssertEqual(document["valid"] as? Bool, true)
        XCTAssertEqual((document["errors"] as? [Any])?.count, 0)
        let fingerprint = try XCTUnwrap(document["fingerprint"] as? String)
        XCTAssertTrue(CLIFixture.isFingerprint(fingerprint), fingerprint)

        let warnings = try XCTUnwrap(document["warnings"] as? [[String: Any]])
        XCTAssertEqual(warnings.count, 7)
        for warning in warnings {
            let code = warning["code"] as? String ?? ""
            XCTAssertNotNil(CLIFixture.number(warning["line"]))
            XCTAssertNotNil(CLIFixture.number(warning["column"]))
            if code.hasPrefix("short-list-without-") {
                // The Green Book's short-list roles the review did not name (see the file's screening source).
                XCTAssertEqual(warning["location"] as? String, "options")
                continue
            }
            XCTAssertTrue(["declared-total-mismatch", "declared-rank-mismatch"].contains(code), "\(warning)")
            XCTAssertTrue((warning["location"] as? String ?? "").hasPrefix("declared["))
        }

        let findings = try XCTUnwrap(document["reconciliation"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 5)
        for finding in findings {
            XCTAssertTrue(Set(finding.keys).isSuperset(of: ["option", "field", "declared", "computed"]), "\(finding.keys)")
        }
        let totals = findings.filter { $0["field"] as? String == "total" }
        XCTAssertEqual(totals.count, 3)
        XCTAssertTrue(totals.allSatisfy { $0["option"] as? String == "shared-service" })
        XCTAssertTrue(totals.allSatisfy { CLIFixture.number($0["declared"]) == 24 && CLIFixture.number($0["computed"]) == 26 })
        let ranks = findings.filter { $0["field"] as? String == "rank" }
        XCTAssertEqual(ranks.map { $0["option"] as? String }, ["trust", "shared-service"])
        XCTAssertEqual(ranks.map { CLIFixture.number($0["declared"]) }, [3, 4])
        XCTAssertEqual(ranks.map { CLIFixture.number($0["computed"]) }, [4, 2])
    }

    // MARK: - Error kinds end to end

    func testMalformedJSONWithLineAndColumn() throws {
        // Missing comma after `"format": 1` (line 2): reported where "id" starts, line 3 column 3.
        let result = try validate(CLIFixture.valid.replacingOccurrences(of: "\"format\": 1,", with: "\"format\": 1"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("broken.json:3:3: error: not valid JSON: expected ',' or '}' after the value of \"format\""), result.stdout)
    }

    func testUnknownField() throws {
        let text = CLIFixture.valid.replacingOccurrences(of: "  \"body\": \"Test council\",", with: "  \"bdy\": \"x\",\n  \"body\": \"Test council\",")
        let result = try validate(text)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("broken.json:5:3: error: unknown field \"bdy\"; did you mean \"body\"?"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[bdy]"), result.stdout)
    }

    func testUnknownID() throws {
        // scores[3] names option "betta": line 20 `    {"option": "betta", …` → value at column 16.
        let result = try validate(CLIFixture.valid.replacingOccurrences(of: "{\"option\": \"beta\", \"criterion\": \"quality\"",
                                                                       with: "{\"option\": \"betta\", \"criterion\": \"quality\""))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("broken.json:20:16: error: score for unknown option \"betta\" (known: alpha, beta) [scores[3].option]"),
                      result.stdout)
        // And beta is then left without a quality score.
        XCTAssertTrue(result.stdout.contains("broken.json: error: 1 of 4 cells are not yet scored:\n  beta: quality\n"), result.stdout)
    }

    func testMissingScore() throws {
        let line = "    {\"option\": \"alpha\", \"criterion\": \"quality\", \"value\": 3, \"rationale\": [{\"kind\": \"against\", \"text\": \"Patchy.\"}]},\n"
        XCTAssertTrue(CLIFixture.valid.contains(line))
        let result = try validate(CLIFixture.valid.replacingOccurrences(of: line, with: ""))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("broken.json: error: 1 of 4 cells are not yet scored:\n  alpha: quality\n"
                                             + "  Score them with 'appraise score broken.json OPTION CRITERION VALUE', or many at once with "
                                             + "'appraise score broken.json --from-csv SHEET.csv'.\n"), result.stdout)
    }

    func testOffScale() throws {
        let result = try validate(CLIFixture.valid.replacingOccurrences(of: "\"value\": 2,", with: "\"value\": 6,"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("broken.json:19:54: error: score 6 is outside the scale 0–5 in steps of 1"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[scores[2].value]"), result.stdout)
    }

    func testNaN() throws {
        // Bare NaN is not JSON at all.
        let bare = try validate(CLIFixture.valid.replacingOccurrences(of: "\"value\": 2,", with: "\"value\": NaN,"))
        XCTAssertEqual(bare.status, 1)
        XCTAssertTrue(bare.stdout.hasPrefix("broken.json:19:54: error: not valid JSON: NaN and Infinity are not numbers"), bare.stdout)
        // "NaN" in quotes is JSON, but not a number.
        let quoted = try validate(CLIFixture.valid.replacingOccurrences(of: "\"value\": 2,", with: "\"value\": \"NaN\","))
        XCTAssertEqual(quoted.status, 1)
        XCTAssertTrue(quoted.stdout.contains("broken.json:19:54: error: \"NaN\" is not a number"), quoted.stdout)
    }

    func testEmptyFile() throws {
        let result = try validate("")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("broken.json:1:1: error: not valid JSON: the file is empty"), result.stdout)
        let blank = try validate(String(repeating: " ", count: 100_000) + "\n\n")
        XCTAssertEqual(blank.status, 1)
        XCTAssertTrue(blank.stdout.contains("error: not valid JSON: the file holds 100002 bytes of white space (spaces, tabs or line ends) and no JSON"), blank.stdout)
    }

    func testUTF16File() throws {
        var data = Data([0xFF, 0xFE])
        for unit in CLIFixture.valid.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        let folder = try ExecutableRunner.temporaryFolder(self)
        try data.write(to: folder.appendingPathComponent("notepad.json"))
        let result = try ExecutableRunner.run(["validate", "notepad.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("notepad.json:1:1: error: not valid JSON: the file is UTF-16 text; save it as UTF-8"), result.stdout)
    }

    func testNonExistentFile() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let result = try ExecutableRunner.run(["validate", "nowhere.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("nowhere.json: error: no such file; check the path"), result.stdout)
        let json = try ExecutableRunner.run(["validate", "--format", "json", "nowhere.json"], in: folder)
        XCTAssertEqual(json.status, 1)
        let document = try CLIFixture.object(json.stdout)
        XCTAssertEqual((document["errors"] as? [[String: Any]])?.first?["code"] as? String, "unreadable-file")
        XCTAssertTrue(document["fingerprint"] is NSNull, "\(String(describing: document["fingerprint"]))")
    }

    // MARK: - Helpers

    private func validate(_ text: String, arguments: [String] = []) throws -> ExecutableRunner.Result {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(text, to: "broken.json", in: folder)
        return try ExecutableRunner.run(["validate"] + arguments + ["broken.json"], in: folder)
    }
}

/// A small valid appraisal and helpers shared by the CLI tests.
enum CLIFixture {
    /// Two options × two criteria on 0–5, with one weight set.
    /// Equal weights: alpha 4 + 3 = 7/10, beta 2 + 4 = 6/10.
    /// "quality-first" (cost 1, quality 3 → shares 1/4, 3/4; points out of 2 × 5 = 10):
    ///   alpha 2 × (1/4 × 4 + 3/4 × 3) = 2 × 13/4 = 6.5;  beta 2 × (1/4 × 2 + 3/4 × 4) = 2 × 7/2 = 7.
    /// Line numbers: 16 `"scores": [`, 17–20 scores[0…3], 21–23 weightSets.
    static let valid = """
    {
      "format": 1,
      "id": "cli-fixture",
      "title": "CLI fixture",
      "body": "Test council",
      "date": "2024-05",
      "scale": {"min": 0, "max": 5, "step": 1},
      "criteria": [
        {"id": "cost", "name": "Cost"},
        {"id": "quality", "name": "Quality"}
      ],
      "options": [
        {"id": "alpha", "name": "Alpha option", "shortName": "Alpha"},
        {"id": "beta", "name": "Beta option", "shortName": "Beta"}
      ],
      "scores": [
        {"option": "alpha", "criterion": "cost", "value": 4, "rationale": [{"kind": "for", "text": "Cheap to run."}]},
        {"option": "alpha", "criterion": "quality", "value": 3, "rationale": [{"kind": "against", "text": "Patchy."}]},
        {"option": "beta", "criterion": "cost", "value": 2, "rationale": [{"kind": "against", "text": "Costly."}]},
        {"option": "beta", "criterion": "quality", "value": 4, "rationale": [{"kind": "for", "text": "Strong."}]}
      ],
      "weightSets": [
        {"id": "quality-first", "name": "Quality first", "weights": {"cost": 1, "quality": 3}}
      ]
    }
    """

    @discardableResult
    static func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Parses a JSON object with Foundation (independently of the tool's own reader).
    static func object(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(value as? [String: Any], "expected a JSON object: \(text.prefix(200))", file: file, line: line)
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// `sha256:` and 64 lower-case hex digits.
    static func isFingerprint(_ text: String) -> Bool {
        text.range(of: "^sha256:[0-9a-f]{64}$", options: .regularExpression) != nil
    }
}
