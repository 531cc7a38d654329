@testable import AppraiseKit

/// The first exact SMAA volume method, kept as an independent oracle for `WeightCone`: rays
/// as fractions scaled to sum to one, facets found by exact rank tests, determinants by
/// elimination over fractions. Slow but simple; the tests compare the two on small regions.
struct RationalCone: Sendable {
    /// The number of criteria.
    let dimension: Int
    /// Extreme rays, each scaled to sum to one (the weighting where it meets the simplex).
    private(set) var rays: [[Rational]]
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
    /// weighting lands in it with a share above zero.
    var isFullDimensional: Bool {
        rays.count >= dimension && RationalCone.rank(of: Array(rays.indices), in: rays) == dimension
    }

    /// Adds the condition `row · w ≥ 0`: rays on its wrong side are dropped and each pair of
    /// adjacent rays on opposite sides gives the ray where their edge crosses it.
    mutating func add(_ row: [Rational]) {
        precondition(row.count == dimension)
        let condition = conditionCount
        conditionCount += 1
        let sides = rays.map { RationalCone.dot(row, $0) }
        var keptRays: [[Rational]] = []
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
                let ray = zip(rays[p], rays[q]).map { sides[p] * $1 - sides[q] * $0 }
                keptRays.append(RationalCone.normalised(ray))
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

    /// The region's share of the simplex and the sum of its simplices' centroids weighted by
    /// their shares (divide by the share for the centroid). Zero for a region of lower
    /// dimension, which no random weighting lands in.
    func volumeAndMoment() -> (volume: Rational, moment: [Rational]) {
        var volume = Rational.zero
        var moment = Array(repeating: Rational.zero, count: dimension)
        guard isFullDimensional else { return (volume, moment) }
        for simplex in triangulate(Array(rays.indices), rank: dimension) {
            let matrix = simplex.map { rays[$0] }
            var share = RationalCone.determinant(matrix)
            if share.isNegative { share = -share }
            volume += share
            // The centroid of a simplex is the mean of its corners.
            let part = share / Rational(dimension)
            for index in simplex {
                for k in 0..<dimension where !rays[index][k].isZero { moment[k] += part * rays[index][k] }
            }
        }
        return (volume, moment)
    }

    /// A pulling triangulation of the face spanned by `face` (ray indices) of the given rank:
    /// the first ray joined to a triangulation of every facet that does not contain it.
    private func triangulate(_ face: [Int], rank: Int) -> [[Int]] {
        if face.count == rank { return [face] }
        let apex = face[0]
        var seen = Set<[Int]>()
        var simplices: [[Int]] = []
        for condition in 0..<conditionCount {
            let facet = face.filter { tight[$0].contains(condition) }
            guard facet.count >= rank - 1, facet.count < face.count, !facet.contains(apex),
                  seen.insert(facet).inserted else { continue }
            guard RationalCone.rank(of: facet, in: rays) == rank - 1 else { continue }
            for simplex in triangulate(facet, rank: rank - 1) { simplices.append([apex] + simplex) }
        }
        return simplices
    }

    // MARK: Exact linear algebra on small matrices

    static func dot(_ a: [Rational], _ b: [Rational]) -> Rational {
        var sum = Rational.zero
        for k in a.indices where !a[k].isZero && !b[k].isZero { sum += a[k] * b[k] }
        return sum
    }

    /// The ray scaled to sum to one: the weighting on its line.
    static func normalised(_ ray: [Rational]) -> [Rational] {
        let sum = ray.sum()
        return ray.map { $0 / sum }
    }

    /// The rank of the rays at `indices`, by exact elimination.
    static func rank(of indices: [Int], in rays: [[Rational]]) -> Int {
        var rows = indices.map { rays[$0] }
        guard let width = rows.first?.count else { return 0 }
        var rank = 0
        for column in 0..<width where rank < rows.count {
            guard let pivot = (rank..<rows.count).first(where: { !rows[$0][column].isZero }) else { continue }
            rows.swapAt(rank, pivot)
            for row in (rank + 1)..<rows.count where !rows[row][column].isZero {
                let factor = rows[row][column] / rows[rank][column]
                for k in column..<width where !rows[rank][k].isZero { rows[row][k] -= factor * rows[rank][k] }
            }
            rank += 1
        }
        return rank
    }

    /// The determinant of a square matrix, by exact elimination.
    static func determinant(_ matrix: [[Rational]]) -> Rational {
        var rows = matrix
        let size = rows.count
        var result = Rational.one
        for column in 0..<size {
            guard let pivot = (column..<size).first(where: { !rows[$0][column].isZero }) else { return .zero }
            if pivot != column {
                rows.swapAt(column, pivot)
                result = -result
            }
            result = result * rows[column][column]
            for row in (column + 1)..<size where !rows[row][column].isZero {
                let factor = rows[row][column] / rows[column][column]
                for k in column..<size where !rows[column][k].isZero { rows[row][k] -= factor * rows[column][k] }
            }
        }
        return result
    }
}

