import AppraiseKit
import Foundation
import XCTest

/// The editing commands through the real executable: starting from a spreadsheet, refusals
/// with their messages, a panel of scorers, two editors at once, and diff.
final class EditingCommandTests: XCTestCase {
    @discardableResult
    private func run(_ arguments: [String], in folder: URL, expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
        XCTAssertEqual(result.status, status, "appraise \(arguments.prefix(4).joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    /// An appraisal with two criteria and three options, not yet scored.
    private func depot(in folder: URL) throws {
        try run(["init", "depot.json", "--title", "Depot site", "--body", "Transport board", "--date", "2025-03"], in: folder)
        try run(["criterion", "add", "depot.json", "cost", "--name", "Cost"], in: folder)
        try run(["criterion", "add", "depot.json", "access", "--name", "Access"], in: folder)
        for option in ["north", "south", "east"] {
            try run(["option", "add", "depot.json", option, "--name", option.capitalized], in: folder)
        }
    }

    func testStartingFromASpreadsheetExportedWithSemicolonsBOMAndCRLF() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let csv = "\u{FEFF}Option;\"Cost; capital\";Access\r\nWeight;2;1\r\nNorth;4,5;3\r\n\"South \"\"B\"\"\";2;5\r\n"
        try Data(csv.utf8).write(to: folder.appendingPathComponent("matrix.csv"))
        let created = try run(["init", "depot.json", "--title", "Depot", "--body", "Board", "--date", "2025", "--scale", "0..5", "--step", "0.5",
                               "--from-csv", "matrix.csv"], in: folder)
        XCTAssertTrue(created.stdout.contains("criterion cost-capital added"), created.stdout)
        let ranking = try run(["rank", "depot.json"], in: folder).stdout
        XCTAssertTrue(ranking.contains("North"), ranking)
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("depot.json")).appraisal)
        XCTAssertEqual(appraisal.options.map(\.name), ["North", "South \"B\""])
        XCTAssertEqual(appraisal.scores.map(\.value), [Rational(9, 2), Rational(3), Rational(2), Rational(5)])
        XCTAssertEqual(appraisal.criteria.map(\.weight), [Rational(2), .one])
        XCTAssertEqual(try run(["verify", "depot.json"], in: folder).stdout.components(separatedBy: "\n")[0], "verified: 1 change")

        try Data("Option,Cost\nNorth,9\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let refused = try run(["init", "bad.json", "--title", "T", "--body", "B", "--date", "2025", "--from-csv", "bad.csv"], in: folder, expect: 1)
        XCTAssertEqual(refused.stderr, "bad.csv:2: column 2 (\"Cost\"): \"9\" is not a score on the scale 0–5 in steps of 1; correct the cell\n"
                       + "appraise init: bad.csv: 1 problem to fix in the spreadsheet (listed above); nothing was written\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.json.journal").path))
    }

    func testRefusalsNameTheFileTheProblemAndTheFix() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try depot(in: folder)
        let before = try Data(contentsOf: folder.appendingPathComponent("depot.json"))
        let journal = try Data(contentsOf: folder.appendingPathComponent("depot.json.journal"))

        XCTAssertEqual(try run(["init", "depot.json", "--title", "T", "--body", "B", "--date", "2025"], in: folder, expect: 1).stderr,
                       "appraise init: depot.json already exists; edit it with the other commands, or choose another file name\n")
        XCTAssertEqual(try run(["score", "depot.json", "west", "cost", "3"], in: folder, expect: 1).stderr,
                       "appraise score: depot.json: there is no option \"west\"; use one of north, south, east, or add it with 'appraise option add'\n")
        XCTAssertEqual(try run(["score", "depot.json", "north", "cost", "6"], in: folder, expect: 1).stderr,
                       "appraise score: depot.json: 6 is not a value of the scale (0 to 5 in steps of 1); give one of 0, 1, 2, 3, 4, 5\n")
        XCTAssertTrue(try run(["criterion", "rename", "depot.json", "cost"], in: folder, expect: 2).stderr
            .hasPrefix("appraise criterion: unknown action 'rename'; use add, edit or remove\n"))
        XCTAssertTrue(try run(["score", "depot.json", "north", "cost", "high"], in: folder, expect: 2).stderr
            .hasPrefix("appraise score: VALUE must be a number, not 'high'; write a number such as 3, 2.5, 25% or 1,000\n"))
        XCTAssertTrue(try run(["criterion", "add", "depot.json", "time"], in: folder, expect: 2).stderr.hasPrefix("appraise criterion: a new criterion needs --name TEXT\n"))
        let anonymous = try ExecutableRunner.run(["criterion", "add", "depot.json", "time", "--name", "Time"], in: folder, environment: ["USER": ""])
        XCTAssertEqual(anonymous.status, 2)
        XCTAssertEqual(anonymous.stderr.components(separatedBy: "\n")[0], "appraise criterion: say who is making the change with --by NAME ($USER is not set)")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("depot.json")), before, "no refusal touches the file")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("depot.json.journal")), journal, "nor the journal")

        try FileManager.default.copyItem(at: ExecutableRunner.referenceAppraisal, to: folder.appendingPathComponent("r.json"))
        XCTAssertEqual(try run(["score", "r.json", "cic", "risk", "4", "--reason", "x"], in: folder, expect: 1).stderr,
                       "appraise score: r.json has no journal (r.json.journal), so its changes cannot be recorded or verified (a copied file leaves its journal behind); start one with 'appraise adopt r.json --reason TEXT', e.g. --reason \"copied from the March version\"\n")
        XCTAssertEqual(try run(["score", "none.json", "cic", "risk", "4"], in: folder, expect: 1).stderr,
                       "appraise score: none.json: no such file; create an appraisal with 'appraise init none.json --title TEXT --body TEXT --date YYYY-MM'\n")
    }

    func testAPanelOfScorersAndTheirConsensus() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try depot(in: folder)
        let scores: [(String, [Int])] = [("Ann", [5, 4, 2, 3, 3, 3]), ("Bob", [4, 4, 3, 2, 3, 4]), ("Cy", [1, 3, 5, 4, 3, 3])]
        for (scorer, values) in scores {
            var index = 0
            for option in ["north", "south", "east"] {
                for criterion in ["cost", "access"] {
                    try run(["score", "depot.json", option, criterion, "\(values[index])", "--scorer", scorer, "--for", "site visit"], in: folder)
                    index += 1
                }
            }
        }
        let panel = try run(["panel", "depot.json"], in: folder).stdout
        XCTAssertTrue(panel.contains("North   Cost         5    4   1                  4       4  apart > 1 step\n"), panel)
        XCTAssertTrue(panel.contains("median of the scorers' scores, not rounded"), panel)
        XCTAssertTrue(panel.contains("Cy               6/6  South        yes"), panel)
        XCTAssertTrue(panel.contains("Kendall's W"), panel)

        let json = try JSONSerialization.jsonObject(with: Data(try run(["panel", "depot.json", "--format", "json"], in: folder).stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["firstPlace"] as? [String], ["north"])
        XCTAssertNotNil(json?["kendallsW"] as? Double)

        let mean = try run(["panel", "depot.json", "--consensus", "mean", "--rounding", "half-up"], in: folder).stdout
        XCTAssertTrue(mean.contains("mean of the scorers' scores, rounded to the nearest step of the scale, halves up"), mean)
        XCTAssertEqual(try run(["panel", "depot.json", "--consensus", "mean", "--save"], in: folder, expect: 1).stderr,
                       "appraise panel: depot.json: the panel rule decides the consensus of scores already given, so it needs a reason; say why with --reason TEXT\n")
        try run(["panel", "depot.json", "--consensus", "mean", "--save", "--reason", "the board asked for means"], in: folder)
        XCTAssertEqual(AppraisalFile(contentsOf: folder.appendingPathComponent("depot.json")).appraisal?.panel,
                       PanelSetting(consensus: .mean, rounding: .none))

        try run(["score", "depot.json", "north", "cost", "2", "--by", "Chair", "--agreed", "--for", "agreed in committee"], in: folder)
        let agreed = try run(["panel", "depot.json", "--format", "json"], in: folder).stdout
        XCTAssertTrue(agreed.contains("\"agreed\": 2"), agreed)
        XCTAssertTrue(try run(["log", "depot.json", "--option", "north", "--criterion", "cost"], in: folder).stdout
            .contains("Chair  (score)\n  score north × cost set to 2\n"))
        XCTAssertTrue(try run(["verify", "depot.json"], in: folder).stdout.hasPrefix("verified: 26 changes\n"))
    }

    func testTwoEditorsAtOnceBothLand() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try depot(in: folder)
        let cells = [("north", "cost"), ("north", "access"), ("south", "cost"), ("south", "access"), ("east", "cost"), ("east", "access")]
        let processes = try cells.map { option, criterion -> Process in
            let process = Process()
            process.executableURL = ExecutableRunner.executable
            process.arguments = ["score", "depot.json", option, criterion, "3", "--by", "editor-\(option)-\(criterion)"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), Array(repeating: 0, count: cells.count))
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("depot.json")).appraisal)
        XCTAssertEqual(Set(appraisal.scores.map { "\($0.option)/\($0.criterion)" }), Set(cells.map { "\($0.0)/\($0.1)" }))
        XCTAssertTrue(try run(["verify", "depot.json"], in: folder).stdout.hasPrefix("verified: 12 changes\n"))
    }

    func testWeightsAndWeightSets() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try depot(in: folder)
        XCTAssertEqual(try run(["weights", "depot.json", "--set", "green", "--name", "Green", "--weight", "cost=1"], in: folder, expect: 1).stderr,
                       "appraise weights: depot.json: a new weight set weighs every criterion; add --weight for access=… (0 is allowed)\n")
        try run(["weights", "depot.json", "--set", "green", "--name", "Green", "--weight", "cost=1", "--weight", "access=3"], in: folder)
        try run(["weight", "set", "depot.json", "cost", "2"], in: folder)
        try run(["weights", "depot.json", "--set", "green", "--weight", "access=4", "--reason", "consultation"], in: folder)
        for option in ["north", "south", "east"] {
            for criterion in ["cost", "access"] { try run(["score", "depot.json", option, criterion, "3"], in: folder) }
        }
        let listing = try run(["weights", "depot.json"], in: folder).stdout
        XCTAssertTrue(listing.contains("Cost            2  66.7%      1\n"), listing)
        XCTAssertTrue(listing.contains("Access          1  33.3%      4\n"), listing)
        XCTAssertTrue(try run(["weights", "depot.json", "--set", "green", "--remove"], in: folder, expect: 1).stderr
            .contains("removing weight set \"green\" deletes its weights, so it needs a reason"))
        try run(["weights", "depot.json", "--set", "green", "--remove", "--reason", "not used"], in: folder)
        XCTAssertEqual(AppraisalFile(contentsOf: folder.appendingPathComponent("depot.json")).appraisal?.weightSets, [])
    }

    func testDiffShowsWhatChangedAndWhatItDidToTheRanking() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try FileManager.default.copyItem(at: ExecutableRunner.referenceAppraisal, to: folder.appendingPathComponent("old.json"))
        try FileManager.default.copyItem(at: ExecutableRunner.referenceAppraisal, to: folder.appendingPathComponent("new.json"))
        try run(["adopt", "new.json", "--reason", "start of the review"], in: folder)
        for criterion in ["partnerships", "political-oversight", "integration"] {
            try run(["score", "new.json", "cic", criterion, "5", "--reason", "review panel", "--note", "Revised after the review"], in: folder)
        }
        let diff = try run(["diff", "old.json", "new.json"], in: folder).stdout
        XCTAssertTrue(diff.contains("  score cic × partnerships: 2 → 5\n"), diff)
        XCTAssertTrue(diff.contains("      rationale + [note] Revised after the review\n"), diff)
        XCTAssertTrue(diff.contains("First place changes: Peer Practice Partner before, Community Interest Company after."), diff)
        let json = try JSONSerialization.jsonObject(with: Data(try run(["diff", "old.json", "new.json", "--format", "json"], in: folder).stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["firstPlaceChanged"] as? Bool, true)
        XCTAssertEqual((json?["changes"] as? [Any])?.count, 3)
        XCTAssertTrue(try run(["diff", "old.json", "old.json"], in: folder).stdout.hasPrefix("No changes: old.json has the same content as old.json.\n"))
    }

    func testScoreCitesEvidenceAndRefusesAMalformedCitation() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try FileManager.default.copyItem(at: ExecutableRunner.referenceAppraisal, to: folder.appendingPathComponent("r.json"))
        try ExecutableRunner.copyReferenceDatasets(to: folder)
        XCTAssertEqual(try run(["adopt", "r.json", "--reason", "start the journal"], in: folder).status, 0)
        let malformed = try ExecutableRunner.run(["score", "r.json", "mutual", "risk", "2", "--evidence", "sc-2017-06"], in: folder)
        XCTAssertEqual(malformed.status, 2)
        XCTAssertTrue(malformed.stderr.contains("needs the form DATASET:REF"), malformed.stderr)

        XCTAssertEqual(try run(["score", "r.json", "mutual", "risk", "2", "--append", "--evidence", "sc-2017-06:11.1=agency staff = churn",
                                "--reason", "cite the agency staff figures"],
                               in: folder).status, 0)
        let score = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("r.json")).appraisal?
            .score(option: "mutual", criterion: "risk"))
        XCTAssertEqual(score.evidence, [EvidenceLink(dataset: "sc-2017-06", indicator: "11.1", note: "agency staff = churn")])
        XCTAssertFalse(score.rationale.isEmpty, "--append with only a citation keeps the rationale")
        XCTAssertEqual(try run(["validate", "r.json"], in: folder).status, 0)
        XCTAssertEqual(try run(["verify", "r.json"], in: folder).status, 0)
    }
}
