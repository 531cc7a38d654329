import AppraiseKit

/// Why each score is what it is: the appraisal's for / against / contingent points, where
/// they were published, and the evidence the scorer cited.
public enum RationaleTable {
    /// One row per score, in option then criterion order; bullets as lines inside each cell.
    public static func table(_ appraisal: Appraisal) -> Table {
        let rows = cells(appraisal).map { option, criterion, score -> [String] in
            [option.id, option.label, criterion.id, criterion.label, Formatting.number(score.value), score.scorer ?? ""]
                + RationaleBullet.Kind.allCases.map { kind in bullets(score, kind).joined(separator: "\n") }
                + [score.source ?? "", score.evidence.map(evidenceText).joined(separator: "\n")]
        }
        return Table(
            id: "rationale",
            title: "Rationale for each score",
            columns: [.init("Option ID"), .init("Option"), .init("Criterion ID"), .init("Criterion"), .init("Score", .right),
                      .init("Scorer"), .init("For"), .init("Against"), .init("Contingent"), .init("Notes"), .init("Source"), .init("Evidence")],
            rows: rows,
            notes: ["Scores on a scale of \(Formatting.number(appraisal.scale.minimum)) to \(Formatting.number(appraisal.scale.maximum)); "
                    + "a score with no scorer is the cell's agreed score, one with a scorer a panel member's."])
    }

    public static func json(_ appraisal: Appraisal) -> JSONValue {
        .array(cells(appraisal).map { option, criterion, score in
            .object([
                "option": .string(option.id),
                "criterion": .string(criterion.id),
                "score": .number(score.value),
                "scorer": .optional(score.scorer),
                "bullets": .array(score.rationale.map { .object(["kind": .string($0.kind.rawValue), "text": .string($0.text)]) }),
                "source": .optional(score.source),
                "evidence": .array(score.evidence.map {
                    .object(["dataset": .string($0.dataset), "indicator": .string($0.indicator), "note": .string($0.note)])
                }),
            ])
        })
    }

    /// Every score with its option and criterion, in the appraisal's order of options and
    /// criteria; within a cell the agreed score first, then each panel member's in file order.
    public static func cells(_ appraisal: Appraisal) -> [(option: Option, criterion: Criterion, score: Score)] {
        let byCell = Dictionary(grouping: appraisal.scores) { $0.option + "\u{0}" + $0.criterion }
        return appraisal.options.flatMap { option in
            appraisal.criteria.flatMap { criterion in
                let scores = byCell[option.id + "\u{0}" + criterion.id] ?? []
                return (scores.filter { $0.scorer == nil } + scores.filter { $0.scorer != nil }).map { (option, criterion, $0) }
            }
        }
    }

    /// " (scored by Ann)" for a panel member's score, empty for the agreed one.
    public static func byline(_ score: Score) -> String {
        score.scorer.map { " (scored by \($0))" } ?? ""
    }

    public static func bullets(_ score: Score, _ kind: RationaleBullet.Kind) -> [String] {
        score.rationale.filter { $0.kind == kind }.map(\.text)
    }

    /// "dataset / indicator: note".
    public static func evidenceText(_ link: EvidenceLink) -> String {
        "\(link.dataset) / \(link.indicator)" + (link.note.isEmpty ? "" : ": \(link.note)")
    }

    /// How each kind of bullet is headed where the mark alone would be unclear.
    public static func heading(_ kind: RationaleBullet.Kind) -> String {
        switch kind {
        case .for: "For"
        case .against: "Against"
        case .contingent: "Contingent"
        case .note: "Note"
        }
    }
}
