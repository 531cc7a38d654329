import Foundation
import XCTest

import AppraiseKit

/// One test per diagnostic the decoder and validator can emit, each checking the code, the
/// path into the file and the line and column, on a small valid appraisal with one thing broken.
///
/// Diagnostic codes, from Model/AppraisalFile.swift (malformed-json, unreadable-file),
/// Support/JSON/JSONObjectReader.swift (wrong-type, missing-field, duplicate-field, unknown-field,
/// empty-text, not-a-number, imprecise-number, out-of-range) and Validation/AppraisalValidator.swift
/// (unknown-kind is reported by the decoder; unsupported-format, invalid-id, invalid-date,
/// invalid-scale, off-scale, off-step, duplicate-id, unknown-id, missing-score, extra-score,
/// missing-weight, negative-weight, zero-weights, reserved-id, missing-criterion, invalid-rank,
/// and the warnings no-rationale, declared-total-mismatch, declared-rank-mismatch).
final class ValidationTests: XCTestCase {
    // MARK: - The valid appraisal every test breaks

    /// Two options × two criteria on 0–5. Totals (equal weights): alpha 4 + 3 = 7, beta 2 + 4 = 6.
    /// Line numbers used below: 7 scale, 9–10 criteria, 13–14 options, 17–20 scores[0…3].
    static let valid = """
    {
      "format": 1,
      "id": "test-appraisal",
      "title": "Test appraisal",
      "body": "Test council",
      "date": "2024-05",
      "scale": {"min": 0, "max": 5, "step": 1},
      "criteria": [
        {"id": "cost", "name": "Cost"},
        {"id": "quality", "name": "Quality"}
      ],
      "options": [
        {"id": "alpha", "name": "Alpha"},
        {"id": "beta", "name": "Beta"}
      ],
      "scores": [
        {"option": "alpha", "criterion": "cost", "value": 4, "rationale": [{"kind": "for", "text": "Cheap to run."}]},
        {"option": "alpha", "criterion": "quality", "value": 3, "rationale": [{"kind": "against", "text": "Patchy."}]},
        {"option": "beta", "criterion": "cost", "value": 2, "rationale": [{"kind": "against", "text": "Costly."}]},
        {"option": "beta", "criterion": "quality", "value": 4, "rationale": [{"kind": "for", "text": "Strong."}]}
      ]
    }
    """

    /// The valid text with `target` (which must occur exactly once) replaced.
    private func breaking(_ target: String, with replacement: String, in text: String = ValidationTests.valid,
                          file: StaticString = #filePath, line: UInt = #line) -> String {
        let count = text.components(separatedBy: target).count - 1
        XCTAssertEqual(count, 1, "\"\(target)\" should occur once in the fixture", file: file, line: line)
        return text.replacingOccurrences(of: target, with: replacement)
    }

    /// The valid text with extra top-level members (text such as `"importance": [...]`) added at the end.
    private func adding(_ members: String, to text: String = ValidationTests.valid) -> String {
        breaking("\n  ]\n}", with: "\n  ],\n  \(members)\n}", in: text)
    }

    private func load(_ text: String) -> AppraisalFile {
        AppraisalFile(data: Data(text.utf8), name: "test.json")
    }

    /// Line and column of the `occurrence`-th `needle` in `text`, found by plain string search
    /// (independently of the parser under test), plus `offset` characters.
    private func place(of needle: String, in text: String, occurrence: Int = 1, offset: Int = 0,
                       file: StaticString = #filePath, line: UInt = #line) -> SourcePosition? {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else {
                XCTFail("\"\(needle)\" not found \(occurrence) time(s)", file: file, line: line)
                return nil
            }
            found = range
            searchStart = range.upperBound
        }
        let before = text[..<found!.lowerBound]
        let lineNumber = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SourcePosition(line: lineNumber, column: text[lineStart..<found!.lowerBound].count + 1 + offset)
    }

    /// Asserts that `file` has exactly one diagnostic with `code`, at `location` and `position`,
    /// with the given severity and message fragments, and returns it.
    @discardableResult
    private func assertDiagnostic(_ file: AppraisalFile, code: String, location: String, at position: SourcePosition?,
                                  severity: Diagnostic.Severity = .error, mentions fragments: [String] = [],
                                  only: Bool = true,
                                  sourceFile: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let matching = file.diagnostics.filter { $0.code == code }
        guard matching.count == 1, let diagnostic = matching.first else {
            XCTFail("expected one \(code), got: \(describe(file))", file: sourceFile, line: line)
            return nil
        }
        XCTAssertEqual(diagnostic.location, location, file: sourceFile, line: line)
        XCTAssertEqual(diagnostic.severity, severity, file: sourceFile, line: line)
        XCTAssertNotNil(position, "the expected position must be known", file: sourceFile, line: line)
        XCTAssertEqual(diagnostic.position, position, "position of \(code)", file: sourceFile, line: line)
        XCTAssertFalse(diagnostic.message.isEmpty, file: sourceFile, line: line)
        for fragment in fragments {
            XCTAssertTrue(diagnostic.message.contains(fragment), "\"\(diagnostic.message)\" should mention \"\(fragment)\"",
                          file: sourceFile, line: line)
        }
        if only {
            XCTAssertEqual(file.diagnostics.count, 1, "no other diagnostics expected: \(describe(file))", file: sourceFile, line: line)
        }
        XCTAssertEqual(file.isValid, severity == .warning && (only || file.diagnostics.errors.isEmpty), file: sourceFile, line: line)
        return diagnostic
    }

    private func describe(_ file: AppraisalFile) -> String {
        file.diagnostics.map { "\($0.code) [\($0.location)] \($0.position.map(String.init(describing:)) ?? "-"): \($0.message)" }
            .joined(separator: "\n")
    }

    // MARK: - The fixture itself

    func testFixtureIsValidWithoutWarnings() {
        let file = load(Self.valid)
        XCTAssertEqual(file.diagnostics, [], describe(file))
        XCTAssertTrue(file.isValid)
        XCTAssertEqual(file.appraisal?.options.map(\.id), ["alpha", "beta"])
        XCTAssertEqual(file.appraisal?.criteria.map(\.id), ["cost", "quality"])
        XCTAssertEqual(file.appraisal?.scores.count, 4)
        XCTAssertEqual(file.positions["scores[2].value"], SourcePosition(line: 19, column: 54))
    }

    // MARK: - Not JSON at all

    func testMalformedJSON() {
        // Line 4 `  "title": "Test appraisal,` (closing quote lost): the string opened at column 12
        // runs 16 characters to the end of the line, so the line break is column 28.
        let text = breaking("\"title\": \"Test appraisal\",", with: "\"title\": \"Test appraisal,")
        let file = load(text)
        let diagnostic = assertDiagnostic(file, code: "malformed-json", location: "", at: SourcePosition(line: 4, column: 28),
                                          mentions: ["not valid JSON", "line 4, column 12"])
        XCTAssertNil(file.appraisal)
        XCTAssertNil(file.fingerprint)
        XCTAssertEqual(diagnostic?.formatted(file: "test.json").hasPrefix("test.json:4:28: error: not valid JSON"), true)
    }

    func testUnreadableFile() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-no-such-\(UUID().uuidString).json")
        let file = AppraisalFile(contentsOf: missing, name: "gone.json")
        XCTAssertEqual(file.diagnostics.map(\.code), ["unreadable-file"])
        XCTAssertTrue(file.diagnostics[0].message.contains("no such file"))
        XCTAssertNil(file.diagnostics[0].position)
        XCTAssertFalse(file.isValid)
        XCTAssertEqual(file.name, "gone.json")
    }

    // MARK: - Structural problems (decoder)

    func testWrongType() {
        // "format": "1" — a string where a whole number belongs; value at line 2, column 13.
        let text = breaking("\"format\": 1", with: "\"format\": \"1\"")
        assertDiagnostic(load(text), code: "wrong-type", location: "format", at: SourcePosition(line: 2, column: 13),
                         mentions: ["whole number", "the string \"1\""])
    }

    func testWrongTypeForAListAndForTheWholeFile() {
        let text = breaking("\"options\": [\n    {\"id\": \"alpha\", \"name\": \"Alpha\"},\n    {\"id\": \"beta\", \"name\": \"Beta\"}\n  ]",
                            with: "\"options\": {\"alpha\": \"Alpha\"}")
        let file = load(text)
        let wrong = file.diagnostics.filter { $0.code == "wrong-type" }
        XCTAssertEqual(wrong.map(\.location), ["options"], describe(file))
        XCTAssertEqual(wrong.first?.position, place(of: "{\"alpha\"", in: text))
        XCTAssertTrue(wrong.first?.message.contains("expected a list") == true)
        XCTAssertFalse(file.isValid)

        assertDiagnostic(load("[1, 2]"), code: "wrong-type", location: "", at: SourcePosition(line: 1, column: 1), mentions: ["an object"])
    }

    func testMissingField() {
        // Without "title" the file object (line 1, column 1) is where it is missing.
        let text = breaking("  \"title\": \"Test appraisal\",\n", with: "")
        let file = load(text)
        assertDiagnostic(file, code: "missing-field", location: "title", at: SourcePosition(line: 1, column: 1), mentions: ["\"title\" is required"])
        XCTAssertNil(file.appraisal)
    }

    func testMissingFieldInsideAScore() {
        // scores[1] without "value": reported at the score's object, line 18, column 5.
        let text = breaking("\"criterion\": \"quality\", \"value\": 3, ", with: "\"criterion\": \"quality\", ")
        let file = load(text)
        XCTAssertEqual(file.diagnostics.filter { $0.code == "missing-field" }.map(\.location), ["scores[1].value"], describe(file))
        XCTAssertEqual(file.diagnostics.first { $0.code == "missing-field" }?.position, SourcePosition(line: 18, column: 5))
        XCTAssertFalse(file.isValid)
    }

    func testDuplicateField() {
        // A second "title" key on line 5 (column 3).
        let text = breaking("  \"body\": \"Test council\",", with: "  \"title\": \"Again\",\n  \"body\": \"Test council\",")
        let file = load(text)
        assertDiagnostic(file, code: "duplicate-field", location: "title", at: SourcePosition(line: 5, column: 3), mentions: ["more than once"])
        // The last one stands.
        XCTAssertEqual(file.appraisal?.title, "Again")
    }

    func testUnknownFieldSuggestsTheClosestKnownOne() {
        // "titel" beside "title": key at line 5, column 3.
        let text = breaking("  \"body\": \"Test council\",", with: "  \"titel\": \"Typo\",\n  \"body\": \"Test council\",")
        assertDiagnostic(load(text), code: "unknown-field", location: "titel", at: SourcePosition(line: 5, column: 3),
                         mentions: ["unknown field \"titel\"", "did you mean \"title\"?", "Allowed here:"])
    }

    func testUnknownFieldNestedAndWithoutSuggestion() {
        // On scores[3]: `"colour"` is nothing like any score field, so no suggestion.
        let text = breaking("{\"option\": \"beta\", \"criterion\": \"quality\",", with: "{\"colour\": \"red\", \"option\": \"beta\", \"criterion\": \"quality\",")
        let diagnostic = assertDiagnostic(load(text), code: "unknown-field", location: "scores[3].colour",
                                          at: place(of: "\"colour\"", in: text))
        XCTAssertEqual(diagnostic?.position?.line, 20)
        XCTAssertEqual(diagnostic?.message.contains("did you mean"), false)
        XCTAssertEqual(diagnostic?.message.contains("option"), true, "lists the allowed fields")
    }

    func testEmptyText() {
        let text = breaking("\"title\": \"Test appraisal\"", with: "\"title\": \"   \"")
        assertDiagnostic(load(text), code: "empty-text", location: "title", at: SourcePosition(line: 4, column: 12), mentions: ["empty"])
    }

    func testNotANumber() {
        // scores[2].value written "2" in quotes. Line 19 is
        // `    {"option": "beta", "criterion": "cost", "value": 2, …`: the value starts at column 54.
        let text = breaking("\"value\": 2,", with: "\"value\": \"2\",")
        assertDiagnostic(load(text), code: "not-a-number", location: "scores[2].value", at: SourcePosition(line: 19, column: 54),
                         mentions: ["without quotes"], only: false)
    }

    func testNaNStringIsNotANumber() {
        let text = breaking("\"value\": 2,", with: "\"value\": \"NaN\",")
        assertDiagnostic(load(text), code: "not-a-number", location: "scores[2].value", at: SourcePosition(line: 19, column: 54),
                         mentions: ["\"NaN\" is not a number", "finite"], only: false)
        let infinity = breaking("\"value\": 2,", with: "\"value\": \"-Infinity\",")
        assertDiagnostic(load(infinity), code: "not-a-number", location: "scores[2].value", at: SourcePosition(line: 19, column: 54),
                         mentions: ["\"-Infinity\" is not a number"], only: false)
    }

    func testImpreciseNumber() {
        // Seven decimal places.
        let text = breaking("\"value\": 2,", with: "\"value\": 2.0000001,")
        assertDiagnostic(load(text), code: "imprecise-number", location: "scores[2].value", at: SourcePosition(line: 19, column: 54),
                         mentions: ["2.0000001", "6 decimal places"], only: false)
        // Six places are fine as far as precision goes (2.000001 is then off the scale's steps).
        let six = load(breaking("\"value\": 2,", with: "\"value\": 2.000001,"))
        XCTAssertEqual(six.diagnostics.map(\.code), ["off-step"])
    }

    func testOutOfRange() {
        // A criterion weight above one million; line 9 `    {"id": "cost", "name": "Cost", "weight": 2000000},`:
        // `{` 5, `"id"` 6–9, `"cost"` 12–17, `"name"` 20–25, `"Cost"` 28–33, `"weight"` 36–43, value 46.
        var text = breaking("{\"id\": \"cost\", \"name\": \"Cost\"}", with: "{\"id\": \"cost\", \"name\": \"Cost\", \"weight\": 2000000}")
        text = breaking("{\"id\": \"quality\", \"name\": \"Quality\"}", with: "{\"id\": \"quality\", \"name\": \"Quality\", \"weight\": 1}", in: text)
        let file = load(text)
        let diagnostic = file.diagnostics.first { $0.code == "out-of-range" }
        XCTAssertEqual(diagnostic?.location, "criteria[0].weight", describe(file))
        XCTAssertEqual(diagnostic?.position, SourcePosition(line: 9, column: 46))
        XCTAssertEqual(diagnostic?.message.contains("1,000,000"), true)
        XCTAssertFalse(file.isValid)
        // Exactly one million is allowed.
        let limit = load(text.replacingOccurrences(of: "2000000", with: "1000000"))
        XCTAssertEqual(limit.diagnostics, [], describe(limit))
    }

    func testUnknownKind() {
        // scores[0] rationale kind "pro"; the kind's value on line 17.
        let text = breaking("{\"kind\": \"for\", \"text\": \"Cheap to run.\"}", with: "{\"kind\": \"pro\", \"text\": \"Cheap to run.\"}")
        assertDiagnostic(load(text), code: "unknown-kind", location: "scores[0].rationale[0].kind",
                         at: place(of: "\"pro\"", in: text), mentions: ["\"pro\"", "for, against, contingent, note"], only: false)
        XCTAssertEqual(place(of: "\"pro\"", in: text)?.line, 17)
    }

    // MARK: - Header

    func testUnsupportedFormat() {
        let text = breaking("\"format\": 1", with: "\"format\": 2")
        assertDiagnostic(load(text), code: "unsupported-format", location: "format", at: SourcePosition(line: 2, column: 13), mentions: ["format 2"])
    }

    func testInvalidIDOfTheAppraisalAndOfACriterion() {
        let text = breaking("\"id\": \"test-appraisal\"", with: "\"id\": \"Test Appraisal\"")
        assertDiagnostic(load(text), code: "invalid-id", location: "id", at: SourcePosition(line: 3, column: 9), mentions: ["kebab-case", "test-appraisal"])

        // Renaming a criterion everywhere keeps the file otherwise consistent.
        let criterion = Self.valid.replacingOccurrences(of: "\"cost\"", with: "\"Running cost\"")
        assertDiagnostic(load(criterion), code: "invalid-id", location: "criteria[0].id", at: SourcePosition(line: 9, column: 12),
                         mentions: ["\"Running cost\"", "running-cost"])
    }

    func testInvalidDate() {
        let text = breaking("\"date\": \"2024-05\"", with: "\"date\": \"2024-13\"")
        assertDiagnostic(load(text), code: "invalid-date", location: "date", at: SourcePosition(line: 6, column: 11), mentions: ["YYYY-MM-DD"])
        for good in ["2024", "2024-12", "2024-02-29", "2017-04-30"] {
            let file = load(breaking("\"date\": \"2024-05\"", with: "\"date\": \"\(good)\""))
            XCTAssertEqual(file.diagnostics, [], good)
        }
        for bad in ["24-05", "2024/05", "May 2024", "2024-05-32", "2024-00", "2024-5"] {
            let file = load(breaking("\"date\": \"2024-05\"", with: "\"date\": \"\(bad)\""))
            XCTAssertEqual(file.diagnostics.map(\.code), ["invalid-date"], bad)
        }
    }

    func testOptionGroups() {
        // With groups declared, alpha names a group that does not exist and beta names none.
        var text = adding(#""groups": [{"id": "in-house", "name": "In house"}]"#)
        text = breaking("{\"id\": \"alpha\", \"name\": \"Alpha\"}", with: "{\"id\": \"alpha\", \"name\": \"Alpha\", \"group\": \"outsourced\"}", in: text)
        let file = load(text)
        XCTAssertEqual(file.diagnostics.map(\.code), ["unknown-id", "missing-field"], describe(file))
        XCTAssertEqual(file.diagnostics.map(\.location), ["options[0].group", "options[1]"])
        XCTAssertEqual(file.diagnostics.map(\.position), [place(of: "\"outsourced\"", in: text), SourcePosition(line: 14, column: 5)])
        XCTAssertTrue(file.diagnostics[0].message.contains("(known: in-house)"))
    }

    // MARK: - Scale and scores

    func testInvalidScaleZeroStep() {
        // `  "scale": {"min": 0, "max": 5, "step": 0},` → step's value at column 41.
        let text = breaking("\"step\": 1}", with: "\"step\": 0}")
        assertDiagnostic(load(text), code: "invalid-scale", location: "scale.step", at: SourcePosition(line: 7, column: 41), mentions: ["step"])
    }

    func testInvalidScaleMaxNotAboveMin() {
        // min 5, max 5. Line 7 `  "scale": {"min": 5, "max": 5, "step": 1},`: max's value at column 30.
        let text = breaking("{\"min\": 0, \"max\": 5,", with: "{\"min\": 5, \"max\": 5,")
        let file = load(text)
        let diagnostic = file.diagnostics.first { $0.code == "invalid-scale" }
        XCTAssertEqual(diagnostic?.location, "scale.max", describe(file))
        XCTAssertEqual(diagnostic?.position, SourcePosition(line: 7, column: 30))
        XCTAssertFalse(file.isValid)
    }

    func testInvalidScaleNotAWholeNumberOfSteps() {
        // 0 to 5 in steps of 2: (5 − 0)/2 = 2.5 steps.
        let text = breaking("\"step\": 1}", with: "\"step\": 2}")
        let file = load(text)
        let diagnostic = file.diagnostics.first { $0.code == "invalid-scale" }
        XCTAssertEqual(diagnostic?.location, "scale.step", describe(file))
        XCTAssertEqual(diagnostic?.position, SourcePosition(line: 7, column: 41))
        XCTAssertEqual(diagnostic?.message.contains("whole number of steps"), true)
    }

    func testOffScaleScore() {
        let text = breaking("\"value\": 2,", with: "\"value\": 6,")
        assertDiagnostic(load(text), code: "off-scale", location: "scores[2].value", at: SourcePosition(line: 19, column: 54),
                         mentions: ["score 6", "0–5"])
        let negative = breaking("\"value\": 2,", with: "\"value\": -1,")
        assertDiagnostic(load(negative), code: "off-scale", location: "scores[2].value", at: SourcePosition(line: 19, column: 54))
    }

    func testOffScaleAnchor() {
        let text = breaking("\"step\": 1}", with: "\"step\": 1, \"anchors\": [{\"value\": 0, \"meaning\": \"none\"}, {\"value\": 7, \"meaning\": \"beyond\"}]}")
        assertDiagnostic(load(text), code: "off-scale", location: "scale.anchors[1].value", at: place(of: "7, \"meaning\"", in: text),
                         mentions: ["anchor value 7"])
    }

    func testOffStepScore() {
        let text = breaking("\"value\": 2,", with: "\"value\": 2.5,")
        assertDiagnostic(load(text), code: "off-step", location: "scores[2].value", at: SourcePosition(line: 19, column: 54),
                         mentions: ["2.5", "steps"])
        // Half points are fine on a half-point scale.
        let halves = breaking("\"step\": 1}", with: "\"step\": 0.5}", in: text)
        XCTAssertEqual(load(halves).diagnostics, [])
    }

    func testDuplicateID() {
        // A third option reusing "alpha", on line 15 (the line after beta's).
        let text = breaking("{\"id\": \"beta\", \"name\": \"Beta\"}", with: "{\"id\": \"beta\", \"name\": \"Beta\"},\n    {\"id\": \"alpha\", \"name\": \"Alpha again\"}")
        assertDiagnostic(load(text), code: "duplicate-id", location: "options[2].id", at: SourcePosition(line: 15, column: 12),
                         mentions: ["\"alpha\"", "options[0]"])
    }

    func testUnknownID() {
        // A fifth score for an option that does not exist, on line 21.
        let text = breaking("\"text\": \"Strong.\"}]}", with: "\"text\": \"Strong.\"}]},\n    {\"option\": \"gamma\", \"criterion\": \"cost\", \"value\": 1, \"rationale\": [{\"kind\": \"note\", \"text\": \"x\"}]}")
        assertDiagnostic(load(text), code: "unknown-id", location: "scores[4].option", at: SourcePosition(line: 21, column: 16),
                         mentions: ["\"gamma\"", "known: alpha, beta"])
    }

    func testUnknownCriterionInAScoreIsAlsoAMissingScore() {
        // Misspelling scores[1]'s criterion leaves alpha × quality unscored.
        let text = breaking("\"criterion\": \"quality\", \"value\": 3", with: "\"criterion\": \"qualty\", \"value\": 3")
        let file = load(text)
        XCTAssertEqual(file.diagnostics.map(\.code).sorted(), ["missing-score", "unknown-id"], describe(file))
        let unknown = file.diagnostics.first { $0.code == "unknown-id" }
        XCTAssertEqual(unknown?.location, "scores[1].criterion")
        XCTAssertEqual(unknown?.position, place(of: "\"qualty\"", in: text))
    }

    func testMissingScore() {
        // Without scores[3] (beta × quality); reported at the "scores" list, line 16 column 13.
        let text = breaking(",\n    {\"option\": \"beta\", \"criterion\": \"quality\", \"value\": 4, \"rationale\": [{\"kind\": \"for\", \"text\": \"Strong.\"}]}", with: "")
        assertDiagnostic(load(text), code: "missing-score", location: "scores", at: SourcePosition(line: 16, column: 13),
                         mentions: ["\"beta\"", "\"quality\""])
    }

    func testExtraScore() {
        // alpha × cost scored twice: the second copy is scores[4], line 21.
        let text = breaking("\"text\": \"Strong.\"}]}", with: "\"text\": \"Strong.\"}]},\n    {\"option\": \"alpha\", \"criterion\": \"cost\", \"value\": 5, \"rationale\": [{\"kind\": \"note\", \"text\": \"x\"}]}")
        assertDiagnostic(load(text), code: "extra-score", location: "scores[4]", at: SourcePosition(line: 21, column: 5),
                         mentions: ["already scored", "scores[0]"])
    }

    // MARK: - Weights

    func testMissingWeightOnACriterion() {
        // Only cost has a weight: quality (criteria[1], line 10 column 5) lacks one.
        let text = breaking("{\"id\": \"cost\", \"name\": \"Cost\"}", with: "{\"id\": \"cost\", \"name\": \"Cost\", \"weight\": 2}")
        assertDiagnostic(load(text), code: "missing-weight", location: "criteria[1]", at: SourcePosition(line: 10, column: 5),
                         mentions: ["\"quality\""])
    }

    func testMissingWeightInAWeightSet() {
        let text = adding(#""weightSets": [{"id": "cost-first", "name": "Cost first", "weights": {"cost": 3}}]"#)
        assertDiagnostic(load(text), code: "missing-weight", location: "weightSets[0].weights", at: place(of: "{\"cost\": 3}", in: text),
                         mentions: ["\"cost-first\"", "\"quality\""])
    }

    func testNegativeWeight() {
        var text = breaking("{\"id\": \"cost\", \"name\": \"Cost\"}", with: "{\"id\": \"cost\", \"name\": \"Cost\", \"weight\": -1}")
        text = breaking("{\"id\": \"quality\", \"name\": \"Quality\"}", with: "{\"id\": \"quality\", \"name\": \"Quality\", \"weight\": 2}", in: text)
        assertDiagnostic(load(text), code: "negative-weight", location: "criteria[0].weight", at: SourcePosition(line: 9, column: 46),
                         mentions: ["-1"])
    }

    func testZeroWeights() {
        var text = breaking("{\"id\": \"cost\", \"name\": \"Cost\"}", with: "{\"id\": \"cost\", \"name\": \"Cost\", \"weight\": 0}")
        text = breaking("{\"id\": \"quality\", \"name\": \"Quality\"}", with: "{\"id\": \"quality\", \"name\": \"Quality\", \"weight\": 0}", in: text)
        assertDiagnostic(load(text), code: "zero-weights", location: "criteria[0].weight", at: SourcePosition(line: 9, column: 46),
                         mentions: ["all of the criteria's weights are 0"])
    }

    func testZeroWeightsInAWeightSet() {
        let text = adding(#""weightSets": [{"id": "none", "name": "Nothing counts", "weights": {"cost": 0, "quality": 0}}]"#)
        assertDiagnostic(load(text), code: "zero-weights", location: "weightSets[0].weights.cost", at: place(of: "0, \"quality\"", in: text))
    }

    func testReservedID() {
        let text = adding(#""weightSets": [{"id": "equal", "name": "Mine", "weights": {"cost": 1, "quality": 1}}]"#)
        assertDiagnostic(load(text), code: "reserved-id", location: "weightSets[0].id", at: place(of: "\"equal\"", in: text),
                         mentions: ["reserved"])
    }

    func testUnknownCriterionInAWeightSet() {
        let text = adding(#""weightSets": [{"id": "mine", "name": "Mine", "weights": {"cost": 1, "quality": 1, "speed": 2}}]"#)
        assertDiagnostic(load(text), code: "unknown-id", location: "weightSets[0].weights.speed", at: place(of: "\"speed\": ", in: text, offset: 9),
                         mentions: ["\"speed\""])
    }

    // MARK: - Importance and declarations

    func testMissingCriterionInTheOrderOfImportance() {
        let text = adding(#""importance": ["cost"]"#)
        assertDiagnostic(load(text), code: "missing-criterion", location: "importance", at: place(of: "[\"cost\"]", in: text),
                         mentions: ["quality"])
    }

    func testUnknownAndDuplicateIDsInTheOrderOfImportance() {
        let text = adding(#""importance": ["cost", "quality", "cost", "speed"]"#)
        let file = load(text)
        XCTAssertEqual(file.diagnostics.map(\.code), ["duplicate-id", "unknown-id"], describe(file))
        XCTAssertEqual(file.diagnostics.map(\.location), ["importance[2]", "importance[3]"])
        XCTAssertEqual(file.diagnostics.map(\.position), [place(of: "\"cost\", \"speed\"", in: text), place(of: "\"speed\"", in: text)])
    }

    func testInvalidRank() {
        // Rank 3 among two options.
        let text = adding(#""declared": [{"source": "Minutes", "ranks": {"alpha": 1, "beta": 3}}]"#)
        let file = load(text)
        let diagnostic = file.diagnostics.first { $0.code == "invalid-rank" }
        XCTAssertEqual(diagnostic?.location, "declared[0].ranks.beta", describe(file))
        XCTAssertEqual(diagnostic?.position, place(of: "\"beta\": ", in: text, offset: 8))
        XCTAssertEqual(diagnostic?.message.contains("use 1 to 2"), true)
        XCTAssertFalse(file.isValid)
    }

    func testDeclarationWithNeitherTotalsNorRanks() {
        let text = adding(#""declared": [{"source": "Minutes"}]"#)
        assertDiagnostic(load(text), code: "missing-field", location: "declared[0]", at: place(of: "{\"source\"", in: text),
                         mentions: ["\"totals\", \"ranks\""])
    }

    // MARK: - Warnings

    func testNoRationaleWarning() {
        // scores[1] without its rationale: a warning at the score (line 18, column 5), still valid.
        let text = breaking(", \"rationale\": [{\"kind\": \"against\", \"text\": \"Patchy.\"}]", with: "")
        let file = load(text)
        assertDiagnostic(file, code: "no-rationale", location: "scores[1].rationale", at: SourcePosition(line: 18, column: 5),
                         severity: .warning, mentions: ["\"alpha\" on \"quality\"", "scored 3"])
        XCTAssertTrue(file.isValid)
        // An empty list is no rationale either; then the list itself is pointed at.
        let empty = breaking("\"rationale\": [{\"kind\": \"against\", \"text\": \"Patchy.\"}]", with: "\"rationale\": []")
        assertDiagnostic(load(empty), code: "no-rationale", location: "scores[1].rationale", at: place(of: "[]", in: empty), severity: .warning)
    }

    func testDeclaredTotalMismatchWarning() {
        // Declared: alpha 7 (right: 4 + 3), beta 8 (wrong: 2 + 4 = 6).
        let text = adding(#""declared": [{"source": "Table 1", "totals": {"alpha": 7, "beta": 8}}]"#)
        let file = load(text)
        assertDiagnostic(file, code: "declared-total-mismatch", location: "declared[0].totals.beta", at: place(of: "8}", in: text),
                         severity: .warning, mentions: ["Beta", "8/10", "Table 1", "2 + 4 = 6/10"])
        XCTAssertTrue(file.isValid)
    }

    func testDeclaredRankMismatchWarning() {
        // Scores give alpha 1st (7) and beta 2nd (6); the declaration has them the other way round.
        let text = adding(#""declared": [{"source": "Minutes", "ranks": {"alpha": 2, "beta": 1}}]"#)
        let file = load(text)
        let mismatches = file.diagnostics.filter { $0.code == "declared-rank-mismatch" }
        XCTAssertEqual(file.diagnostics.count, 2, describe(file))
        XCTAssertEqual(mismatches.map(\.location), ["declared[0].ranks.alpha", "declared[0].ranks.beta"])
        XCTAssertEqual(mismatches.map(\.severity), [.warning, .warning])
        XCTAssertEqual(mismatches.map(\.position), [place(of: "2, \"beta\"", in: text), place(of: "\"beta\": ", in: text, offset: 8)])
        XCTAssertEqual(mismatches.first?.message, "Minutes ranks Alpha 2nd, but its scores rank it 1st.")
        XCTAssertTrue(file.isValid)
    }

    func testNoReconciliationWarningsWhileThereAreErrors() {
        // Reconciling against a broken file would mislead; only the error is reported.
        var text = adding(#""declared": [{"source": "Table 1", "totals": {"alpha": 7, "beta": 8}}]"#)
        text = breaking("\"value\": 2,", with: "\"value\": 9,", in: text)
        XCTAssertEqual(load(text).diagnostics.map(\.code), ["off-scale"])
    }

    // MARK: - Every problem at once

    func testReportsEveryProblemAtOnceInFileOrder() {
        var text = breaking("  \"date\": \"2024-05\",", with: "  \"colour\": \"red\",\n  \"date\": \"2024-13\",")      // unknown-field (line 6), invalid-date (line 7)
        text = breaking("{\"id\": \"beta\", \"name\": \"Beta\"}",
                        with: "{\"id\": \"beta\", \"name\": \"Beta\"},\n    {\"id\": \"alpha\", \"name\": \"Alpha again\"}", in: text)  // duplicate-id (line 16)
        text = breaking("\"criterion\": \"cost\", \"value\": 4", with: "\"criterion\": \"cost\", \"value\": 7", in: text)       // off-scale (line 19)
        text = breaking("\"text\": \"Strong.\"}]}",
                        with: "\"text\": \"Strong.\"}]},\n    {\"option\": \"gamma\", \"criterion\": \"cost\", \"value\": 1, \"rationale\": [{\"kind\": \"note\", \"text\": \"x\"}]}",
                        in: text)                                                                                   // unknown-id (line 23)
        let file = load(text)
        XCTAssertEqual(file.diagnostics.map(\.code), ["unknown-field", "invalid-date", "duplicate-id", "off-scale", "unknown-id"], describe(file))
        XCTAssertEqual(file.diagnostics.map(\.location), ["colour", "date", "options[2].id", "scores[0].value", "scores[4].option"])
        XCTAssertEqual(file.diagnostics.compactMap(\.position?.line), [6, 7, 16, 19, 23])
        XCTAssertEqual(file.diagnostics.errors.count, 5)
        XCTAssertFalse(file.isValid)
        XCTAssertNotNil(file.appraisal, "the appraisal still decodes, so the validator can check all of it")
    }

    func testDiagnosticFormattedForEditors() {
        let diagnostic = Diagnostic(code: "off-scale", message: "score 6 is outside the scale", location: "scores[2].value",
                                    position: SourcePosition(line: 19, column: 54))
        XCTAssertEqual(diagnostic.formatted(file: "a.json"), "a.json:19:54: error: score 6 is outside the scale [scores[2].value]")
        let whole = Diagnostic(code: "unreadable-file", severity: .error, message: "no such file", location: "")
        XCTAssertEqual(whole.formatted(file: "a.json"), "a.json: error: no such file")
    }
}
