import AppraiseKit
import Foundation
import XCTest

/// `fixedDecimal` writes digits itself for speed; it must give the text the C formatter gives
/// for the same rounded value, over every magnitude a Double takes.
final class FixedDecimalTests: XCTestCase {
    /// What `fixedDecimal` wrote when it went through `String(format:)` for the digits.
    private func reference(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled != 0
        let digits = String(format: "%.0f", scaled)
        guard places > 0 else { return (negative ? "-" : "") + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    func testSameTextAsTheCFormatterAtEveryMagnitude() {
        var rng = Xoshiro256StarStar(seed: 64)
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.05, 0.005, 1e-300, 9_007_199_254_740_993,
                                18_446_744_073_709_549_568, 18_446_744_073_709_551_616, 1e19, 1e30, -1e300,
                                .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        for _ in 0..<20_000 {
            let mantissa = Double(rng.nextInteger(below: 1 << 53)) / Double(1 << 53)
            let exponent = Int(rng.nextInteger(below: 50)) - 25
            let sign: Double = rng.nextInteger(below: 2) == 0 ? 1 : -1
            values.append(sign * mantissa * pow(10, Double(exponent)))
        }
        for value in values {
            for places in 0...6 {
                XCTAssertEqual(fixedDecimal(value, places: places), reference(value, places: places), "\(value) to \(places) places")
            }
        }
    }
}
