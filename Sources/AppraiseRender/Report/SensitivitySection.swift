import AppraiseKit

/// How robust the ranking is, as the pack shows it: the exact analyses (sweeps, crossovers,
/// minimum changes, score thresholds, scenarios, leave-one-out, dominance) and SMAA rank
/// acceptability — exact for appraisals of everyday size (`ExactSMAA.isTractable`), beyond
/// that drawn with the fixed default seed and sample count, which the manifest records so
/// anyone can reproduce the shares.
public struct SensitivitySection {
    public let report: SensitivityReport
    public let acceptability: Acceptability

    /// Rank acceptability as computed for the pack.
    public enum Acceptability {
        case exact(ExactSMAA.Result)
        case sampled(SMAA.Result)
    }

    public init(appraisal: Appraisal, matrix: DecisionMatrix, selection: WeightSelection) throws {
        report = try SensitivityReport(matrix: matrix, weights: selection, appraisal: appraisal)
        if ExactSMAA.isTractable(options: matrix.optionCount, criteria: matrix.criterionCount),
           let exact = try SensitivitySection.exact(matrix: matrix, weights: selection.weights) {
            acceptability = .exact(exact)
        } else {
            acceptability = .sampled(try SMAA.run(matrix: matrix, weights: selection.weights, configuration: SMAA.Configuration()))
        }
    }

    /// The exact analysis within the report's work limit; nil when it would take longer.
    private static func exact(matrix: DecisionMatrix, weights: Weights) throws -> ExactSMAA.Result? {
        do {
            return try ExactSMAA.run(matrix: matrix, weights: weights, region: .uniform, allRanks: true, workLimit: ExactSMAA.reportWorkLimit)
        } catch is ExactSMAA.WorkLimitReached {
            return nil
        }
    }

    public var tables: [Table] {
        SensitivityRenderer.tables(report) + smaaTables
    }

    var smaaTables: [Table] {
        switch acceptability {
        case .exact(let result): SMAARenderer.tables(result, labels: report.names)
        case .sampled(let result): SMAARenderer.tables(result, labels: report.names)
        }
    }

    /// `shares[option][rank]` as decimals, however computed, for charts.
    public var rankShares: [[Double]] {
        switch acceptability {
        case .exact(let result):
            let exact = result.rankAcceptability ?? result.firstRank.map { [$0] + Array(repeating: .zero, count: result.optionIDs.count - 1) }
            return exact.map { $0.map(\.doubleValue) }
        case .sampled(let result):
            return result.rankAcceptability
        }
    }

    /// Where the shares come from, in words, for a chart's description.
    public var rankSharesBasis: String {
        switch acceptability {
        case .exact: "Exact shares of all weightings (SMAA without sampling)"
        case .sampled(let result): "Shares of \(result.configuration.samples) weightings drawn at random (SMAA)"
        }
    }

    /// The acceptability findings in words.
    public var smaaStatements: [String] {
        switch acceptability {
        case .exact(let result): RobustnessStatements.exactSMAA(result, names: report.names)
        case .sampled(let result): RobustnessStatements.smaa(result, names: report.names)
        }
    }

    public var json: JSONValue {
        let smaa: JSONValue
        switch acceptability {
        case .exact(let result): smaa = SMAARenderer.json(result)
        case .sampled(let result): smaa = SMAARenderer.json(result)
        }
        return .object(["analyses": SensitivityRenderer.json(report), "smaa": smaa])
    }

    /// How the acceptabilities were computed, for the manifest.
    public var settings: JSONValue {
        switch acceptability {
        case .exact:
            return .object(["method": .string("exact"), "weights": .string("uniform")])
        case .sampled(let result):
            let configuration = result.configuration
            return .object([
                "method": .string("sampled"),
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
