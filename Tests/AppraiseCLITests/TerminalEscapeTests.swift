import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// Names carrying terminal escape sequences are shown, never obeyed, in every command's output.
final class TerminalEscapeTests: XCTestCase {
    private let who = ["USER": "officer"]

    func testVisibleTextShowsControlsAndKeepsLayout() {
        XCTAssertEqual(VisibleText.escapingControls("North\u{1B}]0;pwned\u{07}"), "North\\u{1B}]0;pwned\\u{7}")
        XCTAssertEqual(VisibleText.escapingControls("a\tb\nc\r\nd"), "a\tb\nc\r\nd", "tabs, line breaks and CR LF are layout")
        XCTAssertEqual(VisibleText.escapingControls("over\rwrite"), "over\\u{D}write", "a lone CR would overwrite the line")
        XCTAssertEqual(VisibleText.escapingControls("\u{7F}\u{9B}2J£é"), "\\u{7F}\\u{9B}2J£é", "DEL and C1 controls; other text untouched")
        let plain = "Peer Practice Partner – 33"
        XCTAssertEqual(VisibleText.escapingControls(plain), plain)
    }

    func testEveryTextCommandShowsEscapesInNames() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let hostile = "North\u{1B}]0;pwned\u{07}\u{1B}[2J"
        let shown = "North\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"
        for arguments in [["init", "a.json", "--title", "Depot\u{1B}[31m", "--body", "Board", "--date", "2025"],
                          ["criterion", "add", "a.json", "cost", "--name", "Cost\u{9B}1m"],
                          ["option", "add", "a.json", "north", "--name", hostile],
                          ["score", "a.json", "north", "cost", "3", "--for", "cheap\u{08}\u{08}\u{08}dear"]] {
            let result = try ExecutableRunner.run(arguments, in: folder, environment: who)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertFalse(result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{08}" }, result.stdout)
        }
        let commands: [[String]] = [["rank", "a.json"], ["show", "a.json"], ["log", "a.json"], ["report", "a.json", "--out", "pack"],
                                    ["sensitivity", "a.json"], ["smaa", "a.json", "--samples", "100"], ["validate", "a.json"],
                                    ["rank", "a.json", "--format", "csv"], ["rank", "a.json", "--format", "md"], ["verify", "a.json"]]
        for command in commands {
            let result = try ExecutableRunner.run(command, in: folder, environment: who)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            let output = result.stdout + result.stderr
            XCTAssertFalse(output.unicodeScalars.contains { ($0.value < 0x20 && !["\n", "\t", "\r"].contains($0)) || (0x7F...0x9F).contains($0.value) },
                           "\(command) prints a control character: \(output)")
            if ["rank", "show", "log", "report"].contains(command[0]) && command.count == 2 || command[0] == "report" {
                XCTAssertTrue(output.contains(shown), "\(command) shows the name: \(output)")
            }
        }
        let log = try ExecutableRunner.run(["log", "a.json"], in: folder, environment: who).stdout
        XCTAssertTrue(log.contains("cheap\\u{8}\\u{8}\\u{8}dear"), log)
        // CSV keeps its CR LF line ends; JSON escapes controls itself and is unchanged.
        let csv = try ExecutableRunner.run(["rank", "a.json", "--format", "csv"], in: folder, environment: who).stdout
        XCTAssertTrue(csv.contains("\r\n") && csv.contains(shown), csv)
        let json = try ExecutableRunner.run(["rank", "a.json", "--format", "json"], in: folder, environment: who).stdout
        XCTAssertTrue(json.contains("North\\u001b]0;pwned\\u0007\\u001b[2J"), json)
    }
}
