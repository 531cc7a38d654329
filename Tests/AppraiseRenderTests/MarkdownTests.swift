import AppraiseKit
import AppraiseRender
import XCTest

/// report.md: tables to paste into a committee report, prose that cannot turn into markup.
final class MarkdownTests: XCTestCase {
    func testReferenceReportReadsLikeThePublishedAppraisal() throws {
        let pack = try PackFixtures.reference()
        let markdown = pack.markdown
        XCTAssertTrue(markdown.hasPrefix("# Review of Alternative Management Arrangements for Children's Service in Rotherham\n\n"))
        XCTAssertTrue(markdown.contains("Written by appraise 9.9.9-test under the appraisal's weights from the appraisal file with fingerprint \(pack.fingerprint)."))
        XCTAssertTrue(markdown.contains("**The answer:** Peer Practice Partner is the preferred option, first with 33/40, 7 points ahead of Community Interest Company and Shared Service."))
        // Numbers right-aligned, totals out of the maximum, "=" for shared ranks, tables numbered.
        XCTAssertTrue(markdown.contains("| Rank | Option | Total | Percent | Margin to next |\n|---:|:---|---:|---:|---:|\n"))
        XCTAssertTrue(markdown.contains("| 1 | Peer Practice Partner | 33/40 | 82.5% | 7 |\n| 2= | Community Interest Company | 26/40 | 65.0% | 0 |\n"))
        XCTAssertTrue(markdown.contains("| Shared Service | 4 | 3 | 3 | 3 | 3 | 3 | 3 | 4 | 26/40 | 65.0% | 2= |"))
        XCTAssertTrue(markdown.contains("| Table 5, Score column | Shared Service | total | 24/40 | 26/40 | 2 | DIFFERS |"))
        XCTAssertTrue(markdown.contains("#### Table 1: The options considered\n"))
        // The committee report first, then the analyses as appendices.
        let sections = ["## 1. Purpose of the report", "## 2. Recommendations", "## 3. Background", "## 4. Options considered",
                        "## 7. Financial implications", "## 11. Risks and uncertainties", "## 12. Questions for the committee", "## 14. Background papers",
                        "## Appendix A: Ranking and where each total comes from", "Ranking of options", "## Appendix B: Scores", "## Appendix C: Criteria and weights",
                        "## Appendix F: Options considered, screened and set aside", "## Appendix G: Reconciliation with the published appraisal",
                        "## Appendix I: The options in full", "## Appendix J: Rationale for each score"]
        let positions = try sections.map { try XCTUnwrap(markdown.range(of: $0), $0).lowerBound }
        XCTAssertEqual(positions, positions.sorted(), "sections in report order")
        XCTAssertTrue(markdown.contains("2.3 That members agree Peer Practice Partner as the preferred option.\n"))
        XCTAssertTrue(markdown.contains("#### Child Focused: 4/5\n\nJ.2 Source: Annex 1, Option 1, criterion 1.\n\n- **For:** Selection of advisers"), "sources without line numbers")
        XCTAssertTrue(markdown.contains("- **Contingent:** Contingent on ongoing improvement"))
        XCTAssertEqual(markdown.components(separatedBy: "- The published total for Shared Service").count, 2,
                       "the reconciliation's consequences are given once, in the purpose of the report")
    }

    func testCriteriaTableShowsWeightsSharesAndImportance() throws {
        let weighted = PackFixtures.small(weights: [Rational(50), Rational(30), Rational(20)])
        let table = CriteriaTable.table(weighted, selection: try XCTUnwrap(weighted.weightSelection(nil)))
        XCTAssertEqual(table.rows.map { Array($0[3...]) }, [["50", "50.0%", "1"], ["30", "30.0%", "2"], ["20", "20.0%", "3"]])
        XCTAssertEqual(table.rows[0][2], "Offers 1a; Offers 1b")

        let tied = PackFixtures.small(weights: [Rational(2), Rational(1), Rational(2)])
        XCTAssertEqual(CriteriaTable.importanceLabels(tied, selection: try XCTUnwrap(tied.weightSelection(nil))), ["1=", "3", "1="])

        let ordered = PackFixtures.small(importance: ["risk", "cost", "quality"])
        let labels = CriteriaTable.importanceLabels(ordered, selection: try XCTUnwrap(ordered.weightSelection(nil)))
        XCTAssertEqual(labels, ["2", "3", "1"], "the appraisal's own order of importance wins for its own weights")
    }

    func testWeightedContributionsAddUpToTheTotals() throws {
        let pack = try PackFixtures.pack(PackFixtures.small(weights: [Rational(1), Rational(2), Rational(1)]))
        let table = WeightedMatrixTable.table(pack.ranking, matrix: pack.matrix, appraisal: pack.appraisal, selection: pack.selection)
        XCTAssertEqual(table.columns.map(\.header), ["Option", "Cost (25.0%)", "Quality (50.0%)", "Risk (25.0%)", "Total", "Rank"])
        // Alpha 4,3,2 under 1:2:1 → 3 × (4/4 + 6/4 + 2/4) = 9 = 3 + 4.5 + 1.5.
        XCTAssertEqual(table.rows[0], ["Alpha", "3", "4.5", "1.5", "9/15", "1="])
        for entry in pack.ranking.entries {
            XCTAssertEqual(entry.contributions.sum(), entry.total)
        }
    }

    func testHostileTextCannotBreakTablesOrBecomeMarkup() throws {
        let markdown = try PackFixtures.pack(PackFixtures.hostile()).markdown
        XCTAssertFalse(markdown.contains("<script"), "angle brackets are escaped")
        XCTAssertFalse(markdown.contains("<img"))
        XCTAssertTrue(markdown.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
        XCTAssertTrue(markdown.contains("\\# not a heading &lt;b&gt;bold&lt;/b&gt;"), "a leading # is not a heading")
        XCTAssertTrue(markdown.contains("- **Against:** \\-2+3 \\| pipe  next line"), "pipes escaped, line breaks folded")
        // Every table row still has one cell per column.
        for block in markdown.components(separatedBy: "\n\n") where block.hasPrefix("| ") {
            let rows = block.split(separator: "\n")
            let counts = rows.map { row in row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
            XCTAssertEqual(Set(counts).count, 1, "a table's rows have the same number of cells:\n\(block)")
        }
    }

    func testParagraphEscapeStopsLineStartMarkup() {
        let pack = { (description: String) throws -> String in
            try PackFixtures.pack(PackFixtures.small(description: description)).markdown
        }
        XCTAssertTrue(try pack("1. not a list").contains(" 1\\. not a list\n"), "escaped after the paragraph number")
        XCTAssertTrue(try pack("- not a list").contains(" \\- not a list\n"))
        XCTAssertTrue(try pack("=== not a heading").contains(" \\=== not a heading\n"))
    }
}
