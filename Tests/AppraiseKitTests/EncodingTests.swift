import Foundation
import XCTest

import AppraiseKit

final class EncodingTests: XCTestCase {
    static let referenceURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("appraisals/rotherham-ama-2017.json")
    static let referenceFingerprint = "sha256:5c298962699299f228b9df8170e4218da76801f59eb458c024d0323a97ef8c7e"

    func testReferenceFileIsWrittenByteForByteAsTheEncoderWritesIt() throws {
        let data = try Data(contentsOf: Self.referenceURL)
        let file = AppraisalFile(data: data, name: "reference")
        let appraisal = try XCTUnwrap(file.appraisal)
        XCTAssertEqual(file.fingerprint, Self.referenceFingerprint)
        XCTAssertEqual(AppraisalEncoding.text(appraisal), String(decoding: data, as: UTF8.self))
    }

    func testDecodeEncodeDecodeGivesTheSameAppraisalAndFingerprint() throws {
        let file = AppraisalFile(data: try Data(contentsOf: Self.referenceURL), name: "reference")
        let appraisal = try XCTUnwrap(file.appraisal)
        let again = AppraisalFile(data: Data(AppraisalEncoding.text(appraisal).utf8), name: "again")
        XCTAssertEqual(again.appraisal, appraisal)
        XCTAssertEqual(again.fingerprint, file.fingerprint)
        XCTAssertEqual(again.diagnostics, file.diagnostics)
        XCTAssertEqual(AppraisalEncoding.members(appraisal), JournalVerification.document(Data(AppraisalEncoding.text(appraisal).utf8)))
    }

    func testOptionalPartsRoundTripAndEmptyOnesAreLeftOut() throws {
        let appraisal = Appraisal(
            id: "small", title: "Small", body: "Board", date: "2024-05", source: nil,
            scale: ScoreScale(minimum: .zero, maximum: Rational(10), step: Rational(1, 2)),
            panel: PanelSetting(consensus: .mean, rounding: .halfUp),
            criteria: [Criterion(id: "cost", name: "Cost", shortName: "£", offers: [], weight: Rational(3, 2),
                                 evidence: [EvidenceLink(dataset: "kpi", indicator: "A1", note: "")])],
            options: [Option(id: "a", name: "A \"quoted\" <b>")],
            scores: [Score(option: "a", criterion: "cost", scorer: "Ann Lee", value: Rational(15, 2),
                           rationale: [RationaleBullet(kind: .note, text: "line\nbreak")])],
            weightSets: [WeightSet(id: "heavy", name: "Heavy", weights: [(criterion: "cost", weight: Rational(2))])],
            importance: ["cost"], kpiDatasets: ["kpi.csv"])
        let text = AppraisalEncoding.text(appraisal)
        let file = AppraisalFile(data: Data(text.utf8), name: "small")
        XCTAssertEqual(file.appraisal, appraisal)
        XCTAssertEqual(file.diagnostics.errors, [])
        for absent in ["\"source\"", "\"groups\"", "\"declared\"", "\"offers\"", "\"note\":", "\"description\""] {
            XCTAssertFalse(text.contains(absent), "\(absent) should be left out")
        }
        XCTAssertTrue(text.contains("\"value\": 7.5"))
        XCTAssertTrue(text.contains("\"panel\": {\n    \"consensus\": \"mean\",\n    \"rounding\": \"half-up\"\n  }"))
        XCTAssertEqual(AppraisalEncoding.text(file.appraisal!), text)
    }
}
