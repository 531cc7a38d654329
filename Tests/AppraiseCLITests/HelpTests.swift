import Foundation
import XCTest

/// Help and command-line errors. The list of commands is read from `appraise --help`, so every
/// command added later is covered without editing this file.
final class HelpTests: XCTestCase {
    /// Command names from the COMMANDS section of `appraise --help`.
    private func listedCommands(file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let result = try ExecutableRunner.run(["--help"])
        XCTAssertEqual(result.status, 0, file: file, line: line)
        let lines = result.stdout.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "COMMANDS:"), "no COMMANDS: section in\n\(result.stdout)", file: file, line: line)
        var names: [String] = []
        for row in lines[(start + 1)...] {
            if row.isEmpty { if names.isEmpty { continue } else { break } }
            guard row.hasPrefix("  "), let name = row.split(separator: " ").first else { break }
            names.append(String(name))
        }
        return names
    }

    func testOverviewListsTheFoundationCommands() throws {
        let result = try ExecutableRunner.run(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("USAGE: appraise COMMAND"), result.stdout)
        XCTAssertEqual(result.stderr, "")
        let commands = try listedCommands()
        XCTAssertTrue(Set(commands).isSuperset(of: ["validate", "rank", "show", "report"]), "\(commands)")
        XCTAssertEqual(Set(commands).count, commands.count, "no command listed twice")
        // -h and `help` say the same.
        XCTAssertEqual(try ExecutableRunner.run(["-h"]).stdout, result.stdout)
        XCTAssertEqual(try ExecutableRunner.run(["help"]).stdout, result.stdout)
    }

    func testEveryListedCommandAnswersHelp() throws {
        let commands = try listedCommands()
        XCTAssertFalse(commands.isEmpty)
        for command in commands {
            let result = try ExecutableRunner.run([command, "--help"])
            XCTAssertEqual(result.status, 0, "\(command) --help: \(result.stderr)")
            let usage = result.stdout.components(separatedBy: "\n").first { $0.hasPrefix("USAGE: ") }
            XCTAssertNotNil(usage, "\(command) --help has no USAGE line:\n\(result.stdout)")
            XCTAssertTrue(usage?.hasPrefix("USAGE: appraise \(command)") == true, "\(command): \(usage ?? "")")
            XCTAssertTrue(result.stdout.contains("-h, --help"), "\(command) --help lists --help")
            XCTAssertEqual(result.stderr, "", command)
            // The other spellings give the same text.
            XCTAssertEqual(try ExecutableRunner.run([command, "-h"]).stdout, result.stdout, command)
            XCTAssertEqual(try ExecutableRunner.run(["help", command]).stdout, result.stdout, command)
        }
    }

    func testEveryListedCommandRejectsAnUnknownOptionWithExitTwo() throws {
        for command in try listedCommands() {
            let result = try ExecutableRunner.run([command, "--no-such-option", "appraisals/rotherham-ama-2017.json"])
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("unknown option '--no-such-option'"), "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("USAGE: appraise \(command)"), "\(command): \(result.stderr)")
        }
    }

    func testUnknownCommandIsExitTwo() throws {
        let result = try ExecutableRunner.run(["frobnicate", "appraisals/rotherham-ama-2017.json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("unknown command 'frobnicate'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("appraise --help"), result.stderr)
    }

    func testNoArgumentsIsExitTwoWithTheOverviewOnStandardError() throws {
        let result = try ExecutableRunner.run([])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("USAGE: appraise COMMAND"), result.stderr)
    }

    func testVersion() throws {
        let result = try ExecutableRunner.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.range(of: #"^appraise \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, result.stdout)
    }
}
