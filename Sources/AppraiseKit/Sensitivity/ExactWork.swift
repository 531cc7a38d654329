/// How much exact work the SMAA analysis may do, counted in products of 64-bit words (a
/// product of an a-word number by a b-word one counts a × b), so that the count follows the
/// digits handled rather than the steps taken, and the same input always takes the same path.
final class WorkMeter {
    private(set) var remaining: Int

    init(_ words: Int) { remaining = words }

    func spend(_ words: Int) throws {
        guard words <= remaining else {
            remaining = -1
            throw ExactSMAA.WorkLimitReached()
        }
        remaining -= words
    }

    /// The 64-bit words of the longest of the numbers, at least one.
    static func words(_ numbers: [BigInt]) -> Int {
        max(1, ((numbers.map(\.bitWidth).max() ?? 0) + 63) / 64)
    }
}

extension ExactSMAA {
    /// What the exact analysis of an appraisal would cost at most, from its size and the length
    /// of its numbers alone, before any of it is done.
    public struct Estimate: Sendable, Equatable {
        /// Regions whose share is computed: one per option for first places, one per way of
        /// splitting the other options into those above and below it for every rank.
        public let regions: Int
        /// Most corners any region can have (McMullen's upper bound theorem for its number of
        /// conditions and dimension).
        public let corners: Int
        /// Most binary digits of a share's determinants and denominators (Hadamard's bound).
        public let bits: Int
        /// Word products the whole analysis may take: regions × corners × criteria³ × words².
        public let work: Double

        /// Whether the estimate is within `limit` word products.
        public func fits(_ limit: Int) -> Bool { work <= Double(limit) }
    }

    /// The largest estimate for which `report` starts the exact analysis. The estimate bounds
    /// the worst case, far above what most appraisals need (the reference 8 × 8 is estimated
    /// at 6.2 × 10^9 and does 5 × 10^4), so it only rules out what cannot fit: every 8 × 8
    /// with whole scores is tried; 10 × 8, 12 × 10 and 8 × 8 with six-decimal scores are not.
    public static let reportEstimateLimit = 10_000_000_000

    /// Word products `report` lets the exact analysis actually do before it samples instead:
    /// about a second of one core in a release build (`Benchmarks/README.md`).
    public static let reportBudget = 20_000_000

    /// Word products `smaa --exact` allows before it stops and suggests sampling.
    public static let commandBudget = 25 * reportBudget

    /// The estimate for `matrix` over `region`; `allRanks` as in `run`.
    public static func estimate(matrix: DecisionMatrix, weights: Weights, region: Region, allRanks: Bool) throws -> Estimate {
        let n = matrix.criterionCount
        let classes = Set(matrix.scores).count
        let regionRows = try baseRows(n: n, criteria: matrix.criterionIDs, weights: weights.normalised, region: region)
        var rows = regionRows
        let distinct = Array(Set(matrix.scores))
        for a in distinct.indices {
            for b in distinct.indices where a < b { rows.append(zip(distinct[a], distinct[b]).map { $0 - $1 }) }
        }
        let dataBits = rows.map { WeightCone.wholeRow($0).map(\.magnitude.bitWidth).max() ?? 0 }.max() ?? 1
        // A ray is fixed by n − 1 conditions, so its entries are (n − 1)-minors; a share's
        // determinant is an n-minor of rays and its denominator a product of n ray sums.
        let rayBits = (n - 1) * (dataBits + bitLength(n) / 2 + 1)
        let bits = n * (rayBits + bitLength(n))
        let words = Double(bits / 64 + 1)
        let others = classes - 1
        let corners = upperBound(facets: n + others + regionRows.count, dimension: n - 1)
        var cellsPerClass = 1.0
        if allRanks {
            // Regions of an arrangement of `others` hyperplanes through the origin in n dimensions.
            var sum = 0.0
            for j in 0..<min(n, others + 1) { sum += binomial(max(others - 1, 0), j) }
            cellsPerClass = min(Double(1 << min(others, 60)), 2 * sum)
        }
        let regions = Double(classes) * cellsPerClass
        let work = regions * Double(corners) * Double(n * n * n) * words * words
        return Estimate(regions: Int(min(regions, Double(Int.max))), corners: corners, bits: bits, work: work)
    }

    /// The most vertices of a polytope of `dimension` with `facets` facets.
    static func upperBound(facets k: Int, dimension d: Int) -> Int {
        guard d >= 2 else { return 2 }
        let value = binomial(k - (d + 1) / 2, d / 2) + binomial(k - d / 2 - 1, (d + 1) / 2 - 1)
        return Int(min(value, Double(Int.max / 2)))
    }

    private static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, n >= k else { return 0 }
        var result = 1.0
        for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
        return result.rounded()
    }

    private static func bitLength(_ value: Int) -> Int { Int.bitWidth - value.leadingZeroBitCount }
}
