/// The comparators a scorecard prints beside an indicator ("LATEST BENCHMARKING: STAT NEIGH
/// AVE | BEST STAT NEIGH | NAT AVE | NAT TOP QTILE THRESHOLD", seed 002:24; "Yorkshire &
/// Humber" in the review's Table 1, 001:639).
public enum BenchmarkKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case statNeighbourAverage = "statistical-neighbour average"
    case bestStatNeighbour = "best statistical neighbour"
    case nationalAverage = "national average"
    case nationalTopQuartile = "national top-quartile threshold"
    case regionalAverage = "regional average"

    public static func < (lhs: BenchmarkKind, rhs: BenchmarkKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One printed benchmark cell; its own vintage stays in the text ("3.8% (published Feb 16)").
public struct Benchmark: Sendable, Hashable {
    public let kind: BenchmarkKind
    public let printed: PrintedValue

    public init(kind: BenchmarkKind, printed: PrintedValue) {
        self.kind = kind
        self.printed = printed
    }
}

/// Where a value stands against one benchmark.
public struct BenchmarkPosition: Sendable, Hashable {
    public enum Standing: String, Sendable, Hashable {
        /// On the good side of the benchmark (rated indicators).
        case better
        /// On the bad side (rated indicators).
        case worse
        /// Equal to it.
        case level
        /// Higher (Info and Within Limits indicators, which have no good side).
        case above
        /// Lower (Info and Within Limits indicators).
        case below
        /// At or beyond the national top-quartile threshold.
        case insideTopQuartile = "inside top quartile"
        case outsideTopQuartile = "outside top quartile"
        /// No value to compare, or no number in the benchmark cell ("-", "N/A").
        case notComparable = "not comparable"
    }

    public let kind: BenchmarkKind
    /// The benchmark cell as printed.
    public let printed: String
    public let benchmark: Double?
    public let standing: Standing

    public init(value: Double?, benchmark: Benchmark, polarity: Polarity) {
        kind = benchmark.kind
        printed = benchmark.printed.text
        self.benchmark = benchmark.printed.number
        guard let value, let reference = benchmark.printed.number else {
            standing = .notComparable
            return
        }
        guard let higherIsBetter = polarity.higherIsBetter else {
            standing = value == reference ? .level : value > reference ? .above : .below
            return
        }
        let better = higherIsBetter ? value > reference : value < reference
        if benchmark.kind == .nationalTopQuartile {
            standing = better || value == reference ? .insideTopQuartile : .outsideTopQuartile
        } else {
            standing = value == reference ? .level : better ? .better : .worse
        }
    }

    /// Pairs that should sit one way round under the polarity (the best statistical neighbour
    /// at or beyond their average; the top quartile at or beyond the national average), and a
    /// sentence for each pair that does not (seed 001:5177: best 58.7% under average 76.7%).
    static func orderProblems(_ benchmarks: [Benchmark], polarity: Polarity) -> [String] {
        guard let higherIsBetter = polarity.higherIsBetter else { return [] }
        func value(_ kind: BenchmarkKind) -> (Double, String)? {
            guard let cell = benchmarks.first(where: { $0.kind == kind })?.printed, let number = cell.number else { return nil }
            return (number, cell.text)
        }
        let pairs: [(BenchmarkKind, BenchmarkKind)] = [(.bestStatNeighbour, .statNeighbourAverage), (.nationalTopQuartile, .nationalAverage)]
        return pairs.compactMap { good, average in
            guard let best = value(good), let mean = value(average), higherIsBetter ? best.0 < mean.0 : best.0 > mean.0 else { return nil }
            let side = higherIsBetter ? "below" : "above"
            let rule = higherIsBetter ? "high is good" : "low is good"
            return "the \(good.rawValue) \(best.1) is \(side) the \(average.rawValue) \(mean.1) although \(rule); check which column each figure belongs to"
        }
    }
}
