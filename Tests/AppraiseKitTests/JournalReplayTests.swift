import Foundation
import XCTest

@testable import AppraiseKit

/// Replaying an entry's changes at once gives exactly what applying them one by one gives,
/// including the same refusal at the same change, and stays linear for an import's entry.
final class JournalReplayTests: XCTestCase {
    private func score(_ option: Int, _ criterion: Int, _ value: Int) -> JSONValue {
        .object(["option": .string("o\(option)"), "criterion": .string("c\(criterion)"), "value": .number("\(value)")])
    }

    private func option(_ id: Int, _ name: String) -> JSONValue {
        .object(["id": .string("o\(id)"), "name": .string(name)])
    }

    /// One by one, as `apply(to:)` does, with the first failure's place.
    private func sequential(_ changes: [JournalChange], on start: [String: JSONValue]) -> ([String: JSONValue], JournalChange.ReplayFailure?) {
        var document = start
        for (index, change) in changes.enumerated() {
            do { try change.apply(to: &document) } catch { return (document, JournalChange.ReplayFailure(index: index, mismatch: error)) }
        }
        return (document, nil)
    }

    func testReplayAgreesWithOneByOneOnRandomEntries() {
        var generator = SplitMix(seed: 21)
        for round in 0..<400 {
            var start: [String: JSONValue] = ["title": .string("T")]
            if Bool.random(using: &generator) { start["scores"] = .array([score(0, 0, 1)]) }
            if Bool.random(using: &generator) { start["options"] = .array([option(0, "A"), option(0, "A again")]) }
            var changes: [JournalChange] = []
            for _ in 0..<Int.random(in: 1...30, using: &generator) {
                let o = Int.random(in: 0...3, using: &generator), c = Int.random(in: 0...2, using: &generator)
                let v = Int.random(in: 0...2, using: &generator), w = Int.random(in: 0...2, using: &generator)
                switch Int.random(in: 0...9, using: &generator) {
                case 0...2: changes.append(.element(list: "scores", old: nil, new: score(o, c, v)))
                case 3: changes.append(.element(list: "scores", old: score(o, c, v), new: score(o, c, w)))
                case 4: changes.append(.element(list: "scores", old: score(o, c, v), new: nil))
                case 5: changes.append(.element(list: "options", old: Bool.random(using: &generator) ? option(o, "A") : nil, new: option(o, "B")))
                case 6: changes.append(.element(list: "options", old: option(o, ["A", "A again", "B"].randomElement(using: &generator)!), new: nil))
                case 7: changes.append(.field(name: "scores", old: nil, new: .array([])))
                case 8: changes.append(.order(list: "scores", keys: [.array([.string("o\(o)"), .string("c\(c)")])]))
                default: changes.append(.element(list: "scores", old: score(o, c, v), new: score(o + 1, c, v)))
                }
            }
            let (expected, expectedFailure) = sequential(changes, on: start)
            var replayed = start
            do {
                try JournalChange.replay(changes, on: &replayed)
                XCTAssertNil(expectedFailure, "round \(round): one by one fails at \(expectedFailure!.index), replay does not")
                XCTAssertEqual(replayed, expected, "round \(round)")
            } catch {
                XCTAssertEqual(error, expectedFailure, "round \(round)")
            }
        }
    }

    func testAnImportsEntryReplaysWhole() throws {
        // 300 options × 100 criteria added, one replaced and one removed: the shape of `init --from-csv`.
        var changes: [JournalChange] = [.field(name: "scores", old: nil, new: .array([]))]
        for o in 0..<300 { for c in 0..<100 { changes.append(.element(list: "scores", old: nil, new: score(o, c, (o + c) % 6))) } }
        changes.append(.element(list: "scores", old: score(7, 3, 4), new: score(7, 3, 5)))
        changes.append(.element(list: "scores", old: score(0, 0, 0), new: nil))
        var document: [String: JSONValue] = [:]
        try JournalChange.replay(changes, on: &document)
        guard case .array(let scores)? = document["scores"] else { return XCTFail("no scores") }
        XCTAssertEqual(scores.count, 29_999)
        XCTAssertEqual(scores.first, score(0, 1, 1))
        XCTAssertTrue(scores.contains(score(7, 3, 5)))
        XCTAssertFalse(scores.contains(score(7, 3, 4)))
    }
}
