import AppraiseKit
@testable import AppraiseRender
import Foundation
import XCTest

/// The report page as a member reads it: the correction, the chart colours, the compare view,
/// the rank-acceptability chart and print. The browser test (Tests/Browser) uses it for real.
final class ReportPageTests: XCTestCase {
    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The ratios the issue quotes for the old Okabe–Ito colours, from the WCAG 2.2 formula.
    func testContrastFormulaAndBothPalettesMeetThreeToOne() {
        for (colour, ratio) in [("#F0E442", 1.32), ("#E69F00", 2.25), ("#56B4E9", 2.31), ("#999999", 2.85), ("#000000", 21.0)] {
            XCTAssertEqual(ChartPalette.contrastWithWhite(colour), ratio, accuracy: 0.005, colour)
        }
        for colour in ChartPalette.criteria + ChartPalette.options {
            XCTAssertGreaterThanOrEqual(ChartPalette.contrastWithWhite(colour), 3, colour)
        }
        XCTAssertTrue(Set(ChartPalette.criteria).isDisjoint(with: ChartPalette.options), "a colour means a criterion or an option, never both")
        XCTAssertEqual(Set((0..<16).map { "\(ChartPalette.option($0)) \(ChartPalette.dash($0))" }).count, 16, "16 options drawn 16 ways")
    }

    func testTheCorrectionIsOnTheRowTheBarAndTheBox() throws {
        let pack = try PackFixtures.reference()
        XCTAssertEqual(pack.publishedDifferences, ["shared-service": "published 24/40, 4th", "trust": "published 3rd"])
        let html = pack.html
        XCTAssertTrue(html.contains("<h3 id=\"correction-heading\">The published totals contain an error</h3>"))
        XCTAssertTrue(html.contains("<a href=\"#reconciliation\">"))
        XCTAssertTrue(html.contains("<td class=\"num wrap corrected\" data-label=\"Total\">26/40 (published 24/40, 4th)</td>"))
        XCTAssertTrue(html.contains("26/40 (published 24/40, 4th)</text></g>"), "and on the bar")
        let reconciliation = try XCTUnwrap(html.components(separatedBy: "id=\"table-reconciliation\"").last)
        let checks = reconciliation.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr>").dropFirst().map { $0.contains("DIFFERS") }
        XCTAssertEqual(checks, checks.sorted { $0 && !$1 }, "the rows that differ come first")
        XCTAssertTrue(checks.first == true)
    }

    func testAgreeingOrAbsentDeclarationsSayNoErrorAndMarkNoRow() throws {
        let agreeing = try PackFixtures.pack(PackFixtures.small(declared: [Declaration(source: "Table 1", totals: [("alpha", Rational(9))])]))
        XCTAssertEqual(agreeing.publishedDifferences, [:])
        XCTAssertTrue(agreeing.html.contains("<h3 id=\"correction-heading\">The published totals and ranks agree with the scores</h3>"))
        XCTAssertFalse(agreeing.html.contains("num corrected"))
        let wrongRank = try PackFixtures.pack(PackFixtures.small(declared: [Declaration(source: "Table 2", ranks: [("gamma", 1)])]))
        XCTAssertEqual(wrongRank.publishedDifferences, ["gamma": "published 1st"])
        XCTAssertEqual(wrongRank.correctionHeading, "The published ranking contains an error")
        XCTAssertFalse(try PackFixtures.pack(PackFixtures.small()).html.contains("correction-heading"))
    }

    func testCompareViewOpensOnTheLeaderAgainstTheRunnerUp() throws {
        let html = try PackFixtures.reference().html
        XCTAssertTrue(html.contains("<option value=\"practice-partner\" selected>Peer Practice Partner</option>"))
        XCTAssertTrue(html.contains("<option value=\"cic\" selected>Community Interest Company</option>"))
        XCTAssertTrue(html.contains("<p id=\"compare-summary\" aria-live=\"polite\">Peer Practice Partner beats Community Interest Company by 7 points"))
        XCTAssertTrue(html.contains("<caption>Peer Practice Partner against Community Interest Company, criterion by criterion</caption>"))
        let single = try PackFixtures.pack(PackFixtures.small().withOptions(1))
        XCTAssertTrue(single.html.contains("There is only one option, so there is nothing to compare."))
    }

    func testRankAcceptabilityChartAndPrintStyle() throws {
        let pack = try PackFixtures.reference()
        let html = pack.html
        XCTAssertTrue(html.contains("<title id=\"rank-chart-title\">How often each option takes each place</title>"))
        XCTAssertTrue(html.contains("<desc id=\"rank-chart-desc\">Exact shares of all weightings (SMAA without sampling): Peer Practice Partner first in 97%"), html)
        XCTAssertEqual(count("<rect class=\"share\"", in: RankAcceptabilityChart.svg(pack.sensitivity)),
                       pack.sensitivity.rankShares.flatMap { $0 }.filter { $0 > 0 }.count, "a bar for every share above zero")
        XCTAssertTrue(html.contains("@page { size: A4;"))
        XCTAssertTrue(html.contains("details::details-content { content-visibility: visible;"), "rationale opens in print without the script")
        XCTAssertTrue(html.contains("\"appraisalFile\":\"rotherham-ama-2017.json\""))
    }
}

private extension Appraisal {
    /// The appraisal cut down to its first `count` options and their scores.
    func withOptions(_ count: Int) -> Appraisal {
        var copy = self
        let kept = Set(options.prefix(count).map(\.id))
        copy.options = Array(options.prefix(count))
        copy.scores = scores.filter { kept.contains($0.option) }
        return copy
    }
}
