import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// The value tree in the pack: its tables in CSV and JSON, its section of the page stacked by
/// branch, and nothing of it in the pack of a flat appraisal that records no weight reasons.
final class ValueTreeRenderTests: XCTestCase {
    func office() throws -> ReportPack {
        let file = AppraisalFile(contentsOf: PackFixtures.packageRoot.appendingPathComponent("appraisals/office-location-smart.json"))
        XCTAssertTrue(file.isValid, "\(file.diagnostics)")
        return try PackFixtures.pack(try XCTUnwrap(file.appraisal))
    }

    func testTreePackHasTheTreeTablesInEveryFormat() throws {
        let pack = try office()
        let names = pack.files([.csv, .json]).map(\.path)
        for table in ["value-tree", "swing-weights", "trade-offs", "branch-subtotals", "branch-sensitivity"] {
            XCTAssertTrue(names.contains("\(table).csv"), "\(table).csv in \(names)")
        }
        let subtotals = try XCTUnwrap(pack.valueTreeTables.first { $0.id == "branch-subtotals" })
        XCTAssertEqual(subtotals.columns.map(\.header), ["Option", "Turnover", "Working conditions", "Total"])
        guard case .object(let document) = pack.json, case .object(let tree)? = document["valueTree"],
              case .array(let branches)? = tree["branchSensitivity"] else { return XCTFail("the JSON report holds the value tree") }
        XCTAssertEqual(branches.count, 2)
        XCTAssertTrue(pack.markdown.contains("First place as a branch's weight changes"))
    }

    func testPageStacksTotalsByBranchWithExpandableBreakdowns() throws {
        let html = try office().html
        XCTAssertTrue(html.contains("<section id=\"criteria\""))
        XCTAssertTrue(html.contains("<a href=\"#criteria\">Appendix C: Criteria and weights</a>"))
        XCTAssertTrue(html.contains("Totals by branch of the value tree"))
        XCTAssertTrue(html.contains("<summary>Turnover: sub-totals inside the branch</summary>"))
        XCTAssertTrue(html.contains("<title>Addison Square, Turnover: 423.79</title>"), "a segment names its branch and points")
    }

    func testAFlatAppraisalWithoutReasonsHasNoTreeSection() throws {
        let pack = try PackFixtures.reference()
        XCTAssertEqual(pack.valueTreeTables, [])
        XCTAssertFalse(pack.html.contains("id=\"value-tree\""))
        guard case .object(let document) = pack.json else { return XCTFail() }
        XCTAssertNil(document["valueTree"])
    }

    /// A flat appraisal that records why its weights are what they are shows the reasons and
    /// the trade-offs, without branches.
    func testAFlatAppraisalWithReasonsShowsThemAndItsTradeOffs() throws {
        var appraisal = PackFixtures.small(weights: [Rational(3), Rational(2), .one])
        appraisal.criteria[0].weightRationale = "Cost matters most to the board."
        let tables = try PackFixtures.pack(appraisal).valueTreeTables
        XCTAssertEqual(tables.map(\.id), ["value-tree", "trade-offs"])
        XCTAssertEqual(tables[1].rows[0], ["Cost", "1", "1.5", "3"])
        XCTAssertEqual(tables[0].rows[0].last, "Cost matters most to the board.")
    }
}
