import XCTest

import AppraiseKit

/// Big-number division and powers as the money code uses them, and the unreduced fractions of money; division's identity
/// (q × b + r = a, |r| < |b|) on numbers of hundreds of digits.
final class MoneyArithmeticTests: XCTestCase {
    func testAgreesWithInt128OnRandomValues() {
        var generator = SplitMix64(seed: 12)
        for _ in 0..<2000 {
            let a = Int128(Int64(bitPattern: generator.next())) >> Int128(generator.next() % 40)
            let b = Int128(Int64(bitPattern: generator.next())) >> Int128(generator.next() % 40)
            XCTAssertEqual((BigInt(a) + BigInt(b)).int128, a + b)
            XCTAssertEqual((BigInt(a) - BigInt(b)).int128, a - b)
            XCTAssertEqual((BigInt(a) * BigInt(b)).int128, a * b)
            XCTAssertEqual(BigInt(a) < BigInt(b), a < b)
            XCTAssertEqual(BigInt(a).description, String(a))
            if b != 0 {
                let (q, r) = BigInt(a).quotientAndRemainder(dividingBy: BigInt(b))
                XCTAssertEqual(q.int128, a / b)
                XCTAssertEqual(r.int128, a % b)
            }
        }
    }

    func testDivisionIdentityOnLongNumbers() {
        var generator = SplitMix64(seed: 35)
        func random(limbs: Int) -> BigInt {
            var value = BigInt.zero
            for _ in 0..<limbs { value = value * BigInt(Int128(1) << 32) + BigInt(Int128(generator.next() >> 32)) }
            return generator.next() % 2 == 0 ? value : -value
        }
        for _ in 0..<500 {
            let a = random(limbs: Int(generator.next() % 30) + 1)
            let b = random(limbs: Int(generator.next() % 15) + 1)
            guard !b.isZero else { continue }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            XCTAssertEqual(q * b + r, a)
            XCTAssertTrue(r.magnitude < b.magnitude)
            XCTAssertTrue(r.isZero || r.isNegative == a.isNegative)
        }
    }

    func testPowersAndDecimalText() {
        XCTAssertEqual(BigInt(207).power(30).description, "3013771792079123197504001394491729024198721873046196628470764090905249")
        XCTAssertEqual(BigInt(10).power(40).description, "1" + String(repeating: "0", count: 40))
        XCTAssertEqual((BigInt(10).power(40) - .one).description, String(repeating: "9", count: 40))
    }

    func testFractionsRoundHalfAwayFromZero() {
        let third = BigRational(BigInt(1), BigInt(3))
        XCTAssertEqual(third.formatted(places: 4), "0.3333")
        XCTAssertEqual(BigRational(BigInt(-5), BigInt(2)).formatted(places: 0), "-3")
        XCTAssertEqual(BigRational(BigInt(5), BigInt(1000)).formatted(places: 2), "0.01")
        XCTAssertEqual(BigRational(BigInt(-1), BigInt(1000)).formatted(places: 2), "0.00")
        XCTAssertEqual((third + third + third).rational, Rational(1))
        XCTAssertTrue(BigRational(BigInt(2), BigInt(3)) < BigRational(BigInt(3), BigInt(4)))
    }
}
