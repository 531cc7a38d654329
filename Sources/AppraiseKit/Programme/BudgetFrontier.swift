/// The best benefit at every budget level: a step function of one cost measure, each step the
/// least budget at which a better programme becomes affordable, with the proposals that join
/// and leave there, each proposal's benefit per unit of cost, and the budget levels at which
/// funding in order of benefit per unit (the simple rule) would choose a worse set.
///
/// The steps are the efficient (cost, benefit) points over every set that keeps the rules
/// (dependencies, exclusions, commitments, rulings-out and any other budget); targets are not
/// applied, so the frontier also shows what a budget buys when a target is out of reach.
public struct BudgetFrontier: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// The least budget that buys this programme: its cost.
        public let budget: Rational
        public let benefit: Rational
        public let proposalIDs: [String]
        public let joined: [String]
        public let left: [String]
    }

    public struct ProposalValue: Sendable, Equatable {
        public let id: String
        public let benefit: Rational
        /// Its cost on the frontier's measure; nil when not known.
        public let cost: Rational?
        /// Benefit per unit of cost; nil when the cost is nil or zero.
        public let benefitPerUnit: Rational?
        /// The first step whose programme holds it; nil when none does.
        public let joinsAt: Rational?
    }

    /// A budget level at which funding by benefit per unit chooses less than the optimum.
    public struct GreedyGap: Sendable, Equatable {
        public let budget: Rational
        public let greedyIDs: [String]
        public let greedyBenefit: Rational
        public let optimumIDs: [String]
        public let optimumBenefit: Rational
    }

    public let measure: ProgrammeMeasure
    public let steps: [Step]
    public let proposals: [ProposalValue]
    /// Every step level where the simple rule falls short, cheapest first.
    public let greedyGaps: [GreedyGap]
    /// Nil when every step is listed; else the least budget from which the steps are exact
    /// (the search for cheaper steps reached its work limit, `workLimit`, first).
    public let exactFrom: Rational?

    /// The best programme's benefit with `budget` to spend; nil below the first step.
    public func benefit(at budget: Rational) -> Rational? { steps.last { $0.budget <= budget }?.benefit }

    /// Most search nodes spent stepping down the frontier, so the time is bounded by the work
    /// done, not the clock, and the output is the same on every machine.
    public static let workLimit = 2_000_000
    /// Most proposals in one group of proposals tied by dependencies and exclusions for which
    /// every combination is listed; a larger group is stepped instead.
    static let groupLimit = 16
    /// Most efficient points kept while merging before stepping is used instead.
    static let pointLimit = 200_000

    /// The frontier of `measure` (default: the measure of the problem's first budget), with
    /// the problem's other budgets and rules kept.
    public static func compute(_ problem: ProgrammeProblem, measure: String? = nil,
                               reading: ProgrammeReading = .cautious) throws -> BudgetFrontier {
        try compute(problem, measure: measure, reading: reading, forceStepping: false)
    }

    static func compute(_ problem: ProgrammeProblem, measure: String?, reading: ProgrammeReading,
                        forceStepping: Bool, workLimit: Int = workLimit) throws -> BudgetFrontier {
        guard let measureID = measure ?? problem.budgets.first?.measure else {
            throw ProgrammeError.noBudget
        }
        var relaxed = problem
        relaxed.targets = []
        relaxed.budgets = problem.budgets.filter { !($0.measure == measureID && $0.year == nil) }
        // The frontier's own budget first, at a level every set fits, so its row is row 0.
        let costs = problem.proposals.map { proposal in
            proposal.figures(measure: measureID, year: nil).reduce(Rational.zero) { $0 + (reading.cost($1) ?? .zero) }
        }
        relaxed.budgets.insert(ProgrammeBudget(measure: measureID, limit: costs.sum()), at: 0)
        let builder = try IntegerProgrammeBuilder(problem: relaxed, reading: reading)
        var points: [[Int]] = []
        var lowest: Int128?
        if let fixed = builder.programme.propagatedFixings() {
            let merged = relaxed.budgets.count == 1 && !forceStepping ? paretoByMerging(builder.programme, fixed: fixed) : nil
            if let merged {
                points = merged
            } else {
                (points, lowest) = paretoByStepping(builder.programme, workLimit: workLimit)
            }
        }

        var steps: [Step] = []
        var previous: [String] = []
        for point in points {
            let ids = point.map { problem.proposals[$0].id }
            let cost = point.map { builder.budgetAmounts[0][$0] }.sum()
            steps.append(Step(budget: cost, benefit: point.map { problem.proposals[$0].benefit }.sum(), proposalIDs: ids,
                              joined: ids.filter { !previous.contains($0) }, left: previous.filter { !ids.contains($0) }))
            previous = ids
        }
        let values = problem.proposals.enumerated().map { i, proposal in
            let cost: Rational? = builder.budgetUnknown[0][i] ? nil : builder.budgetAmounts[0][i]
            return ProposalValue(id: proposal.id, benefit: proposal.benefit, cost: cost,
                                 benefitPerUnit: cost.flatMap { $0.isZero ? nil : proposal.benefit / $0 },
                                 joinsAt: steps.first { $0.proposalIDs.contains(proposal.id) }?.budget)
        }
        let greedy = GreedyFunding(programme: builder.programme)
        var gaps: [GreedyGap] = []
        for step in steps {
            let chosen = greedy.fund(cap: builder.scaledBudget(step.budget))
            let benefit = chosen.map { problem.proposals[$0].benefit }.sum()
            if benefit < step.benefit {
                gaps.append(GreedyGap(budget: step.budget, greedyIDs: chosen.map { problem.proposals[$0].id }, greedyBenefit: benefit,
                                      optimumIDs: step.proposalIDs, optimumBenefit: step.benefit))
            }
        }
        let exactFrom = lowest.map { _ in steps.first?.budget ?? costs.sum() }
        return BudgetFrontier(measure: problem.measure(measureID), steps: steps, proposals: values, greedyGaps: gaps, exactFrom: exactFrom)
    }

    /// Nemhauser and Ullmann's merging (1969): add one choice at a time to the list of
    /// efficient (cost, benefit) points, keeping only points no other point beats on both. A
    /// choice is one proposal, or one group of proposals tied together by dependencies and
    /// exclusions, whose every combination that keeps the rules is listed. Exact when the only
    /// budget is the frontier's own; nil when a group or the list grows too large.
    private static func paretoByMerging(_ p: IntegerProgramme, fixed: [Bool?]) -> [[Int]]? {
        let free = (0..<p.count).filter { fixed[$0] == nil }
        // Groups: proposals joined by a dependency or an exclusion, each led by its first.
        var leader = Array(0..<p.count)
        func find(_ i: Int) -> Int {
            var i = i
            while leader[i] != i { leader[i] = leader[leader[i]]; i = leader[i] }
            return i
        }
        for i in free {
            for j in p.needs[i] + p.rivals[i] where fixed[j] == nil {
                let a = find(i), b = find(j)
                if a != b { leader[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in free { groups[find(i), default: []].append(i) }
        let ordered = groups.keys.sorted().map { groups[$0]! }
        guard ordered.allSatisfy({ $0.count <= groupLimit }) else { return nil }

        let always = (0..<p.count).filter { fixed[$0] == true }
        var item: [[Int]] = [], parent: [Int] = []
        func extend(_ node: Int, _ members: [Int]) -> Int {
            item.append(members)
            parent.append(node)
            return item.count - 1
        }
        let root = extend(-1, always)
        var points: [(cost: Int128, benefit: Int128, node: Int)] = [
            (always.reduce(0) { $0 + p.budgetRows[0][$1] }, always.reduce(0) { $0 + p.benefit[$1] }, root)]
        for group in ordered {
            let choices = efficientChoices(group, p, fixed: fixed)
            var candidates: [(cost: Int128, benefit: Int128, node: Int, choice: Int)] = []
            candidates.reserveCapacity(points.count * choices.count)
            for (c, choice) in choices.enumerated() {
                for point in points { candidates.append((point.cost + choice.cost, point.benefit + choice.benefit, point.node, c)) }
            }
            candidates.sort { a, b in
                if a.cost != b.cost { return a.cost < b.cost }
                if a.benefit != b.benefit { return a.benefit > b.benefit }
                return a.choice < b.choice
            }
            var kept: [(cost: Int128, benefit: Int128, node: Int)] = []
            for candidate in candidates where kept.last.map({ candidate.benefit > $0.benefit }) ?? true {
                let members = choices[candidate.choice].members
                kept.append((candidate.cost, candidate.benefit, members.isEmpty ? candidate.node : extend(candidate.node, members)))
            }
            guard kept.count <= pointLimit else { return nil }
            points = kept
        }
        return points.map { point in
            var members: [Int] = []
            var node = point.node
            while node >= 0 {
                members += item[node]
                node = parent[node]
            }
            return members.sorted()
        }
    }

    /// The efficient combinations of one group that keep its rules (proposals outside the
    /// group are already settled), cheapest first, the empty one among them.
    private static func efficientChoices(_ group: [Int], _ p: IntegerProgramme, fixed: [Bool?]) -> [(cost: Int128, benefit: Int128, members: [Int])] {
        var position: [Int: Int] = [:]
        for (k, i) in group.enumerated() { position[i] = k }
        var all: [(cost: Int128, benefit: Int128, members: [Int])] = []
        for mask in 0..<(1 << group.count) {
            var keeps = true
            for (k, i) in group.enumerated() where mask & (1 << k) != 0 {
                let needsMet = p.needs[i].allSatisfy { j in fixed[j] == true || position[j].map { mask & (1 << $0) != 0 } == true }
                let noRival = p.rivals[i].allSatisfy { j in position[j].map { mask & (1 << $0) == 0 } ?? (fixed[j] != true) }
                if !needsMet || !noRival { keeps = false; break }
            }
            guard keeps else { continue }
            let members = group.indices.filter { mask & (1 << $0) != 0 }.map { group[$0] }
            all.append((members.reduce(0) { $0 + p.budgetRows[0][$1] }, members.reduce(0) { $0 + p.benefit[$1] }, members))
        }
        all.sort { a, b in
            if a.cost != b.cost { return a.cost < b.cost }
            if a.benefit != b.benefit { return a.benefit > b.benefit }
            return a.members.count != b.members.count ? a.members.count < b.members.count : a.members.lexicographicallyPrecedes(b.members)
        }
        var kept: [(cost: Int128, benefit: Int128, members: [Int])] = []
        for choice in all where kept.last.map({ choice.benefit > $0.benefit }) ?? true { kept.append(choice) }
        return kept
    }

    /// The general method, from the top down: the best set with every proposal affordable is
    /// the last step; the best set costing less than a step is the step before it. Each is an
    /// exact search, so dependencies, exclusions and other budgets hold. Returns the steps
    /// cheapest first, and when the work limit stopped it, the cost below which steps are
    /// missing.
    private static func paretoByStepping(_ p: IntegerProgramme, workLimit: Int) -> ([[Int]], Int128?) {
        var sets: [[Int]] = []
        var caps = p.budgetCaps
        var work = 0
        while caps[0] >= 0 {
            let capped = IntegerProgramme(count: p.count, benefit: p.benefit, budgetRows: p.budgetRows, budgetCaps: caps,
                                          targetRows: [], targetNeeds: [], needs: p.needs, neededBy: p.neededBy,
                                          rivals: p.rivals, fixed: p.fixed)
            var search = ProgrammeSearch(capped, keep: 1, limit: workLimit - work)
            let result = search.run()
            work += result.nodes
            guard result.complete else { return (sets.reversed(), caps[0]) }
            guard let best = result.sets.first else { break }
            sets.append(best.members)
            caps[0] = best.firstBudgetUse - 1
        }
        return (sets.reversed(), nil)
    }
}

/// Funding in order of benefit per unit of the first budget (free proposals first, then the
/// highest ratio), each proposal taken when it fits and keeps the rules: the simple rule the
/// frontier is compared with.
struct GreedyFunding {
    let programme: IntegerProgramme
    let order: [Int]

    init(programme p: IntegerProgramme) {
        programme = p
        order = (0..<p.count).filter { p.fixed[$0] == nil && p.benefit[$0] > 0 }.sorted { a, b in
            let left = p.benefit[a] * p.budgetRows[0][b], right = p.benefit[b] * p.budgetRows[0][a]
            return left != right ? left > right : a < b
        }
    }

    func fund(cap: Int128) -> [Int] {
        let p = programme
        var chosen = Set((0..<p.count).filter { p.fixed[$0] == true })
        var spent = p.budgetRows.indices.map { r in chosen.reduce(Int128(0)) { $0 + p.budgetRows[r][$1] } }
        var caps = p.budgetCaps
        caps[0] = cap
        for i in order {
            guard p.needs[i].allSatisfy(chosen.contains), !p.rivals[i].contains(where: chosen.contains),
                  p.budgetRows.indices.allSatisfy({ spent[$0] + p.budgetRows[$0][i] <= caps[$0] }) else { continue }
            chosen.insert(i)
            for r in p.budgetRows.indices { spent[r] += p.budgetRows[r][i] }
        }
        return chosen.sorted()
    }
}
