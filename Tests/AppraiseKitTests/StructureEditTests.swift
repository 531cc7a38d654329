import Foundation
import XCTest

@testable import AppraiseKit

/// The edits that replaced hand edits of the JSON (issue 10): groups, scale anchors, the order
/// of importance, declarations, many scores at once from a sheet, and which cells count at a
/// panel's consensus.
final class StructureEditTests: XCTestCase {
    /// Three options on a 1–7 scale in half steps, with one cell scored only by a panel.
    private func sample() -> Appraisal {
        Appraisal(
            id: "s", title: "S", body: "B", date: "2025", scale: ScoreScale(minimum: .one, maximum: Rational(7), step: Rational(1, 2)),
            criteria: [Criterion(id: "reach", name: "Reach", shortName: "R"), Criterion(id: "cost", name: "Cost of delivery")],
            options: [Option(id: "a", name: "Alpha"), Option(id: "b", name: "Beta"), Option(id: "c", name: "Gamma", shortName: "G")],
            scores: [
                Score(option: "a", criterion: "reach", value: Rational(3)), Score(option: "a", criterion: "cost", value: Rational(5)),
                Score(option: "b", criterion: "reach", value: Rational(2)), Score(option: "b", criterion: "cost", value: Rational(4)),
                Score(option: "c", criterion: "reach", value: Rational(6)),
                Score(option: "c", criterion: "cost", scorer: "Ann", value: Rational(2)),
                Score(option: "c", criterion: "cost", scorer: "Ben", value: Rational(5)),
                Score(option: "c", criterion: "cost", scorer: "Cy", value: Rational(4)),
            ])
    }

    private func apply(_ edit: AppraisalEdit, to appraisal: Appraisal? = nil, reason: String? = nil) throws -> Appraisal {
        try XCTUnwrap(try AppraisalEditor.apply(edit, to: appraisal ?? sample(), reason: reason)).appraisal
    }

    private func refusal(_ edit: AppraisalEdit, to appraisal: Appraisal? = nil, reason: String? = nil) -> String {
        do {
            _ = try AppraisalEditor.apply(edit, to: appraisal ?? sample(), reason: reason)
            return "no error"
        } catch {
            return error.message
        }
    }

    func testTheConsensusCellsAreThoseWithoutAnAgreedScore() {
        let cells = sample().consensusCells
        XCTAssertEqual(cells.map(\.option), ["c"])
        XCTAssertEqual(cells.first?.consensus, Rational(4), "the median of 2, 5 and 4")
        XCTAssertEqual(cells.first?.scores.map(\.scorer), ["Ann", "Ben", "Cy"])
        var agreed = sample()
        agreed.scores.append(Score(option: "c", criterion: "cost", value: Rational(3)))
        XCTAssertEqual(agreed.consensusCells, [], "an agreed score counts over the panel")
    }

    func testGroupsAreAddedFilledMovedAndRemovedWithReasonsWhereMembershipChanges() throws {
        // Until every option has a group the file is unfinished, not broken.
        let first = try apply(.addGroup(OptionGroup(id: "new", name: "New", description: "Built from scratch"), options: ["a"]))
        XCTAssertEqual(first.options.map(\.group), ["new", nil, nil])
        let second = try apply(.addGroup(OptionGroup(id: "old", name: "Old"), options: ["b", "c"]), to: first)
        XCTAssertEqual(second.options.map(\.group), ["new", "old", "old"])
        XCTAssertEqual(refusal(.editGroup(id: "new", name: nil, description: nil, options: ["b"]), to: second),
                       "moving \"b\" (in old) changes its group, so it needs a reason; say why with --reason TEXT")
        let moved = try apply(.editGroup(id: "new", name: "Newly built", description: nil, options: ["b"]), to: second, reason: "site sold")
        XCTAssertEqual(moved.groups.map(\.name), ["Newly built", "Old"])
        XCTAssertEqual(moved.options.map(\.group), ["new", "new", "old"])
        let removed = try apply(.removeGroup(id: "old"), to: moved, reason: "merged")
        XCTAssertEqual(removed.options.map(\.group), ["new", "new", nil])
        XCTAssertEqual(refusal(.removeGroup(id: "gone"), to: moved),
                       "there is no group \"gone\"; use one of new, old, or add it with 'appraise group add FILE ID --name TEXT'")
        XCTAssertEqual(refusal(.addGroup(OptionGroup(id: "Old Sites", name: "x"), options: [])),
                       "\"Old Sites\" is not a kebab-case id; use lower-case letters, digits and single hyphens, e.g. \"old-sites\"")
    }

    func testAnchorsKeepTheirOrderAndReplacingOneNeedsAReason() throws {
        let anchored = try apply(.setAnchors([ScaleAnchor(value: Rational(7), meaning: "In full"), ScaleAnchor(value: .one, meaning: "Not at all")], remove: []))
        let middle = try apply(.setAnchors([ScaleAnchor(value: Rational(7, 2), meaning: "Half")], remove: []), to: anchored)
        XCTAssertEqual(middle.scale.anchors.map(\.value), [.one, Rational(7, 2), Rational(7)])
        XCTAssertEqual(refusal(.setAnchors([ScaleAnchor(value: Rational(7), meaning: "Fully")], remove: []), to: middle),
                       "the scale already says what 7 means, so it needs a reason; say why with --reason TEXT")
        XCTAssertEqual(refusal(.setAnchors([ScaleAnchor(value: Rational(9, 4), meaning: "x")], remove: [])),
                       "2.25 is not a value of the scale; give one of 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7")
        XCTAssertEqual(refusal(.setAnchors([], remove: [Rational(2)]), to: middle), "the scale has no anchor for 2; anchored values: 1, 3.5, 7")
        XCTAssertEqual(try apply(.setAnchors([], remove: [Rational(7, 2)]), to: middle, reason: "r").scale.anchors.count, 2)
    }

    func testTheOrderOfImportanceNamesEveryCriterionOnce() throws {
        XCTAssertEqual(try apply(.setImportance(["cost", "reach"])).importance, ["cost", "reach"])
        XCTAssertEqual(refusal(.setImportance(["cost"])), "the order of importance leaves out reach; list every criterion once, most important first")
        XCTAssertEqual(refusal(.setImportance(["cost", "cost", "reach"])), "\"cost\" is listed twice in the order of importance; list each criterion once")
        var ordered = sample()
        ordered.importance = ["reach", "cost"]
        XCTAssertEqual(refusal(.setImportance(["cost", "reach"]), to: ordered),
                       "the appraisal already has an order of importance (reach, cost), so it needs a reason; say why with --reason TEXT")
        XCTAssertNil(try apply(.setImportance(nil), to: ordered, reason: "not agreed").importance)
    }

    func testDeclarationsAddUpBySourceAndReplacingAValueNeedsAReason() throws {
        let declared = try apply(.setDeclaration(Declaration(source: "Table 2", totals: [(option: "a", total: Rational(8))])))
        let more = try apply(.setDeclaration(Declaration(source: "Table 2", ranks: [(option: "a", rank: 1)])), to: declared)
        XCTAssertEqual(more.declared, [Declaration(source: "Table 2", totals: [(option: "a", total: Rational(8))], ranks: [(option: "a", rank: 1)])])
        XCTAssertEqual(refusal(.setDeclaration(Declaration(source: "Table 2", totals: [(option: "a", total: Rational(9))])), to: more),
                       "the declaration \"Table 2\" already gives the total of a, so it needs a reason; say why with --reason TEXT")
        XCTAssertEqual(refusal(.setDeclaration(Declaration(source: "Table 3", totals: [(option: "z", total: .one)]))),
                       "there is no option \"z\"; use one of a, b, c, or add it with 'appraise option add'")
        XCTAssertEqual(try apply(.removeDeclaration(source: "Table 2"), to: more, reason: "wrong table").declared, [])
    }

    func testManyScoresAtOnceNeedAReasonOnlyWhenOneReplacesAnother() throws {
        let fresh = [ScoreChanges(option: "c", criterion: "cost", value: Rational(9, 2))]
        XCTAssertEqual(try apply(.setScores(fresh)).score(option: "c", criterion: "cost")?.value, Rational(9, 2))
        let both = fresh + [ScoreChanges(option: "a", criterion: "cost", value: Rational(6)), ScoreChanges(option: "b", criterion: "cost", value: Rational(6))]
        XCTAssertEqual(refusal(.setScores(both)),
                       "\"a\" already has a score on \"cost\" (5), and 1 other cell already has a score, so it needs a reason; say why with --reason TEXT")
        let same = [ScoreChanges(option: "a", criterion: "cost", value: Rational(5))]
        XCTAssertNil(try AppraisalEditor.apply(.setScores(same), to: sample(), reason: nil), "rewriting the same score changes nothing")
    }

    func testOneScorersScoresBecomeTheAgreedScoresOfCellsWithoutOne() throws {
        var filed = sample()
        filed.scores.append(Score(option: "a", criterion: "reach", scorer: "Ann", value: Rational(7)))
        XCTAssertEqual(refusal(.agreeScores(scorer: "Ann"), to: filed),
                       "filing 1 score by Ann as agreed changes what the totals rest on, so it needs a reason; say why with --reason TEXT")
        let agreed = try apply(.agreeScores(scorer: "Ann"), to: filed, reason: "meant as the panel's")
        XCTAssertEqual(agreed.score(option: "c", criterion: "cost")?.value, Rational(2))
        XCTAssertEqual(agreed.score(option: "a", criterion: "reach")?.value, Rational(3), "a cell with an agreed score keeps it")
        XCTAssertEqual(agreed.consensusCells, [])
        XCTAssertEqual(refusal(.agreeScores(scorer: "Zed")), "there is no scorer \"Zed\"; use one of Ann, Ben, Cy, or file scores under a scorer with 'appraise score --scorer NAME'")
    }

    // MARK: - Scores from a sheet

    private func sheet(_ text: String, scorer: String? = nil) throws -> ScoreSheetImport.Result {
        try ScoreSheetImport.changes(try CSVReader.read(Data(text.utf8), fileName: "s.csv"), file: "s.csv", appraisal: sample(), scorer: scorer)
    }

    private func sheetProblems(_ text: String) -> [String] {
        do {
            _ = try sheet(text)
            return []
        } catch let problems as SheetProblems {
            return problems.messages
        } catch {
            return ["\(error)"]
        }
    }

    func testAMatrixSheetNamesOptionsAndCriteriaByIdNameOrShortName() throws {
        let result = try sheet("Option;R;Cost of delivery;Total\nAlpha;3,5;4;7,5\nG;;6,5;\nWeighting;1;1;\n", scorer: "Dee")
        XCTAssertEqual(result.changes.map { "\($0.option)/\($0.criterion)/\($0.value.decimalText())/\($0.scorer ?? "")" },
                       ["a/reach/3.5/Dee", "a/cost/4/Dee", "c/cost/6.5/Dee"])
        XCTAssertEqual(result.notes.count, 2, "the Total column and the Weighting row are left out, and said so")
    }

    func testARowPerCellSheetCarriesScorersBulletsAndSources() throws {
        let result = try sheet("Option,Criterion,Score,Scorer,For,Against,Source\nb,reach,2.5,Eve,\"Near the bus\nNear the school\",,Visit 3\nc,Cost of delivery,3,,,Dear,\n")
        XCTAssertEqual(result.changes.count, 2)
        XCTAssertEqual(result.changes[0].scorer, "Eve")
        XCTAssertEqual(result.changes[0].rationale, [RationaleBullet(kind: .for, text: "Near the bus"), RationaleBullet(kind: .for, text: "Near the school")])
        XCTAssertEqual(result.changes[0].source, "Visit 3")
        XCTAssertNil(result.changes[1].scorer)
        XCTAssertEqual(result.changes[1].rationale, [RationaleBullet(kind: .against, text: "Dear")])
        XCTAssertNil(result.changes[1].source, "an empty source keeps the score's own")
    }

    func testEveryBadCellOfASheetIsReportedAtOnce() {
        XCTAssertEqual(sheetProblems("Option,Criterion,Score\nDelta,reach,3\na,speed,3\na,reach,8\nb,reach,2\nb,reach,3\n"), [
            "s.csv:2: there is no option \"Delta\"; use an id or name of one of a, b, c, or add it with 'appraise option add'",
            "s.csv:3: there is no criterion \"speed\"; use an id or name of one of reach, cost, or add it with 'appraise criterion add'",
            "s.csv:4: column 3: \"8\" is not a score on the scale 1–7 in steps of 0.5; correct the cell",
            "s.csv:6: a second score for \"b\" on \"reach\" (the first is on line 5); keep one",
        ])
        XCTAssertEqual(sheetProblems("Option,Criterion,Score\na,reach,\n"), ["s.csv: the sheet gives no scores; fill in the score cells"])
    }

    func testThousandsSeparatorsRoundTripForEveryGrouping() {
        // Every whole number written with commas, spaces or underscores between groups of three reads back as itself.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let number = Int.random(in: 0...9_999_999_999, using: &generator)
            let digits = String(number)
            var groups: [Substring] = []
            var rest = Substring(digits)
            while rest.count > 3 {
                groups.insert(rest.suffix(3), at: 0)
                rest = rest.dropLast(3)
            }
            groups.insert(rest, at: 0)
            for separator in [",", " ", "_"] {
                XCTAssertEqual(NumberText.wholeNumber(groups.joined(separator: separator)), number, groups.joined(separator: separator))
            }
            XCTAssertEqual(NumberText.read(groups.joined(separator: ",") + ".25%"), NumberText.Reading(value: Rational(number) + Rational(1, 4), isPercentage: true))
        }
    }
}
