import AppraiseKit

/// A simulation's results as tables and JSON. Shares are fixed-decimal text, so the same seed
/// writes the same bytes on every machine.
public enum SMAARenderer {
    /// Decimals of every share in JSON.
    public static let places = 6

    public static func tables(_ result: SMAA.Result, labels: DisplayNames) -> [Table] {
        let m = result.optionIDs.count
        let order = result.optionIDs.indices.sorted { a, b in
            let (left, right) = (result.rankAcceptability[a], result.rankAcceptability[b])
            for rank in 0..<m where left[rank] != right[rank] { return left[rank] > right[rank] }
            return a < b
        }
        let rankRows = order.map { i -> [String] in
            [labels.option(result.optionIDs[i])] + result.rankAcceptability[i].map(percent)
                + [result.confidence[i].map(percent) ?? "—"]
        }
        let configuration = result.configuration
        let notes = [
            "\(configuration.samples) samples, seed \(configuration.seed); \(modelText(configuration)).",
            "Margin of error of any share: ±\(fixedDecimal(result.marginOfError * 100, places: 2)) percentage points (95% confidence).",
            "Confidence: the share of draws in which the option is first at its own central weights.",
        ]
        let ranks = Table(
            id: "smaa-ranks",
            title: "How often each option takes each rank",
            columns: [.init("Option")] + (0..<m).map { .init("Rank \($0 + 1)", .right) } + [.init("Confidence", .right)],
            rows: rankRows, notes: notes)
        let centralRows = order.compactMap { i -> [String]? in
            guard let weights = result.centralWeights[i] else { return nil }
            return [labels.option(result.optionIDs[i])] + weights.map(percent)
        }
        let central = Table(
            id: "smaa-central-weights",
            title: "Central weights: the average weighting under which each option is first",
            columns: [.init("Option")] + result.criterionIDs.map { .init(labels.criterion($0), .right) },
            rows: centralRows,
            notes: ["Options never first in any sample have no central weights."])
        return [ranks, central]
    }

    public static func json(_ result: SMAA.Result) -> JSONValue {
        let configuration = result.configuration
        let model: JSONValue
        switch configuration.weights {
        case .uniform: model = .object(["kind": .string("uniform")])
        case .ordered(let order): model = .object(["kind": .string("ordered"), "order": .array(order.map(JSONValue.string))])
        case .around(let percent): model = .object(["kind": .string("around"), "percent": .number(percent, places: places)])
        }
        let ids = result.optionIDs
        return .object([
            "samples": .number(configuration.samples),
            "seed": .number(String(configuration.seed)),
            "chunkSize": .number(SMAA.chunkSize),
            "weightModel": model,
            "scoreSpread": .number(configuration.scoreSpread),
            "rankAcceptability": .object(Dictionary(uniqueKeysWithValues: ids.indices.map { i in
                (ids[i], JSONValue.array(result.rankAcceptability[i].map { .number($0, places: places) }))
            })),
            "centralWeights": .object(Dictionary(uniqueKeysWithValues: ids.indices.map { i in
                (ids[i], result.centralWeights[i].map { weights in
                    JSONValue.object(Dictionary(uniqueKeysWithValues: zip(result.criterionIDs, weights.map { .number($0, places: places) })))
                } ?? .null)
            })),
            "confidence": .object(Dictionary(uniqueKeysWithValues: ids.indices.map { i in
                (ids[i], result.confidence[i].map { JSONValue.number($0, places: places) } ?? .null)
            })),
            "marginOfError": .number(result.marginOfError, places: places),
        ])
    }

    /// Two decimals; a share that would round to 0 or 100 without being so is "<0.01%" or ">99.99%".
    private static func percent(_ value: Double) -> String {
        let text = fixedDecimal(value * 100, places: 2)
        if value > 0 && text == "0.00" { return "<0.01%" }
        if value < 1 && text == "100.00" { return ">99.99%" }
        return text + "%"
    }

    private static func modelText(_ configuration: SMAA.Configuration) -> String {
        var text: String
        switch configuration.weights {
        case .uniform: text = "weights uniform over all weightings"
        case .ordered: text = "weights uniform over the weightings that respect the order of importance"
        case .around(let percent): text = "weights uniform within ±\(fixedDecimal(percent, places: 2))% of the current weights"
        }
        if configuration.scoreSpread > 0 { text += "; scores moved by up to ±\(configuration.scoreSpread) steps" }
        return text
    }
}
