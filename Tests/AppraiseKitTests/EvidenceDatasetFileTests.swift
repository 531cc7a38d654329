import XCTest
@testable import AppraiseKit

/// The dataset file format: CSV as pasted from a spreadsheet, the same dataset as JSON, and a
/// one-line message naming the file, the place and the fix for every bad input.
final class EvidenceDatasetFileTests: XCTestCase {
    private let sample = """
        dataset,sample-2015
        title,Sample scorecard
        as at,Dec-15
        direction of travel,month on month

        NO.,INDICATOR,GOOD PERF IS,DATA NOTE (Monthly),Nov 15,Dec 15,YTD 2015/16,DOT (Month on Month),RAG (in month unless stated),red,amber,Target Green,2014/15,STAT NEIGH AVE,source
        2.5,% of referrals going onto assessment,High,Percentage,76.0%,79.2%,80.9%,↑,,<83%,83%>,86%,69.6%,85.9%,002:30
        6.7,Number of discontinuations of a CP plan per 10000,High,Rate per 10000,12.6,7.8,85.1,↓,Yellow YTD,<55,55>,59.9,85.38,67.8,002:64
        2.1,Number of contacts,Info,Count,1029,1041,8727,↑,,,,n/a,10517,,002:26

        """

    func testScorecardHeadingsPasteAsTheyArePrinted() throws {
        let file = EvidenceFixtures.csv(sample)
        XCTAssertEqual(file.messages, [])
        let dataset = try XCTUnwrap(file.dataset)
        XCTAssertEqual(dataset.id, "sample-2015")
        XCTAssertEqual(dataset.asAt, .month(12, 2015))
        XCTAssertEqual(dataset.directionOfTravelBasis, "month on month")
        XCTAssertEqual(dataset.periods.map(\.label), ["2014/15", "Nov-15", "Dec-15", "YTD 2015/16"])
        XCTAssertEqual(dataset.indicators.map(\.ref), ["2.5", "6.7", "2.1"])     // file order
        let rate = try XCTUnwrap(dataset.indicator("6.7"))
        XCTAssertTrue(rate.ratesYearToDate)
        XCTAssertEqual(rate.benchmarks, [Benchmark(kind: .statNeighbourAverage, printed: try XCTUnwrap(PrintedValue("67.8")))])
        XCTAssertEqual(rate.source, "002:64")
        XCTAssertEqual(rate.line, 8)
        XCTAssertEqual(dataset.indicator("2.1")?.bands.rule, ToleranceBands.Rule.none)
    }

    func testIdDefaultsToTheFileNameAndAsAtToTheLatestMonth() throws {
        let file = EvidenceFixtures.csv("ref,title,polarity,Oct-15,Nov-15,2014/15\n1,Contacts,Info,3,4,40\n", name: "kpi/contacts-2015.csv")
        let dataset = try XCTUnwrap(file.dataset)
        XCTAssertEqual(dataset.id, "contacts-2015")
        XCTAssertEqual(dataset.title, "contacts-2015")
        XCTAssertEqual(dataset.asAt, .month(11, 2015))
    }

    func testSemicolonsAndAByteOrderMarkAsExcelWritesThem() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("ref;title;polarity;Nov-15;Dec-15\r\n2.7;\"% re-referral; current month\";Low;31.4%;\"1,188\"\r\n".utf8))
        let dataset = try XCTUnwrap(KPIDatasetFile(data: data, name: "semi.csv").dataset)
        XCTAssertEqual(dataset.indicators[0].title, "% re-referral; current month")
        XCTAssertEqual(dataset.indicators[0].observation(at: .month(11, 2015))?.value, 31.4)
        XCTAssertEqual(dataset.indicators[0].observation(at: .month(12, 2015))?.value, 1188)
    }

    func testADecimalCommaIsRefusedNotMisread() {
        let file = KPIDatasetFile(data: Data("ref;title;polarity;Nov-15\n2.7;Re-referrals;Low;31,4%\n".utf8), name: "semi.csv")
        XCTAssertEqual(file.messages, ["semi.csv:2:4: warning: \"31,4%\" starts like a number but cannot be read as one; write decimals with a point (31.4%) and thousands as 1188 or 1,188; the row is not rated until then [row 2, Nov-15 (column D)]"])
        // The row is kept, unrated with the reason, rather than the file refused.
        let item = file.dataset?.assessment().first
        XCTAssertEqual(item?.rag.label, "not rated")
        XCTAssertEqual(item?.findings.map(\.kind), [.unreadableCell])
        XCTAssertNil(item?.printed)
    }

    func testJSONFormGivesTheSameDataset() throws {
        let json = """
            {
              "dataset": "sample-2015", "title": "Sample scorecard", "asAt": "Dec-15", "directionOfTravel": "month on month",
              "indicators": [
                { "ref": "2.5", "title": "% of referrals going onto assessment", "polarity": "High", "unit": "Percentage",
                  "values": { "Nov-15": "76.0%", "Dec-15": "79.2%", "YTD 2015/16": "80.9%", "2014/15": "69.6%" },
                  "dot": "↑", "red": "<83%", "amber": "83%>", "green": "86%",
                  "benchmarks": { "snAverage": "85.9%" }, "source": "002:30" },
                { "ref": "6.7", "title": "Number of discontinuations of a CP plan per 10000", "polarity": "High", "unit": "Rate per 10000",
                  "values": { "Nov-15": 12.6, "Dec-15": 7.8, "YTD 2015/16": 85.1, "2014/15": 85.38 },
                  "dot": "↓", "rag": "Yellow YTD", "red": "<55", "amber": "55>", "green": 59.9,
                  "benchmarks": { "snAverage": 67.8 }, "source": "002:64" },
                { "ref": "2.1", "title": "Number of contacts", "polarity": "Info", "unit": "Count",
                  "values": { "Nov-15": 1029, "Dec-15": 1041, "YTD 2015/16": 8727, "2014/15": 10517 },
                  "dot": "↑", "rag": null, "green": "n/a", "source": "002:26" }
              ]
            }
            """
        let fromJSON = KPIDatasetFile(data: Data(json.utf8), name: "sample.json")
        XCTAssertEqual(fromJSON.messages, [])
        let jsonDataset = try XCTUnwrap(fromJSON.dataset)
        let csvDataset = try XCTUnwrap(EvidenceFixtures.csv(sample).dataset)
        XCTAssertEqual(jsonDataset.periods, csvDataset.periods)
        XCTAssertEqual(jsonDataset.assessment(), csvDataset.assessment())
        XCTAssertEqual(jsonDataset.indicators.map(\.source), csvDataset.indicators.map(\.source))
    }

    func testJSONProblemsNameThePath() {
        let json = #"{ "asAt": "Dec-15", "indicators": [ { "ref": "1", "title": "T", "polarity": "Info", "values": { "Dec 2015x": "3" }, "colour": "red", "rag": ["R"] } ] }"#
        let messages = KPIDatasetFile(data: Data(json.utf8), name: "bad.json").messages
        XCTAssertTrue(messages.contains { $0.hasPrefix("bad.json:1:") && $0.contains("\"Dec 2015x\" is not a period") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("unknown field \"colour\"") && $0.contains("[indicators[0].colour]") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("expected the cell as text") && $0.contains("[indicators[0].rag]") }, "\(messages)")
        XCTAssertEqual(KPIDatasetFile(data: Data("{".utf8), name: "broken.json").diagnostics.first?.code, "malformed-json")
    }

    // MARK: One-line errors: file, place, fix

    private func messages(_ csv: String) -> [String] { EvidenceFixtures.csv(csv).messages }

    func testUnknownColumnSuggestsTheNearestName() {
        let found = messages("ref,title,polarty,Dec-15\n1,Contacts,Info,3\n")
        XCTAssertEqual(found.count, 2, "\(found)")
        XCTAssertEqual(found[0], "test.csv:1:1: error: the header has no polarity column; add it [header]")
        XCTAssertTrue(found[1].hasPrefix("test.csv:1:3: warning: \"polarty\" is neither a column this tool knows nor a period label (did you mean \"polarity\"?), so its cells are left out"), found[1])
    }

    func testBadCellsNameRowAndColumn() {
        let found = messages("""
            ref,title,polarity,Dec-15,rag,dot
            1,Contacts,Hi,3,,
            2,Referrals,High,4,Purple,
            3,Visits,Low,5,,up-ish
            3,Visits again,Low,5,,
            ,No ref,Low,5,,
            """)
        XCTAssertTrue(found.contains { $0.hasPrefix("test.csv:2:3: error: polarity \"Hi\" is not one of High, Low, Info, Within Limits, Within limits (low) [row 2, polarity (column C)]") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("test.csv:3:5: warning: rag \"Purple\" is not a RAG; write Red, Amber (or Yellow), Green") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("test.csv:4:6: warning: dot \"up-ish\" is not a direction of travel") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("test.csv:5:1: error: ref 3 is used again (first on line 4); give each measure line its own ref, e.g. 3/number and 3/%") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("test.csv:6:1: error: ref is empty; every indicator row needs its printed reference") }, "\(found)")
        XCTAssertNil(EvidenceFixtures.csv("ref,title,polarity,Dec-15\n1,Contacts,Hi,3\n").dataset)
    }

    func testSettingsAreChecked() {
        XCTAssertTrue(messages("as at,Dec 2015x\nref,title,polarity,Dec-15\n1,C,Info,3\n")[0]
            .hasPrefix("test.csv:1:2: error: as at \"Dec 2015x\" is not a period; write it like Dec-15"))
        XCTAssertTrue(messages("as at,Jan-16\nref,title,polarity,Dec-15\n1,C,Info,3\n")[0]
            .contains("as at Jan-16 is not one of the period columns (Dec-15); add its column or correct the setting"))
        XCTAssertTrue(messages("asat,Dec-15\nref,title,polarity,Dec-15\n1,C,Info,3\n")[0]
            .contains("\"asat\" is not a dataset setting (dataset, title, service, as at, edition, direction of travel, benchmark vintage, source, arrows, comparison, rag basis, band reading, academic year)"))
        XCTAssertTrue(messages("dataset,sc 2015\nref,title,polarity,Dec-15\n1,C,Info,3\n")[0]
            .contains("dataset id \"sc 2015\" may use only letters, digits"))
    }

    func testMissingHeaderStrayCellsAndEmptyTables() {
        XCTAssertTrue(messages("title,Only settings\n")[0].contains("no header row found; add a row naming the columns"))
        XCTAssertTrue(messages("ref,title,polarity,Dec-15\n1,C,Info,3,oops\n")[0]
            .hasPrefix("test.csv:2:5: error: \"oops\" sits in column E, which has no heading"))
        XCTAssertTrue(messages("ref,title,polarity,Dec-15\n")[0].contains("the dataset has no indicator rows"))
        XCTAssertTrue(messages("ref,title,polarity,Dec-15,Dec 15\n1,C,Info,3,3\n")[0].contains("period Dec-15 appears twice"))
    }

    func testCSVSyntaxErrorsBecomeDiagnostics() {
        XCTAssertEqual(messages("ref,title\n1,\"open\n"),
                       ["test.csv:2:1: error: a quoted field opened on this line is never closed; add the closing quote (a quote inside a field is written \"\")"])
        let latin1 = KPIDatasetFile(data: Data([0x72, 0x65, 0x66, 0x0A, 0xA3, 0x35, 0x0A]), name: "latin1.csv")
        XCTAssertEqual(latin1.messages, ["latin1.csv:2:1: error: this line is not valid UTF-8 text; save the file as \"CSV UTF-8\" from the spreadsheet"])
    }

    func testUnreadableFile() {
        let file = KPIDatasetFile(contentsOf: URL(fileURLWithPath: "/nonexistent/kpi.csv"), name: "kpi.csv")
        XCTAssertEqual(file.messages, ["kpi.csv: error: no such file; check the path"])
    }
}
