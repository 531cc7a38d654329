import XCTest
@testable import AppraiseKit

/// Links from scores to indicators: every cited indicator must exist, and a score its own
/// evidence pulls against is reported for a human to look at.
final class EvidenceLinkTests: XCTestCase {
    private func link(_ dataset: String, _ indicator: String) -> EvidenceLink {
        EvidenceLink(dataset: dataset, indicator: indicator, note: "")
    }

    private func score(_ value: Int, _ links: [EvidenceLink]) -> ScoreEvidence {
        ScoreEvidence(option: "practice-partner", criterion: "child-focused", score: Rational(value), scaleMinimum: .zero,
                      scaleMaximum: Rational(5), links: links)
    }

    // MARK: Links resolve

    func testUnknownDatasetsAndIndicatorsAreReportedWithAHint() throws {
        let datasets = [try EvidenceFixtures.reference("sc-2017-06"), try EvidenceFixtures.reference("eh-2017-06")]
        let cited = [
            CitedEvidence(link: link("sc-2017-06", "11.1"), location: "scores[5].evidence[0]"),
            CitedEvidence(link: link("sc-2017-6", "11.1"), location: "scores[5].evidence[1]", position: SourcePosition(line: 40, column: 9)),
            CitedEvidence(link: link("sc-2017-06", "11.9"), location: "scores[5].evidence[2]"),
            CitedEvidence(link: link("eh-2017-06", "1.2"), location: "criteria[0].evidence[0]"),
        ]
        let found = EvidenceLinkCheck.unresolved(cited, datasets: datasets)
        XCTAssertEqual(found.map(\.code), ["unknown-kpi-dataset", "unknown-kpi-indicator", "unknown-kpi-indicator"])
        XCTAssertEqual(found[0].formatted(file: "a.json"),
                       "a.json:40:9: error: evidence cites KPI dataset \"sc-2017-6\", which no file in kpiDatasets defines; did you mean \"sc-2017-06\"? Datasets: eh-2017-06, sc-2017-06 [scores[5].evidence[1]]")
        XCTAssertTrue(found[1].message.hasPrefix("KPI dataset sc-2017-06 has no indicator \"11.9\"; did you mean \"11.1\"? Cite the ref as printed in that edition"), found[1].message)
        XCTAssertEqual(found[1].location, "scores[5].evidence[2]")
        XCTAssertTrue(found[2].message.contains("has no indicator \"1.2\"; did you mean \"1.1\"?"), found[2].message)
    }

    func testLinksWithNoDatasetsLoaded() {
        let found = EvidenceLinkCheck.unresolved([CitedEvidence(link: link("sc-2017-06", "1.1"), location: "scores[0].evidence[0]")], datasets: [])
        XCTAssertEqual(found.map(\.message), ["evidence cites KPI dataset \"sc-2017-06\" but the appraisal lists no kpiDatasets; add the dataset's file to \"kpiDatasets\""])
    }

    // MARK: Readings

    func testReadingsSignalAdverseFavourableOrNeutral() throws {
        let datasets = [try EvidenceFixtures.reference("sc-2017-06")]
        // 001:5262 6.16: 83.0% < 85 → Red; 90.9% → 83.0% declining → adverse.
        let visits = try XCTUnwrap(EvidenceTensions.readings([link("sc-2017-06", "6.16")], datasets: datasets)[0])
        XCTAssertEqual(visits.signal, .adverse)
        XCTAssertEqual(visits.summary, "sc-2017-06 6.16 Jun-17 83.0%: Red, declining from 90.9% (May-17)")
        // 001:5218 5.5: 96.3% ≥ 90 → Green; 95.5% → 96.3% improving → favourable.
        XCTAssertEqual(EvidenceTensions.readings([link("sc-2017-06", "5.5")], datasets: datasets)[0]?.signal, .favourable)
        // 001:5192 4.1 open CIN, Info: no rating, numbers only → neutral.
        XCTAssertEqual(EvidenceTensions.readings([link("sc-2017-06", "4.1")], datasets: datasets)[0]?.signal, .neutral)
        // 001:5282 11.1 agency workers: no target yet, 72 → 71 improving → favourable.
        XCTAssertEqual(EvidenceTensions.readings([link("sc-2017-06", "11.1")], datasets: datasets)[0]?.signal, .favourable)
        XCTAssertNil(EvidenceTensions.readings([link("sc-2017-06", "99")], datasets: datasets)[0])
    }

    // MARK: Tensions

    func testTopScoreWithMostlyAdverseEvidence() throws {
        let datasets = [try EvidenceFixtures.reference("sc-2017-06")]
        // 6.16 and 8.1 (62.1% < 68, 63.3% → 62.1%) are Red and declining; 5.5 is Green and improving.
        let tensions = EvidenceTensions.find([score(5, [link("sc-2017-06", "6.16"), link("sc-2017-06", "8.1"), link("sc-2017-06", "5.5")])],
                                             datasets: datasets)
        XCTAssertEqual(tensions.map(\.kind), [.highScoreAdverseEvidence])
        XCTAssertEqual(tensions[0].evidence.map(\.link.indicator), ["6.16", "8.1"])
        XCTAssertEqual(tensions[0].message,
                       "practice-partner scores 5 of 5 on child-focused, but 2 of 3 cited indicators with a reading are Red, off target or declining: sc-2017-06 6.16 Jun-17 83.0%: Red, declining from 90.9% (May-17); sc-2017-06 8.1 Jun-17 62.1%: Red, declining from 63.3% (May-17)")
        // Half adverse is not "mostly"; a 4 of 5 is not the top of the scale.
        XCTAssertEqual(EvidenceTensions.find([score(5, [link("sc-2017-06", "6.16"), link("sc-2017-06", "5.5")])], datasets: datasets), [])
        XCTAssertEqual(EvidenceTensions.find([score(4, [link("sc-2017-06", "6.16"), link("sc-2017-06", "8.1")])], datasets: datasets), [])
    }

    func testBottomScoreWithOnlyFavourableEvidence() throws {
        let datasets = [try EvidenceFixtures.reference("sc-2017-06")]
        // 5.5 and 7.2 (99.3% ≥ 95, 98.6% → 99.3%) are Green and improving; 4.1 is neutral.
        let tensions = EvidenceTensions.find([score(0, [link("sc-2017-06", "5.5"), link("sc-2017-06", "7.2"), link("sc-2017-06", "4.1")])],
                                             datasets: datasets)
        XCTAssertEqual(tensions.map(\.kind), [.lowScoreFavourableEvidence])
        XCTAssertTrue(tensions[0].message.hasPrefix("practice-partner scores 0 of 5 on child-focused, yet every cited indicator with a reading is Green or improving"))
        // One adverse reading removes the tension; neutral or unresolved evidence raises none.
        XCTAssertEqual(EvidenceTensions.find([score(1, [link("sc-2017-06", "5.5"), link("sc-2017-06", "6.16")])], datasets: datasets), [])
        XCTAssertEqual(EvidenceTensions.find([score(0, [link("sc-2017-06", "4.1"), link("nowhere", "1")])], datasets: datasets), [])
        XCTAssertEqual(EvidenceTensions.find([score(0, [])], datasets: datasets), [])
    }
}
