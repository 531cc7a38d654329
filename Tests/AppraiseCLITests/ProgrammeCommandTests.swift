import Foundation
import XCTest

/// `appraise programme` and the programme keys through the real executable, on a small
/// programme worked by hand (not the seed's): six proposals, two of them alternatives, one
/// needing another, one with a cost range and one not yet costed.
final class ProgrammeCommandTests: XCTestCase {
    /// Benefit (equal weights, two criteria): the sum of the two scores. With £500,000 and at
    /// least 30 places: North + East + Depot (14 + 8 + 4 = 26, £460,000 with Depot at the top
    /// of its range, 30 places) beats South + East + Depot (25) and North + East (22); West
    /// needs East and does not fit beside North; Bridge is not costed.
    static let fixture = """
    {
      "format": 1,
      "id": "depot-programme",
      "title": "Depot programme",
      "body": "Test council",
      "date": "2025-03",
      "scale": {"min": 0, "max": 10, "step": 1},
      "criteria": [{"id": "service", "name": "Service"}, {"id": "carbon", "name": "Carbon"}],
      "options": [
        {"id": "north", "name": "North depot"}, {"id": "south", "name": "South depot"}, {"id": "east", "name": "East yard"},
        {"id": "west", "name": "West yard"}, {"id": "depot", "name": "Depot repairs"}, {"id": "bridge", "name": "Bridge link"}
      ],
      "scores": [
        {"option": "north", "criterion": "service", "value": 8}, {"option": "north", "criterion": "carbon", "value": 6},
        {"option": "south", "criterion": "service", "value": 7}, {"option": "south", "criterion": "carbon", "value": 6},
        {"option": "east", "criterion": "service", "value": 5}, {"option": "east", "criterion": "carbon", "value": 3},
        {"option": "west", "criterion": "service", "value": 4}, {"option": "west", "criterion": "carbon", "value": 4},
        {"option": "depot", "criterion": "service", "value": 2}, {"option": "depot", "criterion": "carbon", "value": 2},
        {"option": "bridge", "criterion": "service", "value": 9}, {"option": "bridge", "criterion": "carbon", "value": 9}
      ],
      "costing": {"currency": "GBP", "firstYear": "2025/26"},
      "measures": [
        {"id": "capital", "name": "Capital cost", "unit": "GBP", "kind": "cost"},
        {"id": "places", "name": "Places", "unit": "places", "kind": "quantity"}
      ],
      "amounts": [
        {"option": "north", "measure": "capital", "year": "2025/26", "value": 200000},
        {"option": "north", "measure": "capital", "year": 1, "value": 100000},
        {"option": "south", "measure": "capital", "value": 300000},
        {"option": "east", "measure": "capital", "value": 100000},
        {"option": "west", "measure": "capital", "value": 150000},
        {"option": "depot", "measure": "capital", "low": 40000, "high": 60000},
        {"option": "bridge", "measure": "capital", "unknown": "TBC"},
        {"option": "north", "measure": "places", "value": 20}, {"option": "south", "measure": "places", "value": 25},
        {"option": "east", "measure": "places", "value": 10}, {"option": "west", "measure": "places", "value": 10},
        {"option": "depot", "measure": "places", "value": 0}, {"option": "bridge", "measure": "places", "value": 15}
      ],
      "decision": "choose-set",
      "programme": {
        "budgets": [{"measure": "capital", "limit": 500000}],
        "targets": [{"measure": "places", "atLeast": 30}],
        "dependencies": [{"option": "west", "needs": "east"}],
        "exclusions": [{"atMostOne": ["north", "south"]}]
      }
    }
    """

    private func write(_ text: String = ProgrammeCommandTests.fixture) throws -> URL {
        let folder = try ExecutableRunner.temporaryFolder(self)
        return try CLIFixture.write(text, to: "programme.json", in: folder)
    }

    func testTheBestProgrammeItsSlackAndWhatCouldNotBeCosted() throws {
        let file = try write()
        let result = try ExecutableRunner.run(["programme", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = result.stdout
        XCTAssertTrue(text.contains("- The best programme within £500,000 of capital cost funds 3 proposals: North depot, East yard and Depot repairs, worth 26 points of benefit under the appraisal's weights."), text)
        XCTAssertTrue(text.contains("- It spends £460,000 of capital cost, leaving £40,000 of £500,000."), text)
        XCTAssertTrue(text.contains("- It achieves 30 places against a target of 30 places, 0 places over."), text)
        XCTAssertTrue(text.contains("- The next best programme drops North depot and adds South depot and is 1 point behind (25 points)."), text)
        XCTAssertTrue(text.contains("- Not costed, so left out of every programme above: Bridge link (\"TBC\")."), text)
        XCTAssertTrue(text.contains("the best programme would add Bridge link, for 44 points and 45 places."), text)

        let json = try ExecutableRunner.run(["programme", file.path, "--format", "json"])
        let document = try CLIFixture.object(json.stdout)
        let best = try XCTUnwrap(document["best"] as? [String: Any])
        let choices = try XCTUnwrap(best["choices"] as? [[String: Any]])
        XCTAssertEqual(choices.first?["proposals"] as? [String], ["north", "east", "depot"])
        XCTAssertEqual(best["uncosted"] as? [String], ["bridge"])
        let again = try ExecutableRunner.run(["programme", file.path, "--format", "json"])
        XCTAssertEqual(again.stdout, json.stdout, "same input, same bytes")
    }

    func testABudgetOrTargetFromTheCommandLineAndTheBindingConstraint() throws {
        let file = try write()
        let short = try ExecutableRunner.run(["programme", file.path, "--target", "places>=60"])
        XCTAssertEqual(short.status, 0, short.stderr)
        XCTAssertTrue(short.stdout.contains("- No programme meets every constraint: no set reaches 60 places within £500,000 of capital cost; the most is 35 places, 25 places short."), short.stdout)
        XCTAssertTrue(short.stdout.contains("- Within the budgets alone, the best programme funds 3 proposals: North depot, East yard and Depot repairs"), short.stdout)

        let richer = try ExecutableRunner.run(["programme", file.path, "--budget", "capital=£610,000", "--format", "json"])
        let choices = try XCTUnwrap((try CLIFixture.object(richer.stdout)["best"] as? [String: Any])?["choices"] as? [[String: Any]])
        // £610,000: North + East + West + Depot (14 + 8 + 8 + 4 = 34, £610,000).
        XCTAssertEqual(choices.first?["proposals"] as? [String], ["north", "east", "west", "depot"])

        // £250,000 in 2025/26 (year 0) and 20 places: North spends £200,000 that year, so it fits
        // only alone (14); South (£300,000) does not fit; East + West (£250,000, 16, 20 places) is best.
        let yearly = try ExecutableRunner.run(["programme", file.path, "--budget", "capital@2025/26=250000", "--target", "places>=20", "--format", "json"])
        XCTAssertEqual(yearly.status, 0, yearly.stderr)
        let best = try XCTUnwrap(try CLIFixture.object(yearly.stdout)["best"] as? [String: Any])
        let yearChoices = try XCTUnwrap(best["choices"] as? [[String: Any]])
        let constraints = try XCTUnwrap(yearChoices.first?["constraints"] as? [[String: Any]])
        // The --budget on capital replaces the file's total capital budget, as --help says.
        XCTAssertEqual(constraints.map { $0["year"] as? Int }, [0, nil])
        XCTAssertEqual(yearChoices.first?["proposals"] as? [String], ["east", "west"])
        let bad = try ExecutableRunner.run(["programme", file.path, "--budget", "capital@2019/20=1"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("'2019/20' is not a year of this appraisal"), bad.stderr)
    }

    func testBadArgumentsAndARivalsFileAreRefused() throws {
        let file = try write()
        for (arguments, expected) in [
            (["--budget", "capital"], "--budget needs MEASURE=AMOUNT"),
            (["--budget", "places=10"], "'places' is not a cost measure of this appraisal; it has: capital"),
            (["--target", "places>=lots"], "'lots' is not an amount"),
            (["--weights", "nope"], "unknown weight set 'nope'"),
        ] {
            let result = try ExecutableRunner.run(["programme", file.path] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(expected), result.stderr)
        }
        let rivals = try write(CLIFixture.valid)
        let result = try ExecutableRunner.run(["programme", rivals.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("add \"decision\": \"choose-set\""), result.stderr)
    }

    func testEveryProgrammeDiagnosticThroughValidate() throws {
        let cases: [(code: String, location: String, old: String, new: String)] = [
            ("unknown-choice", "decision", #""decision": "choose-set""#, #""decision": "choose-many""#),
            ("programme-without-choose-set", "programme", #""decision": "choose-set","#, ""),
            ("wrong-kind", "programme.budgets[0].measure", #""budgets": [{"measure": "capital""#, #""budgets": [{"measure": "places""#),
            ("wrong-kind", "programme.targets[0].measure", #""targets": [{"measure": "places""#, #""targets": [{"measure": "capital""#),
            ("unknown-id", "programme.budgets[0].measure", #""budgets": [{"measure": "capital""#, #""budgets": [{"measure": "revenue""#),
            ("negative-amount", "programme.budgets[0].limit", #""limit": 500000"#, #""limit": -1"#),
            ("unknown-id", "programme.dependencies[0].needs", #""needs": "east""#, #""needs": "eats""#),
            ("self-dependency", "programme.dependencies[0].needs", #""needs": "east""#, #""needs": "west""#),
            ("too-few-options", "programme.exclusions[0].atMostOne", #""atMostOne": ["north", "south"]"#, #""atMostOne": ["north", "north"]"#),
            ("committed-and-ruled-out", "programme.ruledOut[0]", #""exclusions""#, #""committed": ["east"], "ruledOut": ["east"], "exclusions""#),
            ("invalid-year", "programme.budgets[0].year", #""limit": 500000"#, #""limit": 500000, "year": "next year""#),
            ("unknown-field", "programme.budget", #""budgets""#, #""budget": [], "budgets""#),
        ]
        let folder = try ExecutableRunner.temporaryFolder(self)
        for (index, item) in cases.enumerated() {
            XCTAssertTrue(Self.fixture.contains(item.old), item.code)
            try CLIFixture.write(Self.fixture.replacingOccurrences(of: item.old, with: item.new), to: "case\(index).json", in: folder)
            let result = try ExecutableRunner.run(["validate", "--format", "json", "case\(index).json"], in: folder)
            XCTAssertEqual(result.status, 1, "\(item.code): \(result.stdout)")
            let errors = try XCTUnwrap(try CLIFixture.object(result.stdout)["errors"] as? [[String: Any]])
            let match = errors.first { $0["code"] as? String == item.code && $0["location"] as? String == item.location }
            XCTAssertNotNil(match, "\(item.code) at \(item.location) not reported: \(errors)")
            XCTAssertNotNil(match?["line"] as? Int, "\(item.code) has a line")
        }
        let valid = try ExecutableRunner.run(["validate", "programme.json"], in: try write().deletingLastPathComponent())
        XCTAssertEqual(valid.status, 0, valid.stdout)
    }

    func testTheSENDReferenceReportAnswersTheMembersQuestion() throws {
        let out = try ExecutableRunner.temporaryFolder(self).appendingPathComponent("pack")
        let send = ExecutableRunner.packageRoot.appendingPathComponent("appraisals/rotherham-send-2017.json")
        let result = try ExecutableRunner.run(["report", send.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("The answer: Fund these 8 proposals for £637,000, 85 places; 125 places cannot be reached within £740,000.\n"))
        XCTAssertTrue(result.stdout.contains("2.2 That members agree to fund Waverley ASC, Nexus SLD, Rowan ASC, PRU SEMH (Jan 2018), PRU SEMH (Apr 2018), "
            + "Secondary ASC, Specialist complex needs and Commissioned SEMH, at a cost of £637,000.\n"))
        XCTAssertFalse(result.stdout.contains("How robust the ranking is"), "a programme is not a choice of one")
        for name in ["programme-selection.csv", "programme-frontier.csv", "programme-constraints.csv", "programme-portfolios.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), name)
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"frontier-title\""))
        // The committed pack is exactly what the tool writes (regenerate with
        // `swift run appraise report appraisals/rotherham-send-2017.json`).
        let golden = ExecutableRunner.packageRoot.appendingPathComponent("exports/rotherham-send-2017")
        XCTAssertEqual(try ExportTests.names(out), try ExportTests.names(golden))
        for name in try ExportTests.names(golden) {
            XCTAssertTrue(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: golden.appendingPathComponent(name)),
                          "\(name) differs from exports/rotherham-send-2017")
        }
    }

    func testRemovingAProposalRemovesItsRules() throws {
        let file = try write(Self.fixture.replacingOccurrences(of: #""exclusions""#, with: #""committed": ["east"], "exclusions""#))
        let folder = file.deletingLastPathComponent()
        XCTAssertEqual(try ExecutableRunner.run(["adopt", "programme.json", "--reason", "start the journal", "--by", "Officer"], in: folder).status, 0)
        for id in ["east", "north"] {
            let removed = try ExecutableRunner.run(["option", "remove", "programme.json", id, "--reason", "withdrawn", "--by", "Officer"], in: folder)
            XCTAssertEqual(removed.status, 0, removed.stderr)
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertFalse(text.contains("\"committed\""), text)
        XCTAssertFalse(text.contains("\"dependencies\""), text)
        XCTAssertFalse(text.contains("\"exclusions\""), text)
        XCTAssertEqual(try ExecutableRunner.run(["validate", "programme.json"], in: folder).status, 0)
        XCTAssertEqual(try ExecutableRunner.run(["verify", "programme.json"], in: folder).status, 0)
    }
}
