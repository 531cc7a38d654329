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

    /// Rationals over one common denominator, as integers; nil when that would not fit.
    static func scaled(_ values: [Rational]) -> (values: [Int128], denominator: Int128)? {
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
            // Below 2^60, so a benefit times a cost (the bound's cross-multiplication) and sums
            // of sixty-odd such products stay inside 128 bits.
            guard !overflow, scaled.magnitude < UInt128(1) << 60 else { return nil }
            out.append(scaled)
        }
        return (out, denominator)
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

/// Exact branch and bound for the best `keep` sets. Proposals are decided one at a time, the
/// most benefit per unit of the first budget first, "in" before "out"; a branch is cut when
/// it breaks a rule, cannot reach a target with everything still open, or cannot beat the
/// `keep`-th best set found so far. The bound is the smallest, over the budgets, of the
/// knapsack bound of the proposals still open (Martello and Toth's U2, never above Dantzig's
/// fractional bound), each a true upper bound on every completion of the branch.
final class ProgrammeSearch {
    private let p: IntegerProgramme
    private let keep: Int
    private let order: [Int]
    /// Per budget, the open proposals' visiting order by benefit per unit spent, best first.
    private let ratioOrders: [[Int]]
    private var state: [Int8]
    private var spent: [Int128]
    private var achieved: [Int128]
    private var benefit: Int128 = 0
    /// Which proposals could still join, one row of `count` flags per depth, allocated once
    /// (a raw buffer: the hot loop then pays no copy-on-write or exclusivity checks).
    private let openFlags: UnsafeMutablePointer<Bool>
    private(set) var best: [FoundSet] = []
    private(set) var nodes = 0

    init(_ programme: IntegerProgramme, keep: Int) {
        p = programme
        self.keep = max(1, keep)
        state = Array(repeating: -1, count: programme.count)
        spent = Array(repeating: 0, count: programme.budgetRows.count)
        achieved = Array(repeating: 0, count: programme.targetRows.count)
        openFlags = .allocate(capacity: (programme.count + 1) * max(programme.count, 1))
        openFlags.initialize(repeating: false, count: (programme.count + 1) * max(programme.count, 1))
        let free = (0..<programme.count).filter { programme.fixed[$0] == nil }
        func byRatio(_ row: [Int128]) -> [Int] {
            free.sorted { a, b in
                let left = programme.benefit[a] * row[b], right = programme.benefit[b] * row[a]
                return left != right ? left > right : a < b
            }
        }
        ratioOrders = programme.budgetRows.map(byRatio)
        order = programme.budgetRows.first.map(byRatio) ?? free.sorted {
            programme.benefit[$0] != programme.benefit[$1] ? programme.benefit[$0] > programme.benefit[$1] : $0 < $1
        }
    }

    deinit { openFlags.deallocate() }

    /// Runs the search; the best sets, best first (empty when no set meets every rule).
    func run() -> [FoundSet] {
        for i in 0..<p.count {
            guard let fixed = p.fixed[i] else { continue }
            guard set(i, fixed) else { return [] }
        }
        visit(0)
        return best
    }

    /// Decides proposal i; false (and nothing changed) when that breaks a rule at once.
    private func set(_ i: Int, _ chosen: Bool) -> Bool {
        if chosen {
            for j in p.needs[i] where state[j] == 0 { return false }
            for j in p.rivals[i] where state[j] == 1 { return false }
            for r in 0..<spent.count where spent[r] + p.budgetRows[r][i] > p.budgetCaps[r] { return false }
            state[i] = 1
            for r in 0..<spent.count { spent[r] += p.budgetRows[r][i] }
            for t in 0..<achieved.count { achieved[t] += p.targetRows[t][i] }
            benefit += p.benefit[i]
        } else {
            for j in p.neededBy[i] where state[j] == 1 { return false }
            state[i] = 0
        }
        return true
    }

    private func unset(_ i: Int) {
        if state[i] == 1 {
            for r in 0..<spent.count { spent[r] -= p.budgetRows[r][i] }
            for t in 0..<achieved.count { achieved[t] -= p.targetRows[t][i] }
            benefit -= p.benefit[i]
        }
        state[i] = -1
    }

    /// Whether an open proposal could still join this branch.
    private func couldJoin(_ i: Int) -> Bool {
        guard state[i] == -1 else { return false }
        for j in p.needs[i] where state[j] == 0 { return false }
        for j in p.rivals[i] where state[j] == 1 { return false }
        for r in 0..<spent.count where spent[r] + p.budgetRows[r][i] > p.budgetCaps[r] { return false }
        return true
    }

    private func visit(_ depth: Int) {
        nodes += 1
        let base = depth * p.count
        for i in order { openFlags[base + i] = couldJoin(i) }
        for t in 0..<achieved.count {
            var reach = achieved[t]
            for i in order where openFlags[base + i] && p.targetRows[t][i] > 0 { reach += p.targetRows[t][i] }
            if reach < p.targetNeeds[t] { return }
        }
        if best.count == keep && !boundReaches(best[keep - 1].benefit, base: base) { return }
        var next = depth
        while next < order.count && state[order[next]] != -1 { next += 1 }
        guard next < order.count else {
            record()
            return
        }
        let i = order[next]
        if openFlags[base + i] && set(i, true) {
            visit(next + 1)
            unset(i)
        }
        if set(i, false) {
            visit(next + 1)
            unset(i)
        }
    }

    /// Whether the branch's bound is at least `floor` (a set equal to it may still win on the
    /// tie-break, so only a bound below it cuts).
    private func boundReaches(_ floor: Int128, base: Int) -> Bool {
        var positive: Int128 = 0
        for i in order where openFlags[base + i] && p.benefit[i] > 0 { positive += p.benefit[i] }
        if benefit + positive < floor { return false }
        for r in 0..<ratioOrders.count where !knapsackBoundReaches(floor, base: base, row: r) { return false }
        return true
    }

    /// One budget's knapsack bound, Martello and Toth's U2 (1977): greedily fill the room in
    /// order of benefit per unit; at the first proposal that does not fit (the critical one),
    /// either it stays out and the room is filled at the next proposal's rate, or it comes in
    /// and the overspend is given back at the last included proposal's rate. The larger of the
    /// two bounds every completion, and is never above Dantzig's fractional bound.
    private func knapsackBoundReaches(_ floor: Int128, base: Int, row r: Int) -> Bool {
        var room = p.budgetCaps[r] - spent[r]
        var total = benefit
        var lastIn = -1, critical = -1
        for i in ratioOrders[r] where openFlags[base + i] && p.benefit[i] > 0 {
            let cost = p.budgetRows[r][i]
            if critical >= 0 {
                // Critical proposal out: the room at the next proposal's rate.
                if total * cost + p.benefit[i] * room >= floor * cost { return true }
                return criticalInReaches(floor, total: total, room: room, critical: critical, lastIn: lastIn, row: r)
            }
            if cost <= room {
                room -= cost
                total += p.benefit[i]
                if cost > 0 { lastIn = i }
            } else {
                critical = i
            }
        }
        if critical < 0 || total >= floor { return total >= floor }
        return criticalInReaches(floor, total: total, room: room, critical: critical, lastIn: lastIn, row: r)
    }

    /// The critical proposal in: total + its benefit − the overspend at the last included
    /// proposal's rate, compared with `floor` by cross-multiplying.
    private func criticalInReaches(_ floor: Int128, total: Int128, room: Int128, critical: Int, lastIn: Int, row r: Int) -> Bool {
        guard lastIn >= 0 else { return false }
        let over = p.budgetRows[r][critical] - room
        let rate = p.budgetRows[r][lastIn]
        return (total + p.benefit[critical] - floor) * rate >= over * p.benefit[lastIn]
    }

    private func record() {
        var members: [Int] = []
        for i in 0..<p.count where state[i] == 1 { members.append(i) }
        let found = FoundSet(members: members, benefit: benefit, firstBudgetUse: spent.first ?? 0)
        if best.count == keep {
            guard FoundSet.precedes(found, best[keep - 1]) else { return }
            best.removeLast()
        }
        let position = best.firstIndex { FoundSet.precedes(found, $0) } ?? best.count
        best.insert(found, at: position)
    }
}
