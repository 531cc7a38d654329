import Foundation
import XCTest

/// `appraise show` and `appraise report` through the real executable.
final class ShowReportCommandTests: XCTestCase {
    private let reference = "appraisals/rotherham-ama-2017.json"

    // MARK: - show

    func testShowTable() throws {
        let result = try ExecutableRunner.run(["show", reference])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "Score matrix")
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("Option") })
        for column in ["Child Focused", "Partnerships", "Commissioning", "Political oversight", "Financial viability",
                       "Workforce", "Integration", "Risk", "Total", "Percent", "Rank"] {
            XCTAssertTrue(header.contains(column), "header lacks \(column): \(header)")
        }
        // Rows in the file's order, scores as in Annex 1, then total, percent and rank.
        let rows = lines.map { $0.split(separator: " ").map(String.init) }
        XCTAssertTrue(rows.contains(["Peer", "Practice", "Partner", "4", "5", "4", "4", "3", "4", "5", "4", "33/40", "82.5%", "1"]), result.stdout)
        XCTAssertTrue(rows.contains(["Community", "Interest", "Company", "5", "2", "4", "3", "2", "5", "2", "3", "26/40", "65.0%", "2="]), result.stdout)
        XCTAssertTrue(rows.contains(["Shared", "Service", "4", "3", "3", "3", "3", "3", "3", "4", "26/40", "65.0%", "2="]), result.stdout)
        XCTAssertTrue(rows.contains(["Joint", "Venture", "3", "2", "2", "1", "2", "2", "1", "2", "15/40", "37.5%", "8"]), result.stdout)
        let order = ["Peer Practice Partner", "Commission by Contract", "Wholly Owned Company – Trust", "Community Interest Company",
                     "Mutual", "Managing Agent", "Joint Venture", "Shared Service"]
        let positions = order.map { name in lines.firstIndex { $0.hasPrefix(name + " ") } ?? -1 }
        XCTAssertEqual(positions, positions.sorted(), "options are listed in the file's order")
        XCTAssertFalse(positions.contains(-1))
        XCTAssertTrue(result.stdout.contains("Scores on a scale of 0 to 5."), result.stdout)
    }

    func testShowJSONAndUsage() throws {
        let result = try ExecutableRunner.run(["show", "--format", "json", reference])
        XCTAssertEqual(result.status, 0)
        let document = try CLIFixture.object(result.stdout)
        let scores = try XCTUnwrap(document["scores"] as? [String: [String: Any]])
        XCTAssertEqual(scores.count, 8)
        XCTAssertEqual(CLIFixture.number(scores["shared-service"]?["risk"]), 4)
        XCTAssertEqual(CLIFixture.number(scores["mutual"]?["commissioning"]), 1)
        XCTAssertEqual(document["criteria"] as? [String], ["child-focused", "partnerships", "commissioning", "political-oversight",
                                                          "financial-viability", "workforce", "integration", "risk"])

        let missing = try ExecutableRunner.run(["show"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("missing FILE"), missing.stderr)
    }

    // MARK: - report

    private let packFiles = ["ranking.csv", "score-matrix.csv", "reconciliation.csv", "report.md", "report.json"]

    func testReportWritesThePackAndPrintsTheDiscrepancy() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let out = folder.appendingPathComponent("pack")
        let result = try ExecutableRunner.run(["report", "--out", out.path, reference])
        XCTAssertEqual(result.status, 0, result.stderr)

        // The summary: headline, the Shared Service discrepancy and what it does to the ranking.
        XCTAssertTrue(result.stdout.contains(
            "The answer: Peer Practice Partner is the preferred option, first with 33/40, 7 points ahead of Community Interest Company and Shared Service.\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains(
            "- The published total for Shared Service (24/40, Annex 1, TOTAL SCORE row of each option) is not the sum of its scores: 4 + 3 + 3 + 3 + 3 + 3 + 3 + 4 = 26/40."),
            result.stdout)
        XCTAssertTrue(result.stdout.contains(
            "- With the totals the scores give, Shared Service moves from 4th to 2nd (tied with Community Interest Company on 26/40) and Wholly Owned Company – Trust moves from 3rd to 4th."),
            result.stdout)
        XCTAssertTrue(result.stdout.contains("- First place is unchanged: Peer Practice Partner (33/40)."), result.stdout)

        let written = try files(in: out)
        XCTAssertTrue(Set(written.keys).isSuperset(of: packFiles), "\(written.keys.sorted())")
        XCTAssertTrue(result.stdout.contains("Wrote \(written.count) files to "), result.stdout)
        XCTAssertFalse(written.keys.contains { $0.hasSuffix(".tmp") }, "no temporary files left behind")

        // The exported reconciliation says the same as the summary: five declared numbers differ,
        // Shared Service's total in each of the three places that print totals, and two ranks.
        // (Checked without pinning the CSV's column layout, which the pack format owns.)
        let csv = String(decoding: try XCTUnwrap(written["reconciliation.csv"]), as: UTF8.self)
        let differing = csv.components(separatedBy: "\r\n").filter { $0.contains("DIFFERS") }
        XCTAssertEqual(differing.count, 5, csv)
        XCTAssertEqual(differing.filter { $0.contains("Shared Service") && $0.contains(",total,") }.count, 3, csv)
        XCTAssertEqual(differing.filter { $0.contains(",rank,") }.count, 2, csv)
        XCTAssertTrue(differing.contains { $0.contains("Trust") && $0.contains(",rank,") }, csv)
        let report = try CLIFixture.object(String(decoding: try XCTUnwrap(written["report.json"]), as: UTF8.self))
        let reconciliation = try XCTUnwrap(report["reconciliation"] as? [String: Any])
        let findings = try XCTUnwrap(reconciliation["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.filter { $0["field"] as? String == "total" }.map { $0["option"] as? String },
                       ["shared-service", "shared-service", "shared-service"])
        XCTAssertEqual(findings.filter { $0["field"] as? String == "rank" }.map { $0["option"] as? String }, ["trust", "shared-service"])
        let ranking = String(decoding: try XCTUnwrap(written["ranking.csv"]), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertGreaterThan(ranking.count, 2)
        XCTAssertTrue(ranking[1].hasPrefix("1,") && ranking[1].contains("Peer Practice Partner") && ranking[1].contains("82.5%"), ranking[1])
    }

    func testReportTwiceGivesByteIdenticalFiles() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let first = folder.appendingPathComponent("first"), second = folder.appendingPathComponent("second")
        XCTAssertEqual(try ExecutableRunner.run(["report", "--out", first.path, reference]).status, 0)
        let before = try files(in: first)
        // Again over the same folder (replacing the files), and into a fresh one.
        XCTAssertEqual(try ExecutableRunner.run(["report", "--out", first.path, reference]).status, 0)
        XCTAssertEqual(try ExecutableRunner.run(["report", "--out", second.path, reference]).status, 0)
        let again = try files(in: first), elsewhere = try files(in: second)
        XCTAssertFalse(before.isEmpty)
        XCTAssertEqual(Set(again.keys), Set(before.keys))
        XCTAssertEqual(Set(elsewhere.keys), Set(before.keys))
        for (name, bytes) in before {
            XCTAssertEqual(again[name], bytes, "\(name) changed between runs")
            XCTAssertEqual(elsewhere[name], bytes, "\(name) depends on the output folder")
        }
    }

    func testReportOnAnInvalidFileWritesNothing() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(CLIFixture.valid.replacingOccurrences(of: "\"value\": 2,", with: "\"value\": 6,"), to: "broken.json", in: folder)
        let result = try ExecutableRunner.run(["report", "--out", "pack", "broken.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("broken.json:19:54: error:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pack").path))
    }

    func testReportOfAnAppraisalWithoutDeclarations() throws {
        // Nothing published to reconcile: no reconciliation section, and no reconciliation.csv.
        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(CLIFixture.valid, to: "fixture.json", in: folder)
        let result = try ExecutableRunner.run(["report", "--out", "pack", "fixture.json"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("The answer: Alpha is the preferred option, first with 7/10, "), result.stdout)
        XCTAssertFalse(result.stdout.contains("published"), result.stdout)
        let written = try files(in: folder.appendingPathComponent("pack"))
        XCTAssertNil(written["reconciliation.csv"])
        XCTAssertNotNil(written["ranking.csv"])
    }

    // MARK: - Helpers

    /// Every regular file under `folder`, by path relative to it (hidden files included).
    private func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = folder.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }
}
