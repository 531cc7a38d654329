import Foundation
import XCTest

import AppraiseKit

/// The value tree: leaf weights as products, branch sensitivity, sub-totals, swing weighting,
/// trade-offs, and the published worked example it must reproduce.
final class ValueTreeTests: XCTestCase {
    static let officeURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("appraisals/office-location-smart.json")

    func office() throws -> (Appraisal, DecisionMatrix) {
        let file = AppraisalFile(contentsOf: Self.officeURL)
        XCTAssertEqual(file.diagnostics, [])
        let appraisal = try XCTUnwrap(file.appraisal)
        return (appraisal, try XCTUnwrap(DecisionMatrix(appraisal)))
    }

    /// Goodwin, P. & Wright, G., Decision Analysis for Management Judgment, chapter 3 (SMART),
    /// Table 3.2: the aggregate benefits of the seven offices under the rounded normalised swing
    /// weights 32, 26, 23, 10, 6, 3 are 80.8, 39.4, 47.4, 52.3, 64.8, 20.9 and 60.2.
    func testGoodwinWrightOfficeTable32AggregateBenefits() throws {
        let (appraisal, matrix) = try office()
        let selection = try XCTUnwrap(appraisal.weightSelection("published-rounded"))
        let percents = totals(of: matrix, weights: selection.weights).map { $0.percent.formatted(places: 1) }
        XCTAssertEqual(percents, ["80.8", "39.4", "47.4", "52.3", "64.8", "20.9", "60.2"])
    }

    /// Goodwin & Wright, chapter 3, "Sensitivity analysis" and Figure 3.7: with Turnover's
    /// weight (81 now) moved from 0 to 100, Elton Street's benefits run from 81.7 to 60.4;
    /// Elton Street is best while Turnover's weight is below 52.1 and Addison Square above it;
    /// no other office is ever best, and Gorton Square is always above Carlisle Walk.
    func testGoodwinWrightFigure37SensitivityToTheWeightOnTurnover() throws {
        let (appraisal, matrix) = try office()
        let weights = try XCTUnwrap(appraisal.defaultWeights)
        let analysis = try XCTUnwrap(BranchSensitivity(tree: appraisal.valueTree, matrix: matrix, weights: weights, branch: "turnover"))
        let sweep = analysis.sweep
        XCTAssertEqual(sweep.current, Rational(81, 100))
        let elton = try XCTUnwrap(sweep.optionIDs.firstIndex(of: "elton-street"))
        XCTAssertEqual(sweep.value(option: elton, at: .zero).formatted(places: 1), "81.7")
        XCTAssertEqual(sweep.value(option: elton, at: .one).formatted(places: 1), "60.4")
        XCTAssertEqual(sweep.crossovers.count, 1)
        let crossover = try XCTUnwrap(sweep.crossovers.first)
        XCTAssertEqual((crossover.weight * Rational(100)).formatted(places: 1), "52.1")
        XCTAssertEqual(crossover.before, ["elton-street"])
        XCTAssertEqual(crossover.after, ["addison-square"])
        XCTAssertEqual(sweep.leadersNow, ["addison-square"])
        let gorton = try XCTUnwrap(sweep.optionIDs.firstIndex(of: "gorton-square"))
        let carlisle = try XCTUnwrap(sweep.optionIDs.firstIndex(of: "carlisle-walk"))
        XCTAssertNil(sweep.pair(gorton, carlisle).crossover)
        XCTAssertEqual(sweep.pair(gorton, carlisle).higher, "gorton-square")
        // The smallest change of Turnover's weight that changes first place: down to 52.1.
        XCTAssertEqual(analysis.changes.firstPlace?.to, crossover.weight)
    }

    /// Goodwin & Wright, chapter 3, "Trading benefits against costs": of the offices on the
    /// efficient frontier, Carlisle Walk (benefits 47.4, annual cost $19 700), Gorton Square
    /// (60.2, $25 000) and Addison Square (80.8, $48 000), "if an extra value point is worth
    /// less than $414 to the owner he should choose Carlisle Walk. If it is worth between $414
    /// and $1117, he should choose Gorton Square, and if it is worth paying more than $1117 …
    /// Addison Square". Here as a value tree: a Benefits branch (Turnover and Working conditions
    /// under it, the book's rounded weights 32, 26, 23 and 10, 6, 3) against a measured annual
    /// cost (linear, the dearest $48 000 = 0, the cheapest $19 700 = 100, as the book proposes
    /// for costs). Sweeping the Benefits branch finds two crossovers; converted to dollars per
    /// benefit point they are the book's $414 and $1117.
    func testGoodwinWrightCostBenefitTradeOffIsABranchSweep() throws {
        let scale = ScoreScale(minimum: .zero, maximum: Rational(100), step: Rational(1, 10))
        let leaves: [(String, String, Int)] = [("closeness", "turnover", 32), ("visibility", "turnover", 26), ("image", "turnover", 23),
                                               ("size", "working", 10), ("comfort", "working", 6), ("parking", "working", 3)]
        let values: [String: [Int]] = ["carlisle": [80, 70, 0, 0, 10, 100], "gorton": [60, 100, 20, 50, 50, 80], "addison": [100, 60, 100, 75, 0, 90]]
        let costs: [String: Int] = ["carlisle": 19_700, "gorton": 25_000, "addison": 48_000]
        let cost = MeasuredScoring(unit: "$", function: .linear(worst: Rational(48_000), best: Rational(19_700)))
        var criteria = leaves.map { Criterion(id: $0.0, name: $0.0, weight: Rational($0.2), parent: $0.1) }
        criteria.append(Criterion(id: "annual-cost", name: "Annual cost", weight: .one, measured: cost))
        var scores: [Score] = []
        for option in ["carlisle", "gorton", "addison"] {
            scores += leaves.indices.map { Score(option: option, criterion: leaves[$0].0, value: Rational(values[option]![$0]), rationale: [RationaleBullet(kind: .note, text: "Table 3.2")]) }
            let worked = try XCTUnwrap(cost.score(level: Rational(costs[option]!), scale: scale))
            scores.append(Score(option: option, criterion: "annual-cost", value: worked.stored, measurement: .level(Rational(costs[option]!))))
        }
        let appraisal = Appraisal(
            id: "office-costs", title: "Offices on the efficient frontier", body: "Goodwin & Wright", date: "2004", scale: scale, criteria: criteria,
            options: ["carlisle", "gorton", "addison"].map { Option(id: $0, name: $0) }, scores: scores,
            nodes: [ValueNode(id: "benefits", name: "Benefits", weight: .one), ValueNode(id: "turnover", name: "Turnover", parent: "benefits", weight: Rational(81)),
                    ValueNode(id: "working", name: "Working conditions", parent: "benefits", weight: Rational(19))])
        let file = AppraisalFile(data: Data(AppraisalEncoding.text(appraisal).utf8), name: "office-costs")
        XCTAssertEqual(file.diagnostics.errors, [])
        let matrix = try XCTUnwrap(DecisionMatrix(appraisal))
        let weights = try XCTUnwrap(appraisal.defaultWeights)
        // The benefits branch aggregates as the book's Table 3.2 does.
        let inside = BranchSensitivity.collapse(tree: appraisal.valueTree, matrix: matrix, weights: weights, branch: "benefits")
        XCTAssertEqual(inside?.matrix.scores.map { $0[0] }, [Rational(474, 10), Rational(602, 10), Rational(808, 10)])
        let sweep = try XCTUnwrap(BranchSensitivity(tree: appraisal.valueTree, matrix: matrix, weights: weights, branch: "benefits")).sweep
        XCTAssertEqual(sweep.crossovers.map(\.before), [["carlisle"], ["gorton"]])
        XCTAssertEqual(sweep.crossovers.map(\.after), [["gorton"], ["addison"]])
        // A cost point is worth (48 000 − 19 700) / 100 dollars; at a crossover weight t the
        // benefit point is worth t / (1 − t) cost points.
        let dollarsPerCostPoint = Rational(48_000 - 19_700) / Rational(100)
        let dollarsPerBenefitPoint = sweep.crossovers.map { (($0.weight / (Rational.one - $0.weight)) * dollarsPerCostPoint).formatted(places: 0) }
        XCTAssertEqual(dollarsPerBenefitPoint, ["414", "1117"])
    }

    /// Figure 3.7's end points as the book states them: with Turnover at 0 the six weights
    /// normalise to 0, 0, 0, 50, 33.3 and 16.7.
    func testMovingABranchScalesEveryCriterionUnderIt() throws {
        let (appraisal, _) = try office()
        let weights = try XCTUnwrap(appraisal.defaultWeights).normalised
        let moved = WeightSweep.weights([Rational(81, 100), Rational(19, 100)], settingCriterion: 0, to: .zero)
        XCTAssertEqual(moved, [.zero, .one])
        let within = (3..<6).map { appraisal.valueTree.weightWithin(branch: "working-conditions", criterion: $0) }
        XCTAssertEqual(within.map { ($0 * Rational(100)).formatted(places: 1) }, ["50.0", "33.3", "16.7"])
        XCTAssertEqual(weights.sum(), .one)
        XCTAssertEqual(weights[0], Rational(81, 100) * Rational(100, 250))
    }

    /// Brute force: a branch sweep's line at t equals the totals recomputed from scratch with
    /// every criterion under the branch scaled to share t and the rest scaled to share 1 − t,
    /// on random trees of random depth, scales and sizes.
    func testBranchSweepMatchesTotalsRecomputedFromScaledLeafWeights() throws {
        var random = SplitMix64(seed: 13)
        var checked = 0
        for _ in 0..<60 {
            let criteria = 2 + Int(random.next() % 6)
            let options = 2 + Int(random.next() % 5)
            let maximum = Rational(Int(3 + random.next() % 8))
            var nodes: [ValueNode] = []
            for index in 0..<(1 + Int(random.next() % 3)) {
                let parent = index > 0 && random.next() % 2 == 0 ? "b\(Int(random.next() % UInt64(index)))" : nil
                nodes.append(ValueNode(id: "b\(index)", name: "Branch \(index)", parent: parent, weight: Rational(Int(1 + random.next() % 9))))
            }
            var list = (0..<criteria).map { index in
                Criterion(id: "c\(index)", name: "C\(index)", weight: Rational(Int(random.next() % 10)),
                          parent: random.next() % 3 == 0 ? nil : "b\(Int(random.next() % UInt64(nodes.count)))")
            }
            // Every branch holds something, and every sibling group some weight.
            for (index, node) in nodes.enumerated() where !list.contains(where: { $0.parent == node.id }) && !nodes.contains(where: { $0.parent == node.id }) {
                list.append(Criterion(id: "x\(index)", name: "X\(index)", weight: .one, parent: node.id))
            }
            for index in list.indices where list[index].weight == .zero && random.next() % 2 == 0 { list[index].weight = .one }
            let scale = ScoreScale(minimum: .zero, maximum: maximum, step: .one)
            let scores = (0..<options).flatMap { option in
                list.map { Score(option: "o\(option)", criterion: $0.id, value: Rational(Int(random.next() % UInt64(maximum.numerator.int128! + 1)))) }
            }
            let appraisal = Appraisal(id: "random", title: "Random", body: "Test", date: "2026", scale: scale, criteria: list,
                                      options: (0..<options).map { Option(id: "o\($0)", name: "O\($0)") }, scores: scores, nodes: nodes)
            guard let weights = appraisal.defaultWeights, let matrix = DecisionMatrix(appraisal) else { continue }
            let tree = appraisal.valueTree
            for branch in tree.branches {
                guard let analysis = BranchSensitivity(tree: tree, matrix: matrix, weights: weights, branch: branch.id) else { continue }
                let inside = Set(tree.criterionIndices(under: branch.id))
                let now = inside.map { weights.normalised[$0] }.sum()
                XCTAssertEqual(analysis.sweep.current, now)
                for t in [Rational.zero, Rational(1, 3), Rational(7, 10), Rational.one] {
                    // Scale the leaves directly (the within-branch mix when the branch has weight now).
                    guard !now.isZero, now != Rational.one else { continue }
                    let outside: Rational = (Rational.one - t) / (Rational.one - now)
                    let scaled: [Rational] = weights.normalised.indices.map { index in
                        let weight: Rational = weights.normalised[index]
                        return inside.contains(index) ? weight * t / now : weight * outside
                    }
                    let expected = (0..<options).map { row in zip(matrix.scores[row], scaled).map { $0 * $1 }.sum() }
                    for row in 0..<options {
                        XCTAssertEqual(analysis.sweep.value(option: row, at: t), expected[row], "branch \(branch.id) at \(t)")
                    }
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100, "the random trees must exercise the sweep")
    }

    func testLeafWeightsAreProductsAndAFlatFileKeepsItsWeights() throws {
        let reference = try XCTUnwrap(AppraisalFile(contentsOf: EncodingTests.referenceURL).appraisal)
        XCTAssertFalse(reference.hasValueTree)
        XCTAssertTrue(reference.valueTree.isFlat)
        XCTAssertEqual(reference.defaultWeights, Weights.equal(count: reference.criteria.count))
        let appraisal = Appraisal(
            id: "tree", title: "Tree", body: "Test", date: "2026", scale: ScoreScale(minimum: .zero, maximum: Rational(10), step: .one),
            criteria: [Criterion(id: "a", name: "A", weight: Rational(3), parent: "left"), Criterion(id: "b", name: "B", weight: .one, parent: "left"),
                       Criterion(id: "c", name: "C", parent: "deep"), Criterion(id: "d", name: "D", parent: "deep"), Criterion(id: "e", name: "E")],
            options: [], scores: [],
            nodes: [ValueNode(id: "left", name: "Left", weight: Rational(2)), ValueNode(id: "right", name: "Right", weight: Rational(1)),
                    ValueNode(id: "deep", name: "Deep", parent: "right"), ])
        // Top: left 2, right 1, e (no weight) — a missing weight among given ones counts as 0.
        XCTAssertEqual(appraisal.defaultWeights?.normalised, [Rational(1, 2), Rational(1, 6), Rational(1, 6), Rational(1, 6), .zero])
        XCTAssertEqual(appraisal.valueTree.cumulativeWeight(of: "deep"), Rational(1, 3))
        XCTAssertEqual(appraisal.valueTree.criterionIndices(under: "right"), [2, 3])
    }

    func testSubtotalsAddUpToTheTotals() throws {
        let (appraisal, matrix) = try office()
        let weights = try XCTUnwrap(appraisal.defaultWeights)
        let all = totals(of: matrix, weights: weights)
        let subtotals = BranchSubtotals(tree: appraisal.valueTree, totals: all)
        XCTAssertEqual(subtotals.branches, ["turnover", "working-conditions"])
        for (row, total) in zip(subtotals.rows, all) {
            XCTAssertEqual(row.subtotals.sum(), total.total)
        }
    }

    /// Goodwin & Wright, Figure 3.5: swings of 100, 80, 70 (Turnover) and 30, 20, 10 (Working
    /// conditions) against the swing on closeness to customers.
    func testSwingWeightingIsRankedAndNormalisedWithinEachBranch() throws {
        let (appraisal, _) = try office()
        let groups = SwingGroup.all(appraisal.valueTree)
        XCTAssertEqual(groups.map(\.parent), ["turnover", "working-conditions"])
        XCTAssertEqual(groups[0].steps.map(\.rank), [1, 2, 3])
        XCTAssertEqual(groups[0].steps.map(\.weight), [Rational(2, 5), Rational(8, 25), Rational(7, 25)])
        XCTAssertEqual(groups[1].steps.map(\.item), ["size", "comfort", "car-parking"])
    }

    func testTradeOffsAreRatiosOfWeights() {
        let table = TradeOffTable(criteria: ["workforce", "risk", "none"], weights: Weights([Rational(3), Rational(2), .zero])!)
        XCTAssertEqual(table.worth[0][1], Rational(3, 2))
        XCTAssertEqual(table.worth[1][0], Rational(2, 3))
        XCTAssertNil(table.worth[0][2])
        XCTAssertEqual(table.worth[2][0], .zero)
    }
}

extension ValueTreeTests {
    /// Setting the first weight in one branch keeps the weights of every other branch.
    func testSettingAWeightInOneBranchLeavesTheOthersAlone() throws {
        let (appraisal, _) = try office()
        var draft = appraisal
        for index in draft.criteria.indices where draft.criteria[index].parent == "working-conditions" {
            draft.criteria[index].swing = nil
            draft.criteria[index].weight = nil
        }
        let result = try XCTUnwrap(AppraisalEditor.apply(.setWeight(criterion: "size", weight: Rational(3)), to: draft, reason: nil))
        XCTAssertEqual(result.appraisal.criteria.map(\.weight), [nil, nil, nil, Rational(3), .one, .one])
        XCTAssertEqual(result.appraisal.criteria.map(\.swing?.points), [Rational(100), Rational(80), Rational(70), nil, nil, nil])
        XCTAssertEqual(result.file.diagnostics.errors, [])
    }
}

extension ValueTreeTests {
    /// Every new key is written in the format's layout and reads back as the same appraisal.
    func testTreeSwingsAndMeasurementsRoundTripThroughTheFile() throws {
        let scale = ScoreScale(minimum: .zero, maximum: Rational(5), step: .one)
        let appraisal = Appraisal(
            id: "round-trip", title: "Round trip", body: "Test", date: "2026", scale: scale,
            criteria: [
                Criterion(id: "places", name: "Places", parent: "outcomes", weightRationale: "Places are the point.",
                          swing: Swing(worst: "no places", best: "40 places", points: Rational(100)),
                          measured: MeasuredScoring(unit: "places", function: .piecewise([ValuePoint(level: .zero, score: .zero), ValuePoint(level: Rational(40), score: Rational(5))]))),
                Criterion(id: "rating", name: "Rating", parent: "outcomes", swing: Swing(worst: "Inadequate", best: "Outstanding", points: Rational(45, 2)),
                          measured: MeasuredScoring(unit: "", function: .categories([("Good", Rational(4)), ("Outstanding", Rational(5))]))),
                Criterion(id: "weeks", name: "Weeks", weight: Rational(2), measured: MeasuredScoring(unit: "weeks", function: .linear(worst: Rational(52), best: .zero))),
            ],
            options: [Option(id: "a", name: "A")],
            scores: [Score(option: "a", criterion: "places", value: Rational(5, 2), measurement: .level(Rational(20))),
                     Score(option: "a", criterion: "rating", value: Rational(4), measurement: .category("Good")),
                     Score(option: "a", criterion: "weeks", value: Rational(3), override: "opens early")],
            nodes: [ValueNode(id: "outcomes", name: "Outcomes", weight: Rational(3), weightRationale: "Members' first priority.")])
        let text = AppraisalEncoding.text(appraisal)
        let file = AppraisalFile(data: Data(text.utf8), name: "round-trip")
        XCTAssertEqual(file.appraisal, appraisal)
        XCTAssertEqual(file.diagnostics.errors, [])
        XCTAssertEqual(AppraisalEncoding.members(appraisal), JournalVerification.document(Data(text.utf8)))
        XCTAssertTrue(text.contains("\"nodes\": [\n    {\n      \"id\": \"outcomes\""), text)
    }
}
