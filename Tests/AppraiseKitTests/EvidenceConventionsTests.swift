import XCTest
@testable import AppraiseKit

/// Conventions declared as dataset settings (arrow meaning, comparison basis, RAG basis) and
/// every period form, each as its own test on small datasets of my own.
final class EvidenceConventionsTests: XCTestCase {
    /// A low-is-good count that fell from 30 to 25 (an improvement) with a printed arrow.
    private func arrowDataset(_ settings: String, arrow: String, polarity: String = "Low", values: (String, String) = ("30", "25")) throws -> IndicatorAssessment {
        let file = EvidenceFixtures.csv("\(settings)ref,title,polarity,May-17,Jun-17,dot,red,amber,green\n1,Delays,\(polarity),\(values.0),\(values.1),\(arrow),40+,40<,28\n")
        let dataset = try XCTUnwrap(file.dataset, "\(file.messages)")
        return try XCTUnwrap(dataset.assessment().first)
    }

    private func kinds(_ item: IndicatorAssessment) -> [KPIFinding.Kind] { item.findings.map(\.kind) }

    func testArrowsWithoutADeclarationCannotBeJudged() throws {
        let item = try arrowDataset("", arrow: "↓")
        XCTAssertEqual(kinds(item), [.directionUnverifiable])
        XCTAssertTrue(item.findings[0].message.contains("cannot be judged: the dataset does not declare what its arrows mean"))
    }

    func testPerformanceArrows() throws {
        // 30 → 25 on a low-is-good row is an improvement: ↑ agrees, ↓ disagrees.
        XCTAssertEqual(kinds(try arrowDataset("arrows,performance\n", arrow: "↑")), [])
        XCTAssertEqual(kinds(try arrowDataset("arrows,performance\n", arrow: "↓")), [.directionDisagreement])
    }

    func testNumericDirectionArrows() throws {
        // The same fall printed ↓ is right when arrows show the number.
        XCTAssertEqual(kinds(try arrowDataset("arrows,numeric direction\n", arrow: "↓")), [])
        let wrong = try arrowDataset("arrows,numbers\n", arrow: "↑")
        XCTAssertEqual(kinds(wrong), [.directionDisagreement])
        XCTAssertTrue(wrong.findings[0].message.contains("arrows show numeric direction"), wrong.findings[0].message)
    }

    func testMultiStateArrowsCarryTargetStatus() throws {
        // 20 → 29 on low-is-good: a decline, and 29 misses green 28 (amber).
        XCTAssertEqual(kinds(try arrowDataset("arrows,multi-state\n", arrow: "J", values: ("20", "29"))), [])
        XCTAssertEqual(kinds(try arrowDataset("arrows,multi-state\n", arrow: "Ψ", values: ("20", "29"))), [])
        // 20 → 27: a decline but still green, so "decline, not on target" (Ψ) is wrong.
        let green = try arrowDataset("arrows,multi-state\n", arrow: "Ψ", values: ("20", "27"))
        XCTAssertEqual(kinds(green), [.directionDisagreement])
        XCTAssertTrue(green.findings[0].message.contains("not on target), but the bands give Green"), green.findings[0].message)
        // 20 → 45: red, so "decline within limits" (J) is wrong.
        XCTAssertEqual(kinds(try arrowDataset("arrows,multi-state\n", arrow: "J", values: ("20", "45"))), [.directionDisagreement])
        // `•` is "no movement but within limits of target": right at 27 → 27, wrong at 45 → 45 (red).
        XCTAssertEqual(kinds(try arrowDataset("arrows,multi-state\n", arrow: "•", values: ("27", "27"))), [])
        XCTAssertEqual(kinds(try arrowDataset("arrows,multi-state\n", arrow: "•", values: ("45", "45"))), [.directionDisagreement])
        // Under performance arrows the same `•` only says "no movement".
        XCTAssertEqual(kinds(try arrowDataset("arrows,performance\n", arrow: "•", values: ("45", "45"))), [])
    }

    func testComparisonYearOnYear() throws {
        let text = "comparison,year on year\narrows,performance\nref,title,polarity,Jun-16,May-17,Jun-17,dot\n1,Visits,High,90,95,92,↑\n"
        let item = try XCTUnwrap(EvidenceFixtures.csv(text).dataset?.assessment().first)
        XCTAssertEqual(item.previous?.period, .month(6, 2016))
        XCTAssertEqual(item.directionOfTravel, .improving)
        XCTAssertEqual(kinds(item), [.notRated])
        // Month on month the same arrow would be wrong (95 → 92).
        let monthly = try XCTUnwrap(EvidenceFixtures.csv(text.replacingOccurrences(of: "year on year", with: "month on month")).dataset?.assessment().first)
        XCTAssertEqual(monthly.directionOfTravel, .declining)
    }

    func testRAGBasis() throws {
        let rows = "ref,title,polarity,Jun-17,YTD 2017/18,2017/18,red,amber,green\n1,Visits,High,70%,85%,91%,<80%,80%>,90%\n"
        func rag(_ basis: String) throws -> ComputedRAG {
            try XCTUnwrap(EvidenceFixtures.csv("rag basis,\(basis)\n" + rows).dataset?.assessment().first).rag
        }
        XCTAssertEqual(try rag("in month"), .red)
        XCTAssertEqual(try rag("year to date"), .amber)
        XCTAssertEqual(try rag("year end"), .green)
        let bad = EvidenceFixtures.csv("rag basis,quarterly-ish\n" + rows)
        XCTAssertEqual(bad.diagnostics.map(\.code), ["bad-kpi-setting"])
        XCTAssertTrue(bad.messages[0].hasPrefix("test.csv:1:2: error: rag basis \"quarterly-ish\" is not one of in month, year to date, year end"), bad.messages[0])
    }

    func testOneMonthInArrears() throws {
        let text = "ref,title,polarity,unit,Apr-17,May-17,Jun-17\n1,Attendance,High,Primary % (One month in arrears),95.1%,95.6%,\n"
        let item = try XCTUnwrap(EvidenceFixtures.csv(text).dataset?.assessment().first)
        XCTAssertEqual(item.period, .month(5, 2017))
        XCTAssertEqual(item.value, 95.6)
        XCTAssertEqual(item.directionOfTravel, .improving)
        XCTAssertEqual(kinds(item), [.inArrears, .notRated])
    }

    // MARK: Periods

    func testOutturnAndYearToDateWrittenAfterTheYear() {
        XCTAssertEqual(Period.parse("2022/23 Outturn"), .financialYear(startYear: 2022))
        XCTAssertEqual(Period.parse("Out turn 2016/17"), .financialYear(startYear: 2016))
        XCTAssertEqual(Period.parse("2022/23 YTD"), .yearToDate(startYear: 2022))
        XCTAssertEqual(Period.parse("2017/18 Q1"), .quarter(1, startYear: 2017))
        // The quarterly scorecard's own headings (000:101), checked against the months named.
        XCTAssertEqual(Period.parse("Quarter 1 April - June 2016"), .quarter(1, startYear: 2016))
        XCTAssertEqual(Period.parse("Quarter 4 January - March 2017"), .quarter(4, startYear: 2016))
        XCTAssertNil(Period.parse("Quarter 2 April - June 2016"))
    }

    func testAcademicYears() {
        XCTAssertEqual(Period.parse("AY 2016/17"), .academicYear(startYear: 2016))
        XCTAssertEqual(Period.parse("Academic Year 2016/17"), .academicYear(startYear: 2016))
        XCTAssertEqual(Period.parse("2016/17 academic year")?.label, "AY 2016/17")
    }

    func testTermsWithACalendarYear() {
        // Autumn 2022 opens 2022/23; Spring and Summer 2023 belong to the same academic year.
        XCTAssertEqual(Period.parse("Autumn 2022"), .term(1, academicYear: 2022))
        XCTAssertEqual(Period.parse("Spring 2023"), .term(2, academicYear: 2022))
        XCTAssertEqual(Period.parse("Summer Term 2023"), .term(3, academicYear: 2022))
        XCTAssertEqual(Period.parse("Term 1 2016/17"), .term(1, academicYear: 2016))
        XCTAssertEqual(Period.parse("Autumn 2016/17")?.label, "Autumn 2016/17")
    }

    func testHalfTerms() {
        XCTAssertEqual(Period.parse("Autumn 1 2022"), .halfTerm(1, academicYear: 2022))
        XCTAssertEqual(Period.parse("Spring 2 2023"), .halfTerm(4, academicYear: 2022))
        XCTAssertEqual(Period.parse("Half term 5 2016/17"), .halfTerm(5, academicYear: 2016))
        XCTAssertEqual(Period.parse("HT6 2016/17")?.label, "Summer 2 2016/17")
    }

    func testBareTermsNeedTheAcademicYearSetting() throws {
        XCTAssertNil(Period.parse("Term 1"))
        XCTAssertEqual(Period.parse("Term 1", academicYear: 2016), .term(1, academicYear: 2016))
        XCTAssertEqual(Period.parse("Autumn 1", academicYear: 2016), .halfTerm(1, academicYear: 2016))
        let text = "academic year,2016/17\narrows,performance\nref,title,polarity,Term 1,Term 2,dot\n1,Absence,Low,5.1%,4.8%,↑\n"
        let item = try XCTUnwrap(EvidenceFixtures.csv(text).dataset?.assessment().first)
        XCTAssertEqual(item.period, .term(2, academicYear: 2016))
        XCTAssertEqual(item.previous?.period, .term(1, academicYear: 2016))
        XCTAssertEqual(item.directionOfTravel, .improving)
        // The JSON form takes the same setting as `academicYear`.
        let json = #"{"academicYear": "2016/17", "arrows": "performance", "indicators": [{"ref": "1", "title": "Absence", "polarity": "Low", "values": {"Term 1": "5.1%", "Term 2": "4.8%"}, "dot": "↑"}]}"#
        let fromJSON = KPIDatasetFile(data: Data(json.utf8), name: "terms.json")
        XCTAssertEqual(fromJSON.dataset?.periods, [.term(1, academicYear: 2016), .term(2, academicYear: 2016)], "\(fromJSON.messages)")
        XCTAssertEqual(fromJSON.dataset?.assessment().first?.findings.map(\.kind), [.notRated])
        // Without the setting, the academic year holding the latest month column (Oct-16 → 2016/17);
        // the outturn column 2015/16 says nothing about which year the terms are.
        let implied = EvidenceFixtures.csv("ref,title,polarity,2015/16,Oct-16,Term 1\n1,Absence,Low,5.5%,5.0%,5.1%\n")
        XCTAssertEqual(implied.dataset?.periods.last, .term(1, academicYear: 2016), "\(implied.messages)")
        XCTAssertEqual(implied.dataset?.conventions.academicYear, 2016)
        let missing = EvidenceFixtures.csv("ref,title,polarity,2015/16,Term 1\n1,Absence,Low,5.5%,5.1%\n")
        XCTAssertTrue(missing.messages.first?.contains("needs an academic year setting") ?? false, "\(missing.messages)")
    }

    func testRollingYears() {
        XCTAssertEqual(Period.parse("Rolling year to Jun-17"), .rollingYear(to: 6, 2017))
        XCTAssertEqual(Period.parse("12 months to June 2017"), .rollingYear(to: 6, 2017))
        XCTAssertEqual(Period.rollingYear(to: 6, 2017).previous, .rollingYear(to: 5, 2017))
        XCTAssertEqual(Period.rollingYear(to: 6, 2017).sameTimeLastYear, .rollingYear(to: 6, 2016))
    }

    func testOrderingAcrossKinds() {
        // Chronological by last month; the academic year ends in August, after the financial year.
        let labels = ["AY 2016/17", "Summer 2016/17", "2016/17", "Autumn 1 2016/17", "Autumn 2016/17", "Q3 2016/17", "Rolling year to Jan-17"]
        XCTAssertEqual(labels.compactMap { Period.parse($0) }.sorted().map(\.label),
                       ["Autumn 1 2016/17", "Q3 2016/17", "Autumn 2016/17", "Rolling year to Jan-17", "2016/17", "Summer 2016/17", "AY 2016/17"])
        // Previous and last year step within a kind: Summer → Spring, Autumn ← Summer of the year before.
        XCTAssertEqual(Period.term(1, academicYear: 2016).previous, .term(3, academicYear: 2015))
        XCTAssertEqual(Period.halfTerm(1, academicYear: 2016).sameTimeLastYear, .halfTerm(1, academicYear: 2015))
    }
}
