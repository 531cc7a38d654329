import AppraiseKit
import AppraiseRender

enum CompareCommand {
    static let spec = CommandSpec(
        name: "compare",
        abstract: "Show why one option totals more than another, criterion by criterion.",
        discussion: """
        For each criterion: its share of the weight, both options' scores, the points each earns
        (its contribution to the total) and the difference, the first option's largest advantage
        first, with a running difference that ends at the difference of the totals. Options are
        named by id.
        """,
        arguments: [
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "A", help: "The first option's id."),
            .init(name: "B", help: "The second option's id."),
        ],
        options: [
            .init(name: "weights", value: "SET", help: "Weighting to compare under.", defaultValue: "default"),
            OutputFormat.option(),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let input = try LoadedAppraisal.load(arguments.argument("FILE")!, console: console)
        let selection = try input.selection(arguments.value("weights", spec: spec))
        let ids = [arguments.argument("A")!, arguments.argument("B")!]
        for id in ids where !input.matrix.optionIDs.contains(id) {
            throw UsageError(message: "'\(id)' is not an option of \(arguments.argument("FILE")!); the options are \(input.matrix.optionIDs.joined(separator: ", "))")
        }
        guard ids[0] != ids[1] else { throw UsageError(message: "compare needs two different options; both are '\(ids[0])'") }
        let comparison = PairComparison(matrix: input.matrix, weights: selection.weights, first: ids[0], second: ids[1])!
        let table = ComparisonRenderer.table(comparison, appraisal: input.appraisal)
        let json = ComparisonRenderer.json(comparison, appraisal: input.appraisal, fingerprint: input.fingerprint, selection: selection)
        console.out(OutputFormat.from(arguments, spec: spec).render(tables: [table], json: json))
        return .success
    }
}
