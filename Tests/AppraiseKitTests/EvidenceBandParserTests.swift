import XCTest
@testable import AppraiseKit

/// Every band notation the seeds print (kpi-conventions §7), rated on both sides of every
/// boundary under the one boundary rule stated on `ToleranceBands`.
final class EvidenceBandParserTests: XCTestCase {
    private func assertRatings(_ bands: ToleranceBands, _ expected: [(Double, ComputedRAG)], file: StaticString = #filePath, line: UInt = #line) {
        for (value, rating) in expected {
            XCTAssertEqual(bands.rate(value), rating, "\(value) under \(bands.printedText)", file: file, line: line)
        }
    }

    private func refusal(_ bands: ToleranceBands, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard case .refused(let message) = bands.rule else {
            XCTFail("expected \(bands.printedText) to be refused, got \(bands.rule)", file: file, line: line)
            return ""
        }
        return message
    }

    // MARK: High is good

    func testHighThreeBands2015() {
        // 002:30 `<83% | 83%> | 86%`: red below 83 (the "<" excludes 83), amber from 83 (red's
        // glyph hands 83 to amber), green at 86 or more (unsigned green includes 86).
        let bands = EvidenceFixtures.bands("<83%", "83%>", "86%", .high)
        XCTAssertEqual(bands.rule, .thresholds(.init(higherIsBetter: true, green: .init(value: 86, inclusive: true, percent: true),
                                                     amber: .init(value: 83, inclusive: true, percent: true))))
        assertRatings(bands, [(82.9, .red), (83, .amber), (85.9, .amber), (86, .green), (86.1, .green)])
    }

    func testTrailingGlyphOnAmberIsDecorative() {
        // 002:55 `<90% | 90%< | 95%` means the same as 002:30's form: 90 is amber, 95 green.
        assertRatings(EvidenceFixtures.bands("<90%", "90%<", "95%", .high), [(89.9, .red), (90, .amber), (94.9, .amber), (95, .green)])
    }

    func testHighThreeBands2017() {
        // 001:5168 `<92% | 92%> | 95%+`: "95%+" includes 95.
        assertRatings(EvidenceFixtures.bands("<92%", "92%>", "95%+", .high), [(91.9, .red), (92, .amber), (94.99, .amber), (95, .green)])
    }

    func testAmberOnlyWithRedBelowAmber() {
        // 001:4203 ` | >65% <75% | 75%`: red is not printed; ">65%" leaves 65 itself red,
        // "<75%" meets the unsigned green 75.
        let bands = EvidenceFixtures.bands("", ">65% <75%", "75%", .high)
        assertRatings(bands, [(64.9, .red), (65, .red), (65.1, .amber), (74.9, .amber), (75, .green)])
        // 001:4200 ` | >90% <100% | 100%`: June 71.1% is red.
        assertRatings(EvidenceFixtures.bands("", ">90% <100%", "100%", .high), [(71.1, .red), (90, .red), (90.1, .amber), (99.9, .amber), (100, .green)])
    }

    // MARK: Low is good

    func testLowThreeBands2015() {
        // 002:32 `26%+ | 26%< | 23%`: "26%+" makes 26 red; the unsigned green includes 23.
        assertRatings(EvidenceFixtures.bands("26%+", "26%<", "23%", .low),
                      [(26.1, .red), (26, .red), (25.9, .amber), (23.1, .amber), (23, .green), (22.9, .green)])
    }

    func testLowThreeBands2017() {
        // 001:5173 `26%+ | 26%< | 23%<`: the trailing "<" on green excludes 23.
        assertRatings(EvidenceFixtures.bands("26%+", "26%<", "23%<", .low), [(26, .red), (25.9, .amber), (23, .amber), (22.9, .green)])
    }

    func testLowWithRedWrittenBackwards() {
        // 002:65 `<6% | 6%> | 4%` on a low-is-good row: polarity, not the glyph, puts red above
        // 6; "<6%" excludes 6, so 6 is amber; the unsigned green includes 4.
        assertRatings(EvidenceFixtures.bands("<6%", "6%>", "4%", .low), [(6.1, .red), (6, .amber), (4.1, .amber), (4, .green)])
        // 002:94 `>12% | 12%> | 10%`: 12 is amber, 10 green.
        assertRatings(EvidenceFixtures.bands(">12%", "12%>", "10%", .low), [(12.1, .red), (12, .amber), (10.1, .amber), (10, .green)])
        // 002:67 `<3.6% | 3.6% | 2.6%`: an unsigned amber changes nothing.
        assertRatings(EvidenceFixtures.bands("<3.6%", "3.6%", "2.6%", .low), [(3.7, .red), (3.6, .amber), (2.6, .green)])
    }

    func testWithinLimitsLowReadsAsLow() {
        // 001:5216 ICPC rate `79+ | 79< | 74.1<`, polarity "Within limits (low)".
        assertRatings(EvidenceFixtures.bands("79+", "79<", "74.1<", .withinLimitsLow), [(79, .red), (78.9, .amber), (74.1, .amber), (74, .green)])
    }

    // MARK: Green only

    func testGreenOnlyTargets() {
        // 001:5219 `60` (Low): 60 is green; above it the sheet leaves amber or red to judgement.
        assertRatings(EvidenceFixtures.bands("", "", "60", .low), [(60, .green), (60.1, .notOnTarget), (75.2, .notOnTarget)])
        // 001:4265 `4.2%` (Low): June 4.1% is green.
        assertRatings(EvidenceFixtures.bands("", "", "4.2%", .low), [(4.1, .green), (4.2, .green), (4.3, .notOnTarget)])
        // 001:4286 `98%` (High): June 89.2% is not on target.
        assertRatings(EvidenceFixtures.bands("", "", "98%", .high), [(98, .green), (97.9, .notOnTarget), (89.2, .notOnTarget)])
    }

    // MARK: Distance and range

    func testDistanceFromReference() {
        // 002:44 `more than +/-15 | +/-15 | +/-5 of 158.8`: within ±5 green, within ±15 amber.
        let bands = EvidenceFixtures.bands("more than +/-15", "+/-15", "+/-5 of 158.8", .info)
        XCTAssertEqual(bands.rule, .distance(reference: 158.8, green: 5, amber: 15))
        assertRatings(bands, [(158.8, .green), (163.8, .green), (153.8, .green), (163.9, .amber), (173.8, .amber), (143.8, .amber),
                              (173.9, .red), (143.7, .red), (251.8, .red)])
    }

    func testDistanceWithUpTo() {
        // 002:73 `more than +/-5 | +/-5 | upto +/-2 of 73.5`: December 75.0 (1.5 above) is green.
        assertRatings(EvidenceFixtures.bands("more than +/-5", "+/-5", "upto +/-2 of 73.5", .info),
                      [(75.0, .green), (75.5, .green), (75.6, .amber), (78.5, .amber), (78.6, .red), (68.4, .red)])
        XCTAssertEqual(EvidenceFixtures.bands("", "", "±2 of 73.5", .info).rule, .distance(reference: 73.5, green: 2, amber: nil))
    }

    func testRangeTargets() {
        // 002:98 `over 1% above range | 1% above range | 14-20`: 11.4 below the range is
        // printed Green; amber up to 1% above 20 (20.2), red beyond.
        let bands = EvidenceFixtures.bands("over 1% above range", "1% above range", "14-20", .withinLimits)
        XCTAssertEqual(bands.rule, .range(lower: 14, upper: 20, amberMarginPercent: 1))
        assertRatings(bands, [(11.4, .green), (14, .green), (20, .green), (20.1, .amber), (20.2, .amber), (20.21, .red)])
        assertRatings(EvidenceFixtures.bands("over 1% above range", "1% above range", "16-22", .withinLimits),
                      [(21.0, .green), (22, .green), (22.22, .amber), (22.23, .red)])
    }

    // MARK: No target and text targets

    func testBlankAndNotApplicableMeanNoTarget() {
        XCTAssertEqual(EvidenceFixtures.bands("", "", "", .info).rule, ToleranceBands.Rule.none)
        XCTAssertEqual(EvidenceFixtures.bands("", "", "n/a", .info).rule, ToleranceBands.Rule.none)
        XCTAssertEqual(EvidenceFixtures.bands("", "", "n/a", .info).rate(5), .notComputable("no target is set"))
    }

    func testTextTargetsAreKeptVerbatimAndNotComputable() {
        let texts: [(String, String, String)] = [
            ("range to be set", "", ""),                                   // 001:5170
            ("tbc", "range to be set", ""),                                // 002:28
            ("awaiting national benchmarking", "", "n/a"),                 // 002:35
            ("", "", "633 Families"),                                      // 001:4258
            ("", "", "Between the range of 280-350"),                      // 001:4260
            ("range to be set 87.5%>", "", ""),                            // 001:5269
            ("", "", "Lower than same quarter previous year and comparable with national trends"), // 001:4271
            ("", "", "TBC"),                                               // 000:48
        ]
        for (red, amber, green) in texts {
            let bands = EvidenceFixtures.bands(red, amber, green, .high)
            XCTAssertEqual(bands.red, red)
            XCTAssertEqual(bands.green, green)
            guard case .text(let reason) = bands.rule else {
                XCTFail("\(bands.printedText) should be a text target, got \(bands.rule)")
                continue
            }
            XCTAssertTrue(reason.contains("the target is text"), reason)
            guard case .notComputable = bands.rate(50) else { return XCTFail("a text target rated a value") }
        }
    }

    // MARK: Refused band sets

    func testEmptyAmberIsRefusedShowingTheBandsAsRead() {
        // 001:5177 `<90% | 90%> | 90%+`: amber and green both start at 90 (kpi-conventions §11 B10).
        let bands = EvidenceFixtures.bands("<90%", "90%>", "90%+", .high)
        let message = refusal(bands)
        XCTAssertTrue(message.contains("overlap"), message)
        XCTAssertTrue(message.contains("read as red < 90, amber ≥ 90 and < 90, green ≥ 90; high is good"), message)
        XCTAssertEqual(bands.red, "<90%")
        XCTAssertEqual(bands.rate(85.5), .notComputable(message))
    }

    func testGapBetweenRedAndAmberIsRefused() {
        // 001:5283 `25+ | 24< | 22<` (Low): a value of 24 is in no band.
        let message = refusal(EvidenceFixtures.bands("25+", "24<", "22<", .low))
        XCTAssertTrue(message.contains("leave a gap: values from 24 to 25 fall in no band"), message)
        XCTAssertTrue(message.contains("read as red ≥ 25, amber < 24 and ≥ 22, green < 22; low is good"), message)
    }

    func testOverlapBetweenRedAndAmberIsRefused() {
        let message = refusal(EvidenceFixtures.bands("<85%", "83%>", "90%", .high))
        XCTAssertTrue(message.contains("overlap: values from 83 to 85 are both red and amber"), message)
    }

    func testBandsAgainstThePolarityAreRefused() {
        // The 2015 high-is-good notation on a low-is-good row puts amber on the better side.
        let message = refusal(EvidenceFixtures.bands("<83%", "83%>", "86%", .low))
        XCTAssertTrue(message.contains("put amber on the better side of green"), message)
    }

    func testThresholdsOnAnInfoRowAreRefused() {
        // 002:60 ICPC rate, Info, `<79 | 79< | 74.1` (kpi-conventions §11 A4), and 001:5194 `351`.
        XCTAssertTrue(refusal(EvidenceFixtures.bands("<79", "79<", "74.1", .info)).contains("polarity Info says neither higher nor lower is better"))
        XCTAssertTrue(refusal(EvidenceFixtures.bands("", "", "351", .info)).contains("`351`"))
    }

    func testPercentTargetOnACountIsRefused() {
        // 001:4278: green "100%" on a Number measure.
        let message = refusal(EvidenceFixtures.bands("", "", "100%", .high, unit: "Number"))
        XCTAssertTrue(message.contains("percentages but the unit is Number"), message)
        XCTAssertEqual(EvidenceFixtures.bands("", "", "95%", .high, unit: "% (Quarterly)").rate(95), .green)
    }

    func testAmberThatDoesNotMeetGreenIsRefused() {
        XCTAssertTrue(refusal(EvidenceFixtures.bands("", ">65% <70%", "75%", .high)).contains("amber ends at 70 and green starts at 75"))
    }

    func testRedWithoutAmberIsRefused() {
        XCTAssertTrue(refusal(EvidenceFixtures.bands("<90%", "", "95%", .high)).contains("print red but no amber"))
    }

    func testMismatchedDistancesAndMarginsAreRefused() {
        XCTAssertTrue(refusal(EvidenceFixtures.bands("more than +/-10", "+/-15", "+/-5 of 50", .info)).contains("overlap between ±10 and ±15"))
        XCTAssertTrue(refusal(EvidenceFixtures.bands("more than +/-15", "+/-15", "+/-15 of 50", .info)).contains("leave amber no values of its own"))
        XCTAssertTrue(refusal(EvidenceFixtures.bands("", "", "+/-5", .info)).contains("without a reference value"))
        XCTAssertTrue(refusal(EvidenceFixtures.bands("over 2% above range", "1% above range", "14-20", .withinLimits)).contains("give both the same margin"))
        XCTAssertTrue(refusal(EvidenceFixtures.bands("", "", "20-14", .withinLimits)).contains("write the lower end first"))
    }

    // MARK: Distance to target

    func testDistanceToTarget() {
        // 002:30 2.5 December 79.2% against green 86%.
        let high = EvidenceFixtures.bands("<83%", "83%>", "86%", .high)
        XCTAssertEqual(high.distance(from: 79.2)?.text, "6.8 short of the green threshold 86%")
        XCTAssertEqual(high.distance(from: 79.2)?.margin ?? 0, -6.8, accuracy: 1e-9)
        XCTAssertEqual(high.distance(from: 86)?.text, "at the green threshold 86%")
        XCTAssertEqual(EvidenceFixtures.bands("26%+", "26%<", "23%", .low).distance(from: 22)?.text, "1 better than the green threshold 23%")
        // 001:5186 S47 rate June 297.4 against +/-5 of 158.8.
        XCTAssertEqual(EvidenceFixtures.bands("more than +/-15", "+/-15", "+/-5 of 158.8", .info).distance(from: 297.4)?.text,
                       "138.6 above 158.8; green is within ±5")
        let range = EvidenceFixtures.bands("over 1% above range", "1% above range", "14-20", .withinLimits)
        XCTAssertEqual(range.distance(from: 10.7)?.text, "3.3 below the range 14–20")
        XCTAssertEqual(range.distance(from: 21)?.text, "1 above the range 14–20")
        XCTAssertEqual(range.distance(from: 15)?.text, "within the range 14–20")
        XCTAssertNil(EvidenceFixtures.bands("range to be set", "", "", .high).distance(from: 5))
    }
}
