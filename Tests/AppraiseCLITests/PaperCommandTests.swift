import AppraiseKit
import Foundation
import XCTest

/// The committee paper's words through the real executable: written and journalled with
/// `paper`, named by `validate` while parts are empty, and printed by `report` in place of the
/// drafts; a file without them reads, validates and reports as before.
final class PaperCommandTests: XCTestCase {
    @discardableResult
    private func run(_ arguments: [String], in folder: URL, expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
        XCTAssertEqual(result.status, status, "appraise \(arguments.prefix(4).joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    private func copy(_ name: String, to folder: URL) throws {
        let text = try Data(contentsOf: ExecutableRunner.packageRoot.appendingPathComponent("appraisals/\(name).json"))
        try text.write(to: folder.appendingPathComponent("a.json"))
        try ExecutableRunner.copyReferenceDatasets(to: folder)
        try run(["adopt", "a.json", "--reason", "a copy for the committee paper"], in: folder)
    }

    func testTheOfficerWritesThePaperAndTheReportUsesTheirWords() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try copy("rotherham-ama-2017", to: folder)
        let before = try String(contentsOf: folder.appendingPathComponent("a.json"), encoding: .utf8)
        let drafted = try run(["report", "a.json", "--out", "pack"], in: folder).stdout
        XCTAssertTrue(drafted.contains("2.3 That members agree Peer Practice Partner as the preferred option.\n"), drafted)
        XCTAssertTrue(drafted.contains("Author: [to be completed by the report author]\n"))

        try run(["paper", "a.json", "--recommendation", "That members note the review.", "--recommendation", "That members agree option 1 in principle.",
                 "--author", "Jane Smith, Head of Service", "--contact", "jane.smith@example.gov.uk", "--legal", "The Council may delegate under s.75.",
                 "--version-note", "Draft for pre-agenda"], in: folder)
        let written = try run(["report", "a.json", "--out", "pack"], in: folder).stdout
        XCTAssertTrue(written.contains("\n2. Recommendations\n\n2.1 That members note the review.\n\n2.2 That members agree option 1 in principle.\n\n\n3. Background"), written)
        XCTAssertTrue(written.contains("Author: Jane Smith, Head of Service\nContact: jane.smith@example.gov.uk\n"), written)
        XCTAssertTrue(written.contains("Version: Draft for pre-agenda, journal entry 2 ("), written)
        XCTAssertTrue(written.contains("\n8. Legal implications\n\n8.1 The Council may delegate under s.75.\n"), written)
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("pack/summary.md"), encoding: .utf8).contains("2.1 That members note the review."))

        // Named while empty, journalled with who and why, and a reason to replace words already written.
        let validate = try run(["validate", "a.json"], in: folder).stdout
        XCTAssertTrue(validate.contains("a.json: warning: the committee paper has nothing yet for consultation, timetable, implications.financial, "
            + "implications.equalities, implications.other; write them with 'appraise paper a.json' [paper]\n"), validate)
        let refused = try run(["paper", "a.json", "--legal", "Changed."], in: folder, expect: 1)
        XCTAssertTrue(refused.stderr.contains("replacing the legal implications already written changes the paper members read, so it needs a reason"), refused.stderr)
        try run(["paper", "a.json", "--legal", "Changed.", "--reason", "legal services' comments"], in: folder)
        let log = try run(["log", "a.json"], in: folder).stdout
        XCTAssertTrue(log.contains("officer  (paper)"), log)
        XCTAssertTrue(log.contains("reason: legal services' comments"), log)
        try run(["verify", "a.json"], in: folder)

        // Back to the drafts, and every part removed: the file is as it was.
        try run(["paper", "a.json", "--drafted-recommendations", "--author", "", "--contact", "", "--legal", "", "--version-note", "",
                 "--reason", "start again"], in: folder)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.json"), encoding: .utf8), before)
        XCTAssertEqual(try run(["report", "a.json", "--out", "pack"], in: folder).stdout.replacingOccurrences(of: #"journal entry \d+ \([0-9a-f]+\)"#, with: "", options: .regularExpression),
                       drafted.replacingOccurrences(of: #"journal entry \d+ \([0-9a-f]+\)"#, with: "", options: .regularExpression))
    }

    func testRefusals() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try copy("rotherham-send-2017", to: folder)
        XCTAssertTrue(try run(["paper", "a.json"], in: folder, expect: 2).stderr.contains("say what to write with --recommendation"))
        XCTAssertTrue(try run(["paper", "a.json", "--recommendation", "  "], in: folder, expect: 1).stderr.contains("a recommendation is empty"))
        XCTAssertTrue(try run(["paper", "a.json", "--recommendation", "That members agree.", "--drafted-recommendations"], in: folder, expect: 2)
            .stderr.contains("give either --recommendation or --drafted-recommendations, not both"))
        // A file without a paper validates as it always did.
        XCTAssertFalse(try run(["validate", "a.json"], in: folder).stdout.contains("committee paper"))
    }
}
