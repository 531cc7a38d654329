import Dispatch
import Foundation

/// Stochastic multicriteria acceptability analysis (SMAA-2; Lahdelma & Salminen, 2001): draw
/// many weightings (and, optionally, scores) at random and count how often each option takes
/// each rank. It answers "how often is X first if we do not know the weights?" where the
/// exact analyses answer "which weights make X first?".
///
/// Reproducible: samples are split into chunks of `chunkSize`; chunk c draws from stream c of
/// `Xoshiro256StarStar(seed:)` (the seeded state jumped c times) and chunk results are added
/// in chunk order, so the numbers depend only on the matrix, weights and configuration, never
/// on the machine, the number of cores or the order threads finish.
public enum SMAA {
    /// How weights are drawn.
    public enum WeightModel: Sendable, Equatable {
        /// Uniformly over all weightings (the simplex): every weighting equally likely.
        case uniform
        /// Uniformly over the weightings that respect an order of importance (criterion ids,
        /// most important first): w(first) ≥ w(second) ≥ …
        case ordered([String])
        /// Uniformly over the weightings within ± `percent` per cent of each current weight
        /// (0.8 to 1.2 times it for 20), still summing to one; 0 keeps the weights fixed.
        case around(percent: Double)
    }

    public struct Configuration: Sendable, Equatable {
        public var samples: Int
        public var seed: UInt64
        public var weights: WeightModel
        /// Each score moves by a whole number of steps drawn uniformly from −k…k, then is
        /// clipped to the scale; 0 keeps the scores as they are.
        public var scoreSpread: Int

        public init(samples: Int = Configuration.defaultSamples, seed: UInt64 = Configuration.defaultSeed,
                    weights: WeightModel = .uniform, scoreSpread: Int = 0) {
            self.samples = samples
            self.seed = seed
            self.weights = weights
            self.scoreSpread = scoreSpread
        }

        /// Ten thousand samples: a margin of error under one percentage point.
        public static let defaultSamples = 10_000
        public static let defaultSeed: UInt64 = 1
    }

    public struct Result: Sendable, Equatable {
        public let configuration: Configuration
        public let optionIDs: [String]
        public let criterionIDs: [String]
        /// `rankAcceptability[i][r]`: the share of samples in which option i is ranked r + 1.
        /// Options level in a sample share the ranks they span equally, so each row and each
        /// column sums to one.
        public let rankAcceptability: [[Double]]
        /// The average weights of the samples in which each option is first; nil for an
        /// option never first.
        public let centralWeights: [[Double]?]
        /// The share of score draws in which each option is first when its central weights
        /// are used (with scores fixed, 1 if it is first at its central weights, else 0; a
        /// share if level); nil for an option never first.
        public let confidence: [Double?]
        /// Half-width of the 95% confidence interval of any share above, at its widest
        /// (share 0.5): 1.96 × √(0.25 / samples).
        public let marginOfError: Double
    }

    /// Samples per chunk. Part of the definition of a seeded result: changing it changes the
    /// numbers, as changing the seed does.
    public static let chunkSize = 1024

    /// Runs the simulation around `weights` (the centre for `.around`).
    public static func run(matrix: DecisionMatrix, weights: Weights, configuration: Configuration) throws -> Result {
        try run(matrix: matrix, weights: weights, configuration: configuration, concurrent: true)
    }

    static func run(matrix: DecisionMatrix, weights: Weights, configuration: Configuration, concurrent: Bool) throws -> Result {
        guard configuration.samples > 0 else { throw SensitivityError.invalidSetting("the number of samples must be at least 1") }
        guard configuration.scoreSpread >= 0 else { throw SensitivityError.invalidSetting("the score spread cannot be negative") }
        guard matrix.optionCount > 0 else { throw SensitivityError.invalidSetting("there are no options to simulate") }
        let model = try SamplingModel(matrix: matrix, weights: weights.normalised, configuration: configuration)
        let m = model.m, n = model.n
        let samples = configuration.samples

        var source = Xoshiro256StarStar(seed: configuration.seed)
        var ranks = Array(repeating: 0.0, count: m * m)
        var central = Array(repeating: 0.0, count: m * n)
        var first = Array(repeating: 0.0, count: m)
        let chunks = (samples + chunkSize - 1) / chunkSize
        runChunks(count: chunks, model: model, concurrent: concurrent, source: &source,
                  sizeOf: { min(chunkSize, samples - $0 * chunkSize) }) { chunk, state, buffers in
            model.sampleRanks(count: chunk, rng: &state, buffers: buffers)
        } merge: { buffers in
            for index in 0..<(m * m) { ranks[index] += buffers.ranks[index] }
            for index in 0..<(m * n) { central[index] += buffers.central[index] }
            for index in 0..<m { first[index] += buffers.first[index] }
        }

        let total = Double(samples)
        let acceptability: [[Double]] = (0..<m).map { i in
            let row: [Double] = (0..<m).map { rank in ranks[i * m + rank] / total }
            return row
        }
        let centralWeights: [[Double]?] = (0..<m).map { i in
            guard first[i] > 0 else { return nil }
            let row: [Double] = (0..<n).map { k in central[i * n + k] / first[i] }
            return row
        }
        var confidence: [Double?] = Array(repeating: nil, count: m)
        for i in 0..<m {
            guard let weights = centralWeights[i] else { continue }
            if configuration.scoreSpread == 0 {
                confidence[i] = model.firstShare(of: i, weights: weights)
                continue
            }
            var share = 0.0
            runChunks(count: chunks, model: model, concurrent: concurrent, source: &source,
                      sizeOf: { min(chunkSize, samples - $0 * chunkSize) }) { chunk, state, buffers in
                buffers.first[0] = model.sampleFirst(option: i, weights: weights, count: chunk, rng: &state, buffers: buffers)
            } merge: { buffers in
                share += buffers.first[0]
            }
            confidence[i] = share / total
        }
        return Result(configuration: configuration, optionIDs: matrix.optionIDs, criterionIDs: matrix.criterionIDs,
                      rankAcceptability: acceptability, centralWeights: centralWeights, confidence: confidence,
                      marginOfError: 1.96 * (0.25 / total).squareRoot())
    }

    /// Runs `count` chunks, each from the next stream of `source`, a batch at a time across
    /// the cores, merging each chunk's buffers in chunk order. Memory is one set of buffers
    /// per chunk of a batch, whatever the number of samples.
    private static func runChunks(count: Int, model: SamplingModel, concurrent: Bool, source: inout Xoshiro256StarStar,
                                  sizeOf: (Int) -> Int,
                                  work: @escaping @Sendable (Int, inout Xoshiro256StarStar, ChunkBuffers) -> Void,
                                  merge: (ChunkBuffers) -> Void) {
        // Up to four chunks per core in flight, within about 32 MiB of buffers, and a multiple
        // of the cores so that none waits at the end of a batch.
        let perChunkBytes = 8 * (model.m * model.m + model.m * model.n + model.m) + 1
        let cores = concurrent ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let batchSize = max(cores, min(4 * cores, (32 << 20) / perChunkBytes) / cores * cores)
        let pool = (0..<min(batchSize, count)).map { _ in ChunkBuffers(model: model) }
        var start = 0
        while start < count {
            let batch = min(batchSize, count - start)
            var states: [Xoshiro256StarStar] = []
            for _ in 0..<batch {
                states.append(source)
                source.jump()
            }
            let sizes = (0..<batch).map { sizeOf(start + $0) }
            let streams = states
            if concurrent && batch > 1 {
                DispatchQueue.concurrentPerform(iterations: batch) { index in
                    var state = streams[index]
                    pool[index].reset()
                    work(sizes[index], &state, pool[index])
                }
            } else {
                for index in 0..<batch {
                    var state = streams[index]
                    pool[index].reset()
                    work(sizes[index], &state, pool[index])
                }
            }
            for index in 0..<batch { merge(pool[index]) }
            start += batch
        }
    }
}

/// Per-chunk scratch and tallies, allocated once per batch slot and reused.
final class ChunkBuffers: @unchecked Sendable {
    let ranks: UnsafeMutablePointer<Double>
    let central: UnsafeMutablePointer<Double>
    let first: UnsafeMutablePointer<Double>
    let weights: UnsafeMutablePointer<Double>
    let uniforms: UnsafeMutablePointer<Double>
    let totals: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    let scores: UnsafeMutablePointer<Double>
    private let m: Int
    private let n: Int

    init(model: SamplingModel) {
        m = model.m
        n = model.n
        ranks = .allocate(capacity: m * m)
        central = .allocate(capacity: m * n)
        first = .allocate(capacity: m)
        weights = .allocate(capacity: n)
        uniforms = .allocate(capacity: n)
        totals = .allocate(capacity: m)
        order = .allocate(capacity: m)
        scores = .allocate(capacity: m * n)
        scores.initialize(from: model.scores, count: m * n)
    }

    func reset() {
        ranks.update(repeating: 0, count: m * m)
        central.update(repeating: 0, count: m * n)
        first.update(repeating: 0, count: m)
    }

    deinit {
        for pointer in [ranks, central, first, weights, uniforms, totals, scores] { pointer.deallocate() }
        order.deallocate()
    }
}

/// The matrix and sampling rules in the flat Double form the hot loop reads.
struct SamplingModel: Sendable {
    let m: Int
    let n: Int
    /// Scores criterion-major (`scores[k * m + i]`), so totals accumulate along contiguous rows.
    let scores: [Double]
    let centre: [Double]
    let order: [Int]?
    /// For `.around`: each weight's bounds, and the criterion whose weight is solved for.
    let lower: [Double]
    let upper: [Double]
    let dependent: Int
    let fixedWeights: Bool
    let spread: Int
    let step: Double
    let minimum: Double
    let maximum: Double

    init(matrix: DecisionMatrix, weights: [Rational], configuration: SMAA.Configuration) throws {
        m = matrix.optionCount
        n = matrix.criterionCount
        var flat = Array(repeating: 0.0, count: m * n)
        for i in 0..<m { for k in 0..<n { flat[k * m + i] = matrix.scores[i][k].doubleValue } }
        scores = flat
        centre = weights.map(\.doubleValue)
        spread = configuration.scoreSpread
        step = matrix.scale.step.doubleValue
        minimum = matrix.scale.minimum.doubleValue
        maximum = matrix.scale.maximum.doubleValue
        switch configuration.weights {
        case .uniform:
            order = nil
            (lower, upper, dependent, fixedWeights) = ([], [], 0, false)
        case .ordered(let ids):
            order = try importanceOrder(ids, criteria: matrix.criterionIDs)
            (lower, upper, dependent, fixedWeights) = ([], [], 0, false)
        case .around(let percent):
            guard percent >= 0, percent.isFinite else {
                throw SensitivityError.invalidSetting("the weight spread must be a percentage of at least 0")
            }
            order = nil
            let fraction = percent / 100
            lower = centre.map { max(0, $0 * (1 - fraction)) }
            upper = centre.map { min(1, $0 * (1 + fraction)) }
            let widths = zip(lower, upper).map { $1 - $0 }
            dependent = widths.indices.max { widths[$0] < widths[$1] } ?? 0
            fixedWeights = percent == 0
        }
    }

    /// Draws one weighting into `w`.
    @inline(__always)
    func drawWeights(_ w: UnsafeMutablePointer<Double>, _ u: UnsafeMutablePointer<Double>, _ rng: inout Xoshiro256StarStar) {
        if fixedWeights {
            for k in 0..<n { w[k] = centre[k] }
            return
        }
        if !lower.isEmpty {
            // Uniform on the box's slice of the simplex: all but one weight uniform in their
            // bounds, the last making the sum one; redrawn until it too is within bounds.
            while true {
                var sum = 0.0
                for k in 0..<n where k != dependent {
                    w[k] = lower[k] + (upper[k] - lower[k]) * rng.nextUnitInterval()
                    sum += w[k]
                }
                let last = 1 - sum
                if last >= lower[dependent] && last <= upper[dependent] {
                    w[dependent] = last
                    return
                }
            }
        }
        // Uniform on the simplex: the gaps between n − 1 sorted uniforms on [0, 1]. Only
        // sorting and subtraction, so the same bits on every machine (no logarithms).
        for k in 0..<(n - 1) { u[k] = rng.nextUnitInterval() }
        sortAscending(u, n - 1)
        var previous = 0.0
        for k in 0..<(n - 1) {
            w[k] = u[k] - previous
            previous = u[k]
        }
        w[n - 1] = 1 - previous
        if let order {
            // Sorting a uniform point of the simplex and handing out the largest weight to the
            // most important criterion is uniform on the ordered part (one of n! mirror images).
            for k in 0..<n { u[k] = w[k] }
            sortAscending(u, n)
            for (rank, criterion) in order.enumerated() { w[criterion] = u[n - 1 - rank] }
        }
    }

    /// Fills `s` with the scores of `base` each moved by −spread…spread steps, clipped to the scale.
    @inline(__always)
    func drawScores(_ s: UnsafeMutablePointer<Double>, _ base: UnsafePointer<Double>, _ rng: inout Xoshiro256StarStar) {
        let width = UInt64(2 * spread + 1)
        for index in 0..<(m * n) {
            let offset = Double(Int(rng.nextInteger(below: width)) - spread)
            s[index] = min(maximum, max(minimum, base[index] + offset * step))
        }
    }

    @inline(__always)
    func computeTotals(_ t: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, _ s: UnsafePointer<Double>) {
        t.update(repeating: 0, count: m)
        for k in 0..<n {
            let weight = w[k]
            let row = s + k * m
            for i in 0..<m { t[i] += weight * row[i] }
        }
    }

    /// Runs `count` samples, tallying ranks, first-place weights and first-place shares.
    func sampleRanks(count: Int, rng: inout Xoshiro256StarStar, buffers b: ChunkBuffers) {
        let perturb = spread > 0
        scores.withUnsafeBufferPointer { base in
            let s = perturb ? UnsafePointer(b.scores) : base.baseAddress!
            for _ in 0..<count {
                drawWeights(b.weights, b.uniforms, &rng)
                if perturb { drawScores(b.scores, base.baseAddress!, &rng) }
                computeTotals(b.totals, b.weights, s)
                if m <= 16 {
                    tallyByCounting(b)
                    continue
                }
                for i in 0..<m { b.order[i] = Int32(i) }
                sortByTotalDescending(b.order, b.totals, m)
                var position = 0
                while position < m {
                    let value = b.totals[Int(b.order[position])]
                    var end = position + 1
                    while end < m && b.totals[Int(b.order[end])] == value { end += 1 }
                    if end == position + 1 {
                        let option = Int(b.order[position])
                        b.ranks[option * m + position] += 1
                        if position == 0 {
                            b.first[option] += 1
                            for k in 0..<n { b.central[option * n + k] += b.weights[k] }
                        }
                    } else {
                        let share = 1 / Double(end - position)
                        for place in position..<end {
                            let option = Int(b.order[place])
                            for rank in position..<end { b.ranks[option * m + rank] += share }
                            if position == 0 {
                                b.first[option] += share
                                for k in 0..<n { b.central[option * n + k] += share * b.weights[k] }
                            }
                        }
                    }
                    position = end
                }
            }
        }
    }

    /// Ranks a few options by counting, for each, the totals above and level with its own:
    /// m² branch-free comparisons beat sorting when m is small.
    @inline(__always)
    private func tallyByCounting(_ b: ChunkBuffers) {
        for i in 0..<m {
            let own = b.totals[i]
            var above = 0, level = 0
            for j in 0..<m {
                let other = b.totals[j]
                // A Bool's byte is 0 or 1: adding it keeps the loop free of branches.
                above &+= Int(unsafeBitCast(other > own, to: UInt8.self))
                level &+= Int(unsafeBitCast(other == own, to: UInt8.self))
            }
            if level == 1 {
                b.ranks[i * m + above] += 1
                if above == 0 {
                    b.first[i] += 1
                    for k in 0..<n { b.central[i * n + k] += b.weights[k] }
                }
            } else {
                let share = 1 / Double(level)
                for rank in above..<(above + level) { b.ranks[i * m + rank] += share }
                if above == 0 {
                    b.first[i] += share
                    for k in 0..<n { b.central[i * n + k] += share * b.weights[k] }
                }
            }
        }
    }

    /// The summed first-place share of `option` over `count` score draws at fixed weights.
    func sampleFirst(option: Int, weights: [Double], count: Int, rng: inout Xoshiro256StarStar, buffers b: ChunkBuffers) -> Double {
        for k in 0..<n { b.weights[k] = weights[k] }
        var share = 0.0
        scores.withUnsafeBufferPointer { base in
            for _ in 0..<count {
                drawScores(b.scores, base.baseAddress!, &rng)
                computeTotals(b.totals, b.weights, b.scores)
                share += firstShare(of: option, totals: b.totals)
            }
        }
        return share
    }

    /// The option's share of first place at fixed weights and the scores as they are.
    func firstShare(of option: Int, weights: [Double]) -> Double {
        let totals = UnsafeMutablePointer<Double>.allocate(capacity: m)
        defer { totals.deallocate() }
        weights.withUnsafeBufferPointer { w in
            scores.withUnsafeBufferPointer { s in computeTotals(totals, w.baseAddress!, s.baseAddress!) }
        }
        return firstShare(of: option, totals: totals)
    }

    @inline(__always)
    private func firstShare(of option: Int, totals: UnsafePointer<Double>) -> Double {
        var best = totals[0]
        for i in 1..<m where totals[i] > best { best = totals[i] }
        guard totals[option] == best else { return 0 }
        var level = 0
        for i in 0..<m where totals[i] == best { level += 1 }
        return 1 / Double(level)
    }
}

/// Sorts `count` doubles in place, ascending: for short runs (the usual case, one value per
/// criterion) odd–even transposition, whose compare-exchanges are branch-free min/max pairs
/// that random data cannot mispredict; quicksort above.
@inline(__always)
private func sortAscending(_ values: UnsafeMutablePointer<Double>, _ count: Int) {
    guard count > 16 else {
        for round in 0..<count {
            var index = round & 1
            while index + 1 < count {
                let (a, b) = (values[index], values[index + 1])
                values[index] = Swift.min(a, b)
                values[index + 1] = Swift.max(a, b)
                index += 2
            }
        }
        return
    }
    quickSortAscending(values, count)
}

@inline(__always)
private func insertionSortAscending(_ values: UnsafeMutablePointer<Double>, _ low: Int, _ high: Int) {
    guard high > low else { return }
    for index in (low + 1)...high {
        let value = values[index]
        var place = index
        while place > low && value < values[place - 1] {
            values[place] = values[place - 1]
            place -= 1
        }
        values[place] = value
    }
}

private func quickSortAscending(_ values: UnsafeMutablePointer<Double>, _ count: Int) {
    var low = 0, high = count - 1
    while high - low > 16 {
        let middle = low + (high - low) / 2
        if values[middle] < values[low] { values.swapAt(middle, low) }
        if values[high] < values[low] { values.swapAt(high, low) }
        if values[high] < values[middle] { values.swapAt(high, middle) }
        let pivot = values[middle]
        var i = low, j = high
        while i <= j {
            while values[i] < pivot { i += 1 }
            while pivot < values[j] { j -= 1 }
            if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
        }
        // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
        if j - low < high - i {
            quickSortAscending(values + low, j - low + 1)
            low = i
        } else {
            quickSortAscending(values + i, high - i + 1)
            high = j
        }
    }
    insertionSortAscending(values, low, high)
}

/// Sorts option indices by their totals, largest first, in place (same scheme as above).
@inline(__always)
private func sortByTotalDescending(_ order: UnsafeMutablePointer<Int32>, _ totals: UnsafePointer<Double>, _ count: Int) {
    if count <= 16 {
        insertionSortDescending(order, totals, 0, count - 1)
    } else {
        quickSortDescending(order, totals, count)
    }
}

@inline(__always)
private func insertionSortDescending(_ order: UnsafeMutablePointer<Int32>, _ totals: UnsafePointer<Double>, _ low: Int, _ high: Int) {
    guard high > low else { return }
    for index in (low + 1)...high {
        let kept = order[index]
        let value = totals[Int(kept)]
        var place = index
        while place > low && value > totals[Int(order[place - 1])] {
            order[place] = order[place - 1]
            place -= 1
        }
        order[place] = kept
    }
}

private func quickSortDescending(_ order: UnsafeMutablePointer<Int32>, _ totals: UnsafePointer<Double>, _ count: Int) {
    var low = 0, high = count - 1
    while high - low > 16 {
        let middle = low + (high - low) / 2
        if totals[Int(order[middle])] > totals[Int(order[low])] { order.swapAt(middle, low) }
        if totals[Int(order[high])] > totals[Int(order[low])] { order.swapAt(high, low) }
        if totals[Int(order[high])] > totals[Int(order[middle])] { order.swapAt(high, middle) }
        let pivot = totals[Int(order[middle])]
        var i = low, j = high
        while i <= j {
            while totals[Int(order[i])] > pivot { i += 1 }
            while pivot > totals[Int(order[j])] { j -= 1 }
            if i <= j { order.swapAt(i, j); i += 1; j -= 1 }
        }
        if j - low < high - i {
            quickSortDescending(order + low, totals, j - low + 1)
            low = i
        } else {
            quickSortDescending(order + i, totals, high - i + 1)
            high = j
        }
    }
    insertionSortDescending(order, totals, low, high)
}

extension UnsafeMutablePointer {
    @inline(__always)
    fileprivate func swapAt(_ a: Int, _ b: Int) {
        let kept = self[a]
        self[a] = self[b]
        self[b] = kept
    }
}
