import AppraiseKit
import AppraiseRender

enum EvidenceCommand {
    static let spec = CommandSpec(
        name: "evidence",
        abstract: "List each score's KPI evidence and any tension between a score and its evidence.",
        discussion: """
        Reads the KPI datasets the appraisal names in "kpiDatasets", shows what every cited
        indicator says at its scorecard's period, and flags scores their own evidence pulls
        against (a top score whose indicators are mostly Red or declining, a bottom score whose
        evidence is all Green or improving). Findings are for a human to weigh; no score changes.
        """,
        arguments: [.init(name: "APPRAISAL", help: "The appraisal file (JSON).")],
        options: [OutputFormat.option()],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let input = try LoadedAppraisal.load(arguments.argument("APPRAISAL")!, console: console)
        let evidence = AppraisalEvidence(appraisal: input.appraisal, datasets: input.file.datasets)
        let tables = EvidenceRenderer.tables(evidence, appraisal: input.appraisal)
        console.out(OutputFormat.from(arguments, spec: spec).render(tables: tables, json: EvidenceRenderer.json(evidence)))
        return .success
    }
}
