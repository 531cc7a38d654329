import AppraiseKit
import Foundation
import XCTest

/// The long list through the real executable: critical success factors, screening, moving
/// options between stages with the journal's reasons, `shortlist` in every format, and a
/// long list started from a spreadsheet.
final class ShortlistCommandTests: XCTestCase {
    @discardableResult
    private func run(_ arguments: [String], in folder: URL, expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
        XCTAssertEqual(result.status, status, "appraise \(arguments.prefix(5).joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    /// A waste-collection long list of four, scored on one criterion: an invented case.
    private func waste(in folder: URL) throws {
        try run(["init", "waste.json", "--title", "Waste collection", "--body", "Environment board", "--date", "2025-06"], in: folder)
        try run(["criterion", "add", "waste.json", "service", "--name", "Service"], in: folder)
        for (id, name) in [("in-house", "Keep in house"), ("fewer-rounds", "Fewer rounds"), ("outsource", "Outsource"), ("joint", "Joint with neighbour")] {
            try run(["option", "add", "waste.json", id, "--name", name], in: folder)
            try run(["score", "waste.json", id, "service", "3", "--for", "Meets the basic service"], in: folder)
        }
    }

    func testScreeningAndStagesAreJournalledAndDiscountingNeedsAReason() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try waste(in: folder)
        try run(["csf", "template", "waste.json"], in: folder)
        try run(["csf", "add", "waste.json", "local-jobs", "--name", "Keeps local jobs"], in: folder)
        try run(["stage", "waste.json", "in-house", "business-as-usual"], in: folder)
        try run(["stage", "waste.json", "fewer-rounds", "do-minimum"], in: folder)
        try run(["screen", "waste.json", "outsource", "potential-affordability", "--result", "fail", "--why", "Bids came in over budget",
                 "--evidence", "Soft market test, March 2025"], in: folder)

        let fileURL = folder.appendingPathComponent("waste.json")
        let before = try Data(contentsOf: fileURL)
        let refused = try run(["stage", "waste.json", "outsource", "discounted"], in: folder, expect: 1)
        XCTAssertEqual(refused.stderr, "appraise stage: waste.json: discounting option \"outsource\" sets it aside, so it needs a reason; say why with --reason TEXT\n")
        XCTAssertEqual(try Data(contentsOf: fileURL), before, "a refused edit writes nothing")

        let validate = try run(["validate", "waste.json"], in: folder).stdout
        XCTAssertTrue(validate.contains("warning: option \"outsource\" failed critical success factor \"potential-affordability\" but is scored"), validate)
        XCTAssertTrue(validate.contains("warning: short-listed option \"joint\" has no screening result on strategic-fit"), validate)

        try run(["stage", "waste.json", "outsource", "discounted", "--reason", "Failed affordability"], in: folder)
        let ranking = try run(["rank", "waste.json"], in: folder).stdout
        XCTAssertFalse(ranking.contains("Outsource"), ranking)
        XCTAssertTrue(ranking.contains("Keep in house"), ranking)

        try run(["stage", "waste.json", "outsource", "short-listed"], in: folder, expect: 1)
        try run(["stage", "waste.json", "outsource", "short-listed", "--reason", "New bids are within budget"], in: folder)
        XCTAssertTrue(try run(["rank", "waste.json"], in: folder).stdout.contains("Outsource"))
        try run(["stage", "waste.json", "joint", "--delivery", "Shared service", "--funding", "Revenue"], in: folder)
        try run(["stage", "waste.json", "joint", "preferred", "--delivery", "x"], in: folder, expect: 2)

        let log = try run(["log", "waste.json"], in: folder).stdout
        XCTAssertTrue(log.contains("Failed affordability"), log)
        XCTAssertTrue(log.contains("  screening of outsource on potential-affordability fail (Bids came in over budget)\n"), log)
        XCTAssertTrue(log.contains("  critical success factor local-jobs added: Keeps local jobs\n"), log)
        XCTAssertTrue(log.contains("New bids are within budget"), log)
        XCTAssertEqual(try run(["verify", "waste.json"], in: folder).stdout.components(separatedBy: "\n")[0], "verified: 18 changes")
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: fileURL).appraisal)
        XCTAssertEqual(appraisal.option("outsource")?.stageReason, "New bids are within budget")
        XCTAssertEqual(appraisal.screening?.criteria.count, 6)
    }

    func testShortlistInEveryFormat() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try waste(in: folder)
        try run(["csf", "add", "waste.json", "legal", "--name", "Lawful"], in: folder)
        for option in ["in-house", "fewer-rounds", "outsource", "joint"] {
            try run(["screen", "waste.json", option, "legal", "--result", option == "joint" ? "fail" : "pass", "--why", "Counsel"], in: folder)
        }
        try run(["stage", "waste.json", "joint", "discounted", "--reason", "No partner willing"], in: folder)

        let text = try run(["shortlist", "waste.json"], in: folder).stdout
        XCTAssertTrue(text.hasPrefix("Findings\n\n- the short list has no option at stage \"business-as-usual\""), text)
        XCTAssertTrue(text.contains("Joint with neighbour  discounted    fail       No partner willing"), text)
        let csv = try run(["shortlist", "waste.json", "--format", "csv"], in: folder).stdout
        XCTAssertTrue(csv.contains("Option,Stage,Lawful,Overall\r\nKeep in house,short-listed,pass,pass\r\n"), csv)
        XCTAssertTrue(csv.contains("Joint with neighbour,No partner willing,failed Lawful\r\n"), csv)
        let md = try run(["shortlist", "waste.json", "--format", "md"], in: folder).stdout
        XCTAssertTrue(md.contains("## Screening against the critical success factors\n\n| Option | Stage | Lawful | Overall |"), md)
        XCTAssertTrue(md.contains("## Options considered and set aside, and why"), md)
        let json = try CLIFixture.object(try run(["shortlist", "waste.json", "--format", "json"], in: folder).stdout)
        let options = try XCTUnwrap(json["options"] as? [[String: Any]])
        XCTAssertEqual(options.map { $0["stage"] as? String }, ["short-listed", "short-listed", "short-listed", "discounted"])
        XCTAssertEqual((json["findings"] as? [Any])?.count, 2)

        // The pack carries the same tables: the options set aside in the front section, the long list as an appendix.
        try run(["report", "waste.json", "--out", "pack"], in: folder)
        let report = try String(contentsOf: folder.appendingPathComponent("pack/report.md"), encoding: .utf8)
        XCTAssertLessThan(try XCTUnwrap(report.range(of: "Options set aside before scoring, and why:")).lowerBound,
                          try XCTUnwrap(report.range(of: "\n## Appendix [A-Z]: Options considered, screened and set aside\n", options: .regularExpression)).lowerBound)
        XCTAssertTrue(report.contains(": The long list: every option considered\n"), report)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pack/screening.csv").path))
        try run(["verify-pack", "pack", "--appraisal", "waste.json"], in: folder)
    }

    func testALongListFromASpreadsheet() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let csv = "Option,Stage,Reason,Lawful,Affordable,Service\nKeep in house,business-as-usual,,pass,pass,3\nFewer rounds,do-minimum,,pass,pass with reservations,2\nOutsource,discounted,Over budget,pass,fail,\n"
        try Data(csv.utf8).write(to: folder.appendingPathComponent("long.csv"))
        try run(["init", "waste.json", "--title", "Waste", "--body", "Board", "--date", "2025-06", "--from-csv", "long.csv"], in: folder)
        let validate = try run(["validate", "waste.json"], in: folder).stdout
        XCTAssertTrue(validate.contains("valid (2 warnings); 3 options, 1 criteria, 2 scores"), validate)
        let table = try run(["shortlist", "waste.json", "--format", "csv"], in: folder).stdout
        XCTAssertTrue(table.contains("Fewer rounds,do-minimum,pass,pass with reservations,pass with reservations\r\n"), table)
        XCTAssertTrue(table.contains("Outsource,Over budget,failed Affordable\r\n"), table)

        try Data("Option,Lawful\nA,pass\nB,unsure\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let refused = try run(["init", "bad.json", "--title", "T", "--body", "B", "--date", "2025-06", "--from-csv", "bad.csv"], in: folder, expect: 1)
        XCTAssertEqual(refused.stderr, "appraise init: bad.csv:3: column 2 (\"Lawful\"): \"unsure\" is not a screening result; write pass, pass with reservations or fail\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.json").path))
    }

    func testAnalysesRefuseALongListWithNothingOnTheShortList() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try run(["init", "early.json", "--title", "Early", "--body", "Board", "--date", "2025-06"], in: folder)
        try run(["criterion", "add", "early.json", "cost", "--name", "Cost"], in: folder)
        try run(["option", "add", "early.json", "idea", "--name", "An idea"], in: folder)
        try run(["stage", "early.json", "idea", "long-listed"], in: folder)
        XCTAssertTrue(try run(["validate", "early.json"], in: folder).stdout.contains("valid (2 warnings); 1 options, 1 criteria, 0 scores"))
        for command in ["rank", "report", "sensitivity", "smaa", "show"] {
            let refused = try run([command, "early.json"], in: folder, expect: 1)
            XCTAssertEqual(refused.stderr, "appraise \(command): early.json has no option on the scored short list yet (1 long-listed or discounted); move one there with 'appraise stage early.json OPTION short-listed', or see the long list with 'appraise shortlist early.json'\n")
        }
        XCTAssertTrue(try run(["shortlist", "early.json"], in: folder).stdout.contains("An idea  long-listed"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("early.json"), to: folder.appendingPathComponent("copy.json"))
        try run(["diff", "early.json", "copy.json"], in: folder)
    }

    func testTheReferenceShortlistCitesItsSource() throws {
        let result = try ExecutableRunner.run(["shortlist", "appraisals/rotherham-ama-2017.json", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLIFixture.object(result.stdout)
        XCTAssertTrue((json["source"] as? String ?? "").contains("001:984"))
        let options = try XCTUnwrap(json["options"] as? [[String: Any]])
        XCTAssertEqual(options.count, 8)
        XCTAssertEqual(options.filter { $0["stage"] as? String == "preferred" }.map { $0["id"] as? String }, ["practice-partner"])
        XCTAssertTrue(options.allSatisfy { $0["scored"] as? Bool == true })
    }
}
