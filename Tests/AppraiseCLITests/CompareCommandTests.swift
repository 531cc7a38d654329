import Foundation
import XCTest

/// `appraise compare FILE A B` through the real executable.
final class CompareCommandTests: XCTestCase {
    private let reference = "appraisals/rotherham-ama-2017.json"

    func testJSONAccountsForTheWholeDifference() throws {
        let result = try ExecutableRunner.run(["compare", reference, "practice-partner", "cic", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try CLIFixture.object(result.stdout)
        XCTAssertEqual(CLIFixture.number(document["firstTotal"]), 33)
        XCTAssertEqual(CLIFixture.number(document["secondTotal"]), 26)
        XCTAssertEqual(CLIFixture.number(document["difference"]), 7)
        let criteria = try XCTUnwrap(document["criteria"] as? [[String: Any]])
        XCTAssertEqual(criteria.compactMap { CLIFixture.number($0["difference"]) }.reduce(0, +), 7)
        XCTAssertEqual(criteria.first?["criterion"] as? String, "partnerships", "the largest advantage first (5 against 2)")
        XCTAssertEqual(document["summary"] as? String,
                       "Peer Practice Partner beats Community Interest Company by 7 points (33/40 to 26/40), gaining on Partnerships (+3), "
                       + "Integration (+3), Political oversight (+1), Financial viability (+1) and Risk (+1) and losing on Child Focused (-1) and Workforce (-1).")
    }

    func testTheLoserFirstIsToldFromTheLeadersSideAndTiesAreNamed() throws {
        let swapped = try ExecutableRunner.run(["compare", reference, "cic", "practice-partner"])
        XCTAssertEqual(swapped.status, 0, swapped.stderr)
        XCTAssertTrue(swapped.stdout.contains("Peer Practice Partner beats Community Interest Company by 7 points (33/40 to 26/40)"), swapped.stdout)
        XCTAssertTrue(swapped.stdout.contains("Partnerships"), swapped.stdout)
        let tie = try ExecutableRunner.run(["compare", reference, "cic", "shared-service", "--format", "md"])
        XCTAssertEqual(tie.status, 0, tie.stderr)
        XCTAssertTrue(tie.stdout.contains("Community Interest Company and Shared Service tie on 26/40"), tie.stdout)
        XCTAssertTrue(tie.stdout.contains("| Total | 100.0% |  |  | 26 | 26 | 0 |  |"), tie.stdout)
        let csv = try ExecutableRunner.run(["compare", reference, "cic", "shared-service", "--format", "csv", "--weights", "equal"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.hasPrefix("\u{FEFF}Criterion,Weight,Community Interest Company score,Shared Service score,"), csv.stdout)
    }

    func testUnknownOrRepeatedOptionsAreUsageErrors() throws {
        let unknown = try ExecutableRunner.run(["compare", reference, "cic", "nope"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("'nope' is not an option of \(reference); the options are practice-partner, "), unknown.stderr)
        let same = try ExecutableRunner.run(["compare", reference, "cic", "cic"])
        XCTAssertEqual(same.status, 2)
        XCTAssertTrue(same.stderr.contains("compare needs two different options"), same.stderr)
        let missing = try ExecutableRunner.run(["compare", reference, "cic"])
        XCTAssertEqual(missing.status, 2, missing.stderr)
    }
}
