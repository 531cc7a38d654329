import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// The long list in the pack: ahead of the scored short list, the options set aside listed
/// with why, and the screening table the same in every format.
final class ScreeningRendererTests: XCTestCase {
    /// The small fixture with a fourth option discounted after failing a factor, and Beta as
    /// business as usual.
    private func screened() -> Appraisal {
        var appraisal = PackFixtures.small()
        appraisal.options[1].stage = .businessAsUsual
        appraisal.options.append(Option(id: "delta", name: "Delta | <b>", stage: .discounted, stageReason: "Breaks the | law <i>",
                                        framework: FrameworkTags(delivery: "Outsourced")))
        appraisal.screening = Screening(
            source: "Workshop notes",
            criteria: [ScreeningCriterion(id: "legal", name: "Lawful", description: "Within the council's powers")],
            results: [ScreeningResult(option: "alpha", criterion: "legal", outcome: .pass),
                      ScreeningResult(option: "beta", criterion: "legal", outcome: .passWithReservations, reason: "Needs consent"),
                      ScreeningResult(option: "gamma", criterion: "legal", outcome: .pass),
                      ScreeningResult(option: "delta", criterion: "legal", outcome: .fail, reason: "Ultra vires", evidence: "Counsel's opinion")])
        return appraisal
    }

    func testTheDiscountedOptionIsListedWithItsReasonAndTakesNoPart() throws {
        let pack = try PackFixtures.pack(screened())
        XCTAssertEqual(pack.ranking.entries.map(\.option), ["alpha", "beta", "gamma"])
        XCTAssertEqual(pack.appraisal.options.map(\.id), ["alpha", "beta", "gamma"])
        XCTAssertEqual(pack.longList?.options.count, 4)

        let markdown = pack.markdown
        let setAside = try XCTUnwrap(markdown.range(of: "- Delta \\| &lt;b&gt; is discounted: Breaks the \\| law &lt;i&gt;\n"))
        let matrix = try XCTUnwrap(markdown.range(of: "Table 1: The options considered"))
        XCTAssertLessThan(matrix.lowerBound, setAside.lowerBound, "the options set aside follow the options matrix, one line each")
        XCTAssertTrue(markdown.contains("Options considered, screened and set aside\n"), "the long list is an appendix")
        XCTAssertTrue(markdown.contains("| Delta \\| &lt;b&gt; | Breaks the \\| law &lt;i&gt; | failed Lawful |"), markdown)
        XCTAssertFalse(markdown.contains("### Delta"), "the discounted option has no section among the scored options")

        XCTAssertTrue(pack.summary.contains("4 options were considered; 3 are on the scored short list.\n"), pack.summary)
        XCTAssertTrue(pack.summary.contains("- Delta | <b> is discounted: Breaks the | law <i>\n"), pack.summary)

        let html = pack.html
        let section = try XCTUnwrap(html.range(of: "<section id=\"long-list\""))
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "<section id=\"options-considered\"")).lowerBound, section.lowerBound,
                          "the options matrix in the front section, the long list's tables among the appendices")
        XCTAssertNotNil(html.range(of: #"<td[^>]*>Breaks the \| law &lt;i&gt;</td>"#, options: .regularExpression), "escaped in the page")
        XCTAssertFalse(html.contains("<i>"))

        guard case .object(let document) = pack.json, case .object(let longList)? = document["longList"],
              case .array(let options)? = longList["options"] else { return XCTFail("report.json has no longList") }
        XCTAssertEqual(options.count, 4)
        guard case .object(let delta) = options[3] else { return XCTFail() }
        XCTAssertEqual(delta["stage"], .string("discounted"))
        XCTAssertEqual(delta["scored"], .bool(false))
        XCTAssertEqual(delta["screening"], .string("fail"))
    }

    func testTheScreeningTableInEveryFormat() throws {
        let pack = try PackFixtures.pack(screened())
        let table = try XCTUnwrap(pack.spreadsheetTables.first { $0.id == "screening" })
        XCTAssertEqual(table.columns.map(\.header), ["Option", "Stage", "Lawful", "Overall"])
        XCTAssertEqual(table.rows, [["Alpha", "short-listed", "pass", "pass"],
                                    ["Beta", "business as usual", "pass with reservations", "pass with reservations"],
                                    ["Gamma", "short-listed", "pass", "pass"],
                                    ["Delta | <b>", "discounted", "fail", "fail"]])
        XCTAssertEqual(CSVTableRenderer.render(table).components(separatedBy: "\r\n")[2], "Beta,business as usual,pass with reservations,pass with reservations")
        XCTAssertTrue(MarkdownTableRenderer.render(table).contains("| Beta | business as usual | pass with reservations | pass with reservations |"))
        XCTAssertTrue(TextTableRenderer.render(table).contains("Beta         business as usual  pass with reservations  pass with reservations"),
                      TextTableRenderer.render(table))
        XCTAssertNotNil(HTMLTableRenderer.render(table).range(of: #"<th scope="row"[^>]*>Beta</th><td[^>]*>business as usual</td><td[^>]*>pass with reservations</td>"#,
                                                               options: .regularExpression))
        let files = Set(try pack.files().map(\.path))
        XCTAssertTrue(files.isSuperset(of: ["long-list.csv", "screening.csv", "screening-results.csv", "discounted-options.csv", "options-framework.csv"]))
        let framework = try XCTUnwrap(pack.spreadsheetTables.first { $0.id == "options-framework" })
        XCTAssertEqual(framework.rows, [["Delivery", "Outsourced", "", "Delta | <b> (discounted)"]])
        let results = try XCTUnwrap(pack.spreadsheetTables.first { $0.id == "screening-results" })
        XCTAssertEqual(results.rows.last, ["Delta | <b>", "Lawful", "fail", "Ultra vires", "Counsel's opinion"])
    }

    func testAPackWithoutALongListIsAsBefore() throws {
        let pack = try PackFixtures.pack(PackFixtures.small())
        XCTAssertNil(pack.longList)
        XCTAssertEqual(pack.longListTables, [])
        XCTAssertFalse(pack.html.contains("long-list"))
        XCTAssertFalse(pack.summary.contains("Options set aside"))
        guard case .object(let document) = pack.json else { return XCTFail() }
        XCTAssertNil(document["longList"])
    }

    /// The reference appraisal with and without its long list: the long-list files come and go,
    /// every other table is the same bytes, so recording the long list changed no analysis.
    func testTheReferenceLongListChangesNoAnalysis() throws {
        let file = AppraisalFile(contentsOf: PackFixtures.packageRoot.appendingPathComponent("appraisals/rotherham-ama-2017.json"))
        let withLongList = try XCTUnwrap(file.appraisal)
        var without = withLongList
        without.screening = nil
        for index in without.options.indices {
            without.options[index].stage = nil
            without.options[index].stageReason = nil
            without.options[index].framework = FrameworkTags()
        }
        let before = try PackFixtures.pack(without, datasets: file.datasets).files([.csv])
        let after = try PackFixtures.pack(withLongList, datasets: file.datasets).files([.csv])
        let longList = Set(["long-list.csv", "screening.csv", "screening-results.csv", "discounted-options.csv", "options-framework.csv"])
        XCTAssertEqual(after.map(\.path).filter { !longList.contains($0) }, before.map(\.path))
        XCTAssertEqual(Set(after.map(\.path)).subtracting(before.map(\.path)), longList)
        for file in before where file.path.hasSuffix(".csv") {
            XCTAssertEqual(after.first { $0.path == file.path }?.contents, file.contents, file.path)
        }
    }

    func testNothingSetAsideSaysSoWithoutClaimingMore() throws {
        var appraisal = PackFixtures.small()
        appraisal.options[0].stage = .preferred
        let table = ScreeningRenderer.discounted(appraisal)
        XCTAssertEqual(table.rows, [])
        XCTAssertEqual(table.notes, ["No option considered is recorded as set aside."])
    }
}
