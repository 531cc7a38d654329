import Foundation
import XCTest

/// A scrutiny officer builds a 12-option appraisal of school places from a spreadsheet and
/// the editing commands, as issue 10 describes it: $USER is not set, so every command carries
/// `--by "J Officer"`; every stumble of that week is made on purpose and must be answered
/// with a message that names the fix; at the end the journal verifies and every text the
/// officer typed reaches the Markdown, HTML and CSV files of the pack. The data are invented
/// (loosely after the shape of a SEND sufficiency plan): 12 options, 6 criteria, a 0–10 scale.
final class OfficerBuildTests: XCTestCase {
    private var folder: URL!

    /// Runs a command as the officer: no $USER, `--by "J Officer"` on every edit.
    @discardableResult
    private func officer(_ arguments: [String], expect status: Int32 = 0, line: UInt = #line) throws -> ExecutableRunner.Result {
        let edits: Set = ["init", "details", "panel", "score", "weight", "weights", "group", "option", "criterion", "scale", "importance", "declare", "adopt"]
        let words = edits.contains(arguments[0]) ? arguments + ["--by", "J Officer"] : arguments
        let result = try ExecutableRunner.run(words, in: folder, environment: ["USER": ""])
        XCTAssertEqual(result.status, status, "appraise \(words.joined(separator: " ")):\n\(result.stdout)\(result.stderr)", line: line)
        return result
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    private func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    static let criteria = ["Places created", "Cost per place", "Deliverability", "Travel distance", "Inclusion", "Risk"]
    static let criterionIDs = ["places-created", "cost-per-place", "deliverability", "travel-distance", "inclusion", "risk"]
    static let options = [
        "École Sainte-Thérèse resource base", "Hilltop Academy expansion", "Riverside special free school", "Moorfield autism unit",
        "Castle Vale satellite class", "Brookside sixth form pathway", "Greenway primary hub", "Northgate independent placements",
        "Oakfield outreach team", "Westbury enhanced mainstream", "Kingsmead post-16 centre", "Do nothing",
    ]
    static let optionIDs = [
        "ecole-sainte-therese-resource-base", "hilltop-academy-expansion", "riverside-special-free-school", "moorfield-autism-unit",
        "castle-vale-satellite-class", "brookside-sixth-form-pathway", "greenway-primary-hub", "northgate-independent-placements",
        "oakfield-outreach-team", "westbury-enhanced-mainstream", "kingsmead-post-16-centre", "do-nothing",
    ]

    /// A score that is not a pattern of the seeds: spread over the whole 0–10 scale.
    static func score(_ option: Int, _ criterion: Int) -> Int { (option * 7 + criterion * 3 + option * criterion) % 11 }

    /// The matrix the officer keeps: the first six options scored, the rest left for later,
    /// a Weighting row in per cent with one empty cell, a Total column and a Total row.
    static func matrix(badCells: Bool) -> String {
        var text = "Option," + criteria.joined(separator: ",") + ",Total\r\nWeighting,25%,20%,,15%,20%,20%,100%\r\n"
        for (index, name) in options.enumerated() {
            let cells = criteria.indices.map { criterion in index < 6 ? String(score(index, criterion)) : "" }
            var row = cells
            if badCells && index == 1 { row[2] = "11" }
            if badCells && index == 3 { row[4] = "\"7,5\"" }
            text += "\(name)," + row.joined(separator: ",") + ",\(index < 6 ? String(cells.compactMap { Int($0) }.reduce(0, +)) : "")\r\n"
        }
        return text + "Total,1,2,3,4,5,6,21\r\n"
    }

    /// The remaining cells, one row per cell with the reasons, except the cell left to the
    /// panel (option 7 on risk).
    static func cellSheet(bad: Bool) -> String {
        var text = "Option,Criterion,Score,For,Against,Source\n"
        for option in 6..<12 {
            for criterion in criteria.indices where !(option == 7 && criterion == 5) {
                let name = bad && option == 8 && criterion == 0 ? "Oakfeld outreach team" : options[option]
                let value = bad && option == 9 && criterion == 1 ? "12" : String(score(option, criterion))
                text += "\(name),\(criterionIDs[criterion]),\(value),\(reason("for", option, criterion)),\(reason("against", option, criterion)),Site visit note \(option)-\(criterion)\n"
            }
        }
        return text
    }

    static func reason(_ kind: String, _ option: Int, _ criterion: Int) -> String {
        "Officer \(kind) point on \(optionIDs[option]) and \(criterionIDs[criterion])"
    }

    func testAnOfficerBuildsATwelveOptionAppraisalFromASpreadsheetAndCommands() throws {
        folder = try ExecutableRunner.temporaryFolder(self)
        var entered = ["School places sufficiency review", "Children and Young People Scrutiny Panel", "Cabinet paper on specialist places"]
        entered += Self.criteria + Self.options
        let initArguments = ["init", "plan.json", "--title", entered[0], "--body", entered[1], "--source", entered[2], "--scale", "0..10"]

        // 5. No silent date; every bad cell at once; Total rows and columns, Weighting, 25% and empty weights read as meant.
        try write("matrix.csv", Self.matrix(badCells: true))
        XCTAssertTrue(try officer(initArguments + ["--from-csv", "matrix.csv"], expect: 2).stderr.contains("a new appraisal needs --date"))
        let refused = try officer(initArguments + ["--date", "2026-09", "--from-csv", "matrix.csv"], expect: 1).stderr
        XCTAssertTrue(refused.contains("matrix.csv:4: column 4 (\"Deliverability\"): \"11\" is not a score on the scale 0–10 in steps of 1; correct the cell"), refused)
        XCTAssertTrue(refused.contains("matrix.csv:6: column 6 (\"Inclusion\"): \"7,5\" is not a score on the scale 0–10 in steps of 1; write \"7.5\" with a decimal point"), refused)
        XCTAssertTrue(refused.hasSuffix("appraise init: matrix.csv: 2 problems to fix in the spreadsheet (listed above); nothing was written\n"), refused)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.json").path))
        try write("matrix.csv", Self.matrix(badCells: false))
        let created = try officer(initArguments + ["--date", "2026-09", "--from-csv", "matrix.csv"])
        XCTAssertTrue(created.stderr.contains("note: matrix.csv: read with the options in rows and the criteria in columns (a Weight row and the first cell \"Option\")"), created.stderr)
        XCTAssertTrue(created.stderr.contains("column 8 (\"Total\") kept as the published totals: read as points under equal weights printed to 0 dp (6 of 6 agree"), created.stderr)
        XCTAssertTrue(created.stderr.contains("row \"Total\" left out"), created.stderr)
        XCTAssertTrue(created.stderr.contains("the weight of \"Deliverability\" is empty, so it weighs 0; change it with 'appraise weight set FILE deliverability VALUE'"), created.stderr)
        XCTAssertTrue(created.stdout.contains("option ecole-sainte-therese-resource-base added"), created.stdout)
        XCTAssertFalse(created.stdout.contains("option total added"), created.stdout)

        // 7. An unfinished file: counted, listed compactly, pointed to `appraise score`.
        let unfinished = try officer(["validate", "plan.json"], expect: 1).stdout
        XCTAssertTrue(unfinished.contains("plan.json: error: 36 of 72 cells are not yet scored:\n  greenway-primary-hub: every criterion\n"), unfinished)
        XCTAssertTrue(unfinished.contains("'appraise score plan.json --from-csv SHEET.csv'"), unfinished)
        XCTAssertFalse(unfinished.contains("to \"scores\""), "no advice to hand-write JSON")

        // 4. Bulk scoring with reasons, every bad cell at once, nothing written until all are right.
        let before = try read("plan.json")
        try write("cells.csv", Self.cellSheet(bad: true))
        let badSheet = try officer(["score", "plan.json", "--from-csv", "cells.csv"], expect: 1).stderr
        XCTAssertTrue(badSheet.contains("cells.csv:13: there is no option \"Oakfeld outreach team\"; use an id or name of one of"), badSheet)
        XCTAssertTrue(badSheet.contains("cells.csv:20: column 3: \"12\" is not a score on the scale 0–10 in steps of 1; correct the cell"), badSheet)
        XCTAssertEqual(try read("plan.json"), before)
        try write("cells.csv", Self.cellSheet(bad: false))
        XCTAssertTrue(try officer(["score", "plan.json", "--from-csv", "cells.csv"]).stdout.hasPrefix("plan.json: entry 2 (score --from-csv)\n"))
        for option in 6..<12 {
            for criterion in Self.criteria.indices where !(option == 7 && criterion == 5) {
                entered += [Self.reason("for", option, criterion), Self.reason("against", option, criterion), "Site visit note \(option)-\(criterion)"]
            }
        }

        // 1. --by is the author; a score with --by is the agreed score. The panel files with --scorer.
        try officer(["score", "plan.json", Self.optionIDs[0], "risk", "6", "--for", "Low build risk on an existing site", "--reason", "re-scored at the site visit"])
        entered.append("Low build risk on an existing site")
        XCTAssertTrue(try officer(["score", "plan.json", Self.optionIDs[7], "risk", "2", "--scorer", "A Panel", "--agreed"], expect: 2).stderr
            .contains("give --scorer NAME for a panel member's score or --agreed for the agreed score, not both"))
        try officer(["score", "plan.json", Self.optionIDs[7], "risk", "1", "--scorer", "Ann Panel", "--for", "Providers carry the risk"])
        try officer(["score", "plan.json", Self.optionIDs[7], "risk", "2", "--scorer", "Ben Panel", "--against", "Placement costs rise each year"])
        entered += ["Ann Panel", "Ben Panel", "Providers carry the risk", "Placement costs rise each year"]
        let rank = try officer(["rank", "plan.json"]).stdout
        XCTAssertTrue(rank.contains("Panel consensus: 1 cell has no agreed score and counts at the median of the scorers' scores, not rounded, so 1 total rests on it: Northgate independent placements / Risk 1.5 from Ann Panel 1, Ben Panel 2."), rank)
        XCTAssertTrue(try officer(["show", "plan.json"]).stdout.contains("1.5*"))
        let rankCSV = try officer(["rank", "plan.json", "--format", "csv"]).stdout
        // 8. One CSV convention: BOM, totals and maximums in cells of their own.
        XCTAssertTrue(rankCSV.hasPrefix("\u{FEFF}Rank,Option ID,Option,Total,Maximum,Percent,Margin to next,Panel consensus on\r\n"), rankCSV)
        XCTAssertTrue(rankCSV.contains(",northgate-independent-placements,Northgate independent placements,"), rankCSV)
        XCTAssertTrue(rankCSV.contains(",Risk\r\n"), rankCSV)
        let rankJSON = try officer(["rank", "plan.json", "--format", "json"]).stdout
        XCTAssertTrue(rankJSON.contains("\"panelConsensus\""), rankJSON)

        // 6. Percentages and thousands separators where they are unambiguous; a decimal comma is explained.
        XCTAssertTrue(try officer(["weight", "set", "plan.json", "deliverability", "10%"], expect: 1).stderr
            .contains("criterion \"deliverability\" already has weight 0, so it needs a reason; say why with --reason TEXT"))
        try officer(["weight", "set", "plan.json", "deliverability", "10%", "--reason", "the workshop weighed it after all"])
        let setArguments = ["weights", "plan.json", "--set", "members", "--name", "Members priorities", "--description", "Weights agreed at the members workshop"]
        XCTAssertTrue(try officer(setArguments + ["--weight", "places-created=2,5"], expect: 2).stderr
            .contains("the weight of places-created must be a number, not '2,5'; write \"2.5\" with a decimal point"))
        try officer(setArguments + Self.criterionIDs.enumerated().map { "--weight=\($0.element)=\(10 + $0.offset * 5)%" })
        entered += ["Members priorities", "Weights agreed at the members workshop"]
        XCTAssertTrue(try officer(["smaa", "plan.json", "--samples", "1,000", "--weight-spread", "20%"]).stdout.contains("In 1,000 random weightings within ±20% of the current weights"))

        // 3. Groups, anchors, the order of importance and declarations have commands; mistakes name the fix.
        XCTAssertTrue(try officer(["option", "edit", "plan.json", Self.optionIDs[0], "--group", "new-build"], expect: 1).stderr
            .contains("there is no group \"new-build\" (the appraisal has none yet); add it with 'appraise group add FILE ID --name TEXT'"))
        try officer(["group", "add", "plan.json", "new-build", "--name", "New buildings", "--description", "Places in buildings not yet built"]
            + Self.optionIDs[1...3].flatMap { ["--option", $0] })
        XCTAssertTrue(try officer(["validate", "plan.json"], expect: 1).stdout.contains(
            "plan.json: error: 9 options not yet in a group: ecole-sainte-therese-resource-base, castle-vale-satellite-class,"))
        try officer(["group", "add", "plan.json", "existing-sites", "--name", "Existing sites", "--description", "Places made within schools that exist"]
            + (Self.optionIDs[0...0] + Self.optionIDs[4...]).flatMap { ["--option", $0] })
        entered += ["New buildings", "Places in buildings not yet built", "Existing sites", "Places made within schools that exist"]
        XCTAssertTrue(try officer(["scale", "plan.json", "--anchor", "11=Beyond the scale"], expect: 1).stderr
            .contains("11 is not a value of the scale; give one of 0, 1, 2"))
        let anchors = ["0=Does not meet the criterion at all", "5=Meets half of what the criterion asks", "10=Meets the criterion in full"]
        XCTAssertTrue(try officer(["scale", "plan.json"] + anchors.flatMap { ["--anchor", $0] }).stdout.contains("scale anchor 5 set to \"Meets half of what the criterion asks\""))
        entered += anchors.map { String($0.split(separator: "=")[1]) }
        XCTAssertTrue(try officer(["importance", "plan.json", "places-created,risk"], expect: 1).stderr
            .contains("the order of importance leaves out cost-per-place, deliverability, travel-distance, inclusion; list every criterion once"))
        try officer(["importance", "plan.json", "places-created,inclusion,risk,cost-per-place,travel-distance,deliverability"])
        try officer(["declare", "plan.json", "--source", "Cabinet paper Appendix 2 table", "--total", "\(Self.optionIDs[0])=33", "--rank", "\(Self.optionIDs[0])=1"])
        entered.append("Cabinet paper Appendix 2 table")

        // 2. The officer's words on options and criteria.
        for (index, id) in Self.optionIDs.enumerated() {
            let words = ["Description of option \(index)", "Detail paragraph of option \(index)", "Strength of option \(index)", "Weakness of option \(index)"]
            try officer(["option", "edit", "plan.json", id, "--description", words[0], "--detail", words[1], "--strength", words[2], "--weakness", words[3]])
            entered += words
        }
        for (index, id) in Self.criterionIDs.enumerated() {
            try officer(["criterion", "edit", "plan.json", id, "--offer", "What criterion \(index) should offer"])
            entered.append("What criterion \(index) should offer")
        }

        XCTAssertTrue(try officer(["details", "plan.json", "--date", "2026-13"], expect: 1).stderr
            .contains("\"2026-13\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"))
        try officer(["details", "plan.json", "--date", "2026-10", "--source", "Cabinet paper on specialist places, October revision"])
        entered.append("Cabinet paper on specialist places, October revision")

        // 8. A copied file says how to start its journal; diff names every option's move; sensitivity knows the order.
        try FileManager.default.copyItem(at: folder.appendingPathComponent("plan.json"), to: folder.appendingPathComponent("copy.json"))
        XCTAssertTrue(try officer(["score", "copy.json", Self.optionIDs[0], "risk", "5", "--reason", "x"], expect: 1).stderr
            .contains("start one with 'appraise adopt copy.json --reason TEXT'"))
        try officer(["score", "plan.json", Self.optionIDs[11], "inclusion", "0", "--reason", "no places means no inclusion"])
        let diff = try officer(["diff", "copy.json", "plan.json"]).stdout
        let moves = diff.components(separatedBy: "\n").filter { line in Self.options.contains { line.hasPrefix($0) || line.hasPrefix(String($0.prefix(20))) } }
        XCTAssertEqual(moves.count, 12, diff)
        XCTAssertTrue(moves.allSatisfy { $0.hasSuffix("unchanged") || $0.hasSuffix("same place") || $0.contains(" up ") || $0.contains(" down ") }, diff)
        XCTAssertFalse(try officer(["sensitivity", "plan.json"]).stdout.contains("states no order of importance"))

        // Done: the journal verifies and every text the officer entered is in every human format.
        XCTAssertTrue(try officer(["verify", "plan.json"]).stdout.hasPrefix("verified: "))
        XCTAssertTrue(try officer(["validate", "plan.json"]).stdout.contains("plan.json: valid"))
        try officer(["report", "plan.json", "--out", "pack"])
        let markdown = try read("pack/report.md"), html = try read("pack/report.html")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("pack").path).sorted()
        let csv = try names.filter { $0.hasSuffix(".csv") }.map { try read("pack/" + $0) }.joined()
        for text in entered {
            XCTAssertTrue(markdown.contains(text), "report.md lacks \"\(text)\"")
            XCTAssertTrue(html.contains(text), "report.html lacks \"\(text)\"")
            XCTAssertTrue(csv.contains(text), "the CSV files lack \"\(text)\"")
        }
        XCTAssertTrue(markdown.contains("Panel consensus: 1 cell"), "the report says the total rests on a consensus")
        XCTAssertTrue(html.contains("Panel consensus: 1 cell"))
        let summary = try read("pack/summary.md")
        XCTAssertTrue(summary.contains("Panel consensus: 1 cell"))
        XCTAssertLessThanOrEqual(summary.components(separatedBy: "\n").map(\.count).max() ?? 0, 120, summary)
        XCTAssertEqual(try officer(["verify-pack", "pack"]).status, 0)
    }

    /// Issue 10, stumble 1, as the old `score --by` left it: every score filed under the
    /// officer's name. The file reads as before, every output says the totals rest on a panel
    /// consensus, and one journalled command files the scores as agreed, totals unchanged.
    func testScoresFiledUnderTheOfficersNameAreFlaggedAndCanBeAgreed() throws {
        folder = try ExecutableRunner.temporaryFolder(self)
        try write("m.csv", "Option;Reach;Cost\nNorth;;\nSouth;;\n")
        try officer(["init", "old.json", "--title", "Depot", "--body", "Board", "--date", "2024", "--from-csv", "m.csv", "--scale", "0..5", "--step", "0.5"])
        for (option, values) in [("north", ["4", "2.5"]), ("south", ["3", "3"])] {
            for (criterion, value) in zip(["reach", "cost"], values) {
                try officer(["score", "old.json", option, criterion, value, "--scorer", "J Officer", "--for", "Seen on site"])
            }
        }
        let totals = { () throws -> [String] in
            let json = try JSONSerialization.jsonObject(with: Data(try self.officer(["rank", "old.json", "--format", "json"]).stdout.utf8)) as? [String: Any]
            return (json?["ranking"] as? [[String: Any]] ?? []).map { "\($0["option"] ?? "") \($0["total"] ?? "")" }
        }
        let totalsBefore = try totals()
        XCTAssertEqual(totalsBefore.count, 2)
        let before = try officer(["rank", "old.json"]).stdout
        XCTAssertTrue(before.contains("Panel consensus: 4 cells have no agreed score"), before)
        XCTAssertTrue(before.contains("'appraise panel FILE --agree NAME'"), before)
        XCTAssertTrue(try officer(["panel", "old.json", "--agree", "J Officer"], expect: 1).stderr
            .contains("filing 4 scores by J Officer as agreed changes what the totals rest on, so it needs a reason"))
        try officer(["panel", "old.json", "--agree", "J Officer", "--reason", "filed under my name by mistake"])
        let after = try officer(["rank", "old.json"]).stdout
        XCTAssertFalse(after.contains("Panel consensus"), after)
        XCTAssertEqual(try totals(), totalsBefore, "the totals are the same")
        XCTAssertTrue(try officer(["verify", "old.json"]).stdout.hasPrefix("verified: "))
    }
}
