import AppraiseKit

/// The options × criteria score matrix with totals and ranks: the table a reader checks
/// every other number against.
public enum ScoreMatrixRenderer {
    public static func table(_ matrix: DecisionMatrix, ranking: Ranking, appraisal: Appraisal) -> Table {
        let criteria = appraisal.criteria
        let consensus = Set(appraisal.consensusCells.map { $0.option + "\u{0}" + $0.criterion })
        let rows = matrix.optionIDs.enumerated().map { index, option -> [String] in
            let entry = ranking.entry(for: option)!
            return [appraisal.option(option)?.label ?? option]
                + zip(matrix.criterionIDs, matrix.scores[index]).map { criterion, value in
                    Formatting.number(value) + (consensus.contains(option + "\u{0}" + criterion) ? ConsensusNote.mark : "")
                }
                + [Formatting.outOf(entry.total, entry.maximum), Formatting.percent(entry.percent), Formatting.rank(entry)]
        }
        let scale = matrix.scale
        return Table(
            id: "score-matrix",
            title: "Score matrix",
            columns: [.init("Option")] + criteria.map { .init($0.label, .right) }
                + [.init("Total", .right), .init("Percent", .right), .init("Rank", .right)],
            rows: rows,
            notes: ["Scores on a scale of \(Formatting.number(scale.minimum)) to \(Formatting.number(scale.maximum))"
                    + (scale.step == .one ? "." : " in steps of \(Formatting.number(scale.step)).")]
                + (consensus.isEmpty ? [] : ["\(ConsensusNote.mark) marks a cell with no agreed score, counted at the \(appraisal.panelSetting.sentence)."]))
    }

    public static func json(_ matrix: DecisionMatrix, appraisal: Appraisal) -> JSONValue {
        var document: [String: JSONValue] = [
            "criteria": .array(matrix.criterionIDs.map(JSONValue.string)),
            "scale": .object([
                "min": .number(matrix.scale.minimum), "max": .number(matrix.scale.maximum), "step": .number(matrix.scale.step),
            ]),
            "scores": .object(Dictionary(uniqueKeysWithValues: matrix.optionIDs.enumerated().map { index, option in
                (option, JSONValue.object(Dictionary(uniqueKeysWithValues: zip(matrix.criterionIDs, matrix.scores[index].map { JSONValue.number($0) }))))
            })),
        ]
        let consensus = appraisal.consensusCells
        if !consensus.isEmpty { document["panelConsensus"] = ConsensusNote.json(consensus) }
        return .object(document)
    }
}
