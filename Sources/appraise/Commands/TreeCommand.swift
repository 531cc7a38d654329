import AppraiseKit
import AppraiseRender

enum TreeCommand {
    static let spec = CommandSpec(
        name: "tree",
        abstract: "The value tree and the reasons for its weights, sub-totals by branch and branch sensitivity.",
        discussion: """
        Prints every branch and criterion with its weight within its branch, its share of the
        total and the rationale recorded for it; the swing weighting as recorded (each swing
        from worst to best, ranked, with its points); what one point on each criterion is worth
        in points on every other; and, for a tree, every option's sub-total by branch and how
        far each branch's weight can move (the branch as one, everything else in proportion)
        before first place changes. --node limits the branch sensitivity to one branch and lists
        every crossover of its sweep. A flat appraisal is a tree with every criterion at the top.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "weights", value: "SET", help: "Weighting to show.", defaultValue: "default"),
            .init(name: "node", value: "ID", help: "A branch to analyse on its own."),
            OutputFormat.option(),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let input = try LoadedAppraisal.load(arguments.argument("FILE")!, console: console)
        let selection = try input.selection(arguments.value("weights", spec: spec))
        let appraisal = input.appraisal
        let tree = appraisal.valueTree
        let format = OutputFormat.from(arguments, spec: spec)
        if let node = arguments.value("node", spec: spec) {
            guard let analysis = BranchSensitivity(tree: tree, matrix: input.matrix, weights: selection.weights, branch: node) else {
                let branches = tree.branches.map(\.id)
                throw UsageError(message: "'\(node)' is not a branch of the value tree; \(branches.isEmpty ? "this appraisal has no branches" : "its branches are: " + branches.joined(separator: ", "))")
            }
            let json = ValueTreeRenderer.json(appraisal, matrix: input.matrix, selection: selection)
            let branchJSON: JSONValue
            if case .object(let members) = json, case .array(let all)? = members["branchSensitivity"],
               let match = all.first(where: { if case .object(let m) = $0, m["branch"] == .string(node) { return true } else { return false } }) {
                branchJSON = match
            } else {
                branchJSON = .null
            }
            console.out(format.render(findings: BranchStatements.sentences(analysis, appraisal: appraisal),
                                      tables: [ValueTreeRenderer.branchSensitivityTable(appraisal, [analysis]), ValueTreeRenderer.sweepTable(appraisal, analysis)],
                                      json: branchJSON))
            return .success
        }
        var tables = [ValueTreeRenderer.treeTable(appraisal, tree: tree, selection: selection)]
        let swings = SwingGroup.all(tree)
        if !swings.isEmpty { tables.append(ValueTreeRenderer.swingTable(appraisal, tree: tree, groups: swings)) }
        tables.append(ValueTreeRenderer.tradeOffTable(appraisal, weights: selection.weights))
        if !tree.isFlat {
            tables.append(ValueTreeRenderer.subtotalsTable(appraisal, subtotals: BranchSubtotals(tree: tree, totals: totals(of: input.matrix, weights: selection.weights))))
            tables.append(ValueTreeRenderer.branchSensitivityTable(appraisal, BranchSensitivity.all(tree: tree, matrix: input.matrix, weights: selection.weights)))
        }
        console.out(format.render(tables: tables, json: ValueTreeRenderer.json(appraisal, matrix: input.matrix, selection: selection)))
        return .success
    }
}
