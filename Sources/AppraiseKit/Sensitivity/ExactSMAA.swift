/// SMAA without sampling error: with weights uniform over a region of weightings, the
/// weightings that put an option first form a convex polytope, so its first-rank
/// acceptability is that polytope's share of the region and its central weights are the
/// polytope's centroid, both exact fractions (see `WeightCone` for the method).
///
/// Exact for any size in principle, but the work grows with the number of corners of each
/// region and the length of its numbers, so `estimate` and a work budget (`ExactWork.swift`)
/// set where `report` switches to sampling.
public enum ExactSMAA {
    /// The weightings every one of which is equally likely, as in `SMAA.WeightModel`.
    public enum Region: Sendable, Equatable {
        /// All weightings (the simplex).
        case uniform
        /// Only those that respect an order of importance (criterion ids, most important first).
        case ordered([String])
        /// Only those within ± `percent` per cent of each current weight (clipped to 0…1).
        case around(percent: Rational)
    }

    /// The exact analysis ran past its work budget; sample instead.
    public struct WorkLimitReached: Error, Sendable {}

    public struct Result: Sendable, Equatable {
        public let region: Region
        public let optionIDs: [String]
        public let criterionIDs: [String]
        /// The exact share of the region's weightings under which each option is first
        /// (options level on every criterion share first place equally).
        public let firstRank: [Rational]
        /// `rankAcceptability[i][r]`: the exact share under which option i is ranked r + 1;
        /// nil when only first ranks were asked for.
        public let rankAcceptability: [[Rational]]?
        /// The centroid of the weightings under which each option is first; nil for an
        /// option first under no (or only a vanishing share of) weightings.
        public let centralWeights: [[Rational]?]
        /// 1 when the option is first at its own central weights, a share when level there,
        /// 0 when not; nil without central weights.
        public let confidence: [Rational?]
        /// The work done, in word products (see `WorkMeter`): what the budget is measured in.
        public let work: Int
    }

    /// Most options for which every rank, not only the first, is computed exactly: each
    /// option's places come from splitting the others into those above and below it, up to
    /// 2^(options − 1) regions.
    public static let allRanksLimit = 12

    /// Computes the exact acceptabilities of `matrix` over `region`; `allRanks` adds the
    /// holistic acceptability of every rank, not only the first. `weights` are the current
    /// weights, the centre of `.around`.
    ///
    /// With `budget`, gives up with `WorkLimitReached` once that many word products (see
    /// `WorkMeter`) are spent: a count of the digits handled, not a clock, so the same input
    /// always gives the same outcome.
    public static func run(matrix: DecisionMatrix, weights: Weights, region: Region, allRanks: Bool,
                           budget: Int? = nil) throws -> Result {
        let meter = WorkMeter(budget ?? .max)
        guard matrix.optionCount > 0 else { throw SensitivityError.invalidSetting("there are no options to analyse") }
        let n = matrix.criterionCount
        var base = WeightCone(dimension: n)
        for row in try baseRows(n: n, criteria: matrix.criterionIDs, weights: weights.normalised, region: region) {
            try base.add(WeightCone.wholeRow(row), meter: meter)
        }
        let total = try base.volumeAndMoment(moment: false, meter: meter).volume
        guard !total.isZero else {
            throw SensitivityError.invalidSetting("the weightings allowed have no extent: widen the weight spread")
        }
        // Options scored alike on every criterion are level under every weighting: analyse
        // each such class once and share its places equally among its members.
        var classes: [[Int]] = []
        for option in 0..<matrix.optionCount {
            if let index = classes.firstIndex(where: { matrix.scores[$0[0]] == matrix.scores[option] }) {
                classes[index].append(option)
            } else {
                classes.append([option])
            }
        }
        let m = matrix.optionCount
        var first = Array(repeating: Rational.zero, count: m)
        var central: [[Rational]?] = Array(repeating: nil, count: m)
        var ranks: [[Rational]]? = allRanks ? Array(repeating: Array(repeating: .zero, count: m), count: m) : nil

        for (position, members) in classes.enumerated() {
            let own = matrix.scores[members[0]]
            let others = classes.indices.filter { $0 != position }
            let rows = others.map { other in WeightCone.wholeRow(zip(own, matrix.scores[classes[other][0]]).map { $0 - $1 }) }
            var cone = base
            for row in rows where !cone.isEmpty { try cone.add(row, meter: meter) }
            let (volume, moment) = try cone.volumeAndMoment(meter: meter)
            let size = Rational(members.count)
            if !volume.isZero {
                let centroid = moment.map { $0 / volume }
                for member in members {
                    first[member] = volume / total / size
                    central[member] = centroid
                }
            }
            if allRanks {
                // Each split of the other classes into those above and those below this one
                // is a cone; those of full dimension partition the region.
                var shares: [Int: Rational] = [:]
                try splitAbove(base, rows: rows, sizes: others.map { classes[$0].count }, next: 0, above: 0, meter: meter) { above, volume in
                    shares[above, default: .zero] += volume
                }
                for (above, volume) in shares {
                    let share = volume / total / size
                    for member in members {
                        for rank in above..<(above + members.count) { ranks![member][rank] += share }
                    }
                }
            }
        }
        let confidence = central.enumerated().map { option, weights in
            weights.map { firstShare(of: option, matrix: matrix, weights: $0) }
        }
        return Result(region: region, optionIDs: matrix.optionIDs, criterionIDs: matrix.criterionIDs,
                      firstRank: first, rankAcceptability: ranks, centralWeights: central, confidence: confidence,
                      work: (budget ?? .max) - meter.remaining)
    }

    /// Visits every full-dimensional cone got by putting each remaining other class above
    /// (row · w ≤ 0) or below (row · w ≥ 0) this one, with the number of options above.
    private static func splitAbove(_ cone: WeightCone, rows: [[BigInt]], sizes: [Int], next: Int, above: Int,
                                   meter: WorkMeter?, visit: (Int, Rational) -> Void) throws {
        guard next < rows.count else {
            let volume = try cone.volumeAndMoment(moment: false, meter: meter).volume
            if !volume.isZero { visit(above, volume) }
            return
        }
        var below = cone
        try below.add(rows[next], meter: meter)
        var over = cone
        try over.add(rows[next].map { -$0 }, meter: meter)
        // A side that keeps every ray of the cone holds it all: the other side is at most a
        // face and no weighting of any extent lies there.
        if below.isFullDimensional {
            try splitAbove(below, rows: rows, sizes: sizes, next: next + 1, above: above, meter: meter, visit: visit)
        }
        if over.isFullDimensional {
            try splitAbove(over, rows: rows, sizes: sizes, next: next + 1, above: above + sizes[next], meter: meter, visit: visit)
        }
    }

    /// The conditions `row · w ≥ 0` that cut the weightings allowed out of all weightings.
    static func baseRows(n: Int, criteria: [String], weights: [Rational], region: Region) throws -> [[Rational]] {
        var rows: [[Rational]] = []
        switch region {
        case .uniform:
            break
        case .ordered(let ids):
            let order = try importanceOrder(ids, criteria: criteria)
            for (more, less) in zip(order, order.dropFirst()) {
                rows.append((0..<n).map { $0 == more ? .one : $0 == less ? -.one : .zero })
            }
        case .around(let percent):
            guard !percent.isNegative else {
                throw SensitivityError.invalidSetting("the weight spread must be a percentage of at least 0")
            }
            let fraction = percent / Rational(100)
            for k in 0..<n {
                // w(k) ≥ l·Σw and w(k) ≤ u·Σw, with l and u the bounds of the weight.
                let lower = max(.zero, weights[k] * (.one - fraction))
                let upper = min(.one, weights[k] * (.one + fraction))
                rows.append((0..<n).map { $0 == k ? .one - lower : -lower })
                rows.append((0..<n).map { $0 == k ? upper - .one : upper })
            }
        }
        return rows
    }

    private static func firstShare(of option: Int, matrix: DecisionMatrix, weights: [Rational]) -> Rational {
        let totals = matrix.scores.map { WeightCone.dot($0, weights) }
        let best = totals.max()!
        guard totals[option] == best else { return .zero }
        return Rational(1) / Rational(totals.filter { $0 == best }.count)
    }
}
