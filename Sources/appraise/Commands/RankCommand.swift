import AppraiseKit
import AppraiseRender

enum RankCommand {
    static let spec = CommandSpec(
        name: "rank",
        abstract: "Total and rank the options under a weighting.",
        discussion: """
        Totals are points out of the maximum (criteria × top of the scale, e.g. 33/40); under
        unequal weights each criterion's points are scaled by its share of the weight. Ties are
        exact and shown as 2=. Weightings: 'default' (the criteria's weights), 'equal', or the id
        of a weight set in the file.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "weights", value: "SET", help: "Weighting to rank under.", defaultValue: "default"),
            OutputFormat.option(),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let input = try LoadedAppraisal.load(arguments.argument("FILE")!, console: console)
        let selection = try input.selection(arguments.value("weights", spec: spec))
        let ranking = Ranking(matrix: input.matrix, weights: selection.weights)
        let table = RankingRenderer.table(ranking, appraisal: input.appraisal, selection: selection)
        var json = RankingRenderer.json(ranking, appraisal: input.appraisal, fingerprint: input.fingerprint, selection: selection)
        var tables = [table]
        var spreadsheet = [SpreadsheetTables.ranking(ranking, appraisal: input.appraisal, selection: selection)]
        if input.appraisal.hasValueTree {
            let subtotals = BranchSubtotals(tree: input.appraisal.valueTree, totals: totals(of: input.matrix, weights: selection.weights))
            let branches = ValueTreeRenderer.subtotalsTable(input.appraisal, subtotals: subtotals)
            tables.append(branches)
            spreadsheet.append(branches)
            if case .object(var members) = json, case .object(let tree) = ValueTreeRenderer.json(input.appraisal, matrix: input.matrix, selection: selection) {
                members["branchSubtotals"] = tree["subtotals"]
                json = .object(members)
            }
        }
        console.out(OutputFormat.from(arguments, spec: spec).render(tables: tables, spreadsheet: spreadsheet, json: json))
        return .success
    }
}
