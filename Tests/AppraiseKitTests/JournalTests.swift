import Foundation
import XCTest

@testable import AppraiseKit

final class JournalTests: XCTestCase {
    private func reference() throws -> (appraisal: Appraisal, document: [String: JSONValue]) {
        let data = try Data(contentsOf: EncodingTests.referenceURL)
        return (try XCTUnwrap(AppraisalFile(data: data, name: "r").appraisal), try XCTUnwrap(JournalVerification.document(data)))
    }

    private func document(_ appraisal: Appraisal) throws -> [String: JSONValue] {
        try XCTUnwrap(JournalVerification.document(Data(AppraisalEncoding.text(appraisal).utf8)))
    }

    /// A journal that creates the reference file, then changes one score and one weight.
    private func journal() throws -> (lines: [String], states: [[String: JSONValue]]) {
        var appraisal = try reference().appraisal
        var states = [try document(appraisal)]
        let index = appraisal.scores.firstIndex { $0.option == "cic" && $0.criterion == "risk" }!
        appraisal.scores[index].value = Rational(4)
        appraisal.scores[index].rationale.append(RationaleBullet(kind: .note, text: "Reviewed"))
        states.append(try document(appraisal))
        appraisal.criteria = appraisal.criteria.map { var c = $0; c.weight = $0.id == "risk" ? Rational(2) : .one; return c }
        states.append(try document(appraisal))
        var lines: [String] = []
        var previous: [String: JSONValue] = [:]
        for (number, state) in states.enumerated() {
            let entry = JournalEntry(number: number + 1, time: "2025-01-0\(number + 1)T10:00:00Z", author: "ann", action: "test",
                                     reason: number == 0 ? nil : "why \(number)", changes: JournalChange.changes(from: previous, to: state),
                                     before: number == 0 ? nil : JournalVerification.fingerprint(previous),
                                     after: JournalVerification.fingerprint(state),
                                     previous: lines.last.map { JournalEntry.hash(ofLine: $0[...]) })
            lines.append(entry.line)
            previous = state
        }
        return (lines, states)
    }

    private func verify(_ lines: [String], file: [String: JSONValue]?, ending: String = "\n") -> JournalVerification {
        JournalVerification(journal: JournalText(lines.joined(separator: "\n") + ending), file: file, fileExists: file != nil)
    }

    func testChangesReplayFromNothingToTheReferenceFile() throws {
        let target = try reference().document
        let changes = JournalChange.changes(from: [:], to: target)
        XCTAssertEqual(changes.filter { if case .element(list: "scores", _, _) = $0 { true } else { false } }.count, 64)
        var replayed: [String: JSONValue] = [:]
        for change in changes { try change.apply(to: &replayed) }
        XCTAssertEqual(JournalVerification.fingerprint(replayed), EncodingTests.referenceFingerprint)
        XCTAssertEqual(changes.map { JournalChange(json: $0.json) }, changes.map { $0 })
    }

    func testAScoreChangeIsOneElementChangeAndAReorderIsRecorded() throws {
        let (appraisal, before) = try reference()
        var changed = appraisal
        changed.scores[5].value = Rational(1)
        changed.options.swapAt(0, 1)
        let changes = JournalChange.changes(from: before, to: try document(changed))
        XCTAssertEqual(changes.count, 2)
        guard case .element("scores", let old?, let new?) = changes[1], case .order("options", let keys) = changes[0] else {
            return XCTFail("\(changes)")
        }
        XCTAssertEqual(old.member("value"), .number("4"))
        XCTAssertEqual(new.member("value"), .number("1"))
        XCTAssertEqual(keys.prefix(2), [.string("commission-by-contract"), .string("practice-partner")])
        var replayed = before
        for change in changes { try change.apply(to: &replayed) }
        XCTAssertEqual(replayed, try document(changed))
        XCTAssertTrue(changes[1].concerns(criterion: "workforce"))
        XCTAssertTrue(changes[1].concerns(option: "practice-partner"))
        XCTAssertFalse(changes[1].concerns(option: "cic"))
    }

    func testAChangeThatDoesNotFitTheReplayedFileIsAMismatch() throws {
        var document = try reference().document
        let change = JournalChange.field(name: "title", old: .string("Another title"), new: .string("New"))
        XCTAssertThrowsError(try change.apply(to: &document)) { error in
            XCTAssertEqual((error as? JournalChange.Mismatch)?.message.hasPrefix("it changes \"title\" from \"Another title\""), true)
        }
    }

    func testEntriesReadBackExactlyAndRefuseAnythingElse() throws {
        let line = try journal().lines[1]
        let entry = try JournalEntry(line: line[...])
        XCTAssertEqual(entry.line, line)
        XCTAssertEqual(entry.number, 2)
        XCTAssertEqual(entry.reason, "why 1")
        let spaced = line.replacingOccurrences(of: "\"by\":\"ann\"", with: "\"by\": \"ann\"")
        XCTAssertThrowsError(try JournalEntry(line: spaced[...]))
        let extra = line.replacingOccurrences(of: "{\"action\"", with: "{\"signed\":true,\"action\"")
        XCTAssertThrowsError(try JournalEntry(line: extra[...])) { error in
            XCTAssertEqual((error as? JournalEntry.FormatError)?.message, "it has a field \"signed\" that journal entries do not have")
        }
    }

    func testAnIntactJournalVerifiesAndReplaysToTheFile() throws {
        let (lines, states) = try journal()
        let verification = verify(lines, file: states[2])
        XCTAssertEqual(verification.status, .verified)
        XCTAssertEqual(verification.entries.count, 3)
        XCTAssertEqual(verification.state, states[2])
        XCTAssertEqual(verification.head, JournalEntry.hash(ofLine: lines[2][...]))
    }

    func testALastEntryNotYetWrittenIsPendingNotTampering() throws {
        let (lines, states) = try journal()
        XCTAssertEqual(verify(lines, file: states[1]).status, .pending)
        XCTAssertEqual(verify(Array(lines.prefix(1)), file: nil).status, .pending, "the creating entry before its file was written")
        let unfinished = verify(Array(lines.prefix(2)), file: states[1], ending: "\n" + lines[2].prefix(40))
        XCTAssertEqual(unfinished.status, .verified)
        XCTAssertTrue(unfinished.unfinished)
    }

    func testAHandEditIsReportedWithWhatChanged() throws {
        let (lines, states) = try journal()
        var edited = states[2]
        edited["title"] = .string("Edited")
        guard case .editedByHand(let changes?) = verify(lines, file: edited).status else { return XCTFail() }
        XCTAssertEqual(changes, [.field(name: "title", old: states[2]["title"], new: .string("Edited"))])
        XCTAssertEqual(verify(lines, file: nil).status, .fileMissing)
    }

    func testDeletedReorderedAndAlteredEntriesBreakTheChain() throws {
        let (lines, states) = try journal()
        XCTAssertEqual(verify([lines[0], lines[2]], file: states[2]).status,
                       .broken(line: 2, message: "it holds entry 3, not entry 2: an entry was removed, added or moved"))
        XCTAssertEqual(verify([lines[0], lines[2], lines[1]], file: states[2]).status,
                       .broken(line: 2, message: "it holds entry 3, not entry 2: an entry was removed, added or moved"))
        XCTAssertEqual(verify(Array(lines.dropFirst()), file: states[2]).status,
                       .broken(line: 1, message: "it holds entry 2, not entry 1: an entry was removed, added or moved"))
        let altered = lines[1].replacingOccurrences(of: "\"by\":\"ann\"", with: "\"by\":\"bob\"")
        XCTAssertEqual(verify([lines[0], altered, lines[2]], file: states[2]).status,
                       .broken(line: 3, message: "entry 3's \"previous\" is not the hash of entry 2: entry 2 was altered, or entries were removed or reordered"))
        // Renumbered and rehashed after a deletion: the fingerprints no longer join up.
        var forged = try JournalEntry(line: lines[2][...])
        forged.number = 2
        forged.previous = JournalEntry.hash(ofLine: lines[0][...])
        guard case .broken(line: 2, let message) = verify([lines[0], forged.line], file: states[2]).status else { return XCTFail() }
        XCTAssertTrue(message.hasPrefix("entry 2's \"before\""), message)
        // A changed value with a recomputed hash chain: the recorded changes no longer give "after".
        var lying = try JournalEntry(line: lines[1][...])
        lying.changes = lying.changes.map { change in
            guard case .element(let list, let old, .object(var new)) = change else { return change }
            new["value"] = .number("5")
            return .element(list: list, old: old, new: .object(new))
        }
        guard case .broken(line: 2, let lie) = verify([lines[0], lying.line], file: states[1]).status else { return XCTFail() }
        XCTAssertTrue(lie.hasSuffix("but its \"after\" says \(lying.after): the entry was altered"), lie)
    }
}
