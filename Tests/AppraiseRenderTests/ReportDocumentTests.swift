import AppraiseKit
@testable import AppraiseRender
import Foundation
import XCTest

/// The report document is built once and every member-facing format renders it: none may drop a
/// section, table or figure, and none may show what only an officer can use (identifiers, source
/// line numbers, commands).
final class ReportDocumentTests: XCTestCase {
    /// The reference appraisals, a programme, a long list of 45 and a small weighted one.
    private func packs() throws -> [(String, ReportPack)] {
        [("2017 review", try PackFixtures.reference()), ("SEND programme", try PackFixtures.reference("rotherham-send-2017")),
         ("45 options", try PackFixtures.pack(LargePackFixture.appraisal(45))),
         ("weighted small", try PackFixtures.pack(PackFixtures.small(weights: [Rational(50), Rational(30), Rational(20)])))]
    }

    /// The text a reader sees in a Word file: every run's text, one paragraph a line.
    private func wordText(_ pack: ReportPack) throws -> String {
        let xml = PackFixtures.string(try XCTUnwrap(try StoredZip.parts(pack.docx)["word/document.xml"]))
        return visible(xml.replacingOccurrences(of: "</w:p>", with: "\n").replacingOccurrences(of: "<w:tab/>", with: "\t"))
    }

    /// Markup removed (scripts and data blocks with their content), entities decoded.
    private func visible(_ markup: String) -> String {
        var text = markup
        for pattern in ["<script[^>]*>.*?</script>", "<style>.*?</style>", "<title[^>]*>.*?</title>", "<[^>]+>"] {
            text = text.replacingOccurrences(of: pattern, with: pattern == "<[^>]+>" ? "" : " ", options: [.regularExpression, .caseInsensitive])
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    func testEveryFormatHoldsEverySectionTableAndFigureOfTheOneDocument() throws {
        for (name, pack) in try packs() {
            let document = pack.document
            XCTAssertEqual(document, pack.document, "\(name): built the same every time")
            let markdown = document.markdown, summary = document.summaryMarkdown, text = document.text
            let html = visible(pack.html), word = try wordText(pack)
            let everything = document.front + document.appendices
            XCTAssertGreaterThan(document.appendices.count, 4, name)
            for section in everything {
                let heading = document.heading(of: section)
                XCTAssertTrue(markdown.contains("## " + MarkdownTableRenderer.escape(heading) + "\n"), "\(name): \(heading) in report.md")
                XCTAssertTrue(html.contains(heading), "\(name): \(heading) in report.html")
                XCTAssertTrue(word.contains(heading + "\n"), "\(name): \(heading) in report.docx")
                let front = document.front.contains(section)
                XCTAssertEqual(summary.contains("## " + MarkdownTableRenderer.escape(heading) + "\n"), front, "\(name): summary.md holds the front section only")
                XCTAssertEqual(text.contains("\n" + heading + "\n"), front, "\(name): the printed summary holds the front section only")
                for table in section.tables {
                    XCTAssertTrue(markdown.contains(MarkdownTableRenderer.escape(table.caption) + "\n"), "\(name): \(table.caption) in report.md")
                    XCTAssertTrue(html.contains(table.caption), "\(name): \(table.caption) in report.html")
                    XCTAssertTrue(word.contains(table.caption + "\n"), "\(name): \(table.caption) in report.docx")
                    if front { XCTAssertTrue(summary.contains(MarkdownTableRenderer.escape(table.caption))) }
                    if front { XCTAssertTrue(text.contains(table.caption)) }
                    for row in table.table.rows { XCTAssertTrue(word.contains(row[table.rowHeader]), "\(name): \(table.caption) row \(row[table.rowHeader])") }
                }
                for figure in section.figures {
                    XCTAssertTrue(markdown.contains("*\(MarkdownTableRenderer.escape(figure.caption)).*"), "\(name): \(figure.caption) in report.md")
                    XCTAssertTrue(html.contains(figure.caption), "\(name): \(figure.caption) in report.html")
                    XCTAssertTrue(word.contains(figure.caption + ". "), "\(name): \(figure.caption) in report.docx")
                }
                for paragraph in section.paragraphs.prefix(3) where front {
                    XCTAssertTrue(word.contains(paragraph), "\(name): paragraph of \(heading) in report.docx")
                }
            }
            // Tables and figures are numbered 1, 2, 3 … in reading order.
            XCTAssertEqual(document.tables.map(\.number), Array(1...document.tables.count), name)
            XCTAssertEqual(document.figures.map(\.number), Array(1...max(1, document.figures.count)).prefix(document.figures.count).map { $0 }, name)
            // The answer leads every format.
            // summary.md wraps its lines: compared with the line breaks as spaces.
            let unwrapped = summary.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: " +", with: " ", options: .regularExpression)
            for (format, output) in [("md", markdown), ("summary", unwrapped), ("text", text), ("html", html), ("docx", word)] {
                let answer = try XCTUnwrap(output.range(of: format == "md" || format == "summary" ? MarkdownReport.escape(document.answer) : document.answer),
                                           "\(name): the answer in \(format)")
                let firstSection = try XCTUnwrap(output.range(of: document.heading(of: document.front[0])), "\(name) \(format)")
                XCTAssertLessThan(answer.lowerBound, firstSection.lowerBound, "\(name): the answer before section 1 in \(format)")
            }
        }
    }

    func testTheProgrammeAnswerSaysWhatToFundWhatItCostsAndWhatCannotBeReached() throws {
        let document = try PackFixtures.reference("rotherham-send-2017").document
        XCTAssertEqual(document.answer, "Fund these 8 proposals for £637,000, 85 places; 125 places cannot be reached within £740,000.")
        let recommendations = try XCTUnwrap(document.front.first { $0.id == "recommendations" }).paragraphs
        XCTAssertTrue(recommendations.contains { $0.hasPrefix("That members agree to fund Waverley ASC, Nexus SLD, Rowan ASC") && $0.hasSuffix("at a cost of £637,000.") })
        XCTAssertTrue(document.markdown.contains("The programme in detail"))
        XCTAssertTrue(try wordText(PackFixtures.reference("rotherham-send-2017")).contains("The best programme"), "the programme is in the Word file")
    }

    func testRisksAndQuestionsComeFromTheFindings() throws {
        let document = try PackFixtures.reference().document
        let risks = try XCTUnwrap(document.front.first { $0.id == "risks" })
        guard case .list(let items)? = risks.blocks.last else { return XCTFail("risks are a list") }
        XCTAssertTrue(items.contains("If Child Focused carried more than 8/15 of the weight (now 12.5%), Community Interest Company would come first."), "\(items)")
        XCTAssertTrue(items.first?.hasPrefix("The published appraisal contains an error: the published total for Shared Service") ?? false)
        let questions = try XCTUnwrap(document.front.first { $0.id == "questions" })
        guard case .list(let asked)? = questions.blocks.last else { return XCTFail("questions are a list") }
        XCTAssertTrue(asked.contains("If Child Focused carried more than 8/15 of the weight, Community Interest Company would come first: is 12.5% the right weight for Child Focused?"), "\(asked)")
    }

    func testNoMemberFacingFormatShowsIdentifiersLineNumbersOrCommands() throws {
        for (name, pack) in try packs() {
            let document = pack.document
            let outputs = [("report.md", document.markdown), ("summary.md", document.summaryMarkdown), ("summary", document.text),
                           ("report.html", visible(pack.html)), ("report.docx", try wordText(pack))]
            // Identifier-shaped ids only: "mutual" is also a word.
            let identifiers = (pack.appraisal.options.map(\.id) + pack.appraisal.criteria.map(\.id)).filter { $0.contains("-") || $0.contains(where: \.isNumber) }
            for (format, output) in outputs {
                for id in identifiers {
                    XCTAssertNil(output.range(of: "(?<![\\w-])\(NSRegularExpression.escapedPattern(for: id))(?![\\w-])", options: .regularExpression),
                                 "\(name): \(format) shows the identifier \(id)")
                }
                XCTAssertNil(output.range(of: "\\b\\d{3}:\\d{2,}", options: .regularExpression), "\(name): \(format) cites a source line")
                XCTAssertNil(output.range(of: "\\b(seed \\d{3}|lines? \\d{3,})", options: .regularExpression), "\(name): \(format) cites a source line")
                XCTAssertNil(output.range(of: "appraise [a-z]", options: .regularExpression), "\(name): \(format) names a command")
            }
        }
    }

    func testReaderTextKeepsDocumentSectionAndPageAndDropsTheRest() {
        XCTAssertEqual(ReaderText.clean("Annex 1, Option 1, criterion 1 (seed 001 line 1193)"), "Annex 1, Option 1, criterion 1")
        XCTAssertEqual(ReaderText.clean("Meeting pack, 12 September 2017 (seed 001), Appendix 1, page 4"), "Meeting pack, 12 September 2017, Appendix 1, page 4")
        XCTAssertEqual(ReaderText.clean("seed 001:3763 “10 SLD places”"), "“10 SLD places”")
        XCTAssertEqual(ReaderText.clean("the budget (6.2, line 2962) plus (line 2966) more"), "the budget (6.2) plus more")
        XCTAssertEqual(ReaderText.clean("Rank-order weights were not tried; state one with 'appraise importance'."), "Rank-order weights were not tried.")
        XCTAssertEqual(ReaderText.clean("Table 5, Score column"), "Table 5, Score column")
        XCTAssertEqual(ReaderText.clean("At 10:30 on 3 May, £1.2m."), "At 10:30 on 3 May, £1.2m.")
    }
}
