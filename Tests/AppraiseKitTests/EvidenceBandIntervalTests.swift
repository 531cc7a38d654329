import XCTest
@testable import AppraiseKit

/// Bands read as intervals (`LiteralBands`): one test per notation, each rated on both sides of
/// every boundary, with the decorative-glyph reading of kpi-conventions §7 only as the fallback.
/// The numbers are my own, not the seeds', so the rule is tested rather than the sheets.
final class EvidenceBandIntervalTests: XCTestCase {
    private func assertRatings(_ bands: ToleranceBands, _ expected: [(Double, ComputedRAG)], file: StaticString = #filePath, line: UInt = #line) {
        for (value, rating) in expected {
            XCTAssertEqual(bands.rate(value), rating, "\(value) under \(bands.printedText): \(bands.rule)", file: file, line: line)
        }
    }

    func testPlusAndLessThanPartitionHighIsGood() {
        // `<70 | 70+ <80 | 80+`: every glyph literal.
        assertRatings(EvidenceFixtures.bands("<70", "70+ <80", "80+", .high), [(69.9, .red), (70, .amber), (79.9, .amber), (80, .green)])
    }

    func testGreaterOrEqualAndLessOrEqualGlyphs() {
        // `≤40 | >40 <=55 | >55` (high): 40 red, 55 amber, 55.1 green.
        assertRatings(EvidenceFixtures.bands("≤40", ">40 <=55", ">55", .high), [(40, .red), (40.1, .amber), (55, .amber), (55.1, .green)])
        // The same with ASCII `>=` on a low-is-good row: `>=12 | <12 >8 | <=8`.
        assertRatings(EvidenceFixtures.bands(">=12", "<12 >8", "<=8", .low), [(12, .red), (11.9, .amber), (8.1, .amber), (8, .green)])
    }

    func testSpacedGlyphsAndDashes() {
        // `< 85% | >= 85% < 90% | ≥ 90%`: a space after the glyph, as word processors set it.
        assertRatings(EvidenceFixtures.bands("< 85%", ">= 85% < 90%", "≥ 90%", .high), [(84.9, .red), (85, .amber), (89.9, .amber), (90, .green)])
        // En dash ranges: `85%–89.9%`.
        assertRatings(EvidenceFixtures.bands("< 85%", "85%–89.9%", "90%+", .high), [(84.9, .red), (85, .amber), (89.95, .amber), (90, .green)])
    }

    func testWordedThresholds() {
        // `below 60 | 60 or more and less than 75` is not a cell; words per cell are.
        assertRatings(EvidenceFixtures.bands("less than 60", "", "60 or more", .high), [(59.9, .red), (60, .green)])
        assertRatings(EvidenceFixtures.bands("more than 20", "", "up to 20", .low), [(20.1, .red), (20, .green)])
        assertRatings(EvidenceFixtures.bands("under 5", "", "at least 5", .high), [(4.99, .red), (5, .green)])
    }

    func testTwoBandRedAndGreenWithAmberBlank() {
        // §7 two-band form: red and green printed, amber blank; a miss is Red, not "not on target".
        let bands = EvidenceFixtures.bands("<75%", "", "75%", .high)
        XCTAssertEqual(bands.unratableReason, nil)
        assertRatings(bands, [(74.9, .red), (75, .green)])
        assertRatings(EvidenceFixtures.bands("10%+", "", "10%<", .low), [(10, .red), (9.9, .green)])
    }

    func testRangeAmberMeetsGlyphStatedNeighbours() {
        // `<83% | 83-86% | 86%+`: 86 is claimed by green's "+", so amber stops short of it.
        assertRatings(EvidenceFixtures.bands("<83%", "83-86%", "86%+", .high), [(82.9, .red), (83, .amber), (85.99, .amber), (86, .green)])
        // Low is good, `a - b` with spaces and percent on both ends.
        assertRatings(EvidenceFixtures.bands(">6%", "4% - 6%", "<4%", .low), [(6.1, .red), (6, .amber), (4, .amber), (3.9, .green)])
    }

    func testRangeAmberPrintedToTheLastDecimalClosesTheGap() {
        // `<83% | 83-85.9% | 86%+`: 85.9 is printed to one decimal, so 85.95 is amber, not lost.
        let bands = EvidenceFixtures.bands("<83%", "83-85.9%", "86%+", .high)
        assertRatings(bands, [(82.99, .red), (83, .amber), (85.95, .amber), (86, .green)])
        // A gap of two steps is a real gap: refused, with the literal reason shown.
        guard case .refused(let message) = EvidenceFixtures.bands("<83%", "83-85.8%", "86%+", .high).rule else {
            return XCTFail("a two-step gap must be refused")
        }
        XCTAssertTrue(message.contains("read literally, amber \"83-85.8%\" and green \"86%+\" leave a gap between them"), message)
    }

    func testBetweenWords() {
        assertRatings(EvidenceFixtures.bands("<50", "between 50 and 59", "60+", .high), [(49.9, .red), (50, .amber), (59.5, .amber), (60, .green)])
        assertRatings(EvidenceFixtures.bands("<50", "50 to 59", "60+", .high), [(49.9, .red), (59.9, .amber), (60, .green)])
    }

    func testAmberBelowGreenWithNoRedIsReadLiterally() {
        // ` | <86% | 86%+`: the glyphs say amber is everything below 86, so nothing is red. The
        // decorative reading made this "amber < 86 and ≥ 86" and refused it.
        let bands = EvidenceFixtures.bands("", "<86%", "86%+", .high)
        assertRatings(bands, [(10, .amber), (85.9, .amber), (86, .green)])
        guard case .thresholds(let rule) = bands.rule else { return XCTFail("\(bands.rule)") }
        XCTAssertEqual(rule.reading, "amber < 86, green ≥ 86, no red")
    }

    func testDistanceWithTheReferenceOnEveryCell() {
        // `more than ±d of r`: the reference may be printed on red and amber too.
        let bands = EvidenceFixtures.bands("more than ±10 of 200", "±10 of 200", "±4 of 200", .info)
        XCTAssertEqual(bands.rule, .distance(reference: 200, green: 4, amber: 10))
        assertRatings(bands, [(204, .green), (189.9, .red), (210, .amber)])
        guard case .refused = EvidenceFixtures.bands("more than ±10 of 150", "±10 of 200", "±4 of 200", .info).rule else {
            return XCTFail("different references must be refused")
        }
    }

    func testDecorativeReadingIsTheFallbackWhenTheLiteralDoesNotPartition() {
        // `<83% | 83%> | 86%`: literally amber "83%>" is 83 and above, cascading up to green's
        // 86; the §7 decorative rule reads it the same (and agrees with the 2015 printed RAGs).
        assertRatings(EvidenceFixtures.bands("<83%", "83%>", "86%", .high), [(82.9, .red), (83, .amber), (86, .green)])
        XCTAssertNotNil(LiteralBands.read(red: "<83%", amber: "83%>", green: "86%", higherIsBetter: true).success)
        // `<90% | 90%< | 95%`: amber "90%<" is literally below 90, the same values as red, so only
        // the decorative rule reads it.
        assertRatings(EvidenceFixtures.bands("<90%", "90%<", "95%", .high), [(89.9, .red), (90, .amber), (95, .green)])
        XCTAssertNil(LiteralBands.read(red: "<90%", amber: "90%<", green: "95%", higherIsBetter: true).success)
    }

    func testNeitherReadingPartitionsShowsBoth() {
        guard case .refused(let message) = EvidenceFixtures.bands("<85%", "83%>", "90%", .high).rule else { return XCTFail() }
        XCTAssertTrue(message.contains("overlap"), message)
        XCTAssertTrue(message.contains("(read literally, "), message)
    }

    func testBandReadingSettingIsAcceptedInBothForms() {
        // When both readings partition they agree for every notation above; the setting decides
        // only a disagreement, so it leaves agreeing bands unchanged.
        for reading in [BandReading.literal, .decorative, nil] {
            let bands = ToleranceBandParser.bands(red: "<70", amber: "70+ <80", green: "80+", polarity: .high, reading: reading)
            assertRatings(bands, [(69.9, .red), (70, .amber), (80, .green)])
        }
    }

    func testReadingsThatBothPartitionButDisagreeNeedTheSetting() throws {
        // Two readings of one `<90% | … | 95%` set that differ only in who owns 90.
        let literal = ToleranceBands.Thresholds(higherIsBetter: true, green: .init(value: 95, inclusive: true, percent: true),
                                                amber: .init(value: 90, inclusive: true, percent: true))
        let decorative = ToleranceBands.Thresholds(higherIsBetter: true, green: .init(value: 95, inclusive: true, percent: true),
                                                   amber: .init(value: 90, inclusive: false, percent: true))
        XCTAssertEqual(try ToleranceBandParser.choose(literal: literal, decorative: literal, reading: nil, shown: "`x`"), .thresholds(literal))
        XCTAssertEqual(try ToleranceBandParser.choose(literal: literal, decorative: decorative, reading: .literal, shown: "`x`"), .thresholds(literal))
        XCTAssertEqual(try ToleranceBandParser.choose(literal: literal, decorative: decorative, reading: .decorative, shown: "`x`"), .thresholds(decorative))
        do {
            _ = try ToleranceBandParser.choose(literal: literal, decorative: decorative, reading: nil, shown: "`x`")
            XCTFail("a disagreement without the setting must be refused")
        } catch {
            XCTAssertEqual(error.message, "bands `x` partition the line two ways: read literally, red < 90, amber ≥ 90 and < 95, green ≥ 95; by the decorative-glyph rule (kpi-conventions §7), red ≤ 90, amber > 90 and < 95, green ≥ 95; add the dataset setting `band reading` (literal or decorative)")
        }
        // The setting itself is read and checked.
        let bad = EvidenceFixtures.csv("band reading,glyphs\nref,title,polarity,Dec-15\n1,C,High,3\n")
        XCTAssertEqual(bad.diagnostics.map(\.code), ["bad-kpi-setting"])
        XCTAssertEqual(EvidenceFixtures.csv("band reading,Literal\nref,title,polarity,Dec-15\n1,C,High,3\n").dataset?.conventions.bandReading, .literal)
    }

    func testUnreadableBandLeavesItsRowUnratedUnlessMarkedText() throws {
        // `82%++` has digits but no notation: a located warning and the row unrated with the
        // reason, never a silent "text"; the next row is still assessed.
        let file = EvidenceFixtures.csv("ref,title,polarity,Dec-15,red,amber,green\n1,Visits,High,80%,<75%,75%>,82%++\n2,Reviews,High,80%,<75%,75%>,82%\n")
        let loaded = try XCTUnwrap(file.dataset, "\(file.messages)")
        XCTAssertEqual(file.diagnostics.map(\.code), ["unreadable-kpi-band"])
        XCTAssertTrue(file.messages[0].hasPrefix("test.csv:2:7: warning: green \"82%++\" has numbers but no band notation reads it"), file.messages[0])
        let items = loaded.assessment()
        XCTAssertEqual(items.map(\.rag.label), ["not rated", "Amber"])
        XCTAssertEqual(items[0].findings.map(\.kind), [.unreadableCell])
        XCTAssertTrue(items[0].findings[0].message.hasPrefix("not rated: green \"82%++\" has numbers but no band notation reads it"), items[0].findings[0].message)
        // Marked as text, the row loads and says why it is not rated.
        let marked = EvidenceFixtures.csv("ref,title,polarity,Dec-15,red,amber,green,bands\n1,Families,High,80,,,633 Families,text\n")
        let dataset = try? XCTUnwrap(marked.dataset, "\(marked.messages)")
        let item = dataset?.assessment().first
        XCTAssertEqual(item?.rag.label, "not rated")
        XCTAssertEqual(item?.findings.map(\.kind), [.notRated])
        XCTAssertTrue(item?.findings.first?.message.contains("633 Families") ?? false)
        // Words alone are a text target without any mark.
        XCTAssertNotNil(EvidenceFixtures.csv("ref,title,polarity,Dec-15,green\n1,C,High,3,range to be set\n").dataset)
    }
}

private extension Result {
    var success: Success? { try? get() }
}
