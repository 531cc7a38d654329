@testable import AppraiseKit
import Foundation
import XCTest

/// Currencies are never guessed, and amounts and measured levels as big as budgets are read in
/// every reader: money cells, raw matrices, the JSON file.
final class ReaderBoundsTests: XCTestCase {
    private func refusal(_ cell: String, currency: String?) -> MoneyParser.Refusal? {
        do {
            _ = try MoneyParser.read(cell, currency: currency)
            return nil
        } catch {
            return error
        }
    }

    func testAFigureInItsMeasuresCurrencyIsRead() throws {
        let cases: [(String, String, Rational)] = [
            ("£5,000", "GBP", Rational(5000)), ("5000 GBP", "GBP", Rational(5000)), ("gbp 1.2m", "GBP", Rational(1_200_000)),
            ("€7000", "EUR", Rational(7000)), ("7000 €", "EUR", Rational(7000)), ("EUR7000", "EUR", Rational(7000)),
            ("$5000", "USD", Rational(5000)), ("US$5", "USD", Rational(5)), ("USD 5k", "USD", Rational(5000)),
            ("$5000", "AUD", Rational(5000)), ("A$5000", "AUD", Rational(5000)), ("CHF 250", "CHF", Rational(250)),
            ("1200000", "JPY", Rational(1_200_000)),
        ]
        for (cell, currency, expected) in cases {
            XCTAssertEqual(try MoneyParser.read(cell, currency: currency), .value(expected), "\(cell) in \(currency)")
        }
        XCTAssertEqual(try MoneyParser.read("$50k–$87k", currency: "USD"), .range(low: Rational(50_000), high: Rational(87_000)))
    }

    func testAFigureInAnotherCurrencyIsRefusedWithTheCurrencyItIsIn() throws {
        let cases: [(String, String, String)] = [
            ("$5000", "GBP", "USD"), ("€7000", "GBP", "EUR"), ("US$5", "GBP", "USD"), ("5000 USD", "GBP", "USD"),
            ("£5000", "EUR", "GBP"), ("US$5", "AUD", "USD"), ("A$5", "USD", "AUD"), ("7000€", "USD", "EUR"),
            ("approx $50k", "GBP", "USD"),
        ]
        for (cell, currency, foreign) in cases {
            let error = try XCTUnwrap(refusal(cell, currency: currency), "\(cell) in \(currency) must be refused")
            XCTAssertEqual(error.foreignCurrency, foreign, cell)
            XCTAssertTrue(error.message.hasPrefix("\"\(cell)\" is in "), error.message)
            XCTAssertTrue(error.message.contains("its measure counts money in \(currency); convert it to \(currency)"), error.message)
        }
        // A bare "$" names no country: refused on a pound line, and said so.
        XCTAssertTrue(try XCTUnwrap(refusal("$5000", currency: "GBP")).message.contains("dollars (\"$\" alone does not say whose)"))
        // One end of a range in another currency refuses the range.
        XCTAssertEqual(refusal("£50k–$87k", currency: "GBP")?.foreignCurrency, "USD")
        // A quantity is not money.
        let quantity = try XCTUnwrap(refusal("£40", currency: nil))
        XCTAssertTrue(quantity.message.contains("counts a quantity, not money; write the number alone"), quantity.message)
        XCTAssertEqual(try MoneyParser.read("40", currency: nil), .value(Rational(40)))
    }

    func testAmountsUpToATrillionAndNoFurther() throws {
        XCTAssertEqual(try MoneyParser.figure("£1,000,000,000,000", currency: "GBP"), NumberBounds.large)
        XCTAssertEqual(try MoneyParser.figure("£999.999999bn", currency: "GBP"), Rational(999_999_999_000))
        XCTAssertTrue(try XCTUnwrap(refusal("£1,000,000,000,001", currency: "GBP")).message.contains("at most 1,000,000,000,000"))
        XCTAssertNotNil(refusal(String(repeating: "9", count: 400), currency: "GBP"), "a cell of 400 digits is refused, not parsed")
    }

    // MARK: - Raw levels

    private let base = Appraisal(id: "m", title: "M", body: "B", date: "2026", scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one),
                                 criteria: [], options: [], scores: [])

    private func raw(_ text: String, _ normalisation: Normalisation = .minMax) throws -> AppraisalEditor.Result {
        let appraisal = try RawMatrixImport.apply(try CSVReader.read(Data(text.utf8), fileName: "m.csv"), file: "m.csv", to: base, normalisation: normalisation)
        return try AppraisalEditor.written(appraisal)
    }

    /// Issue 23's matrix: capital costs in the millions import under every normalisation.
    func testCapitalCostsInTheMillionsImport() throws {
        let text = "Option,Places,Capital cost\nDirection,benefit,cost\nNew build,40,1450000\nExtension,25,1380000\n"
        for normalisation in Normalisation.allCases {
            let result = try raw(text, normalisation)
            XCTAssertEqual(result.file.diagnostics.errors, [], "\(normalisation)")
            let levels = result.appraisal.scores.compactMap { score -> Rational? in
                if case .level(let level) = score.measurement { return level } else { return nil }
            }
            XCTAssertEqual(Set(levels), [Rational(40), Rational(25), Rational(1_450_000), Rational(1_380_000)])
        }
        let scores = try raw(text).appraisal.scores.filter { $0.criterion == "capital-cost" }.map(\.value)
        XCTAssertEqual(scores, [.zero, Rational(5)], "the dearer option scores the bottom of the scale")
    }

    /// Generated variants: levels at every magnitude up to the bound, with decimals, keep
    /// their exact values through the file.
    func testLevelsOfEveryMagnitudeSurviveTheFile() throws {
        var generator = SplitMix(seed: 23)
        for exponent in [0, 3, 6, 7, 9, 11] {
            let scale = Rational(decimal: "1" + String(repeating: "0", count: exponent))!
            let levels = (0..<4).map { _ in
                scale * Rational(Int128(Int.random(in: 1...999_999, using: &generator)), 1_000_000) + Rational(Int.random(in: 1...9, using: &generator))
            }
            guard Set(levels).count == levels.count else { continue }
            let rows = levels.enumerated().map { "Option \($0.offset),\($0.element.decimalText())" }.joined(separator: "\n")
            let result = try raw("Option,Population\nDirection,benefit\n\(rows)\n")
            XCTAssertEqual(result.file.diagnostics.errors, [], "levels \(levels.map { $0.decimalText() })")
            XCTAssertEqual(result.file.appraisal?.scores.compactMap { if case .level(let level) = $0.measurement { level } else { nil } }, levels)
        }
    }

    func testALevelBeyondTheBoundNamesItsCellAndTheLimit() {
        let text = "Option,Cost\nDirection,cost\nA,2000000000000\nB,5\n"
        XCTAssertThrowsError(try raw(text)) { error in
            let message = (error as? EditError)?.message ?? "\(error)"
            XCTAssertEqual(message, "m.csv:3: \"Cost\": 2000000000000 is beyond ±1,000,000,000,000, the largest level the tool keeps exact; give the column in a larger unit (thousands, millions)")
        }
    }

    func testTheFileReadsLevelsToATrillionAndScoresToAMillion() throws {
        func diagnostics(level: String, weight: String) -> [Diagnostic] {
            let text = """
                {"format": 1, "id": "b", "title": "T", "body": "B", "date": "2026", "scale": {"min": 0, "max": 5, "step": 1},
                 "criteria": [{"id": "cost", "name": "Cost", "weight": \(weight), "measured": {"linear": {"worst": 2000000, "best": 1000000}}}],
                 "options": [{"id": "a", "name": "A"}],
                 "scores": [{"option": "a", "criterion": "cost", "value": 5, "measurement": {"level": \(level)}}]}
                """
            return AppraisalFile(data: Data(text.utf8), name: "b.json").diagnostics.errors
        }
        XCTAssertEqual(diagnostics(level: "1000000", weight: "1"), [])
        let tooBig = diagnostics(level: "1000000000001", weight: "1")
        XCTAssertTrue(tooBig.contains { $0.message == "1000000000001 is outside the range −1,000,000,000,000 to 1,000,000,000,000 that the tool keeps exact; use a smaller number" }, "\(tooBig)")
        let weight = diagnostics(level: "1000000", weight: "1000001")
        XCTAssertTrue(weight.contains { $0.message.contains("outside the range −1,000,000 to 1,000,000") && $0.location == "criteria[0].weight" }, "\(weight)")
    }
}

/// The fast blank check of every JSON string agrees with Foundation's trimming.
final class BlankTextTests: XCTestCase {
    func testBlankAgreesWithTrimming() {
        let samples = (0...0x3100).compactMap(Unicode.Scalar.init).map { String(Character($0)) } + ["", " \t\n", "\u{A0}\u{2028}x", " a "]
        for text in samples {
            XCTAssertEqual(JSONObjectReader.isBlank(text), text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(text.unicodeScalars.map { $0.value })")
        }
    }
}
