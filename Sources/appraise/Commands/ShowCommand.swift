import AppraiseKit
import AppraiseRender

enum ShowCommand {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show the score matrix: options × criteria with totals and ranks.",
        discussion: "Scores as entered, with totals and ranks under the appraisal's own weights.",
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [OutputFormat.option()],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let input = try LoadedAppraisal.load(arguments.argument("FILE")!, console: console)
        let selection = try input.selection(nil)
        let ranking = Ranking(matrix: input.matrix, weights: selection.weights)
        let table = ScoreMatrixRenderer.table(input.matrix, ranking: ranking, appraisal: input.appraisal)
        let json = ScoreMatrixRenderer.json(input.matrix, appraisal: input.appraisal)
        console.out(OutputFormat.from(arguments, spec: spec).render(
            tables: [table], spreadsheet: [SpreadsheetTables.scoreMatrix(input.matrix, ranking: ranking, appraisal: input.appraisal)], json: json))
        return .success
    }
}
