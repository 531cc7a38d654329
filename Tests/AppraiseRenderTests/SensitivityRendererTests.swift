import XCTest
import AppraiseKit
import AppraiseRender

/// The sensitivity and SMAA documents: the JSON shapes the CLI promises, weights as fractions
/// of one, and tables that name options and criteria.
final class SensitivityRendererTests: XCTestCase {
    private let options = ["practice-partner", "commission-by-contract", "trust", "cic", "mutual", "managing-agent",
                           "joint-venture", "shared-service"]
    private let criteria = ["child-focused", "partnerships", "commissioning", "political-oversight", "financial-viability",
                            "workforce", "integration", "risk"]
    private let names = DisplayNames(options: ["practice-partner": "Peer Practice Partner", "cic": "Community Interest Company"],
                                     criteria: ["child-focused": "Child Focused", "workforce": "Workforce"])

    private var matrix: DecisionMatrix {
        let scores = [[4, 5, 4, 4, 3, 4, 5, 4], [4, 2, 3, 3, 3, 2, 2, 3], [4, 2, 4, 3, 2, 5, 2, 3], [5, 2, 4, 3, 2, 5, 2, 3],
                      [4, 2, 1, 1, 1, 3, 2, 2], [3, 2, 2, 2, 3, 2, 2, 2], [3, 2, 2, 1, 2, 2, 1, 2], [4, 3, 3, 3, 3, 3, 3, 4]]
        return DecisionMatrix(optionIDs: options, criterionIDs: criteria, scores: scores.map { $0.map(Rational.init) },
                              scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one))
    }

    private func report() throws -> SensitivityReport {
        try SensitivityReport(matrix: matrix, weights: WeightSelection(id: "default", name: "the appraisal's weights", weights: .equal(count: 8)),
                              options: SensitivityOptions(names: names))
    }

    private func member(_ value: JSONValue, _ path: String...) -> JSONValue? {
        var current: JSONValue? = value
        for key in path {
            switch current {
            case .object(let members): current = members[key]
            case .array(let elements): current = Int(key).flatMap { $0 < elements.count ? elements[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    func testSensitivityJSONShape() throws {
        let json = SensitivityRenderer.json(try report())
        guard case .object(let top) = json else { return XCTFail("an object") }
        for key in ["weights", "scores", "scenarios", "leaveOneOut", "dominated", "neverFirst", "statements"] {
            XCTAssertNotNil(top[key], key)
        }
        XCTAssertEqual(member(json, "weights", "0", "criterion"), .string("child-focused"))
        XCTAssertEqual(member(json, "weights", "0", "current"), .number("0.125"))
        XCTAssertEqual(member(json, "weights", "0", "firstPlace", "holdsFrom"), .number("0"))
        XCTAssertEqual(member(json, "weights", "0", "firstPlace", "holdsTo"), .number("0.533333"))
        XCTAssertEqual(member(json, "weights", "0", "crossovers", "0", "weight"), .number("0.533333"))
        XCTAssertEqual(member(json, "weights", "0", "crossovers", "0", "before"), .array([.string("practice-partner")]))
        XCTAssertEqual(member(json, "weights", "0", "crossovers", "0", "after"), .array([.string("cic")]))
        XCTAssertEqual(member(json, "weights", "0", "crossovers", "0", "weightExact"), .string("8/15"))
        XCTAssertEqual(member(json, "weights", "0", "firstPlace", "holdsToExact"), .string("8/15"))
        XCTAssertEqual(member(json, "weights", "0", "currentExact"), .string("1/8"))
        // The share measure, under its own name.
        XCTAssertEqual(member(json, "weights", "0", "minimumShareChange", "absolute"), .number("0.408333"))
        XCTAssertEqual(member(json, "weights", "0", "minimumShareChange", "absoluteExact"), .string("49/120"))
        XCTAssertEqual(member(json, "weights", "0", "minimumShareChange", "relative"), .number("3.266667"))
        XCTAssertEqual(member(json, "weights", "1", "minimumShareChange"), .null)
        // Triantaphyllou and Sánchez's measure: Child Focused from 1 to 8, +700%.
        XCTAssertEqual(member(json, "weights", "0", "minimumWeightChange", "weightTo"), .number("8"))
        XCTAssertEqual(member(json, "weights", "0", "minimumWeightChange", "percent"), .number("700"))
        XCTAssertEqual(member(json, "weights", "0", "minimumWeightChange", "absoluteExact"), .string("7/8"))
        XCTAssertEqual(member(json, "weights", "0", "minimumWeightChange", "direction"), .string("increase"))
        XCTAssertEqual(member(json, "weights", "2", "minimumWeightChange"), .null, "Commissioning: no change")
        // Commissioning's tie at 100% is an endpoint tie, not a crossover.
        XCTAssertEqual(member(json, "weights", "2", "crossovers"), .array([]))
        XCTAssertEqual(member(json, "weights", "2", "endpointTies", "0", "weightExact"), .string("1"))
        XCTAssertEqual(member(json, "scores", "minimumPointsToChangeFirst"), .number("7"))
        XCTAssertEqual(member(json, "scores", "singleChanges"), .array([]))
        XCTAssertEqual(member(json, "neverFirst"), .array([.string("mutual"), .string("joint-venture")]))
        XCTAssertEqual(member(json, "mostCritical", "weightChange", "firstPlace"), .array([.string("child-focused"), .string("workforce")]))
        XCTAssertEqual(member(json, "mostCritical", "shareChange", "firstPlace"), .string("child-focused"))
        XCTAssertEqual(member(json, "statements", "0"),
                       .string("Peer Practice Partner is first with 33 of 40 points, 7 ahead of Community Interest Company and shared-service (26 each)."))
        // Same report, same bytes.
        XCTAssertEqual(json.prettyText, SensitivityRenderer.json(try report()).prettyText)
    }

    func testSensitivityTables() throws {
        let tables = SensitivityRenderer.tables(try report())
        XCTAssertEqual(tables.map(\.id), ["sensitivity-weights", "sensitivity-crossovers", "sensitivity-endpoint-ties", "sensitivity-pairs", "sensitivity-scores",
                                          "sensitivity-score-pairs", "sensitivity-scenarios", "sensitivity-leave-one-out",
                                          "sensitivity-dominance"])
        XCTAssertEqual(tables[0].rows[0], ["Child Focused", "12.5%", "0%", "53.33%", "1 → 8", "+700%", "+40.83", "326.67%",
                                           "Community Interest Company"])
        XCTAssertEqual(tables[0].rows[1][4], "no change")
        XCTAssertEqual(tables[0].rows[1][6], "no change")
        XCTAssertEqual(tables[0].notes.last, "Most critical criteria for first place, equally (Triantaphyllou and Sánchez, smallest change as a percentage of the weight): Child Focused, Workforce.")
        XCTAssertEqual(tables[1].rows.first, ["Child Focused", "53.33% (8/15)", "Peer Practice Partner", "Community Interest Company",
                                              "Peer Practice Partner = Community Interest Company"])
        XCTAssertEqual(tables[1].rows.count, 2, "only Child Focused and Workforce change first place strictly inside the range")
        XCTAssertEqual(tables[2].rows.map { $0[0] }, ["commissioning", "financial-viability", "Workforce", "risk"])
        XCTAssertTrue(tables[2].rows.allSatisfy { $0[1] == "100%" })
        XCTAssertEqual(tables[3].rows.count, 8 * 7)
        XCTAssertFalse(tables[3].rows.contains { $0[3] == $0[4] && !$0[3].isEmpty }, "no order holds from a weight to the same weight")
        XCTAssertTrue(tables[3].rows.contains { $0[3] == "level now" })
        XCTAssertEqual(tables[6].columns.map(\.header), ["Option", "the appraisal's weights", "equal weights"])
        XCTAssertEqual(tables[6].rows[3], ["Community Interest Company", "2=", "2="])
        XCTAssertEqual(tables[8].rows[4], ["mutual", "Peer Practice Partner, trust, Community Interest Company, shared-service", "never first"])
        for table in tables { XCTAssertFalse(TextTableRenderer.render(table).isEmpty) }
    }

    func testSMAAJSONAndTables() throws {
        let result = try SMAA.run(matrix: matrix, weights: .equal(count: 8), configuration: SMAA.Configuration(samples: 2_000, seed: 9))
        let json = SMAARenderer.json(result)
        XCTAssertEqual(member(json, "samples"), .number("2000"))
        XCTAssertEqual(member(json, "seed"), .number("9"))
        XCTAssertEqual(member(json, "marginOfError"), .number(fixedDecimal(1.96 * (0.25 / 2000).squareRoot(), places: 6)))
        guard case .array(let ranks)? = member(json, "rankAcceptability", "practice-partner") else { return XCTFail("ranks") }
        XCTAssertEqual(ranks.count, 8)
        XCTAssertEqual(member(json, "centralWeights", "mutual"), .null)
        guard case .object(let central)? = member(json, "centralWeights", "practice-partner") else { return XCTFail("central weights") }
        XCTAssertEqual(Set(central.keys), Set(criteria))
        XCTAssertEqual(member(json, "confidence", "practice-partner"), .number("1.000000"))
        XCTAssertEqual(json.prettyText, SMAARenderer.json(try SMAA.run(matrix: matrix, weights: .equal(count: 8),
                                                                         configuration: SMAA.Configuration(samples: 2_000, seed: 9))).prettyText)
        let tables = SMAARenderer.tables(result, labels: names)
        XCTAssertEqual(tables.map(\.id), ["smaa-ranks", "smaa-central-weights"])
        XCTAssertEqual(tables[0].rows[0][0], "Peer Practice Partner")
        XCTAssertEqual(tables[0].columns.count, 10)
        XCTAssertEqual(tables[1].rows.count, 2)
    }

    /// An exact fraction too long to read is a decimal in the text table and whole in the CSV.
    func testLongExactFractionsAreDecimalsInTextAndWholeInTheCSV() throws {
        let scores = [["4.123457", "1.000001", "2.718281"], ["3.141593", "4.999999", "0.577216"], ["1.414214", "2.236068", "4.669202"]]
        let matrix = DecisionMatrix(optionIDs: ["a", "b", "c"], criterionIDs: ["x", "y", "z"],
                                    scores: scores.map { $0.map { Rational(decimal: $0)! } },
                                    scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: Rational(1, 1_000_000)))
        let result = try ExactSMAA.run(matrix: matrix, weights: .equal(count: 3), region: .uniform, allRanks: true)
        let long = try XCTUnwrap(result.firstRank.first { $0.description.count > 40 })
        let table = try XCTUnwrap(SMAARenderer.tables(result, labels: DisplayNames(options: [:], criteria: [:])).first { $0.id == "smaa-exact" })
        let text = TextTableRenderer.render(table)
        XCTAssertTrue(text.contains(long.decimalText() + " (exact fraction in the JSON)"), text)
        XCTAssertFalse(text.contains(long.description))
        XCTAssertTrue(CSVTableRenderer.render(table).contains(long.description))
        XCTAssertTrue(MarkdownTableRenderer.render(table).contains("(exact fraction in the JSON)"))
        let findings = RobustnessStatements.exactSMAA(result, names: DisplayNames(options: [:], criteria: [:]))
        XCTAssertTrue(findings[0].hasSuffix("(the exact fractions, too long to read here, are in the JSON)."), findings[0])
        XCTAssertFalse(findings.joined().contains(long.description))
    }
}
