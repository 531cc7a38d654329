import Foundation
import XCTest

@testable import AppraiseKit

/// The long list: stages, screening against critical success factors, the rules `validate`
/// checks, the edits that move options between stages, and reading a long list from CSV.
final class ScreeningTests: XCTestCase {
    /// A library-refurbishment long list of five (an invented case, not the seed's): business
    /// as usual, a do-minimum, two short-listed options and one discounted, on a 1–10 scale.
    private func library() -> Appraisal {
        Appraisal(
            id: "library", title: "Central library", body: "Culture committee", date: "2025",
            scale: ScoreScale(minimum: .one, maximum: Rational(10), step: .one),
            criteria: [Criterion(id: "access", name: "Access"), Criterion(id: "cost", name: "Cost")],
            options: [
                Option(id: "as-now", name: "Carry on as now", stage: .businessAsUsual),
                Option(id: "repairs", name: "Essential repairs", stage: .doMinimum),
                Option(id: "refit", name: "Full refit"),
                Option(id: "new-build", name: "New build", stage: .preferred, framework: FrameworkTags(solution: "New building", funding: "Borrowing")),
                Option(id: "close", name: "Close and go mobile", stage: .discounted, stageReason: "Fails the statutory duty",
                       framework: FrameworkTags(solution: "Mobile service", funding: "Revenue")),
            ],
            scores: ["as-now", "repairs", "refit", "new-build"].enumerated().flatMap { index, option in
                [Score(option: option, criterion: "access", value: Rational(index + 3), rationale: [RationaleBullet(kind: .for, text: "r")]),
                 Score(option: option, criterion: "cost", value: Rational(9 - index), rationale: [RationaleBullet(kind: .for, text: "r")])]
            },
            declared: [Declaration(source: "Cabinet report", totals: [(option: "refit", total: Rational(12)), (option: "close", total: Rational(4))])],
            screening: Screening(
                source: "Committee workshop, May 2025",
                criteria: [ScreeningCriterion(id: "statutory", name: "Meets the statutory duty"), ScreeningCriterion(id: "affordable", name: "Affordable")],
                results: ["as-now", "repairs", "refit", "new-build"].flatMap { option in
                    [ScreeningResult(option: option, criterion: "statutory", outcome: .pass),
                     ScreeningResult(option: option, criterion: "affordable", outcome: option == "new-build" ? .passWithReservations : .pass, reason: "r")]
                } + [ScreeningResult(option: "close", criterion: "statutory", outcome: .fail, reason: "Leaves no library", evidence: "Act, s.7")]))
    }

    private func read(_ appraisal: Appraisal) -> AppraisalFile {
        AppraisalFile(data: Data(AppraisalEncoding.text(appraisal).utf8), name: "library.json")
    }

    private func codes(_ appraisal: Appraisal) -> [String] {
        read(appraisal).diagnostics.map(\.code)
    }

    func testTheLongListReadsBackAsWrittenAndOnlyTheShortListIsScored() throws {
        let file = read(library())
        XCTAssertEqual(file.diagnostics, [])
        let appraisal = try XCTUnwrap(file.appraisal)
        XCTAssertEqual(appraisal, library())
        XCTAssertTrue(appraisal.hasLongList)
        let matrix = try XCTUnwrap(DecisionMatrix(appraisal))
        XCTAssertEqual(matrix.optionIDs, ["as-now", "repairs", "refit", "new-build"])
        let shortList = appraisal.shortList
        XCTAssertEqual(shortList.options.map(\.id), matrix.optionIDs)
        XCTAssertEqual(shortList.declared[0].totals.map(\.option), ["refit"], "what was declared about a discounted option takes no part")
        XCTAssertEqual(Ranking(matrix: matrix, weights: try XCTUnwrap(shortList.defaultWeights)).entries.count, 4)
    }

    func testAFileWithoutTheNewKeysIsUntouched() throws {
        var plain = library()
        plain.screening = nil
        for index in plain.options.indices {
            plain.options[index].stage = nil
            plain.options[index].stageReason = nil
            plain.options[index].framework = FrameworkTags()
        }
        plain.options.removeLast()
        plain.declared = []
        XCTAssertFalse(plain.hasLongList)
        XCTAssertEqual(plain.shortList, plain)
        let text = AppraisalEncoding.text(plain)
        for key in ["stage", "stageReason", "framework", "screening"] { XCTAssertFalse(text.contains("\"\(key)\""), key) }
        XCTAssertEqual(read(plain).diagnostics, [], "no long-list warning for a file that records no long list")
    }

    func testEachRuleWarnsAndIsSatisfied() throws {
        XCTAssertEqual(codes(library()), [])

        var noRoles = library()
        noRoles.options[0].stage = .shortListed
        noRoles.options[1].stage = nil
        XCTAssertEqual(codes(noRoles), ["short-list-without-business-as-usual", "short-list-without-do-minimum"])

        var noReason = library()
        noReason.options[4].stageReason = nil
        XCTAssertEqual(codes(noReason), ["discounted-without-reason"])

        var failedButScored = library()
        failedButScored.screening!.results[2] = ScreeningResult(option: "repairs", criterion: "statutory", outcome: .fail, reason: "r")
        let warning = try XCTUnwrap(read(failedButScored).diagnostics.first)
        XCTAssertEqual(warning.code, "failed-screening-but-scored")
        XCTAssertEqual(warning.location, "screening.results[2]")
        XCTAssertNotNil(warning.position)

        var unscreened = library()
        unscreened.screening!.results.removeAll { $0.option == "refit" && $0.criterion == "affordable" }
        let missing = try XCTUnwrap(read(unscreened).diagnostics.first)
        XCTAssertEqual(missing.code, "not-screened")
        XCTAssertEqual(missing.location, "options[2]")
        XCTAssertTrue(missing.message.contains("\"refit\" has no screening result on affordable"), missing.message)

        // A long-listed option is not yet on the short list: neither screened nor scored is a fault.
        var longListed = library()
        longListed.options.append(Option(id: "partner", name: "Partner with the college", stage: .longListed))
        XCTAssertEqual(codes(longListed), [])
        XCTAssertTrue(longListed.options.allSatisfy { $0.currentStage != .longListed || !(DecisionMatrix(longListed)?.optionIDs.contains($0.id) ?? true) })
    }

    func testBadScreeningIsAnErrorWithItsPlace() throws {
        let text = AppraisalEncoding.text(library())
            .replacingOccurrences(of: "\"stage\": \"preferred\"", with: "\"stage\": \"favourite\"")
            .replacingOccurrences(of: "\"result\": \"fail\"", with: "\"result\": \"failed\"")
            .replacingOccurrences(of: "\"funding\": \"Borrowing\"", with: "\"funds\": \"Borrowing\"")
        let file = AppraisalFile(data: Data(text.utf8), name: "library.json")
        XCTAssertEqual(file.diagnostics.errors.map(\.code), ["unknown-choice", "unknown-field", "unknown-choice"])
        XCTAssertEqual(file.diagnostics.errors.map(\.location), ["options[3].stage", "options[3].framework.funds", "screening.results[8].result"])

        var unknown = library()
        unknown.screening!.results.append(ScreeningResult(option: "ghost", criterion: "statutory", outcome: .pass))
        unknown.screening!.results.append(ScreeningResult(option: "refit", criterion: "legal", outcome: .pass))
        unknown.screening!.results.append(ScreeningResult(option: "refit", criterion: "statutory", outcome: .fail))
        unknown.screening!.criteria.append(ScreeningCriterion(id: "affordable", name: "Again"))
        XCTAssertEqual(read(unknown).diagnostics.errors.map(\.code), ["duplicate-id", "unknown-id", "unknown-id", "duplicate-result"])
    }

    func testEveryStageTransitionAndWhenItNeedsAReason() throws {
        for from in OptionStage.allCases {
            for to in OptionStage.allCases where to != from {
                var start = library()
                start.options[2].stage = from
                start.options[2].stageReason = nil
                let needsReason = (to == .discounted) != (from == .discounted)
                let edit = AppraisalEdit.screening(.setStage(option: "refit", stage: to, reason: nil))
                if needsReason {
                    XCTAssertThrowsError(try AppraisalEditor.apply(edit, to: start, reason: nil), "\(from) → \(to)") { error in
                        XCTAssertTrue((error as! EditError).message.contains("needs a reason"), "\(from) → \(to)")
                    }
                }
                let result = try XCTUnwrap(try AppraisalEditor.apply(.screening(.setStage(option: "refit", stage: to, reason: "because")), to: start,
                                                                     reason: "because"), "\(from) → \(to)")
                let option = try XCTUnwrap(result.appraisal.option("refit"))
                XCTAssertEqual(option.currentStage, to)
                XCTAssertEqual(option.stageReason, "because")
                XCTAssertEqual(DecisionMatrix(result.appraisal)?.optionIDs.contains("refit"), to.isScored, "\(from) → \(to)")
                XCTAssertEqual(result.file.diagnostics.errors, [], "\(from) → \(to)")
            }
        }
        XCTAssertNil(try AppraisalEditor.apply(.screening(.setStage(option: "refit", stage: .shortListed, reason: nil)), to: library(), reason: nil),
                     "an option without a stage is already short-listed")
        XCTAssertThrowsError(try AppraisalEditor.apply(.screening(.setStage(option: "ghost", stage: .discounted, reason: "x")), to: library(), reason: "x"))
    }

    func testCriteriaResultsAndTags() throws {
        var start = library()
        start.screening = nil
        let templated = try XCTUnwrap(try AppraisalEditor.apply(.screening(.addTemplate), to: start, reason: nil)).appraisal
        XCTAssertEqual(templated.screening?.criteria.map(\.id), Screening.greenBookTemplate.map(\.id))
        XCTAssertEqual(templated.screening?.criteria.count, 5)
        XCTAssertNil(try AppraisalEditor.apply(.screening(.addTemplate), to: templated, reason: nil), "the template is added once")

        let result = ScreeningResult(option: "refit", criterion: "strategic-fit", outcome: .fail, reason: "Does not fit the plan")
        let screened = try XCTUnwrap(try AppraisalEditor.apply(.screening(.setResult(result)), to: templated, reason: nil)).appraisal
        XCTAssertEqual(screened.screening?.overall("refit"), .fail)
        let changed = ScreeningResult(option: "refit", criterion: "strategic-fit", outcome: .pass)
        XCTAssertThrowsError(try AppraisalEditor.apply(.screening(.setResult(changed)), to: screened, reason: nil))
        XCTAssertNotNil(try AppraisalEditor.apply(.screening(.setResult(changed)), to: screened, reason: "re-read the plan"))
        XCTAssertThrowsError(try AppraisalEditor.apply(.screening(.setResult(ScreeningResult(option: "refit", criterion: "nope", outcome: .pass))),
                                                       to: screened, reason: nil))

        XCTAssertThrowsError(try AppraisalEditor.apply(.screening(.removeCriterion(id: "strategic-fit")), to: screened, reason: nil))
        let removed = try XCTUnwrap(try AppraisalEditor.apply(.screening(.removeCriterion(id: "strategic-fit")), to: screened, reason: "merged")).appraisal
        XCTAssertEqual(removed.screening?.results, [])

        let tagged = try XCTUnwrap(try AppraisalEditor.apply(.screening(.tag(option: "refit", [.delivery: "In house", .funding: ""])),
                                                            to: library(), reason: nil)).appraisal
        XCTAssertEqual(tagged.option("refit")?.framework, FrameworkTags(delivery: "In house"))
        XCTAssertEqual(tagged.frameworkDimensions, [.solution, .delivery, .funding])
        XCTAssertEqual(tagged.frameworkGrid.first?.choices.map(\.choice), ["New building", "Mobile service"])
    }

    func testDiscountingAnOptionShowsAsLeavingTheRanking() throws {
        var discounted = library()
        discounted.options[2].stage = .discounted
        discounted.options[2].stageReason = "Too disruptive"
        let diff = AppraisalDiff(old: library(), oldDocument: AppraisalEncoding.members(library()),
                                 new: discounted, newDocument: AppraisalEncoding.members(discounted))
        XCTAssertEqual(diff.after?.entries.count, 3)
        let refit = try XCTUnwrap(diff.moves.first { $0.option == "refit" })
        XCTAssertNotNil(refit.before)
        XCTAssertNil(refit.after)
        XCTAssertFalse(diff.moves.contains { $0.option == "close" }, "an option set aside in both versions is not in the ranking change")
    }

    func testOutcomesOrderFromBestToWorst() {
        XCTAssertEqual([ScreeningOutcome.fail, .pass, .passWithReservations].max(), .fail)
        XCTAssertEqual([ScreeningOutcome.pass, .passWithReservations].max(), .passWithReservations)
        XCTAssertNil(library().screening?.overall("nobody"))
    }

    func testALongListFromASpreadsheet() throws {
        let base = Appraisal(id: "x", title: "T", body: "B", date: "2025", scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one),
                             criteria: [], options: [], scores: [])
        let csv = "Option;Stage;Reason;CSF: Legal;Fit;Cost\r\nWeight;;;;;2\r\nAs now;business-as-usual;;pass;Pass;2\r\nSell;discounted;Not ours to sell;fail;pass;\r\n"
        let table = try CSVReader.read(Data(csv.utf8), fileName: "long.csv")
        XCTAssertTrue(LongListImport.applies(to: table))
        let appraisal = try LongListImport.apply(table, file: "long.csv", to: base).appraisal
        XCTAssertEqual(appraisal.criteria.map(\.id), ["cost"])
        XCTAssertEqual(appraisal.options.map(\.currentStage), [.businessAsUsual, .discounted])
        XCTAssertEqual(appraisal.options[1].stageReason, "Not ours to sell")
        XCTAssertEqual(appraisal.screening?.criteria.map(\.id), ["legal", "fit"])
        XCTAssertEqual(appraisal.screening?.overall("sell"), .fail)
        XCTAssertEqual(appraisal.scores.count, 1)

        // Without a Stage column an option that fails is discounted, with no reason, so validate asks for one.
        let plain = try CSVReader.read(Data("Option,Legal\nA,pass\nB,fail\nC,\n".utf8), fileName: "plain.csv")
        let derived = try LongListImport.apply(plain, file: "plain.csv", to: base).appraisal
        XCTAssertEqual(derived.options.map(\.currentStage), [.shortListed, .discounted, .shortListed])
        XCTAssertNil(derived.options[1].stageReason)
        XCTAssertEqual(derived.criteria, [])

        let bad = try CSVReader.read(Data("Option,Legal\nA,pass\nB,perhaps\n".utf8), fileName: "bad.csv")
        XCTAssertThrowsError(try LongListImport.apply(bad, file: "bad.csv", to: base)) { error in
            XCTAssertEqual((error as! EditError).message, "bad.csv:3: column 2 (\"Legal\"): \"perhaps\" is not a screening result; write pass, pass with reservations or fail")
        }
        XCTAssertFalse(LongListImport.applies(to: try CSVReader.read(Data("Option,Cost\nA,3\n".utf8), fileName: "m.csv")))
    }
}
