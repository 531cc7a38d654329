import Foundation
import XCTest

/// `kpi` through the real executable on datasets of my own: an unreadable band leaves its row
/// unrated in every format with exit 0, the synthetic rows of issue 23 give their results, and the text summary counts disagreements, uncheckable marks and unrated
/// rows apart, naming the declared conventions.
final class KPIConventionsCommandTests: XCTestCase {
    private func write(_ text: String, _ name: String) throws -> URL {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testUnreadableBandLeavesOneRowUnratedInEveryFormat() throws {
        let url = try write("ref,title,polarity,Jun-17,red,amber,green\n1,Visits,High,80%,<75%,75%>,82%++\n2,Reviews,High,90%,<75%,75%>,82%\n", "bad.csv")
        let reason = "green \"82%++\" has numbers but no band notation reads it"
        for format in ["text", "json", "csv", "md"] {
            let result = try ExecutableRunner.run(["kpi", url.path, "--format", format])
            // Exit 0, as for any other unrated row; the place is on stderr, the reason in the output.
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("bad.csv:2:7: warning: \(reason)"), result.stderr)
            XCTAssertTrue(result.stdout.contains("82%++") && result.stdout.contains("has numbers but no band notation reads it"), "\(format): \(result.stdout)")
            XCTAssertTrue(result.stdout.contains("Green"), "\(format): row 2 is still rated")
        }
    }

    /// The scorecard rows of issue 23 (settings `as at,Jun-19`), each with its expected result.
    func testSyntheticRowsGiveTheirExpectedResults() throws {
        func json(_ text: String) throws -> [String: Any] {
            let result = try ExecutableRunner.run(["kpi", try write("as at,Jun-19\n" + text, "x.csv").path, "--format", "json"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try XCTUnwrap((root["indicators"] as? [[String: Any]])?.first)
        }
        XCTAssertEqual(try json("ref,title,polarity,May-19,Jun-19,red,amber,green\nX.1,Synthetic rate,Low,60,55,50+,,<50 (2019/20)\n")["rag"] as? String, "Red")
        XCTAssertEqual(try json("ref,title,polarity,Jun-19,red,amber,green\nX.1,Synthetic share,Low,25%,30%+,20%+,<20%\n")["rag"] as? String, "Amber")
        XCTAssertEqual(try json("ref,title,polarity,Jun-19,red,amber,green\nX.1,Synthetic share,High,25%,<20%,<30%,30%+\n")["rag"] as? String, "Amber")
        XCTAssertEqual(try json("ref,title,polarity,Jun-19,red,amber,green\nX.1,Synthetic share,Low,25%,30%+,<30%,<20%\n")["rag"] as? String, "Amber")
        // Under numeric-direction arrows the text draws the arrow the way the number went.
        let arrows = try ExecutableRunner.run(["kpi", try write("as at,Jun-19\narrows,numeric direction\nref,title,polarity,May-19,Jun-19,dot\nX.1,Synthetic count,Low,10,8,↓\n", "c.csv").path])
        XCTAssertTrue(arrows.stdout.contains("↓ improving from 10 (May-19); printed ↓"), arrows.stdout)
        XCTAssertFalse(arrows.stdout.contains("↑"), arrows.stdout)
        XCTAssertTrue(arrows.stdout.contains("0 printed marks disagree"), arrows.stdout)
        // Headings in the sheet's own words; an unknown one is named and left out.
        let headed = try ExecutableRunner.run(["kpi", try write("as at,Jun-19\narrows,performance\nref,title,polarity,May-19 (Q1),Jun-19 (Q1),DOT (Year on Year),RAG (Year End),Target (Green),Nat. average,Statistical neighbour,Sparkline\nX.1,Synthetic rate,High,50%,60%,↑,G,55%,58%,57%,~\n", "h.csv").path])
        XCTAssertEqual(headed.status, 0, headed.stderr)
        XCTAssertTrue(headed.stderr.contains("h.csv:3:11: warning: \"Sparkline\" is neither a column this tool knows nor a period label"), headed.stderr)
        XCTAssertTrue(headed.stdout.contains("The heading \"Sparkline\" (column K) is not one this tool knows; its cells are left out."), headed.stdout)
        XCTAssertTrue(headed.stdout.contains("better than national average 58%"), headed.stdout)
        XCTAssertTrue(headed.stdout.contains("better than statistical-neighbour average 57%"), headed.stdout)
        XCTAssertTrue(headed.stdout.contains("5 better than the green threshold 55%"), headed.stdout)
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
