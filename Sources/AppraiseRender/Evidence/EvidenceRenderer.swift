import AppraiseKit

/// The evidence behind the scores: every citation with what its indicator shows, and every
/// score its own evidence pulls against.
public enum EvidenceRenderer {
    public static func tables(_ evidence: AppraisalEvidence, appraisal: Appraisal) -> [Table] {
        let option = { (id: String?) in id.map { appraisal.option($0)?.label ?? $0 } ?? "(whole criterion)" }
        let criterion = { (id: String) in appraisal.criterion(id)?.label ?? id }
        let citations = Table(
            id: "evidence",
            title: "KPI evidence cited for the scores",
            columns: [.init("Option"), .init("Criterion"), .init("Score", .right), .init("Indicator"), .init("Reading"), .init("Signal"), .init("Note")],
            rows: evidence.citations.map { citation in
                [
                    option(citation.option),
                    criterion(citation.criterion),
                    citation.option.flatMap { appraisal.score(option: $0, criterion: citation.criterion) }.map { Formatting.number($0.value) } ?? "",
                    "\(citation.link.dataset) \(citation.link.indicator)",
                    citation.reading?.summary ?? "cannot be read",
                    citation.reading?.signal.rawValue ?? "",
                    citation.link.note,
                ]
            },
            notes: ["Each indicator is read at its scorecard's own period: adverse when Red, not on target or declining; favourable when Green or improving."])
        let tensions = Table(
            id: "evidence-tensions",
            title: "Scores their evidence pulls against",
            columns: [.init("Option"), .init("Criterion"), .init("Score", .right), .init("Finding")],
            rows: evidence.tensions.map { [option($0.option), criterion($0.criterion), Formatting.number($0.score), $0.message] },
            notes: [evidence.tensions.isEmpty
                ? "No score is contradicted by the evidence it cites."
                : "Findings for a human to weigh; the tool does not change any score."])
        return [citations, tensions]
    }

    public static func json(_ evidence: AppraisalEvidence) -> JSONValue {
        .object([
            "datasets": .array(evidence.datasets.map { .object(["id": .string($0.id), "title": .string($0.title), "asAt": .string($0.asAt.label)]) }),
            "citations": .array(evidence.citations.map { citation in
                .object([
                    "option": .optional(citation.option),
                    "criterion": .string(citation.criterion),
                    "dataset": .string(citation.link.dataset),
                    "indicator": .string(citation.link.indicator),
                    "note": .string(citation.link.note),
                    "reading": .optional(citation.reading?.summary),
                    "signal": .optional(citation.reading?.signal.rawValue),
                    "assessment": citation.reading.map { KPIRenderer.indicatorJSON($0.assessment) } ?? .null,
                ])
            }),
            "tensions": .array(evidence.tensions.map { tension in
                .object([
                    "option": .string(tension.option),
                    "criterion": .string(tension.criterion),
                    "score": .number(tension.score),
                    "kind": .string(tension.kind.rawValue),
                    "message": .string(tension.message),
                ])
            }),
        ])
    }
}
