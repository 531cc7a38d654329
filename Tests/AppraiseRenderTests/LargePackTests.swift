import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// A long list in the human formats: the leading options in full, the rest in the compact
/// tables, and everything still in JSON and CSV.
final class LargePackTests: XCTestCase {
    private func longList(_ count: Int) -> Appraisal { LargePackFixture.appraisal(count) }

    func testLongListsGiveTheLeadingOptionsInFullAndEverythingInJSONAndCSV() throws {
        let pack = try PackFixtures.pack(longList(45))
        let leading = pack.ranking.entries.prefix(ReportPack.optionsInFull).map(\.option)
        let rest = pack.ranking.entries.dropFirst(ReportPack.optionsInFull).map(\.option)
        XCTAssertEqual(rest.count, 15)
        let note = "The 30 leading options by rank are given in full here; the other 15 appear in the ranking and score tables, and every option's description and the reasons for every score are in options.csv, rationale.csv and report.json."
        let markdown = pack.markdown, html = pack.html
        XCTAssertTrue(markdown.contains(note))
        XCTAssertTrue(html.contains("The 30 leading options by rank are given in full here; the other 15 appear"))
        for id in leading {
            let number = id.dropFirst()
            XCTAssertTrue(markdown.contains("About option \(number)\n"), id)
            XCTAssertTrue(markdown.contains("- **For:** Reason \(number).0\n"), id)
            XCTAssertTrue(html.contains("<h3>Option \(number)</h3>"), id)
        }
        for id in rest {
            let number = id.dropFirst()
            XCTAssertFalse(markdown.contains("About option \(number)\n"), id)
            XCTAssertFalse(markdown.contains("Reason \(number).0\n"), id)
            XCTAssertFalse(html.contains("<h3>Option \(number)</h3>"), id)
            XCTAssertTrue(markdown.contains("| Option \(number) |"), "\(id) is still in the compact tables")
        }
        let files = Dictionary(uniqueKeysWithValues: pack.files().map { ($0.path, PackFixtures.string($0.contents)) })
        for option in 0..<45 {
            XCTAssertTrue(files["rationale.csv"]!.contains("Reason \(option).3"))
            XCTAssertTrue(files["options.csv"]!.contains("About option \(option)"))
            XCTAssertTrue(files["report.json"]!.contains("Reason \(option).3"))
        }
    }

    func testMemberFacingTablesOfOneRowPerOptionShowTheLeadingOptionsAndNameTheCSV() throws {
        let pack = try PackFixtures.pack(longList(45))
        let document = pack.document
        let leading = Set(pack.ranking.entries.prefix(ReportPack.optionsInFull).map { pack.appraisal.option($0.option)!.label })
        for (title, file) in [("The options considered", "ranking.csv and score-matrix.csv"), ("Ranking of options", "ranking.csv"),
                              ("Score matrix", "score-matrix.csv"), ("Weighted contributions to each total", "weighted-matrix.csv")] {
            let table = try XCTUnwrap(document.tables.first { $0.table.title.hasPrefix(title) }, title).table
            XCTAssertEqual(table.rows.count, ReportPack.optionsInFull, title)
            XCTAssertEqual(Set(table.rows.map { $0.first { leading.contains($0) } ?? "" }), leading, "\(title): the leading options")
            XCTAssertTrue(table.notes.contains { $0.contains("15") && $0.contains(file) }, "\(title): \(table.notes)")
        }
        XCTAssertEqual(PackFixtures.string(try XCTUnwrap(pack.files().first { $0.path == "ranking.csv" }).contents).split(separator: "\r\n").count, 46,
                       "the CSV holds every option")
    }

    func testWideRobustnessTablesShowTheirLeadingColumnsAndSayWhereTheRestAre() throws {
        let pack = try PackFixtures.pack(longList(45))
        let ranks = try XCTUnwrap(pack.sensitivity.tables.first { $0.id == "smaa-ranks" })
        XCTAssertGreaterThan(ranks.columns.count, ReportPack.tableColumnsInFull)
        let shown = pack.summarised(ranks)
        XCTAssertEqual(shown.columns.count, ReportPack.tableColumnsInFull)
        XCTAssertEqual(shown.rows, ranks.rows.map { Array($0.prefix(ReportPack.tableColumnsInFull)) })
        let note = "Shown: the first 45 of 45 rows and 40 of \(ranks.columns.count) columns; the whole table is in smaa-ranks.csv and report.json."
        XCTAssertEqual(shown.notes.last, note)
        XCTAssertTrue(pack.markdown.contains(note))
        XCTAssertTrue(pack.html.contains("the whole table is in smaa-ranks.csv and report.json."))
        let csv = PackFixtures.string(try XCTUnwrap(pack.files().first { $0.path == "smaa-ranks.csv" }).contents)
        XCTAssertEqual(csv.split(separator: "\r\n").first?.split(separator: ",").count, ranks.columns.count, "the CSV keeps every column")
        let small = try PackFixtures.pack(longList(8))
        for table in small.sensitivity.tables { XCTAssertEqual(small.summarised(table), table, "a shortlist's tables are whole") }
    }

    func testShortlistsAreGivenInFull() throws {
        let pack = try PackFixtures.pack(longList(ReportPack.optionsInFull))
        XCTAssertNil(pack.summarisedOptionsNote)
        for option in 0..<ReportPack.optionsInFull { XCTAssertTrue(pack.markdown.contains("Reason \(option).3\n")) }
    }
}

enum LargePackFixture {
    /// 45 options × 4 criteria on 0–10; option k scores (k × 7 + criterion) mod 11, so ranks are mixed.
    static func appraisal(_ count: Int) -> Appraisal {
        let criteria = (0..<4).map { Criterion(id: "c\($0)", name: "Criterion \($0)") }
        let options = (0..<count).map { Option(id: "o\($0)", name: "Option \($0)", description: "About option \($0)", strengths: ["S\($0)"]) }
        var scores: [Score] = []
        for option in 0..<count {
            for criterion in 0..<4 {
                scores.append(Score(option: "o\(option)", criterion: "c\(criterion)", value: Rational((option * 7 + criterion) % 11),
                                    rationale: [.init(kind: .for, text: "Reason \(option).\(criterion)")]))
            }
        }
        return Appraisal(id: "long", title: "Long list", body: "Council", date: "2025", scale: ScoreScale(minimum: .zero, maximum: Rational(10), step: .one),
                         criteria: criteria, options: options, scores: scores)
    }
}
