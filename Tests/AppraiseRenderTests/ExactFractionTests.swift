import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// Every exact fraction written to JSON ("xExact": "8/15") is the value its decimal beside it
/// ("x": 0.533333) shows, to the decimal's own precision: checked over every such pair in the
/// sensitivity JSON of random appraisals and in the whole reference pack.
final class ExactFractionTests: XCTestCase {
    func testEveryFractionEqualsItsDecimalToItsPrecision() throws {
        var rng = Xoshiro256StarStar(seed: 2024)
        var checked = 0
        for _ in 0..<25 {
            let m = 2 + Int(rng.nextInteger(below: 5)), n = 1 + Int(rng.nextInteger(below: 5))
            let scale = ScoreScale(minimum: .zero, maximum: Rational(10), step: .one)
            let scores = (0..<m).map { _ in (0..<n).map { _ in Rational(Int(rng.nextInteger(below: 11))) } }
            let matrix = DecisionMatrix(optionIDs: (0..<m).map { "o\($0)" }, criterionIDs: (0..<n).map { "c\($0)" }, scores: scores, scale: scale)
            var entered = (0..<n).map { _ in Rational(Int(rng.nextInteger(below: 7))) }
            if entered.allSatisfy(\.isZero) { entered[0] = .one }
            let selection = WeightSelection(id: "default", name: "the appraisal's weights", weights: Weights(entered)!)
            let report = try SensitivityReport(matrix: matrix, weights: selection, options: SensitivityOptions(pairs: .all))
            checked += try check(written(SensitivityRenderer.json(report)))
        }
        checked += try check(written(try PackFixtures.reference().json))
        XCTAssertGreaterThan(checked, 1_000)
    }

    /// The document as a file holds it: fractions beside the decimals, read back as JSON.
    private func written(_ value: JSONValue) throws -> JSONValue {
        JSONValue(try JSONParser.parse(Data(value.withExactSiblings.prettyText.utf8)))
    }

    /// Checks every "key"/"keyExact" pair below `value`; returns how many it checked.
    private func check(_ value: JSONValue, path: String = "") throws -> Int {
        var count = 0
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() { count += try check(element, path: "\(path)[\(index)]") }
        case .object(let members):
            for (key, member) in members {
                count += try check(member, path: "\(path).\(key)")
                guard key.hasSuffix("Exact") else { continue }
                let decimalKey = String(key.dropLast("Exact".count))
                let decimal = try XCTUnwrap(members[decimalKey], "\(path).\(key) has no \(decimalKey) beside it")
                count += try compare(decimal, member, at: "\(path).\(decimalKey)")
            }
        default:
            break
        }
        return count
    }

    private func compare(_ decimal: JSONValue, _ exact: JSONValue, at path: String) throws -> Int {
        switch (decimal, exact) {
        case (.null, .null):
            return 0
        case (.number(let text), .string(let written)):
            let shown = try XCTUnwrap(Rational(decimal: text), path)
            let value = try XCTUnwrap(fraction(written), "\(path): \(written) is not a fraction")
            let places = text.split(separator: ".").dropFirst().first?.count ?? 0
            var unit = Rational.one
            for _ in 0..<places { unit = unit / Rational(10) }
            let gap = value > shown ? value - shown : shown - value
            XCTAssertLessThanOrEqual(gap, unit / Rational(2), "\(path): \(text) is not \(written) to \(places) places")
            if let exactPlaces = value.terminatingDecimalPlaces, exactPlaces <= places {
                XCTAssertEqual(shown, value, "\(path): \(text) should be exactly \(written)")
            }
            return 1
        case (.array(let decimals), .array(let fractions)):
            XCTAssertEqual(decimals.count, fractions.count, path)
            return try zip(decimals, fractions).enumerated().reduce(0) { $0 + (try compare($1.element.0, $1.element.1, at: "\(path)[\($1.offset)]")) }
        case (.object(let decimals), .object(let fractions)):
            XCTAssertEqual(Set(decimals.keys), Set(fractions.keys), path)
            return try decimals.keys.reduce(0) { $0 + (try compare(decimals[$1]!, fractions[$1] ?? .null, at: "\(path).\($1)")) }
        default:
            XCTFail("\(path): \(decimal) beside \(exact)")
            return 0
        }
    }

    private func fraction(_ text: String) -> Rational? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let numerator = Int128(parts[0]) else { return nil }
        if parts.count == 1 { return Rational(numerator, 1) }
        guard parts.count == 2, let denominator = Int128(parts[1]), denominator > 0 else { return nil }
        let value = Rational(numerator, denominator)
        // Written in lowest terms with a positive denominator, the way Rational keeps it.
        return value.description == text ? value : nil
    }
}
