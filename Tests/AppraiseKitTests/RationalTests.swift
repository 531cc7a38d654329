import XCTest

import AppraiseKit

/// Pins `Rational`: exact arithmetic (so ties in a ranking are real ties), exact reading of the
/// decimal literals an appraisal file holds, and rounding that never depends on floating point.
final class RationalTests: XCTestCase {
    private func r(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Rational {
        guard let value = Rational(decimal: text) else {
            XCTFail("\"\(text)\" should parse", file: file, line: line)
            return .zero
        }
        return value
    }

    // MARK: - Exact arithmetic

    func testTenthPlusTwoTenthsIsExactlyThreeTenths() {
        // The classic floating-point failure: in Double 0.1 + 0.2 is 0.30000000000000004.
        XCTAssertNotEqual(0.1 + 0.2, 0.3 as Double, "precondition: Double gets this wrong")
        XCTAssertEqual(r("0.1") + r("0.2"), r("0.3"))
        XCTAssertEqual(r("0.1") + r("0.2"), Rational(3, 10))
        XCTAssertFalse(r("0.1") + r("0.2") < r("0.3"))
        XCTAssertFalse(r("0.3") < r("0.1") + r("0.2"))
    }

    func testThirdTimesThreeIsOne() {
        let third = Rational(1) / Rational(3)
        XCTAssertEqual(third * Rational(3), .one)
        XCTAssertEqual(third + third + third, .one)
        XCTAssertTrue((third * Rational(3)).isInteger)
        // 1/3 is not 0.333333 however many places are written.
        XCTAssertNotEqual(third, r("0.333333"))
    }

    func testValuesAreKeptInLowestTermsWithPositiveDenominator() {
        let value = Rational(6, -4)
        XCTAssertEqual(value.numerator, -3)
        XCTAssertEqual(value.denominator, 2)
        XCTAssertEqual(value.description, "-3/2")
        XCTAssertEqual(Rational(-6, -4).description, "3/2")
        XCTAssertEqual(Rational(0, -7).description, "0")
        XCTAssertEqual(Rational(0, -7).denominator, 1)
        XCTAssertEqual(Rational(10, 5).description, "2")
        XCTAssertTrue(Rational(10, 5).isInteger)
        // Equal values built differently are equal and hash alike.
        XCTAssertEqual(Set([Rational(1, 2), Rational(2, 4), Rational(-3, -6), r("0.5"), r("5e-1")]).count, 1)
    }

    func testFourOperationsAndSum() {
        // 3/4 − 5/6 = 9/12 − 10/12 = −1/12
        XCTAssertEqual(Rational(3, 4) - Rational(5, 6), Rational(-1, 12))
        // 2/3 ÷ 4/9 = 2/3 × 9/4 = 18/12 = 3/2
        XCTAssertEqual(Rational(2, 3) / Rational(4, 9), Rational(3, 2))
        // −2/3 × −3/4 = 6/12 = 1/2
        XCTAssertEqual(Rational(-2, 3) * Rational(-3, 4), Rational(1, 2))
        XCTAssertEqual(-Rational(2, 5), Rational(-2, 5))
        // 0.1 added ten times is exactly 1 (in Double it is 0.9999999999999999).
        XCTAssertEqual(Array(repeating: r("0.1"), count: 10).sum(), .one)
        XCTAssertEqual([Rational]().sum(), .zero)
        var running = Rational(1, 6)
        running += Rational(1, 3)
        XCTAssertEqual(running, Rational(1, 2))
        running -= Rational(3, 4)
        XCTAssertEqual(running, Rational(-1, 4))
        XCTAssertTrue(running.isNegative)
        XCTAssertEqual(Rational(-1, 4).doubleValue, -0.25)
    }

    // MARK: - Reading decimal literals

    func testParsesIntegersDecimalsExponentsAndSigns() {
        XCTAssertEqual(Rational(decimal: "0"), .zero)
        XCTAssertEqual(Rational(decimal: "-0"), .zero)
        XCTAssertEqual(Rational(decimal: "33"), Rational(33))
        XCTAssertEqual(Rational(decimal: "-3"), Rational(-3))
        XCTAssertEqual(Rational(decimal: "+7"), Rational(7))
        XCTAssertEqual(Rational(decimal: "12.5"), Rational(25, 2))
        XCTAssertEqual(Rational(decimal: "-12.50"), Rational(-25, 2))
        XCTAssertEqual(Rational(decimal: "0.000001"), Rational(1, 1_000_000))
        XCTAssertEqual(Rational(decimal: "-0.000001"), Rational(-1, 1_000_000))
        XCTAssertEqual(Rational(decimal: "1e-2"), Rational(1, 100))
        XCTAssertEqual(Rational(decimal: "1E2"), Rational(100))
        XCTAssertEqual(Rational(decimal: "2.5e+3"), Rational(2500))
        XCTAssertEqual(Rational(decimal: "-2.5E-3"), Rational(-1, 400))
        // 15e-1 = 1.5; 0.15E1 = 1.5
        XCTAssertEqual(Rational(decimal: "15e-1"), Rational(3, 2))
        XCTAssertEqual(Rational(decimal: "0.15E1"), Rational(3, 2))
        XCTAssertEqual(Rational(decimal: "007"), Rational(7), "leading zeros are the JSON reader's business, not Rational's")
    }

    func testRejectsTextThatIsNotAFiniteDecimal() {
        for text in ["", "abc", ".", "-", "+", "1.2.3", "1e", "e5", "1e1.5", "1e+", "0x10", " 1", "1 ", "1,5", "1_000",
                     "NaN", "nan", "Infinity", "-Infinity", "inf", "--1", "+-1", "1-", "١٢", "½", "1e9999999999999999999999"] {
            XCTAssertNil(Rational(decimal: text), "\"\(text)\" should be rejected")
        }
    }

    /// "1." and ".5" are not JSON numbers, but the JSON reader rejects them before `Rational`
    /// ever sees them (see JSONParserTests); `Rational(decimal:)` itself reads them as the values
    /// they plainly are. A lone "." has no digits at all and is rejected.
    func testBareDecimalPointsOnEitherSide() {
        XCTAssertEqual(Rational(decimal: "1."), .one)
        XCTAssertEqual(Rational(decimal: ".5"), Rational(1, 2))
        XCTAssertEqual(Rational(decimal: "-.5"), Rational(-1, 2))
        XCTAssertNil(Rational(decimal: "."))
        XCTAssertNil(Rational(decimal: "-."))
        XCTAssertNil(Rational(decimal: ".e1"))
    }

    func testHugeAndOverPreciseLiteralsAreRejectedRatherThanOverflowing() {
        // At most 18 digits before the point: 1e17 has 18, 1e18 has 19.
        XCTAssertEqual(Rational(decimal: "1e17")?.numerator, Rational.powerOfTenForTests(17))
        XCTAssertNil(Rational(decimal: "1e18"))
        XCTAssertEqual(Rational(decimal: "1e-18")?.denominator, Rational.powerOfTenForTests(18))
        XCTAssertNil(Rational(decimal: "1e-19"))
        // At most 18 significant digits (leading zeros do not count).
        let eighteenNines = String(repeating: "9", count: 18)
        XCTAssertEqual(Rational(decimal: eighteenNines)?.numerator, Rational.powerOfTenForTests(18) - 1)
        XCTAssertNil(Rational(decimal: eighteenNines + "9"))
        XCTAssertEqual(Rational(decimal: String(repeating: "0", count: 50) + "42"), Rational(42))
        // 18 digits may not be shifted further left.
        XCTAssertNil(Rational(decimal: eighteenNines + "e1"))
        // Fraction longer than 18 places.
        XCTAssertNil(Rational(decimal: "0." + String(repeating: "0", count: 18) + "1"))
        XCTAssertNil(Rational(decimal: "1." + String(repeating: "1", count: 18)))
    }

    /// The largest literals, squared or formatted, stay exact or fall back without trapping.
    func testExtremesNeverOverflow() {
        let big = Rational(decimal: "999999999999999999")!
        let tiny = Rational(decimal: "0.000000000000000001")!
        XCTAssertEqual((big * big) / big, big)
        XCTAssertTrue(tiny < big)
        XCTAssertEqual(tiny.decimalText(maximumPlaces: 18), "0.000000000000000001")
        XCTAssertEqual(big.formatted(places: 20), "999999999999999999." + String(repeating: "0", count: 20))
        // Written digit by digit, so even 30 places stay exact.
        XCTAssertEqual(big.formatted(places: 30), "999999999999999999." + String(repeating: "0", count: 30))
        XCTAssertEqual(Rational(2, 3).formatted(places: 30), "0." + String(repeating: "6", count: 29) + "7")
    }

    // MARK: - Decimal places and formatting

    func testTerminatingDecimalPlaces() {
        XCTAssertEqual(Rational(5).terminatingDecimalPlaces, 0)
        XCTAssertEqual(Rational(1, 2).terminatingDecimalPlaces, 1)
        XCTAssertEqual(Rational(1, 20).terminatingDecimalPlaces, 2)   // 0.05
        XCTAssertEqual(Rational(1, 8).terminatingDecimalPlaces, 3)    // 0.125
        XCTAssertEqual(Rational(-3, 16).terminatingDecimalPlaces, 4)  // -0.1875
        XCTAssertNil(Rational(1, 3).terminatingDecimalPlaces)
        XCTAssertNil(Rational(1, 6).terminatingDecimalPlaces)
        XCTAssertEqual(Rational(decimal: "1.500000")?.terminatingDecimalPlaces, 1)
    }

    func testFormattedRoundsHalfAwayFromZero() {
        // Exact halves: 2.5 → 3 and −2.5 → −3 (banker's rounding would give 2 and −2).
        XCTAssertEqual(Rational(5, 2).formatted(places: 0), "3")
        XCTAssertEqual(Rational(-5, 2).formatted(places: 0), "-3")
        XCTAssertEqual(Rational(1, 2).formatted(places: 0), "1")
        XCTAssertEqual(Rational(-1, 2).formatted(places: 0), "-1")
        XCTAssertEqual(Rational(7, 2).formatted(places: 0), "4")
        // 0.125 → 0.13, −0.125 → −0.13 (exact in binary too, so Double's %.2f would give 0.12).
        XCTAssertEqual(Rational(1, 8).formatted(places: 2), "0.13")
        XCTAssertEqual(Rational(-1, 8).formatted(places: 2), "-0.13")
        // 0.05 → 0.1 and −0.05 → −0.1.
        XCTAssertEqual(Rational(1, 20).formatted(places: 1), "0.1")
        XCTAssertEqual(Rational(-1, 20).formatted(places: 1), "-0.1")
        // 999.995 → 1000.00: the carry runs through every digit.
        XCTAssertEqual(r("999.995").formatted(places: 2), "1000.00")
        XCTAssertEqual(r("-999.995").formatted(places: 2), "-1000.00")
        // Just below a half rounds down.
        XCTAssertEqual(r("0.1249999").formatted(places: 2), "0.12")
        XCTAssertEqual(r("-0.1249999").formatted(places: 2), "-0.12")
    }

    func testFormattedRecurringAndPaddedValues() {
        XCTAssertEqual(Rational(1, 3).formatted(places: 2), "0.33")
        XCTAssertEqual(Rational(2, 3).formatted(places: 2), "0.67")
        XCTAssertEqual(Rational(-2, 3).formatted(places: 2), "-0.67")
        XCTAssertEqual(Rational(33).formatted(places: 2), "33.00")
        XCTAssertEqual(Rational(-7).formatted(places: 2), "-7.00")
        XCTAssertEqual(Rational.zero.formatted(places: 3), "0.000")
        XCTAssertEqual(Rational(1, 2).formatted(places: 3), "0.500")
        XCTAssertEqual(Rational(1, 1000).formatted(places: 3), "0.001")
        XCTAssertEqual(Rational(-1, 1000).formatted(places: 3), "-0.001")
        XCTAssertEqual(Rational(1, 1000).formatted(places: 2), "0.00")
        XCTAssertEqual(r("1234.5").formatted(places: 0), "1235")
        // 165/2 % = 82.5%: the reference appraisal's leader.
        XCTAssertEqual(Rational(165, 2).formatted(places: 1), "82.5")
    }

    func testFormattedNeverWritesNegativeZero() {
        // −0.04 rounds to 0.0 at one place: the sign must go with the digits.
        XCTAssertEqual(r("-0.04").formatted(places: 1), "0.0")
        XCTAssertEqual(r("-0.4").formatted(places: 0), "0")
        XCTAssertEqual(Rational(-1, 3).formatted(places: 0), "0")
        XCTAssertEqual(Rational(-1, 1000).formatted(places: 2), "0.00")
    }

    func testDecimalText() {
        XCTAssertEqual(r("12.5").decimalText(), "12.5")
        XCTAssertEqual(Rational(33).decimalText(), "33")
        XCTAssertEqual(r("-3").decimalText(), "-3")
        XCTAssertEqual(r("1.50").decimalText(), "1.5")
        XCTAssertEqual(r("0.000001").decimalText(), "0.000001")
        XCTAssertEqual(Rational(1, 8).decimalText(), "0.125")
        // Recurring: rounded to the maximum.
        XCTAssertEqual(Rational(1, 3).decimalText(), "0.333333")
        XCTAssertEqual(Rational(2, 3).decimalText(), "0.666667")
        XCTAssertEqual(Rational(-1, 3).decimalText(), "-0.333333")
        // Terminating but longer than the maximum: 1/1024 = 0.0009765625 → 0.000977.
        XCTAssertEqual(Rational(1, 1024).decimalText(), "0.000977")
        XCTAssertEqual(Rational(1, 8).decimalText(maximumPlaces: 2), "0.13")
        XCTAssertEqual(Rational(1, 3).decimalText(maximumPlaces: 0), "0")
        XCTAssertEqual(Rational(1, 1_000_000_000).decimalText(maximumPlaces: 9), "0.000000001")
    }

    // MARK: - Ordering

    func testOrdering() {
        let values: [Rational] = [Rational(1), r("0.34"), Rational(1, 3), .zero, Rational(-1, 2), Rational(-1), r("0.333333")]
        XCTAssertEqual(values.sorted(), [Rational(-1), Rational(-1, 2), .zero, r("0.333333"), Rational(1, 3), r("0.34"), Rational(1)])
        XCTAssertTrue(Rational(1, 3) < Rational(1, 2))
        XCTAssertTrue(Rational(-1, 2) < Rational(-1, 3))
        XCTAssertTrue(Rational(2, 3) > r("0.666666"))
        XCTAssertTrue(Rational(2, 3) < r("0.666667"))
        XCTAssertTrue(Rational(1_000_000) > Rational(999_999_999, 1000))
        XCTAssertFalse(Rational(1, 2) < Rational(2, 4))
        XCTAssertLessThanOrEqual(Rational(1, 2), Rational(2, 4))
        XCTAssertEqual([Rational(3), Rational(1, 2), Rational(3, 2)].max(), Rational(3))
    }
}

private extension Rational {
    /// 10^n as a numerator, computed here rather than through the type under test.
    static func powerOfTenForTests(_ n: Int) -> BigInt {
        var value: Int128 = 1
        for _ in 0..<n { value *= 10 }
        return BigInt(value)
    }
}
