import AppraiseKit
import Foundation
import XCTest

/// Every number a command prints as JSON is exact or carries its exact fraction: each decimal
/// that is not a whole number has a `…Exact` sibling (beside it, or beside the array or object
/// that holds it) whose fraction is that decimal when rounded to the decimal's places. Checked
/// on every command with `--format json`, over the reference appraisals and random small ones.
final class ExactJSONCommandTests: XCTestCase {
    /// Numbers that are measurements rather than fractions: the sampled SMAA's margin of error
    /// is a square root, and its shares and central weights are averages of floating-point draws;
    /// a programme's sampled funding shares are frequencies over drawn weightings in the same way.
    private let measured: Set<String> = ["marginOfError", "rankAcceptability", "centralWeights", "confidence", "shares", "fundedCountShares"]

    private func commands(_ file: String, options: [String]) -> [[String]] {
        var runs = [["rank", file], ["tree", file], ["sensitivity", file], ["smaa", file, "--samples", "1000"], ["shortlist", file],
                    ["show", file], ["validate", file]]
        if options.count >= 2 { runs.append(["compare", file, options[0], options[1]]) }
        if options.count <= 6 { runs.append(["smaa", file, "--exact"]) }
        return runs
    }

    func testEveryCommandsJSONNumbersCarryTheirExactFractions() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        var runs: [[String]] = []
        for name in ["rotherham-ama-2017", "office-location-smart"] {
            let file = ExecutableRunner.packageRoot.appendingPathComponent("appraisals/\(name).json").path
            let ids = try optionIDs(file)
            runs += commands(file, options: ids)
        }
        let vfm = ExecutableRunner.packageRoot.appendingPathComponent("appraisals/vfm-example.json").path
        runs += [["vfm", vfm], ["rank", vfm]]
        let programme = ExecutableRunner.packageRoot.appendingPathComponent("appraisals/rotherham-send-2017.json").path
        runs += [["programme", programme], ["rank", programme]]
        let ama = ExecutableRunner.packageRoot.appendingPathComponent("appraisals/rotherham-ama-2017.json").path
        runs += [["evidence", ama], ["diff", ama, programme]]
        var rng = Xoshiro256StarStar(seed: 23)
        for index in 0..<2 {
            let options = 2 + Int(rng.nextInteger(below: 4)), criteria = 1 + Int(rng.nextInteger(below: 4))
            let file = folder.appendingPathComponent("random-\(index).json")
            try randomAppraisal(options: options, criteria: criteria, rng: &rng).write(to: file, atomically: true, encoding: .utf8)
            runs += commands(file.path, options: (0..<options).map { "o\($0)" })
        }
        var checked = 0
        for arguments in runs {
            let result = try ExecutableRunner.run(arguments + ["--format", "json"], in: folder)
            let command = arguments.joined(separator: " ")
            guard !result.stdout.isEmpty else {
                XCTFail("\(command) printed no JSON: \(result.stderr)")
                continue
            }
            let value = JSONValue(try JSONParser.parse(Data(result.stdout.utf8)))
            checked += check(value, covered: false, path: command)
        }
        XCTAssertGreaterThan(checked, 500)
    }

    private func optionIDs(_ file: String) throws -> [String] {
        guard case .object(let root) = JSONValue(try JSONParser.parse(try Data(contentsOf: URL(fileURLWithPath: file)))),
              case .array(let options)? = root["options"] else { return [] }
        return options.compactMap { if case .object(let option) = $0, case .string(let id)? = option["id"] { id } else { nil } }
    }

    /// Weights with up to three decimals and scores on 0–5 in halves, so totals, crossovers and
    /// shares are fractions that do not end.
    private func randomAppraisal(options: Int, criteria: Int, rng: inout Xoshiro256StarStar) -> String {
        let criteriaText = (0..<criteria).map { index in
            let weight = Rational(Int128(1 + rng.nextInteger(below: 9_999)), 1000).decimalText()
            return #"{ "id": "c\#(index)", "name": "Criterion \#(index)", "weight": \#(weight) }"#
        }
        let optionsText = (0..<options).map { #"{ "id": "o\#($0)", "name": "Option \#($0)" }"# }
        var scores: [String] = []
        for option in 0..<options {
            for criterion in 0..<criteria {
                let value = Rational(Int128(rng.nextInteger(below: 11)), 2).decimalText()
                scores.append(#"{ "option": "o\#(option)", "criterion": "c\#(criterion)", "value": \#(value), "rationale": [{ "kind": "for", "text": "Generated." }] }"#)
            }
        }
        return """
        { "format": 1, "id": "random", "title": "Random", "body": "Tests", "date": "2026",
          "scale": { "min": 0, "max": 5, "step": 0.5 },
          "criteria": [\(criteriaText.joined(separator: ", "))],
          "options": [\(optionsText.joined(separator: ", "))],
          "scores": [\(scores.joined(separator: ", "))] }
        """
    }

    /// Counts the decimals checked; fails on a decimal with no fraction beside it.
    private func check(_ value: JSONValue, covered: Bool, path: String) -> Int {
        switch value {
        case .number(let text):
            guard !covered, text.contains(".") else { return 0 }
            XCTFail("\(path) = \(text) has no exact fraction beside it")
            return 0
        case .array(let elements):
            return elements.enumerated().reduce(0) { $0 + check($1.element, covered: covered, path: "\(path)[\($1.offset)]") }
        case .object(let members):
            var count = 0
            for (key, member) in members where !key.hasSuffix("Exact") {
                let exact = members[key + "Exact"]
                if let exact { count += compare(member, exact, path: "\(path).\(key)") }
                count += check(member, covered: covered || exact != nil || measured.contains(key), path: "\(path).\(key)")
            }
            return count
        default:
            return 0
        }
    }

    /// The fraction is the decimal to the decimal's places, in lowest terms; returns how many pairs.
    private func compare(_ decimal: JSONValue, _ exact: JSONValue, path: String) -> Int {
        switch (decimal, exact) {
        case (.number(let text), .string(let written)):
            guard let shown = Rational(decimal: text), let value = fraction(written) else {
                XCTFail("\(path): \(text) beside \(written)")
                return 0
            }
            let places = text.split(separator: ".").dropFirst().first?.count ?? 0
            XCTAssertEqual(Rational(decimal: value.formatted(places: places)), shown, "\(path): \(text) is not \(written) to \(places) places")
            return 1
        case (.array(let decimals), .array(let fractions)):
            XCTAssertEqual(decimals.count, fractions.count, path)
            return zip(decimals, fractions).enumerated().reduce(0) { $0 + compare($1.element.0, $1.element.1, path: "\(path)[\($1.offset)]") }
        case (.object(let decimals), .object(let fractions)):
            XCTAssertEqual(Set(decimals.keys), Set(fractions.keys), path)
            return decimals.keys.reduce(0) { $0 + compare(decimals[$1]!, fractions[$1] ?? .null, path: "\(path).\($1)") }
        case (.null, .null), (.string, _), (.bool, _):
            return 0
        default:
            XCTFail("\(path): \(decimal) beside \(exact)")
            return 0
        }
    }

    /// "p/q" or "p" in lowest terms with a positive denominator, numbers of any length.
    private func fraction(_ text: String) -> Rational? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && !$0.contains(".") }),
              let numerator = Rational(decimal: parts[0]) else { return nil }
        if parts.count == 1 { return numerator }
        guard !parts[1].hasPrefix("-"), let denominator = Rational(decimal: parts[1]), !denominator.isZero else { return nil }
        let value = numerator / denominator
        return value.description == text ? value : nil
    }
}
