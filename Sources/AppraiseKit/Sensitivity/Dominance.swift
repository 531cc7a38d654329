/// Which options any weighting at all could put first, decided exactly.
///
/// Option i can be first under weights w (non-negative, summing to one) when
/// P(i) − P(j) ≥ 0 for every other j. The best it can do is the value of a matrix game,
/// z = max over w of min over j of Σ w(k)(a(i,k) − a(j,k)); by linear-programming duality z
/// is also min over blends λ of the other options of max over k of (a(i,k) − Σ λ(j) a(j,k)).
/// So z > 0: some weighting puts i first alone; z = 0: at best it shares first place;
/// z < 0: a blend of other options beats it on every criterion and no weighting puts it
/// first. Each verdict carries its evidence: the weighting, or the blend.
///
/// Cheap exact tests settle most options (the best score on some criterion; dominated on
/// every criterion). The rest are solved as a linear program in floating point, whose answer
/// is then either confirmed by checking its evidence in exact arithmetic, or, when it is too
/// close to call or the check fails, solved again exactly in rationals.
public struct Dominance: Sendable, Equatable {
    /// The best an option can do under any weighting.
    public enum FirstPlace: String, Sendable, Equatable {
        /// Some weighting puts it first alone.
        case outright
        /// Some weighting puts it level first, none first alone.
        case sharedOnly = "shared-only"
        /// No weighting puts it first.
        case never
    }

    /// An option that another scores at least as well on every criterion and better on one.
    public struct Dominated: Sendable, Equatable {
        public let option: String
        /// The options dominating it, in the appraisal's order.
        public let by: [String]
    }

    /// One option of a blend, with its share.
    public struct BlendShare: Sendable, Equatable {
        public let option: String
        public let share: Rational
    }

    public struct Verdict: Sendable, Equatable {
        public let option: String
        public let firstPlace: FirstPlace
        /// For `outright` and `sharedOnly`: weights (summing to one, criterion order) under
        /// which the option is first (alone, or level).
        public let weights: [Rational]?
        /// For `never`: shares of other options whose blended scores beat this option on
        /// every criterion.
        public let blend: [BlendShare]?
    }

    /// Dominated options, in the appraisal's order.
    public let dominated: [Dominated]
    /// One verdict per option, in the appraisal's order.
    public let verdicts: [Verdict]

    /// Options no weighting can put first.
    public var neverFirst: [String] { verdicts.filter { $0.firstPlace == .never }.map(\.option) }
    /// Options some weighting puts level first but none first alone.
    public var sharedFirstOnly: [String] { verdicts.filter { $0.firstPlace == .sharedOnly }.map(\.option) }
    /// Options some weighting puts first alone.
    public var canBeFirstAlone: [String] { verdicts.filter { $0.firstPlace == .outright }.map(\.option) }

    public init(matrix: DecisionMatrix) {
        let m = matrix.optionCount, n = matrix.criterionCount
        let scores = matrix.scores
        let ids = matrix.optionIDs

        // Pairwise dominance. Converting to Double never reverses an order, so unequal doubles
        // decide a comparison; equal ones are compared exactly unless every score is a Double
        // exactly (whole numbers and halves are), when the doubles decide it all.
        let approximate = scores.map { $0.map(\.doubleValue) }
        let exactInDouble = scores.allSatisfy { $0.allSatisfy(Dominance.isExactDouble) }
        var dominators = Array(repeating: [Int](), count: m)
        for i in 0..<m {
            for j in 0..<m where j != i {
                var atLeast = true, better = false
                for k in 0..<n {
                    let (own, other) = (approximate[i][k], approximate[j][k])
                    if other < own || (!exactInDouble && other == own && scores[j][k] < scores[i][k]) { atLeast = false; break }
                    if own < other || (!exactInDouble && own == other && scores[i][k] < scores[j][k]) { better = true }
                }
                if atLeast && better { dominators[i].append(j) }
            }
        }
        dominated = (0..<m).filter { !dominators[$0].isEmpty }
            .map { Dominated(option: ids[$0], by: dominators[$0].map { ids[$0] }) }

        // Best score on a criterion: first under that criterion alone.
        var bestOn: [(criterion: Int, alone: Bool)?] = Array(repeating: nil, count: m)
        for k in 0..<n {
            let top = scores.map { $0[k] }.max()!
            let holders = (0..<m).filter { scores[$0][k] == top }
            for i in holders where bestOn[i] == nil || (holders.count == 1 && !bestOn[i]!.alone) {
                bestOn[i] = (k, holders.count == 1)
            }
        }

        func unit(_ k: Int) -> [Rational] { (0..<n).map { $0 == k ? .one : .zero } }
        var verdicts: [Verdict?] = Array(repeating: nil, count: m)
        var undecided: [Int] = []
        for i in 0..<m {
            if m == 1 {
                verdicts[i] = Verdict(option: ids[i], firstPlace: .outright, weights: Weights.equal(count: n).normalised, blend: nil)
            } else if let best = bestOn[i], best.alone {
                verdicts[i] = Verdict(option: ids[i], firstPlace: .outright, weights: unit(best.criterion), blend: nil)
            } else if let cover = Dominance.strictCover(i, dominators[i], scores) {
                // Each criterion has a dominator strictly ahead: their even blend beats i everywhere.
                let share = Rational(1) / Rational(cover.count)
                verdicts[i] = Verdict(option: ids[i], firstPlace: .never, weights: nil,
                                      blend: cover.map { BlendShare(option: ids[$0], share: share) })
            } else if let best = bestOn[i], !dominators[i].isEmpty {
                // First under one criterion alone, yet never ahead of its dominator.
                verdicts[i] = Verdict(option: ids[i], firstPlace: .sharedOnly, weights: unit(best.criterion), blend: nil)
            } else {
                undecided.append(i)
            }
        }

        let game = GameProgram(matrix: matrix, dominators: dominators)
        let pending = undecided
        let solved = concurrentMap(pending.count) { game.verdict(for: pending[$0]) }
        for (index, option) in undecided.enumerated() { verdicts[option] = solved[index] }
        self.verdicts = verdicts.map { $0! }
    }

    /// Dominators of option i that between them are strictly ahead of it on every criterion
    /// (chosen greedily, in the appraisal's order), or nil when some criterion has no
    /// dominator ahead.
    static func strictCover(_ option: Int, _ dominators: [Int], _ scores: [[Rational]]) -> [Int]? {
        guard !dominators.isEmpty else { return nil }
        let own = scores[option]
        // Every criterion needs some dominator ahead; most dominated options fail here at once.
        for k in own.indices where !dominators.contains(where: { scores[$0][k] > own[k] }) { return nil }
        let ahead = dominators.map { j in own.indices.map { scores[j][$0] > own[$0] } }
        var uncovered = Array(repeating: true, count: own.count)
        var remaining = own.count
        var cover: [Int] = []
        while remaining > 0 {
            var best = -1, bestGain = 0
            for (index, row) in ahead.enumerated() {
                var gain = 0
                for k in row.indices where row[k] && uncovered[k] { gain += 1 }
                if gain > bestGain { (best, bestGain) = (index, gain) }
            }
            for k in ahead[best].indices where ahead[best][k] && uncovered[k] { uncovered[k] = false }
            remaining -= bestGain
            cover.append(dominators[best])
        }
        return cover.sorted()
    }

    /// Whether a value converts to Double without rounding: a power-of-two denominator and a
    /// numerator within the 53-bit significand.
    static func isExactDouble(_ value: Rational) -> Bool {
        guard let numerator = value.numerator.int128, let denominator = value.denominator.int128 else { return false }
        return denominator & (denominator - 1) == 0 && numerator.magnitude < (1 << 53)
    }
}

/// The matrix game of one option against the rest, as the linear program
/// `maximise Σ y(j)` subject to `Σ_j (a(i,k) − a(j,k) + R) y(j) ≤ 1` for every criterion k,
/// `y ≥ 0`, where R (larger than any score difference) makes every coefficient positive.
/// Its optimum S gives the game value z = 1/S − R; the optimal y, scaled to sum to one, is
/// the blend λ, and the constraint prices x scaled to sum to one are the weights w.
struct GameProgram: Sendable {
    let matrix: DecisionMatrix
    /// For each option, the options that dominate it.
    let dominators: [[Int]]
    let shift: Rational
    let doubles: [Double]
    let m: Int
    let n: Int

    init(matrix: DecisionMatrix, dominators: [[Int]]) {
        self.matrix = matrix
        self.dominators = dominators
        m = matrix.optionCount
        n = matrix.criterionCount
        let all = matrix.scores.flatMap { $0 }
        shift = (all.max() ?? .zero) - (all.min() ?? .zero) + .one
        doubles = all.map(\.doubleValue)
    }

    func verdict(for option: Int) -> Dominance.Verdict {
        // An opponent dominated by another opponent is never the better reply: leave it out.
        let others = (0..<m).filter { j in j != option && dominators[j].allSatisfy { $0 == option } }
        let shiftValue = shift.doubleValue
        var coefficients = Array(repeating: 0.0, count: n * others.count)
        for k in 0..<n {
            for (column, j) in others.enumerated() {
                coefficients[k * others.count + column] = doubles[option * n + k] - doubles[j * n + k] + shiftValue
            }
        }
        var program = Simplex(matrix: coefficients, rows: n, columns: others.count,
                              bounds: Array(repeating: 1, count: n), costs: Array(repeating: 1, count: others.count))
        _ = program.solve()
        let value = 1 / program.objective - shiftValue
        let tolerance = 1e-7 * shiftValue
        if value > tolerance, let weights = confirmFirst(option, prices: program.dual) {
            return Dominance.Verdict(option: matrix.optionIDs[option], firstPlace: .outright, weights: weights, blend: nil)
        }
        if value < -tolerance, let blend = confirmBeaten(option, others: others, shares: program.primal) {
            return Dominance.Verdict(option: matrix.optionIDs[option], firstPlace: .never, weights: nil, blend: blend)
        }
        let start = program.basis.filter { $0 < others.count }.map { others[$0] }
        return exactVerdict(option, others: others, start: start)
    }

    /// Rounds floating-point prices to weights on a 2^-32 grid and checks exactly that they
    /// put the option first alone.
    private func confirmFirst(_ option: Int, prices: [Double]) -> [Rational]? {
        let total = prices.reduce(0, +)
        guard total > 0 else { return nil }
        let grid = prices.map { Int128(($0 / total * 0x1.0p32).rounded()) }
        guard grid.allSatisfy({ $0 >= 0 }), grid.contains(where: { $0 > 0 }) else { return nil }
        let gridDoubles = grid.map { Double($0) }
        for j in 0..<m where j != option {
            var sum = 0.0, magnitude = 0.0
            for k in 0..<n {
                let (own, other) = (doubles[option * n + k], doubles[j * n + k])
                sum += gridDoubles[k] * (own - other)
                magnitude += gridDoubles[k] * (abs(own) + abs(other))
            }
            // A bound on the rounding error of the floating-point sum: beyond it the sign is sure.
            if sum > Double(n + 8) * 0x1.0p-52 * magnitude { continue }
            var exact = Rational.zero
            for k in 0..<n where grid[k] != 0 {
                exact += Rational(grid[k], 1) * (matrix.scores[option][k] - matrix.scores[j][k])
            }
            guard exact > .zero else { return nil }
        }
        let gridTotal = grid.reduce(0, +)
        return grid.map { Rational($0, gridTotal) }
    }

    /// Rounds a floating-point blend to a 2^-32 grid and checks exactly that it beats the
    /// option on every criterion.
    private func confirmBeaten(_ option: Int, others: [Int], shares: [Double]) -> [Dominance.BlendShare]? {
        let total = shares.reduce(0, +)
        guard total > 0 else { return nil }
        let support = shares.indices.compactMap { column -> (Int, Int128)? in
            let grid = Int128((shares[column] / total * 0x1.0p32).rounded())
            return grid > 0 ? (others[column], grid) : nil
        }
        let gridTotal = support.reduce(Int128(0)) { $0 + $1.1 }
        guard gridTotal > 0 else { return nil }
        for k in 0..<n {
            var margin = Rational.zero
            for (j, grid) in support { margin += Rational(grid, 1) * (matrix.scores[option][k] - matrix.scores[j][k]) }
            guard margin < .zero else { return nil }
        }
        return support.sorted { $0.0 < $1.0 }
            .map { Dominance.BlendShare(option: matrix.optionIDs[$0.0], share: Rational($0.1, gridTotal)) }
    }

    /// Solves the game exactly by column generation: the exact program over a few opponents
    /// (starting from those the floating-point optimum used), then every opponent is priced
    /// against the exact weights, and any that would improve the optimum is added.
    private func exactVerdict(_ option: Int, others: [Int], start: [Int]) -> Dominance.Verdict {
        var columns = start.isEmpty ? [others[0]] : start
        while true {
            var coefficients: [Rational] = []
            coefficients.reserveCapacity(n * columns.count)
            for k in 0..<n {
                for j in columns { coefficients.append(matrix.scores[option][k] - matrix.scores[j][k] + shift) }
            }
            var program = Simplex(matrix: coefficients, rows: n, columns: columns.count,
                                  bounds: Array(repeating: .one, count: n), costs: Array(repeating: .one, count: columns.count))
            _ = program.solve()
            let prices = program.dual
            // Opponent j would enter if Σ_k x(k)(a(i,k) − a(j,k) + R) < 1.
            let priceDoubles = prices.map(\.doubleValue)
            let entering = others.filter { j in
                guard !columns.contains(j) else { return false }
                var sum = 0.0
                for k in 0..<n { sum += priceDoubles[k] * (doubles[option * n + k] - doubles[j * n + k] + shift.doubleValue) }
                if sum > 1 + 1e-9 { return false }
                var exact = Rational.zero
                for k in 0..<n where !prices[k].isZero { exact += prices[k] * (matrix.scores[option][k] - matrix.scores[j][k] + shift) }
                return exact < .one
            }
            if !entering.isEmpty {
                columns += entering
                continue
            }
            let optimum = program.objective
            let value = Rational.one / optimum - shift
            let id = matrix.optionIDs[option]
            if value.isNegative {
                let blend = zip(columns, program.primal).filter { !$0.1.isZero }.sorted { $0.0 < $1.0 }
                    .map { Dominance.BlendShare(option: matrix.optionIDs[$0.0], share: $0.1 / optimum) }
                return Dominance.Verdict(option: id, firstPlace: .never, weights: nil, blend: blend)
            }
            return Dominance.Verdict(option: id, firstPlace: value.isZero ? .sharedOnly : .outright,
                                     weights: prices.map { $0 / optimum }, blend: nil)
        }
    }
}
