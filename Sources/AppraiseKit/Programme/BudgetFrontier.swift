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

    /// The best programme's benefit with `budget` to spend; nil below the first step.
    public func benefit(at budget: Rational) -> Rational? { steps.last { $0.budget <= budget }?.benefit }

    /// The frontier of `measure` (default: the measure of the problem's first budget), with
    /// the problem's other budgets and rules kept.
    public static func compute(_ problem: ProgrammeProblem, measure: String? = nil,
                               reading: ProgrammeReading = .cautious) throws -> BudgetFrontier {
        try compute(problem, measure: measure, reading: reading, forceStepping: false)
    }

    static func compute(_ problem: ProgrammeProblem, measure: String?, reading: ProgrammeReading,
                        forceStepping: Bool) throws -> BudgetFrontier {
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
        let simple = relaxed.budgets.count == 1 && relaxed.dependencies.isEmpty && exclusionsAreDisjoint(relaxed.exclusions)
        let points = simple && !forceStepping ? paretoByMerging(builder.programme) : paretoByStepping(builder.programme)

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
        return BudgetFrontier(measure: problem.measure(measureID), steps: steps, proposals: values, greedyGaps: gaps)
    }

    private static func exclusionsAreDisjoint(_ groups: [[String]]) -> Bool {
        var seen = Set<String>()
        for group in groups { for id in Set(group) { guard seen.insert(id).inserted else { return false } } }
        return true
    }

    /// Nemhauser and Ullmann's merging (1969): add one proposal (or one group of alternatives)
    /// at a time to the list of efficient (cost, benefit) points, keeping only points no other
    /// point beats on both. Exact and fast when the only budget is the frontier's own and
    /// alternatives do not overlap.
    private static func paretoByMerging(_ p: IntegerProgramme) -> [[Int]] {
        var item: [Int] = [], parent: [Int] = []
        func extend(_ node: Int, _ i: Int) -> Int {
            item.append(i)
            parent.append(node)
            return item.count - 1
        }
        var cost: Int128 = 0, benefit: Int128 = 0, root = -1
        var decided = Set<Int>()
        for i in 0..<p.count where p.fixed[i] == true {
            cost += p.budgetRows[0][i]
            benefit += p.benefit[i]
            root = extend(root, i)
            decided.insert(i)
        }
        for i in 0..<p.count where p.fixed[i] == false { decided.insert(i) }
        var points: [(cost: Int128, benefit: Int128, node: Int)] = [(cost, benefit, root)]
        for i in 0..<p.count where !decided.contains(i) {
            // A proposal and its alternatives form one choice: none of them, or one.
            let group = ([i] + p.rivals[i]).filter { !decided.contains($0) || p.fixed[$0] == true }
            if group.contains(where: { p.fixed[$0] == true }) {
                decided.formUnion(group)
                continue
            }
            decided.formUnion(group)
            var candidates: [(cost: Int128, benefit: Int128, node: Int, choice: Int)] = points.map { ($0.cost, $0.benefit, $0.node, -1) }
            for (choice, j) in group.enumerated() {
                for point in points {
                    candidates.append((point.cost + p.budgetRows[0][j], point.benefit + p.benefit[j], point.node, choice * p.count + j))
                }
            }
            candidates.sort { a, b in
                if a.cost != b.cost { return a.cost < b.cost }
                if a.benefit != b.benefit { return a.benefit > b.benefit }
                return a.choice < b.choice
            }
            var kept: [(cost: Int128, benefit: Int128, node: Int)] = []
            for candidate in candidates where kept.last.map({ candidate.benefit > $0.benefit }) ?? true {
                let node = candidate.choice < 0 ? candidate.node : extend(candidate.node, candidate.choice % p.count)
                kept.append((candidate.cost, candidate.benefit, node))
            }
            points = kept
        }
        return points.map { point in
            var members: [Int] = []
            var node = point.node
            while node >= 0 {
                members.append(item[node])
                node = parent[node]
            }
            return members.sorted()
        }
    }

    /// The general method: from the cheapest programme that keeps the rules, repeatedly find
    /// the cheapest set with more benefit than the last step, then the best set at that cost.
    /// Each is an exact search, so dependencies, overlapping exclusions and other budgets hold.
    private static func paretoByStepping(_ p: IntegerProgramme) -> [[Int]] {
        var sets: [[Int]] = []
        var floor: Int128?
        while true {
            let cheapest = IntegerProgramme(count: p.count, benefit: p.budgetRows[0].map { -$0 },
                                            budgetRows: Array(p.budgetRows.dropFirst()), budgetCaps: Array(p.budgetCaps.dropFirst()),
                                            targetRows: floor == nil ? [] : [p.benefit], targetNeeds: floor.map { [$0] } ?? [],
                                            needs: p.needs, neededBy: p.neededBy, rivals: p.rivals, fixed: p.fixed)
            guard let found = ProgrammeSearch(cheapest, keep: 1).run().first else { break }
            let cost = -found.benefit
            var caps = p.budgetCaps
            caps[0] = cost
            let atCost = IntegerProgramme(count: p.count, benefit: p.benefit, budgetRows: p.budgetRows, budgetCaps: caps,
                                          targetRows: [], targetNeeds: [], needs: p.needs, neededBy: p.neededBy,
                                          rivals: p.rivals, fixed: p.fixed)
            guard let best = ProgrammeSearch(atCost, keep: 1).run().first else { break }
            sets.append(best.members)
            floor = best.benefit + 1
        }
        return sets
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
