/// The programme problem as whole numbers for one reading of its figures: every row scaled by
/// the common denominator of its entries, so the search adds and compares integers and stays
/// exact (a rational bound is compared by cross-multiplying).
struct IntegerProgramme: Sendable {
    let count: Int
    let benefit: [Int128]
    /// `budgetRows[r][i]`: what proposal i spends of budget r; at most `budgetCaps[r]` in all.
    let budgetRows: [[Int128]]
    let budgetCaps: [Int128]
    /// `targetRows[t][i]`: what proposal i achieves of target t; at least `targetNeeds[t]`.
    let targetRows: [[Int128]]
    let targetNeeds: [Int128]
    let needs: [[Int]]
    let neededBy: [[Int]]
    /// For each proposal, the other proposals it may not be chosen with.
    let rivals: [[Int]]
    /// true: must be chosen; false: may not be; nil: free.
    let fixed: [Bool?]

    /// The largest magnitude (in bits) of one scaled figure for `count` proposals: a sum over
    /// every proposal stays below 2^61, so a sum times a sum (the bounds' cross-multiplying)
    /// stays inside 128 bits.
    static func figureBits(count: Int) -> Int { 61 - (Int.bitWidth - (count + 1).leadingZeroBitCount) }

    /// Rationals over one common denominator, as integers; nil when that would not fit.
    static func scaled(_ values: [Rational], count: Int) -> (values: [Int128], denominator: Int128)? {
        let bits = figureBits(count: count)
        var denominator: Int128 = 1
        for value in values {
            guard let bottom = value.denominator.int128 else { return nil }
            let divisor = Rational.greatestCommonDivisor(denominator, bottom)
            let (product, overflow) = (denominator / divisor).multipliedReportingOverflow(by: bottom)
            guard !overflow, product < Int128(1) << 80 else { return nil }
            denominator = product
        }
        var out: [Int128] = []
        for value in values {
            guard let top = value.numerator.int128, let bottom = value.denominator.int128 else { return nil }
            let (scaled, overflow) = top.multipliedReportingOverflow(by: denominator / bottom)
            guard !overflow, scaled.magnitude < UInt128(1) << UInt128(bits) else { return nil }
            out.append(scaled)
        }
        return (out, denominator)
    }

    /// Commitments and rulings-out followed through the rules: what a committed proposal needs
    /// is committed, its rivals ruled out, and what needs a ruled-out proposal is ruled out
    /// (round dependency cycles too); nil when the rules contradict each other.
    func propagatedFixings() -> [Bool?]? {
        Self.propagated(fixed, needs: needs, neededBy: neededBy, rivals: rivals)
    }

    static func propagated(_ start: [Bool?], needs: [[Int]], neededBy: [[Int]], rivals: [[Int]]) -> [Bool?]? {
        var fixed = start
        var queue = fixed.indices.filter { fixed[$0] != nil }
        while let i = queue.popLast() {
            let follows: [(Int, Bool)] = fixed[i] == true
                ? needs[i].map { ($0, true) } + rivals[i].map { ($0, false) }
                : neededBy[i].map { ($0, false) }
            for (j, value) in follows {
                if let current = fixed[j] {
                    guard current == value else { return nil }
                } else {
                    fixed[j] = value
                    queue.append(j)
                }
            }
        }
        return fixed
    }

    /// The same programme with other benefits (another weighting, or costs to minimise).
    func withBenefits(_ values: [Int128]) -> IntegerProgramme {
        IntegerProgramme(count: count, benefit: values, budgetRows: budgetRows, budgetCaps: budgetCaps, targetRows: targetRows,
                         targetNeeds: targetNeeds, needs: needs, neededBy: neededBy, rivals: rivals, fixed: fixed)
    }

    /// Whether a set (ascending indices) keeps every rule, budget and target.
    func isFeasible(_ members: [Int]) -> Bool {
        var chosen = Array(repeating: false, count: count)
        for i in members { chosen[i] = true }
        for i in 0..<count {
            if chosen[i] {
                if fixed[i] == false { return false }
                if needs[i].contains(where: { !chosen[$0] }) || rivals[i].contains(where: { chosen[$0] }) { return false }
            } else if fixed[i] == true {
                return false
            }
        }
        for r in budgetRows.indices where members.reduce(Int128(0), { $0 + budgetRows[r][$1] }) > budgetCaps[r] { return false }
        for t in targetRows.indices where members.reduce(Int128(0), { $0 + targetRows[t][$1] }) < targetNeeds[t] { return false }
        return true
    }

    func found(_ members: [Int]) -> FoundSet {
        FoundSet(members: members, benefit: members.reduce(Int128(0)) { $0 + benefit[$1] },
                 firstBudgetUse: budgetRows.first.map { row in members.reduce(Int128(0)) { $0 + row[$1] } } ?? 0)
    }
}

/// One feasible set found by the search, as proposal indices in ascending order.
struct FoundSet: Sendable, Equatable {
    let members: [Int]
    let benefit: Int128
    let firstBudgetUse: Int128

    /// The order sets are reported in: more benefit first; among equals, less of the first
    /// budget, then fewer proposals, then the set whose proposals come first in the file.
    static func precedes(_ a: FoundSet, _ b: FoundSet) -> Bool {
        if a.benefit != b.benefit { return a.benefit > b.benefit }
        if a.firstBudgetUse != b.firstBudgetUse { return a.firstBudgetUse < b.firstBudgetUse }
        if a.members.count != b.members.count { return a.members.count < b.members.count }
        return a.members.lexicographicallyPrecedes(b.members)
    }
}

/// What a search found, and whether it finished: a search given a work limit that it reached
/// returns the best sets seen so far, which are then not proven best.
struct SearchResult: Sendable {
    let sets: [FoundSet]
    let complete: Bool
    let nodes: Int
}

/// Exact branch and bound for the best `keep` sets, as a value type over flat arrays (no
/// class properties in the hot loop, so no runtime exclusivity checks).
///
/// Proposals are decided one at a time in order of benefit per unit of the budgets (the first
/// budget's ratio, or with several budgets the ratio to their sum as shares of each limit),
/// "in" before "out". At each node every proposal that can no longer join (a rival chosen, a
/// need left out, no room) is left out at once, since that only gets worse down the branch. A
/// branch is cut when it breaks a rule, cannot reach a target with everything that can still
/// join, or cannot beat the `keep`-th best set found so far: its upper bound is the smallest
/// over the budgets of Martello and Toth's knapsack bound U2 (never above Dantzig's fractional
/// bound), and since benefits are whole numbers a branch whose bound is below the floor's
/// benefit plus one can only tie, so it is kept only if the fractional least cost of reaching
/// that benefit (on the first budget) is no more than the floor's. Dependencies, exclusions
/// and targets are left out of the bounds, which keeps them upper bounds.
struct ProgrammeSearch {
    private let n: Int
    private let budgetCount: Int
    private let targetCount: Int
    private let benefit: [Int128]
    /// What the bounds maximise: the benefit, or when the figures are small enough, the
    /// benefit times `tieScale` less the first budget's spending, so that the tie-break on
    /// spending is part of the objective and ties on benefit are cut like any other branch.
    private let value: [Int128]
    private let tieScale: Int128?
    private let strict: Bool
    /// `cost[r * n + i]`, `gain[t * n + i]`.
    private let cost: [Int128]
    private let caps: [Int128]
    private let gain: [Int128]
    private let targetNeeds: [Int128]
    private let needs: [[Int]]
    private let neededBy: [[Int]]
    private let rivals: [[Int]]
    /// The same three lists flat (`links[start[i] ..< start[i + 1]]`), for the hot loop.
    private let needsFlat: FlatLists
    private let neededByFlat: FlatLists
    private let rivalsFlat: FlatLists
    /// Per proposal: how many chosen rivals and left-out needs stop it joining, and how many
    /// chosen proposals need it (so it cannot be left out).
    private var blocked: [Int32]
    private var required: [Int32]
    private var fixed: [Bool?]
    private let keep: Int
    private let limit: Int
    private var order: [Int] = []
    /// Per budget, the proposals with benefit above nothing, best benefit per unit first.
    private var ratioOrders: [[Int]] = []
    private var state: [Int8]
    private var spent: [Int128]
    private var achieved: [Int128]
    /// The branch's objective (`value`) and benefit so far.
    private var total: Int128 = 0
    private var gained: Int128 = 0
    /// Proposals left out by the "cannot join" sweep, per depth, to put back on the way up.
    private var swept: [Int] = []
    private var best: [FoundSet] = []
    private var nodes = 0
    private var stopped = false

    /// - Parameters:
    ///   - keep: how many of the best sets to return.
    ///   - limit: most nodes to visit; past it the search stops and says it did not finish.
    ///   - seeds: sets to start from (any that keep the rules are recorded before the search).
    ///   - strict: look only for sets with more benefit than the best so far (the tie-break
    ///     among sets of equal benefit is then not applied): how the best benefit is proven
    ///     quickly when many sets tie.
    init(_ p: IntegerProgramme, keep: Int, limit: Int = .max, seeds: [[Int]] = [], strict: Bool = false) {
        self.strict = strict
        n = p.count
        budgetCount = p.budgetRows.count
        targetCount = p.targetRows.count
        benefit = p.benefit
        let bits = { (x: Int128) in 128 - x.magnitude.leadingZeroBitCount }
        if let row = p.budgetRows.first {
            let scale = row.reduce(Int128(0), +) + 1
            let benefits = p.benefit.reduce(Int128(0)) { $0 + ($1 < 0 ? -$1 : $1) }
            tieScale = !strict && bits(benefits) + bits(scale) <= 62 ? scale : nil
        } else {
            tieScale = nil
        }
        value = tieScale.map { scale in p.benefit.indices.map { p.benefit[$0] * scale - p.budgetRows[0][$0] } } ?? p.benefit
        cost = p.budgetRows.flatMap { $0 }
        caps = p.budgetCaps
        gain = p.targetRows.flatMap { $0 }
        targetNeeds = p.targetNeeds
        needs = p.needs
        neededBy = p.neededBy
        rivals = p.rivals
        needsFlat = FlatLists(p.needs)
        neededByFlat = FlatLists(p.neededBy)
        rivalsFlat = FlatLists(p.rivals)
        blocked = Array(repeating: 0, count: p.count)
        required = Array(repeating: 0, count: p.count)
        fixed = p.fixed
        self.keep = max(1, keep)
        self.limit = limit
        state = Array(repeating: -1, count: p.count)
        spent = Array(repeating: 0, count: p.budgetRows.count)
        achieved = Array(repeating: 0, count: p.targetRows.count)
        for seed in seeds where p.isFeasible(seed) { offer(p.found(seed)) }
    }

    /// Runs the search once: the best sets, best first (empty when no set meets every rule).
    mutating func run() -> SearchResult {
        guard propagate() else { return SearchResult(sets: [], complete: true, nodes: 0) }
        prepareOrders()
        for i in 0..<n {
            guard let fixed = fixed[i] else { continue }
            guard set(i, fixed) else { return SearchResult(sets: [], complete: true, nodes: 0) }
        }
        visit(0)
        return SearchResult(sets: best, complete: !stopped, nodes: nodes)
    }

    /// Leaves out, when only the best set is wanted, every proposal worth nothing that nothing
    /// needs and no target counts: leaving it out is never worse.
    private mutating func propagate() -> Bool {
        guard let settled = IntegerProgramme.propagated(fixed, needs: needs, neededBy: neededBy, rivals: rivals) else { return false }
        fixed = settled
        if keep == 1 {
            for i in 0..<n where fixed[i] == nil && benefit[i] <= 0 && neededBy[i].isEmpty
                && (0..<targetCount).allSatisfy({ gain[$0 * n + i] == 0 }) {
                fixed[i] = false
            }
        }
        return true
    }

    /// Whether proposal a comes before b in order of benefit per unit of budget row r: free
    /// proposals first (most benefit first), then by the exact ratio, then by position.
    private func ratioPrecedes(_ a: Int, _ b: Int, row r: Int) -> Bool {
        let ca = cost[r * n + a], cb = cost[r * n + b]
        if (ca == 0) != (cb == 0) { return ca == 0 }
        if ca == 0 { return value[a] != value[b] ? value[a] > value[b] : a < b }
        let left = value[a] * cb, right = value[b] * ca
        return left != right ? left > right : a < b
    }

    private mutating func prepareOrders() {
        let free = (0..<n).filter { fixed[$0] == nil }
        let positive = free.filter { value[$0] > 0 }
        ratioOrders = (0..<budgetCount).map { r in positive.sorted { ratioPrecedes($0, $1, row: r) } }
        if budgetCount == 1 {
            order = free.sorted { ratioPrecedes($0, $1, row: 0) }
        } else {
            // The surrogate of several budgets: what a proposal uses of each, as shares of
            // the limits, summed; only the order of visiting depends on it, not the answer.
            let use = (0..<n).map { i in
                (0..<budgetCount).reduce(0.0) { sum, r in caps[r] > 0 ? sum + Double(cost[r * n + i]) / Double(caps[r]) : sum }
            }
            order = free.sorted { a, b in
                let ka = Double(value[a]) / max(use[a], 1e-12), kb = Double(value[b]) / max(use[b], 1e-12)
                return ka != kb ? ka > kb : a < b
            }
        }
    }

    /// Decides proposal i; false (and nothing changed) when that breaks a rule at once.
    private mutating func set(_ i: Int, _ chosen: Bool) -> Bool {
        if chosen {
            guard couldJoin(i) else { return false }
            state[i] = 1
            for r in 0..<budgetCount { spent[r] += cost[r * n + i] }
            for t in 0..<targetCount { achieved[t] += gain[t * n + i] }
            total += value[i]
            gained += benefit[i]
            for k in rivalsFlat.range(i) { blocked[rivalsFlat.links[k]] += 1 }
            for k in needsFlat.range(i) { required[needsFlat.links[k]] += 1 }
        } else {
            guard required[i] == 0 else { return false }
            state[i] = 0
            for k in neededByFlat.range(i) { blocked[neededByFlat.links[k]] += 1 }
        }
        return true
    }

    private mutating func unset(_ i: Int) {
        if state[i] == 1 {
            for r in 0..<budgetCount { spent[r] -= cost[r * n + i] }
            for t in 0..<targetCount { achieved[t] -= gain[t * n + i] }
            total -= value[i]
            gained -= benefit[i]
            for k in rivalsFlat.range(i) { blocked[rivalsFlat.links[k]] -= 1 }
            for k in needsFlat.range(i) { required[needsFlat.links[k]] -= 1 }
        } else if state[i] == 0 {
            for k in neededByFlat.range(i) { blocked[neededByFlat.links[k]] -= 1 }
        }
        state[i] = -1
    }

    /// Whether a proposal could join this branch now: no rival chosen, no need left out, room
    /// in every budget.
    private func couldJoin(_ i: Int) -> Bool {
        guard blocked[i] == 0 else { return false }
        for r in 0..<budgetCount where spent[r] + cost[r * n + i] > caps[r] { return false }
        return true
    }

    private mutating func visit(_ from: Int) {
        nodes += 1
        if nodes > limit {
            stopped = true
            return
        }
        // Leave out at once every open proposal that can no longer join.
        let mark = swept.count
        var dead = false
        for k in from..<order.count {
            let i = order[k]
            guard state[i] == -1, !couldJoin(i) else { continue }
            guard set(i, false) else { dead = true; break }
            swept.append(i)
        }
        defer {
            while swept.count > mark { unset(swept.removeLast()) }
        }
        if dead { return }
        for t in 0..<targetCount {
            var reach = achieved[t]
            for k in from..<order.count where state[order[k]] == -1 { reach += gain[t * n + order[k]] }
            if reach < targetNeeds[t] { return }
        }
        if best.count == keep && !mayBeat(best[keep - 1]) { return }
        var next = from
        while next < order.count && state[order[next]] != -1 { next += 1 }
        guard next < order.count else {
            offer(FoundSet(members: (0..<n).filter { state[$0] == 1 }, benefit: gained, firstBudgetUse: spent.first ?? 0))
            return
        }
        let i = order[next]
        if set(i, true) {
            visit(next + 1)
            unset(i)
        }
        if !stopped && set(i, false) {
            visit(next + 1)
            unset(i)
        }
    }

    /// Whether some completion of this branch could come before `floor`.
    private func mayBeat(_ floor: FoundSet) -> Bool {
        var level = 2
        if budgetCount == 0 {
            var reach = total
            for k in 0..<order.count where state[order[k]] == -1 && value[order[k]] > 0 { reach += value[order[k]] }
            level = reach > floor.benefit ? 2 : reach == floor.benefit ? 1 : 0
        }
        let floorValue = tieScale.map { floor.benefit * $0 - floor.firstBudgetUse } ?? floor.benefit
        for r in 0..<budgetCount where level > 0 { level = min(level, knapsackLevel(floorValue, row: r)) }
        if level != 1 || strict { return level == 2 }
        // Only a tie is possible: on benefit and spending together (then fewer proposals may
        // still win), or on benefit alone, when it must spend no more of the first budget.
        return budgetCount == 0 || tieScale != nil || leastCostWithin(floor.benefit - gained, cap: floor.firstBudgetUse - spent[0])
    }

    /// One budget's knapsack bound against `floor`: 2 when it reaches floor + 1 (a completion
    /// could have more benefit), 1 when it reaches only floor (a tie at best), 0 below.
    ///
    /// The bound is Martello and Toth's U2 (1977): greedily fill the room in order of benefit
    /// per unit; at the first proposal that does not fit (the critical one), either it stays
    /// out and the room is filled at the next proposal's rate, or it comes in and the
    /// overspend is given back at the last included proposal's rate. The larger of the two
    /// bounds every completion, and is never above Dantzig's fractional bound.
    private func knapsackLevel(_ floor: Int128, row r: Int) -> Int {
        var room = caps[r] - spent[r]
        var sum = total
        var lastIn = -1, critical = -1, next = -1
        for i in ratioOrders[r] where state[i] == -1 {
            let c = cost[r * n + i]
            if critical >= 0 {
                next = i
                break
            }
            if c <= room {
                room -= c
                sum += value[i]
                if c > 0 { lastIn = i }
            } else {
                critical = i
            }
        }
        func reaches(_ x: Int128) -> Bool {
            if critical < 0 { return sum >= x }
            if next >= 0 {
                // Critical proposal out: the room at the next proposal's rate.
                let c = cost[r * n + next]
                if sum * c + value[next] * room >= x * c { return true }
            } else if sum >= x {
                return true
            }
            // Critical proposal in: the overspend given back at the last included one's rate.
            guard lastIn >= 0 else { return false }
            let over = cost[r * n + critical] - room
            let rate = cost[r * n + lastIn]
            return (sum + value[critical] - x) * rate >= over * value[lastIn]
        }
        return reaches(floor + 1) ? 2 : reaches(floor) ? 1 : 0
    }

    /// Whether the open proposals could add `need` of benefit for at most `cap` of the first
    /// budget, counting fractions of proposals (the least-cost cover, taken in order of
    /// benefit per unit, is a lower bound on what any completion spends).
    private func leastCostWithin(_ need: Int128, cap: Int128) -> Bool {
        guard cap >= 0 else { return false }
        guard need > 0 else { return true }
        var remaining = need, used: Int128 = 0
        for i in ratioOrders[0] where state[i] == -1 {
            let c = cost[i]
            if benefit[i] >= remaining {
                // A fraction remaining / benefit of it: used + c · remaining / benefit ≤ cap.
                return used * benefit[i] + c * remaining <= cap * benefit[i]
            }
            remaining -= benefit[i]
            used += c
            if used > cap { return false }
        }
        return false
    }

    /// Keeps a set if it is among the best `keep` so far.
    private mutating func offer(_ found: FoundSet) {
        if best.contains(where: { $0.members == found.members }) { return }
        if best.count == keep {
            guard FoundSet.precedes(found, best[keep - 1]) else { return }
            best.removeLast()
        }
        let position = best.firstIndex { FoundSet.precedes(found, $0) } ?? best.count
        best.insert(found, at: position)
    }
}

/// Lists of proposal indices laid end to end, with where each proposal's list starts.
struct FlatLists: Sendable {
    let start: [Int]
    let links: [Int]

    init(_ lists: [[Int]]) {
        var start = [0]
        for list in lists { start.append(start.last! + list.count) }
        self.start = start
        links = lists.flatMap { $0 }
    }

    func range(_ i: Int) -> Range<Int> { start[i] ..< start[i + 1] }
}

extension ProgrammeSearch {
    /// The best set: its benefit proven by a strict search to the end, then the tie-break
    /// among sets of that benefit (least spending, fewest proposals, earliest) searched
    /// within `limit` nodes. `settled` is false when that limit was reached: the set is then
    /// a best set, but maybe not the first in the tie-break order.
    static func best(_ p: IntegerProgramme, tieBreakLimit limit: Int) -> (set: FoundSet?, settled: Bool) {
        var strict = ProgrammeSearch(p, keep: 1, strict: true)
        guard let top = strict.run().sets.first else { return (nil, true) }
        var ordered = ProgrammeSearch(p, keep: 1, limit: limit, seeds: [top.members])
        let result = ordered.run()
        return (result.complete ? result.sets.first : top, result.complete)
    }

    /// The best `keep` sets, searched to the end.
    static func best(_ p: IntegerProgramme, keep: Int, seeds: [[Int]] = []) -> [FoundSet] {
        var search = ProgrammeSearch(p, keep: keep, seeds: seeds)
        return search.run().sets
    }
}
