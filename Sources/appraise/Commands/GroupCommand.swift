import AppraiseKit

enum GroupCommand {
    static let spec = CommandSpec(
        name: "group",
        abstract: "Add, edit or remove a group of options (journalled).",
        discussion: """
        Appraisals often present their options in families ("External vehicle"). add needs
        --name; --option puts an option in the group (repeat it for each), as does 'appraise
        option edit FILE OPTION --group ID'. Once the appraisal has groups every option needs
        one: until each has, 'appraise validate' lists those still without. Moving an option out
        of another group, or removing a group that has options, needs --reason.
        """,
        arguments: [
            .init(name: "ACTION", help: "add, edit or remove."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "ID", help: "The group's kebab-case id."),
        ],
        options: [
            .init(name: "name", value: "TEXT", help: "The group's name."),
            .init(name: "description", value: "TEXT", help: "What the options of the group have in common (empty removes it)."),
            .init(name: "option", value: "OPTION", help: "An option to put in the group.", repeatable: true),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let id = arguments.argument("ID")!
        let name = arguments.value("name", spec: spec), description = arguments.value("description", spec: spec)
        let options = arguments.all("option")
        let edit: AppraisalEdit
        switch arguments.argument("ACTION")! {
        case "add":
            guard let name else { throw UsageError(message: "a new group needs --name TEXT") }
            edit = .addGroup(OptionGroup(id: id, name: name, description: description ?? ""), options: options)
        case "edit":
            guard name != nil || description != nil || !options.isEmpty else {
                throw UsageError(message: "say what to change with --name, --description or --option")
            }
            edit = .editGroup(id: id, name: name, description: description, options: options)
        case "remove":
            try EditArguments.reject(["name", "description", "option"], in: arguments, action: "remove", hint: "remove takes only --by and --reason")
            edit = .removeGroup(id: id)
        case let action:
            throw UsageError(message: "unknown action '\(action)'; use add, edit or remove")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(edit, action: "group \(arguments.argument("ACTION")!)", arguments: arguments, spec: spec, console: console)
    }
}
