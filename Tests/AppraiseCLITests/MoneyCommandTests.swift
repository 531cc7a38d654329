import AppraiseKit
import Foundation
import XCTest

/// Money through the real executable: vfm in every format, the editing commands and their
/// refusals, money columns in a spreadsheet, and located errors for bad money in a file.
final class MoneyCommandTests: XCTestCase {
    @discardableResult
    private func run(_ arguments: [String], in folder: URL? = nil, expect status: Int32 = 0,
                     file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
        XCTAssertEqual(result.status, status, "appraise \(arguments.prefix(5).joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    private let example = "appraisals/vfm-example.json"

    func testValueForMoneyInEveryFormat() throws {
        let text = try run(["vfm", example]).stdout
        XCTAssertTrue(text.contains("On the value-for-money frontier, from the cheapest: Business as usual (£0, 4 points), then Resource base "
            + "(4.5 points more for £133,922 more, £29,761 per extra point), then New unit (3 points more for £197,966 more, £65,989 per extra point)."), text)
        XCTAssertTrue(text.contains("Expand school is dominated: New unit costs £318,760 less and scores 2.5 points more."), text)
        XCTAssertTrue(text.contains("Not on the chart, whole-life cost not known: Free school (revenue cost \"TBC\")."), text)
        XCTAssertEqual(try run(["vfm", example]).stdout, text, "the same input gives the same output")

        let json = try run(["vfm", example, "--format", "json"]).stdout
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(document["frontier"] as? [String], ["bau", "resource-base", "new-unit"])
        let options = try XCTUnwrap(document["options"] as? [[String: Any]])
        XCTAssertEqual(options.first { $0["option"] as? String == "resource-base" }?["netPresentCost"] as? Double, 133_922.33)
        XCTAssertEqual(options.first { $0["option"] as? String == "expand" }?["dominatedBy"] as? String, "new-unit")

        let csv = try run(["vfm", example, "--format", "csv", "--working"]).stdout
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Option,Points,Net present cost,Cost per point"), csv)
        XCTAssertTrue(csv.contains("Resource base,net present cost,,,,,,\"£133,922.33\""), csv)
        let md = try run(["vfm", example, "--format", "md", "--weights", "equal", "--reference", "resource-base"]).stdout
        XCTAssertTrue(md.contains("| Option | Points | Net present cost |"), md)
        XCTAssertTrue(md.contains("Against Resource base,"), md)
    }

    func testRefusals() throws {
        let none = try run(["vfm", "appraisals/rotherham-ama-2017.json"], expect: 1)
        XCTAssertTrue(none.stderr.contains("has no costs: add a cost line with 'appraise measure add"), none.stderr)
        XCTAssertTrue(none.stderr.contains("'appraise cost set") && none.stderr.contains("'appraise costing set'"), none.stderr)
        XCTAssertFalse(none.stderr.contains("\"amounts\""), "no advice to hand-edit the JSON")
        let reference = try run(["vfm", example, "--reference", "nothing"], expect: 2)
        XCTAssertTrue(reference.stderr.contains("unknown option 'nothing' for --reference"), reference.stderr)
    }

    /// A bad money figure in a file is an error at its line and column.
    func testBadMoneyInTheFileIsLocated() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let text = try String(contentsOf: ExecutableRunner.packageRoot.appendingPathComponent(example), encoding: .utf8)
            .replacingOccurrences(of: #""name": "Placement savings", "unit": "GBP""#, with: #""name": "Placement savings", "unit": "EUR""#)
        try Data(text.utf8).write(to: folder.appendingPathComponent("bad.json"))
        let result = try run(["validate", "bad.json"], in: folder, expect: 1)
        let lines = text.components(separatedBy: "\n")
        let row = try XCTUnwrap(lines.firstIndex { $0.contains("EUR") }) + 1
        let column = try XCTUnwrap(lines[row - 1].range(of: "\"EUR\"")).lowerBound.utf16Offset(in: lines[row - 1]) + 1
        XCTAssertTrue(result.stdout.contains("bad.json:\(row):\(column): error: \"Placement savings\" is in EUR but the appraisal counts money in GBP"), result.stdout)
        XCTAssertEqual(try run(["vfm", "bad.json"], in: folder, expect: 1).stdout, "")
    }

    func testEditingMoneyIsJournalled() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try Data(contentsOf: ExecutableRunner.packageRoot.appendingPathComponent(example)).write(to: folder.appendingPathComponent("a.json"))
        try run(["adopt", "a.json", "--reason", "start the journal"], in: folder)
        try run(["measure", "add", "a.json", "transition", "--name", "Transition cost", "--kind", "cost"], in: folder)
        let set = try run(["cost", "set", "a.json", "new-unit", "transition", "2018/19", "£87k", "--source", "Appendix 2"], in: folder)
        XCTAssertTrue(set.stdout.contains("amount new-unit × transition in year 2018/19 set to 87000"), set.stdout)
        let before = try Data(contentsOf: folder.appendingPathComponent("a.json"))
        let ambiguous = try run(["cost", "set", "a.json", "new-unit", "transition", "1", "1.200.000"], in: folder, expect: 2)
        XCTAssertTrue(ambiguous.stderr.contains("more than one decimal point"), ambiguous.stderr)
        let noReason = try run(["cost", "set", "a.json", "new-unit", "transition", "1", "£90k"], in: folder, expect: 1)
        XCTAssertTrue(noReason.stderr.contains("needs a reason"), noReason.stderr)
        let outside = try run(["cost", "set", "a.json", "bau", "capital", "400", "5", "--reason", "typo"], in: folder, expect: 1)
        XCTAssertTrue(outside.stderr.contains("outside the horizon"), outside.stderr)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("a.json")), before, "a refused edit writes nothing")
        try run(["cost", "set", "a.json", "free-school", "revenue", "1", "£1.2m", "--reason", "figure agreed with the trust"], in: folder)
        try run(["costing", "set", "a.json", "--discount-rate", "3", "--reason", "sensitivity at 3%"], in: folder)
        try run(["measure", "edit", "a.json", "capital", "--optimism-bias", "44", "--reason", "upper bound"], in: folder)
        try run(["cost", "remove", "a.json", "new-unit", "transition", "1", "--reason", "double counted"], in: folder)
        XCTAssertTrue(try run(["verify", "a.json"], in: folder).stdout.hasPrefix("verified: 7 changes"))
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("a.json")).appraisal)
        XCTAssertEqual(appraisal.costing?.discountRate, Rational(3))
        XCTAssertEqual(appraisal.measure("capital")?.optimismBias?.percent, Rational(44))
        XCTAssertEqual(appraisal.amounts.first { $0.option == "free-school" && $0.measure == "revenue" }?.value, .exact(Rational(1_200_000)))
        let vfm = try run(["vfm", "a.json"], in: folder).stdout
        XCTAssertTrue(vfm.contains("discounted at 3% a year"), vfm)
    }

    func testMoneyColumnsFromASpreadsheet() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let csv = "Option,Quality,Capital cost,Savings,Places\nWeight,1,,,\nRefurbish,3,Approx £87k,\"£500,000\",10\n"
            + "New build,5,£1.2m,£380k,20\nWaverley,4,Part of build cost,£50k–£87k,10\n"
        try Data(csv.utf8).write(to: folder.appendingPathComponent("m.csv"))
        try run(["init", "a.json", "--title", "T", "--body", "B", "--date", "2024", "--from-csv", "m.csv", "--cost-column", "Capital cost",
                 "--saving-column", "Savings", "--quantity-column", "Places=places"], in: folder)
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("a.json")).appraisal)
        XCTAssertEqual(appraisal.criteria.map(\.id), ["quality"])
        XCTAssertEqual(appraisal.measures.map(\.kind), [.cost, .saving, .quantity])
        XCTAssertEqual(appraisal.amounts.map(\.value), [
            .exact(Rational(87_000)), .exact(Rational(500_000)), .exact(Rational(10)),
            .exact(Rational(1_200_000)), .exact(Rational(380_000)), .exact(Rational(20)),
            .unknown("Part of build cost"), .range(low: Rational(50_000), high: Rational(87_000)), .exact(Rational(10)),
        ])
        try Data("Option,Quality,Capital cost\nA,3,\"1,20,000\"\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let refused = try run(["init", "b.json", "--title", "T", "--body", "B", "--date", "2024", "--from-csv", "bad.csv", "--cost-column", "Capital cost"], in: folder, expect: 1)
        XCTAssertTrue(refused.stderr.contains("bad.csv:2: column 3 (\"Capital cost\"): \"1,20,000\" has commas that are not thousands separators"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.json").path))
    }

    func testReportAddsTheMoneyToThePack() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try Data(contentsOf: ExecutableRunner.packageRoot.appendingPathComponent(example)).write(to: folder.appendingPathComponent("a.json"))
        let summary = try run(["report", "a.json"], in: folder).stdout
        XCTAssertTrue(summary.contains("\n7. Financial implications\n\n7.1 [to be completed by the report author]\n\n7.2 On the value-for-money frontier"), summary)
        let pack = folder.appendingPathComponent("exports/vfm-example")
        for name in ["value-for-money.csv", "costs-by-year.csv", "npc-working.csv", "cost-switching-values.csv", "weight-switching-values.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: pack.appendingPathComponent(name).path), name)
        }
        let html = try String(contentsOf: pack.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"vfm-chart\""))
        XCTAssertTrue(html.contains("id=\"vfm-frontier\""))
        try run(["verify-pack", pack.path], in: folder)
    }
}
