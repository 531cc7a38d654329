import AppraiseKit

/// A simulation's results as tables and JSON. Shares are fixed-decimal text, so the same seed
/// writes the same bytes on every machine.
public enum SMAARenderer {
    /// Decimals of every share in JSON.
    public static let places = 6

    /// `sampledBecause`: why the shares were sampled where an exact analysis was expected (the
    /// report's), said under the table.
    public static func tables(_ result: SMAA.Result, labels: DisplayNames, sampledBecause: String? = nil) -> [Table] {
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
        let notes = (sampledBecause.map { ["Sampled rather than exact: \($0)."] } ?? []) + [
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

/// The exact analysis as tables and JSON: the same tables as a simulation's (percentages, so a
/// reader compares like with like), each share's exact fraction in tables of its own and in JSON.
extension SMAARenderer {
    public static func tables(_ result: ExactSMAA.Result, labels: DisplayNames) -> [Table] {
        let m = result.optionIDs.count
        let order = result.optionIDs.indices.sorted { a, b in
            let left = result.rankAcceptability?[a] ?? [result.firstRank[a]]
            let right = result.rankAcceptability?[b] ?? [result.firstRank[b]]
            for rank in left.indices where left[rank] != right[rank] { return left[rank] > right[rank] }
            return a < b
        }
        let shown = result.rankAcceptability.map { _ in m } ?? 1
        let method = "Exact: shares of the region of \(regionText(result.region)), computed from the weightings' geometry, not sampled; fractions in smaa-exact."
        let ranks = Table(
            id: "smaa-ranks",
            title: "How often each option takes each rank",
            columns: [.init("Option")] + (0..<shown).map { .init("Rank \($0 + 1)", .right) } + [.init("Confidence", .right)],
            rows: order.map { i in
                [labels.option(result.optionIDs[i])] + (result.rankAcceptability?[i] ?? [result.firstRank[i]]).map(percent)
                    + [result.confidence[i].map(percent) ?? "—"]
            },
            notes: [method, "Confidence: 100% when the option is first at its own central weights, a share when level there."])
        let central = Table(
            id: "smaa-central-weights",
            title: "Central weights: the centre of the weightings under which each option is first",
            columns: [.init("Option")] + result.criterionIDs.map { .init(labels.criterion($0), .right) },
            rows: order.compactMap { i in
                result.centralWeights[i].map { [labels.option(result.optionIDs[i])] + $0.map(percent) }
            },
            notes: ["Options never first alone have no central weights."])
        // Fractions too long to read are shown as decimals; the CSV keeps them whole.
        var exactRows: [[String]] = [], wholeRows: [[String]] = []
        func add(_ option: String, _ quantity: String, _ value: Rational) {
            exactRows.append([option, quantity, value.readableText(), percent(value)])
            wholeRows.append([option, quantity, value.description, percent(value)])
        }
        for i in order {
            for (rank, share) in (result.rankAcceptability?[i] ?? [result.firstRank[i]]).enumerated() where !share.isZero {
                add(labels.option(result.optionIDs[i]), "Rank \(rank + 1)", share)
            }
            for (k, weight) in (result.centralWeights[i] ?? []).enumerated() {
                add(labels.option(result.optionIDs[i]), "Central weight of \(labels.criterion(result.criterionIDs[k]))", weight)
            }
        }
        let exact = Table(
            id: "smaa-exact",
            title: "Exact shares and central weights, as fractions",
            columns: [.init("Option"), .init("Quantity"), .init("Exact", .right), .init("Percent", .right)],
            rows: exactRows,
            notes: ["Shares of rank not listed are zero."],
            dataRows: exactRows == wholeRows ? nil : wholeRows)
        return [ranks, central, exact]
    }

    public static func json(_ result: ExactSMAA.Result) -> JSONValue {
        let ids = result.optionIDs
        func shares(_ i: Int) -> [Rational] { result.rankAcceptability?[i] ?? [result.firstRank[i]] }
        func perOption(_ value: (Int) -> JSONValue) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: ids.indices.map { (ids[$0], value($0)) }))
        }
        return .object([
            "method": .string("exact"),
            "weightModel": regionJSON(result.region),
            "rankAcceptability": perOption { .array(shares($0).map { decimal($0) }) },
            "rankAcceptabilityExact": perOption { .array(shares($0).map { .string($0.description) }) },
            "centralWeights": perOption { i in
                result.centralWeights[i].map { weights in
                    .object(Dictionary(uniqueKeysWithValues: zip(result.criterionIDs, weights.map { decimal($0) })))
                } ?? .null
            },
            "centralWeightsExact": perOption { i in
                result.centralWeights[i].map { weights in
                    .object(Dictionary(uniqueKeysWithValues: zip(result.criterionIDs, weights.map { .string($0.description) })))
                } ?? .null
            },
            "confidence": perOption { i in result.confidence[i].map { decimal($0) } ?? .null },
            "marginOfError": .number(0),
        ])
    }

    private static func regionJSON(_ region: ExactSMAA.Region) -> JSONValue {
        switch region {
        case .uniform: .object(["kind": .string("uniform")])
        case .ordered(let order): .object(["kind": .string("ordered"), "order": .array(order.map(JSONValue.string))])
        case .around(let percent): .object(["kind": .string("around"), "percent": .number(percent.decimalText(maximumPlaces: places))])
        }
    }

    static func regionText(_ region: ExactSMAA.Region) -> String {
        switch region {
        case .uniform: "all weightings"
        case .ordered: "the weightings that respect the order of importance"
        case .around(let percent): "the weightings within ±\(percent.decimalText(maximumPlaces: 2))% of the current weights"
        }
    }

    private static func decimal(_ value: Rational) -> JSONValue { .number(value.formatted(places: places)) }

    /// A share to two decimals; an exact zero as "0%", so it is not mistaken for a share that
    /// rounds to zero.
    private static func percent(_ value: Rational) -> String {
        value.isZero ? "0%" : (value * Rational(100)).formatted(places: 2) + "%"
    }
}
