import AppraiseKit
import Foundation
import XCTest

/// The value tree, weight reasons and measured criteria through the real executable: the tree
/// command on the Goodwin & Wright office example, journalled node and measure edits, refusals,
/// every new diagnostic with its place, and a raw matrix imported with `init --from-csv`.
final class ValueTreeCommandTests: XCTestCase {
    static let office = ExecutableRunner.packageRoot.appendingPathComponent("appraisals/office-location-smart.json").path

    @discardableResult
    private func run(_ arguments: [String], in folder: URL? = nil, expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
        XCTAssertEqual(result.status, status, "appraise \(arguments.prefix(4).joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    /// Goodwin & Wright, chapter 3, Figure 3.7, as the tree command prints it.
    func testTreeCommandShowsTheBranchSweepOfThePublishedExample() throws {
        let text = try run(["tree", Self.office]).stdout
        XCTAssertTrue(text.contains("52.11%: Elton Street → Addison Square"), text)
        XCTAssertTrue(text.contains("Swing weighting as recorded"), text)
        XCTAssertTrue(text.contains("What one point on a criterion is worth in points on another"), text)
        let node = try run(["tree", Self.office, "--node", "turnover", "--format", "json"]).stdout
        let document = try CLIFixture.object(node)
        let crossovers = try XCTUnwrap(document["crossovers"] as? [[String: Any]])
        XCTAssertEqual(crossovers.count, 1)
        XCTAssertEqual((crossovers[0]["weight"] as? Double).map { ($0 * 1000).rounded() / 10 }, 52.1)
        let unknown = try run(["tree", Self.office, "--node", "image"], expect: 2)
        XCTAssertTrue(unknown.stderr.contains("'image' is not a branch of the value tree; its branches are: turnover, working-conditions"), unknown.stderr)
        let sensitivity = try run(["sensitivity", Self.office]).stdout
        XCTAssertTrue(sensitivity.contains("At 52.11% on Turnover, first place passes from Elton Street to Addison Square."), sensitivity)
        let rank = try run(["rank", Self.office]).stdout
        XCTAssertTrue(rank.contains("Sub-totals by branch"), rank)
    }

    func testNodeEditsAreJournalledAndABadTreeIsRefused() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try FileManager.default.copyItem(atPath: Self.office, toPath: folder.appendingPathComponent("office.json").path)
        try run(["adopt", "office.json", "--reason", "start"], in: folder)
        let added = try run(["node", "add", "office.json", "benefits", "--name", "Benefits", "--weight", "1",
                             "--weight-rationale", "The only branch for now; costs come later."], in: folder).stdout
        XCTAssertTrue(added.contains("branch benefits added"), added)
        try run(["node", "move", "office.json", "turnover", "--to", "benefits", "--reason", "group the benefits"], in: folder)
        try run(["node", "move", "office.json", "working-conditions", "--to", "benefits", "--reason", "group the benefits"], in: folder)
        let before = try Data(contentsOf: folder.appendingPathComponent("office.json"))
        let loop = try run(["node", "move", "office.json", "benefits", "--to", "turnover", "--reason", "try"], in: folder, expect: 1)
        XCTAssertTrue(loop.stderr.contains("turnover → benefits → turnover sit under each other in a loop"), loop.stderr)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("office.json")), before, "a refused edit writes nothing")
        try run(["node", "edit", "office.json", "turnover", "--weight", "70"], in: folder, expect: 1)
        try run(["criterion", "edit", "office.json", "size", "--parent", "turnover", "--reason", "size draws customers"], in: folder)
        try run(["criterion", "edit", "office.json", "size", "--swing-worst", "small", "--swing-best", "large", "--swing-points", "40",
                 "--reason", "re-weighed"], in: folder)
        try run(["node", "remove", "office.json", "benefits", "--reason", "flatten again"], in: folder)
        XCTAssertTrue(try run(["verify", "office.json"], in: folder).stdout.hasPrefix("verified: 7 changes"))
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("office.json")).appraisal)
        XCTAssertNil(appraisal.node("benefits"))
        XCTAssertEqual(appraisal.criterion("size")?.parent, "turnover")
        XCTAssertEqual(appraisal.criterion("size")?.swing?.points, Rational(40))
        let log = try run(["log", "office.json"], in: folder).stdout
        XCTAssertTrue(log.contains("branch turnover changed"), log)
    }

    func testMeasuredCriterionScoresFromLevelsAndRefusesTypedScores() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(CLIFixture.valid, to: "m.json", in: folder)
        try run(["adopt", "m.json", "--reason", "start"], in: folder)
        try run(["value-function", "m.json", "quality", "--piecewise", "0=0,10=4,20=5", "--unit", "places"], in: folder)
        let measured = try run(["value-function", "m.json", "quality", "--option", "alpha", "--level", "12", "--reason", "surveyed"], in: folder).stdout
        XCTAssertTrue(measured.contains("Measured: 12 places → 4.2 by the piecewise linear function 0 places = 0, 10 places = 4, 20 places = 5"), measured)
        try run(["value-function", "m.json", "quality", "--option", "beta", "--level", "25", "--reason", "surveyed"], in: folder)
        let typed = try run(["score", "m.json", "alpha", "quality", "4", "--reason", "feel"], in: folder, expect: 1)
        XCTAssertTrue(typed.stderr.contains("criterion \"quality\" is measured"), typed.stderr)
        try run(["value-function", "m.json", "quality", "--option", "alpha", "--override", "3"], in: folder, expect: 1)
        try run(["value-function", "m.json", "quality", "--option", "alpha", "--override", "3", "--reason", "the site floods"], in: folder)
        try run(["validate", "m.json"], in: folder)
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("m.json")).appraisal)
        XCTAssertEqual(appraisal.score(option: "beta", criterion: "quality")?.value, Rational(5))
        XCTAssertEqual(appraisal.score(option: "alpha", criterion: "quality")?.override, "the site floods")
        XCTAssertTrue(try run(["verify", "m.json"], in: folder).stdout.hasPrefix("verified: 5 changes"))
    }

    /// pymcdm's min–max test matrix (Kizielewicz, Shekhovtsov & Sałabun, SoftwareX 2023,
    /// tests/test_normalizations.py) imported as a raw matrix on a 0–1 scale: every score is
    /// the published normalised value (printed to 8 decimals; the file holds 6).
    func testRawMatrixImportReproducesPymcdmMinMax() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let csv = "Alternative,C1,C2,C3\nDirection,cost,cost,benefit\n" + ["66,56,95", "61,55,166", "65,49,113", "95,56,99", "63,43,178", "74,59,140"]
            .enumerated().map { "A\($0.offset + 1),\($0.element)\n" }.joined()
        try Data(csv.utf8).write(to: folder.appendingPathComponent("raw.csv"))
        try run(["init", "raw.json", "--title", "pymcdm", "--body", "Test", "--date", "2024", "--scale", "0..1", "--step", "0.01", "--from-csv", "raw.csv"], in: folder)
        try run(["validate", "raw.json"], in: folder)
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("raw.json")).appraisal)
        let published = [0.85294118, 0.1875, 0.0, 1.0, 0.25, 0.85542169, 0.88235294, 0.625, 0.21686747, 0.0, 0.1875,
                         0.04819277, 0.94117647, 1.0, 1.0, 0.61764706, 0.0, 0.54216867]
        let scores = appraisal.options.flatMap { option in appraisal.criteria.map { appraisal.score(option: option.id, criterion: $0.id)!.value.doubleValue } }
        for (got, want) in zip(scores, published) { XCTAssertEqual(got, want, accuracy: 5e-7) }
        XCTAssertEqual(appraisal.criteria[0].measured?.function, .linear(worst: Rational(95), best: Rational(61)))
        // pymcdm's sum normalisation of the benefit column: 95 / 791 = 0.12010114.
        try run(["init", "sum.json", "--title", "T", "--body", "B", "--date", "2024", "--scale", "0..1", "--step", "0.01", "--from-csv", "raw.csv", "--normalise", "sum"], in: folder)
        let summed = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("sum.json")).appraisal)
        XCTAssertEqual(summed.score(option: "a1", criterion: "c3")?.value.doubleValue ?? 0, 0.12010114, accuracy: 5e-7)
        try Data("Option,C1\nDirection,sideways\nA,1\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let refused = try run(["init", "bad.json", "--title", "T", "--body", "B", "--date", "2024", "--from-csv", "bad.csv"], in: folder, expect: 1)
        XCTAssertTrue(refused.stderr.contains("bad.csv:2: the direction of \"C1\" is \"sideways\"; write benefit (more is better) or cost (less is better)"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.json").path))
    }

    private struct Case {
        let code: String
        let location: String
        let severity: String
        let text: String
    }

    private func breaking(_ code: String, at location: String, severity: String = "error", _ edits: [(String, String)]) -> Case {
        var text = CLIFixture.valid
        for (old, new) in edits {
            precondition(text.contains(old), "fixture has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Case(code: code, location: location, severity: severity, text: text)
    }

    private var cases: [Case] {
        let cost = #"{"id": "cost", "name": "Cost"}"#, quality = #"{"id": "quality", "name": "Quality"}"#
        let firstScore = #""option": "alpha", "criterion": "cost", "value": 4,"#
        return [
            breaking("unknown-parent", at: "criteria[0].parent", [(cost, #"{"id": "cost", "name": "Cost", "parent": "money"}"#)]),
            breaking("tree-cycle", at: "nodes[0].parent", [(#""criteria": ["#, #""nodes": [{"id": "a", "name": "A", "parent": "b"}, {"id": "b", "name": "B", "parent": "a"}], "criteria": ["#),
                                                          (cost, #"{"id": "cost", "name": "Cost", "parent": "a"}"#)]),
            breaking("empty-branch", at: "nodes[0]", [(#""criteria": ["#, #""nodes": [{"id": "money", "name": "Money"}], "criteria": ["#)]),
            breaking("missing-weight", at: "criteria[1]", [(#""criteria": ["#, #""nodes": [{"id": "all", "name": "All"}], "criteria": ["#),
                                                           (cost, #"{"id": "cost", "name": "Cost", "parent": "all", "weight": 2}"#),
                                                           (quality, #"{"id": "quality", "name": "Quality", "parent": "all"}"#)]),
            breaking("invalid-swing", at: "criteria[0].swing.points", [(cost, #"{"id": "cost", "name": "Cost", "swing": {"worst": "dear", "best": "cheap", "points": 60}}"#),
                                                                       (quality, #"{"id": "quality", "name": "Quality", "swing": {"worst": "poor", "best": "good", "points": 30}}"#)]),
            breaking("swing-weight-mismatch", at: "criteria[0].weight", [(cost, #"{"id": "cost", "name": "Cost", "weight": 50, "swing": {"worst": "dear", "best": "cheap", "points": 100}}"#),
                                                                         (quality, #"{"id": "quality", "name": "Quality", "weight": 30}"#)]),
            breaking("missing-swing", at: "criteria[1]", [(cost, #"{"id": "cost", "name": "Cost", "swing": {"worst": "dear", "best": "cheap", "points": 100}}"#)]),
            breaking("typed-measured-score", at: "scores[0].value", [(cost, #"{"id": "cost", "name": "Cost", "measured": {"unit": "£k", "linear": {"worst": 100, "best": 0}}}"#)]),
            breaking("measured-score-mismatch", at: "scores[0].value", [(cost, #"{"id": "cost", "name": "Cost", "measured": {"unit": "£k", "linear": {"worst": 100, "best": 0}}}"#),
                                                                        (firstScore, firstScore + #" "measurement": {"level": 40},"#)]),
            breaking("measurement-without-function", at: "scores[0].measurement", [(firstScore, firstScore + #" "measurement": {"level": 40},"#)]),
            breaking("unknown-category", at: "scores[0].measurement", [(cost, #"{"id": "cost", "name": "Cost", "measured": {"categories": [{"category": "Good", "score": 4}]}}"#),
                                                                                (firstScore, firstScore + #" "measurement": {"category": "Great"},"#)]),
            breaking("invalid-value-function", at: "criteria[0].measured.piecewise[1].level", [(cost, #"{"id": "cost", "name": "Cost", "measured": {"piecewise": [{"level": 5, "score": 0}, {"level": 2, "score": 5}]}}"#)]),
            breaking("missing-value-function", at: "criteria[0].measured", [(cost, #"{"id": "cost", "name": "Cost", "measured": {"unit": "£k"}}"#)]),
        ]
    }

    func testEveryValueTreeAndMeasuredDiagnosticThroughTheExecutable() throws {
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
}
