import AppraiseKit

enum MeasureCommand {
    static let spec = CommandSpec(
        name: "measure",
        abstract: "Add, edit or remove a cost line, saving or quantity (journalled).",
        discussion: """
        A measure is something every option has an amount of: a cost line (capital, revenue,
        transition), a saving or income line, or another quantity in its own unit (places,
        months). add needs --name and --kind (cost, saving or quantity); money takes the
        appraisal's currency as its unit unless --unit is given. --optimism-bias PERCENT with
        --bias-source TEXT uplifts a cost line (0 removes it). Enter amounts with
        'appraise cost set'. remove deletes the measure's amounts, so it needs --reason when
        there are any.
        """,
        arguments: [
            .init(name: "ACTION", help: "add, edit or remove."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "ID", help: "The measure's kebab-case id, e.g. capital."),
        ],
        options: [
            .init(name: "name", value: "TEXT", help: "The measure's name, e.g. 'Capital cost'."),
            .init(name: "kind", value: "KIND", help: "What it counts.", choices: MeasureKind.allCases.map(\.rawValue)),
            .init(name: "unit", value: "UNIT", help: "The currency for money (default: the appraisal's), or a unit such as places."),
            .init(name: "description", value: "TEXT", help: "What the line covers."),
            .init(name: "optimism-bias", value: "PERCENT", help: "Uplift on a cost line, e.g. 24."),
            .init(name: "bias-source", value: "TEXT", help: "Where the optimism-bias percentage comes from."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let id = arguments.argument("ID")!
        let bias = try EditArguments.number(arguments, "optimism-bias", spec: spec)
        let kind = arguments.value("kind", spec: spec).flatMap(MeasureKind.init(rawValue:))
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        let edit: MoneyEdit
        switch arguments.argument("ACTION")! {
        case "add":
            guard let name = arguments.value("name", spec: spec), let kind else {
                throw UsageError(message: "a new measure needs --name TEXT and --kind (cost, saving or quantity)")
            }
            let currency = session.appraisal.costing?.effectiveCurrency ?? Costing.defaultCurrency
            guard let unit = arguments.value("unit", spec: spec) ?? (kind.isMoney ? currency : nil) else {
                throw UsageError(message: "a quantity needs --unit, e.g. --unit places")
            }
            var optimism: OptimismBias?
            if let bias {
                guard let source = arguments.value("bias-source", spec: spec) else {
                    throw UsageError(message: "--optimism-bias needs --bias-source TEXT saying where the percentage comes from")
                }
                optimism = OptimismBias(percent: bias, source: source)
            }
            edit = .addMeasure(Measure(id: id, name: name, unit: unit, kind: kind, description: arguments.value("description", spec: spec),
                                       optimismBias: optimism))
        case "edit":
            let changes = MeasureChanges(name: arguments.value("name", spec: spec), unit: arguments.value("unit", spec: spec), kind: kind,
                                         description: arguments.value("description", spec: spec), optimismBias: bias,
                                         biasSource: arguments.value("bias-source", spec: spec))
            guard changes != MeasureChanges() else {
                throw UsageError(message: "say what to change with --name, --kind, --unit, --description, --optimism-bias or --bias-source")
            }
            edit = .editMeasure(id: id, changes)
        case "remove":
            try EditArguments.reject(["name", "kind", "unit", "description", "optimism-bias", "bias-source"], in: arguments, action: "remove",
                                     hint: "remove takes only --by and --reason")
            edit = .removeMeasure(id: id)
        case let action:
            throw UsageError(message: "unknown action '\(action)'; use add, edit or remove")
        }
        return try session.apply(.money(edit), action: "measure \(arguments.argument("ACTION")!)", arguments: arguments, spec: spec, console: console)
    }
}
