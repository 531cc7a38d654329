/// Numbers the simplex method can pivot on: `Double` for a fast first answer, `Rational` for
/// the exact one.
protocol SimplexNumber: Comparable, Sendable {
    init(_ value: Int)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    /// Smallest magnitude treated as non-zero when choosing pivots: 0 for exact numbers.
    static var pivotTolerance: Self { get }
    /// `row[c] -= factor × pivotRow[c]` for every c below `count`: the inner loop of a pivot.
    static func eliminate(_ row: UnsafeMutablePointer<Self>, _ pivotRow: UnsafePointer<Self>, factor: Self, count: Int)
}

extension Double: SimplexNumber {
    static var pivotTolerance: Double { 1e-11 }

    /// A plain loop the compiler vectorises.
    static func eliminate(_ row: UnsafeMutablePointer<Double>, _ pivotRow: UnsafePointer<Double>, factor: Double, count: Int) {
        for c in 0..<count { row[c] -= factor * pivotRow[c] }
    }
}

extension Rational: SimplexNumber {
    static var pivotTolerance: Rational { .zero }

    /// Skips the zeros of the pivot row: each exact product costs greatest common divisors.
    static func eliminate(_ row: UnsafeMutablePointer<Rational>, _ pivotRow: UnsafePointer<Rational>, factor: Rational, count: Int) {
        for c in 0..<count where !pivotRow[c].isZero { row[c] = row[c] - factor * pivotRow[c] }
    }
}

/// A dense tableau simplex for `maximise Σ c(j) y(j)` subject to `A y ≤ b`, `y ≥ 0`, with
/// `b ≥ 0` so the slack basis starts feasible. Dantzig's rule, then Bland's rule (which
/// cannot cycle) after `rows × 50` pivots.
struct Simplex<Number: SimplexNumber> {
    let rows: Int
    let columns: Int
    private let width: Int
    private var tableau: [Number]
    /// The basic variable of each row: a column below `columns`, or `columns + row` for a slack.
    private(set) var basis: [Int]

    /// `matrix` is row-major, `rows × columns`.
    init(matrix: [Number], rows: Int, columns: Int, bounds: [Number], costs: [Number]) {
        precondition(matrix.count == rows * columns && bounds.count == rows && costs.count == columns)
        self.rows = rows
        self.columns = columns
        width = columns + rows + 1
        let zero = Number(0), one = Number(1)
        var tableau = Array(repeating: zero, count: (rows + 1) * width)
        for r in 0..<rows {
            for c in 0..<columns { tableau[r * width + c] = matrix[r * columns + c] }
            tableau[r * width + columns + r] = one
            tableau[r * width + width - 1] = bounds[r]
        }
        for c in 0..<columns { tableau[rows * width + c] = zero - costs[c] }
        self.tableau = tableau
        basis = (0..<rows).map { columns + $0 }
    }

    /// Pivots to an optimum. Returns false when the objective is unbounded.
    mutating func solve() -> Bool {
        let tolerance = Number.pivotTolerance
        let negativeTolerance = Number(0) - tolerance
        var pivots = 0
        let blandAfter = rows * 50
        while true {
            let bland = pivots >= blandAfter
            var entering = -1
            var mostNegative = negativeTolerance
            let objective = rows * width
            for c in 0..<(width - 1) where tableau[objective + c] < mostNegative {
                entering = c
                if bland { break }
                mostNegative = tableau[objective + c]
            }
            guard entering >= 0 else { return true }
            var leaving = -1
            var bestRatio = Number(0)
            for r in 0..<rows {
                let coefficient = tableau[r * width + entering]
                guard coefficient > tolerance else { continue }
                let ratio = tableau[r * width + width - 1] / coefficient
                if leaving < 0 || ratio < bestRatio || (ratio == bestRatio && basis[r] < basis[leaving]) {
                    leaving = r
                    bestRatio = ratio
                }
            }
            guard leaving >= 0 else { return false }
            pivot(row: leaving, column: entering)
            pivots += 1
        }
    }

    private mutating func pivot(row: Int, column: Int) {
        let zero = Number(0)
        tableau.withUnsafeMutableBufferPointer { cells in
            let pivotStart = row * width
            let divisor = cells[pivotStart + column]
            for c in 0..<width where cells[pivotStart + c] != zero { cells[pivotStart + c] = cells[pivotStart + c] / divisor }
            for r in 0...rows where r != row {
                let start = r * width
                let factor = cells[start + column]
                guard factor != zero else { continue }
                Number.eliminate(cells.baseAddress! + start, cells.baseAddress! + pivotStart, factor: factor, count: width)
            }
        }
        basis[row] = column
    }

    /// The optimal objective value.
    var objective: Number { tableau[rows * width + width - 1] }

    /// The optimal value of each structural variable.
    var primal: [Number] {
        var values = Array(repeating: Number(0), count: columns)
        for (r, variable) in basis.enumerated() where variable < columns { values[variable] = tableau[r * width + width - 1] }
        return values
    }

    /// The optimal dual value (shadow price) of each constraint.
    var dual: [Number] { (0..<rows).map { tableau[rows * width + columns + $0] } }
}
