import AppraiseKit

/// The criteria with their weights as entered and as shares, and their order of importance.
public enum CriteriaTable {
    /// `offers` joins a criterion's "what it should offer" bullets: "; " where the table is
    /// read on a page, a line break inside a spreadsheet cell.
    public static func table(_ appraisal: Appraisal, selection: WeightSelection, offersSeparator: String = "; ") -> Table {
        let importance = importanceLabels(appraisal, selection: selection)
        let rows = appraisal.criteria.enumerated().map { index, criterion -> [String] in
            [criterion.id, criterion.name, criterion.offers.joined(separator: offersSeparator),
             Formatting.number(selection.weights.entered[index]), Formatting.share(selection.weights.normalised[index]),
             importance[index]]
        }
        return Table(
            id: "criteria",
            title: "Criteria and weights",
            columns: [.init("ID"), .init("Criterion"), .init("What the option should offer"), .init("Weight", .right),
                      .init("Weight %", .right), .init("Importance", .right)],
            rows: rows,
            notes: notes(appraisal, selection: selection))
    }

    public static func json(_ appraisal: Appraisal, selection: WeightSelection) -> JSONValue {
        let importance = importanceLabels(appraisal, selection: selection)
        return .array(appraisal.criteria.enumerated().map { index, criterion in
            .object([
                "id": .string(criterion.id),
                "name": .string(criterion.name),
                "shortName": .optional(criterion.shortName),
                "offers": .array(criterion.offers.map(JSONValue.string)),
                "weight": .number(selection.weights.entered[index]),
                "weightShare": .number(selection.weights.normalised[index]),
                "weightShareExact": .exact(selection.weights.normalised[index]),
                "importance": .string(importance[index]),
            ])
        })
    }

    /// Each criterion's place in the order of importance: the file's own order when it gives
    /// one for the appraisal's weights, otherwise the order of the weights ("1=" for a shared place).
    public static func importanceLabels(_ appraisal: Appraisal, selection: WeightSelection) -> [String] {
        if selection.id == WeightSelection.defaultID, let order = appraisal.importance {
            return appraisal.criteria.map { criterion in String((order.firstIndex(of: criterion.id) ?? order.count) + 1) }
        }
        let weights = selection.weights.normalised
        let ranks = competitionRanks(weights)
        return ranks.map { rank in Ranking.label(rank: rank, tied: ranks.filter { $0 == rank }.count > 1) }
    }

    static func notes(_ appraisal: Appraisal, selection: WeightSelection) -> [String] {
        var notes: [String] = []
        if selection.weights.areEqual {
            notes.append("Every criterion carries the same weight (\(selection.name)).")
        } else {
            notes.append("Weights: \(selection.name); Weight % is each weight's share of their sum.")
        }
        if selection.id == WeightSelection.defaultID, appraisal.importance != nil {
            notes.append("Importance is the order the appraisal itself gives, 1 most important.")
        } else {
            notes.append("Importance is the order of the weights, 1 heaviest; = marks a shared place.")
        }
        return notes
    }
}
