import Foundation
import XCTest

/// `kpi` through the real executable on datasets of my own: an unreadable band is a located
/// error with exit 1, and the text summary counts disagreements, uncheckable marks and unrated
/// rows apart, naming the declared conventions.
final class KPIConventionsCommandTests: XCTestCase {
    private func write(_ text: String, _ name: String) throws -> URL {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testUnreadableBandIsALocatedErrorAndExitsOne() throws {
        let url = try write("ref,title,polarity,Jun-17,red,amber,green\n1,Visits,High,80%,<75%,75%>,82%++\n", "bad.csv")
        let result = try ExecutableRunner.run(["kpi", url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.csv:2:7: error: green \"82%++\" has numbers but no band notation reads it"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testSummaryCountsDisagreementsApartFromWhatCannotBeChecked() throws {
        let text = """
            arrows,performance
            ref,title,polarity,May-17,Jun-17,dot,rag,red,amber,green
            1,Visits,High,90%,92%,↓,G,<85%,85%>,90%
            2,Contacts,Info,300,310,↑,,,,
            3,Reviews,High,80%,tbc,↑,A,<85%,85%>,90%
            4,Families,High,40,50,↑,,,,range to be set
            """
        let url = try write(text, "mixed.csv")
        let result = try ExecutableRunner.run(["kpi", url.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        // Row 1's ↓ disagrees (90 → 92 is improving); row 3's A and ↑ cannot be checked (tbc);
        // rows 2, 3 and 4 are not rated, each saying why.
        XCTAssertTrue(result.stdout.contains("1 printed mark disagrees with them; 2 cannot be checked; 3 rows are not rated, each with its reason in Findings."), result.stdout)
        XCTAssertTrue(result.stdout.contains("Conventions: arrows performance; direction of travel against the previous period (month on month, quarter on quarter, term on term); RAG basis in month."), result.stdout)
        XCTAssertTrue(result.stdout.contains("not rated: no target is set"), result.stdout)
        XCTAssertTrue(result.stdout.contains("not rated: the target is text (\"range to be set\")"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Jun-17 is printed as \"tbc\""), result.stdout)
    }
}
