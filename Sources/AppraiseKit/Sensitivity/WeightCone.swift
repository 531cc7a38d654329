/// A region of weightings cut out of the simplex by linear conditions, held exactly as the
/// cone of its rays, so that its share of all weightings and its centroid are exact fractions.
///
/// Every condition SMAA places on weights is homogeneous once the weights sum to one: "A beats
/// B" is (a − b)·w ≥ 0, an order of importance is w(i) − w(j) ≥ 0, and a bound w(i) ≥ l is
/// w(i) − l·Σw ≥ 0. So every region is a polyhedral cone C = {w ≥ 0 : A w ≥ 0} cut by Σw = 1.
/// Each condition is scaled to whole numbers and each ray kept as the shortest whole-number
/// vector on its line (fraction-free: no greatest common divisor of fractions on the way, and
/// the numbers stay as short as the determinants that fix the rays). For a simplicial cone
/// with rays r(1)…r(n), the slice is the simplex with corners r(k)/σ(k), σ the sum of a ray's
/// entries, and its share of the whole simplex is |det(r(1)…r(n))| / σ(1)⋯σ(n). A cone is split
/// into simplicial ones by a pulling triangulation whose facets are found from which rays meet
/// which conditions alone (no rank tests), and its rays by the double description method
/// (Motzkin et al., 1953; Fukuda and Prodon, 1996), adding one condition at a time.
struct WeightCone: Sendable {
    /// The number of criteria.
    let dimension: Int
    /// Extreme rays: shortest whole-number vectors, every entry 0 or more.
    private(set) var rays: [[BigInt]]
    /// For each ray, the conditions it meets with equality (indices in the order added; the
    /// first `dimension` are w(k) ≥ 0).
    private(set) var tight: [ConditionSet]
    /// Conditions added so far, including the `dimension` non-negativity conditions.
    private(set) var conditionCount: Int

    /// All weightings: the non-negative orthant, whose slice is the whole simplex.
    init(dimension: Int) {
        precondition(dimension >= 1, "a weight cone needs at least one criterion")
        self.dimension = dimension
        rays = (0..<dimension).map { k in (0..<dimension).map { $0 == k ? .one : .zero } }
        tight = (0..<dimension).map { k in ConditionSet((0..<dimension).filter { $0 != k }) }
        conditionCount = dimension
    }

    /// Whether no weighting (other than zero) meets the conditions.
    var isEmpty: Bool { rays.isEmpty }

    /// Whether the region has extent in every direction of the simplex, so that a random
    /// weighting lands in it with a share above zero: a cone given by conditions is of lower
    /// dimension exactly when some condition holds with equality all over it.
    var isFullDimensional: Bool {
        guard rays.count >= dimension, var common = tight.first else { return false }
        for set in tight.dropFirst() {
            common = common.intersection(set)
            if common.isEmpty { return true }
        }
        return common.isEmpty
    }

    /// Adds the condition `row · w ≥ 0` (whole numbers): rays on its wrong side are dropped and
    /// each pair of adjacent rays on opposite sides gives the ray where their edge crosses it.
    mutating func add(_ row: [BigInt], meter: WorkMeter? = nil) throws {
        precondition(row.count == dimension)
        let condition = conditionCount
        conditionCount += 1
        let sides = rays.map { WeightCone.dot(row, $0) }
        try meter?.spend(rays.count * dimension * WorkMeter.words(row) * WorkMeter.words(rays.first ?? []))
        var keptRays: [[BigInt]] = []
        var keptTight: [ConditionSet] = []
        for index in rays.indices where !sides[index].isNegative {
            keptRays.append(rays[index])
            var set = tight[index]
            if sides[index].isZero { set.insert(condition) }
            keptTight.append(set)
        }
        let positive = rays.indices.filter { sides[$0] > .zero }
        let negative = rays.indices.filter { sides[$0].isNegative }
        for p in positive {
            for q in negative {
                let common = tight[p].intersection(tight[q])
                guard common.count >= dimension - 2, isAdjacent(p, q, common: common) else { continue }
                // (a·p) q − (a·q) p lies on the condition's hyperplane and inside the cone.
                let ray = WeightCone.primitive(zip(rays[p], rays[q]).map { sides[p] * $1 - sides[q] * $0 })
                try meter?.spend(2 * dimension * WorkMeter.words(ray))
                keptRays.append(ray)
                var set = common
                set.insert(condition)
                keptTight.append(set)
            }
        }
        rays = keptRays
        tight = keptTight
    }

    /// Two rays span an edge when no third ray meets every condition both meet (the
    /// combinatorial test, valid for pointed cones such as these).
    private func isAdjacent(_ p: Int, _ q: Int, common: ConditionSet) -> Bool {
        for other in rays.indices where other != p && other != q {
            if common.isSubset(of: tight[other]) { return false }
        }
        return true
    }

    /// The region's share of the simplex and, when asked, the sum of its simplices' centroids
    /// weighted by their shares (divide by the share for the centroid). Zero for a region of
    /// lower dimension, which no random weighting lands in.
    func volumeAndMoment(moment wanted: Bool = true, meter: WorkMeter? = nil) throws -> (volume: Rational, moment: [Rational]) {
        var moment = Array(repeating: Rational.zero, count: dimension)
        guard isFullDimensional else { return (.zero, moment) }
        let sums = rays.map { $0.reduce(BigInt.zero, +) }
        // Rays meeting each condition, as bit sets over the rays.
        var meeting = Array(repeating: RaySet(count: rays.count), count: conditionCount)
        for (ray, set) in tight.enumerated() {
            for condition in 0..<conditionCount where set.contains(condition) { meeting[condition].insert(ray) }
        }
        var volume = FractionSum()
        // Each ray's summed share of the simplices it is a corner of, for the centroid.
        var cornerShares = Array(repeating: FractionSum(), count: wanted ? rays.count : 0)
        var corners: [Int] = []
        // The corners' rows as reduced so far, shared by every simplex below them.
        var elimination = Elimination(dimension: dimension)
        func visit(_ face: RaySet, rank: Int) throws {
            if face.count == rank {
                let members = face.members
                var leaf = elimination
                for index in members { leaf.push(rays[index]) }
                let determinant = leaf.determinant.magnitude
                let simplex = corners + members
                var denominator = BigInt.one
                for index in simplex { denominator *= sums[index] }
                let words = WorkMeter.words([determinant, denominator])
                try meter?.spend(members.count * corners.count * dimension * words * words + volume.words * words)
                volume.add(determinant, over: denominator)
                if wanted { for index in simplex { cornerShares[index].add(determinant, over: denominator) } }
                return
            }
            let apex = face.first!
            corners.append(apex)
            let saved = elimination
            elimination.push(rays[apex])
            defer {
                corners.removeLast()
                elimination = saved
            }
            for facet in WeightCone.facets(of: face, rank: rank, meeting: meeting) where !facet.contains(apex) {
                try visit(facet, rank: rank - 1)
            }
        }
        var all = RaySet(count: rays.count)
        for index in rays.indices { all.insert(index) }
        try visit(all, rank: dimension)
        if wanted {
            // The centroid of a simplex is the mean of its corners r(k)/σ(k).
            var sum = Array(repeating: FractionSum(), count: dimension)
            for (index, share) in cornerShares.enumerated() where !share.numerator.isZero {
                let denominator = share.denominator * sums[index]
                for k in 0..<dimension where !rays[index][k].isZero { sum[k].add(share.numerator * rays[index][k], over: denominator) }
            }
            let n = Rational(dimension)
            moment = sum.map { $0.value / n }
        }
        return (volume.value, moment)
    }

    /// The facets of a face (its largest proper faces): each face of the cone is the set of
    /// rays meeting some conditions, and the facets of a face are the largest of its
    /// intersections with one condition's rays.
    private static func facets(of face: RaySet, rank: Int, meeting: [RaySet]) -> [RaySet] {
        var candidates: [RaySet] = []
        for rays in meeting {
            let part = face.intersection(rays)
            let count = part.count
            guard count >= rank - 1, count < face.count, !candidates.contains(part) else { continue }
            candidates.append(part)
        }
        return candidates.filter { part in !candidates.contains { $0 != part && part.isSubset(of: $0) } }
    }

    // MARK: Whole-number linear algebra on small matrices

    static func dot(_ a: [BigInt], _ b: [BigInt]) -> BigInt {
        var sum = BigInt.zero
        for k in a.indices where !a[k].isZero && !b[k].isZero { sum += a[k] * b[k] }
        return sum
    }

    static func dot(_ a: [Rational], _ b: [Rational]) -> Rational {
        var sum = Rational.zero
        for k in a.indices where !a[k].isZero && !b[k].isZero { sum += a[k] * b[k] }
        return sum
    }

    /// The vector divided by the greatest common divisor of its entries.
    static func primitive(_ vector: [BigInt]) -> [BigInt] {
        var divisor = BigInt.zero
        for entry in vector where !entry.isZero {
            divisor = BigInt.greatestCommonDivisor(divisor, entry)
            if divisor == .one { return vector }
        }
        return divisor.isZero ? vector : vector.map { $0 / divisor }
    }

    /// A condition with fractional coefficients as the shortest whole-number row on its line.
    static func wholeRow(_ row: [Rational]) -> [BigInt] {
        var multiple = BigInt.one
        for entry in row {
            let denominator = entry.denominator
            multiple = multiple / BigInt.greatestCommonDivisor(multiple, denominator) * denominator
        }
        return primitive(row.map { $0.numerator * (multiple / $0.denominator) })
    }
}

/// Bareiss's fraction-free elimination one row at a time, so that simplices sharing their
/// first corners (as a pulling triangulation's do) share that part of the work. After k rows
/// the last pivot is a k × k minor; after n independent rows, ± the determinant. Pivots are
/// chosen by column, so rows are never exchanged (only the sign would change).
struct Elimination: Sendable {
    private var rows: [[BigInt]] = []
    private var pivotColumns: [Int] = []
    /// A row depended on those before it: the determinant is zero.
    private var singular = false
    private let dimension: Int

    init(dimension: Int) { self.dimension = dimension }

    /// Reduces `row` by the rows so far, each step clearing that row's pivot column, and keeps
    /// it with a pivot in a column not yet cleared.
    mutating func push(_ row: [BigInt]) {
        guard !singular else { return }
        var row = row
        var cleared = Array(repeating: false, count: dimension)
        var previous = BigInt.one
        for (reduced, column) in zip(rows, pivotColumns) {
            cleared[column] = true
            let pivot = reduced[column], factor = row[column]
            row[column] = .zero
            for k in 0..<dimension where !cleared[k] {
                let value = row[k] * pivot - factor * reduced[k]
                row[k] = previous == .one ? value : value / previous
            }
            previous = pivot
        }
        guard let column = (0..<dimension).first(where: { !cleared[$0] && !row[$0].isZero }) else {
            singular = true
            return
        }
        rows.append(row)
        pivotColumns.append(column)
    }

    /// ± the determinant of the rows pushed (their number being the dimension).
    var determinant: BigInt {
        guard !singular, rows.count == dimension, let last = pivotColumns.last else { return .zero }
        return rows[rows.count - 1][last]
    }
}

/// A running sum of fractions over one common denominator, the least common multiple of the
/// denominators added so far: each addition costs a division of the sum by the short new
/// denominator, not a greatest common divisor of two long numbers, and the sum is reduced to
/// lowest terms once, when read.
struct FractionSum: Sendable {
    private(set) var numerator = BigInt.zero
    private(set) var denominator = BigInt.one

    mutating func add(_ numerator: BigInt, over denominator: BigInt) {
        let common = BigInt.greatestCommonDivisor(self.denominator, denominator)
        let widen = denominator / common
        self.numerator = self.numerator * widen + numerator * (self.denominator / common)
        self.denominator *= widen
    }

    /// The 64-bit words of the common denominator, for the work count.
    var words: Int { WorkMeter.words([denominator]) }

    var value: Rational { Rational(numerator, denominator) }
}

/// A small set of condition indices as bits, for the double description's adjacency tests.
struct ConditionSet: Sendable, Hashable {
    private var words: [UInt64]

    init(_ members: [Int] = []) {
        words = []
        for member in members { insert(member) }
    }

    mutating func insert(_ member: Int) {
        let word = member >> 6
        if word >= words.count { words += Array(repeating: 0, count: word - words.count + 1) }
        words[word] |= 1 << UInt64(member & 63)
    }

    func contains(_ member: Int) -> Bool {
        let word = member >> 6
        return word < words.count && words[word] & (1 << UInt64(member & 63)) != 0
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    func intersection(_ other: ConditionSet) -> ConditionSet {
        var result = ConditionSet()
        result.words = (0..<min(words.count, other.words.count)).map { words[$0] & other.words[$0] }
        return result
    }

    func isSubset(of other: ConditionSet) -> Bool {
        for index in words.indices where words[index] != 0 {
            guard index < other.words.count, words[index] & ~other.words[index] == 0 else { return false }
        }
        return true
    }
}

/// A set of ray indices as bits of a fixed width, for the triangulation's faces.
struct RaySet: Sendable, Equatable {
    private var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ member: Int) { words[member >> 6] |= 1 << UInt64(member & 63) }

    func contains(_ member: Int) -> Bool { words[member >> 6] & (1 << UInt64(member & 63)) != 0 }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The smallest member, or nil for the empty set.
    var first: Int? {
        for (index, word) in words.enumerated() where word != 0 { return index * 64 + word.trailingZeroBitCount }
        return nil
    }

    var members: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                result.append(index * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return result
    }

    func intersection(_ other: RaySet) -> RaySet {
        var result = self
        for index in words.indices { result.words[index] &= other.words[index] }
        return result
    }

    func isSubset(of other: RaySet) -> Bool {
        words.indices.allSatisfy { words[$0] & ~other.words[$0] == 0 }
    }
}
