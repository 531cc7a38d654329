import Foundation
import XCTest
@testable import AppraiseKit

/// Shared helpers for the evidence tests: the reference datasets in `appraisals/kpi/`, small
/// inline datasets, and rating shorthands.
enum EvidenceFixtures {
    static let kpiFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("appraisals/kpi")

    /// A reference dataset, failing the test with every message when it does not load.
    static func reference(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> KPIDataset {
        let loaded = KPIDatasetFile(contentsOf: kpiFolder.appendingPathComponent("\(name).csv"), name: "\(name).csv")
        XCTAssertEqual(loaded.messages, [], file: file, line: line)
        return try XCTUnwrap(loaded.dataset, file: file, line: line)
    }

    /// The assessment of one ref at the dataset's own period.
    static func assessed(_ dataset: KPIDataset, _ ref: String, file: StaticString = #filePath, line: UInt = #line) throws -> IndicatorAssessment {
        try XCTUnwrap(dataset.assessment().first { $0.ref == ref }, "no \(ref) in \(dataset.id)", file: file, line: line)
    }

    /// Reads CSV text as a dataset file named `test.csv`.
    static func csv(_ text: String, name: String = "test.csv") -> KPIDatasetFile {
        KPIDatasetFile(data: Data(text.utf8), name: name)
    }

    static func bands(_ red: String, _ amber: String, _ green: String, _ polarity: Polarity, unit: String = "") -> ToleranceBands {
        ToleranceBandParser.bands(red: red, amber: amber, green: green, polarity: polarity, unit: unit)
    }
}

extension ComputedRAG {
    static let red = ComputedRAG.rated(.red)
    static let amber = ComputedRAG.rated(.amber)
    static let green = ComputedRAG.rated(.green)
}
