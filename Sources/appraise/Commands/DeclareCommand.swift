import AppraiseKit

enum DeclareCommand {
    static let spec = CommandSpec(
        name: "declare",
        abstract: "Record what a published document declared: totals and ranks (journalled).",
        discussion: """
        Keeps what the published appraisal said (--total OPTION=VALUE, --rank OPTION=N) under
        --source, where it was published ("Annex 1, TOTAL SCORE row"), so validate, report and
        the pack reconcile the publication with the scores it was supposedly computed from.
        Giving the same --source again adds to that declaration; replacing a value or --remove
        (the whole declaration) needs --reason. How the totals were printed: --basis (points,
        the tool's own; percent of the maximum; weighted-average, the weighted average score on
        the scale; raw-sum, each score times its weight as entered), --decimals N (the places
        they were rounded to) and --weighting (equal, default or a weight set id). The first
        declared basis is the unit every headline, ranking and cost per point is given in.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "source", value: "TEXT", help: "Where the declaration was published (required)."),
            .init(name: "total", value: "OPTION=VALUE", help: "A total the document published.", repeatable: true),
            .init(name: "rank", value: "OPTION=N", help: "A rank the document published.", repeatable: true),
            .init(name: "basis", value: "BASIS", help: "What the totals measure.", choices: Declaration.Basis.allCases.map(\.rawValue)),
            .init(name: "decimals", value: "N", help: "Decimal places the totals were printed to (0–\(Declaration.maximumDecimals))."),
            .init(name: "weighting", value: "SET", help: "The weighting the document used: equal, default or a weight set id."),
            .init(name: "remove", value: nil, help: "Remove the declaration with this source."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        guard let source = arguments.value("source", spec: spec) else {
            throw UsageError(message: "say where the declaration was published with --source TEXT, e.g. --source \"Annex 1, TOTAL SCORE row\"")
        }
        let edit: AppraisalEdit
        if arguments.flag("remove") {
            try EditArguments.reject(["total", "rank", "basis", "decimals", "weighting"], in: arguments, action: "--remove",
                                     hint: "--remove takes only --source, --by and --reason")
            edit = .removeDeclaration(source: source)
        } else {
            let totals = try arguments.all("total").map { text throws(UsageError) in
                let (option, value) = try pair(text, option: "total", example: "trust=25")
                return (option: option, total: try EditArguments.number(value, what: "the total of \(option)"))
            }
            let ranks = try arguments.all("rank").map { text throws(UsageError) in
                let (option, value) = try pair(text, option: "rank", example: "trust=4")
                guard let rank = NumberText.wholeNumber(value) else {
                    throw UsageError(message: "the rank of \(option) must be a whole number such as 1 or 4, not '\(value)'")
                }
                return (option: option, rank: rank)
            }
            let basis = arguments.value("basis", spec: spec).flatMap(Declaration.Basis.init(rawValue:))
            let decimals = try arguments.value("decimals", spec: spec).map { text throws(UsageError) in
                guard let places = NumberText.wholeNumber(text), (0...Declaration.maximumDecimals).contains(places) else {
                    throw UsageError(message: "--decimals must be a whole number from 0 to \(Declaration.maximumDecimals), the places the totals were printed to, not '\(text)'")
                }
                return places
            }
            let weighting = arguments.value("weighting", spec: spec)
            guard !totals.isEmpty || !ranks.isEmpty || basis != nil || decimals != nil || weighting != nil else {
                throw UsageError(message: "say what was published with --total OPTION=VALUE or --rank OPTION=N (and how with --basis, --decimals, --weighting), or give --remove")
            }
            edit = .setDeclaration(Declaration(source: source, totals: totals, ranks: ranks, basis: basis, weighting: weighting, decimals: decimals))
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(edit, action: "declare", arguments: arguments, spec: spec, console: console)
    }

    private static func pair(_ text: String, option: String, example: String) throws(UsageError) -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw UsageError(message: "--\(option) must be OPTION=VALUE, e.g. \(example), not '\(text)'")
        }
        return (parts[0], parts[1])
    }
}
