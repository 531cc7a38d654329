import AppraiseKit
import Foundation
import XCTest

/// Issue 23 through the real executable: published tables either way round, a textbook
/// example normalised by reciprocals, published totals declared from the command line and the
/// answer in their unit, and the smaller stumbles (vfm wording, validate counts, reasons).
final class PublishedTablesCommandTests: XCTestCase {
    private var folder: URL!

    @discardableResult
    private func run(_ arguments: [String], expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
        XCTAssertEqual(result.status, status, "appraise \(arguments.prefix(5).joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    private func appraisal(_ name: String) throws -> Appraisal {
        try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent(name)).appraisal)
    }

    private let initArguments = ["--title", "Depot", "--body", "Board", "--date", "2026"]

    func testACriteriaAsRowsTableIsReadOrRefusedWithBothReadings() throws {
        folder = try ExecutableRunner.temporaryFolder(self)
        try write("rows.csv", "Criterion,Weight,Option A,Option B,Option C\nQuality,40,8,6,7\nCost,35,5,9,6\nRisk,25,7,7,8\n")
        let created = try run(["init", "a.json", "--scale", "0..10", "--from-csv", "rows.csv"] + initArguments)
        XCTAssertTrue(created.stderr.hasPrefix("note: rows.csv: read with the options in columns and the criteria in rows"), created.stderr)
        XCTAssertEqual(try appraisal("a.json").criteria.map(\.id), ["quality", "cost", "risk"])
        XCTAssertTrue(try run(["rank", "a.json"]).stdout.contains("1  Option B"), "options, not criteria, are ranked")

        try write("bare.csv", "Item,Quality,Cost\nA,1,2\nB,3,4\n")
        let refused = try run(["init", "b.json", "--from-csv", "bare.csv"] + initArguments, expect: 1)
        XCTAssertTrue(refused.stderr.contains("options in rows gives the options \"A\", \"B\""), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("say which with --options-in rows or --options-in columns"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.json").path))
        try run(["init", "b.json", "--from-csv", "bare.csv", "--options-in", "columns"] + initArguments)
        XCTAssertEqual(try appraisal("b.json").options.map(\.name), ["Quality", "Cost"])

        // score --from-csv reads a sideways sheet by the appraisal's names, and adding notes needs no reason.
        try write("scores.csv", ",Option A,Option B,Option C\nQuality,9,6,7\n")
        XCTAssertEqual(try run(["score", "a.json", "--from-csv", "scores.csv"], expect: 1).stderr.contains("--reason"), true)
        try run(["score", "a.json", "--from-csv", "scores.csv", "--reason", "moderated"])
        XCTAssertEqual(try appraisal("a.json").score(option: "option-a", criterion: "quality")?.value, Rational(9))
        try write("notes.csv", "Option,Criterion,Score,Note,Source\nOption A,Quality,9,Seen on site,Visit 2\n")
        try run(["score", "a.json", "--from-csv", "notes.csv"])
        XCTAssertEqual(try appraisal("a.json").score(option: "option-a", criterion: "quality")?.source, "Visit 2")
    }

    /// Hwang and Yoon's fighter aircraft problem (C.-L. Hwang and K. Yoon, Multiple Attribute
    /// Decision Making, Springer Lecture Notes in Economics and Mathematical Systems 186, 1981,
    /// the running example; weights w = (0.2, 0.1, 0.1, 0.1, 0.2, 0.3) as on
    /// https://orms.pef.czu.cz/21ExFAPPM.html), by simple additive weighting with benefits as
    /// x/max and the cost (acquisition cost) as min/x, the reciprocal rule. The weighted sums
    /// to 3 dp are 0.835, 0.707, 0.851 and 0.737: A3 first, then A1, A4, A2.
    func testATextbookExampleNormalisedByReciprocalsReproducesItsTotalsAndRanking() throws {
        folder = try ExecutableRunner.temporaryFolder(self)
        try write("aircraft.csv", """
            Aircraft,Maximum speed,Ferry range,Maximum payload,Acquisition cost,Reliability,Maneuverability
            Unit,Mach,NM,lb,$ million,,
            Direction,benefit,benefit,benefit,cost,benefit,benefit
            Weight,0.2,0.1,0.1,0.1,0.2,0.3
            A1,2.0,1500,20000,5.5,5,9
            A2,2.5,2700,18000,6.5,3,5
            A3,1.8,2000,21000,4.5,7,7
            A4,2.2,1800,20000,5.0,5,5

            """)
        try run(["init", "fighter.json", "--scale", "0..1", "--step", "0.000001", "--from-csv", "aircraft.csv", "--normalise", "max",
                 "--cost-rule", "reciprocal"] + initArguments)
        let cost = try XCTUnwrap(try appraisal("fighter.json").criteria.first { $0.id == "acquisition-cost" }?.measured?.function)
        XCTAssertEqual(cost, .reciprocal(method: .max, levels: [Rational(11, 2), Rational(13, 2), Rational(9, 2), Rational(5)]))
        try run(["declare", "fighter.json", "--source", "Hwang and Yoon (1981), SAW", "--total", "a1=0.835", "--total", "a2=0.707",
                 "--total", "a3=0.851", "--total", "a4=0.737", "--basis", "weighted-average", "--decimals", "3"])
        let validate = try run(["validate", "fighter.json"]).stdout
        XCTAssertFalse(validate.contains("disagrees"), validate)
        let ranking = try run(["rank", "fighter.json"]).stdout
        let order = ["A3", "A1", "A4", "A2"].map { ranking.range(of: "  \($0) ")!.lowerBound }
        XCTAssertEqual(order, order.sorted(), ranking)
        XCTAssertTrue(ranking.contains("0.85 out of 1"), ranking)
        // Scores kept to 6 decimals: each weighted sum agrees with the printed 3 dp once rounded, so nothing is flagged.
        XCTAssertTrue(validate.hasSuffix("fighter.json: valid (0 warnings); 4 options, 6 criteria, 24 scores\n"), validate)
    }

    /// The Done line of item 4: a table of weighted averages on 0–100 declares its totals from
    /// the command line and is headlined in its own unit, cost per point in it too.
    func testPublishedWeightedAveragesAreTheUnitOfTheAnswer() throws {
        folder = try ExecutableRunner.temporaryFolder(self)
        try write("m.csv", "Option,Access,Cost,Risk,Quality,Impact\nWeight,30,25,20,15,10\nSite A,90,88,85,87,88\nSite B,70,95,60,80,75\nSite C,60,50,100,70,65\n")
        try run(["init", "w.json", "--scale", "0..100", "--from-csv", "m.csv"] + initArguments)
        let before = try run(["report", "w.json", "--out", "before"]).stdout
        XCTAssertTrue(before.contains("Site A is the preferred option, first with 439.25/500, 58 points ahead of Site B."), before)
        try run(["declare", "w.json", "--source", "Cabinet report, Table 2", "--total", "site-a=87.85", "--total", "site-b=76.25",
                 "--total", "site-c=67.5", "--basis", "weighted-average", "--decimals", "2"])
        let declared = try appraisal("w.json").declared
        XCTAssertEqual(declared.first?.basis, .weightedAverage)
        XCTAssertEqual(declared.first?.decimals, 2)
        let after = try run(["report", "w.json", "--out", "after"]).stdout
        XCTAssertTrue(after.contains("Site A is the preferred option, first with 87.85 out of 100, 11.6 ahead of Site B."), after)
        XCTAssertFalse(try run(["validate", "w.json"]).stdout.contains("is not the sum of its scores"))
        XCTAssertTrue(try run(["rank", "w.json"]).stdout.contains("87.85 out of 100"))

        // Changing how the totals were printed is a replacement, so it needs a reason.
        XCTAssertTrue(try run(["declare", "w.json", "--source", "Cabinet report, Table 2", "--basis", "percent"], expect: 1).stderr.contains("--reason"))
        XCTAssertTrue(try run(["declare", "w.json", "--source", "Cabinet report, Table 2", "--weighting", "nope"], expect: 1).stderr.contains("no weighting \"nope\""))

        // Cost per point in the published unit: £87,850 for Site A is £1,000 per point of the average.
        try run(["measure", "add", "w.json", "capital", "--name", "Capital cost", "--kind", "cost"])
        for (option, amount) in [("site-a", "87850"), ("site-b", "152500"), ("site-c", "135000")] {
            try run(["cost", "set", "w.json", option, "capital", "0", amount])
        }
        let vfm = try run(["vfm", "w.json"]).stdout
        XCTAssertTrue(vfm.contains("Lowest cost per point of the options with a net cost: Site A at £1,000 per point."), vfm)
        XCTAssertTrue(vfm.contains("cost per point is per point of the weighted average"), vfm)

        // A relative scale says so in the headline.
        try run(["scale", "w.json", "--relative"])
        XCTAssertTrue(try appraisal("w.json").scale.relative)
        let relative = try run(["report", "w.json", "--out", "relative"]).stdout
        XCTAssertTrue(relative.contains("87.85 out of 100 on a relative scale"), relative)
        XCTAssertTrue(relative.contains("On this relative scale 0 is the least preferred of these options and 100 the most"), relative)
    }

    func testValueForMoneyWithoutCostsOrWithCostsNotKnown() throws {
        folder = try ExecutableRunner.temporaryFolder(self)
        try write("m.csv", "Option,Reach\nNorth,4\nSouth,3\nEast,2\n")
        try run(["init", "v.json", "--from-csv", "m.csv"] + initArguments)
        let none = try run(["vfm", "v.json"], expect: 1).stderr
        XCTAssertTrue(none.contains("'appraise measure add v.json ID --name TEXT --kind cost'"), none)
        try run(["measure", "add", "v.json", "capital", "--name", "Capital cost", "--kind", "cost"])
        try run(["cost", "set", "v.json", "north", "capital", "0", "100000"])
        try run(["cost", "set", "v.json", "south", "capital", "0", "--unknown", "TBC"])
        let text = try run(["vfm", "v.json"]).stdout
        XCTAssertTrue(text.contains("every other option whose cost is known costs at least as much for fewer points, and the cost of South and East is not known"), text)
    }

    func testManyWarningsOfOneKindAreCounted() throws {
        folder = try ExecutableRunner.temporaryFolder(self)
        try write("m.csv", "Option,A,B,C\nWeight,1,1,1\n" + (1...5).map { "O\($0),1,2,3\n" }.joined())
        try run(["init", "many.json", "--from-csv", "m.csv"] + initArguments)
        let text = try run(["validate", "many.json"]).stdout
        XCTAssertEqual(text.components(separatedBy: "has no rationale").count - 1, 3, text)
        XCTAssertTrue(text.contains("many.json: warning: 12 more like these (no-rationale, 15 in all); 'appraise validate many.json --format json' lists every one"), text)
        XCTAssertTrue(text.hasSuffix("many.json: valid (15 warnings); 5 options, 3 criteria, 15 scores\n"), text)
    }
}
