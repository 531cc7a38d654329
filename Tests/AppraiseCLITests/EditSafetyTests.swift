import AppraiseKit
import Foundation
import XCTest

/// Edits at the edges of the file system: a full disk or a read-only folder at every step of an
/// edit (injected with APPRAISE_FAIL_IO, so no privileges are needed), symbolic links, file
/// permissions, a journal that no longer verifies, and paths that are not files.
final class EditSafetyTests: XCTestCase {
    private let who = ["USER": "officer"]

    @discardableResult
    private func run(_ arguments: [String], in folder: URL, fail: String? = nil, expect status: Int32 = 0,
                     file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        var environment = who
        if let fail { environment["APPRAISE_FAIL_IO"] = fail }
        let result = try ExecutableRunner.run(arguments, in: folder, environment: environment)
        XCTAssertEqual(result.status, status, "appraise \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    private func small(in folder: URL, name: String = "a.json") throws {
        try run(["init", name, "--title", "Depot", "--body", "Board", "--date", "2025"], in: folder)
        try run(["criterion", "add", name, "cost", "--name", "Cost"], in: folder)
        try run(["option", "add", name, "north", "--name", "North"], in: folder)
        try run(["score", name, "north", "cost", "2", "--for", "cheap"], in: folder)
    }

    private func contents(_ folder: URL, _ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    /// Each step of an edit failing in turn: creating the new file (read-only folder), writing it,
    /// appending the journal entry (full disk) and the rename. Every failure is reported, leaves
    /// the file and journal byte for byte as they were, and is never applied later.
    func testAFailedEditLeavesNoEntryAndIsNeverAppliedLater() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try small(in: folder)
        let expectations = [
            ("create:1", "appraise score: cannot write \(folder.path)/a.json: Read-only file system; check the folder exists and is writable; the original file is unchanged\n"),
            ("write:1", "appraise score: cannot write \(folder.path)/a.json: No space left on device; the original file is unchanged\n"),
            ("write:2", "appraise score: cannot append to a.json.journal: No space left on device; nothing was changed\n"),
            ("rename:1", "appraise score: cannot write \(folder.path)/a.json: Read-only file system; nothing was changed (the journal entry was withdrawn)\n"),
        ]
        for (fault, message) in expectations {
            let file = try contents(folder, "a.json"), journal = try contents(folder, "a.json.journal")
            let failed = try run(["score", "a.json", "north", "cost", "5", "--reason", "refused"], in: folder, fail: fault, expect: 1)
            XCTAssertEqual(failed.stderr.replacingOccurrences(of: "/private", with: ""), message, fault)
            XCTAssertEqual(try contents(folder, "a.json"), file, "\(fault): the file is unchanged")
            XCTAssertEqual(try contents(folder, "a.json.journal"), journal, "\(fault): the journal has no entry")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }, [], fault)
            let verified = try run(["verify", "a.json"], in: folder).stdout
            XCTAssertTrue(verified.hasPrefix("verified: 4 changes\n"), "\(fault): nothing pending: \(verified)")
            try run(["verify", "a.json", "--repair"], in: folder)
            XCTAssertEqual(try contents(folder, "a.json"), file, "\(fault): repair does not apply the refused change")
        }
        // The next edit succeeds and the refused value never appears in the file or the history.
        try run(["option", "add", "a.json", "south", "--name", "South"], in: folder)
        XCTAssertEqual(AppraisalFile(contentsOf: folder.appendingPathComponent("a.json")).appraisal?.scores.first?.value, Rational(2))
        XCTAssertFalse(try run(["log", "a.json"], in: folder).stdout.contains("refused"))
        XCTAssertTrue(try run(["verify", "a.json"], in: folder).stdout.hasPrefix("verified: 5 changes\n"))
    }

    func testAFailedInitLeavesNoAppraisalAndCanBeRetried() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        for fault in ["create:1", "write:1", "write:2", "rename:1"] {
            try run(["init", "b.json", "--title", "Depot", "--body", "Board", "--date", "2025"], in: folder, fail: fault, expect: 1)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.json").path), fault)
            let journal = (try? String(contentsOf: folder.appendingPathComponent("b.json.journal"), encoding: .utf8)) ?? ""
            XCTAssertEqual(journal, "", "\(fault): no entry for an appraisal that was not created")
        }
        try run(["init", "b.json", "--title", "Depot", "--body", "Board", "--date", "2025"], in: folder)
        XCTAssertTrue(try run(["verify", "b.json"], in: folder).stdout.hasPrefix("verified: 1 change\n"))
    }

    func testASymbolicLinkIsEditedThrough() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try small(in: shared, name: "real.json")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a.json").path, withDestinationPath: "shared/real.json")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a.json.journal").path,
                                                   withDestinationPath: "shared/real.json.journal")
        try run(["score", "a.json", "north", "cost", "4", "--reason", "through the link"], in: folder)
        let link = folder.appendingPathComponent("a.json").path
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "shared/real.json", "the link stays a link")
        XCTAssertEqual(AppraisalFile(contentsOf: shared.appendingPathComponent("real.json")).appraisal?.scores.first?.value, Rational(4),
                       "the file the link points to holds the change")
        XCTAssertTrue(try run(["verify", "real.json"], in: shared).stdout.hasPrefix("verified: 5 changes\n"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.json", "a.json.journal", "shared"])
    }

    func testPermissionsAreKeptAndANewJournalTakesTheAppraisalsMode() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try small(in: folder)
        let file = folder.appendingPathComponent("a.json").path
        func mode(_ path: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1 }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        try run(["score", "a.json", "north", "cost", "3", "--reason", "private"], in: folder)
        XCTAssertEqual(try mode(file), 0o600, "an edit keeps a private appraisal private")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        try run(["option", "add", "a.json", "south", "--name", "South"], in: folder)
        XCTAssertEqual(try mode(file), 0o640)

        // A journal started for an existing file takes that file's mode.
        try FileManager.default.copyItem(atPath: file, toPath: folder.appendingPathComponent("c.json").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent("c.json").path)
        try run(["adopt", "c.json", "--reason", "copied"], in: folder)
        XCTAssertEqual(try mode(folder.appendingPathComponent("c.json.journal").path), 0o600)
        XCTAssertEqual(try mode(folder.appendingPathComponent("c.json").path), 0o600)
    }

    /// Once an entry in the middle is altered, no edit is appended after it until the journal is
    /// restored or started again, as the message says.
    func testEditsAreRefusedWhileTheJournalDoesNotVerify() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try small(in: folder)
        let journalURL = folder.appendingPathComponent("a.json.journal")
        let original = try String(contentsOf: journalURL, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[1].contains("\"Cost\""))
        lines[1] = lines[1].replacingOccurrences(of: "\"Cost\"", with: "\"Price\"")
        try Data(lines.joined(separator: "\n").utf8).write(to: journalURL)
        let tampered = try contents(folder, "a.json.journal"), file = try contents(folder, "a.json")

        for edit in [["score", "a.json", "north", "cost", "1", "--reason", "after tampering"], ["option", "add", "a.json", "south", "--name", "South"],
                     ["criterion", "add", "a.json", "risk", "--name", "Risk"], ["weight", "set", "a.json", "cost", "2"]] {
            let refused = try run(edit, in: folder, expect: 1)
            XCTAssertTrue(refused.stderr.hasPrefix("appraise \(edit[0]): a.json.journal line 3 does not verify (entry 3's \"previous\" is not the hash of entry 2: entry 2 was altered"),
                          refused.stderr)
            XCTAssertTrue(refused.stderr.contains("restore a.json.journal from a copy and check it with 'appraise verify a.json', or keep it aside (rename it) and start a new journal of the file as it is with 'appraise adopt a.json --reason TEXT'"))
            XCTAssertEqual(try contents(folder, "a.json.journal"), tampered, "no entry appended after a broken one")
            XCTAssertEqual(try contents(folder, "a.json"), file)
        }
        // Recovery one: restore the journal.
        try Data(original.utf8).write(to: journalURL)
        try run(["option", "add", "a.json", "south", "--name", "South"], in: folder)
        // Recovery two: keep the broken journal aside and start afresh from the file.
        try Data(lines.joined(separator: "\n").utf8).write(to: journalURL)
        try run(["option", "add", "a.json", "east", "--name", "East"], in: folder, expect: 1)
        try FileManager.default.moveItem(at: journalURL, to: folder.appendingPathComponent("a.json.journal.broken"))
        try run(["adopt", "a.json", "--reason", "journal altered; restarted"], in: folder)
        try run(["option", "add", "a.json", "east", "--name", "East"], in: folder)
        XCTAssertTrue(try run(["verify", "a.json"], in: folder).stdout.hasPrefix("verified: 2 changes\n"))
    }

    /// A named pipe, a device or a folder is named as what it is (and a pipe is never opened, so
    /// the command cannot hang waiting for a writer).
    func testPathsThatAreNotFilesAreNamedAsWhatTheyAre() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.json").path, 0o644), 0)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.json"), withIntermediateDirectories: true)
        let cases = [("pipe.json", "a named pipe (FIFO)"), ("/dev/null", "a character device"), ("folder.json", "a folder")]
        for (path, kind) in cases {
            let validate = try run(["validate", path], in: folder, expect: 1)
            XCTAssertTrue(validate.stdout.hasPrefix("\(path): error: this is \(kind), not a file; give the path of a file"), validate.stdout)
            let rank = try run(["rank", path], in: folder, expect: 1)
            XCTAssertTrue(rank.stderr.contains("this is \(kind), not a file"), rank.stderr)
            let kpi = try run(["kpi", path], in: folder, expect: 1)
            XCTAssertTrue(kpi.stderr.hasPrefix("\(path): error: this is \(kind), not a file; give the path of a file\n"), kpi.stderr)
        }
        try run(["init", "d.json", "--title", "D", "--body", "B", "--date", "2024", "--from-csv", "pipe.json"], in: folder, expect: 1)
        XCTAssertFalse(try run(["init", "d.json", "--title", "D", "--body", "B", "--date", "2024", "--from-csv", "pipe.json"], in: folder, expect: 1)
            .stderr.contains("permissions"))
    }
}

/// Inputs that would exhaust the machine are refused up front, with the limit in the message.
final class InputLimitTests: XCTestCase {
    private let who = ["USER": "officer"]

    private func sparse(_ url: URL, bytes: UInt64) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: bytes)
        try handle.close()
    }

    func testFilesOverTheLimitsAreRefusedWithTheLimit() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try sparse(folder.appendingPathComponent("huge.json"), bytes: 300 * 1_048_576)
        try sparse(folder.appendingPathComponent("huge.csv"), bytes: 40 * 1_048_576)
        let validate = try ExecutableRunner.run(["validate", "huge.json"], in: folder)
        XCTAssertEqual(validate.status, 1)
        XCTAssertTrue(validate.stdout.hasPrefix("huge.json: error: the file is 300 MiB, over the limit of 128 MiB for this kind of input; split it into smaller files"),
                      validate.stdout)
        let initialised = try ExecutableRunner.run(["init", "a.json", "--title", "T", "--body", "B", "--date", "2024", "--from-csv", "huge.csv"], in: folder, environment: who)
        XCTAssertEqual(initialised.status, 1)
        XCTAssertEqual(initialised.stderr, "appraise init: huge.csv: cannot read the spreadsheet: the file is 40 MiB, over the limit of 1 MiB for this kind of input; split it into smaller files\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.json").path))
    }

    /// "Did you mean" compares short names only: a 1 MB column heading is reported at once,
    /// shortened in the message.
    func testAHugeUnknownHeadingIsReportedQuicklyAndShortened() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let heading = String(repeating: "x", count: 1_000_000)
        try Data("Ref,Indicator,\(heading)\nA1,Pupils,3\n".utf8).write(to: folder.appendingPathComponent("kpi.csv"))
        let result = try ExecutableRunner.run(["kpi", "kpi.csv"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\"\(String(repeating: "x", count: 64))…\" is neither a column this tool knows nor a period label"), String(result.stderr.prefix(300)))
        XCTAssertLessThan(result.stderr.utf8.count, 2_000)
    }

    func testAnAppraisalStartedFromALargeMatrixPrintsASummary() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        var csv = "Option,Cost,Access,Risk\n"
        for index in 0..<500 { csv += "Option \(index),\(index % 6),\((index + 1) % 6),\((index + 2) % 6)\n" }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("matrix.csv"))
        let result = try ExecutableRunner.run(["init", "a.json", "--title", "T", "--body", "B", "--date", "2024", "--scale", "0..5", "--from-csv", "matrix.csv"],
                                              in: folder, environment: who)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("  … and \(9 + 3 + 500 + 1500 - 30) more changes; 'appraise log a.json' lists every one\n  from matrix.csv: 3 criteria, 500 options, 1500 scores\n"),
                      String(result.stdout.suffix(300)))
        XCTAssertLessThan(result.stdout.split(separator: "\n").count, 80)
    }
}
