import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// The KPI table's note counts the printed marks the data does not bear out, in good English
/// whatever the count.
final class KPIRendererTests: XCTestCase {
    func testTheNoteAgreesWithTheCount() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("appraisals/kpi/sc-2017-06.csv")
        let dataset = try XCTUnwrap(KPIDatasetFile(contentsOf: url).dataset)
        let assessments = dataset.assessment()
        let period = try XCTUnwrap(assessments.first?.period)
        let mismatched = assessments.filter { $0.findings.contains(where: \.isDeclaredMismatch) }
        let agreeing = assessments.filter { !$0.findings.contains(where: \.isDeclaredMismatch) }
        XCTAssertGreaterThan(mismatched.count, 1, "the reference scorecard has printed marks the data does not bear out")
        guard mismatched.count > 1 else { return }
        let note = { (items: [IndicatorAssessment]) in KPIRenderer.table(items, dataset: dataset, period: period).notes.first { $0.contains("printed mark") } ?? "" }
        let one = mismatched[0].findings.filter(\.isDeclaredMismatch).count
        XCTAssertTrue(note([mismatched[0]] + agreeing).contains(one == 1 ? "; 1 printed mark disagrees with them;" : "; \(one) printed marks disagree with them;"))
        XCTAssertTrue(note(agreeing).contains("; 0 printed marks disagree with them;"))
        let all = mismatched.flatMap(\.findings).filter(\.isDeclaredMismatch).count
        XCTAssertTrue(note(assessments).contains("; \(all) printed marks disagree with them;"))
    }

    /// Every streamed format is byte for byte the table's (or the JSON tree's) rendering, on
    /// every reference scorecard and at another period than the scorecard's own.
    func testStreamedTextIsTheTablesText() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("appraisals/kpi")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(names.count, 5)
        for name in names {
            let dataset = try XCTUnwrap(KPIDatasetFile(contentsOf: folder.appendingPathComponent(name)).dataset, name)
            for period in [dataset.asAt, dataset.periods[0]] {
                var streamed = ""
                var writes = 0
                KPIRenderer.streamText(dataset: dataset, period: period) { streamed += $0; writes += 1 }
                let table = KPIRenderer.table(dataset.assessment(at: period), dataset: dataset, period: period)
                XCTAssertEqual(streamed, TextTableRenderer.render(table), name)
                XCTAssertGreaterThan(writes, dataset.indicators.count, "\(name): written a line at a time")
                func collect(_ stream: (KPIDataset, Period, (String) -> Void) -> Void) -> String {
                    var text = ""
                    stream(dataset, period) { text += $0 }
                    return text
                }
                XCTAssertEqual(collect(KPIRenderer.streamCSV), "\u{FEFF}" + CSVTableRenderer.render(table), name)
                XCTAssertEqual(collect(KPIRenderer.streamMarkdown), MarkdownTableRenderer.render(table), name)
                let tree = JSONValue.object([
                    "dataset": .string(dataset.id), "title": .string(dataset.title), "period": .string(period.label),
                    "indicators": .array(dataset.assessment(at: period).map(KPIRenderer.indicatorJSON)),
                    "notes": .array(dataset.notes.map(JSONValue.string)),
                ])
                XCTAssertEqual(collect(KPIRenderer.streamJSON), tree.prettyText, name)
            }
        }
    }
}
