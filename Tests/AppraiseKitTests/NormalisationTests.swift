import XCTest

import AppraiseKit

/// Normalisations of raw decision matrices, reproducing published library test suites to
/// the precision they print, and property checks on random columns.
final class NormalisationTests: XCTestCase {
    private func column(_ numbers: [String]) -> [Rational] { numbers.map { Rational(decimal: $0)! } }

    /// Normalises each column of `matrix` (rows = alternatives) and reads the result row by row.
    private func normalised(_ matrix: [[String]], _ directions: [Direction], _ method: Normalisation,
                            cost: Normalisation.CostRule? = nil) throws -> [[Double]] {
        let columns = try directions.indices.map { index in
            try XCTUnwrap(method.normalise(column(matrix.map { $0[index] }), direction: directions[index], cost: cost))
        }
        return matrix.indices.map { row in columns.map { $0[row] } }
    }

    private func assertRounded(_ actual: [[Double]], _ expected: [Double], places: Int, _ message: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        let flat = actual.flatMap { $0 }
        XCTAssertEqual(flat.count, expected.count, message, file: file, line: line)
        let scale = pow(10, Double(places))
        for (index, (got, want)) in zip(flat, expected).enumerated() {
            XCTAssertEqual((got * scale).rounded() / scale, want, "\(message) [\(index)]", file: file, line: line)
        }
    }

    // pymcdm (Kizielewicz, Shekhovtsov & Sałabun, "pymcdm — The universal library for solving
    // multi-criteria decision-making problems", SoftwareX 21, 2023), tests/test_normalizations.py:
    // a 6 × 3 matrix whose first two criteria are costs, outputs printed rounded to 8 decimals.
    static let pymcdmMatrix = [["66", "56", "95"], ["61", "55", "166"], ["65", "49", "113"],
                               ["95", "56", "99"], ["63", "43", "178"], ["74", "59", "140"]]
    static let pymcdmTypes: [Direction] = [.cost, .cost, .benefit]

    func testPymcdmMinMaxNormalisation() throws {
        assertRounded(try normalised(Self.pymcdmMatrix, Self.pymcdmTypes, .minMax),
                      [0.85294118, 0.1875, 0.0, 1.0, 0.25, 0.85542169, 0.88235294, 0.625, 0.21686747, 0.0, 0.1875,
                       0.04819277, 0.94117647, 1.0, 1.0, 0.61764706, 0.0, 0.54216867], places: 8, "pymcdm min-max")
    }

    func testPymcdmMaxNormalisationReversesCosts() throws {
        assertRounded(try normalised(Self.pymcdmMatrix, Self.pymcdmTypes, .max),
                      [0.30526316, 0.05084746, 0.53370787, 0.35789474, 0.06779661, 0.93258427, 0.31578947, 0.16949153,
                       0.63483146, 0.0, 0.05084746, 0.55617978, 0.33684211, 0.27118644, 1.0, 0.22105263, 0.0, 0.78651685],
                      places: 8, "pymcdm max")
    }

    /// pymcdm's "linear" normalisation is the max method with costs by reciprocal (min/x).
    func testPymcdmLinearNormalisationIsMaxWithReciprocalCosts() throws {
        assertRounded(try normalised(Self.pymcdmMatrix, Self.pymcdmTypes, .max, cost: .reciprocal),
                      [0.92424242, 0.76785714, 0.53370787, 1.0, 0.78181818, 0.93258427, 0.93846154, 0.87755102, 0.63483146,
                       0.64210526, 0.76785714, 0.55617978, 0.96825397, 1.0, 1.0, 0.82432432, 0.72881356, 0.78651685],
                      places: 8, "pymcdm linear")
    }

    func testPymcdmSumNormalisationTakesReciprocalsOfCosts() throws {
        assertRounded(try normalised(Self.pymcdmMatrix, Self.pymcdmTypes, .sum),
                      [0.17447136, 0.155945, 0.12010114, 0.1887723, 0.15878037, 0.20986094, 0.17715554, 0.17822286,
                       0.14285714, 0.12121168, 0.155945, 0.12515803, 0.18277952, 0.20309117, 0.22503161, 0.15560959,
                       0.1480156, 0.17699115], places: 8, "pymcdm sum")
    }

    func testPymcdmVectorNormalisation() throws {
        assertRounded(try normalised(Self.pymcdmMatrix, Self.pymcdmTypes, .vector),
                      [0.62375904, 0.57085288, 0.28587109, 0.65226214, 0.57851622, 0.49952212, 0.62945966, 0.62449627,
                       0.34003614, 0.45844104, 0.57085288, 0.29790777, 0.6408609, 0.67047632, 0.53563215, 0.57815408,
                       0.54786285, 0.42128371], places: 8, "pymcdm vector")
    }

    // The Rust crate mcdm (A. Krutsinger, github.com/akrutsinger/mcdm), tests/normalization.rs:
    // a 3 × 4 matrix with costs first and last, outputs printed to 8 decimals.
    static let rustMatrix = [["2.9", "2.31", "0.56", "1.89"], ["1.2", "1.34", "0.21", "2.48"], ["0.3", "2.48", "1.75", "1.69"]]
    static let rustTypes: [Direction] = [.cost, .benefit, .benefit, .cost]

    func testRustMcdmMaxMinMaxSumVectorAndLinear() throws {
        assertRounded(try normalised(Self.rustMatrix, Self.rustTypes, .max),
                      [0.0, 0.93145161, 0.32, 0.23790323, 0.5862069, 0.54032258, 0.12, 0.0, 0.89655172, 1.0, 1.0, 0.31854839],
                      places: 8, "mcdm max")
        assertRounded(try normalised(Self.rustMatrix, Self.rustTypes, .minMax),
                      [0.0, 0.85087719, 0.22727273, 0.74683544, 0.65384615, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0], places: 8, "mcdm min-max")
        assertRounded(try normalised(Self.rustMatrix, Self.rustTypes, .sum),
                      [0.07643312, 0.37683524, 0.22222222, 0.34716919, 0.18471338, 0.21859706, 0.08333333, 0.26457652,
                       0.7388535, 0.4045677, 0.69444444, 0.3882543], places: 8, "mcdm sum")
        assertRounded(try normalised(Self.rustMatrix, Self.rustTypes, .vector),
                      [0.08017585, 0.63383849, 0.30280447, 0.46710009, 0.61938311, 0.3676812, 0.11355167, 0.30074509,
                       0.90484578, 0.68048461, 0.94626396, 0.52349161], places: 8, "mcdm vector")
        assertRounded(try normalised(Self.rustMatrix, Self.rustTypes, .max, cost: .reciprocal),
                      [0.10344828, 0.93145161, 0.32, 0.89417989, 0.25, 0.54032258, 0.12, 0.68145161, 1.0, 1.0, 1.0, 1.0],
                      places: 8, "mcdm linear")
    }

    /// Every normalisation that has a linear value function gives the same numbers through
    /// the function (on a 0–1 scale), so a raw matrix imported as measured criteria scores as
    /// the normalisation does; random columns of random size.
    func testLinearValueFunctionsReproduceTheirNormalisation() throws {
        var random = SplitMix64(seed: 29)
        let unit = ScoreScale(minimum: .zero, maximum: .one, step: Rational(1, 100))
        for _ in 0..<200 {
            let values = (0..<(2 + Int(random.next() % 6))).map { _ in Rational(Int128(1 + random.next() % 500), Int128(1 + random.next() % 4)) }
            for method in Normalisation.allCases {
                for direction in Direction.allCases {
                    guard let function = method.valueFunction(values, direction: direction, cost: .reversal),
                          let expected = method.normalise(values, direction: direction, cost: .reversal) else { continue }
                    for (value, want) in zip(values, expected) {
                        let got = try XCTUnwrap(function.score(value, scale: unit)).doubleValue
                        XCTAssertEqual(got, want, accuracy: method == .vector ? 1e-5 : 1e-12, "\(method) \(direction)")
                    }
                }
            }
        }
        XCTAssertNil(Normalisation.sum.valueFunction([Rational(2), Rational(4)], direction: .cost, cost: .reciprocal))
    }

    /// The reciprocal rule kept in the file scores every level of its column exactly as the
    /// library's reciprocal normalisation does (checked on random columns, every method, on a
    /// 0–1 and a 1–7 scale); under `sum` the column's values add up to one.
    func testTheReciprocalValueFunctionScoresAsTheNormalisation() throws {
        var generator = SplitMix64(seed: 1981)
        let scales = [ScoreScale(minimum: .zero, maximum: .one, step: Rational(1, 1_000_000)), ScoreScale(minimum: .one, maximum: Rational(7), step: Rational(1, 2))]
        for _ in 0..<150 {
            let count = Int.random(in: 2...7, using: &generator)
            let levels = (0..<count).map { _ in Rational(Int128(Int.random(in: 1...90_000, using: &generator)), 100) }
            for method in Normalisation.allCases {
                guard let function = method.valueFunctionForColumn(levels, direction: .cost, cost: .reciprocal),
                      let expected = method.normalise(levels, direction: .cost, cost: .reciprocal) else {
                    XCTAssertEqual(method, .minMax, "only a column of equal levels has no min–max rule")
                    continue
                }
                for scale in scales {
                    for (level, want) in zip(levels, expected) {
                        let score = try XCTUnwrap(function.score(level, scale: scale))
                        let fraction = ((score - scale.minimum) / (scale.maximum - scale.minimum)).doubleValue
                        XCTAssertEqual(fraction, want, accuracy: method == .vector ? 1e-8 : 1e-12, "\(method) \(levels)")
                    }
                }
                if method == .sum {
                    XCTAssertEqual(levels.map { method.reciprocalFraction($0, of: levels)! }.sum(), .one, "exact")
                }
            }
        }
        XCTAssertNil(Normalisation.sum.valueFunctionForColumn([.zero, Rational(2)], direction: .cost, cost: .reciprocal), "0 has no reciprocal")
        XCTAssertEqual(Normalisation.max.reciprocalFraction(Rational(9, 2), of: [Rational(11, 2), Rational(9, 2)]), .one, "the cheapest scores the top")
    }

    func testDirectionWordsAndDegenerateColumns() {
        XCTAssertEqual(Direction(word: "Lower is better"), .cost)
        XCTAssertEqual(Direction(word: "max"), .benefit)
        XCTAssertNil(Direction(word: "sideways"))
        XCTAssertEqual(Normalisation.minMax.normalise([Rational(3), Rational(3)], direction: .cost), [1.0, 1.0])
        XCTAssertNil(Normalisation.sum.normalise([.zero, Rational(2)], direction: .cost))
        XCTAssertNil(Normalisation.max.normalise([.zero, .zero], direction: .benefit))
    }
}
