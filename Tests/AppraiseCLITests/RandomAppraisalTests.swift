import Foundation
import XCTest

import AppraiseKit

/// Exactness is promised for every valid file: random valid appraisals with six-decimal weights
/// and scores (whose exact crossovers outgrow 128-bit fractions) go through every analysis of
/// the real executable, which must finish without trapping.
final class RandomAppraisalTests: XCTestCase {
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private enum Scale { case unit, percent, fivePoint }

    /// A valid appraisal: weights with six decimals (0.000001 to 100), scores on the scale.
    private func appraisal(options: Int, criteria: Int, scale: Scale, seed: UInt64) -> String {
        var generator = Generator(state: seed)
        func six(_ range: ClosedRange<Int>) -> String { Rational(Int128(Int.random(in: range, using: &generator)), 1_000_000).decimalText() }
        let scaleText: String
        switch scale {
        case .unit: scaleText = #"{ "min": 0, "max": 1, "step": 0.000001 }"#
        case .percent: scaleText = #"{ "min": 0, "max": 100, "step": 1 }"#
        case .fivePoint: scaleText = #"{ "min": 0, "max": 5, "step": 0.5 }"#
        }
        let criteriaText = (0..<criteria).map { #"{ "id": "c\#($0)", "name": "Criterion \#($0)", "offers": [], "weight": \#(six(1...100_000_000)) }"# }
        let optionsText = (0..<options).map { #"{ "id": "o\#($0)", "name": "Option \#($0)", "description": "generated" }"# }
        var scores: [String] = []
        for option in 0..<options {
            for criterion in 0..<criteria {
                let value: String
                switch scale {
                case .unit: value = six(0...1_000_000)
                case .percent: value = String(Int.random(in: 0...100, using: &generator))
                case .fivePoint: value = Rational(Int128(Int.random(in: 0...10, using: &generator)), 2).decimalText()
                }
                scores.append(#"{ "option": "o\#(option)", "criterion": "c\#(criterion)", "value": \#(value), "rationale": [] }"#)
            }
        }
        return """
        { "format": 1, "id": "random-\(seed)", "title": "Generated", "body": "Test", "date": "2026",
          "scale": \(scaleText),
          "criteria": [\(criteriaText.joined(separator: ",\n"))],
          "options": [\(optionsText.joined(separator: ",\n"))],
          "scores": [\(scores.joined(separator: ",\n"))] }
        """
    }

    private func runEveryAnalysis(_ text: String, name: String) throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let file = folder.appendingPathComponent("\(name).json")
        try Data(text.utf8).write(to: file)
        let validate = try ExecutableRunner.run(["validate", file.path], in: folder)
        XCTAssertEqual(validate.status, 0, "\(name) is valid: \(validate.stdout)\(validate.stderr)")
        for command in [["rank"], ["show"], ["sensitivity"], ["sensitivity", "--format", "json"], ["smaa", "--samples", "2000"],
                        ["report", "--out", folder.appendingPathComponent("pack").path]] {
            let result = try ExecutableRunner.run(command + [file.path], in: folder)
            XCTAssertEqual(result.status, 0, "\(name): \(command.joined(separator: " ")): \(result.stderr.prefix(300))")
        }
    }

    /// The failing shapes the issue reported: 20 × 20 on 0–1 in steps of 0.000001, and 19 × 15
    /// on 0–100 with six-decimal weights.
    func testSixDecimalAppraisalsReportedToTrap() throws {
        try runEveryAnalysis(appraisal(options: 20, criteria: 20, scale: .unit, seed: 1), name: "unit-20x20")
        try runEveryAnalysis(appraisal(options: 19, criteria: 15, scale: .percent, seed: 2), name: "percent-19x15")
    }

    /// Modest sizes keep `swift test` quick; the same kind of file up to 50 × 50, timed command by
    /// command, is `Benchmarks/random-commands.py --largest 50`.
    func testRandomValidAppraisalsUpToTwelveByTwelve() throws {
        var generator = Generator(state: 99)
        let scales: [Scale] = [.unit, .percent, .fivePoint]
        for index in 0..<6 {
            let options = Int.random(in: 1...12, using: &generator), criteria = Int.random(in: 1...12, using: &generator)
            try runEveryAnalysis(appraisal(options: options, criteria: criteria, scale: scales[index % 3], seed: UInt64(100 + index)),
                                 name: "random-\(index)-\(options)x\(criteria)")
        }
    }
}
