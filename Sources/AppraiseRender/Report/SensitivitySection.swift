import AppraiseKit

/// How robust the ranking is, as the pack shows it: the exact analyses (sweeps, crossovers,
/// minimum changes, score thresholds, scenarios, leave-one-out, dominance) and SMAA rank
/// acceptability — exact when the exact analysis fits the report's work budget (judged before it
/// starts by `ExactSMAA.reportEstimateLimit`, held while it runs by `ExactSMAA.reportBudget`), otherwise drawn
/// with the fixed default seed and sample count, which the manifest records with the reason so
/// anyone can reproduce the shares.
public struct SensitivitySection {
    public let report: SensitivityReport
    public let acceptability: Acceptability

    /// Rank acceptability as computed for the pack.
    public enum Acceptability {
        case exact(ExactSMAA.Result)
        /// Sampled, with the reason the exact analysis was not used, in words.
        case sampled(SMAA.Result, reason: String)
    }

    public init(appraisal: Appraisal, matrix: DecisionMatrix, selection: WeightSelection) throws {
        report = try SensitivityReport(matrix: matrix, weights: selection, appraisal: appraisal)
        switch try SensitivitySection.exact(matrix: matrix, weights: selection.weights) {
        case .success(let exact):
            acceptability = .exact(exact)
        case .failure(let skipped):
            acceptability = .sampled(try SMAA.run(matrix: matrix, weights: selection.weights, configuration: SMAA.Configuration()),
                                     reason: skipped.reason)
        }
    }

    /// Why the exact analysis was not used.
    struct Skipped: Error {
        let reason: String
    }

    /// The exact analysis when its estimate fits the report's budget and it finishes within it.
    private static func exact(matrix: DecisionMatrix, weights: Weights) throws -> Result<ExactSMAA.Result, Skipped> {
        let size = "\(matrix.optionCount) options and \(matrix.criterionCount) criteria"
        let estimate = try ExactSMAA.estimate(matrix: matrix, weights: weights, region: .uniform, allRanks: true)
        guard estimate.fits(ExactSMAA.reportEstimateLimit) else {
            return .failure(Skipped(reason: "computing them exactly for \(size) with numbers of this length could take longer than a report allows"))
        }
        do {
            return .success(try ExactSMAA.run(matrix: matrix, weights: weights, region: .uniform, allRanks: true, budget: ExactSMAA.reportBudget))
        } catch is ExactSMAA.WorkLimitReached {
            return .failure(Skipped(reason: "computing them exactly for \(size) ran past the work a report allows"))
        }
    }

    public var tables: [Table] {
        SensitivityRenderer.tables(report) + smaaTables
    }

    var smaaTables: [Table] {
        switch acceptability {
        case .exact(let result): SMAARenderer.tables(result, labels: report.names)
        case .sampled(let result, let reason): SMAARenderer.tables(result, labels: report.names, sampledBecause: reason)
        }
    }

    /// `shares[option][rank]` as decimals, however computed, for charts.
    public var rankShares: [[Double]] {
        switch acceptability {
        case .exact(let result):
            let exact = result.rankAcceptability ?? result.firstRank.map { [$0] + Array(repeating: .zero, count: result.optionIDs.count - 1) }
            return exact.map { $0.map(\.doubleValue) }
        case .sampled(let result, _):
            return result.rankAcceptability
        }
    }

    /// Where the shares come from, in words, for a chart's description.
    public var rankSharesBasis: String {
        switch acceptability {
        case .exact: "Exact shares of all weightings (SMAA without sampling)"
        case .sampled(let result, _): "Shares of \(result.configuration.samples) weightings drawn at random (SMAA)"
        }
    }

    /// The acceptability findings in words.
    public var smaaStatements: [String] {
        switch acceptability {
        case .exact(let result): RobustnessStatements.exactSMAA(result, names: report.names)
        case .sampled(let result, let reason):
            RobustnessStatements.smaa(result, names: report.names) + ["These shares are sampled rather than exact: " + reason + "."]
        }
    }

    public var json: JSONValue {
        let smaa: JSONValue
        switch acceptability {
        case .exact(let result): smaa = SMAARenderer.json(result)
        case .sampled(let result, _): smaa = SMAARenderer.json(result)
        }
        return .object(["analyses": SensitivityRenderer.json(report), "smaa": smaa])
    }

    /// How the acceptabilities were computed, for the manifest.
    public var settings: JSONValue {
        switch acceptability {
        case .exact:
            return .object(["method": .string("exact"), "weights": .string("uniform")])
        case .sampled(let result, let reason):
            let configuration = result.configuration
            return .object([
                "method": .string("sampled"),
                "whyNotExact": .string(reason),
                "samples": .number(configuration.samples),
                "seed": .number(String(configuration.seed)),
                "weights": .string(model(configuration.weights)),
                "scoreSpread": .number(configuration.scoreSpread),
            ])
        }
    }

    func model(_ weights: SMAA.WeightModel) -> String {
        switch weights {
        case .uniform: "uniform"
        case .ordered(let order): "ordered: " + order.joined(separator: " > ")
        case .around(let percent): "around: ±\(fixedDecimal(percent, places: 2))%"
        }
    }
}
