import Foundation
import XCTest

/// `appraise rank` through the real executable: the JSON document, weightings, and the text,
/// CSV and Markdown tables.
final class RankCommandTests: XCTestCase {
    private let reference = "appraisals/rotherham-ama-2017.json"

    private func rankJSON(_ arguments: [String], in folder: URL? = nil) throws -> [String: Any] {
        let result = try ExecutableRunner.run(["rank", "--format", "json"] + arguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try CLIFixture.object(result.stdout)
    }

    private func entries(_ document: [String: Any]) throws -> [[String: Any]] {
        try XCTUnwrap(document["ranking"] as? [[String: Any]])
    }

    // MARK: - JSON

    func testJSONShapeAndValuesForTheReferenceAppraisal() throws {
        let document = try rankJSON([reference])
        XCTAssertTrue(Set(document.keys).isSuperset(of: ["appraisal", "fingerprint", "weightSet", "ranking"]), "\(document.keys)")
        XCTAssertEqual(document["appraisal"] as? String, "rotherham-ama-2017")
        XCTAssertTrue(CLIFixture.isFingerprint(document["fingerprint"] as? String ?? ""), "\(String(describing: document["fingerprint"]))")
        XCTAssertEqual(document["weightSet"] as? String, "default")

        let ranking = try entries(document)
        for entry in ranking {
            XCTAssertTrue(Set(entry.keys).isSuperset(of: ["option", "name", "total", "maximum", "percent", "rank", "tiedWith"]), "\(entry.keys)")
        }
        XCTAssertEqual(ranking.map { $0["option"] as? String },
                       ["practice-partner", "cic", "shared-service", "trust", "commission-by-contract", "managing-agent", "mutual", "joint-venture"])
        XCTAssertEqual(ranking.map { CLIFixture.number($0["total"]) }, [33, 26, 26, 25, 22, 18, 16, 15])
        XCTAssertEqual(ranking.map { CLIFixture.number($0["rank"]) }, [1, 2, 2, 4, 5, 6, 7, 8])
        XCTAssertTrue(ranking.allSatisfy { CLIFixture.number($0["maximum"]) == 40 })
        // 33/40 = 82.5%, 26/40 = 65%, 15/40 = 37.5%
        XCTAssertEqual(CLIFixture.number(ranking[0]["percent"]), 82.5)
        XCTAssertEqual(CLIFixture.number(ranking[1]["percent"]), 65)
        XCTAssertEqual(CLIFixture.number(ranking[7]["percent"]), 37.5)
        XCTAssertEqual(ranking[0]["tiedWith"] as? [String], [])
        XCTAssertEqual(ranking[1]["tiedWith"] as? [String], ["shared-service"])
        XCTAssertEqual(ranking[2]["tiedWith"] as? [String], ["cic"])
        XCTAssertEqual(ranking[2]["name"] as? String, "Shared Service")
    }

    func testFingerprintMatchesValidateAndIgnoresReformatting() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let original = try Data(contentsOf: ExecutableRunner.referenceAppraisal)
        // Re-serialised by Foundation on one line: different layout, key order and escaping, same content.
        let object = try JSONSerialization.jsonObject(with: original)
        let reformatted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        XCTAssertNotEqual(reformatted, original)
        try reformatted.write(to: folder.appendingPathComponent("compact.json"))
        try ExecutableRunner.copyReferenceDatasets(to: folder)

        let fingerprint = try rankJSON([reference])["fingerprint"] as? String
        let validate = try CLIFixture.object(try ExecutableRunner.run(["validate", "--format", "json", reference]).stdout)
        XCTAssertEqual(validate["fingerprint"] as? String, fingerprint)
        XCTAssertEqual(try rankJSON(["compact.json"], in: folder)["fingerprint"] as? String, fingerprint)

        // Any change of content changes it: one score in the fixture.
        try CLIFixture.write(CLIFixture.valid, to: "a.json", in: folder)
        try CLIFixture.write(CLIFixture.valid.replacingOccurrences(of: "\"value\": 2,", with: "\"value\": 3,"), to: "b.json", in: folder)
        XCTAssertNotEqual(try rankJSON(["a.json"], in: folder)["fingerprint"] as? String,
                          try rankJSON(["b.json"], in: folder)["fingerprint"] as? String)
    }

    // MARK: - Weightings

    func testEqualWeights() throws {
        let document = try rankJSON(["--weights", "equal", reference])
        XCTAssertEqual(document["weightSet"] as? String, "equal")
        // The reference appraisal weights its criteria equally anyway: same totals as by default.
        XCTAssertEqual(try entries(document).map { CLIFixture.number($0["total"]) }, [33, 26, 26, 25, 22, 18, 16, 15])
    }

    func testNamedWeightSetReordersTheFixture() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(CLIFixture.valid, to: "fixture.json", in: folder)
        // Equal weights: alpha 7 ahead of beta 6.
        let equal = try entries(try rankJSON(["fixture.json"], in: folder))
        XCTAssertEqual(equal.map { $0["option"] as? String }, ["alpha", "beta"])
        XCTAssertEqual(equal.map { CLIFixture.number($0["total"]) }, [7, 6])
        // Quality first (1 : 3): beta 7 ahead of alpha 6.5 (see CLIFixture for the working).
        let document = try rankJSON(["--weights", "quality-first", "fixture.json"], in: folder)
        XCTAssertEqual(document["weightSet"] as? String, "quality-first")
        let weighted = try entries(document)
        XCTAssertEqual(weighted.map { $0["option"] as? String }, ["beta", "alpha"])
        XCTAssertEqual(weighted.map { CLIFixture.number($0["total"]) }, [7, 6.5])
        XCTAssertEqual(weighted.map { CLIFixture.number($0["percent"]) }, [70, 65])
        XCTAssertEqual(weighted.map { CLIFixture.number($0["rank"]) }, [1, 2])
        // Text output says the weights are not equal.
        let text = try ExecutableRunner.run(["rank", "--weights", "quality-first", "fixture.json"], in: folder)
        XCTAssertTrue(text.stdout.contains("Weights: Quality first; totals are weighted points out of the maximum."), text.stdout)
        XCTAssertTrue(text.stdout.contains("6.5/10"), text.stdout)
    }

    func testUnknownWeightSetIsAUsageErrorListingTheSets() throws {
        let result = try ExecutableRunner.run(["rank", "--weights", "cheapest", reference])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("unknown weight set 'cheapest'; this appraisal has: default, equal"), result.stderr)
        XCTAssertTrue(result.stderr.contains("USAGE: appraise rank"), result.stderr)

        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(CLIFixture.valid, to: "fixture.json", in: folder)
        let withSets = try ExecutableRunner.run(["rank", "--weights", "cheapest", "fixture.json"], in: folder)
        XCTAssertEqual(withSets.status, 2)
        XCTAssertTrue(withSets.stderr.contains("this appraisal has: default, equal, quality-first"), withSets.stderr)
    }

    // MARK: - Tables

    func testTextTable() throws {
        let result = try ExecutableRunner.run(["rank", reference])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "Ranking of options")
        let rows = lines.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertTrue(rows.contains(["1", "Peer", "Practice", "Partner", "33/40", "82.5%", "7"]), result.stdout)
        XCTAssertTrue(rows.contains(["2=", "Community", "Interest", "Company", "26/40", "65.0%", "0"]), result.stdout)
        XCTAssertTrue(rows.contains(["2=", "Shared", "Service", "26/40", "65.0%", "1"]), result.stdout)
        XCTAssertTrue(rows.contains(["4", "Wholly", "Owned", "Company", "–", "Trust", "25/40", "62.5%", "3"]), result.stdout)
        XCTAssertTrue(rows.contains(["8", "Joint", "Venture", "15/40", "37.5%"]), result.stdout)
        XCTAssertTrue(result.stdout.contains("= marks a shared rank"), result.stdout)
    }

    func testCSV() throws {
        let result = try ExecutableRunner.run(["rank", "--format", "csv", reference])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasSuffix("\r\n"))
        let lines = result.stdout.components(separatedBy: "\r\n").dropLast()
        XCTAssertFalse(lines.contains { $0.contains("\n") }, "every line ends CRLF")
        XCTAssertEqual(Array(lines), [
            "\u{FEFF}Rank,Option ID,Option,Total,Maximum,Percent,Margin to next",
            "1,practice-partner,Peer Practice Partner,33,40,82.5%,7",
            "2=,cic,Community Interest Company,26,40,65.0%,0",
            "2=,shared-service,Shared Service,26,40,65.0%,1",
            "4,trust,Wholly Owned Company – Trust,25,40,62.5%,3",
            "5,commission-by-contract,Commission by Contract,22,40,55.0%,4",
            "6,managing-agent,Managing Agent,18,40,45.0%,2",
            "7,mutual,Mutual,16,40,40.0%,1",
            "8,joint-venture,Joint Venture,15,40,37.5%,",
        ])
    }

    func testMarkdown() throws {
        let result = try ExecutableRunner.run(["rank", "--format", "md", reference])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "## Ranking of options")
        XCTAssertTrue(lines.contains("| Rank | Option | Total | Percent | Margin to next |"), result.stdout)
        XCTAssertTrue(lines.contains("|---:|:---|---:|---:|---:|"), result.stdout)
        XCTAssertTrue(lines.contains("| 1 | Peer Practice Partner | 33/40 | 82.5% | 7 |"), result.stdout)
        XCTAssertTrue(lines.contains("| 2= | Shared Service | 26/40 | 65.0% | 1 |"), result.stdout)
        XCTAssertTrue(lines.contains("| 8 | Joint Venture | 15/40 | 37.5% |  |"), result.stdout)
    }

    // MARK: - Errors

    func testBadFormatAndMissingFileAreUsageErrors() throws {
        let badFormat = try ExecutableRunner.run(["rank", "--format", "xlsx", reference])
        XCTAssertEqual(badFormat.status, 2)
        XCTAssertTrue(badFormat.stderr.contains("--format must be one of text, json, csv, md, not 'xlsx'"), badFormat.stderr)
        let missing = try ExecutableRunner.run(["rank", "--format", "json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("missing FILE"), missing.stderr)
        let noValue = try ExecutableRunner.run(["rank", reference, "--weights"])
        XCTAssertEqual(noValue.status, 2)
        XCTAssertTrue(noValue.stderr.contains("--weights needs a value"), noValue.stderr)
    }

    func testInvalidFileIsExitOneWithItsErrors() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try CLIFixture.write(CLIFixture.valid.replacingOccurrences(of: "\"value\": 2,", with: "\"value\": 6,"), to: "broken.json", in: folder)
        let result = try ExecutableRunner.run(["rank", "broken.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("broken.json:19:54: error: score 6 is outside the scale"), result.stderr)
        XCTAssertTrue(result.stderr.contains("broken.json is not a usable appraisal (1 error)"), result.stderr)
    }
}
