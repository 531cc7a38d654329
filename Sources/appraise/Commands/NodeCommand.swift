import AppraiseKit

enum NodeCommand {
    static let spec = CommandSpec(
        name: "node",
        abstract: "Add, edit, remove or move a branch of the value tree (journalled).",
        discussion: """
        A branch groups criteria (or further branches) under an objective; its weight counts
        relative to the other items in the same branch, and a criterion's share of the total is
        the product of the shares above it. add needs --name; --parent puts it under another
        branch (the top of the tree without). --weight-rationale records why the branch carries
        its weight; --swing-worst, --swing-best and --swing-points record swing weighting (the
        points are the weight). edit changes what it is given; changing a weight or swing that
        was set needs --reason. remove moves what sat under the branch up to its parent (with
        --reason). move puts a branch or a criterion under --to BRANCH, or at the top with
        --to-top (with --reason, since the weights change). Put criteria under a branch with
        'appraise criterion add|edit ID --parent BRANCH' or 'appraise node move'.
        """,
        arguments: [
            .init(name: "ACTION", help: "add, edit, remove or move."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "ID", help: "The branch's kebab-case id (for move, a branch or a criterion)."),
        ],
        options: [
            .init(name: "name", value: "TEXT", help: "The branch's name."),
            .init(name: "parent", value: "BRANCH", help: "The branch this one sits under (add only)."),
            .init(name: "weight", value: "WEIGHT", help: "Weight relative to the other items in the same branch."),
            .init(name: "weight-rationale", value: "TEXT", help: "Why the branch carries its weight (empty removes it)."),
            .init(name: "swing-worst", value: "TEXT", help: "Swing weighting: the worst level of the branch."),
            .init(name: "swing-best", value: "TEXT", help: "Swing weighting: the best level of the branch."),
            .init(name: "swing-points", value: "POINTS", help: "Swing weighting: the swing's points, 100 for the biggest swing."),
            .init(name: "to", value: "BRANCH", help: "move: the branch to put the item under."),
            .init(name: "to-top", value: nil, help: "move: put the item at the top of the tree."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let id = arguments.argument("ID")!
        let action = arguments.argument("ACTION")!
        let swing = try swing(arguments, spec: spec)
        let edit: ValueTreeEdit
        switch action {
        case "add":
            try EditArguments.reject(["to", "to-top"], in: arguments, action: "add", hint: "put the new branch under another with --parent")
            guard let name = arguments.value("name", spec: spec) else { throw UsageError(message: "a new branch needs --name TEXT") }
            edit = .addNode(ValueNode(id: id, name: name, parent: arguments.value("parent", spec: spec),
                                      weight: try EditArguments.number(arguments, "weight", spec: spec),
                                      weightRationale: arguments.value("weight-rationale", spec: spec), swing: swing))
        case "edit":
            try EditArguments.reject(["parent", "to", "to-top"], in: arguments, action: "edit", hint: "move a branch with 'appraise node move'")
            let changes = NodeChanges(name: arguments.value("name", spec: spec), weight: try EditArguments.number(arguments, "weight", spec: spec),
                                      weightRationale: arguments.value("weight-rationale", spec: spec), swing: swing)
            guard changes != NodeChanges() else {
                throw UsageError(message: "say what to change with --name, --weight, --weight-rationale or the --swing options")
            }
            edit = .editNode(id: id, changes)
        case "remove":
            try EditArguments.reject(["name", "parent", "weight", "weight-rationale", "swing-worst", "swing-best", "swing-points", "to", "to-top"],
                                     in: arguments, action: "remove", hint: "remove takes only --by and --reason")
            edit = .removeNode(id: id)
        case "move":
            try EditArguments.reject(["name", "parent", "weight", "weight-rationale", "swing-worst", "swing-best", "swing-points"],
                                     in: arguments, action: "move", hint: "move takes --to BRANCH or --to-top")
            let to = arguments.value("to", spec: spec)
            guard (to != nil) != arguments.flag("to-top") else { throw UsageError(message: "say where to move it with --to BRANCH or --to-top (one of them)") }
            edit = .move(id: id, parent: to)
        default:
            throw UsageError(message: "unknown action '\(action)'; use add, edit, remove or move")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.valueTree(edit), action: "node \(action)", arguments: arguments, spec: spec, console: console)
    }

    /// The swing given by the three --swing options, all or none.
    static func swing(_ arguments: ParsedArguments, spec: CommandSpec) throws(UsageError) -> Swing? {
        let worst = arguments.value("swing-worst", spec: spec), best = arguments.value("swing-best", spec: spec)
        let points = try EditArguments.number(arguments, "swing-points", spec: spec)
        if worst == nil && best == nil && points == nil { return nil }
        guard let worst, let best, let points else {
            throw UsageError(message: "a swing needs all three of --swing-worst TEXT, --swing-best TEXT and --swing-points POINTS")
        }
        return Swing(worst: worst, best: best, points: points)
    }
}
