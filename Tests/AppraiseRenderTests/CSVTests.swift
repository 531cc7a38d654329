import AppraiseKit
@testable import AppraiseRender
import XCTest

/// CSV: RFC 4180, UTF-8 with a byte-order mark for Excel, and no cell a spreadsheet would run.
final class CSVTests: XCTestCase {
    func testFormulaTriggersAreNeutralised() {
        let hostile = [
            "=1+1", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "-A1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
            "\n=1+1", " =1+1", "   @SUM(A1)", "\u{A0}=1", "\u{FF1D}1+1", "\u{FF0B}1", "\u{FF0D}1", "\u{FF20}SUM(A1)",
            "=cmd|' /C calc'!A0", "-", "+", "=",
        ]
        for text in hostile {
            let field = CSVTableRenderer.field(text)
            let cell = unquoted(field)
            XCTAssertEqual(cell.first, "'", "\(text.debugDescription) must start with an apostrophe, got \(field.debugDescription)")
            XCTAssertEqual(String(cell.dropFirst()), text, "the text itself is kept")
        }
    }

    func testPlainNumbersAndOrdinaryTextStayAsTheyAre() {
        for text in ["-2", "+3", "4.5", "-0.25", "33", "0", "82.5%", "2=", "Peer Practice Partner", "Wholly Owned Company – Trust",
                     "– against", "a=b", "x@y", "'already quoted", ""] {
            XCTAssertEqual(CSVTableRenderer.field(text), text, text.debugDescription)
        }
    }

    func testFieldsThatNeedQuotingAreQuoted() {
        XCTAssertEqual(CSVTableRenderer.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVTableRenderer.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVTableRenderer.field("a;b"), "\"a;b\"", "semicolons too, for locales that separate with them")
        XCTAssertEqual(CSVTableRenderer.field("line\nbreak"), "\"line\nbreak\"")
        // "\r\n" is one Swift Character; it must still be seen as a line break and quoted.
        XCTAssertEqual(CSVTableRenderer.field("line\r\nbreak"), "\"line\r\nbreak\"")
        // A quote followed by a combining mark is one Character; the quote is still doubled.
        XCTAssertEqual(CSVTableRenderer.field("a\"\u{301}b"), "\"a\"\"\u{301}b\"")
        XCTAssertEqual(CSVTableRenderer.field("=1,2"), "\"'=1,2\"", "neutralised and quoted")
    }

    func testHostileTableParsesBackCellForCell() throws {
        let cells = ["=1+1", "a,b", "say \"hi\"", "line\r\nbreak", "café – ü", "-2", "@x", "\t", ""]
        let table = Table(id: "t", title: "T", columns: cells.indices.map { .init("c\($0)") }, rows: [cells, cells.reversed()])
        let text = CSVTableRenderer.render(table)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        let records = try RFC4180.parse(text)
        XCTAssertEqual(records.count, 3)
        XCTAssertEqual(records[0], cells.indices.map { "c\($0)" })
        let expected = cells.map { CSVTableRenderer.isFormulaLike($0) && !CSVTableRenderer.isPlainNumber($0) ? "'" + $0 : $0 }
        XCTAssertEqual(records[1], expected)
        XCTAssertEqual(records[2], expected.reversed())
    }

    func testPackCSVFilesStartWithOneByteOrderMarkAndParse() throws {
        let pack = try PackFixtures.reference()
        let files = pack.files([.csv]).filter { $0.path.hasSuffix(".csv") }
        XCTAssertEqual(files.map(\.path), ["appraisal.csv"] + PackTests.longListFiles + ["criteria.csv", "options.csv", "groups.csv", "scale.csv", "ranking.csv", "score-matrix.csv", "weighted-matrix.csv",
                                           "rationale.csv", "reconciliation.csv"] + PackTests.sensitivityFiles + PackTests.evidenceFiles)
        for file in files {
            XCTAssertEqual(Array(file.contents.prefix(3)), [0xEF, 0xBB, 0xBF], "\(file.path) starts with the UTF-8 byte-order mark")
            let text = PackFixtures.string(file.contents)
            XCTAssertFalse(text.dropFirst().contains("\u{FEFF}"), "\(file.path): one mark only")
            let records = try RFC4180.parse(String(text.dropFirst()))
            XCTAssertGreaterThanOrEqual(records.count, 1, "\(file.path) has at least its header")
            XCTAssertTrue(records.allSatisfy { $0.count == records[0].count }, "\(file.path): every record has one field per column")
        }
    }

    func testSpreadsheetTotalsAreNumbersNotDates() throws {
        // "7/10" typed into a spreadsheet becomes 7 October; totals and maxima go in separate cells.
        let pack = try PackFixtures.pack(PackFixtures.small())
        let ranking = try RFC4180.parse(String(try PackFixtures.file(pack, "ranking.csv").dropFirst()))
        XCTAssertEqual(ranking[0], ["Rank", "Option ID", "Option", "Total", "Maximum", "Percent", "Margin to next"])
        XCTAssertEqual(ranking[1], ["1=", "alpha", "Alpha", "9", "15", "60.0%", "0"])
        XCTAssertEqual(ranking[3], ["3", "gamma", "Gamma", "6", "15", "40.0%", ""])
        for name in ["ranking.csv", "score-matrix.csv", "weighted-matrix.csv", "rationale.csv"] {
            let text = try PackFixtures.file(pack, name)
            XCTAssertFalse(text.contains("/15"), "\(name) has no 'x/15' cells")
        }
    }

    func testHostileNamesAreNeutralisedInEveryPackCSV() throws {
        let pack = try PackFixtures.pack(PackFixtures.hostile())
        for file in pack.files([.csv]) where file.path.hasSuffix(".csv") {
            let records = try RFC4180.parse(String(PackFixtures.string(file.contents).dropFirst()))
            for cell in records.joined() {
                XCTAssertFalse(CSVTableRenderer.isFormulaLike(cell) && !CSVTableRenderer.isPlainNumber(cell),
                               "\(file.path): \(cell.debugDescription) would run as a formula")
            }
        }
        let options = try RFC4180.parse(String(try PackFixtures.file(pack, "options.csv").dropFirst()))
        XCTAssertEqual(options[3][1], "'" + PackFixtures.formula)
        let rationale = try RFC4180.parse(String(try PackFixtures.file(pack, "rationale.csv").dropFirst()))
        XCTAssertEqual(rationale[1][7], "'-2+3 | pipe\r\nnext line", "the Against cell keeps its text and line break")
    }

    private func unquoted(_ field: String) -> String {
        guard field.hasPrefix("\""), field.hasSuffix("\""), field.count >= 2 else { return field }
        return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
}
