// Measures the robustness analyses: SMAA samples per second on the reference appraisal (8 × 8)
// and on a generated 1,000-option × 50-criterion appraisal, and the time for every exact
// analysis on the large one. Writes both matrices as CSV for the numpy reference
// (Benchmarks/smaa_reference.py), which Benchmarks/run.sh runs on the same input.
//
//   swift run -c release appraise-benchmark [--out DIR] [--small-samples N] [--large-samples N] [--random-files N] [--only vfm|smaa|exact-smaa|analyses]
//   swift run -c release appraise-benchmark --programme   (programme optimiser, frontier, robustness)
//   swift run -c release appraise-benchmark --write-appraisal PATH   (the 1,000 × 50 as an appraisal file, for `report`)

import AppraiseKit
import Foundation

struct Options {
    var outputDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-benchmark").path
    var smallSamples = 20_000_000
    var largeSamples = 40_000
    /// Random 8 × 8 appraisals the exact SMAA benchmark times.
    var randomFiles = 1_000
    /// One part only: `vfm`, `smaa`, `exact-smaa` or `analyses`; nil runs them all.
    var only: String?

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--out": outputDirectory = value
            case "--small-samples": smallSamples = count(value, flag)
            case "--large-samples": largeSamples = count(value, flag)
            case "--random-files": randomFiles = count(value, flag)
            case "--only":
                guard ["vfm", "smaa", "exact-smaa", "analyses"].contains(value) else { fail("--only is vfm, smaa, exact-smaa or analyses") }
                only = value
            default: fail("unknown option \(flag)")
            }
        }
    }
}

func count(_ text: String, _ flag: String) -> Int {
    guard let value = Int(text), value > 0 else { fail("\(flag) needs a whole number above 0") }
    return value
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("appraise-benchmark: \(message)\n".utf8))
    exit(2)
}

/// Peak resident memory of this process so far, in MiB.
func peakMemory() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func line(_ key: String, _ value: String) {
    print(key.padding(toLength: max(44, key.count + 2), withPad: " ", startingAt: 0) + value)
}

/// The Rotherham 2017 scores, equal weights.
let referenceScores: [[Int]] = [
    [4, 5, 4, 4, 3, 4, 5, 4], [4, 2, 3, 3, 3, 2, 2, 3], [4, 2, 4, 3, 2, 5, 2, 3], [5, 2, 4, 3, 2, 5, 2, 3],
    [4, 2, 1, 1, 1, 3, 2, 2], [3, 2, 2, 2, 3, 2, 2, 2], [3, 2, 2, 1, 2, 2, 1, 2], [4, 3, 3, 3, 3, 3, 3, 4],
]

func matrix(_ scores: [[Int]], maximum: Int) -> DecisionMatrix {
    DecisionMatrix(optionIDs: scores.indices.map { "option-\($0 + 1)" },
                   criterionIDs: (0..<(scores.first?.count ?? 0)).map { "criterion-\($0 + 1)" },
                   scores: scores.map { $0.map(Rational.init) },
                   scale: ScoreScale(minimum: .zero, maximum: Rational(maximum), step: .one))
}

/// 1,000 options × 50 criteria, scores 0–10 and weights 1–10, drawn from seed 2017: options
/// differ in overall quality (as real shortlists do) and in their particular strengths.
func generated() -> (DecisionMatrix, Weights) {
    var rng = Xoshiro256StarStar(seed: 2017)
    let scores = (0..<1000).map { _ -> [Int] in
        let quality = Int(rng.nextInteger(below: 7))
        return (0..<50).map { _ in min(10, quality + Int(rng.nextInteger(below: 5))) }
    }
    let weights = Weights((0..<50).map { _ in Rational(Int(rng.nextInteger(below: 10)) + 1) })!
    return (matrix(scores, maximum: 10), weights)
}

func writeCSV(_ matrix: DecisionMatrix, _ weights: Weights, to path: String) throws {
    var text = weights.normalised.map { String($0.doubleValue) }.joined(separator: ",") + "\n"
    for row in matrix.scores { text += row.map { $0.description }.joined(separator: ",") + "\n" }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

func runSMAA(_ label: String, _ matrix: DecisionMatrix, _ weights: Weights, samples: Int) throws -> SMAA.Result {
    var result: SMAA.Result?
    let time = try seconds {
        result = try SMAA.run(matrix: matrix, weights: weights, configuration: SMAA.Configuration(samples: samples, seed: 1))
    }
    line("smaa \(label) samples", "\(samples)")
    line("smaa \(label) seconds", fixedDecimal(time, places: 3))
    line("smaa \(label) samples per second", String(Int(Double(samples) / time)))
    line("smaa \(label) peak memory MiB", fixedDecimal(peakMemory(), places: 1))
    return result!
}

/// The generated matrix as an appraisal file, so the whole `report` can be timed on it.
func writeAppraisal(_ matrix: DecisionMatrix, _ weights: Weights, to path: String) throws {
    let criteria = zip(matrix.criterionIDs, weights.entered).enumerated().map { index, pair in
        Criterion(id: pair.0, name: "Criterion \(index + 1)", weight: pair.1)
    }
    let options = matrix.optionIDs.enumerated().map { index, id in Option(id: id, name: "Option \(index + 1)") }
    let scores = matrix.optionIDs.indices.flatMap { row in
        matrix.criterionIDs.indices.map { column in
            Score(option: matrix.optionIDs[row], criterion: matrix.criterionIDs[column], value: matrix.scores[row][column])
        }
    }
    let appraisal = Appraisal(id: "generated-1000x50", title: "Generated appraisal, 1,000 options × 50 criteria",
                              body: "appraise-benchmark", date: "2026", scale: matrix.scale,
                              criteria: criteria, options: options, scores: scores)
    try AppraisalEncoding.text(appraisal).write(toFile: path, atomically: true, encoding: .utf8)
}

let commandLine = Array(CommandLine.arguments.dropFirst())
if commandLine.count == 2, commandLine[0] == "--write-appraisal" {
    let (large, largeWeights) = generated()
    try writeAppraisal(large, largeWeights, to: commandLine[1])
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "--programme" {
    try runProgrammeBenchmarks()
    exit(0)
}
let options = Options(CommandLine.arguments)
try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
let small = matrix(referenceScores, maximum: 5)
let smallWeights = Weights.equal(count: 8)
let (large, largeWeights) = generated()
if options.only == "vfm" {
    benchmarkValueForMoney(large, largeWeights)
    exit(0)
}
try writeCSV(small, smallWeights, to: options.outputDirectory + "/reference-8x8.csv")
try writeCSV(large, largeWeights, to: options.outputDirectory + "/generated-1000x50.csv")
line("cores", String(ProcessInfo.processInfo.activeProcessorCount))
line("input files", options.outputDirectory)

func runs(_ name: String) -> Bool { options.only == nil || options.only == name }

// Memory must not grow with the number of samples: run a tenth first, then the full count.
if runs("smaa") {
    _ = try runSMAA("8x8 (warm-up, 1/10)", small, smallWeights, samples: options.smallSamples / 10)
    let smallResult = try runSMAA("8x8", small, smallWeights, samples: options.smallSamples)
    line("smaa 8x8 first-place share, option 1", fixedDecimal(smallResult.rankAcceptability[0][0], places: 4))
    _ = try runSMAA("1000x50 (warm-up, 1/10)", large, largeWeights, samples: options.largeSamples / 10)
    _ = try runSMAA("1000x50", large, largeWeights, samples: options.largeSamples)
}

if runs("exact-smaa") {
    try runExactSMAABenchmarks(outputDirectory: options.outputDirectory, randomFiles: options.randomFiles)
}

// Every exact analysis on the large appraisal, one by one and then as the bundled report.
if runs("analyses") {
    let selection = WeightSelection(id: "generated", name: "generated weights", weights: largeWeights)
    var report: SensitivityReport?
    let parts: [(String, () -> Void)] = [
        ("weight sweeps", { _ = WeightSweep.all(matrix: large, weights: largeWeights) }),
        ("minimum weight changes", { _ = MinimumWeightChanges(sweeps: WeightSweep.all(matrix: large, weights: largeWeights)) }),
        ("score thresholds", { _ = ScoreThresholds(matrix: large, weights: largeWeights) }),
        ("leave one out", { _ = LeaveOneOut.all(matrix: large, weights: largeWeights) }),
        ("dominance and never-first", { _ = Dominance(matrix: large) }),
    ]
    for (name, work) in parts { line("exact 1000x50 \(name) seconds", fixedDecimal(seconds(work), places: 3)) }
    let total = try seconds { report = try SensitivityReport(matrix: large, weights: selection) }
    line("exact 1000x50 full report seconds", fixedDecimal(total, places: 3))
    if let report {
        line("exact 1000x50 never first", "\(report.dominance.neverFirst.count) of 1000")
        line("exact 1000x50 first alone possible", "\(report.dominance.canBeFirstAlone.count) of 1000")
        line("exact 1000x50 dominated", "\(report.dominance.dominated.count) of 1000")
    }
}
line("peak memory MiB", fixedDecimal(peakMemory(), places: 1))
benchmarkValueForMoney(large, largeWeights)
