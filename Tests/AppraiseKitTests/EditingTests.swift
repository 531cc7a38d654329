import Foundation
import XCTest

@testable import AppraiseKit

final class EditingTests: XCTestCase {
    /// Two criteria, two options, fully scored, with a weight set and an order of importance.
    private func sample() -> Appraisal {
        Appraisal(
            id: "sample", title: "Sample", body: "Board", date: "2024",
            scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one),
            criteria: [Criterion(id: "cost", name: "Cost"), Criterion(id: "risk", name: "Risk")],
            options: [Option(id: "a", name: "A"), Option(id: "b", name: "B")],
            scores: [
                Score(option: "a", criterion: "cost", value: Rational(4), rationale: [RationaleBullet(kind: .for, text: "cheap")]),
                Score(option: "a", criterion: "risk", value: Rational(2)),
                Score(option: "b", criterion: "cost", value: Rational(3)),
                Score(option: "b", criterion: "risk", value: Rational(5)),
            ],
            weightSets: [WeightSet(id: "cautious", name: "Cautious", weights: [(criterion: "cost", weight: .one), (criterion: "risk", weight: Rational(3))])],
            importance: ["risk", "cost"],
            declared: [Declaration(source: "Table 1", totals: [(option: "a", total: Rational(6)), (option: "b", total: Rational(8))])])
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

    func testAddingACriterionExtendsWeightSetsAndImportanceAndLeavesItUnscored() throws {
        let result = try XCTUnwrap(try AppraisalEditor.apply(.addCriterion(Criterion(id: "staff", name: "Staff", offers: ["Keeps staff"])),
                                                             to: sample(), reason: nil))
        XCTAssertEqual(result.appraisal.criteria.map(\.id), ["cost", "risk", "staff"])
        XCTAssertEqual(result.appraisal.weightSets[0].weight(of: "staff"), .zero)
        XCTAssertEqual(result.appraisal.importance, ["risk", "cost", "staff"])
        XCTAssertEqual(result.file.diagnostics.errors.map(\.code), ["missing-score", "missing-score"], "unfinished, not broken")
        XCTAssertEqual(AppraisalEditor.blockingErrors(in: result.file), [])
    }

    func testAWeightOnANewCriterionWritesOneOnTheOthersAndAWeightedAppraisalNeedsOne() throws {
        let weighted = try apply(.addCriterion(Criterion(id: "staff", name: "Staff", weight: Rational(2))))
        XCTAssertEqual(weighted.criteria.map(\.weight), [.one, .one, Rational(2)])
        XCTAssertEqual(refusal(.addCriterion(Criterion(id: "more", name: "More")), to: weighted),
                       "the other criteria carry weights, so criterion \"more\" needs one too; give it with --weight")
    }

    func testIdsMustBeNewAndKebabCase() {
        XCTAssertEqual(refusal(.addCriterion(Criterion(id: "cost", name: "Again"))),
                       "criterion id \"cost\" is already taken; choose another id or edit the existing criterion")
        XCTAssertEqual(refusal(.addOption(Option(id: "New Option", name: "New"))),
                       "\"New Option\" is not a kebab-case id; use lower-case letters, digits and single hyphens, e.g. \"new-option\"")
        XCTAssertEqual(refusal(.editCriterion(id: "costs", CriterionChanges(name: "X"))),
                       "there is no criterion \"costs\"; use one of cost, risk, or add it with 'appraise criterion add'")
    }

    func testRemovingACriterionDropsItsScoresAndWeightsAndNeedsAReason() throws {
        XCTAssertEqual(refusal(.removeCriterion(id: "risk")),
                       "removing criterion \"risk\" deletes its 2 scores, so it needs a reason; say why with --reason TEXT")
        let removed = try apply(.removeCriterion(id: "risk"), reason: "duplicate of cost")
        XCTAssertEqual(removed.criteria.map(\.id), ["cost"])
        XCTAssertEqual(removed.scores.map(\.criterion), ["cost", "cost"])
        XCTAssertEqual(removed.weightSets[0].weights.map(\.criterion), ["cost"])
        XCTAssertEqual(removed.importance, ["cost"])
    }

    func testRemovingAnOptionDropsItsScoresAndDeclarations() throws {
        let removed = try apply(.removeOption(id: "b"), reason: "withdrawn")
        XCTAssertEqual(removed.options.map(\.id), ["a"])
        XCTAssertEqual(removed.scores.map(\.option), ["a", "a"])
        XCTAssertEqual(removed.declared[0].totals.map(\.option), ["a"])
    }

    func testOptionsNeedAGroupWhenTheAppraisalHasGroups() throws {
        var grouped = sample()
        grouped.groups = [OptionGroup(id: "in-house", name: "In house")]
        grouped.options = grouped.options.map { var option = $0; option.group = "in-house"; return option }
        XCTAssertEqual(refusal(.addOption(Option(id: "c", name: "C")), to: grouped),
                       "the appraisal groups its options, so the option needs --group (one of in-house)")
        XCTAssertEqual(try apply(.addOption(Option(id: "c", name: "C", group: "in-house")), to: grouped).options.last?.group, "in-house")
        XCTAssertEqual(refusal(.editOption(id: "a", OptionChanges(group: "outsourced")), to: grouped),
                       "there is no group \"outsourced\"; use one of in-house, or add it with 'appraise group add FILE ID --name TEXT'")
    }

    func testScoresMustBeOnTheScaleAndChangingOneNeedsAReason() throws {
        XCTAssertEqual(refusal(.setScore(ScoreChanges(option: "a", criterion: "cost", value: Rational(7, 2)))),
                       "3.5 is not a value of the scale (0 to 5 in steps of 1); give one of 0, 1, 2, 3, 4, 5")
        XCTAssertEqual(refusal(.setScore(ScoreChanges(option: "a", criterion: "cost", value: Rational(5)))),
                       "\"a\" already has a score on \"cost\" (4), so it needs a reason; say why with --reason TEXT")
        let changed = try apply(.setScore(ScoreChanges(option: "a", criterion: "cost", value: Rational(5))), reason: "new evidence")
        XCTAssertEqual(changed.score(option: "a", criterion: "cost")?.value, Rational(5))
        XCTAssertEqual(changed.score(option: "a", criterion: "cost")?.rationale.map(\.text), ["cheap"], "no bullets given keeps the rationale")
    }

    func testRationaleIsReplacedOrAppendedAndTheSameScoreIsNoChange() throws {
        let bullet = RationaleBullet(kind: .against, text: "slow")
        let replaced = try apply(.setScore(ScoreChanges(option: "a", criterion: "cost", value: Rational(4), rationale: [bullet])), reason: "r")
        XCTAssertEqual(replaced.score(option: "a", criterion: "cost")?.rationale, [bullet])
        let appended = try apply(.setScore(ScoreChanges(option: "a", criterion: "cost", value: Rational(4), rationale: [bullet],
                                                        appendRationale: true)), reason: "r")
        XCTAssertEqual(appended.score(option: "a", criterion: "cost")?.rationale.map(\.text), ["cheap", "slow"])
        XCTAssertNil(try AppraisalEditor.apply(.setScore(ScoreChanges(option: "a", criterion: "cost", value: Rational(4))), to: sample(), reason: nil))
    }

    func testAScorerFilesTheirOwnScoreBesideTheAgreedOne() throws {
        let panel = try apply(.setScore(ScoreChanges(option: "a", criterion: "cost", scorer: "Ann", value: Rational(2))))
        XCTAssertEqual(panel.scores.count, 5)
        XCTAssertEqual(panel.scores.last?.scorer, "Ann")
        XCTAssertEqual(panel.score(option: "a", criterion: "cost")?.value, Rational(4), "the agreed score is untouched")
    }

    func testSettingTheFirstWeightKeepsTheOthersEqualAndChangingOneNeedsAReason() throws {
        let weighted = try apply(.setWeight(criterion: "risk", weight: Rational(3)))
        XCTAssertEqual(weighted.criteria.map(\.weight), [.one, Rational(3)])
        XCTAssertEqual(refusal(.setWeight(criterion: "risk", weight: Rational(2)), to: weighted),
                       "criterion \"risk\" already has weight 3, so it needs a reason; say why with --reason TEXT")
        XCTAssertEqual(refusal(.setWeight(criterion: "risk", weight: Rational(-1))), "a weight must be 0 or more, not -1")
        XCTAssertEqual(refusal(.setWeight(criterion: "cost", weight: .zero), to: try apply(.setWeight(criterion: "risk", weight: .zero)), reason: "r"),
                       "the change would leave the appraisal unusable: all of the criteria's weights are 0, so no option can score; give at least one criterion a positive weight [criteria[0].weight]")
    }

    func testWeightSetsAreCreatedWhole() throws {
        XCTAssertEqual(refusal(.setWeightSet(WeightSetChanges(id: "bold", name: "Bold", weights: [(criterion: "cost", weight: Rational(2))]))),
                       "a new weight set weighs every criterion; add --weight for risk=… (0 is allowed)")
        XCTAssertEqual(refusal(.setWeightSet(WeightSetChanges(id: "bold", weights: []))),
                       "weight set \"bold\" is new, so it needs a name; give it with --name")
        XCTAssertEqual(refusal(.setWeightSet(WeightSetChanges(id: "equal", name: "E", weights: []))),
                       "\"equal\" is reserved for the built-in weighting; choose another id for the weight set")
        let created = try apply(.setWeightSet(WeightSetChanges(id: "bold", name: "Bold", weights: [(criterion: "risk", weight: .zero), (criterion: "cost", weight: Rational(2))])))
        XCTAssertEqual(created.weightSets.last?.weights.map(\.criterion), ["cost", "risk"], "in criteria order")
        XCTAssertEqual(refusal(.setWeightSet(WeightSetChanges(id: "cautious", weights: [(criterion: "risk", weight: Rational(4))]))),
                       "weight set \"cautious\" already exists, so it needs a reason; say why with --reason TEXT")
        let changed = try apply(.setWeightSet(WeightSetChanges(id: "cautious", weights: [(criterion: "risk", weight: Rational(4))])), reason: "r")
        XCTAssertEqual(changed.weightSets[0].weight(of: "risk"), Rational(4))
        XCTAssertEqual(try apply(.removeWeightSet(id: "cautious"), reason: "unused").weightSets, [])
    }

    func testEmptyTextIsRefusedBeforeItReachesTheFile() {
        XCTAssertEqual(refusal(.editCriterion(id: "cost", CriterionChanges(name: "  "))), "the name is empty; write some text")
        XCTAssertEqual(refusal(.setScore(ScoreChanges(option: "a", criterion: "risk", value: .one, rationale: [RationaleBullet(kind: .for, text: "")])), reason: "r"),
                       "a rationale bullet is empty; write some text")
    }

    func testAnEmptyAppraisalIsUnfinishedNotBroken() throws {
        let empty = Appraisal(id: "new", title: "New", body: "Board", date: "2024", scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one),
                              criteria: [], options: [], scores: [])
        let result = try AppraisalEditor.written(empty)
        XCTAssertFalse(result.file.diagnostics.errors.isEmpty)
        XCTAssertEqual(AppraisalEditor.blockingErrors(in: result.file), [])
        XCTAssertTrue(result.text.contains("\"criteria\": [],"))
    }

    // MARK: - Score matrix import

    private let base = Appraisal(id: "m", title: "M", body: "B", date: "2024", scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: Rational(1, 2)),
                                 criteria: [], options: [], scores: [])

    private func imported(_ text: String) throws -> Appraisal {
        try ScoreMatrixImport.apply(try CSVReader.read(Data(text.utf8), fileName: "m.csv"), file: "m.csv", to: base).appraisal
    }

    private func importError(_ text: String) -> String {
        do {
            _ = try imported(text)
            return "no error"
        } catch let problems as SheetProblems {
            return problems.messages.joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    func testAMatrixFromExcelWithBOMCRLFAndQuotedNames() throws {
        let appraisal = try imported("\u{FEFF}Option,Child Focused,\"Risk, overall\"\r\nWeight,2,1\r\n\"Peer \"\"Practice\"\" Partner\",4,5\r\nTrust,3.5,\r\n")
        XCTAssertEqual(appraisal.criteria.map(\.id), ["child-focused", "risk-overall"])
        XCTAssertEqual(appraisal.criteria.map(\.name), ["Child Focused", "Risk, overall"])
        XCTAssertEqual(appraisal.criteria.map(\.weight), [Rational(2), .one])
        XCTAssertEqual(appraisal.options.map(\.id), ["peer-practice-partner", "trust"])
        XCTAssertEqual(appraisal.options[0].name, "Peer \"Practice\" Partner")
        XCTAssertEqual(appraisal.scores.map(\.value), [Rational(4), Rational(5), Rational(7, 2)], "the empty cell is not scored yet")
        XCTAssertEqual(AppraisalEditor.blockingErrors(in: try AppraisalEditor.written(appraisal).file), [])
    }

    func testAMatrixFromLibreOfficeWithSemicolonsAndDecimalCommas() throws {
        let appraisal = try imported("Option;Cost;Risk\nA;4,5;2\nB;3;5\n")
        XCTAssertEqual(appraisal.scores.map(\.value), [Rational(9, 2), Rational(2), Rational(3), Rational(5)])
        XCTAssertTrue(appraisal.criteria.allSatisfy { $0.weight == nil })
    }

    func testMatrixProblemsNameTheLineAndColumn() {
        XCTAssertEqual(importError("Option,Cost\nA,4\na,3\n"), "m.csv:3: option \"a\" gives the id \"a\", already used by line 2; rename one of them")
        XCTAssertEqual(importError("Option,Cost\nA,4,5\n"), "m.csv:2: column 3 has a value but no criterion in the header row; name the criterion or delete the value")
        XCTAssertEqual(importError("Option,Cost\n"), "m.csv: the matrix has no option rows; put one option per row under the header")
        XCTAssertEqual(importError("Option,,Cost\nA,1,2\n"), "m.csv:1: column 2 of the header row is empty; name the criterion or delete the column")
    }

    func testEveryBadCellIsReportedAtOnce() {
        XCTAssertEqual(importError("Option,Cost,Risk\nWeighting,x,2\nA,9,3\nB,2,-1\n"), """
            m.csv:2: column 2 ("Cost"): the weight "x" is not a number of 0 or more; write a number such as 3, 2.5, 25% or 1,000
            m.csv:3: column 2 ("Cost"): "9" is not a score on the scale 0–5 in steps of 0.5; correct the cell
            m.csv:4: column 3 ("Risk"): "-1" is not a score on the scale 0–5 in steps of 0.5; correct the cell
            """)
    }

    func testSpreadsheetPitfallsAreReadAsTheOfficerMeantThem() throws {
        let text = "Option,Cost,Risk,Reach,Total score\nWeighting (%),25%,,75%,100%\nÉcole Sainte-Thérèse,4,3,5,12\nStraße Ærø,1.5,2,1,4.5\nTotal,5.5,5,6,16.5\n"
        let result = try ScoreMatrixImport.apply(try CSVReader.read(Data(text.utf8), fileName: "m.csv"), file: "m.csv", to: base)
        XCTAssertEqual(result.appraisal.criteria.map(\.id), ["cost", "risk", "reach"], "the Total column is computed, not a criterion")
        XCTAssertEqual(result.appraisal.criteria.map(\.weight), [Rational(25), .zero, Rational(75)], "25% weighs 25; an empty weight 0")
        XCTAssertEqual(result.appraisal.options.map(\.id), ["ecole-sainte-therese", "strasse-aero"], "accents transliterated, the Total row left out")
        XCTAssertEqual(result.notes.count, 3)
        XCTAssertTrue(result.notes[0].contains("the weight of \"Risk\" is empty, so it weighs 0"), result.notes[0])
        XCTAssertTrue(result.notes[1].contains("row \"Total\" left out"), result.notes[1])
        XCTAssertTrue(result.notes[2].hasPrefix("m.csv:1: column 5 (\"Total score\") kept as the published totals: read as points under equal weights printed to 1 dp"),
                      result.notes[2])
        XCTAssertEqual(result.appraisal.declared, [Declaration(source: "m.csv, Total score column", totals: [("ecole-sainte-therese", Rational(12)), ("strasse-aero", Rational(9, 2))],
                                                               weighting: "equal", decimals: 1)], "the Total column is what was published")
    }

    func testNumbersAsOfficersTypeThem() {
        XCTAssertEqual(NumberText.read("25%"), NumberText.Reading(value: Rational(25), isPercentage: true))
        XCTAssertEqual(NumberText.read("1,000")?.value, Rational(1000))
        XCTAssertEqual(NumberText.read("12,345.5")?.value, Rational(24691, 2))
        XCTAssertEqual(NumberText.read("1 000")?.value, Rational(1000))
        XCTAssertEqual(NumberText.read("3,5", decimalComma: true)?.value, Rational(7, 2))
        XCTAssertEqual(NumberText.read("1.000,5", decimalComma: true)?.value, Rational(2001, 2))
        XCTAssertNil(NumberText.read("2,5"), "a decimal comma is ambiguous outside a semicolon sheet")
        XCTAssertNil(NumberText.read("1,00"))
        XCTAssertNil(NumberText.read("1e3"))
        XCTAssertEqual(NumberText.wholeNumber("1,000"), 1000)
        XCTAssertNil(NumberText.wholeNumber("10%"))
        XCTAssertTrue(NumberText.hint("2,5").contains("write \"2.5\" with a decimal point"))
    }
}

/// The committee paper's key: absent from a file that has none, read back as written.
final class CommitteePaperFileTests: XCTestCase {
    func testThePaperRoundTripsAndAnEmptyPaperLeavesNoKey() throws {
        let file = AppraisalFile(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("appraisals/rotherham-send-2017.json"))
        var appraisal = try XCTUnwrap(file.appraisal)
        XCTAssertNil(appraisal.paper)
        XCTAssertFalse(AppraisalEncoding.text(appraisal).contains("\"paper\""))
        appraisal.paper = CommitteePaper(recommendations: ["That members agree A.", "That members note B."],
                                         implications: .init(financial: "£1m", equalities: "An assessment is attached."),
                                         author: "J. Smith", version: "Draft 2")
        let back = AppraisalFile(data: Data(AppraisalEncoding.text(appraisal).utf8), name: "x")
        XCTAssertTrue(back.isValid, "\(back.diagnostics)")
        XCTAssertEqual(back.appraisal?.paper, appraisal.paper)
        XCTAssertEqual(appraisal.paper?.missing, ["consultation", "timetable", "implications.legal", "implications.other", "contact"])
        let edited = try XCTUnwrap(try AppraisalEditor.apply(.paper(CommitteePaperChanges(recommendations: [], financial: "", equalities: "",
                                                                                              author: "", version: "")), to: appraisal, reason: "clear"))
        XCTAssertNil(edited.appraisal.paper)
        let unknown = AppraisalFile(data: Data(AppraisalEncoding.text(appraisal).replacingOccurrences(of: "\"author\"", with: "\"writer\"").utf8), name: "x")
        XCTAssertFalse(unknown.isValid, "an unknown key in the paper is an error, as everywhere else")
    }
}
