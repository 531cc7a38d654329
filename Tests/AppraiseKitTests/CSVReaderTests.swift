import XCTest
@testable import AppraiseKit

/// RFC 4180 as spreadsheets write it: separators, quotes, line ends, encodings, and errors
/// that name the line.
final class CSVReaderTests: XCTestCase {
    private func read(_ text: String) throws -> CSVTable { try CSVReader.read(Data(text.utf8), fileName: "t.csv") }

    private func error(_ data: Data) -> CSVError? {
        do {
            _ = try CSVReader.read(data, fileName: "t.csv")
            return nil
        } catch {
            return error
        }
    }

    func testRowsKeepTheirLineNumbers() throws {
        let table = try read("a,b,c\n1,2,3\n\n4,5,6")
        XCTAssertEqual(table.separator, .comma)
        XCTAssertEqual(table.rows, [CSVRow(line: 1, fields: ["a", "b", "c"]), CSVRow(line: 2, fields: ["1", "2", "3"]),
                                    CSVRow(line: 3, fields: [""]), CSVRow(line: 4, fields: ["4", "5", "6"])])
        XCTAssertTrue(table.rows[2].isBlank)
    }

    func testQuotedFieldsWithDoubledQuotesSeparatorsAndLineBreaks() throws {
        let table = try read("title,note\n\"Rate per 10,000\",\"said \"\"tbc\"\"\"\n\"two\nlines\",x\nnext,row\n")
        XCTAssertEqual(table.rows[1].fields, ["Rate per 10,000", "said \"tbc\""])
        XCTAssertEqual(table.rows[2], CSVRow(line: 3, fields: ["two\nlines", "x"]))
        XCTAssertEqual(table.rows[3].line, 5)   // the record after a two-line field starts on line 5
    }

    func testCRLFAndLoneCRLineEnds() throws {
        XCTAssertEqual(try read("a,b\r\n1,2\r\n").rows.map(\.fields), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(try read("a,b\r1,2").rows.map(\.line), [1, 2])
        XCTAssertEqual(try read("a\r\n\"x\r\ny\"\r\n").rows[1].fields, ["x\ny"])
    }

    func testEmptyTrailingFieldsAndQuotedEmptyField() throws {
        XCTAssertEqual(try read("a,,\n\"\"").rows.map(\.fields), [["a", "", ""], [""]])
    }

    func testSemicolonDetectedFromTheHeaderLine() throws {
        let table = try read("ref;title;note\n1;\"a; b\";3,5\n")
        XCTAssertEqual(table.separator, .semicolon)
        XCTAssertEqual(table.rows[1].fields, ["1", "a; b", "3,5"])
        // Separators inside quotes do not count: this header has one comma and two semicolons.
        XCTAssertEqual(try read("\"a,b\";c;d\n").separator, .semicolon)
        XCTAssertEqual(try read("a;b,c\n").separator, .comma)   // a tie goes to commas
    }

    func testByteOrderMarkIsSkipped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("ref,title\n1,x\n".utf8))
        XCTAssertEqual(try CSVReader.read(data, fileName: "t.csv").rows[0].fields, ["ref", "title"])
    }

    func testUnicodeTextSurvives() throws {
        XCTAssertEqual(try read("dot,band\n↑,±5 – “ok”\n").rows[1].fields, ["↑", "±5 – “ok”"])
    }

    func testEmptyFileIsRefused() {
        XCTAssertEqual(error(Data())?.description, "t.csv:1: the file is empty; it needs a header row and at least one row of data")
        XCTAssertEqual(error(Data([0xEF, 0xBB, 0xBF, 0x0A, 0x0A]))?.line, 1)
        // A file of nothing but blanks is not called empty: the officer is told what it holds.
        XCTAssertEqual(error(Data(String(repeating: " ", count: 5000).utf8))?.description,
                       "t.csv:1: the file's 5000 bytes are all white space, separators or line ends, with no cell filled in; it needs a header row and at least one row of data")
        XCTAssertEqual(error(Data(" , ,\n\n , \r\n".utf8))?.message.hasPrefix("the file's 11 bytes are all white space"), true)
    }

    func testInvalidUTF8NamesTheLineAndTheFix() {
        // "£5" saved as Windows-1252 on line 3.
        let data = Data("a,b\n1,2\n".utf8) + Data([0xA3, 0x35, 0x0A])
        XCTAssertEqual(error(data)?.description, "t.csv:3: this line is not valid UTF-8 text; save the file as \"CSV UTF-8\" from the spreadsheet")
    }

    func testUnterminatedQuoteNamesTheLineItOpened() {
        XCTAssertEqual(error(Data("a,b\n1,\"open\n2,3\n".utf8))?.line, 2)
        XCTAssertTrue(error(Data("a,b\n1,\"open\n".utf8))?.message.contains("never closed") ?? false)
    }

    func testTextAfterAClosingQuoteIsRefused() {
        let found = error(Data("a,b\n\"x\"y,2\n".utf8))
        XCTAssertEqual(found?.line, 2)
        XCTAssertTrue(found?.message.contains("text follows a closing quote") ?? false)
    }

    func testQuoteInsideAnUnquotedFieldIsKept() throws {
        XCTAssertEqual(try read("a\n5\" pipe\n").rows[1].fields, ["5\" pipe"])
    }
}
