import AppraiseKit
import AppraiseRender

enum VfmCommand {
    static let spec = CommandSpec(
        name: "vfm",
        abstract: "Value for money: benefit against whole-life cost, the frontier and switching values.",
        discussion: """
        Each option's benefit (its weighted total) against its net present cost (costs with
        optimism bias, less savings, discounted at the file's rate, 3.5% by default, with the
        Green Book's long-term rates past year 30). Shows cost per point, options dominated
        (costing more for fewer points) or ruled out by extended dominance, the efficient
        frontier with the cost of each extra point along it, the comparison with a reference
        option (business as usual or do-minimum), the budget, and switching values: how far an
        option's cost or a criterion's weight must move before the frontier changes.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON), with measures and amounts.")],
        options: [
            .init(name: "weights", value: "SET", help: "Weighting the benefit is scored under.", defaultValue: "default"),
            .init(name: "reference", value: "OPTION", help: "Option others are compared with (default: the file's costing.reference)."),
            .init(name: "working", value: nil, help: "Also print the costs by year and the whole-life cost working."),
            OutputFormat.option(),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let input = try LoadedAppraisal.load(path, console: console)
        let selection = try input.selection(arguments.value("weights", spec: spec))
        let reference = arguments.value("reference", spec: spec)
        if let reference, input.appraisal.option(reference) == nil {
            throw UsageError(message: "unknown option '\(reference)' for --reference; this appraisal has: \(input.appraisal.options.map(\.id).joined(separator: ", "))")
        }
        guard let vfm = ValueForMoney(appraisal: input.appraisal, weights: selection, reference: reference, matrix: input.matrix) else {
            throw InputError(message: "\(path) has no costs: add a cost line with 'appraise measure add \(path) ID --name TEXT --kind cost', each option's cost with 'appraise cost set \(path) OPTION MEASURE YEAR AMOUNT' (and the basis with 'appraise costing set'), then run vfm again")
        }
        let findings = ValueForMoneyStatements.sentences(vfm, names: DisplayNames(input.appraisal))
        var tables = ValueForMoneyRenderer.tables(vfm, appraisal: input.appraisal)
        if arguments.flag("working") {
            tables += [WholeLifeCostRenderer.costsByYear(input.appraisal), WholeLifeCostRenderer.working(vfm.costing, appraisal: input.appraisal)]
        }
        let json = WholeLifeCostRenderer.json(vfm, appraisal: input.appraisal, fingerprint: input.fingerprint, findings: findings)
        console.out(OutputFormat.from(arguments, spec: spec).render(findings: findings, tables: tables, json: json))
        return .success
    }
}
