import AppraiseKit

/// Says, wherever totals are shown, which cells count at the panel's consensus because no
/// agreed score was recorded: a total resting on a median of two scorers is not the same
/// claim as a total of agreed scores, and a reader must not have to find that out alone.
public enum ConsensusNote {
    /// The mark beside a consensus cell in a score matrix.
    public static let mark = "*"

    /// One note for a table of totals; nil when every cell has its agreed score.
    public static func note(_ appraisal: Appraisal) -> String? {
        let cells = appraisal.consensusCells
        guard !cells.isEmpty else { return nil }
        let options = Set(cells.map(\.option))
        // A few cells are listed with their scores; many (a whole matrix filed under one
        // scorer) by option, so the note stays readable.
        let list = cells.count <= 12
            ? cells.map { cell in
                "\(optionLabel(cell.option, appraisal)) / \(criterionLabel(cell.criterion, appraisal)) "
                    + "\(Formatting.number(cell.consensus)) from \(cell.scores.map { "\($0.scorer) \(Formatting.number($0.value))" }.joined(separator: ", "))"
            }
            : appraisal.options.filter { options.contains($0.id) }.map { option in
                "\(option.label) (\(criteria(of: option.id, cells, appraisal: appraisal)))"
            }
        return "Panel consensus: \(cells.count == 1 ? "1 cell has no agreed score and counts" : "\(cells.count) cells have no agreed score and count") at the "
            + "\(appraisal.panelSetting.sentence), so \(options.count == 1 ? "1 total rests" : "\(options.count) totals rest") on it: "
            + list.joined(separator: "; ") + ". Record an agreed score with 'appraise score' (without --scorer), or take one "
            + "scorer's scores as agreed with 'appraise panel FILE --agree NAME'; compare the scorers with 'appraise panel'."
    }

    /// The criteria whose cells count at the consensus in one option's total, for a column.
    public static func criteria(of option: String, _ cells: [ConsensusCell], appraisal: Appraisal) -> String {
        cells.filter { $0.option == option }.map { criterionLabel($0.criterion, appraisal) }.joined(separator: "; ")
    }

    /// The consensus cells for JSON documents.
    public static func json(_ cells: [ConsensusCell]) -> JSONValue {
        .array(cells.map { cell in
            .object([
                "option": .string(cell.option),
                "criterion": .string(cell.criterion),
                "consensus": .number(cell.consensus),
                "scores": .array(cell.scores.map { .object(["scorer": .string($0.scorer), "score": .number($0.value)]) }),
            ])
        })
    }

    static func optionLabel(_ id: String, _ appraisal: Appraisal) -> String { appraisal.option(id)?.label ?? id }
    static func criterionLabel(_ id: String, _ appraisal: Appraisal) -> String { appraisal.criterion(id)?.label ?? id }
}
