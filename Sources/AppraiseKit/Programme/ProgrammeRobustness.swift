import Dispatch

/// How robust the best programme is: for each proposal, the share of weightings under which
/// it is in the best programme (sampled uniformly, and within the file's order of
/// importance, seeded, on every core); which proposals are in every efficient programme,
/// in none, or borderline (Robust Portfolio Modelling: Liesiö, Mild and Salo, 2007, "Preference
/// programming for robust portfolio modeling and project selection", EJOR 181(3)), exactly
/// when the proposals are few enough to list every programme; and how the best programme
/// changes as the budgets move by ±10% and ±25%.
public struct ProgrammeRobustness: Sendable, Equatable {
    public struct Sampled: Sendable, Equatable {
        /// "uniform" or "importance order".
        public let model: String
        public let samples: Int
        public let seed: UInt64
        /// Share of samples in which each proposal is in the best programme, in file order.
        public let shares: [Double]
        /// The programmes that were best in some sample, most often first, with their share.
        public let programmes: [(ids: [String], share: Double)]

        public static func == (lhs: Sampled, rhs: Sampled) -> Bool {
            lhs.model == rhs.model && lhs.samples == rhs.samples && lhs.seed == rhs.seed && lhs.shares == rhs.shares
                && lhs.programmes.map(\.ids) == rhs.programmes.map(\.ids) && lhs.programmes.map(\.share) == rhs.programmes.map(\.share)
        }
    }

    /// Robust Portfolio Modelling's classes under one kind of weight information.
    public struct Portfolios: Sendable, Equatable {
        /// "any weights" or "weights in the order of importance".
        public let information: String
        /// How many programmes keep every rule, and how many of them no other programme beats
        /// under every weighting allowed (the non-dominated programmes).
        public let feasibleCount: Int
        public let nonDominated: [[String]]
        /// In every non-dominated programme.
        public let core: [String]
        /// In some but not all.
        public let borderline: [String]
        /// In none.
        public let exterior: [String]
    }

    public struct BudgetChange: Sendable, Equatable {
        /// The factor every budget is multiplied by: 3/4, 9/10, 11/10, 5/4.
        public let factor: Rational
        /// The best programme then, or nil when none meets the constraints.
        public let choice: ProgrammeChoice?
        public let joined: [String]
        public let left: [String]
    }

    public let proposalIDs: [String]
    public let sampled: [Sampled]
    /// Nil when there are too many open proposals to list every programme (more than
    /// `exactLimit`).
    public let portfolios: [Portfolios]?
    public let budgetChanges: [BudgetChange]
    /// Every programme that keeps the rules and has no room for another proposal (all that
    /// keep the rules when a score is negative), in the optimiser's order for ties: less of the
    /// first budget, fewer proposals, earlier in the file. The HTML page re-chooses among them
    /// as its weights move. Nil when there are too many to list.
    public let candidates: [[String]]?

    /// Most open proposals for which every programme is listed (2^20 sets).
    public static let exactLimit = 20

    /// - Parameters:
    ///   - matrix: the proposals' scores (rows in the order of `problem.proposals`).
    ///   - importance: criterion ids, most important first, for the ordered analyses.
    public static func analyse(_ problem: ProgrammeProblem, matrix: DecisionMatrix, importance: [String]?,
                               samples: Int = 10_000, seed: UInt64 = 1, reading: ProgrammeReading = .cautious) throws -> ProgrammeRobustness {
        let base = try ProgrammeOptimiser.solve(problem, reading: reading, runnersUp: 0)
        let order = try importance.map { try importanceOrder($0, criteria: matrix.criterionIDs) }
        var sampled = [try sample(problem, matrix: matrix, model: .uniform, samples: samples, seed: seed, reading: reading)]
        if let importance {
            sampled.append(try sample(problem, matrix: matrix, model: .ordered(importance), samples: samples, seed: seed, reading: reading))
        }
        var portfolios: [Portfolios]?
        var candidates: [[String]]?
        let noNegativeScores = matrix.scores.allSatisfy { $0.allSatisfy { !$0.isNegative } }
        if let sets = try feasibleSets(problem, reading: reading, maximalOnly: noNegativeScores) {
            portfolios = [classify(problem, matrix: matrix, sets: sets, order: nil)]
            if let order { portfolios!.append(classify(problem, matrix: matrix, sets: sets, order: order)) }
            let first = try IntegerProgrammeBuilder(problem: problem, reading: reading).programme.budgetRows.first
            let ordered = sets.map { members in
                FoundSet(members: members, benefit: 0, firstBudgetUse: first.map { row in members.reduce(Int128(0)) { $0 + row[$1] } } ?? 0)
            }.sorted(by: FoundSet.precedes)
            candidates = ordered.map { $0.members.map { problem.proposals[$0].id } }
        }
        var changes: [BudgetChange] = []
        if !problem.budgets.isEmpty {
            let baseIDs = base.best?.proposalIDs ?? []
            for factor in [Rational(3, 4), Rational(9, 10), Rational(11, 10), Rational(5, 4)] {
                var moved = problem
                moved.budgets = problem.budgets.map { ProgrammeBudget(measure: $0.measure, limit: $0.limit * factor, year: $0.year) }
                let choice = try ProgrammeOptimiser.solve(moved, reading: reading, runnersUp: 0).best
                let ids = choice?.proposalIDs ?? []
                changes.append(BudgetChange(factor: factor, choice: choice, joined: ids.filter { !baseIDs.contains($0) },
                                            left: baseIDs.filter { !ids.contains($0) }))
            }
        }
        return ProgrammeRobustness(proposalIDs: problem.proposals.map(\.id), sampled: sampled, portfolios: portfolios,
                                   budgetChanges: changes, candidates: candidates)
    }

    /// Samples per chunk; chunk c draws from the seeded stream jumped c times, so the shares
    /// depend only on the problem, the seed and the number of samples, never on the cores.
    static let chunkSize = 1024

    static func sample(_ problem: ProgrammeProblem, matrix: DecisionMatrix, model weightModel: SMAA.WeightModel,
                       samples: Int, seed: UInt64, reading: ProgrammeReading) throws -> Sampled {
        guard samples > 0 else { throw SensitivityError.invalidSetting("the number of samples must be at least 1") }
        let builder = try IntegerProgrammeBuilder(problem: problem, reading: reading)
        let model = try SamplingModel(matrix: matrix, weights: Weights.equal(count: matrix.criterionCount).normalised,
                                      configuration: SMAA.Configuration(weights: weightModel))
        guard let scaled = IntegerProgramme.scaled(matrix.scores.flatMap { $0 }) else { throw ProgrammeError.tooLarge }
        let n = matrix.criterionCount, m = matrix.optionCount
        let scores = scaled.values
        // Weights as whole multiples of 2^-bits, with bits chosen so every benefit stays below
        // 2^60 like every other figure the search multiplies.
        let largest = scores.map(\.magnitude).max() ?? 1
        let bits = 60 - (128 - largest.leadingZeroBitCount) - (Int.bitWidth - n.leadingZeroBitCount)
        guard bits >= 10 else { throw ProgrammeError.tooLarge }
        let resolution = Double(UInt64(1) << UInt64(min(bits, 30)))
        let programme = builder.programme
        let chunks = (samples + chunkSize - 1) / chunkSize
        var streams: [Xoshiro256StarStar] = []
        var source = Xoshiro256StarStar(seed: seed)
        for _ in 0..<chunks {
            streams.append(source)
            source.jump()
        }
        let starts = streams
        let tallies: [[[Int]: Int]] = concurrentMap(chunks) { chunk in
            var rng = starts[chunk]
            let w = UnsafeMutablePointer<Double>.allocate(capacity: n)
            let u = UnsafeMutablePointer<Double>.allocate(capacity: n)
            defer { w.deallocate(); u.deallocate() }
            var counts: [[Int]: Int] = [:]
            for _ in 0..<min(chunkSize, samples - chunk * chunkSize) {
                model.drawWeights(w, u, &rng)
                // Whole-number weights, so benefits are exact integers and the search decides
                // ties exactly as it does for the file's own weights.
                let whole = (0..<n).map { Int128((w[$0] * resolution).rounded()) }
                let benefits = (0..<m).map { i in (0..<n).reduce(Int128(0)) { $0 + whole[$1] * scores[i * n + $1] } }
                let weighted = IntegerProgramme(count: programme.count, benefit: benefits, budgetRows: programme.budgetRows,
                                                budgetCaps: programme.budgetCaps, targetRows: programme.targetRows,
                                                targetNeeds: programme.targetNeeds, needs: programme.needs,
                                                neededBy: programme.neededBy, rivals: programme.rivals, fixed: programme.fixed)
                let best = ProgrammeSearch(weighted, keep: 1).run().first?.members ?? []
                counts[best, default: 0] += 1
            }
            return counts
        }
        var merged: [[Int]: Int] = [:]
        for tally in tallies { for (set, count) in tally { merged[set, default: 0] += count } }
        var shares = Array(repeating: 0.0, count: m)
        for (set, count) in merged { for i in set { shares[i] += Double(count) } }
        let total = Double(samples)
        let ranked = merged.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }
        let name: String
        switch weightModel {
        case .ordered: name = "importance order"
        default: name = "uniform"
        }
        return Sampled(model: name, samples: samples, seed: seed, shares: shares.map { $0 / total },
                       programmes: ranked.map { (ids: $0.key.map { problem.proposals[$0].id }, share: Double($0.value) / total) })
    }

    /// Every programme that keeps the rules, as member lists; nil when there are too many
    /// open proposals to list them. With `maximalOnly` (no score is negative, so adding a
    /// proposal never lowers a programme's scores) only programmes to which no further
    /// proposal can be added are kept: the others are never better.
    static func feasibleSets(_ problem: ProgrammeProblem, reading: ProgrammeReading, maximalOnly: Bool) throws -> [[Int]]? {
        let p = try IntegerProgrammeBuilder(problem: problem, reading: reading).programme
        let open = (0..<p.count).filter { p.fixed[$0] == nil }
        guard open.count <= exactLimit else { return nil }
        let always = (0..<p.count).filter { p.fixed[$0] == true }
        var sets: [[Int]] = []
        for mask in 0..<(1 << open.count) {
            let members = (always + open.indices.filter { mask & (1 << $0) != 0 }.map { open[$0] }).sorted()
            if isFeasible(members, p) { sets.append(members) }
        }
        if maximalOnly {
            sets = sets.filter { set in
                !open.contains { i in !set.contains(i) && isFeasible((set + [i]).sorted(), p) }
            }
        }
        return sets
    }

    static func isFeasible(_ members: [Int], _ p: IntegerProgramme) -> Bool {
        let chosen = Set(members)
        for i in members {
            if p.fixed[i] == false { return false }
            if p.needs[i].contains(where: { !chosen.contains($0) }) { return false }
            if p.rivals[i].contains(where: chosen.contains) { return false }
        }
        for i in 0..<p.count where p.fixed[i] == true && !chosen.contains(i) { return false }
        for r in p.budgetRows.indices where members.reduce(Int128(0), { $0 + p.budgetRows[r][$1] }) > p.budgetCaps[r] { return false }
        for t in p.targetRows.indices where members.reduce(Int128(0), { $0 + p.targetRows[t][$1] }) < p.targetNeeds[t] { return false }
        return true
    }

    /// Non-dominated programmes and the core, borderline and exterior proposals. With any
    /// weights allowed, one programme dominates another when its summed scores are at least
    /// as high on every criterion and higher on one; with weights in an order of importance,
    /// when its summed scores are at least as high on each prefix of the criteria in that
    /// order (the extreme weightings (1, 0, …), (½, ½, 0, …), …) and higher on one.
    static func classify(_ problem: ProgrammeProblem, matrix: DecisionMatrix, sets: [[Int]], order: [Int]?) -> Portfolios {
        let n = matrix.criterionCount
        let profiles: [[Rational]] = sets.map { set in
            let sums = (0..<n).map { k in set.map { matrix.scores[$0][k] }.sum() }
            guard let order else { return sums }
            var running = Rational.zero
            return order.map { k in running += sums[k]; return running }
        }
        func dominates(_ a: Int, _ b: Int) -> Bool {
            var strict = false
            for k in 0..<n {
                if profiles[a][k] < profiles[b][k] { return false }
                if profiles[a][k] > profiles[b][k] { strict = true }
            }
            return strict
        }
        let kept = sets.indices.filter { b in !sets.indices.contains { a in a != b && dominates(a, b) } }
        let ids = problem.proposals.map(\.id)
        let nonDominated = kept.map { sets[$0].map { ids[$0] } }
        let core = ids.filter { id in !nonDominated.isEmpty && nonDominated.allSatisfy { $0.contains(id) } }
        let exterior = ids.filter { id in !nonDominated.contains { $0.contains(id) } }
        return Portfolios(information: order == nil ? "any weights" : "weights in the order of importance",
                          feasibleCount: sets.count, nonDominated: nonDominated, core: core,
                          borderline: ids.filter { !core.contains($0) && !exterior.contains($0) }, exterior: exterior)
    }
}
