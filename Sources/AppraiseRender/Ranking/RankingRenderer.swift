import AppraiseKit

/// The ranking under one weighting, as a table and as JSON.
public enum RankingRenderer {
    public static func table(_ ranking: Ranking, appraisal: Appraisal, selection: WeightSelection) -> Table {
        let consensus = appraisal.consensusCells
        let unit = TotalsUnit(appraisal: appraisal)
        let rows = ranking.entries.map { entry -> [String] in
            let panel = consensus.isEmpty ? [] : [ConsensusNote.criteria(of: entry.option, consensus, appraisal: appraisal)]
            let published = unit.map { [Formatting.published(entry, unit: $0, weights: selection.weights)] } ?? []
            return [
                Formatting.rank(entry),
                appraisal.option(entry.option)?.label ?? entry.option,
            ] + published + [
                Formatting.outOf(entry.total, entry.maximum),
                Formatting.percent(entry.percent),
                entry.marginToNext.map(Formatting.number) ?? "",
            ] + panel
        }
        var notes: [String] = []
        let ties = ranking.entries.filter { !$0.tiedWith.isEmpty }
        if !ties.isEmpty {
            notes.append("= marks a shared rank (standard competition ranking: 1, 2=, 2=, 4).")
        }
        notes.append(selection.weights.areEqual
            ? "Weights: \(selection.name), every criterion equal; totals are points out of the maximum."
            : "Weights: \(selection.name); totals are weighted points out of the maximum.")
        if let unit {
            notes.append("As published: each total in the unit the appraisal's declared totals are given in (\(unit.basis.rawValue)); the margin is in the tool's points.")
            if let meaning = unit.relativeMeaning { notes.append(meaning) }
        }
        if let note = ConsensusNote.note(appraisal) { notes.append(note) }
        return Table(
            id: "ranking",
            title: "Ranking of options",
            columns: [.init("Rank", .right), .init("Option")] + (unit == nil ? [] : [.init("As published", .right)])
                + [.init("Total", .right), .init("Percent", .right), .init("Margin to next", .right)]
                + (consensus.isEmpty ? [] : [.init("Panel consensus on")]),
            rows: rows,
            notes: notes)
    }

    public static func json(_ ranking: Ranking, appraisal: Appraisal, fingerprint: String, selection: WeightSelection) -> JSONValue {
        var document: [String: JSONValue] = [
            "appraisal": .string(appraisal.id),
            "fingerprint": .string(fingerprint),
            "weightSet": .string(selection.id),
            "weights": .object(Dictionary(uniqueKeysWithValues: zip(appraisal.criteria.map(\.id), selection.weights.normalised.map { JSONValue.number($0) }))),
            "weightsExact": .object(Dictionary(uniqueKeysWithValues: zip(appraisal.criteria.map(\.id), selection.weights.normalised.map(JSONValue.exact)))),
            "ranking": .array(entries(ranking, appraisal: appraisal)),
        ]
        let consensus = appraisal.consensusCells
        if !consensus.isEmpty { document["panelConsensus"] = ConsensusNote.json(consensus) }
        return .object(document)
    }

    /// The ranking entries alone, for documents that hold several tables.
    public static func entries(_ ranking: Ranking, appraisal: Appraisal) -> [JSONValue] {
        let consensus = appraisal.consensusCells
        return ranking.entries.map { entry in
            var members: [String: JSONValue] = [
                "option": .string(entry.option),
                "name": .string(appraisal.option(entry.option)?.name ?? entry.option),
                "total": .number(entry.total),
                "maximum": .number(entry.maximum),
                "percent": .number(entry.percent, maximumPlaces: 4),
                "rank": .number(entry.rank),
                "tiedWith": .array(entry.tiedWith.map(JSONValue.string)),
                "marginToNext": entry.marginToNext.map { JSONValue.number($0) } ?? .null,
            ]
            // Only appraisals with a panel consensus carry the key, so other documents are unchanged.
            if !consensus.isEmpty {
                members["consensusCriteria"] = .array(consensus.filter { $0.option == entry.option }.map { .string($0.criterion) })
            }
            return .object(members)
        }
    }
}
