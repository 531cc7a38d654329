import Foundation
import XCTest
@testable import AppraiseKit

/// Headings read by meaning, conventions taken from a heading's bracket only when the table
/// can bear them, and an academic year to date in a table of terms.
final class EvidenceHeadingsTests: XCTestCase {
    private func field(_ heading: String) -> KPIField? {
        if case .field(let field, _, _)? = KPIHeading.read(heading, academicYear: nil) { return field }
        return nil
    }

    func testHeadingsInTheSheetsOwnWords() {
        XCTAssertEqual(field("DOT (Year on Year)"), .dot)
        XCTAssertEqual(field("Direction of Travel (Quarter on Quarter)"), .dot)
        XCTAssertEqual(field("Trend"), .dot)
        XCTAssertEqual(field("RAG (Year End)"), .rag)
        XCTAssertEqual(field("RAG Rating"), .rag)
        XCTAssertEqual(field("Target (Green)"), .green)
        XCTAssertEqual(field("Target (Red)"), .red)
        XCTAssertEqual(field("Tolerance (Amber)"), .amber)
        XCTAssertEqual(field("Green Target 2019/20"), .green)
        XCTAssertEqual(field("Nat. average"), .nationalAverage)
        XCTAssertEqual(field("England avg (2018)"), .nationalAverage)
        XCTAssertEqual(field("Statistical neighbour"), .snAverage)
        XCTAssertEqual(field("Stat. Neighbours Avg"), .snAverage)
        XCTAssertEqual(field("Best statistical neighbour"), .bestSN)
        XCTAssertEqual(field("National top quartile (2018)"), .topQuartile)
        XCTAssertEqual(field("Yorkshire & Humber average"), .regional)
        XCTAssertEqual(KPIHeading.read("Jun-19 (Q1)", academicYear: nil), .period(.month(6, 2019)))
        XCTAssertEqual(KPIHeading.read("DOT (Year on Year)", academicYear: nil), .field(.dot, qualifier: "Year on Year", byMeaning: false))
        // Words that mean nothing known, or more than one thing, are not guessed.
        XCTAssertNil(KPIHeading.read("Sparkline", academicYear: nil))
        XCTAssertNil(KPIHeading.read("Red and green", academicYear: nil))
        XCTAssertNil(KPIHeading.read("Owner", academicYear: nil))
    }

    func testAHeadingsConventionNeedsItsColumn() throws {
        // With the same period a year before printed, DOT (Year on Year) compares with it.
        let yearly = "as at,Jun-19\narrows,performance\nref,title,polarity,Jun-18,May-19,Jun-19,DOT (Year on Year)\n1,Visits,High,70%,90%,80%,↑\n"
        let dataset = try XCTUnwrap(EvidenceFixtures.csv(yearly).dataset)
        XCTAssertEqual(dataset.conventions.comparison, .sameTimeLastYear)
        let item = try EvidenceFixtures.assessed(dataset, "1")
        XCTAssertEqual(item.directionOfTravel, .improving)
        XCTAssertEqual(item.previous?.period, .month(6, 2018))
        XCTAssertEqual(dataset.notes, ["The heading \"DOT (Year on Year)\" sets comparison to year on year."])
        // A setting wins over the heading.
        let set = try XCTUnwrap(EvidenceFixtures.csv("comparison,month on month\n" + yearly).dataset)
        XCTAssertEqual(set.conventions.comparison, .previousPeriod)
        // Without the year-end column, RAG (Year End) is noted and the period itself is rated.
        let noOutturn = try XCTUnwrap(EvidenceFixtures.csv("as at,Jun-19\nref,title,polarity,Jun-19,RAG (Year End),green\n1,Visits,High,80%,G,75%\n").dataset)
        XCTAssertEqual(noOutturn.conventions.ragBasis, .inPeriod)
        XCTAssertEqual(try EvidenceFixtures.assessed(noOutturn, "1").rag, .green)
        XCTAssertTrue(noOutturn.notes[0].contains("the table has no 2019/20 column"), "\(noOutturn.notes)")
        // With it, the outturn is rated.
        let outturn = try XCTUnwrap(EvidenceFixtures.csv("as at,Jun-19\nref,title,polarity,Jun-19,2019/20,RAG (Year End),green\n1,Visits,High,80%,70%,,75%\n").dataset)
        XCTAssertEqual(outturn.conventions.ragBasis, .yearEnd)
        XCTAssertEqual(try EvidenceFixtures.assessed(outturn, "1").rag, .notOnTarget)
    }

    func testAcademicYearToDateInATableOfTerms() throws {
        let text = "as at,Spring 2023\nref,title,polarity,Autumn 2022,Spring 2023,2022/23 YTD,green,rag\n1,Attendance,High,94%,95%,94.5%,95%,Red YTD\n"
        let dataset = try XCTUnwrap(EvidenceFixtures.csv(text).dataset, "\(EvidenceFixtures.csv(text).messages)")
        XCTAssertEqual(dataset.periods, [.term(1, academicYear: 2022), .term(2, academicYear: 2022), .academicYearToDate(startYear: 2022)])
        XCTAssertEqual(Period.academicYearToDate(startYear: 2022).label, "AY YTD 2022/23")
        XCTAssertEqual(Period.parse("Academic YTD 2022/23"), .academicYearToDate(startYear: 2022))
        // The printed "YTD" RAG rates the academic year to date, as the term's own.
        let item = try EvidenceFixtures.assessed(dataset, "1")
        XCTAssertEqual(item.ratedPeriod, .academicYearToDate(startYear: 2022))
        XCTAssertEqual(item.rag, .notOnTarget)
        XCTAssertEqual(dataset.period("2022/23 YTD"), .academicYearToDate(startYear: 2022))
        // Beside months, the same label is the financial year to date.
        let months = try XCTUnwrap(EvidenceFixtures.csv("ref,title,polarity,Jun-22,2022/23 YTD\n1,Visits,High,90%,91%\n").dataset)
        XCTAssertEqual(months.periods.last, .yearToDate(startYear: 2022))
        // The JSON form reads the table the same way.
        let json = #"{"asAt": "Autumn 2022", "indicators": [{"ref": "1", "title": "Attendance", "polarity": "High", "values": {"Autumn 2022": "94%", "2022/23 YTD": "94.5%"}}]}"#
        XCTAssertEqual(KPIDatasetFile(data: Data(json.utf8), name: "t.json").dataset?.periods.last, .academicYearToDate(startYear: 2022))
    }

    func testBandCellsWithAPeriodAndCascadingBands() {
        func rate(_ red: String, _ amber: String, _ green: String, _ polarity: Polarity, _ value: Double) -> ComputedRAG {
            EvidenceFixtures.bands(red, amber, green, polarity).rate(value)
        }
        XCTAssertEqual(rate("50+", "", "<50 (2019/20)", .low, 55), .red)
        XCTAssertEqual(rate("50+", "", "<50 (2019/20)", .low, 49), .green)
        XCTAssertEqual(EvidenceFixtures.bands("50+", "", "<50 (2019/20)", .low).green, "<50 (2019/20)")
        // Cascading "at least" bands, low is good: 30+ red, 20 up to 30 amber, below 20 green.
        for (value, rag) in [(30.0, ComputedRAG.red), (29.9, .amber), (25, .amber), (20, .amber), (19.9, .green)] {
            XCTAssertEqual(rate("30%+", "20%+", "<20%", .low, value), rag, "\(value)")
        }
        // The mirrors: "below" bands high is good, and "below" bands low is good.
        for (value, rag) in [(19.9, ComputedRAG.red), (20, .amber), (29.9, .amber), (30, .green)] {
            XCTAssertEqual(rate("<20%", "<30%", "30%+", .high, value), rag, "\(value)")
        }
        for (value, rag) in [(30.0, ComputedRAG.red), (29.9, .amber), (20, .amber), (19.9, .green)] {
            XCTAssertEqual(rate("30%+", "<30%", "<20%", .low, value), rag, "\(value)")
        }
        // An amber beyond green is still refused, not cascaded.
        guard case .refused = EvidenceFixtures.bands("<20%", "35%+", "30%+", .high).rule else { return XCTFail("amber beyond green") }
    }
}
