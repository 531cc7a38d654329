import AppraiseKit

enum OptionCommand {
    static let spec = CommandSpec(
        name: "option",
        abstract: "Add, edit or remove an option (journalled).",
        discussion: """
        add needs --name, and --group when the appraisal groups its options. edit replaces what
        it is given (a list such as --strength is replaced as a whole; an empty text removes an
        optional part). remove deletes the option's scores and what declarations said about it,
        so it needs --reason when it has scores.
        """,
        arguments: [
            .init(name: "ACTION", help: "add, edit or remove."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "ID", help: "The option's kebab-case id."),
        ],
        options: [
            .init(name: "name", value: "TEXT", help: "The option's name."),
            .init(name: "short-name", value: "TEXT", help: "A shorter label for tables."),
            .init(name: "group", value: "GROUP", help: "The id of the option's strategic group."),
            .init(name: "description", value: "TEXT", help: "What the option is."),
            .init(name: "detail", value: "TEXT", help: "A paragraph of detail.", repeatable: true),
            .init(name: "strength", value: "TEXT", help: "A strength of the option.", repeatable: true),
            .init(name: "weakness", value: "TEXT", help: "A weakness of the option.", repeatable: true),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let id = arguments.argument("ID")!
        let value = { (name: String) in arguments.value(name, spec: spec) }
        let list = { (name: String) -> [String]? in arguments.all(name).isEmpty ? nil : arguments.all(name) }
        let edit: AppraisalEdit
        switch arguments.argument("ACTION")! {
        case "add":
            guard let name = value("name") else { throw UsageError(message: "a new option needs --name TEXT") }
            edit = .addOption(Option(id: id, name: name, shortName: value("short-name"), group: value("group"),
                                     description: value("description") ?? "", detail: arguments.all("detail"),
                                     strengths: arguments.all("strength"), weaknesses: arguments.all("weakness")))
        case "edit":
            let changes = OptionChanges(name: value("name"), shortName: value("short-name"), group: value("group"),
                                        description: value("description"), detail: list("detail"), strengths: list("strength"),
                                        weaknesses: list("weakness"))
            guard changes != OptionChanges() else {
                throw UsageError(message: "say what to change with --name, --short-name, --group, --description, --detail, --strength or --weakness")
            }
            edit = .editOption(id: id, changes)
        case "remove":
            try EditArguments.reject(["name", "short-name", "group", "description", "detail", "strength", "weakness"], in: arguments,
                                     action: "remove", hint: "remove takes only --by and --reason")
            edit = .removeOption(id: id)
        case let action:
            throw UsageError(message: "unknown action '\(action)'; use add, edit or remove")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(edit, action: "option \(arguments.argument("ACTION")!)", arguments: arguments, spec: spec, console: console)
    }
}
