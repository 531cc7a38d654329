import Foundation
import XCTest

@testable import AppraiseKit

final class PanelTests: XCTestCase {
    private let scale = ScoreScale(minimum: .zero, maximum: Rational(5), step: .one)

    private func combine(_ values: [Int], _ method: PanelSetting.Method, _ rounding: PanelSetting.Rounding) -> Rational? {
        Consensus.combine(values.map(Rational.init), setting: PanelSetting(consensus: method, rounding: rounding), scale: scale)
    }

    func testMedianAndMeanWithTheRoundingStated() {
        XCTAssertEqual(combine([1, 4, 5], .median, .none), Rational(4))
        XCTAssertEqual(combine([3, 4], .median, .none), Rational(7, 2))
        XCTAssertEqual(combine([3, 4], .median, .halfUp), Rational(4))
        XCTAssertEqual(combine([3, 4], .median, .halfDown), Rational(3))
        XCTAssertEqual(combine([3, 3, 4], .mean, .none), Rational(10, 3))
        XCTAssertEqual(combine([3, 3, 4], .mean, .halfUp), Rational(3), "10/3 is nearer 3 whatever way halves go")
        XCTAssertEqual(combine([4, 4, 5], .mean, .halfDown), Rational(4))
        XCTAssertNil(combine([], .median, .none))
        XCTAssertEqual(PanelSetting.standard.sentence, "median of the scorers' scores, not rounded")
    }

    func testRoundingFollowsTheScaleSteps() {
        let halves = ScoreScale(minimum: Rational(1), maximum: Rational(3), step: Rational(1, 2))
        XCTAssertEqual(Consensus.round(Rational(7, 4), rounding: .halfUp, scale: halves), Rational(2))
        XCTAssertEqual(Consensus.round(Rational(7, 4), rounding: .halfDown, scale: halves), Rational(3, 2))
        XCTAssertEqual(Consensus.round(Rational(8, 5), rounding: .halfDown, scale: halves), Rational(3, 2))
    }

    private func panel(agreed: Bool = false, setting: PanelSetting? = nil) -> Appraisal {
        var scores: [Score] = []
        // Ann and Bob put A first; Cy puts B first.
        let given: [(String, [String: Int])] = [("Ann", ["a": 5, "b": 2]), ("Bob", ["a": 4, "b": 3]), ("Cy", ["a": 1, "b": 4])]
        for (scorer, values) in given {
            for (option, value) in values.sorted(by: { $0.key < $1.key }) {
                scores.append(Score(option: option, criterion: "cost", scorer: scorer, value: Rational(value)))
            }
        }
        if agreed { scores.append(Score(option: "b", criterion: "cost", value: Rational(5))) }
        return Appraisal(id: "p", title: "P", body: "B", date: "2024", scale: scale, panel: setting,
                         criteria: [Criterion(id: "cost", name: "Cost")], options: [Option(id: "a", name: "A"), Option(id: "b", name: "B")],
                         scores: scores)
    }

    func testTheMatrixCountsTheAgreedScoreElseTheConsensus() throws {
        XCTAssertEqual(try XCTUnwrap(DecisionMatrix(panel())).scores, [[Rational(4)], [Rational(3)]])
        XCTAssertEqual(try XCTUnwrap(DecisionMatrix(panel(agreed: true))).scores, [[Rational(4)], [Rational(5)]])
        XCTAssertEqual(try XCTUnwrap(DecisionMatrix(panel(setting: PanelSetting(consensus: .mean, rounding: .none)))).scores,
                       [[Rational(10, 3)], [Rational(3)]])
        XCTAssertEqual(panel().scorers, ["Ann", "Bob", "Cy"])
    }

    func testAPanelFileReadsBackAndOneScorePerScorerIsChecked() throws {
        let text = AppraisalEncoding.text(panel(setting: PanelSetting(consensus: .mean, rounding: .halfUp)))
        let file = AppraisalFile(data: Data(text.utf8), name: "p")
        XCTAssertEqual(file.appraisal, panel(setting: PanelSetting(consensus: .mean, rounding: .halfUp)))
        XCTAssertEqual(file.diagnostics.errors, [])

        var twice = panel()
        twice.scores.append(Score(option: "a", criterion: "cost", scorer: "Bob", value: .one))
        let duplicate = AppraisalFile(data: Data(AppraisalEncoding.text(twice).utf8), name: "p").diagnostics.errors
        XCTAssertEqual(duplicate.map(\.message),
                       ["\"a\" is already scored on \"cost\" by \"Bob\" at scores[2]; keep one score per option, criterion and scorer"])

        let unknown = text.replacingOccurrences(of: "\"half-up\"", with: "\"nearest\"")
        XCTAssertEqual(AppraisalFile(data: Data(unknown.utf8), name: "p").diagnostics.errors.map(\.message),
                       ["\"nearest\" is not allowed for \"rounding\"; use one of none, half-up, half-down"])
    }

    func testKendallsWMatchesWorkedValues() {
        let r = { (values: [Int]) in values.map { Rational(-$0) } }  // ranks given directly: rank 1 is best
        XCTAssertEqual(kendallsW([r([1, 2, 3]), r([2, 1, 3])]), Rational(3, 4))
        XCTAssertEqual(kendallsW([r([1, 2, 3, 4]), r([1, 2, 3, 4]), r([1, 2, 3, 4])]), .one)
        XCTAssertEqual(kendallsW([r([1, 2]), r([2, 1])]), .zero)
        // Ties: rater 2 ties items 1 and 2. R = (2.5, 3.5, 6), S = 6.5, T = 6, W = 12 × 6.5 / (4 × 24 − 2 × 6) = 13/14.
        XCTAssertEqual(kendallsW([r([1, 2, 3]), r([1, 1, 3])]), Rational(13, 14))
        XCTAssertNil(kendallsW([r([1, 1]), r([1, 1])]), "every item tied: W is undefined")
        XCTAssertNil(kendallsW([r([1, 2])]), "one rater")
    }

    func testTheAnalysisFlagsSpreadsAndASingleScorerWhoChangesFirstPlace() throws {
        let analysis = try XCTUnwrap(PanelAnalysis(appraisal: panel(), weights: .equal(count: 1)))
        XCTAssertEqual(analysis.ranking.leaders, ["a"])
        XCTAssertEqual(analysis.cells.map(\.scores), [[Rational(5), Rational(4), .one], [Rational(2), Rational(3), Rational(4)]])
        XCTAssertEqual(analysis.cells.map(\.spread), [Rational(4), Rational(2)])
        XCTAssertEqual(analysis.disagreements.count, 2)
        XCTAssertEqual(analysis.scorers.map(\.changesFirstPlace), [false, false, true])
        XCTAssertEqual(analysis.scorers.map(\.cellsScored), [2, 2, 2])
        XCTAssertEqual(analysis.concordance, kendallsW([[Rational(5), Rational(2)], [Rational(4), Rational(3)], [.one, Rational(4)]]))
        XCTAssertEqual(analysis.concordance, Rational(1, 9))
    }
}
