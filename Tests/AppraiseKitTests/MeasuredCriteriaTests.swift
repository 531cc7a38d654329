import Foundation
import XCTest

import AppraiseKit

/// Value functions and measured criteria: scores worked out from a level, a category, a cited
/// KPI indicator or a measure's amounts, with the working, and typed scores refused.
final class MeasuredCriteriaTests: XCTestCase {
    let scale = ScoreScale(minimum: .zero, maximum: Rational(5), step: .one)

    func testLinearFunctionIsClippedAndTurnsRoundWhenLowerIsBetter() {
        let places = ValueFunction.linear(worst: .zero, best: Rational(20))
        XCTAssertEqual(places.score(Rational(12), scale: scale), Rational(3))
        XCTAssertEqual(places.score(Rational(-4), scale: scale), .zero)
        XCTAssertEqual(places.score(Rational(35), scale: scale), Rational(5))
        XCTAssertEqual(places.higherIsBetter, true)
        let weeks = ValueFunction.linear(worst: Rational(52), best: Rational(12))
        XCTAssertEqual(weeks.score(Rational(22), scale: scale), Rational(15, 4))
        XCTAssertEqual(weeks.higherIsBetter, false)
        let other = ScoreScale(minimum: Rational(1), maximum: Rational(10), step: .one)
        XCTAssertEqual(places.score(Rational(10), scale: other), Rational(11, 2))
    }

    func testPiecewiseAndCategoryFunctions() {
        let piecewise = ValueFunction.piecewise([ValuePoint(level: .zero, score: .zero), ValuePoint(level: Rational(10), score: Rational(4)),
                                                 ValuePoint(level: Rational(20), score: Rational(5))])
        XCTAssertEqual(piecewise.score(Rational(5), scale: scale), Rational(2))
        XCTAssertEqual(piecewise.score(Rational(15), scale: scale), Rational(9, 2))
        XCTAssertEqual(piecewise.score(Rational(99), scale: scale), Rational(5))
        let ofsted = ValueFunction.categories([("Outstanding", Rational(5)), ("Good", Rational(4)), ("Requires improvement", Rational(2))])
        XCTAssertEqual(ofsted.score(category: "Good"), Rational(4))
        XCTAssertNil(ofsted.score(category: "Inadequate"))
        XCTAssertNil(ofsted.score(Rational(3), scale: scale))
    }

    func testWorkingReadsAsTheRationaleSaysIt() throws {
        let scoring = MeasuredScoring(unit: "places", function: .linear(worst: .zero, best: Rational(20)))
        let worked = try XCTUnwrap(scoring.score(level: Rational(12), scale: scale))
        XCTAssertEqual(worked.working, "12 places → 3 by the linear function 0 places = 0, 20 places = 5")
        let weeks = MeasuredScoring(unit: "weeks", function: .linear(worst: Rational(52), best: .zero))
        XCTAssertEqual(weeks.score(level: Rational(13), scale: scale)?.working,
                       "13 weeks → 3.75 by the linear function 52 weeks = 0, 0 weeks = 5 (lower is better)")
        let third = try XCTUnwrap(MeasuredScoring(unit: "", function: .linear(worst: .zero, best: Rational(3))).score(level: .one, scale: scale))
        XCTAssertEqual(third.stored, Rational(decimal: "1.666667"))
    }

    private func appraisal(measured: MeasuredScoring, scores: [Score], measures: [Measure] = [], amounts: [Amount] = [],
                           kpiDatasets: [String] = []) -> Appraisal {
        Appraisal(id: "measured", title: "Measured", body: "Test", date: "2026", scale: scale,
                  criteria: [Criterion(id: "places", name: "Places", measured: measured), Criterion(id: "quality", name: "Quality")],
                  options: [Option(id: "a", name: "A"), Option(id: "b", name: "B")],
                  scores: scores + ["a", "b"].map { Score(option: $0, criterion: "quality", value: Rational(3), rationale: [RationaleBullet(kind: .note, text: "Fine.")]) },
                  kpiDatasets: kpiDatasets, measures: measures, amounts: amounts)
    }

    private func codes(_ appraisal: Appraisal) -> [String] {
        AppraisalFile(data: Data(AppraisalEncoding.text(appraisal).utf8), name: "test").diagnostics.errors.map(\.code)
    }

    func testTypedScoreOnAMeasuredCriterionNeedsAnOverride() {
        let scoring = MeasuredScoring(unit: "places", function: .linear(worst: .zero, best: Rational(20)))
        let typed = appraisal(measured: scoring, scores: [Score(option: "a", criterion: "places", value: Rational(3)),
                                                          Score(option: "b", criterion: "places", value: Rational(4), measurement: .level(Rational(16)))])
        XCTAssertEqual(codes(typed), ["typed-measured-score"])
        let overridden = appraisal(measured: scoring, scores: [Score(option: "a", criterion: "places", value: Rational(3), override: "the site floods"),
                                                               Score(option: "b", criterion: "places", value: Rational(4), measurement: .level(Rational(16)))])
        XCTAssertEqual(codes(overridden), [])
        let wrong = appraisal(measured: scoring, scores: [Score(option: "a", criterion: "places", value: Rational(5), measurement: .level(Rational(12))),
                                                          Score(option: "b", criterion: "places", value: Rational(4), measurement: .level(Rational(16)))])
        XCTAssertEqual(codes(wrong), ["measured-score-mismatch"])
    }

    /// Levels from the amounts of a measure (the money model): every option's places.
    func testScoresFromTheAmountsOfAMeasure() throws {
        let scoring = MeasuredScoring(unit: "", function: .linear(worst: .zero, best: Rational(40)), measure: "places")
        let measures = [Measure(id: "places", name: "Places created", unit: "places", kind: .quantity)]
        let amounts = [Amount(option: "a", measure: "places", value: .exact(Rational(30))),
                       Amount(option: "b", measure: "places", value: .range(low: Rational(8), high: Rational(12)))]
        var draft = appraisal(measured: scoring, scores: [], measures: measures, amounts: amounts)
        let criterion = draft.criteria[0]
        let worked = try XCTUnwrap(MeasuredCells.worked(option: "b", criterion: criterion, score: nil, appraisal: draft, datasets: []))
        XCTAssertEqual(try worked.get().score, Rational(5, 4))
        XCTAssertEqual(try worked.get().working, "10 places (Places created) → 1.25 by the linear function 0 places = 0, 40 places = 5")
        // Making the criterion measured through the editor scores every option from its amounts.
        draft.criteria[0].measured = nil
        let result = try XCTUnwrap(AppraisalEditor.apply(.valueTree(.setMeasured(criterion: "places", scoring)), to: draft, reason: nil))
        XCTAssertEqual(result.appraisal.score(option: "a", criterion: "places")?.value, Rational(15, 4))
        XCTAssertEqual(result.appraisal.score(option: "b", criterion: "places")?.value, Rational(5, 4))
        XCTAssertEqual(result.file.diagnostics.errors, [])
        // An amount that changes moves the score with the next edit, journalled with it.
        var moved = result.appraisal
        moved.amounts[0].value = .exact(Rational(20))
        let next = try XCTUnwrap(AppraisalEditor.apply(.setWeight(criterion: "quality", weight: Rational(2)), to: moved, reason: nil))
        XCTAssertEqual(next.appraisal.score(option: "a", criterion: "places")?.value, Rational(5, 2))
        XCTAssertEqual(next.file.diagnostics.errors, [])
        var lost = result.appraisal
        lost.measures = []
        lost.amounts = []
        XCTAssertEqual(AppraisalFile(data: Data(AppraisalEncoding.text(lost).utf8), name: "lost").diagnostics.errors.map(\.code), ["unknown-measure"])
        let unknown = appraisal(measured: scoring, scores: [], measures: measures,
                                amounts: [Amount(option: "a", measure: "places", value: .unknown("TBC"))])
        guard case .failure(let problem)? = MeasuredCells.worked(option: "a", criterion: unknown.criteria[0], score: nil, appraisal: unknown, datasets: []) else {
            return XCTFail("an unknown amount cannot give a score")
        }
        XCTAssertEqual(problem.code, "measure-not-known")
    }

    /// A cited KPI indicator as the level: the Early Help triage rate of the June 2017
    /// performance report (appraisals/kpi/eh-2017-06.csv, indicator 1.2/%: 71.1% in June,
    /// 93.8% in May).
    func testScoresFromACitedIndicator() throws {
        let folder = try XCTUnwrap(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("appraisals"))
        let dataset = try XCTUnwrap(KPIDatasetFile(contentsOf: folder.appendingPathComponent("kpi/eh-2017-06.csv"), name: "eh").dataset)
        let scoring = MeasuredScoring(unit: "", function: .linear(worst: Rational(50), best: Rational(100)))
        let latest = Score(option: "a", criterion: "places", value: .zero, measurement: .indicator(dataset: dataset.id, indicator: "1.2/%", period: nil))
        let may = Score(option: "b", criterion: "places", value: .zero, measurement: .indicator(dataset: dataset.id, indicator: "1.2/%", period: "May 2017"))
        let draft = appraisal(measured: scoring, scores: [latest, may])
        let june = try XCTUnwrap(MeasuredCells.worked(option: "a", criterion: draft.criteria[0], score: latest, appraisal: draft, datasets: [dataset])).get()
        XCTAssertEqual(june.score, Rational(211, 100))
        XCTAssertTrue(june.working.hasPrefix("71.1 % (eh-2017-06 1.2/%, "), june.working)
        let earlier = try XCTUnwrap(MeasuredCells.worked(option: "b", criterion: draft.criteria[0], score: may, appraisal: draft, datasets: [dataset])).get()
        XCTAssertEqual(earlier.score, Rational(438, 100))
        // Read from disk beside its dataset, a wrong score is reported at its place.
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("measured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary.appendingPathComponent("kpi"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("kpi/eh-2017-06.csv"), to: temporary.appendingPathComponent("kpi/eh-2017-06.csv"))
        var wrong = appraisal(measured: scoring, scores: [latest, may], kpiDatasets: ["kpi/eh-2017-06.csv"])
        wrong.scores[1].value = earlier.score
        try Data(AppraisalEncoding.text(wrong).utf8).write(to: temporary.appendingPathComponent("m.json"))
        let file = AppraisalFile(contentsOf: temporary.appendingPathComponent("m.json"))
        XCTAssertEqual(file.diagnostics.errors.map(\.code), ["measured-score-mismatch"])
        XCTAssertEqual(file.diagnostics.errors.first?.location, "scores[0].value")
    }
}
