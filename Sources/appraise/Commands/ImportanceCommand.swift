import AppraiseKit

enum ImportanceCommand {
    static let spec = CommandSpec(
        name: "importance",
        abstract: "Set the criteria's order of importance (journalled).",
        discussion: """
        ORDER lists every criterion id once, most important first, separated by commas
        ("cost,access,risk"). Members who agree only which criteria matter more get rank-order
        weights from it in 'appraise sensitivity' and 'appraise smaa --weights-order'. --clear
        removes the order. Changing an order already set needs --reason.
        """,
        arguments: [
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "ORDER", help: "Criterion ids, most important first, comma-separated.", optional: true),
        ],
        options: [
            .init(name: "clear", value: nil, help: "Remove the order of importance."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let order: [String]?
        switch (arguments.argument("ORDER"), arguments.flag("clear")) {
        case (let text?, false):
            order = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard order?.isEmpty == false else { throw UsageError(message: "ORDER lists criterion ids separated by commas, e.g. cost,access,risk") }
        case (nil, true):
            order = nil
        case (_?, true):
            throw UsageError(message: "give ORDER or --clear, not both")
        case (nil, false):
            throw UsageError(message: "give the order as criterion ids, most important first (e.g. cost,access,risk), or --clear")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.setImportance(order), action: "importance", arguments: arguments, spec: spec, console: console)
    }
}
