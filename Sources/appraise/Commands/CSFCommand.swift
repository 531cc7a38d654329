import AppraiseKit

enum CSFCommand {
    static let spec = CommandSpec(
        name: "csf",
        abstract: "Add, edit or remove the critical success factors the long list is screened against (journalled).",
        discussion: """
        template adds the Green Book's five (strategic fit, potential value for money, supplier
        capacity and capability, potential affordability, potential achievability) to change as
        the case needs. add needs an ID and --name. remove deletes the factor's screening
        results, so it needs --reason when it has any. source records where the screening
        comes from (--description TEXT; empty removes it).
        """,
        arguments: [
            .init(name: "ACTION", help: "template, add, edit, remove or source."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "ID", help: "The critical success factor's kebab-case id (add, edit, remove).", optional: true),
        ],
        options: [
            .init(name: "name", value: "TEXT", help: "The factor's name."),
            .init(name: "description", value: "TEXT", help: "What the factor asks of an option (for source: where the screening comes from)."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let action = arguments.argument("ACTION")!
        let id = arguments.argument("ID")
        let name = arguments.value("name", spec: spec), description = arguments.value("description", spec: spec)
        let needsID = { () throws(UsageError) -> String in
            guard let id else { throw UsageError(message: "\(action) needs the factor's ID after FILE") }
            return id
        }
        let edit: ScreeningEdit
        switch action {
        case "template":
            try EditArguments.reject(["name", "description"], in: arguments, action: "template", hint: "template takes only --by and --reason")
            guard id == nil else { throw UsageError(message: "template takes no ID; it adds the Green Book's five factors") }
            edit = .addTemplate
        case "add":
            guard let name else { throw UsageError(message: "a new critical success factor needs --name TEXT") }
            edit = .addCriterion(ScreeningCriterion(id: try needsID(), name: name, description: description ?? ""))
        case "edit":
            guard name != nil || description != nil else { throw UsageError(message: "say what to change with --name or --description") }
            edit = .editCriterion(id: try needsID(), name: name, description: description)
        case "remove":
            try EditArguments.reject(["name", "description"], in: arguments, action: "remove", hint: "remove takes only --by and --reason")
            edit = .removeCriterion(id: try needsID())
        case "source":
            try EditArguments.reject(["name"], in: arguments, action: "source", hint: "give the source with --description TEXT")
            guard id == nil else { throw UsageError(message: "source takes no ID; give the text with --description TEXT") }
            guard let description else { throw UsageError(message: "give where the screening comes from with --description TEXT") }
            edit = .setSource(description)
        default:
            throw UsageError(message: "unknown action '\(action)'; use template, add, edit, remove or source")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.screening(edit), action: "csf \(action)", arguments: arguments, spec: spec, console: console)
    }
}
