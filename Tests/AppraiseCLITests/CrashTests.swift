import AppraiseKit
import Foundation
import XCTest

/// Edits killed with SIGKILL at any point never leave an appraisal and journal that fail to
/// verify and never lose an edit that reported success; an edit stopped between its journal
/// entry and its file write is finished by the next one.
final class CrashTests: XCTestCase {
    private let who = ["USER": "officer"]

    /// SplitMix64, seeded, so a failing run can be repeated exactly.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func start(_ arguments: [String], in folder: URL, fault: String = "") throws -> Process {
        let process = Process()
        process.executableURL = ExecutableRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = fault.isEmpty ? who : who.merging(["APPRAISE_FAIL_IO": fault]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func entryCount(_ folder: URL) throws -> Int {
        try String(contentsOf: folder.appendingPathComponent("a.json.journal"), encoding: .utf8).split(separator: "\n").count
    }

    /// A small appraisal, so each edit is quick and the kills are many.
    private func small(in folder: URL) throws {
        for arguments in [["init", "a.json", "--title", "Depot", "--body", "Board", "--date", "2025"],
                          ["criterion", "add", "a.json", "cost", "--name", "Cost"],
                          ["option", "add", "a.json", "north", "--name", "North"]] {
            XCTAssertEqual(try ExecutableRunner.run(arguments, in: folder, environment: who).status, 0)
        }
    }

    func testKilledEditsAlwaysLeaveAnAppraisalAndJournalThatVerify() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try small(in: folder)
        // How long an edit takes here (the quickest of three), so kills land from start-up to the last write.
        var duration = TimeInterval.infinity
        for value in ["4", "5", "4"] {
            let clock = Date()
            let timed = try start(["score", "a.json", "north", "cost", value, "--reason", "timing"], in: folder)
            timed.waitUntilExit()
            XCTAssertEqual(timed.terminationStatus, 0)
            duration = min(duration, Date().timeIntervalSince(clock))
        }

        var generator = Generator(state: 20_250_301)
        var succeeded = try entryCount(folder)
        var outcomes: [String: Int] = [:]
        var latest = duration
        // Every fifth round writes normally; the others fail one step (a read-only folder when
        // creating the new file, a full disk writing it or appending the entry, a failed rename).
        let faults = ["", "create:1", "write:1", "write:2", "rename:1"]
        var wasPending = false
        for round in 0..<60 {
            let before = try entryCount(folder)
            let fault = faults[round % faults.count]
            let edit = try start(["score", "a.json", "north", "cost", round % 2 == 0 ? "3" : "4", "--reason", "round \(round)",
                                  "--for", "round \(round)"], in: folder, fault: fault)
            // Most kills late in the run, where the journal and the file are written.
            let from = round % 4 == 0 ? 0 : 0.5
            usleep(UInt32(Double.random(in: (latest * from)...latest, using: &generator) * 1_000_000))
            kill(edit.processIdentifier, SIGKILL)
            edit.waitUntilExit()
            let killed = edit.terminationReason == .uncaughtSignal
            let reportedFailure = !killed && edit.terminationStatus != 0
            if !killed { XCTAssertEqual(edit.terminationStatus, fault.isEmpty ? 0 : 1, "round \(round) (\(fault)): exit status") }
            if !killed && !reportedFailure { succeeded += 1 }

            let verify = try ExecutableRunner.run(["verify", "a.json"], in: folder)
            XCTAssertEqual(verify.status, 0, "round \(round): \(verify.stdout)\(verify.stderr)")
            let after = try entryCount(folder)
            defer { wasPending = verify.stdout.contains("not yet written") }
            let outcome = reportedFailure ? "failure reported" : !killed ? "finished"
                : verify.stdout.contains("not yet written") ? "killed between journal and file"
                : after > before ? "killed after writing" : "killed before journalling"
            outcomes[outcome, default: 0] += 1
            // Home in on the end of the run: sooner after an edit that finished, later after one killed early.
            latest *= outcome == "finished" || outcome == "failure reported" ? 0.85 : outcome == "killed before journalling" ? 1.1 : 1
            XCTAssertTrue(after == before || after == before + 1, "round \(round): one edit adds at most one entry")
            if !killed && !reportedFailure { XCTAssertEqual(after, before + 1, "round \(round): an edit that reported success is journalled") }
            if reportedFailure {
                XCTAssertEqual(after, before, "round \(round) (\(fault)): an edit that reported failure leaves no entry")
                // A failing edit may first fail to finish an earlier killed edit's write; it adds nothing pending of its own.
                XCTAssertFalse(verify.stdout.contains("not yet written") && !wasPending, "round \(round) (\(fault)): nothing is left to be applied later")
            }
        }
        let final = try ExecutableRunner.run(["score", "a.json", "north", "cost", "1", "--reason", "after the crashes"], in: folder, environment: who)
        XCTAssertEqual(final.status, 0, final.stderr)
        let count = try entryCount(folder)
        XCTAssertGreaterThanOrEqual(count, succeeded + 1)
        XCTAssertGreaterThan(outcomes["failure reported", default: 0], 0, "some rounds end with a reported failure")
        let verified = try ExecutableRunner.run(["verify", "a.json"], in: folder).stdout
        XCTAssertTrue(verified.hasPrefix("verified: \(count) changes\n  a.json is as entry \(count) "), verified)
        XCTAssertEqual(AppraisalFile(contentsOf: folder.appendingPathComponent("a.json")).appraisal?.scores.first?.value, .one)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }, [],
                       "temporary files of killed writes are cleared by the next edit")
        print("kill test outcomes: \(outcomes.sorted { $0.key < $1.key })")
    }

    /// The crash window itself, made on purpose: the journal has the edit's entry, the file
    /// does not have its result.
    func testAnEditStoppedBetweenJournalAndFileIsReportedThenFinished() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try small(in: folder)
        let file = folder.appendingPathComponent("a.json"), journal = folder.appendingPathComponent("a.json.journal")
        let oldFile = try Data(contentsOf: file)
        XCTAssertEqual(try ExecutableRunner.run(["score", "a.json", "north", "cost", "2", "--for", "cheap"], in: folder, environment: who).status, 0)
        let newFile = try Data(contentsOf: file)
        try oldFile.write(to: file)

        let report = try ExecutableRunner.run(["verify", "a.json"], in: folder)
        XCTAssertEqual(report.status, 0)
        XCTAssertTrue(report.stdout.hasPrefix("verified: 4 changes, the last not yet written to a.json\n  entry 4 ("), report.stdout)
        XCTAssertEqual(try Data(contentsOf: file), oldFile, "verify alone changes nothing")

        let repaired = try ExecutableRunner.run(["verify", "a.json", "--repair"], in: folder)
        XCTAssertEqual(repaired.status, 0)
        XCTAssertTrue(repaired.stdout.hasPrefix("verified: 4 changes\n"), repaired.stdout)
        XCTAssertEqual(try Data(contentsOf: file), newFile, "the entry's result, byte for byte")

        // The same window met by the next edit instead: it finishes entry 4, then makes entry 5.
        try oldFile.write(to: file)
        let next = try ExecutableRunner.run(["option", "add", "a.json", "south", "--name", "South"], in: folder, environment: who)
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertEqual(next.stderr, "a.json: finished entry 4 (score by officer), which was journalled but not yet written when its edit was interrupted\n")
        XCTAssertTrue(next.stdout.hasPrefix("a.json: entry 5 (option add)\n"))
        XCTAssertEqual(AppraisalFile(contentsOf: file).appraisal?.scores.first?.value, Rational(2))
        XCTAssertTrue(try ExecutableRunner.run(["verify", "a.json"], in: folder).stdout.hasPrefix("verified: 5 changes\n"))
        XCTAssertEqual(try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count, 5)
    }

    /// Kills an edit at each step of its write, exactly (the process stops itself just before the
    /// step and is killed there), with and without a failing step before it, and checks what the
    /// journal and the file hold afterwards.
    func testAnEditKilledAtEachStepLeavesAJournalThatVerifies() throws {
        #if os(Linux)
        let folder = try ExecutableRunner.temporaryFolder(self)
        try small(in: folder)
        // (injected plan, whether the entry is journalled, whether it is still to be written)
        let steps: [(String, Bool, Bool)] = [
            ("stop-create:1", false, false),              // before the new file is created
            ("stop-write:1", false, false),               // before it is written
            ("stop-write:2", false, false),               // before the journal entry is appended
            ("stop-rename:1", true, true),                // after the entry, before the rename
            ("stop-sync:1", true, false),                 // after the rename, before the folder is flushed
            ("write:2,stop-withdraw:1", false, false),    // the append failed (full disk), killed while cutting it off
            ("rename:1,stop-withdraw:1", true, true),     // the rename failed, killed before the entry is withdrawn
        ]
        for (index, (plan, journalled, pending)) in steps.enumerated() {
            let before = try entryCount(folder)
            let edit = try start(["score", "a.json", "north", "cost", String(index % 6), "--reason", plan], in: folder, fault: plan)
            try waitUntilStopped(edit.processIdentifier, plan)
            kill(edit.processIdentifier, SIGKILL)
            edit.waitUntilExit()
            XCTAssertEqual(edit.terminationReason, .uncaughtSignal, plan)
            let verify = try ExecutableRunner.run(["verify", "a.json"], in: folder)
            XCTAssertEqual(verify.status, 0, "\(plan): \(verify.stdout)")
            XCTAssertEqual(try entryCount(folder), before + (journalled ? 1 : 0), plan)
            XCTAssertEqual(verify.stdout.contains("not yet written"), pending, "\(plan): \(verify.stdout)")
            let next = try ExecutableRunner.run(["option", "add", "a.json", "option-\(index)", "--name", "Option \(index)"], in: folder, environment: who)
            XCTAssertEqual(next.status, 0, "\(plan): \(next.stderr)")
            XCTAssertTrue(try ExecutableRunner.run(["verify", "a.json"], in: folder).stdout.hasPrefix("verified: \(before + (journalled ? 2 : 1)) changes\n"), plan)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }, [])
        #else
        throw XCTSkip("reads process states from /proc")
        #endif
    }

    /// Four writers at once, each making 25 edits of its own kind (scores, new options, new
    /// criteria, option descriptions): every edit lands, in one journal that verifies.
    func testFourWritersOfMixedEditsAtOnceLoseNothing() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try small(in: folder)
        try ExecutableRunner.run(["score", "a.json", "north", "cost", "0"], in: folder, environment: who)
        let appraise = ExecutableRunner.executable.path
        let edits = 25
        let writers: [[String]] = [
            (0..<edits).map { "'\(appraise)' score a.json north cost \($0 % 5 + 1) --reason 'round \($0)'" },
            (0..<edits).map { "'\(appraise)' option add a.json option-\($0) --name 'Option \($0)'" },
            (0..<edits).map { "'\(appraise)' criterion add a.json criterion-\($0) --name 'Criterion \($0)'" },
            (0..<edits).map { "'\(appraise)' option edit a.json north --description 'Description \($0)'" },
        ]
        let processes = try writers.map { commands -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "set -e\n" + commands.joined(separator: "\n")]
            process.currentDirectoryURL = folder
            process.environment = who
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), [0, 0, 0, 0], "every writer's every edit succeeds")
        let count = try entryCount(folder)
        XCTAssertEqual(count, 4 + writers.count * edits)
        XCTAssertTrue(try ExecutableRunner.run(["verify", "a.json"], in: folder).stdout.hasPrefix("verified: \(count) changes\n"))
        let appraisal = try XCTUnwrap(AppraisalFile(contentsOf: folder.appendingPathComponent("a.json")).appraisal)
        XCTAssertEqual(appraisal.options.count, 1 + edits)
        XCTAssertEqual(appraisal.criteria.count, 1 + edits)
        XCTAssertEqual(appraisal.option("north")?.description, "Description \(edits - 1)")
        XCTAssertEqual(appraisal.scores.first { $0.option == "north" && $0.criterion == "cost" }?.value, Rational((edits - 1) % 5 + 1))
    }

    /// Waits until the process has stopped itself (state T in /proc/PID/stat).
    private func waitUntilStopped(_ pid: Int32, _ plan: String) throws {
        for _ in 0..<3_000 {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "T" { return }
            usleep(10_000)
        }
        XCTFail("\(plan): the edit never reached its stop")
    }
}
