import XCTest

@testable import AppraiseKit

/// Whole-life cost, value for money and switching values: discount factors against the Green
/// Book's published table, hand-worked present values, and switching values checked by moving
/// the figure just short of and just past the value on random appraisals.
final class ValueForMoneyTests: XCTestCase {
    /// HM Treasury, The Green Book (2003 and later editions), Annex 6, table of discount factors
    /// at 3.5%, printed to four decimals: year 1 0.9662, 2 0.9335, 3 0.9019, 5 0.8420,
    /// 10 0.7089, 20 0.5026, 30 0.3563.
    func testGreenBookDiscountFactorsToTheirPrintedPrecision() {
        let factors = DiscountSchedule.greenBook.factors(through: 30)
        let printed = [1: "0.9662", 2: "0.9335", 3: "0.9019", 5: "0.8420", 10: "0.7089", 20: "0.5026", 30: "0.3563"]
        for (year, text) in printed { XCTAssertEqual(factors.factor(year).formatted(places: 4), text, "year \(year)") }
        XCTAssertEqual(factors.factor(0).rational, Rational(1))
        XCTAssertEqual(factors.factor(2).rational, Rational(40_000, 42_849))
    }

    /// Past year 30 each further year is discounted at the long-term rate of its band.
    func testLongTermRatesStepDownPastYearThirty() {
        let factors = DiscountSchedule.greenBook.factors(through: 80)
        XCTAssertEqual(factors.factor(31) * BigRational(Rational(103, 100)), factors.factor(30))
        XCTAssertEqual(factors.factor(76) * BigRational(Rational(1025, 1000)), factors.factor(75))
        let constant = DiscountSchedule.constant(Rational(35, 10)).factors(through: 80)
        XCTAssertTrue(constant.factor(80) < factors.factor(80))
        XCTAssertEqual(DiscountSchedule(costing: Costing(discountRate: Rational(6))).bands.count, 1)
    }

    private func appraisal(scores: [[Int]], weights: [Int], costs: [[(year: Int, value: Int)]], savings: [Int] = [], bias: Int? = nil,
                           reference: String? = nil) -> Appraisal {
        let criteria = weights.indices.map { Criterion(id: "c\($0)", name: "Criterion \($0)", weight: Rational(weights[$0])) }
        let options = scores.indices.map { Option(id: "o\($0)", name: "Option \($0)") }
        var scoreList: [Score] = []
        for (row, values) in scores.enumerated() {
            for (column, value) in values.enumerated() { scoreList.append(Score(option: "o\(row)", criterion: "c\(column)", value: Rational(value))) }
        }
        var measures = [Measure(id: "capital", name: "Capital", unit: "GBP", kind: .cost,
                                optimismBias: bias.map { OptimismBias(percent: Rational($0), source: "test") })]
        var amounts: [Amount] = []
        for (row, flows) in costs.enumerated() {
            for flow in flows { amounts.append(Amount(option: "o\(row)", measure: "capital", year: .offset(flow.year), value: .exact(Rational(flow.value)))) }
        }
        if !savings.isEmpty {
            measures.append(Measure(id: "saving", name: "Saving", unit: "GBP", kind: .saving))
            for (row, value) in savings.enumerated() { amounts.append(Amount(option: "o\(row)", measure: "saving", year: .offset(1), value: .exact(Rational(value)))) }
        }
        return Appraisal(id: "vfm", title: "VfM", body: "Test", date: "2024", scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: .one),
                         criteria: criteria, options: options, scores: scoreList,
                         costing: Costing(reference: reference), measures: measures, amounts: amounts)
    }

    /// Worked by hand: £50,000 now with 24% optimism bias is £62,000; next year £87,000 with
    /// its bias (£107,880) less a £100,000 saving nets £7,880, discounted by 1.035:
    /// 62,000 + 7,880/1.035 = 69,613.53.
    func testNetPresentCostWorkedByHand() throws {
        let a = appraisal(scores: [[3]], weights: [1], costs: [[(0, 50_000), (1, 87_000)]], savings: [100_000], bias: 24)
        let costing = try XCTUnwrap(WholeLifeCosting(a))
        let cost = try XCTUnwrap(costing.costs.first)
        XCTAssertEqual(cost.netPresentCost, BigRational(Rational(62_000)) + BigRational(Rational(7_880 * 200, 207)))
        XCTAssertEqual(cost.netPresentCost?.formatted(places: 2), "69613.53")
        XCTAssertEqual(cost.years.map(\.uplift), [Rational(12_000), Rational(20_880)])
        XCTAssertEqual(cost.years[1].net, Rational(7_880))
    }

    func testReferenceIncrementsAndCostPerPoint() throws {
        let a = appraisal(scores: [[1], [3], [4]], weights: [1], costs: [[(0, 0)], [(0, 200)], [(0, 500)]], reference: "o0")
        let vfm = try XCTUnwrap(ValueForMoney(appraisal: a, weights: a.weightSelection(nil)!))
        XCTAssertEqual(vfm.frontier, ["o0", "o1", "o2"])
        XCTAssertEqual(vfm.row("o2")?.againstReference?.costPerExtraPoint?.rational, Rational(500, 3))
        XCTAssertEqual(vfm.row("o2")?.step?.costPerExtraPoint?.rational, Rational(300))
        XCTAssertEqual(vfm.rows.map(\.place), [1, 1, 1])
        XCTAssertEqual(vfm.rows.map(\.costPerPoint), [BigRational.zero, BigRational(Rational(200, 3)), BigRational(Rational(125))])
        let sentences = ValueForMoneyStatements.sentences(vfm, names: DisplayNames(a))
        XCTAssertTrue(sentences.contains("Against Option 0, Option 2 gives 3 points more for £500 more: £167 per extra point."), "\(sentences)")
    }

    /// The SEND case: an option saving £450,000 for 80 points must not come ahead of one saving
    /// £550,000 for 105 (−£5,625 against −£5,238 per point would put it first). A saving has no
    /// cost per point; places go by dominance, then the frontier.
    func testSavingsAreNotDividedByPoints() throws {
        let a = appraisal(scores: [[105], [80], [80], [105], [40]], weights: [1],
                          costs: [[(0, -550_000)], [(0, -450_000)], [(0, 200_000)], [(0, -550_000)], [(0, 100_000)]])
        let vfm = try XCTUnwrap(ValueForMoney(appraisal: a, weights: a.weightSelection(nil)!))
        XCTAssertEqual(vfm.rows.map(\.costPerPoint), [nil, nil, BigRational(Rational(2_500)), nil, BigRational(Rational(2_500))])
        // o0 and o3 are equal and undominated; o1 is dominated by them; o2 and o4 by o1.
        XCTAssertEqual(vfm.rows.map(\.place), [1, 3, 4, 1, 4])
        let sentences = ValueForMoneyStatements.sentences(vfm, names: DisplayNames(a))
        XCTAssertTrue(sentences.contains { $0.hasPrefix("Most cost-effective: Option 0 and Option 3 (") }, "\(sentences)")
        XCTAssertTrue(sentences.contains("Lowest cost per point of the options with a net cost: Option 2 and Option 4 at £2,500 per point; "
                                         + "Option 0, Option 1 and Option 3 save more than they cost, so a cost per point does not apply."), "\(sentences)")
        XCTAssertFalse(sentences.contains { $0.range(of: "−£[0-9,]+ per point", options: .regularExpression) != nil }, "\(sentences)")
    }

    /// Places by brute force on random cost–benefit sets: an option that strictly dominates
    /// another is placed ahead of it; equal points share a place; among options nothing
    /// dominates, those on the frontier come first; no place depends on a ratio of a saving.
    func testPlacesRespectDominanceOnRandomSets() {
        var generator = SplitMix64(seed: 22)
        for _ in 0..<300 {
            let count = Int(generator.next() % 8) + 1
            let costs: [BigRational?] = (0..<count).map { _ in
                generator.next() % 7 == 0 ? nil : BigRational(Rational(Int(generator.next() % 9) - 4) * Rational(1000))
            }
            let benefits = (0..<count).map { _ in Rational(Int(generator.next() % 6)) }
            let places = ValueForMoney.places(costs, benefits: benefits)
            let known = costs.indices.filter { costs[$0] != nil }
            let points = known.map { CostBenefitPoint(cost: costs[$0]!, benefit: benefits[$0]) }
            let frontier = Frontier(points)
            for i in costs.indices { XCTAssertEqual(places[i] == nil, costs[i] == nil) }
            for (p, i) in known.enumerated() {
                for (q, j) in known.enumerated() {
                    if dominatesStrictly(points[p], points[q]) { XCTAssertLessThan(places[i]!, places[j]!) }
                    if costs[i] == costs[j], benefits[i] == benefits[j] { XCTAssertEqual(places[i], places[j]) }
                }
                let undominated = !points.contains { dominatesStrictly($0, points[p]) }
                if frontier.statuses[p].isEfficient { XCTAssertEqual(places[i], 1) }
                if !undominated { XCTAssertGreaterThan(places[i]!, 1) }
            }
            if !known.isEmpty { XCTAssertEqual(places.compactMap { $0 }.min(), 1) }
            // Brute force: layers by the definition (the longest chain of strict dominators),
            // then the frontier, then places shared by equal standing.
            func layer(_ p: Int) -> Int {
                1 + (points.indices.filter { dominatesStrictly(points[$0], points[p]) }.map(layer).max() ?? 0)
            }
            let standing = known.indices.map { p -> Int in
                let onFrontier = points.indices.contains { frontier.statuses[$0].isEfficient && points[$0].cost == points[p].cost && points[$0].benefit == points[p].benefit }
                return layer(p) * 2 + (onFrontier ? 0 : 1)
            }
            for (p, i) in known.enumerated() {
                XCTAssertEqual(places[i], 1 + standing.filter { $0 < standing[p] }.count, "\(costs) \(benefits)")
            }
        }
    }

    /// Whether `better` costs no more and scores no less than `worse`, and differs from it.
    private func dominatesStrictly(_ better: CostBenefitPoint, _ worse: CostBenefitPoint) -> Bool {
        better.cost <= worse.cost && better.benefit >= worse.benefit && (better.cost < worse.cost || better.benefit > worse.benefit)
    }

    /// Moving a cost to halfway to its switching value changes nothing; moving it one penny past
    /// changes whether the option is on the frontier.
    func testCostSwitchingValuesOnRandomAppraisals() throws {
        var generator = SplitMix64(seed: 15)
        for _ in 0..<150 {
            let count = Int(generator.next() % 6) + 2
            let scores = (0..<count).map { _ in [Int(generator.next() % 6), Int(generator.next() % 6)] }
            let costs = (0..<count).map { _ in [(year: 0, value: Int(generator.next() % 10) * 1000), (year: 2, value: Int(generator.next() % 5) * 500)] }
            let a = appraisal(scores: scores, weights: [Int(generator.next() % 3) + 1, 1], costs: costs)
            let vfm = try XCTUnwrap(ValueForMoney(appraisal: a, weights: a.weightSelection(nil)!))
            let points = vfm.rows.map { CostBenefitPoint(cost: $0.cost.netPresentCost!, benefit: $0.benefit) }
            for (index, change) in vfm.switching.costs.enumerated() {
                XCTAssertEqual(change.onFrontier, vfm.rows[index].status == .efficient)
                func efficient(_ delta: BigRational) -> Bool {
                    var moved = points
                    moved[index] = CostBenefitPoint(cost: points[index].cost + delta, benefit: points[index].benefit)
                    return Frontier(moved).statuses[index].isEfficient
                }
                guard let amount = change.change else {
                    XCTAssertTrue(efficient(BigRational(1_000_000)))
                    continue
                }
                let penny = BigRational(Rational(1, 100))
                XCTAssertEqual(efficient(amount / BigRational(2)), change.onFrontier)
                XCTAssertEqual(efficient(change.onFrontier ? amount + penny : amount - penny), !change.onFrontier)
            }
        }
    }

    /// Halfway to a weight's switching value the frontier is as now; just past it, it differs.
    func testWeightSwitchingValuesOnRandomAppraisals() throws {
        var generator = SplitMix64(seed: 99)
        var events = 0, orderEvents = 0
        for _ in 0..<150 {
            let count = Int(generator.next() % 7) + 2
            let scores = (0..<count).map { _ in [Int(generator.next() % 6), Int(generator.next() % 6), Int(generator.next() % 6)] }
            let costs = (0..<count).map { _ in [(year: 0, value: Int(generator.next() % 20) * 100)] }
            let weights = [Int(generator.next() % 4) + 1, Int(generator.next() % 4) + 1, Int(generator.next() % 4)]
            let a = appraisal(scores: scores, weights: weights, costs: costs)
            let vfm = try XCTUnwrap(ValueForMoney(appraisal: a, weights: a.weightSelection(nil)!))
            let matrix = try XCTUnwrap(DecisionMatrix(a))
            func frontier(weight criterion: Int, at value: Rational) -> [Int] {
                var entered = weights.map { Rational($0) }
                entered[criterion] = value
                let benefits = totals(of: matrix, weights: Weights(entered)!).map(\.total)
                return Frontier(zip(vfm.rows, benefits).map { CostBenefitPoint(cost: $0.cost.netPresentCost!, benefit: $1) }).path
            }
            let now = Frontier(vfm.rows.map { CostBenefitPoint(cost: $0.cost.netPresentCost!, benefit: $0.benefit) }).path
            func order(weight criterion: Int, at value: Rational) -> [Int] {
                var entered = weights.map { Rational($0) }
                entered[criterion] = value
                let benefits = totals(of: matrix, weights: Weights(entered)!).map(\.total)
                let costs = vfm.rows.map { $0.cost.netPresentCost! }
                return benefits.indices.filter { benefits[$0] > .zero }.sorted { a, b in
                    let x = costs[a] / BigRational(benefits[a]), y = costs[b] / BigRational(benefits[b])
                    return x == y ? a < b : x < y
                }
            }
            for (criterion, weight) in vfm.switching.weights.enumerated() {
                let current = Rational(weights[criterion])
                let nowOrder = order(weight: criterion, at: current)
                for (event, upward) in [(weight.orderUp, true), (weight.orderDown, false)] {
                    guard let event, let at = event.weight.rational, at != current else { continue }
                    orderEvents += 1
                    let halfway = (current + at) / Rational(2), past = upward ? at + Rational(1, 1_000_000) : at - Rational(1, 1_000_000)
                    XCTAssertEqual(order(weight: criterion, at: halfway), nowOrder, "criterion \(criterion) order halfway to \(at)")
                    if past > .zero { XCTAssertNotEqual(order(weight: criterion, at: past), nowOrder, "criterion \(criterion) order past \(at)") }
                }
                if let up = weight.up {
                    events += 1
                    let at = try XCTUnwrap(up.weight.rational)
                    XCTAssertGreaterThanOrEqual(at, current)
                    if at > current { XCTAssertEqual(frontier(weight: criterion, at: (current + at) / Rational(2)), now) }
                    XCTAssertNotEqual(frontier(weight: criterion, at: at + Rational(1, 1_000_000)), now, "criterion \(criterion) up to \(at)")
                }
                if let down = weight.down {
                    events += 1
                    let at = try XCTUnwrap(down.weight.rational)
                    XCTAssertLessThanOrEqual(at, current)
                    if at < current { XCTAssertEqual(frontier(weight: criterion, at: (current + at) / Rational(2)), now) }
                    let past = at - Rational(1, 1_000_000)
                    if past >= .zero, weights.indices.contains(where: { $0 != criterion && weights[$0] > 0 }) || past > .zero {
                        XCTAssertNotEqual(frontier(weight: criterion, at: past), now, "criterion \(criterion) down to \(at)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(events, 50, "the random cases exercise switching")
        XCTAssertGreaterThan(orderEvents, 50, "the random cases exercise changes of place on cost per point")
    }
}
