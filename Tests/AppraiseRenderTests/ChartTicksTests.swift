import AppraiseKit
@testable import AppraiseRender
import XCTest

/// Round axis ticks and Word column widths: the pieces that make charts and tables readable.
final class ChartTicksTests: XCTestCase {
    /// The SEND budget frontier's axis: £0 to past £1,360,700 in round steps, not £340,175.
    func testBudgetAxisReadsInRoundSteps() {
        XCTAssertEqual(ChartTicks.nice(low: .zero, high: Rational(1_428_735)), [0, 500_000, 1_000_000, 1_500_000].map { Rational($0) })
        XCTAssertEqual(ChartTicks.nice(low: .zero, high: Rational(777)), [0, 200, 400, 600, 800].map { Rational($0) })
        XCTAssertEqual(ChartTicks.nice(low: Rational(-577_500), high: Rational(200_000)), [-600_000, -400_000, -200_000, 0, 200_000].map { Rational($0) })
        XCTAssertEqual(ChartTicks.nice(low: .zero, high: Rational(1, 3)), [0, 1, 2, 3, 4].map { Rational($0, 10) })
        XCTAssertEqual(ChartTicks.nice(low: Rational(5), high: Rational(5)), [Rational(5), Rational(10)])
    }

    /// On any range, the ticks cover it, are evenly spaced by 1, 2, 2.5 or 5 times a power of
    /// ten, start on a multiple of the step, and number between two and about twice the asked count.
    func testTicksCoverAnyRangeInRoundSteps() {
        var state: UInt64 = 7
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % 2_000_001 - 1_000_000 }
        for _ in 0..<500 {
            let a = Rational(next()), b = Rational(next()) / Rational([1, 10, 1000][abs(next()) % 3])
            let low = min(a, b), high = max(a, b)
            let ticks = ChartTicks.nice(low: low, high: high)
            XCTAssertLessThanOrEqual(ticks.first!, low)
            XCTAssertGreaterThanOrEqual(ticks.last!, high)
            XCTAssertTrue((2...10).contains(ticks.count), "\(low)…\(high): \(ticks)")
            let step = ticks[1] - ticks[0]
            XCTAssertTrue(zip(ticks, ticks.dropFirst()).allSatisfy { $1 - $0 == step })
            XCTAssertEqual((ticks[0] / step).denominator, 1)
            var mantissa = step
            while mantissa >= Rational(10) { mantissa = mantissa / Rational(10) }
            while mantissa < .one { mantissa = mantissa * Rational(10) }
            XCTAssertTrue([Rational(1), Rational(2), Rational(5, 2), Rational(5)].contains(mantissa), "step \(step)")
        }
    }

    /// A short heading over a column of small numbers keeps its word whole in Word ("Place",
    /// not "Pla ce"); every column gets at least its longest header word when the page allows.
    func testWordColumnsHoldTheirHeaderWords() {
        let headers = ["Option", "Points", "Net present cost", "Cost per point", "Place", "Frontier", "Extra cost", "Extra points", "SEND places (places)"]
        let rows = [["Special School complex needs", "80/120", "£200,000", "£2,500", "4", "dominated by PRU SEMH (Jan 2018)", "", "", "20"]]
        let widths = WordDocument.columnWidths(headers: headers, rows: rows)
        XCTAssertEqual(widths.reduce(0, +), Int(WordDocument.textWidthPoints * 20), accuracy: headers.count)
        for (header, width) in zip(headers, widths) {
            let word = header.split(separator: " ").map(\.count).max()!
            XCTAssertGreaterThanOrEqual(Double(width), Double(word) * 121 + 200, header)
        }
    }

    /// A table too wide for its header words (the 2017 score matrix, 14 columns) still keeps
    /// every figure whole ("33/40", never "33/4 0"); the headers share what room is left.
    func testWordColumnsKeepFiguresWholeWhenHeadersCannotFit() {
        let headers = ["Option", "Child Focused", "Partnerships", "Commissioning", "Political oversight", "Financial viability", "Workforce",
                       "Integration", "Risk", "Total", "Maximum", "Percent", "Rank"]
        let rows = [["Commission by Contract", "4", "2", "3", "3", "3", "2", "2", "3", "22/40", "40", "55.0%", "5"]]
        let widths = WordDocument.columnWidths(headers: headers, rows: rows)
        XCTAssertEqual(widths.reduce(0, +), Int(WordDocument.textWidthPoints * 20), accuracy: headers.count)
        for (cell, width) in zip(rows[0], widths) {
            let word = cell.split(separator: " ").map(\.count).max()!
            XCTAssertGreaterThanOrEqual(Double(width), Double(word) * 110 + 200, cell)
        }
    }
}
