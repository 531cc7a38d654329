import AppraiseKit
import AppraiseRender

enum SensitivityCommand {
    static let spec = CommandSpec(
        name: "sensitivity",
        abstract: "How robust the ranking is to the weights and the scores, worked out exactly.",
        discussion: """
        One-way weight sweeps with every crossover found exactly (one criterion's weight set to t,
        the others rescaled in proportion) and ties at none or all of the weight listed apart as
        endpoint ties; the smallest change of one weight, the others held, that alters first
        place or any pair's order (Triantaphyllou and Sánchez, 1997), and the smallest change of
        one share with the others rescaled; the smallest score changes that tie or reverse first
        place and each adjacent pair, the ranking under every weight set (with equal and
        rank-order weights), with each criterion left out, dominance, and the options no
        weighting can put first, then the findings in plain English. Weights in JSON are
        fractions of 1, each with its exact fraction beside it ("currentExact": "1/8").
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "weights", value: "SET", help: "Weighting to analyse.", defaultValue: "default"),
            .init(name: "importance", value: "IDS", help: "Criterion ids, most important first, comma-separated, for rank-order weights.",
                  defaultValue: "the file's importance"),
            .init(name: "pairs", value: "SCOPE", help: "Pairs of options whose crossovers are listed.", choices: PairScope.allCases.map(\.rawValue),
                  defaultValue: PairScope.adjacent.rawValue),
            OutputFormat.option(),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let input = try LoadedAppraisal.load(arguments.argument("FILE")!, console: console)
        let selection = try input.selection(arguments.value("weights", spec: spec))
        let importance = try SMAACommand.criterionList(arguments.all("importance").last, option: "importance", appraisal: input.appraisal)
        let options = SensitivityOptions(importance: importance, pairs: PairScope(rawValue: arguments.value("pairs", spec: spec)!) ?? .adjacent)
        let report: SensitivityReport
        do {
            report = try SensitivityReport(matrix: input.matrix, weights: selection, appraisal: input.appraisal, options: options)
        } catch {
            throw InputError(message: "\(error)")
        }
        var findings = report.statements, tables = SensitivityRenderer.tables(report), json = SensitivityRenderer.json(report)
        let appraisal = input.appraisal
        if appraisal.hasValueTree {
            // Every branch of the tree is swept as one, beside the criteria.
            let branches = BranchSensitivity.all(tree: appraisal.valueTree, matrix: input.matrix, weights: selection.weights)
            findings += branches.flatMap { BranchStatements.sentences($0, appraisal: appraisal).dropFirst() }
            tables.insert(ValueTreeRenderer.branchSensitivityTable(appraisal, branches), at: 1)
            if case .object(var members) = json, case .object(let tree) = ValueTreeRenderer.json(appraisal, matrix: input.matrix, selection: selection) {
                members["branches"] = tree["branchSensitivity"]
                json = .object(members)
            }
        }
        console.out(OutputFormat.from(arguments, spec: spec).render(findings: findings, tables: tables, json: json))
        return .success
    }
}
