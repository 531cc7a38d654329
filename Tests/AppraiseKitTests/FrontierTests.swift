import XCTest

@testable import AppraiseKit

/// The efficient frontier against published incremental analyses and, on random cases, against
/// the definition checked by brute force.
final class FrontierTests: XCTestCase {
    private func point(_ cost: Int128, _ benefit: Int) -> CostBenefitPoint {
        CostBenefitPoint(cost: BigRational(BigInt(cost)), benefit: Rational(benefit))
    }

    /// Published example: "Re-interpreting the data on the cost and effectiveness of population
    /// screening for colorectal cancer in Australia", Australia and New Zealand Health Policy
    /// 2005, 2:10, Table 7: the strategies left after simple and extended dominance, with
    /// cost ($), effectiveness (life-years gained), average and incremental cost-effectiveness
    /// ratios printed to the whole dollar.
    func testColorectalScreeningFrontierReproducesThePublishedRatios() throws {
        let names = ["existing practice", "FOBT2", "DCBE5", "DCBE3", "FOBT1+DCBE5", "FOBT1+DCBE3"]
        let points = [point(0, 0), point(140_117_791, 3551), point(248_112_291, 6023), point(304_301_903, 6720),
                      point(370_181_240, 7076), point(422_777_702, 7299)]
        let frontier = Frontier(points)
        XCTAssertEqual(frontier.path.map { names[$0] }, names, "every strategy the paper kept is on the frontier")
        let incremental = zip(frontier.path, frontier.path.dropFirst()).map { low, high in
            ((points[high].cost - points[low].cost) / BigRational(points[high].benefit - points[low].benefit)).formatted(places: 0)
        }
        XCTAssertEqual(incremental, ["39459", "43687", "80616", "185054", "235859"])
        let average = points.dropFirst().map { ($0.cost / BigRational($0.benefit)).formatted(places: 0) }
        XCTAssertEqual(average, ["39459", "41194", "45283", "52315", "57923"])
    }

    /// Published example: CMAJ Open, modelled breast screening scenarios in Canada, Table 6
    /// "Effect of changing the screening scenario from the baseline of biennial screening in
    /// women aged 50–74 years" (cmajopen.ca, table expansion 79530). Each block (more screening,
    /// less screening) is its own incremental analysis; the paper marks the scenarios it
    /// rules out by extended dominance "weakly dominated" and prints each remaining step's
    /// incremental cost to the dollar. Cost ($) and QALYs as printed; the paper's ratios were
    /// computed from unrounded QALYs, so only the statuses and incremental costs can be
    /// reproduced from the printed figures, and they are, exactly.
    func testBreastScreeningScenariosReproduceThePublishedDominanceAndIncrementalCosts() {
        let increasing: [(String, Int128, Int)] = [
            ("biennial 50-74", 4_217_275, 25_053), ("annual 50-69", 5_250_458, 25_069), ("annual 50-74", 5_789_126, 25_075),
            ("annual 40-49, biennial 50-69", 6_072_758, 25_078), ("annual 40-49, biennial 50-74", 6_444_999, 25_083),
            ("annual 40-69", 7_516_630, 25_098), ("annual 40-74", 8_051_766, 25_103),
        ]
        let decreasing: [(String, Int128, Int)] = [
            ("biennial 50-74", 4_217_275, 25_053), ("biennial 50-69", 3_835_726, 25_048), ("triennial 50-74", 3_642_494, 25_039),
            ("triennial 50-69", 3_368_225, 25_036), ("no screening", 1_965_899, 24_998),
        ]
        func analyse(_ rows: [(String, Int128, Int)]) -> (weaklyDominated: [String], steps: [Int128]) {
            let points = rows.map { point($0.1, $0.2) }
            let frontier = Frontier(points)
            let ruledOut = rows.indices.filter { if case .extendedlyDominated = frontier.statuses[$0] { return true } else { return false } }
            let steps = zip(frontier.path, frontier.path.dropFirst()).map { low, high in
                (points[high].cost - points[low].cost).rational!.numerator.int128!
            }
            return (ruledOut.map { rows[$0].0 }, steps)
        }
        let more = analyse(increasing)
        XCTAssertEqual(more.weaklyDominated, ["annual 50-74", "annual 40-49, biennial 50-69", "annual 40-49, biennial 50-74"])
        XCTAssertEqual(more.steps, [1_033_183, 2_266_172, 535_136])
        let less = analyse(decreasing)
        XCTAssertEqual(less.weaklyDominated, ["triennial 50-74"])
        // Printed as savings moving down from the baseline: 381,549, 467,501 and 1,402,326.
        XCTAssertEqual(less.steps, [1_402_326, 467_501, 381_549])
    }

    /// A textbook-shaped case with both kinds of dominance: B is dominated by C (costs more,
    /// gives less) and D is extendedly dominated by a mix of C and E.
    func testDominanceAndExtendedDominanceAreNamed() {
        let points = [point(0, 0), point(500, 2), point(300, 4), point(800, 5), point(900, 8)]
        let frontier = Frontier(points)
        XCTAssertEqual(frontier.path, [0, 2, 4])
        XCTAssertEqual(frontier.statuses[1], .dominated(by: 2))
        XCTAssertEqual(frontier.statuses[3], .extendedlyDominated(between: 2, and: 4))
    }

    func testAPointOnTheLineBetweenItsNeighboursStaysOnTheFrontier() {
        let points = [point(0, 0), point(100, 1), point(200, 2)]
        XCTAssertEqual(Frontier(points).path, [0, 1, 2])
    }

    /// Brute force from the definition: an option is efficient unless another option costs no
    /// more and gives no less (strictly better in one, or identical and listed first), or a mix
    /// of two options gives exactly its benefit for strictly less.
    func testRandomCasesAgreeWithBruteForce() {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<400 {
            let count = Int(generator.next() % 12) + 1
            let points = (0..<count).map { _ in point(Int128(generator.next() % 20) * 50, Int(generator.next() % 10)) }
            let frontier = Frontier(points)
            for i in points.indices {
                XCTAssertEqual(frontier.statuses[i].isEfficient, bruteForceEfficient(i, points), "point \(i) of \(points.map { ($0.cost.formatted(places: 0), $0.benefit) })")
            }
            let path = frontier.path
            XCTAssertEqual(path, path.sorted { points[$0].cost < points[$1].cost })
        }
    }

    private func bruteForceEfficient(_ i: Int, _ points: [CostBenefitPoint]) -> Bool {
        let p = points[i]
        for j in points.indices where j != i {
            let q = points[j]
            if q.cost <= p.cost && q.benefit >= p.benefit && (q.cost < p.cost || q.benefit > p.benefit || j < i) { return false }
        }
        for j in points.indices where j != i {
            for k in points.indices where k != i && k != j {
                let low = points[j], high = points[k]
                guard low.benefit < p.benefit, p.benefit < high.benefit else { continue }
                let share = BigRational((p.benefit - low.benefit) / (high.benefit - low.benefit))
                let mixCost = low.cost + (high.cost - low.cost) * share
                if mixCost < p.cost { return false }
            }
        }
        return true
    }
}
