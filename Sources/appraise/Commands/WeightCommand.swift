import AppraiseKit

enum WeightCommand {
    static let spec = CommandSpec(
        name: "weight",
        abstract: "Set a criterion's weight (journalled).",
        discussion: """
        Sets the weight the criterion carries in the appraisal's own weighting. Only the ratios
        of weights matter. When no criterion has a weight yet (equal weights), the others are
        written as 1, which keeps their meaning. Changing a weight that was set needs --reason.
        Named weightings for comparison live in weight sets: see 'appraise weights'.
        """,
        arguments: [
            .init(name: "ACTION", help: "set."),
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "CRITERION", help: "The criterion's id."),
            .init(name: "VALUE", help: "The weight, 0 or more."),
        ],
        options: [EditSession.byOption, EditSession.reasonOption],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        guard arguments.argument("ACTION") == "set" else {
            throw UsageError(message: "unknown action '\(arguments.argument("ACTION")!)'; use set")
        }
        let weight = try EditArguments.number(arguments.argument("VALUE")!, what: "VALUE", percentage: true)
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.setWeight(criterion: arguments.argument("CRITERION")!, weight: weight), action: "weight set",
                                 arguments: arguments, spec: spec, console: console)
    }
}
