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
        /// Proposals no weighting or rule can tell apart (same scores, amounts and rules): the
        /// search takes the first of them, so their shares are reported together, as the share
        /// of samples in which exactly k of them are funded (`counts[k]`, k = 0 … count).
        public let groups: [TiedGroup]
        /// The samples asked for; `samples` is fewer when the work limit stopped the sampling.
        public let requested: Int

        public static func == (lhs: Sampled, rhs: Sampled) -> Bool {
            lhs.model == rhs.model && lhs.samples == rhs.samples && lhs.seed == rhs.seed && lhs.shares == rhs.shares
                && lhs.programmes.map(\.ids) == rhs.programmes.map(\.ids) && lhs.programmes.map(\.share) == rhs.programmes.map(\.share)
                && lhs.groups == rhs.groups && lhs.requested == rhs.requested
        }

        /// The tied group a proposal belongs to, if any.
        public func group(of id: String) -> TiedGroup? { groups.first { $0.ids.contains(id) } }
    }

    /// Identical proposals, funded as interchangeable: "one of A and B, always".
    public struct TiedGroup: Sendable, Equatable {
        public let ids: [String]
        /// Share of samples in which exactly k of them are in the best programme.
        public let counts: [Double]
        /// The one number of them funded in every sample, if there is one.
        public var always: Int? { counts.firstIndex { $0 == 1 } }
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
        /// The best programme then, or nil when none meets the constraints or `settled` is false.
        public let choice: ProgrammeChoice?
        /// False when the search reached its work limit before proving the best programme.
        public let settled: Bool
        public let joined: [String]
        public let left: [String]
    }

    public let proposalIDs: [String]
    public let sampled: [Sampled]
    /// Nil when there are too many programmes to list (more than `listLimit`, or more than
    /// `enumerationLimit` steps to list them).
    public let portfolios: [Portfolios]?
    public let budgetChanges: [BudgetChange]
    /// Every programme that keeps the rules and has no room for another proposal (all that
    /// keep the rules when a score is negative), in the optimiser's order for ties: less of the
    /// first budget, fewer proposals, earlier in the file. The HTML page re-chooses among them
    /// as its weights move. Nil when there are too many to list.
    public let candidates: [[String]]?

    /// Most programmes listed for Robust Portfolio Modelling and the HTML page (the classes
    /// compare every pair), and most search steps spent listing them.
    public static let listLimit = 4_000
    public static let enumerationLimit = 2_000_000
    /// Work limits, in search nodes times proposals (a node's work grows with the proposals):
    /// for all the sampled weightings together, for one of them, and for each budget change.
    /// Sampling stops, in a fixed order of samples, at the first sample past either limit.
    public static let samplingWork = 400_000_000
    public static let sampleWork = 20_000_000
    public static let changeWork = 40_000_000

    /// - Parameters:
    ///   - matrix: the proposals' scores (rows in the order of `problem.proposals`).
    ///   - importance: criterion ids, most important first, for the ordered analyses.
    public static func analyse(_ problem: ProgrammeProblem, matrix: DecisionMatrix, importance: [String]?,
                               samples: Int = 10_000, seed: UInt64 = 1, reading: ProgrammeReading = .cautious) throws -> ProgrammeRobustness {
        let builder = try IntegerProgrammeBuilder(problem: problem, reading: reading)
        let work = changeWork / max(problem.proposals.count, 1)
        let base = ProgrammeSearch.best(builder.programme, tieBreakLimit: work).set
        let order = try importance.map { try importanceOrder($0, criteria: matrix.criterionIDs) }
        let seeds = base.map { [$0.members] } ?? []
        var sampled = [try sample(problem, matrix: matrix, model: .uniform, samples: samples, seed: seed, reading: reading, seeds: seeds)]
        if let importance {
            sampled.append(try sample(problem, matrix: matrix, model: .ordered(importance), samples: samples, seed: seed, reading: reading, seeds: seeds))
        }
        var portfolios: [Portfolios]?
        var candidates: [[String]]?
        let noNegativeScores = matrix.scores.allSatisfy { $0.allSatisfy { !$0.isNegative } }
        if let sets = feasibleSets(builder.programme, maximalOnly: noNegativeScores) {
            portfolios = [classify(problem, matrix: matrix, sets: sets, order: nil)]
            if let order { portfolios!.append(classify(problem, matrix: matrix, sets: sets, order: order)) }
            let first = builder.programme.budgetRows.first
            let ordered = sets.map { members in
                FoundSet(members: members, benefit: 0, firstBudgetUse: first.map { row in members.reduce(Int128(0)) { $0 + row[$1] } } ?? 0)
            }.sorted(by: FoundSet.precedes)
            candidates = ordered.map { $0.members.map { problem.proposals[$0].id } }
        }
        var changes: [BudgetChange] = []
        if !problem.budgets.isEmpty {
            let baseIDs = base.map { $0.members.map { problem.proposals[$0].id } } ?? []
            for factor in [Rational(3, 4), Rational(9, 10), Rational(11, 10), Rational(5, 4)] {
                var moved = problem
                moved.budgets = problem.budgets.map { ProgrammeBudget(measure: $0.measure, limit: $0.limit * factor, year: $0.year) }
                let movedBuilder = try IntegerProgrammeBuilder(problem: moved, reading: reading)
                var strict = ProgrammeSearch(movedBuilder.programme, keep: 1, limit: work, seeds: seeds, strict: true)
                let result = strict.run()
                var best = result.sets.first
                if result.complete, let top = best {
                    var ordered = ProgrammeSearch(movedBuilder.programme, keep: 1, limit: work, seeds: [top.members])
                    let tieBroken = ordered.run()
                    if tieBroken.complete { best = tieBroken.sets.first }
                }
                let choice = result.complete ? best.map { movedBuilder.choice(for: $0.members) } : nil
                let ids = choice?.proposalIDs ?? []
                changes.append(BudgetChange(factor: factor, choice: choice, settled: result.complete,
                                            joined: choice == nil ? [] : ids.filter { !baseIDs.contains($0) },
                                            left: choice == nil ? [] : baseIDs.filter { !ids.contains($0) }))
            }
        }
        return ProgrammeRobustness(proposalIDs: problem.proposals.map(\.id), sampled: sampled, portfolios: portfolios,
                                   budgetChanges: changes, candidates: candidates)
    }

    /// Samples per chunk; chunk c draws from the seeded stream jumped c times, so the shares
    /// depend only on the problem, the seed and the number of samples, never on the cores.
    static let chunkSize = 1024

    /// Chunks computed at once between checks of the work limit: a fixed number, so where the
    /// sampling stops does not depend on the cores.
    static let wave = 8

    static func sample(_ problem: ProgrammeProblem, matrix: DecisionMatrix, model weightModel: SMAA.WeightModel,
                       samples: Int, seed: UInt64, reading: ProgrammeReading, seeds: [[Int]] = []) throws -> Sampled {
        guard samples > 0 else { throw SensitivityError.invalidSetting("the number of samples must be at least 1") }
        let builder = try IntegerProgrammeBuilder(problem: problem, reading: reading)
        let model = try SamplingModel(matrix: matrix, weights: Weights.equal(count: matrix.criterionCount).normalised,
                                      configuration: SMAA.Configuration(weights: weightModel))
        let n = matrix.criterionCount, m = matrix.optionCount
        guard let scaled = IntegerProgramme.scaled(matrix.scores.flatMap { $0 }, count: m) else { throw ProgrammeError.tooLarge }
        let scores = scaled.values
        // Weights as whole multiples of 2^-bits, with bits chosen so every benefit stays as
        // small as every other figure the search multiplies.
        let largest = scores.map(\.magnitude).max() ?? 1
        let bits = IntegerProgramme.figureBits(count: m) - (128 - largest.leadingZeroBitCount) - (Int.bitWidth - n.leadingZeroBitCount)
        guard bits >= 10 else { throw ProgrammeError.tooLarge }
        let resolution = Double(UInt64(1) << UInt64(min(bits, 30)))
        let programme = builder.programme
        let nodeLimit = max(1, sampleWork / max(m, 1))
        let chunks = (samples + chunkSize - 1) / chunkSize
        var streams: [Xoshiro256StarStar] = []
        var source = Xoshiro256StarStar(seed: seed)
        for _ in 0..<chunks {
            streams.append(source)
            source.jump()
        }
        let starts = streams
        // One chunk: the sets chosen, in order, and the nodes each search took; it stops at a
        // search that reaches the limit for one sample.
        let runChunk: @Sendable (Int) -> (sets: [[Int]], nodes: [Int], stopped: Bool) = { chunk in
            var rng = starts[chunk]
            let w = UnsafeMutablePointer<Double>.allocate(capacity: n)
            let u = UnsafeMutablePointer<Double>.allocate(capacity: n)
            defer { w.deallocate(); u.deallocate() }
            var sets: [[Int]] = [], nodes: [Int] = []
            var previous = seeds
            for _ in 0..<min(chunkSize, samples - chunk * chunkSize) {
                model.drawWeights(w, u, &rng)
                // Whole-number weights, so benefits are exact integers and the search decides
                // ties exactly as it does for the file's own weights.
                let whole = (0..<n).map { Int128((w[$0] * resolution).rounded()) }
                let benefits = (0..<m).map { i in (0..<n).reduce(Int128(0)) { $0 + whole[$1] * scores[i * n + $1] } }
                var search = ProgrammeSearch(programme.withBenefits(benefits), keep: 1, limit: nodeLimit, seeds: previous)
                let result = search.run()
                guard result.complete else { return (sets, nodes, true) }
                let best = result.sets.first?.members ?? []
                sets.append(best)
                nodes.append(result.nodes)
                previous = seeds + [best]
            }
            return (sets, nodes, false)
        }
        var chosen: [[Int]] = []
        var work = 0, next = 0, stopped = false
        while next < chunks && !stopped {
            let count = min(wave, chunks - next), first = next
            let results = concurrentMap(count) { runChunk(first + $0) }
            for result in results where !stopped {
                for (set, nodes) in zip(result.sets, result.nodes) {
                    chosen.append(set)
                    work += nodes * max(m, 1)
                    if work > samplingWork { stopped = true; break }
                }
                if result.stopped { stopped = true }
            }
            next += count
        }
        let done = chosen.count
        let groups = tiedGroups(programme, matrix: matrix)
        var merged: [[Int]: Int] = [:]
        for set in chosen { merged[set, default: 0] += 1 }
        var shares = Array(repeating: 0.0, count: m)
        var groupCounts = groups.map { Array(repeating: 0, count: $0.count + 1) }
        for (set, count) in merged {
            for i in set { shares[i] += Double(count) }
            let members = Set(set)
            for (g, group) in groups.enumerated() { groupCounts[g][group.filter(members.contains).count] += count }
        }
        let total = Double(max(done, 1))
        // Tied proposals share their group's funding equally: the search's choice among
        // them is only its tie-break.
        for group in groups {
            let mean = group.map { shares[$0] }.reduce(0, +) / Double(group.count)
            for i in group { shares[i] = mean }
        }
        let ranked = merged.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }
        let name: String
        switch weightModel {
        case .ordered: name = "importance order"
        default: name = "uniform"
        }
        return Sampled(model: name, samples: done, seed: seed, shares: shares.map { $0 / total },
                       programmes: ranked.map { (ids: $0.key.map { problem.proposals[$0].id }, share: Double($0.value) / total) },
                       groups: zip(groups, groupCounts).map { group, counts in
                           TiedGroup(ids: group.map { problem.proposals[$0].id }, counts: counts.map { Double($0) / total })
                       },
                       requested: samples)
    }

    /// Groups of proposals that no weighting or rule tells apart: the same scores, the same
    /// amounts on every constrained measure, the same commitment, the same dependencies and the
    /// same exclusions (besides with each other).
    static func tiedGroups(_ p: IntegerProgramme, matrix: DecisionMatrix) -> [[Int]] {
        func alike(_ a: Int, _ b: Int) -> Bool {
            matrix.scores[a] == matrix.scores[b] && p.fixed[a] == p.fixed[b]
                && p.budgetRows.allSatisfy { $0[a] == $0[b] } && p.targetRows.allSatisfy { $0[a] == $0[b] }
                && p.needs[a] == p.needs[b] && p.neededBy[a] == p.neededBy[b]
                && Set(p.rivals[a]).subtracting([b]) == Set(p.rivals[b]).subtracting([a])
        }
        var groups: [[Int]] = []
        var placed = Array(repeating: false, count: p.count)
        for a in 0..<p.count where !placed[a] && p.fixed[a] == nil {
            let group = [a] + (a + 1 ..< p.count).filter { !placed[$0] && alike(a, $0) }
            guard group.count > 1 else { continue }
            for i in group { placed[i] = true }
            groups.append(group)
        }
        return groups
    }

    /// Every programme that keeps the rules, as member lists, listed by a search that leaves
    /// out at once what cannot join; nil when there are more than `listLimit` or the listing
    /// takes more than `enumerationLimit` steps. With `maximalOnly` (no score is negative, so
    /// adding a proposal never lowers a programme's scores) only programmes to which no
    /// further proposal can be added are kept: the others are never better.
    static func feasibleSets(_ p: IntegerProgramme, maximalOnly: Bool) -> [[Int]]? {
        guard let fixed = p.propagatedFixings() else { return [] }
        let open = (0..<p.count).filter { fixed[$0] == nil }
        var state: [Int8] = fixed.map { $0 == true ? 1 : $0 == false ? 0 : -1 }
        var spent = p.budgetRows.indices.map { r in (0..<p.count).filter { fixed[$0] == true }.reduce(Int128(0)) { $0 + p.budgetRows[r][$1] } }
        guard p.budgetRows.indices.allSatisfy({ spent[$0] <= p.budgetCaps[$0] }) else { return [] }
        var sets: [[Int]] = []
        var steps = 0
        var overflow = false
        func fits(_ i: Int) -> Bool {
            !p.needs[i].contains { state[$0] == 0 } && !p.rivals[i].contains { state[$0] == 1 }
                && p.budgetRows.indices.allSatisfy { spent[$0] + p.budgetRows[$0][i] <= p.budgetCaps[$0] }
        }
        func visit(_ k: Int) {
            steps += 1
            if steps > enumerationLimit || sets.count > listLimit { overflow = true }
            if overflow { return }
            guard k < open.count else {
                let members = (0..<p.count).filter { state[$0] == 1 }
                guard p.targetRows.indices.allSatisfy({ t in members.reduce(Int128(0)) { $0 + p.targetRows[t][$1] } >= p.targetNeeds[t] }) else { return }
                if maximalOnly && open.contains(where: { j in state[j] == 0 && p.needs[j].allSatisfy { state[$0] == 1 } && fits(j) }) { return }
                sets.append(members)
                return
            }
            let i = open[k]
            if fits(i) {
                state[i] = 1
                for r in p.budgetRows.indices { spent[r] += p.budgetRows[r][i] }
                visit(k + 1)
                for r in p.budgetRows.indices { spent[r] -= p.budgetRows[r][i] }
            }
            if !p.neededBy[i].contains(where: { state[$0] == 1 }) {
                state[i] = 0
                visit(k + 1)
            }
            state[i] = -1
        }
        visit(0)
        return overflow ? nil : sets
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
