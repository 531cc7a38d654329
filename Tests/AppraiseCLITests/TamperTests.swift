import Foundation
import XCTest

/// Tampering with an appraisal or its journal outside the tool: each kind is detected by
/// `appraise verify`, with exit 1 and the first entry or field at fault.
final class TamperTests: XCTestCase {
    private var folder: URL!
    private var file: URL { folder.appendingPathComponent("r.json") }
    private var journal: URL { folder.appendingPathComponent("r.json.journal") }

    @discardableResult
    private func run(_ arguments: [String], expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
        XCTAssertEqual(result.status, status, "appraise \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    /// The reference appraisal with a journal of four entries, made once and copied into each
    /// test's folder.
    private static let template: Result<URL, Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-tamper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExecutableRunner.referenceAppraisal, to: folder.appendingPathComponent("r.json"))
        for arguments in [["adopt", "r.json", "--reason", "transcribed from the meeting pack"],
                          ["score", "r.json", "cic", "risk", "4", "--reason", "transition plan agreed", "--by", "Ann", "--agreed"],
                          ["weight", "set", "r.json", "child-focused", "2", "--by", "Bo"],
                          ["score", "r.json", "mutual", "risk", "1", "--reason", "no evidence of support"]] {
            let result = try ExecutableRunner.run(arguments, in: folder, environment: ["USER": "officer"])
            guard result.status == 0 else { throw NSError(domain: "TamperTests", code: 1, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        }
        return folder
    }

    override class func tearDown() {
        if case .success(let folder) = template { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    override func setUpWithError() throws {
        folder = try ExecutableRunner.temporaryFolder(self)
        for name in ["r.json", "r.json.journal"] {
            try FileManager.default.copyItem(at: try Self.template.get().appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        XCTAssertTrue(try run(["verify", "r.json"]).stdout.hasPrefix("verified: 4 changes\n"))
    }

    private func journalLines() throws -> [String] {
        try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    private func writeJournal(_ lines: [String]) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: journal)
    }

    func testAScoreEditedByHandIsReportedAndRefusedUntilAdopted() throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let target = "\"option\": \"cic\",\n      \"criterion\": \"risk\",\n      \"value\": 4"
        XCTAssertTrue(text.contains(target))
        try Data(text.replacingOccurrences(of: target, with: target.replacingOccurrences(of: "4", with: "5")).utf8).write(to: file)

        let report = try run(["verify", "r.json"], expect: 1).stdout
        XCTAssertTrue(report.hasPrefix("not verified: r.json was edited outside appraise after entry 4\n"), report)
        XCTAssertTrue(report.contains("    score cic × risk: 4 → 5\n"), report)
        XCTAssertTrue(try run(["score", "r.json", "trust", "risk", "1", "--reason", "x"], expect: 1).stderr
            .hasPrefix("appraise score: r.json was changed outside appraise after entry 4 of its journal"))

        let adopted = try run(["adopt", "r.json", "--reason", "corrected from the signed minutes", "--by", "Dee"]).stdout
        XCTAssertEqual(adopted, "r.json: entry 5 (adopt)\n  score cic × risk: 4 → 5\n")
        XCTAssertTrue(try run(["verify", "r.json"]).stdout.hasPrefix("verified: 5 changes\n"))
        XCTAssertTrue(try run(["log", "r.json", "--option", "cic", "--criterion", "risk"]).stdout
            .contains("Dee  (adopt)\n  score cic × risk: 4 → 5\n  reason: corrected from the signed minutes\n"))
    }

    func testADeletedJournalLineIsDetected() throws {
        var lines = try journalLines()
        lines.remove(at: 2)
        try writeJournal(lines)
        XCTAssertEqual(try run(["verify", "r.json"], expect: 1).stdout.components(separatedBy: "\n")[0],
                       "not verified: r.json.journal line 3: it holds entry 4, not entry 3: an entry was removed, added or moved")
    }

    func testTheLastJournalLineDeletedIsDetectedByTheFile() throws {
        try writeJournal(Array(try journalLines().dropLast()))
        XCTAssertEqual(try run(["verify", "r.json"], expect: 1).stdout.components(separatedBy: "\n")[0],
                       "not verified: r.json was edited outside appraise after entry 3")
    }

    func testTwoReorderedJournalLinesAreDetected() throws {
        var lines = try journalLines()
        lines.swapAt(1, 2)
        try writeJournal(lines)
        XCTAssertEqual(try run(["verify", "r.json"], expect: 1).stdout.components(separatedBy: "\n")[0],
                       "not verified: r.json.journal line 2: it holds entry 3, not entry 2: an entry was removed, added or moved")
    }

    func testAnAlteredEntryIsDetected() throws {
        let original = try journalLines()
        var lines = original
        lines[1] = lines[1].replacingOccurrences(of: "transition plan agreed", with: "chair's instruction")
        try writeJournal(lines)
        XCTAssertEqual(try run(["verify", "r.json"], expect: 1).stdout.components(separatedBy: "\n")[0],
                       "not verified: r.json.journal line 3: entry 3's \"previous\" is not the hash of entry 2: entry 2 was altered, or entries were removed or reordered")
        lines = original
        lines[2] = lines[2].replacingOccurrences(of: "\"by\":\"Bo\"", with: "\"by\": \"Bo\"")
        try writeJournal(lines)
        XCTAssertEqual(try run(["verify", "r.json"], expect: 1).stdout.components(separatedBy: "\n")[0],
                       "not verified: r.json.journal line 3: not a journal entry: it is not written the way appraise writes entries (canonical JSON, one line)")
    }

    func testADeletedAppraisalIsDetected() throws {
        try FileManager.default.removeItem(at: file)
        XCTAssertTrue(try run(["verify", "r.json"], expect: 1).stdout.hasPrefix("not verified: r.json is missing, but entry 4 (")
        )
    }

    func testAnUnfinishedLastLineIsReportedAndRemovedByTheNextEdit() throws {
        let handle = try FileHandle(forWritingTo: journal)
        handle.seekToEndOfFile()
        handle.write(Data("{\"action\":\"score\",\"af".utf8))
        handle.closeFile()
        let report = try run(["verify", "r.json"]).stdout
        XCTAssertTrue(report.hasPrefix("verified: 4 changes\n"), report)
        XCTAssertTrue(report.contains("ends in an unfinished line (an append cut short, never an entry); the next edit removes it"), report)
        try run(["score", "r.json", "trust", "risk", "1", "--reason", "review"])
        XCTAssertEqual(try journalLines().count, 5)
        XCTAssertFalse(try run(["verify", "r.json"]).stdout.contains("unfinished"))
    }
}
