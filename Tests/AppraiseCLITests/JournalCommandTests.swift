import AppraiseKit
import Foundation
import XCTest

/// The journal through the real executable: building the reference appraisal from nothing with
/// the editing commands, then reading its history back and verifying it.
final class JournalCommandTests: XCTestCase {
    private let who = ["USER": "officer"]

    @discardableResult
    private func run(_ arguments: [String], in folder: URL, expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: who)
        XCTAssertEqual(result.status, status, "appraise \(arguments.prefix(4).joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result
    }

    /// The rationale as command-line options: bullets in runs whose kinds keep the order the
    /// score command writes them in (for, against, contingent, note); each later run is appended.
    private func rationaleRuns(_ bullets: [RationaleBullet]) -> [[String]] {
        var runs: [[String]] = []
        var lastKind = 0
        for bullet in bullets {
            let kind = RationaleBullet.Kind.allCases.firstIndex(of: bullet.kind)!
            if runs.isEmpty || kind < lastKind { runs.append([]) }
            runs[runs.count - 1] += ["--\(bullet.kind.rawValue)", bullet.text]
            lastKind = kind
        }
        return runs
    }

    func testBuildingTheReferenceAppraisalWithTheCommandsGivesItsScoresRankingAndAJournalThatVerifies() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let reference = try XCTUnwrap(AppraisalFile(contentsOf: ExecutableRunner.referenceAppraisal).appraisal)
        let path = "rotherham-ama-2017.json"
        var commands = 0
        try ExecutableRunner.copyReferenceDatasets(to: folder)
        let cite = { (links: [EvidenceLink]) in links.flatMap { ["--evidence", "\($0.dataset):\($0.indicator)=\($0.note)"] } }
        try run(["init", path, "--title", reference.title, "--body", reference.body, "--date", reference.date,
                 "--source", reference.source!, "--scale", "0..5"] + reference.kpiDatasets.flatMap { ["--kpi-dataset", $0] }, in: folder)
        commands += 1
        for criterion in reference.criteria {
            try run(["criterion", "add", path, criterion.id, "--name", criterion.name] + (criterion.shortName.map { ["--short-name", $0] } ?? [])
                    + criterion.offers.flatMap { ["--offer", $0] } + cite(criterion.evidence), in: folder)
            commands += 1
        }
        for option in reference.options {
            var arguments = ["option", "add", path, option.id, "--name", option.name, "--description", option.description]
            arguments += (option.shortName.map { ["--short-name", $0] } ?? []) + option.detail.flatMap { ["--detail", $0] }
            arguments += option.strengths.flatMap { ["--strength", $0] } + option.weaknesses.flatMap { ["--weakness", $0] }
            try run(arguments, in: folder)
            commands += 1
        }
        for score in reference.scores {
            let cell = ["score", path, score.option, score.criterion, score.value.decimalText()]
            for (index, bullets) in rationaleRuns(score.rationale).enumerated() {
                let extra = index == 0 ? (score.source.map { ["--source", $0] } ?? []) + cite(score.evidence)
                    : ["--append", "--reason", "the rationale continues"]
                try run(cell + bullets + extra, in: folder)
                commands += 1
            }
        }
        // The long list: each option's stage with its reason and framework tag, and the review's one screening test.
        let screening = try XCTUnwrap(reference.screening)
        for criterion in screening.criteria {
            try run(["csf", "add", path, criterion.id, "--name", criterion.name, "--description", criterion.description], in: folder)
            commands += 1
        }
        try run(["csf", "source", path, "--description", try XCTUnwrap(screening.source)], in: folder)
        commands += 1
        for result in screening.results {
            try run(["screen", path, result.option, result.criterion, "--result", result.outcome.rawValue, "--why", result.reason ?? "",
                     "--evidence", result.evidence ?? ""], in: folder)
            commands += 1
        }
        for option in reference.options {
            if let stage = option.stage {
                try run(["stage", path, option.id, stage.rawValue] + (option.stageReason.map { ["--reason", $0] } ?? []), in: folder)
                commands += 1
            }
            if let delivery = option.framework.delivery {
                try run(["stage", path, option.id, "--delivery", delivery], in: folder)
                commands += 1
            }
        }
        XCTAssertEqual(commands, 1 + 8 + 8 + 66 + 1 + 1 + 8 + 8 + 8, "two scores' rationale goes back to an earlier kind of bullet")

        let built = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent(path)).appraisal)
        XCTAssertEqual(built.scores, reference.scores)
        XCTAssertEqual(built.criteria, reference.criteria)
        XCTAssertEqual(built.kpiDatasets, reference.kpiDatasets)
        XCTAssertEqual(built.screening, reference.screening)
        XCTAssertEqual(try run(["validate", path], in: folder).status, 0, "the built file validates, its citations resolved")
        XCTAssertEqual(built.options, reference.options.map { var option = $0; option.group = nil; return option })
        let rank = { (folder: URL, file: String) throws -> String in
            let json = try self.run(["rank", file, "--format", "json"], in: folder).stdout
            return String(json[json.range(of: "\"ranking\"")!.lowerBound...])
        }
        XCTAssertEqual(try rank(folder, path), try rank(ExecutableRunner.packageRoot, ExecutableRunner.referenceAppraisal.path))

        let verified = try run(["verify", path], in: folder).stdout
        XCTAssertTrue(verified.hasPrefix("verified: \(commands) changes\n"), verified)

        let history = try run(["log", path, "--option", "mutual", "--criterion", "workforce"], in: folder).stdout
        XCTAssertTrue(history.contains("score mutual × workforce set to 3"), history)
        XCTAssertTrue(history.contains("officer  (score)"), history)
        XCTAssertTrue(history.contains("  reason: the rationale continues"), history)
        XCTAssertEqual(history.components(separatedBy: "\n#").count, 2, "two entries concern the cell")
    }

    func testTheLogSaysWhoChangedWhatFromWhatToWhatAndWhy() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try run(["init", "a.json", "--title", "Depot", "--body", "Board", "--date", "2025-02"], in: folder)
        try run(["criterion", "add", "a.json", "cost", "--name", "Cost"], in: folder)
        try run(["criterion", "add", "a.json", "risk", "--name", "Risk"], in: folder)
        try run(["option", "add", "a.json", "north", "--name", "North site"], in: folder)
        try run(["score", "a.json", "north", "cost", "3", "--for", "Cheap land", "--by", "Ann", "--scorer", "Ann"], in: folder)
        let refused = try run(["score", "a.json", "north", "cost", "4", "--by", "Ann", "--scorer", "Ann"], in: folder, expect: 1)
        XCTAssertEqual(refused.stderr, "appraise score: a.json: \"north\" already has a score by Ann on \"cost\" (3), so it needs a reason; say why with --reason TEXT\n")
        try run(["score", "a.json", "north", "cost", "4", "--against", "Access road", "--by", "Ann", "--scorer", "Ann", "--reason", "Land valuation came in lower"], in: folder)
        try run(["weight", "set", "a.json", "risk", "2", "--by", "Bo"], in: folder)

        let log = try run(["log", "a.json", "--criterion", "cost"], in: folder).stdout
        XCTAssertTrue(log.contains("#6  "), log)
        XCTAssertTrue(log.contains("  Ann  (score)\n  score north × cost by Ann: 3 → 4\n      rationale − [for] Cheap land\n      rationale + [against] Access road\n  reason: Land valuation came in lower\n"), log)
        XCTAssertFalse(log.contains("North site"), "option add does not concern the criterion")
        let weights = try run(["log", "a.json", "--criterion", "risk"], in: folder).stdout
        XCTAssertTrue(weights.contains("Bo  (weight set)\n  criterion risk changed\n      weight: 2\n"), weights)
        XCTAssertFalse(weights.contains("criterion cost changed"), "the filter keeps only the changes that concern risk")

        let json = try run(["log", "a.json", "--format", "json"], in: folder).stdout
        let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(entries.count, 7)
        XCTAssertEqual(entries[5]["by"] as? String, "Ann")
        XCTAssertEqual(entries[5]["reason"] as? String, "Land valuation came in lower")
        XCTAssertTrue((entries[5]["at"] as? String)?.hasSuffix("Z") == true)
        XCTAssertEqual(entries[6]["by"] as? String, "Bo")
        XCTAssertEqual(entries[0]["by"] as? String, "officer", "$USER when there is no --by")
    }
}
