import AppraiseKit
import Foundation
import XCTest

/// A pack pins the journal that produced its appraisal, and `verify --head` checks a journal
/// against a head recorded earlier (from a pack's manifest or a note of verify's output).
final class JournalHeadTests: XCTestCase {
    private let who = ["USER": "officer"]

    @discardableResult
    private func run(_ arguments: [String], in folder: URL, expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> ExecutableRunner.Result {
        let result = try ExecutableRunner.run(arguments, in: folder, environment: who)
        XCTAssertEqual(result.status, status, "appraise \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)", file: file, line: line)
        return result
    }

    private func head(_ verifyOutput: String) throws -> String {
        let line = try XCTUnwrap(verifyOutput.split(separator: "\n").first { $0.hasPrefix("  journal head: ") })
        return String(line.dropFirst("  journal head: ".count).prefix(71))
    }

    func testThePackRecordsTheJournalHeadAndVerifyChecksItLater() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try run(["init", "a.json", "--title", "Depot", "--body", "Board", "--date", "2025"], in: folder)
        try run(["criterion", "add", "a.json", "cost", "--name", "Cost"], in: folder)
        try run(["option", "add", "a.json", "north", "--name", "North"], in: folder)
        try run(["score", "a.json", "north", "cost", "3", "--for", "cheap"], in: folder)
        let recorded = try head(try run(["verify", "a.json"], in: folder).stdout)

        try run(["report", "a.json", "--out", "pack"], in: folder)
        let manifest = try PackManifest(parsing: Data(contentsOf: folder.appendingPathComponent("pack/manifest.json")))
        XCTAssertEqual(manifest.journal, PackManifest.Journal(head: recorded, entries: 4))
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("pack/manifest.json"), encoding: .utf8)
            .contains("\"journal\": {\n      \"entries\": 4,\n      \"head\": \"\(recorded)\"\n    }"))
        try run(["verify-pack", "pack"], in: folder)
        // The same pack twice is byte-identical, journal head included.
        let first = try Data(contentsOf: folder.appendingPathComponent("pack/manifest.json"))
        try run(["export", "a.json", "--out", "pack"], in: folder)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("pack/manifest.json")), first)

        XCTAssertTrue(try run(["verify", "a.json", "--head", recorded], in: folder).stdout
            .hasSuffix("recorded head matches: \(recorded) is entry 4, the last\n"))
        try run(["score", "a.json", "north", "cost", "4", "--reason", "new quote"], in: folder)
        XCTAssertTrue(try run(["verify", "a.json", "--head", recorded], in: folder).stdout
            .hasSuffix("recorded head found: \(recorded) is entry 4; 1 later entry extends it\n"))

        // A journal rewritten from scratch (the same file adopted afresh) no longer holds the head.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a.json.journal"))
        try run(["adopt", "a.json", "--reason", "journal lost"], in: folder)
        let rewritten = try run(["verify", "a.json", "--head", recorded], in: folder, expect: 1)
        XCTAssertTrue(rewritten.stdout.hasSuffix("recorded head not found: \(recorded) is the hash of no entry of a.json.journal; the journal was rewritten or replaced since the head was recorded\n"),
                      rewritten.stdout)
        XCTAssertTrue(try run(["verify", "a.json", "--head", "sha256:ABC"], in: folder, expect: 2).stderr.contains("--head takes a head as verify prints it"))
    }

    func testAPackOfAFileEditedByHandRecordsNoHeadAndSaysWhy() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try run(["init", "a.json", "--title", "Depot", "--body", "Board", "--date", "2025"], in: folder)
        try run(["criterion", "add", "a.json", "cost", "--name", "Cost"], in: folder)
        try run(["option", "add", "a.json", "north", "--name", "North"], in: folder)
        try run(["score", "a.json", "north", "cost", "3", "--for", "cheap"], in: folder)
        let file = folder.appendingPathComponent("a.json")
        try Data(try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"Depot\"", with: "\"Depot site\"").utf8).write(to: file)
        let report = try run(["report", "a.json", "--out", "pack"], in: folder)
        XCTAssertTrue(report.stderr.contains("a.json.journal does not verify against a.json (see 'appraise verify a.json'); the pack does not record a journal head"),
                      report.stderr)
        XCTAssertNil(try PackManifest(parsing: Data(contentsOf: folder.appendingPathComponent("pack/manifest.json"))).journal)
    }
}
