/// How ranged and unknown figures are read for one solve.
public enum ProgrammeReading: String, Sendable, Hashable, CaseIterable {
    /// Costs at the top of their range and quantities at the bottom; a proposal whose cost on
    /// a budget is not known cannot be chosen (unless committed), and a quantity not known
    /// counts for nothing: every set it names is affordable and achieves what it says.
    case cautious
    /// Costs at the bottom of their range and quantities at the top; a cost not known counts
    /// as nothing: a bound on what the programme could do if the uncosted proposals were free.
    case hopeful
}

/// How one constraint stands for a chosen set.
public struct ProgrammeConstraintUse: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case budget, target }
    public let kind: Kind
    public let measure: ProgrammeMeasure
    public let year: Int?
    /// The budget's limit or the target's least.
    public let limit: Rational
    /// What the set spends or achieves, counting what is known.
    public let amount: Rational
    /// Room left under a budget, or how far a target is exceeded (never negative in a
    /// feasible set).
    public var slack: Rational { kind == .budget ? limit - amount : amount - limit }
    /// Chosen proposals whose figure here is not known, so `amount` leaves them out.
    public let notCounted: [String]
}

/// One set of proposals: what it holds, its benefit, and each constraint's standing.
public struct ProgrammeChoice: Sendable, Equatable {
    /// Proposal ids in the order of the file.
    public let proposalIDs: [String]
    public let benefit: Rational
    public let constraints: [ProgrammeConstraintUse]
}

/// The best sets under one reading of the figures, or why there are none.
public struct ProgrammeSolution: Sendable, Equatable {
    public let reading: ProgrammeReading
    /// Best first; empty when no set meets every constraint.
    public let choices: [ProgrammeChoice]
    /// When `choices` is empty: which constraint binds and by how much, one sentence each.
    public let infeasibility: [String]
    /// Proposals that could not be chosen because a cost on a budget is not known.
    public let uncosted: [String]
    /// False when the search for the runners-up reached its work limit: `choices` then holds
    /// the best programme alone (which is always searched to the end).
    public let runnersUpSettled: Bool
    /// False when the best programme's benefit is proven but, among the sets worth as much,
    /// the one spending least (then with fewest proposals) was not settled within the limit.
    public let tieBreakSettled: Bool
    public var best: ProgrammeChoice? { choices.first }

    public init(reading: ProgrammeReading, choices: [ProgrammeChoice], infeasibility: [String], uncosted: [String],
                runnersUpSettled: Bool = true, tieBreakSettled: Bool = true) {
        self.tieBreakSettled = tieBreakSettled
        self.reading = reading
        self.choices = choices
        self.infeasibility = infeasibility
        self.uncosted = uncosted
        self.runnersUpSettled = runnersUpSettled
    }
}

/// The exact optimiser: the set of proposals with the most benefit that keeps within every
/// budget, reaches every target and respects every dependency, exclusion, commitment and
/// ruling-out, with its runners-up.
public enum ProgrammeOptimiser {
    public static func solve(_ problem: ProgrammeProblem, reading: ProgrammeReading = .cautious,
                             runnersUp: Int = 3) throws -> ProgrammeSolution {
        let integer = try IntegerProgrammeBuilder(problem: problem, reading: reading)
        // The best set first, searched to the end; then the runners-up from it, within a work
        // limit (there can be very many sets close behind the best).
        let work = runnersUpWork / max(problem.proposals.count, 1)
        let (top, tieBroken) = ProgrammeSearch.best(integer.programme, tieBreakLimit: work)
        var found = top.map { [$0] } ?? []
        var settled = tieBroken
        if runnersUp > 0, tieBroken, let top {
            var search = ProgrammeSearch(integer.programme, keep: runnersUp + 1,
                                         limit: work, seeds: [top.members])
            let result = search.run()
            if result.complete { found = result.sets } else { settled = false }
        }
        let choices = found.map { integer.choice(for: $0.members) }
        let infeasibility = choices.isEmpty ? try ProgrammeInfeasibility.explain(problem, reading: reading) : []
        return ProgrammeSolution(reading: reading, choices: choices, infeasibility: infeasibility,
                                 uncosted: integer.uncosted, runnersUpSettled: settled, tieBreakSettled: tieBroken)
    }

    /// Most work, in search nodes times proposals, spent on the tie-break among sets worth the
    /// most, and again on the runners-up.
    public static let runnersUpWork = 200_000_000

    /// The most of `measure` any set reaching the other targets can achieve, within the
    /// budgets and rules; nil when no set meets the rest.
    static func mostAchievable(of target: Int, in problem: ProgrammeProblem, reading: ProgrammeReading) throws -> Rational? {
        var relaxed = problem
        let measure = problem.targets[target].measure
        relaxed.targets.remove(at: target)
        let quantities = problem.proposals.map { proposal in
            proposal.figures(measure: measure, year: nil).reduce(Rational.zero) { $0 + (reading.quantity($1) ?? .zero) }
        }
        let integer = try IntegerProgrammeBuilder(problem: relaxed.withBenefits(quantities), reading: reading)
        guard let top = ProgrammeSearch.best(integer.programme, keep: 1).first else { return nil }
        return top.members.map { quantities[$0] }.sum()
    }
}

extension ProgrammeReading {
    /// A cost as this reading counts it; nil when it is not known and so cannot be counted.
    func cost(_ figure: ProgrammeFigure) -> Rational? {
        switch figure {
        case .exact(let value): return value
        case .range(let low, let high): return self == .cautious ? high : low
        case .unknown: return self == .cautious ? nil : .zero
        }
    }

    /// A quantity as this reading counts it; nil when it is not known (it then counts nothing).
    func quantity(_ figure: ProgrammeFigure) -> Rational? {
        switch figure {
        case .exact(let value): return value
        case .range(let low, let high): return self == .cautious ? low : high
        case .unknown: return nil
        }
    }
}

/// Builds the whole-number form of a problem for one reading, and turns sets found back
/// into exact figures.
struct IntegerProgrammeBuilder {
    let problem: ProgrammeProblem
    let reading: ProgrammeReading
    let programme: IntegerProgramme
    let uncosted: [String]
    /// `budgetAmounts[r][i]`, `targetAmounts[t][i]`: the figures counted, exactly.
    let budgetAmounts: [[Rational]]
    let targetAmounts: [[Rational]]
    let budgetUnknown: [[Bool]]
    let targetUnknown: [[Bool]]
    /// The common denominator each budget row was scaled by.
    let budgetScales: [Int128]

    init(problem: ProgrammeProblem, reading: ProgrammeReading) throws {
        self.problem = problem
        self.reading = reading
        let ids = problem.proposals.map(\.id)
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        func position(_ id: String, _ role: String) throws -> Int {
            guard let i = index[id] else { throw ProgrammeError.unknownProposal(id, role: role) }
            return i
        }
        let n = ids.count
        var fixed: [Bool?] = Array(repeating: nil, count: n)
        for id in problem.ruledOut { fixed[try position(id, "ruled out")] = false }
        for id in problem.committed { fixed[try position(id, "committed")] = true }

        var budgetAmounts: [[Rational]] = [], budgetUnknown: [[Bool]] = []
        var uncosted = Set<Int>()
        for budget in problem.budgets {
            var row: [Rational] = [], unknown: [Bool] = []
            for (i, proposal) in problem.proposals.enumerated() {
                var sum = Rational.zero, missing = false
                for figure in proposal.figures(measure: budget.measure, year: budget.year) {
                    if let value = reading.cost(figure) {
                        guard !value.isNegative else { throw ProgrammeError.negativeAmount(proposal: proposal.id, measure: budget.measure) }
                        sum += value
                    } else {
                        missing = true
                    }
                }
                row.append(sum)
                unknown.append(missing)
                if missing && fixed[i] != true {
                    uncosted.insert(i)
                    fixed[i] = false
                }
            }
            budgetAmounts.append(row)
            budgetUnknown.append(unknown)
        }
        var targetAmounts: [[Rational]] = [], targetUnknown: [[Bool]] = []
        for target in problem.targets {
            var row: [Rational] = [], unknown: [Bool] = []
            for proposal in problem.proposals {
                var sum = Rational.zero, missing = false
                for figure in proposal.figures(measure: target.measure, year: nil) {
                    if let value = reading.quantity(figure) {
                        guard !value.isNegative else { throw ProgrammeError.negativeAmount(proposal: proposal.id, measure: target.measure) }
                        sum += value
                    } else {
                        missing = true
                    }
                }
                row.append(sum)
                unknown.append(missing)
            }
            targetAmounts.append(row)
            targetUnknown.append(unknown)
        }

        var needs: [[Int]] = Array(repeating: [], count: n), neededBy: [[Int]] = Array(repeating: [], count: n)
        for dependency in problem.dependencies {
            let a = try position(dependency.option, "a dependency"), b = try position(dependency.needs, "a dependency")
            needs[a].append(b)
            neededBy[b].append(a)
        }
        var rivals: [Set<Int>] = Array(repeating: [], count: n)
        for group in problem.exclusions {
            let members = try group.map { try position($0, "an exclusion") }
            for a in members { for b in members where a != b { rivals[a].insert(b) } }
        }

        guard let benefits = IntegerProgramme.scaled(problem.proposals.map(\.benefit), count: n) else { throw ProgrammeError.tooLarge }
        var budgetRows: [[Int128]] = [], caps: [Int128] = [], scales: [Int128] = []
        for (r, budget) in problem.budgets.enumerated() {
            guard let scaled = IntegerProgramme.scaled(budgetAmounts[r] + [budget.limit], count: n) else { throw ProgrammeError.tooLarge }
            budgetRows.append(Array(scaled.values.dropLast()))
            caps.append(scaled.values.last!)
            scales.append(scaled.denominator)
        }
        var targetRows: [[Int128]] = [], needsOf: [Int128] = []
        for (t, target) in problem.targets.enumerated() {
            guard let scaled = IntegerProgramme.scaled(targetAmounts[t] + [target.atLeast], count: n) else { throw ProgrammeError.tooLarge }
            targetRows.append(Array(scaled.values.dropLast()))
            needsOf.append(scaled.values.last!)
        }
        programme = IntegerProgramme(count: n, benefit: benefits.values, budgetRows: budgetRows, budgetCaps: caps,
                                     targetRows: targetRows, targetNeeds: needsOf, needs: needs.map { Array(Set($0)).sorted() },
                                     neededBy: neededBy.map { Array(Set($0)).sorted() }, rivals: rivals.map { $0.sorted() },
                                     fixed: fixed)
        self.uncosted = uncosted.sorted().map { ids[$0] }
        self.budgetAmounts = budgetAmounts
        self.targetAmounts = targetAmounts
        self.budgetUnknown = budgetUnknown
        self.targetUnknown = targetUnknown
        self.budgetScales = scales
    }

    /// An amount of the first budget's measure in that row's whole units (rounded down, so a
    /// set fits the scaled budget exactly when it fits the amount).
    func scaledBudget(_ amount: Rational) -> Int128 {
        let scaled = amount * Rational(budgetScales[0], 1)
        let quotient = scaled.numerator / scaled.denominator
        let floored = scaled.numerator.isNegative && !(scaled.numerator % scaled.denominator).isZero ? quotient - 1 : quotient
        return floored.int128 ?? (floored.isNegative ? .min : .max)
    }

    func choice(for members: [Int]) -> ProgrammeChoice {
        var uses: [ProgrammeConstraintUse] = []
        for (r, budget) in problem.budgets.enumerated() {
            uses.append(ProgrammeConstraintUse(kind: .budget, measure: problem.measure(budget.measure), year: budget.year,
                                               limit: budget.limit, amount: members.map { budgetAmounts[r][$0] }.sum(),
                                               notCounted: members.filter { budgetUnknown[r][$0] }.map { problem.proposals[$0].id }))
        }
        for (t, target) in problem.targets.enumerated() {
            uses.append(ProgrammeConstraintUse(kind: .target, measure: problem.measure(target.measure), year: nil,
                                               limit: target.atLeast, amount: members.map { targetAmounts[t][$0] }.sum(),
                                               notCounted: members.filter { targetUnknown[t][$0] }.map { problem.proposals[$0].id }))
        }
        return ProgrammeChoice(proposalIDs: members.map { problem.proposals[$0].id },
                               benefit: members.map { problem.proposals[$0].benefit }.sum(), constraints: uses)
    }
}
