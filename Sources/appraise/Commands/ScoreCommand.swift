import AppraiseKit

enum ScoreCommand {
    static let spec = CommandSpec(
        name: "score",
        abstract: "Set a score with its rationale (journalled).",
        discussion: """
        Sets OPTION's score on CRITERION. With --by the score is filed under that scorer, as one
        member of a panel; without it (or with --agreed) it is the agreed score of the cell,
        which counts over any panel consensus. Rationale bullets are written in the order for,
        against, contingent, note; giving any replaces the score's rationale, --append adds them
        after the bullets it has, and giving none keeps it. Changing a score that already has a
        value needs --reason. The journal records who (--by, else $USER), when, old → new and why.
        """,
        arguments: [
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "OPTION", help: "The option's id."),
            .init(name: "CRITERION", help: "The criterion's id."),
            .init(name: "VALUE", help: "The score, on the appraisal's scale."),
        ],
        options: [
            .init(name: "for", value: "TEXT", help: "A point in the option's favour (+).", repeatable: true),
            .init(name: "against", value: "TEXT", help: "A point against it (–).", repeatable: true),
            .init(name: "contingent", value: "TEXT", help: "A point that holds only if something else happens (•).", repeatable: true),
            .init(name: "note", value: "TEXT", help: "Unmarked narrative text.", repeatable: true),
            .init(name: "append", value: nil, help: "Add the bullets after the score's existing rationale."),
            .init(name: "source", value: "TEXT", help: "Where in the source document the score comes from (empty removes it)."),
            .init(name: "agreed", value: nil, help: "File the score as the cell's agreed score even with --by."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let value = try EditArguments.number(arguments.argument("VALUE")!, what: "VALUE")
        let bullets = RationaleBullet.Kind.allCases.flatMap { kind in
            arguments.all(kind.rawValue).map { RationaleBullet(kind: kind, text: $0) }
        }
        if arguments.flag("append") && bullets.isEmpty {
            throw UsageError(message: "--append needs bullets to add: --for, --against, --contingent or --note")
        }
        let scorer = arguments.flag("agreed") ? nil : arguments.value("by", spec: spec)
        let changes = ScoreChanges(option: arguments.argument("OPTION")!, criterion: arguments.argument("CRITERION")!, scorer: scorer,
                                   value: value, rationale: bullets.isEmpty ? nil : bullets, appendRationale: arguments.flag("append"),
                                   source: arguments.value("source", spec: spec))
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.setScore(changes), action: "score", arguments: arguments, spec: spec, console: console)
    }
}
