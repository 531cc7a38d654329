import XCTest
@testable import AppraiseKit

/// Cells, periods, polarity and the printed RAG / arrow vocabularies.
final class EvidenceValueTests: XCTestCase {
    // MARK: Printed values

    func testNumbersArePrintedValues() throws {
        let percent = try XCTUnwrap(PrintedValue("94.9%"))
        XCTAssertEqual(percent.status, .reported)
        XCTAssertEqual(percent.number, 94.9)
        XCTAssertTrue(percent.isPercentage)
        XCTAssertEqual(PrintedValue("1,188")?.number, 1188)         // 000:17 open cases
        XCTAssertEqual(PrintedValue("12.00%")?.number, 12)
        XCTAssertEqual(PrintedValue(" 0.29 ")?.text, "0.29")
        XCTAssertNil(PrintedValue("   "))
    }

    func testCountsBesideAPercentage() throws {
        // 002:77 "352/371 94.9%" and 002:76 "55 40.44%".
        let ratio = try XCTUnwrap(PrintedValue("352/371 94.9%"))
        XCTAssertEqual(ratio.numerator, 352)
        XCTAssertEqual(ratio.denominator, 371)
        XCTAssertEqual(ratio.number, 94.9)
        let count = try XCTUnwrap(PrintedValue("55 40.44%"))
        XCTAssertEqual(count.numerator, 55)
        XCTAssertNil(count.denominator)
        XCTAssertEqual(count.number, 40.44)
    }

    func testWordsAfterANumberAreAQualifier() throws {
        // 001:4267 "22.3% (Nov, Dec, Jan ave)"; 001:648 "98.6% - 31 March 2017".
        let average = try XCTUnwrap(PrintedValue("22.3% (Nov, Dec, Jan ave)"))
        XCTAssertEqual(average.number, 22.3)
        XCTAssertEqual(average.qualifier, "(Nov, Dec, Jan ave)")
        XCTAssertEqual(PrintedValue("98.6% - 31 March 2017")?.number, 98.6)
        XCTAssertEqual(PrintedValue("815 CAF's completed over the previous 3.5 year period")?.number, 815)
    }

    func testStatusesAreNeverNumbers() throws {
        for text in ["n/a", "N/A", "-"] {
            XCTAssertEqual(PrintedValue(text)?.status, .notApplicable, text)
            XCTAssertNil(PrintedValue(text)?.number)
        }
        // 000:17, 000:118, 000:116, 002:28, 000:409, 001:4218.
        for text in ["Reporting in progress", "Awaiting sign off", "Data in Development", "tbc", "Due to be reported January 2017",
                     "Q1 to be reported July 2017", "new"] {
            let cell = try XCTUnwrap(PrintedValue(text))
            XCTAssertEqual(cell.status, .pending, text)
            XCTAssertNil(cell.number, text)
            XCTAssertEqual(cell.text, text)
        }
    }

    // MARK: Periods

    func testPeriodLabels() {
        XCTAssertEqual(Period.parse("Oct-15"), .month(10, 2015))
        XCTAssertEqual(Period.parse("Nov 15"), .month(11, 2015))          // 002:24 prints "Nov 15"
        XCTAssertEqual(Period.parse("December 2016"), .month(12, 2016))
        XCTAssertEqual(Period.parse("2014/15"), .financialYear(startYear: 2014))
        XCTAssertEqual(Period.parse("2014/2015"), .financialYear(startYear: 2014))
        XCTAssertEqual(Period.parse("YTD 2015/16"), .yearToDate(startYear: 2015))
        XCTAssertEqual(Period.parse("Year To Date 2017/18"), .yearToDate(startYear: 2017))   // 001:4197
        XCTAssertEqual(Period.parse("Q1 2017/18"), .quarter(1, startYear: 2017))
        XCTAssertEqual(Period.parse("Quarter 3 2016/17"), .quarter(3, startYear: 2016))
        for text in ["2014/16", "Q5 2017/18", "YTD", "Octx-15", "Dec-2015x", "ref", ""] {
            XCTAssertNil(Period.parse(text), text)
        }
        XCTAssertEqual(Period.month(1, 2018).label, "Jan-18")
        XCTAssertEqual(Period.quarter(1, startYear: 2017).label, "Q1 2017/18")
        XCTAssertEqual(Period.yearToDate(startYear: 2009).label, "YTD 2009/10")
    }

    func testPeriodSteps() {
        XCTAssertEqual(Period.month(1, 2017).previous, .month(12, 2016))
        XCTAssertEqual(Period.month(6, 2017).sameTimeLastYear, .month(6, 2016))
        XCTAssertEqual(Period.quarter(1, startYear: 2017).previous, .quarter(4, startYear: 2016))
        XCTAssertEqual(Period.quarter(1, startYear: 2017).sameTimeLastYear, .quarter(1, startYear: 2016))
        XCTAssertEqual(Period.financialYear(startYear: 2016).previous, .financialYear(startYear: 2015))
        // A month belongs to the financial year holding its April ("Quarter 1 April - June", 000:101).
        XCTAssertEqual(Period.month(3, 2016).yearToDateColumn, .yearToDate(startYear: 2015))
        XCTAssertEqual(Period.month(4, 2016).yearToDateColumn, .yearToDate(startYear: 2016))
    }

    func testPeriodsSortChronologically() {
        let labels = ["YTD 2015/16", "Dec-15", "2014/15", "Q3 2015/16", "Oct-15", "2013/14", "2015/16"]
        XCTAssertEqual(labels.compactMap { Period.parse($0) }.sorted().map(\.label),
                       ["2013/14", "2014/15", "Oct-15", "Dec-15", "Q3 2015/16", "2015/16", "YTD 2015/16"])
    }

    // MARK: Polarity, printed RAG and arrows

    func testPolarityWords() {
        XCTAssertEqual(Polarity(printed: "High"), .high)
        XCTAssertEqual(Polarity(printed: "within  limits"), .withinLimits)
        XCTAssertEqual(Polarity(printed: "Within limits (low)"), .withinLimitsLow)   // 001:5216
        XCTAssertNil(Polarity(printed: "Good"))
        XCTAssertEqual(Polarity.withinLimitsLow.higherIsBetter, false)
        XCTAssertNil(Polarity.withinLimits.higherIsBetter)
    }

    func testDeclaredRAGVocabulary() throws {
        let ytd = try XCTUnwrap(DeclaredRAG(printed: "Yellow YTD"))               // 002:64
        XCTAssertEqual(ytd.rating, .amber)
        XCTAssertTrue(ytd.yearToDate)
        XCTAssertEqual(DeclaredRAG(printed: "R")?.rating, .red)                    // 001:4200
        XCTAssertEqual(DeclaredRAG(printed: "Green YTD")?.rating, .green)
        XCTAssertEqual(DeclaredRAG(printed: "Grey")?.isGrey, true)                 // 002:57
        XCTAssertEqual(DeclaredRAG(printed: "YTD")?.rating, nil)
        XCTAssertNil(DeclaredRAG(printed: "Purple"))
        XCTAssertNil(DeclaredRAG(printed: "Red Grey"))
    }

    func testDeclaredArrowVocabulary() {
        XCTAssertEqual(DeclaredDirection(printed: "↑")?.movement, .rising)
        XCTAssertEqual(DeclaredDirection(printed: "⬇")?.movement, .falling)       // 001:5306
        XCTAssertEqual(DeclaredDirection(printed: "Ψ")?.movement, .falling)       // 000:17
        XCTAssertEqual(DeclaredDirection(printed: "J")?.movement, .falling)
        XCTAssertEqual(DeclaredDirection(printed: "➡")?.movement, .level)
        XCTAssertEqual(DeclaredDirection(printed: "new")?.movement, .new)         // 002:101
        XCTAssertNil(DeclaredDirection(printed: "1"))
    }

    func testDirectionOfTravelFollowsPolarity() {
        // 002:32 2.7, Low: 31.4% → 31.0% is an improvement, printed ↑.
        XCTAssertEqual(DirectionOfTravel(from: 31.4, to: 31.0, polarity: .low), .improving)
        XCTAssertEqual(DirectionOfTravel(from: 85.3, to: 83.9, polarity: .high), .declining)
        XCTAssertEqual(DirectionOfTravel(from: 5.0, to: 5.0, polarity: .low), .noChange)
        // Info and Within Limits rows move in numbers (001:5304–5307).
        XCTAssertEqual(DirectionOfTravel(from: 354.4, to: 384.4, polarity: .info), .up)
        XCTAssertEqual(DirectionOfTravel(from: 13.3, to: 19.2, polarity: .withinLimits), .up)
        XCTAssertEqual(DirectionOfTravel(from: 18, to: 18, polarity: .withinLimits), .same)
        XCTAssertEqual(DirectionOfTravel.improving.arrow, "↑")
    }
}
