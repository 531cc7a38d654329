import Foundation
import XCTest

@testable import AppraiseKit

final class DiffTests: XCTestCase {
    private func loaded(_ appraisal: Appraisal) throws -> [String: JSONValue] {
        try XCTUnwrap(JournalVerification.document(Data(AppraisalEncoding.text(appraisal).utf8)))
    }

    func testAScoreChangeThatPutsAnotherOptionFirst() throws {
        let old = try XCTUnwrap(AppraisalFile(contentsOf: EncodingTests.referenceURL).appraisal)
        var new = old
        // CIC (26) gains 8 points on three criteria to reach 34, ahead of the Practice Partner (33).
        for (criterion, value) in [("partnerships", 5), ("political-oversight", 5), ("integration", 5)] {
            let index = new.scores.firstIndex { $0.option == "cic" && $0.criterion == criterion }!
            new.scores[index].value = Rational(value)
        }
        new.criteria[0].name = "Child-focused"
        let diff = AppraisalDiff(old: old, oldDocument: try loaded(old), new: new, newDocument: try loaded(new))
        XCTAssertEqual(diff.changes.count, 1 + diff.changes.filter { if case .element("scores", _, _) = $0 { true } else { false } }.count)
        XCTAssertTrue(diff.firstPlaceChanged)
        XCTAssertEqual(diff.after?.leaders, ["cic"])
        let cic = try XCTUnwrap(diff.moves.first { $0.option == "cic" })
        XCTAssertEqual(cic.before?.rank, 2)
        XCTAssertEqual(cic.after?.rank, 1)
        XCTAssertEqual(diff.moves.first?.option, "cic", "moves follow the new ranking")
    }

    func testAnAddedOptionHasNoPlaceBeforeAndAnUnscoredVersionNoRanking() throws {
        let old = try XCTUnwrap(AppraisalFile(contentsOf: EncodingTests.referenceURL).appraisal)
        var new = old
        new.options.append(Option(id: "status-quo", name: "Status quo"))
        let diff = AppraisalDiff(old: old, oldDocument: try loaded(old), new: new, newDocument: try loaded(new))
        XCTAssertNil(diff.after, "the new option is not scored yet")
        XCTAssertFalse(diff.firstPlaceChanged)
        XCTAssertEqual(diff.moves.last?.option, "status-quo")
        XCTAssertNil(diff.moves.last?.before)
        XCTAssertEqual(diff.changes, [.element(list: "options", old: nil, new: try loaded(new)["options"].flatMap { value -> JSONValue? in
            guard case .array(let elements) = value else { return nil }
            return elements.last
        })])
    }
}
