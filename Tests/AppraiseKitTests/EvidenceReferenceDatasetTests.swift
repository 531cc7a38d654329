import XCTest
@testable import AppraiseKit

/// RAG and direction of travel on real rows of each reference dataset, with the working, and
/// every printed mark the data does not bear out (kpi-conventions §11).
final class EvidenceReferenceDatasetTests: XCTestCase {
    private func mismatches(_ dataset: KPIDataset, _ kind: KPIFinding.Kind) -> [String] {
        dataset.declaredMismatches.filter { $0.finding.kind == kind }.map(\.ref)
    }

    func testEveryReferenceDatasetLoadsWithProvenanceOnEveryRow() throws {
        let expected = ["review-table-1-2017": 11, "sc-2017-06": 87, "eh-2017-06": 55, "eh-2016-12": 37, "sc-2015-12": 75]
        for (name, count) in expected.sorted(by: { $0.key < $1.key }) {
            let dataset = try EvidenceFixtures.reference(name)
            XCTAssertEqual(dataset.id, name)
            XCTAssertEqual(dataset.indicators.count, count, name)
            for indicator in dataset.indicators {
                let source = try XCTUnwrap(indicator.source, "\(name) \(indicator.ref)")
                XCTAssertTrue(source.range(of: #"^\d{3}_[0-9a-f]{16}\.txt:\d+"#, options: .regularExpression) != nil, "\(name) \(indicator.ref): \(source)")
            }
        }
    }

    // MARK: Seed 002, Safeguarding December 2015

    func testSafeguarding2015Rows() throws {
        let sc = try EvidenceFixtures.reference("sc-2015-12")
        // 002:30 2.5, High, `<83% | 83%> | 86%`: Dec 79.2% < 83 → Red; Nov 76.0% → Dec 79.2% is
        // up on a High row → improving, as the printed ↑ says; 79.2 is 6.8 short of 86.
        let referrals = try EvidenceFixtures.assessed(sc, "2.5")
        XCTAssertEqual(referrals.rag, .red)
        XCTAssertEqual(referrals.directionOfTravel, .improving)
        XCTAssertEqual(referrals.previous?.period, .month(11, 2015))
        XCTAssertEqual(referrals.distanceToTarget?.text, "6.8 short of the green threshold 86%")
        // Benchmarks 2014/15: SN 85.9%, best 99.7%, national 87.1%, top quartile 97.8% — all better.
        XCTAssertEqual(referrals.benchmarks.map(\.standing), [.worse, .worse, .worse, .outsideTopQuartile])
        // 002:32 2.7, Low: 31.4% → 31.0% is improving (printed ↑); 31.0 ≥ 26 → Red.
        let rereferrals = try EvidenceFixtures.assessed(sc, "2.7")
        XCTAssertEqual(rereferrals.directionOfTravel, .improving)
        XCTAssertEqual(rereferrals.rag, .red)
        // 002:77 7.6: 95.0% against an unsigned green "95%" → Green, as printed.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "7.6").rag, .green)
        // 002:78 7.7, rated YTD: 20% against red "<20%" (excludes 20) → Amber, printed Yellow YTD.
        let adopted = try EvidenceFixtures.assessed(sc, "7.7")
        XCTAssertEqual(adopted.ratedPeriod, .yearToDate(startYear: 2015))
        XCTAssertEqual(adopted.rag, .amber)
        // 002:73 7.2, Info, `upto +/-2 of 73.5`: 75.0 is 1.5 away → Green, as printed.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "7.2").rag, .green)
        // 002:62 6.5, Low, `+/-5 of 52.3`: 64.7 is 12.4 away, beyond ±10 → Red, as printed.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "6.5").rag, .red)
        // 002:98 11.3: 11.4 is below the 14-20 range → Green, as printed; 12.9 → 11.4 is down.
        let caseload = try EvidenceFixtures.assessed(sc, "11.3")
        XCTAssertEqual(caseload.rag, .green)
        XCTAssertEqual(caseload.directionOfTravel, .down)
        // 002:101 11.6 is new: nothing earlier to compare, as "new" says.
        XCTAssertNil(try EvidenceFixtures.assessed(sc, "11.6").directionOfTravel)
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "11.6").findings, [])
    }

    func testSafeguarding2015PrintedMarksThatDisagree() throws {
        let sc = try EvidenceFixtures.reference("sc-2015-12")
        // 002:64 6.7, rated YTD: 85.1 ≥ 59.9 → Green, printed Yellow YTD.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "6.7").findings.first?.message,
                       "printed Yellow YTD, but the bands `<55 | 55> | 59.9` give Green to YTD 2015/16's 85.1")
        // 002:94 9.2, Low `>12% | 12%> | 10%`: 11.3% is between 10 and 12 → Amber, printed Green.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "9.2").rag, .amber)
        // 002:105 12.1: 83.9% < 90 → Red, printed Yellow; 85.3% → 83.9% is declining, printed ↑.
        let participation = try EvidenceFixtures.assessed(sc, "12.1")
        XCTAssertEqual(participation.rag, .red)
        XCTAssertEqual(participation.findings.map(\.kind), [.ragDisagreement, .directionDisagreement])
        XCTAssertEqual(participation.findings[1].message, "printed ↑, but 85.3% → 83.9% (Nov-15 → Dec-15) is declining (high is good)")
        // 002:60 6.3: Info with thresholds, printed Red: the bands give no rating to check.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "6.3").findings.map(\.kind), [.ragUnverifiable, .bandsRefused])
        // 002:99 11.4: 17.3 → 21.0 is up, printed ↓.
        XCTAssertEqual(mismatches(sc, .directionDisagreement), ["11.4", "12.1"])
        XCTAssertEqual(mismatches(sc, .ragDisagreement), ["6.7", "9.2", "12.1"])
        XCTAssertEqual(mismatches(sc, .ragUnverifiable), ["6.3"])
        XCTAssertEqual(mismatches(sc, .directionUnverifiable), [])
    }

    func testSafeguarding2015ThirtySevenOfFortyOneRatedRowsAgree() throws {
        // kpi-conventions §8: on 002's pages 2–3 (5.4 onwards) 41 rows print a colour other than
        // Grey; 37 agree with the bands, the exceptions being 6.3, 6.7, 9.2 and 12.1.
        let sc = try EvidenceFixtures.reference("sc-2015-12")
        let rated = sc.assessment().filter { $0.declaredRAG?.rating != nil }
        XCTAssertEqual(rated.count, 41)
        let disagreeing = rated.filter { item in item.findings.contains { $0.kind == .ragDisagreement || $0.kind == .ragUnverifiable } }
        XCTAssertEqual(disagreeing.map(\.ref), ["6.3", "6.7", "9.2", "12.1"])
    }

    // MARK: Seed 001, Safeguarding June 2017

    func testSafeguarding2017Rows() throws {
        let sc = try EvidenceFixtures.reference("sc-2017-06")
        // 001:5168 1.2, `<92% | 92%> | 95%+`: 59.1% < 92 → Red; 78.0% → 59.1% declining, printed ↓.
        let decisions = try EvidenceFixtures.assessed(sc, "1.2")
        XCTAssertEqual(decisions.rag, .red)
        XCTAssertEqual(decisions.directionOfTravel, .declining)
        XCTAssertEqual(decisions.findings, [])
        // 001:5216 5.3, Within limits (low), `79+ | 79< | 74.1<`: 103.7 ≥ 79 → Red; 100.4 → 103.7 declining (↓).
        let icpc = try EvidenceFixtures.assessed(sc, "5.3")
        XCTAssertEqual(icpc.rag, .red)
        XCTAssertEqual(icpc.directionOfTravel, .declining)
        // 001:5186 3.3, `+/-5 of 158.8`: 297.4 is 138.6 away → Red.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "3.3").rag, .red)
        // 001:5305 11.5, Within Limits: 13.3 → 19.2 is up, printed ⬆; 19.2 within 16-22 → Green.
        let duty = try EvidenceFixtures.assessed(sc, "11.5")
        XCTAssertEqual(duty.directionOfTravel, .up)
        XCTAssertEqual(duty.rag, .green)
        // 001:5219 5.6, green-only `60` (Low): 75.2 → not on target.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "5.6").rag, .notOnTarget)
        // 001:5177 2.2: `<90% | 90%> | 90%+` refused; best SN 58.7% below SN average 76.7%.
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "2.2").findings.map(\.kind), [.bandsRefused, .benchmarkOrder])
        // 001:5267 8.1, year on year at 2016/17: 72.7% → 66.2% is declining.
        let stable = try XCTUnwrap(sc.assessment(at: .financialYear(startYear: 2016)).first { $0.ref == "8.1" })
        XCTAssertEqual(stable.directionOfTravel, .declining)
        XCTAssertEqual(stable.yearOnYear, .declining)
        XCTAssertNil(stable.declaredDirection)   // printed marks describe June only
    }

    func testSafeguarding2017PrintedArrowsThatDisagree() throws {
        let sc = try EvidenceFixtures.reference("sc-2017-06")
        // 001:5194 4.3 Info 354.4 → 384.4 is up, printed ↓; 001:5225 5.12 Low 2.3% → 0.0% is
        // improving, printed ↓; 001:5282 11.1 Low 72 → 71 is improving, printed ↓ (§11 B7–B8).
        XCTAssertEqual(mismatches(sc, .directionDisagreement), ["4.3", "5.12", "11.1"])
        XCTAssertEqual(try EvidenceFixtures.assessed(sc, "4.3").findings.first?.message,
                       "printed ↓, but 354.4 → 384.4 (May-17 → Jun-17) is up (Info: the arrow follows the numbers)")
        // The RAG column is colour only in the text, so no printed RAG is checked.
        XCTAssertEqual(sc.declaredMismatches.count, 3)
        let refused = sc.assessment().filter { $0.findings.contains { $0.kind == .bandsRefused } }.map(\.ref)
        XCTAssertEqual(refused, ["2.2", "4.3", "11.2", "11.3"])
    }

    // MARK: Seed 001, Early Help June 2017

    func testEarlyHelp2017Rows() throws {
        let eh = try EvidenceFixtures.reference("eh-2017-06")
        // 001:4200 1.2 %, ` | >90% <100% | 100%`: 71.1% ≤ 90 → Red, printed R; 93.8% → 71.1% declining (↓).
        let triage = try EvidenceFixtures.assessed(eh, "1.2/%")
        XCTAssertEqual(triage.rag, .red)
        XCTAssertEqual(triage.directionOfTravel, .declining)
        XCTAssertEqual(triage.findings, [])
        // 001:4203 2.2 %, ` | >65% <75% | 75%`: 63.6% ≤ 65 → Red, printed R; 62.1% → 63.6% improving (↑).
        XCTAssertEqual(try EvidenceFixtures.assessed(eh, "2.2/%").rag, .red)
        XCTAssertEqual(try EvidenceFixtures.assessed(eh, "2.2/%").findings, [])
        // 001:4265 9.2 monthly, Low, green `4.2%`: 4.1 ≤ 4.2 → Green (printed G); 3.9% → 4.1% declining (↓).
        let neet = try EvidenceFixtures.assessed(eh, "9.2/monthly")
        XCTAssertEqual(neet.rag, .green)
        XCTAssertEqual(neet.directionOfTravel, .declining)
        // 001:4288 13.7, Low, green `9.52`: 10.6 → not on target, printed A (a judgement); 10.76 → 10.6 improving (↑).
        let sickness = try EvidenceFixtures.assessed(eh, "13.7")
        XCTAssertEqual(sickness.rag, .notOnTarget)
        XCTAssertEqual(sickness.findings, [])
        // 001:4209 4.1: the year to date prints May's 1438, a month-end snapshot (§11 C18).
        XCTAssertEqual(try XCTUnwrap(eh.indicator("4.1")).observation(at: .yearToDate(startYear: 2017))?.value, 1438)
    }

    func testEarlyHelp2017PrintedMarks() throws {
        let eh = try EvidenceFixtures.reference("eh-2017-06")
        // 001:4259 8.1 %: 27% against green 100% → not on target, printed G.
        XCTAssertEqual(mismatches(eh, .ragDisagreement), ["8.1/%"])
        // Printed RAGs with no value for June (termly, annual lines §11 A6) or a text or missing
        // target. 7.2 is "One month in arrears" (001:4222), so June reads May's column and its
        // printed A and ↓ are checked against May.
        XCTAssertEqual(mismatches(eh, .ragUnverifiable),
                       ["7.1/primary", "7.1/secondary", "8.1/number", "8.2", "8.3", "9.1/annual", "9.2/annual"])
        XCTAssertEqual(mismatches(eh, .directionDisagreement), [])
        XCTAssertEqual(mismatches(eh, .directionUnverifiable), ["7.1/primary", "7.1/secondary"])
        let attendance = try EvidenceFixtures.assessed(eh, "7.2/primary")
        XCTAssertEqual(attendance.period, .month(5, 2017))
        XCTAssertEqual(attendance.findings.map(\.kind), [.inArrears])
    }

    // MARK: Seed 000, Early Help December 2016

    func testEarlyHelp2016Rows() throws {
        let eh = try EvidenceFixtures.reference("eh-2016-12")
        // 000:17 2.2 %, ` | >65% <75% | 75%`: 23.7% ≤ 65 → Red (printed R); 25.3% → 23.7% is
        // declining, printed Ψ ("decline in performance, not on target").
        let contacts = try EvidenceFixtures.assessed(eh, "2.2/%")
        XCTAssertEqual(contacts.rag, .red)
        XCTAssertEqual(contacts.directionOfTravel, .declining)
        XCTAssertEqual(contacts.findings, [])
        // 000:17 1.2 %: 93.0% is above 90 and below 100 → Amber, printed A.
        XCTAssertEqual(try EvidenceFixtures.assessed(eh, "1.2/%").rag, .amber)
        // 000:48 9.2, Low, green `3.0%`: 3.0 ≤ 3.0 → Green (G); 3.0% → 3.0% no change (→).
        let neet = try EvidenceFixtures.assessed(eh, "9.2/monthly")
        XCTAssertEqual(neet.rag, .green)
        XCTAssertEqual(neet.directionOfTravel, .noChange)
        XCTAssertEqual(neet.findings, [])
        // 000:48 12.1, Info: 31 → 17 is down, printed J; 5.2 %, Info: 73.3% → 88.5% is up, printed ↑.
        XCTAssertEqual(try EvidenceFixtures.assessed(eh, "12.1").directionOfTravel, .down)
        XCTAssertEqual(try EvidenceFixtures.assessed(eh, "5.2/%").directionOfTravel, .up)
        // 000:17 3.3: December is "Reporting in progress": a status, never a value.
        let partners = try EvidenceFixtures.assessed(eh, "3.3/%")
        XCTAssertEqual(partners.status, .pending)
        XCTAssertNil(partners.value)
        XCTAssertEqual(partners.findings.map(\.kind), [.dataQuality])
        // 000:17 6.1 quarterly: Q2 91% → Q3 93% is improving.
        XCTAssertEqual(try XCTUnwrap(eh.assessment(at: .quarter(3, startYear: 2016)).first { $0.ref == "6.1" }).directionOfTravel, .improving)
    }

    func testEarlyHelp2016PrintedMarks() throws {
        let eh = try EvidenceFixtures.reference("eh-2016-12")
        // 000:48 with 000:518, 9.1: 2.6% against a green-only 2.5% (Low) → not on target,
        // printed G (§11 A5: "the Not Known figure was 0.1% above target").
        XCTAssertEqual(mismatches(eh, .ragDisagreement), ["9.1/monthly"])
        XCTAssertEqual(try EvidenceFixtures.assessed(eh, "9.1/monthly").findings.first?.message,
                       "printed G, but Dec-16's 2.6% misses the green-only target 2.5%")
        XCTAssertEqual(mismatches(eh, .ragUnverifiable), ["8.1/%"])
        XCTAssertEqual(mismatches(eh, .directionDisagreement), [])
    }

    // MARK: Seed 001, the review's Table 1

    func testReviewTable1() throws {
        let table = try EvidenceFixtures.reference("review-table-1-2017")
        XCTAssertEqual(table.asAt, .month(3, 2017))
        // 001:642 CIN per 10k 323.58 → 286.70: down (Info); below SN 372.68, England 337.7 and Y&H 332.8.
        let cin = try EvidenceFixtures.assessed(table, "2")
        XCTAssertEqual(cin.directionOfTravel, .down)
        XCTAssertEqual(cin.previous?.period, .month(11, 2014))
        XCTAssertEqual(cin.benchmarks.map(\.kind), [.statNeighbourAverage, .nationalAverage, .regionalAverage])
        XCTAssertEqual(cin.benchmarks.map(\.standing), [.below, .below, .below])
        // 001:644 referrals to assessment 77.8 → 95.8: improving (High).
        XCTAssertEqual(try EvidenceFixtures.assessed(table, "4").directionOfTravel, .improving)
        // 001:653 NEET 5.9% → 3.1%: improving (Low); better than SN 3.8%, level with Y&H 3.1%, worse than England 2.7%.
        let neet = try EvidenceFixtures.assessed(table, "10")
        XCTAssertEqual(neet.directionOfTravel, .improving)
        XCTAssertEqual(neet.benchmarks.map(\.standing), [.better, .worse, .level])
        // 001:648: the 2014 cell is a statement, not a value, so there is no direction.
        let triage = try EvidenceFixtures.assessed(table, "8")
        XCTAssertEqual(triage.value, 98.6)
        XCTAssertEqual(triage.previous?.printed.status, .pending)
        XCTAssertNil(triage.directionOfTravel)
        XCTAssertEqual(table.declaredMismatches.count, 0)
    }
}
