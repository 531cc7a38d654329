import AppraiseKit

/// Each score's weighted contribution to its option's total, so a reader sees where every
/// total comes from and which criterion decides between two options.
public enum WeightedMatrixTable {
    /// For reading: contributions, the total out of the maximum and the rank; each criterion's
    /// weight share in its heading.
    public static func table(_ ranking: Ranking, matrix: DecisionMatrix, appraisal: Appraisal, selection: WeightSelection) -> Table {
        let rows = matrix.optionIDs.map { option -> [String] in
            let entry = ranking.entry(for: option)!
            return [appraisal.option(option)?.label ?? option] + entry.contributions.map(Formatting.number)
                + [Formatting.outOf(entry.total, entry.maximum), Formatting.rank(entry)]
        }
        let headings = zip(appraisal.criteria, selection.weights.normalised).map { criterion, share in
            Table.Column("\(criterion.label) (\(Formatting.share(share)))", .right)
        }
        return Table(
            id: "weighted-matrix", title: "Weighted contributions to each total",
            columns: [.init("Option")] + headings + [.init("Total", .right), .init("Rank", .right)],
            rows: rows, notes: notes(matrix: matrix, selection: selection))
    }

    /// For spreadsheets: ids beside names, the total and its maximum in separate cells.
    public static func data(_ ranking: Ranking, matrix: DecisionMatrix, appraisal: Appraisal, selection: WeightSelection) -> Table {
        let rows = matrix.optionIDs.map { option -> [String] in
            let entry = ranking.entry(for: option)!
            return [option, appraisal.option(option)?.label ?? option] + entry.contributions.map(Formatting.number)
                + [Formatting.number(entry.total), Formatting.number(entry.maximum), Formatting.rank(entry)]
        }
        return Table(
            id: "weighted-matrix", title: "Weighted contributions to each total",
            columns: [.init("Option ID"), .init("Option")] + appraisal.criteria.map { .init($0.label, .right) }
                + [.init("Total", .right), .init("Maximum", .right), .init("Rank", .right)],
            rows: rows, notes: notes(matrix: matrix, selection: selection))
    }

    public static func json(_ ranking: Ranking, matrix: DecisionMatrix, selection: WeightSelection) -> JSONValue {
        .object([
            "weightShares": .object(Dictionary(uniqueKeysWithValues: zip(matrix.criterionIDs, selection.weights.normalised.map { JSONValue.number($0) }))),
            "weightSharesExact": .object(Dictionary(uniqueKeysWithValues: zip(matrix.criterionIDs, selection.weights.normalised.map(JSONValue.exact)))),
            "contributions": .object(Dictionary(uniqueKeysWithValues: matrix.optionIDs.map { option in
                (option, JSONValue.object(Dictionary(uniqueKeysWithValues: zip(matrix.criterionIDs, ranking.entry(for: option)!.contributions.map { JSONValue.number($0) }))))
            })),
        ])
    }

    static func notes(matrix: DecisionMatrix, selection: WeightSelection) -> [String] {
        let count = matrix.criterionCount
        if selection.weights.areEqual {
            return ["Every criterion carries the same weight, so each contribution is the score itself and a row adds up to the total."]
        }
        return ["Each contribution is score × weight share × \(count) (the number of criteria), so a row adds up to the total out of "
                + "\(Formatting.number(Rational(count) * matrix.scale.maximum)); contributions are rounded to two decimals."]
    }
}
