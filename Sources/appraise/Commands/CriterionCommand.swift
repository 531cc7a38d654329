import AppraiseKit

enum CriterionCommand {
    static let spec = CommandSpec(
        name: "criterion",
        abstract: "Add, edit or remove a criterion (journalled).",
        discussion: """
        add needs --name; --offer gives what an option should offer (repeat it for each bullet).
        When the criteria carry weights the new one needs --weight; when they do not, giving one
        writes weight 1 on the others, which keeps their meaning. A new criterion joins every
        weight set at weight 0 and the end of the order of importance. edit replaces what it is
        given (all --offer bullets or all --evidence citations at once; an empty --short-name
        removes it). --evidence cites a KPI indicator as DATASET:REF=NOTE. remove deletes the
        criterion's scores too, so it needs --reason when there are any.
        """,
        arguments: [
            .init(name: "ACTION", help: "add, edit or remove."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "ID", help: "The criterion's kebab-case id."),
        ],
        options: [
            .init(name: "name", value: "TEXT", help: "The criterion's name."),
            .init(name: "short-name", value: "TEXT", help: "A shorter label for tables."),
            .init(name: "offer", value: "TEXT", help: "What an option should offer to score well.", repeatable: true),
            .init(name: "weight", value: "WEIGHT", help: "The criterion's weight (add only; then use 'appraise weight set')."),
            .init(name: "evidence", value: "DATASET:REF[=NOTE]", help: "A KPI indicator that bears on the whole criterion.", repeatable: true),
            .init(name: "parent", value: "BRANCH", help: "The value-tree branch the criterion sits under (see 'appraise node')."),
            .init(name: "weight-rationale", value: "TEXT", help: "Why the criterion carries its weight (empty removes it)."),
            .init(name: "swing-worst", value: "TEXT", help: "Swing weighting: the worst level on the criterion."),
            .init(name: "swing-best", value: "TEXT", help: "Swing weighting: the best level on the criterion."),
            .init(name: "swing-points", value: "POINTS", help: "Swing weighting: the swing's points, 100 for the biggest swing."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let id = arguments.argument("ID")!
        let offers = arguments.all("offer")
        let evidence = try arguments.all("evidence").map(ScoreCommand.citation)
        let edit: AppraisalEdit
        switch arguments.argument("ACTION")! {
        case "add":
            guard let name = arguments.value("name", spec: spec) else {
                throw UsageError(message: "a new criterion needs --name TEXT")
            }
            edit = .addCriterion(Criterion(id: id, name: name, shortName: arguments.value("short-name", spec: spec), offers: offers,
                                           weight: try EditArguments.number(arguments, "weight", spec: spec), evidence: evidence,
                                           parent: arguments.value("parent", spec: spec),
                                           weightRationale: arguments.value("weight-rationale", spec: spec), swing: try NodeCommand.swing(arguments, spec: spec)))
        case "edit" where try treeChange(arguments) != nil:
            edit = .valueTree(try treeChange(arguments)!)
        case "edit":
            try EditArguments.reject(["weight"], in: arguments, action: "edit", hint: "change a weight with 'appraise weight set'")
            let changes = CriterionChanges(name: arguments.value("name", spec: spec), shortName: arguments.value("short-name", spec: spec),
                                           offers: offers.isEmpty ? nil : offers, evidence: evidence.isEmpty ? nil : evidence)
            guard changes != CriterionChanges() else {
                throw UsageError(message: "say what to change with --name, --short-name, --offer or --evidence")
            }
            edit = .editCriterion(id: id, changes)
        case "remove":
            try EditArguments.reject(["name", "short-name", "offer", "weight", "evidence", "parent", "weight-rationale", "swing-worst", "swing-best", "swing-points"],
                                     in: arguments, action: "remove", hint: "remove takes only --by and --reason")
            edit = .removeCriterion(id: id)
        case let action:
            throw UsageError(message: "unknown action '\(action)'; use add, edit or remove")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(edit, action: "criterion \(arguments.argument("ACTION")!)", arguments: arguments, spec: spec, console: console)
    }

    /// The value-tree change `criterion edit` asks for (--parent, or the weight's reasons),
    /// made on its own so each journal entry is one kind of change.
    static func treeChange(_ arguments: ParsedArguments) throws -> ValueTreeEdit? {
        let id = arguments.argument("ID")!
        let parent = arguments.value("parent", spec: spec)
        let rationale = arguments.value("weight-rationale", spec: spec)
        let swing = try NodeCommand.swing(arguments, spec: spec)
        guard parent != nil || rationale != nil || swing != nil else { return nil }
        try EditArguments.reject(["name", "short-name", "offer", "weight", "evidence"], in: arguments, action: "a change of the criterion's place or weight reasons",
                                 hint: "make that change in its own 'appraise criterion edit'")
        if let parent {
            guard rationale == nil, swing == nil else {
                throw UsageError(message: "move the criterion with --parent on its own, then give --weight-rationale or the swing")
            }
            return .move(id: id, parent: parent)
        }
        return .criterionReasons(id: id, weightRationale: rationale, swing: swing)
    }
}
