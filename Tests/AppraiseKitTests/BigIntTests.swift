import XCTest

import AppraiseKit

/// Pins `BigInt`, the integer behind `Rational`: ring laws and division on random values of every
/// size from one machine word to several hundred bits, agreement with `Int128` wherever `Int128`
/// does not overflow, and products whose decimal value is known.
final class BigIntTests: XCTestCase {
    /// A product of up to eight random signed 64-bit factors: values from 0 to about 2^512,
    /// so the fast path, the boundary at 2^127 and long division are all exercised.
    private func randomValue(_ generator: inout SplitMix) -> BigInt {
        var value = BigInt(1)
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            value = value * BigInt(Int.random(in: Int.min / 2...Int.max / 2, using: &generator))
        }
        if Int.random(in: 0..<8, using: &generator) == 0 { value = value + BigInt(Int.random(in: -9...9, using: &generator)) }
        return value
    }

    func testRingLawsHoldOnRandomValuesOfEverySize() {
        var generator = SplitMix(seed: 2026)
        for _ in 0..<3_000 {
            let a = randomValue(&generator), b = randomValue(&generator), c = randomValue(&generator)
            XCTAssertEqual(a + b, b + a)
            XCTAssertEqual(a * b, b * a)
            XCTAssertEqual((a + b) + c, a + (b + c))
            XCTAssertEqual((a * b) * c, a * (b * c))
            XCTAssertEqual(a * (b + c), a * b + a * c)
            XCTAssertEqual((a + b) - b, a)
            XCTAssertEqual(a - a, 0)
            XCTAssertEqual(-(-a), a)
            XCTAssertEqual(a * 0, 0)
            XCTAssertEqual(a * 1, a)
            XCTAssertEqual(a < b, (a - b).isNegative)
            XCTAssertEqual(a == b, (a - b).isZero)
        }
    }

    func testDivisionIsTruncatingWithTheRemainderSmallerThanTheDivisor() {
        var generator = SplitMix(seed: 9)
        for _ in 0..<3_000 {
            let a = randomValue(&generator), b = randomValue(&generator)
            guard !b.isZero else { continue }
            let (quotient, remainder) = BigInt.quotientAndRemainder(a, b)
            XCTAssertEqual(quotient * b + remainder, a, "\(a) / \(b)")
            let magnitude = { (x: BigInt) in x.isNegative ? -x : x }
            XCTAssertTrue(magnitude(remainder) < magnitude(b), "\(a) % \(b)")
            XCTAssertTrue(remainder.isZero || remainder.isNegative == a.isNegative, "remainder takes the dividend's sign")
            XCTAssertEqual((a * b) / b, a)
            XCTAssertEqual((a * b) % b, 0)
        }
    }

    func testAgreesWithInt128WhereverInt128DoesNotOverflow() {
        var generator = SplitMix(seed: 128)
        var checked = 0
        for _ in 0..<20_000 {
            let x = Int128(Int.random(in: .min ... .max, using: &generator)) << Int.random(in: 0...63, using: &generator)
            let y = Int128(Int.random(in: .min ... .max, using: &generator)) >> Int.random(in: 0...63, using: &generator)
            let a = BigInt(x), b = BigInt(y)
            let (sum, sumOverflow) = x.addingReportingOverflow(y)
            if !sumOverflow { XCTAssertEqual(a + b, BigInt(sum)); checked += 1 }
            let (product, productOverflow) = x.multipliedReportingOverflow(by: y)
            if !productOverflow { XCTAssertEqual(a * b, BigInt(product)); checked += 1 }
            if y != 0 {
                XCTAssertEqual(a / b, BigInt(x / y))
                XCTAssertEqual(a % b, BigInt(x % y))
            }
            XCTAssertEqual(a < b, x < y)
            XCTAssertEqual(a.description, String(x))
        }
        XCTAssertGreaterThan(checked, 20_000, "most cases fit in 128 bits")
    }

    func testKnownLargeValues() {
        let two64 = BigInt(Int128(1) << 64)
        XCTAssertEqual((two64 * two64).description, "340282366920938463463374607431768211456", "2^128")
        let max = BigInt(Int128.max)
        XCTAssertEqual((max * max).description,
                       "28948022309329048855892746252171976962977213799489202546401021394546514198529", "(2^127 − 1)^2")
        XCTAssertEqual((max + 1).description, "170141183460469231731687303715884105728", "2^127")
        XCTAssertEqual((max + 1).int128, nil)
        XCTAssertEqual((-max - 1).int128, Int128.min)
        XCTAssertEqual(BigInt(Int128.min).description, "-170141183460469231731687303715884105728")
        let tenToNineteenPlusOne = BigInt(10_000_000_000_000_000_000 as Int128 + 1)
        XCTAssertEqual((tenToNineteenPlusOne * tenToNineteenPlusOne).description,
                       "1" + String(repeating: "0", count: 18) + "2" + String(repeating: "0", count: 18) + "1")
        // 40! = 815915283247897734345611269596115894272000000000
        let factorial = (1...40).reduce(BigInt(1)) { $0 * BigInt($1) }
        XCTAssertEqual(factorial.description, "815915283247897734345611269596115894272000000000")
        XCTAssertEqual(factorial / (1...39).reduce(BigInt(1)) { $0 * BigInt($1) }, 40)
        XCTAssertEqual((-factorial).description, "-815915283247897734345611269596115894272000000000")
        XCTAssertEqual(BigInt.greatestCommonDivisor(factorial, two64 * two64), BigInt(Int128(1) << 38), "40! holds 2^38")
        XCTAssertEqual(Int(exactly: factorial), nil)
        XCTAssertEqual(Int(clamping: -factorial), Int.min)
    }

    func testValuesThatComeBackIntoRangeReturnToTheFastPath() {
        let big = BigInt(Int128.max) * 3
        let back = big / 3
        XCTAssertEqual(back, BigInt(Int128.max))
        XCTAssertEqual(back.int128, Int128.max)
        XCTAssertEqual(Set([back, BigInt(Int128.max)]).count, 1, "equal values hash alike whichever way they were made")
        XCTAssertEqual((big - big + 5).int128, 5)
    }
}

/// Steele, Lea and Flood's SplitMix64: a small deterministic generator for property tests.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
