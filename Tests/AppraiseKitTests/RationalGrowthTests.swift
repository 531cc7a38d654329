import XCTest

import AppraiseKit

/// Exactness must hold for every valid appraisal, so `Rational` may never trap: products of
/// six-decimal weights and scores over many criteria outgrow 128 bits, and then carry on in
/// `BigInt`. These tests push values past 128 bits and check the results against laws, against
/// a plain 128-bit computation wherever that one does not overflow, and against published values.
final class RationalGrowthTests: XCTestCase {
    /// A six-decimal value in −1000…1000, as an appraisal file may hold.
    private func sixDecimals(_ generator: inout SplitMix) -> Rational {
        Rational(Int128(Int.random(in: -1_000_000_000...1_000_000_000, using: &generator)), 1_000_000)
    }

    /// A product or quotient of several six-decimal values: well past 128 bits for longer chains.
    private func grown(_ generator: inout SplitMix) -> Rational {
        var value = sixDecimals(&generator)
        for _ in 0..<Int.random(in: 0...9, using: &generator) {
            let next = sixDecimals(&generator)
            if Bool.random(using: &generator) || next.isZero { value = value * next + sixDecimals(&generator) } else { value = value / next }
        }
        return value
    }

    func testHarmonicNumberOneHundredIsExact() {
        // H(100) = A001008(100) / A002805(100), OEIS (The On-Line Encyclopedia of Integer
        // Sequences), "Numerators/Denominators of harmonic numbers": both parts exceed 2^127.
        let sum = (1...100).map { Rational(1, Int128($0)) }.sum()
        XCTAssertEqual(sum.numerator.description, "14466636279520351160221518043104131447711")
        XCTAssertEqual(sum.denominator.description, "2788815009188499086581352357412492142272")
        XCTAssertEqual(sum.formatted(places: 6), "5.187378")
        XCTAssertEqual(sum.doubleValue, 5.187377517639621, accuracy: 1e-12)
        XCTAssertNil(sum.terminatingDecimalPlaces)
        // Taking the terms back off returns to the 128-bit form, equal and hashing alike.
        let back = (2...100).map { Rational(1, Int128($0)) }.reduce(sum, -)
        XCTAssertEqual(back, .one)
        XCTAssertEqual(Set([back, Rational.one]).count, 1)
    }

    func testFieldLawsHoldBeyond128Bits() {
        var generator = SplitMix(seed: 6)
        var beyond = 0
        for _ in 0..<1_500 {
            let a = grown(&generator), b = grown(&generator), c = grown(&generator)
            if a.numerator.int128 == nil || a.denominator.int128 == nil { beyond += 1 }
            XCTAssertEqual(a + b, b + a)
            XCTAssertEqual((a + b) + c, a + (b + c))
            XCTAssertEqual(a * (b + c), a * b + a * c)
            XCTAssertEqual((a - b) + b, a)
            if !b.isZero { XCTAssertEqual((a / b) * b, a) }
            XCTAssertEqual(a < b, (a - b).isNegative)
            XCTAssertEqual(a < b, b > a)
            XCTAssertFalse(a < a)
            XCTAssertFalse(a.denominator.isNegative || a.denominator.isZero)
            XCTAssertEqual(BigInt.greatestCommonDivisor(a.numerator, a.denominator), a.isZero ? a.denominator : 1, "lowest terms")
            if a.doubleValue.isFinite && b.doubleValue.isFinite && abs(a.doubleValue - b.doubleValue) > 1e-9 * max(abs(a.doubleValue), 1) {
                XCTAssertEqual(a < b, a.doubleValue < b.doubleValue, "order agrees with the nearest doubles when they are far apart")
            }
        }
        XCTAssertGreaterThan(beyond, 300, "the test reaches values beyond 128 bits")
    }

    func testAgreesWithPlain128BitArithmeticWhereThatDoesNotOverflow() {
        var generator = SplitMix(seed: 17)
        var compared = 0
        for _ in 0..<5_000 {
            let n1 = Int128(Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator))
            let d1 = Int128(Int.random(in: 1...1_000_000_000_000, using: &generator))
            let n2 = Int128(Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator))
            let d2 = Int128(Int.random(in: 1...1_000_000_000_000, using: &generator))
            let a = Rational(n1, d1), b = Rational(n2, d2)
            // The textbook formulas, unreduced, in Int128: n1·d2 + n2·d1 over d1·d2, and so on.
            let (x, o1) = n1.multipliedReportingOverflow(by: d2), (y, o2) = n2.multipliedReportingOverflow(by: d1)
            let (den, o3) = d1.multipliedReportingOverflow(by: d2)
            guard !(o1 || o2 || o3), !x.addingReportingOverflow(y).overflow else { continue }
            compared += 1
            XCTAssertEqual(a + b, Rational(x + y, den))
            XCTAssertEqual(a - b, Rational(x - y, den))
            XCTAssertEqual(a < b, x < y)
            if let (p, o4) = Optional(n1.multipliedReportingOverflow(by: n2)), !o4 { XCTAssertEqual(a * b, Rational(p, den)) }
            if n2 != 0 { XCTAssertEqual(a / b, Rational(x, y)) }
        }
        XCTAssertGreaterThan(compared, 4_000)
    }

    func testBigValuesFormatAndRoundLikeSmallOnes() {
        let huge = Rational(BigInt(Int128.max) * 1_000, 3)
        XCTAssertEqual(huge.formatted(places: 2), "56713727820156410577229101238628035242333.33")
        XCTAssertEqual((-huge).formatted(places: 0), "-56713727820156410577229101238628035242333")
        let tiny = Rational(1, 1) / Rational(BigInt(Int128.max) * 4, 1)
        XCTAssertEqual(tiny.formatted(places: 3), "0.000")
        XCTAssertEqual((-tiny).formatted(places: 3), "0.000", "no negative zero")
        XCTAssertEqual(tiny.doubleValue, 1 / (Double(Int128.max) * 4), accuracy: 1e-50)
        let half = Rational(BigInt(Int128.max) * 2 + 1, BigInt(Int128.max) * 4 + 2)
        XCTAssertEqual(half, Rational(1, 2))
        XCTAssertEqual(half.terminatingDecimalPlaces, 1)
    }
}

extension RationalGrowthTests {
    func testWholeNumbersBeyond128BitsAreIntegers() {
        let big = Rational(BigInt(Int128.max) * 10, 1)
        XCTAssertTrue(big.isInteger)
        XCTAssertFalse(big.isZero)
        XCTAssertFalse(big.isNegative)
        XCTAssertTrue((-big).isNegative)
        XCTAssertEqual(big.terminatingDecimalPlaces, 0)
        XCTAssertEqual((big / Rational(10)).numerator.int128, Int128.max)
    }
}
