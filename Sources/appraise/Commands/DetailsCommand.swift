import AppraiseKit

enum DetailsCommand {
    static let spec = CommandSpec(
        name: "details",
        abstract: "Change the appraisal's title, body, date or source (journalled).",
        discussion: """
        Changes what heads every page of the pack: --title, --body (who makes the appraisal),
        --date (YYYY, YYYY-MM or YYYY-MM-DD) and --source (the document it is taken from; empty
        removes it).
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "title", value: "TEXT", help: "What is being appraised."),
            .init(name: "body", value: "TEXT", help: "Who makes the appraisal: council, committee."),
            .init(name: "date", value: "DATE", help: "When: YYYY, YYYY-MM or YYYY-MM-DD."),
            .init(name: "source", value: "TEXT", help: "The document the appraisal is taken from (empty removes it)."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let value = { (name: String) in arguments.value(name, spec: spec) }
        guard value("title") != nil || value("body") != nil || value("date") != nil || value("source") != nil else {
            throw UsageError(message: "say what to change with --title, --body, --date or --source")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.setDetails(title: value("title"), body: value("body"), date: value("date"), source: value("source")),
                                 action: "details", arguments: arguments, spec: spec, console: console)
    }
}
