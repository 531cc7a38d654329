import AppraiseKit

/// How robust the ranking is, as the pack shows it: the exact analyses (sweeps, crossovers,
/// minimum changes, score thresholds, scenarios, leave-one-out, dominance) and SMAA rank
/// acceptability drawn with the fixed default seed and sample count, which the manifest records
/// so anyone can reproduce the shares.
public struct SensitivitySection {
    public let report: SensitivityReport
    public let smaa: SMAA.Result

    public init(appraisal: Appraisal, matrix: DecisionMatrix, selection: WeightSelection) throws {
        report = try SensitivityReport(matrix: matrix, weights: selection, appraisal: appraisal)
        smaa = try SMAA.run(matrix: matrix, weights: selection.weights, configuration: SMAA.Configuration())
    }

    public var tables: [Table] {
        SensitivityRenderer.tables(report) + SMAARenderer.tables(smaa, labels: report.names)
    }

    public var json: JSONValue {
        .object(["analyses": SensitivityRenderer.json(report), "smaa": SMAARenderer.json(smaa)])
    }

    /// The simulation's settings, for the manifest.
    public var settings: JSONValue {
        let configuration = smaa.configuration
        return .object([
            "samples": .number(configuration.samples),
            "seed": .number(String(configuration.seed)),
            "weights": .string(model(configuration.weights)),
            "scoreSpread": .number(configuration.scoreSpread),
        ])
    }

    func model(_ weights: SMAA.WeightModel) -> String {
        switch weights {
        case .uniform: "uniform"
        case .ordered(let order): "ordered: " + order.joined(separator: " > ")
        case .around(let percent): "around: ±\(fixedDecimal(percent, places: 2))%"
        }
    }
}
