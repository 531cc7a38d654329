import Foundation
import XCTest
@testable import AppraiseKit

/// The quarterly Early Help scorecards the reference datasets left out, transcribed as further
/// tests of generality (`Tests/kpi-quarterly/`): 000:100–120 (2016/17, as at Quarter 3) and
/// 001:4290–4332 (2017/18 Quarter 1). Their headings are the sheet's own ("Quarter 1 April -
/// June 2016"); no reference appraisal cites them.
final class EvidenceQuarterlyScorecardTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("kpi-quarterly")

    private func load(_ name: String) throws -> KPIDataset {
        let file = KPIDatasetFile(contentsOf: folder.appendingPathComponent(name), name: name)
        XCTAssertEqual(file.messages, [])
        return try XCTUnwrap(file.dataset)
    }

    /// Every row is rated or says why: the quarterly sheets print no targets at all.
    private func assertNoSilentRow(_ dataset: KPIDataset, file: StaticString = #filePath, line: UInt = #line) {
        for item in dataset.assessment() where item.rag.label == "not rated" {
            XCTAssertTrue(item.findings.contains { [.notRated, .dataQuality].contains($0.kind) }, "\(dataset.id) \(item.ref)", file: file, line: line)
        }
    }

    func testQuarterlyScorecard2016() throws {
        let dataset = try load("eh-quarterly-2016-12.csv")
        XCTAssertEqual(dataset.asAt, .quarter(3, startYear: 2016))
        XCTAssertEqual(dataset.periods.map(\.label), ["Q1 2016/17", "Q2 2016/17", "Q3 2016/17", "Q4 2016/17", "YTD 2016/17"])
        assertNoSilentRow(dataset)
        let byRef = Dictionary(uniqueKeysWithValues: dataset.assessment().map { ($0.ref, $0) })
        // 000:111 take-up of two-year-old places 79.5% → 87.20%: improving (High).
        XCTAssertEqual(byRef["5"]?.directionOfTravel, .improving)
        // 000:112 fixed-term exclusions, primary, 33 → 84: declining (Low); YTD 241 = 124 + 33 + 84.
        XCTAssertEqual(byRef["6.1/primary"]?.directionOfTravel, .declining)
        let primary = try XCTUnwrap(dataset.indicator("6.1/primary"))
        let quarters = (1...3).compactMap { primary.observation(at: .quarter($0, startYear: 2016))?.value }
        XCTAssertEqual(quarters.reduce(0, +), primary.observation(at: .yearToDate(startYear: 2016))?.value)
        // 000:118 CIN printed ↑ with Quarter 3 "Awaiting": the arrow cannot be checked.
        XCTAssertEqual(byRef["8.1"]?.findings.map(\.kind), [.directionUnverifiable, .dataQuality])
    }

    func testQuarterlyScorecard2017() throws {
        let dataset = try load("eh-quarterly-2017-06.csv")
        // The sheet's banner says Quarter 4 2016/17, its columns 2017/18 (§11 C20): as at Q1 2017/18.
        XCTAssertEqual(dataset.asAt, .quarter(1, startYear: 2017))
        assertNoSilentRow(dataset)
        let byRef = Dictionary(uniqueKeysWithValues: dataset.assessment().map { ($0.ref, $0) })
        XCTAssertEqual(byRef["1.1"]?.status, .pending)
        XCTAssertEqual(byRef["7.2"]?.value, 424)
        // The first quarter has no earlier quarter printed: no direction, and no arrow claimed.
        XCTAssertNil(byRef["5"]?.directionOfTravel)
    }

    /// Every row of every transcribed dataset, reference and quarterly, is rated (a colour or
    /// "not on target") or carries a finding that says why not, at its own period.
    func testEveryTranscribedRowIsRatedOrSaysWhy() throws {
        let reference = EvidenceFixtures.kpiFolder
        let files = try FileManager.default.contentsOfDirectory(atPath: reference.path).filter { $0.hasSuffix(".csv") }.map { reference.appendingPathComponent($0) }
            + ["eh-quarterly-2016-12.csv", "eh-quarterly-2017-06.csv"].map { folder.appendingPathComponent($0) }
        XCTAssertEqual(files.count, 7)
        var unrated = 0
        for url in files {
            let file = KPIDatasetFile(contentsOf: url, name: url.lastPathComponent)
            let dataset = try XCTUnwrap(file.dataset, "\(file.messages)")
            for item in dataset.assessment() {
                guard case .notComputable = item.rag else { continue }
                unrated += 1
                XCTAssertTrue(item.findings.contains { [.notRated, .bandsRefused, .ragUnverifiable, .dataQuality, .unreadableCell].contains($0.kind) },
                              "\(dataset.id) \(item.ref) is unrated in silence")
            }
        }
        XCTAssertGreaterThan(unrated, 0)
    }
}
