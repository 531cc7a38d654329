import AppraiseKit

enum StageCommand {
    static let spec = CommandSpec(
        name: "stage",
        abstract: "Move an option between the long list, the short list and discounted; tag it on the options framework (journalled).",
        discussion: """
        STAGE is long-listed, short-listed, discounted, business-as-usual, do-minimum or
        preferred. Only short-listed options (in any role) are scored and ranked; discounted ones
        stay in the file with why. Discounting and reinstating need --reason, which is recorded
        in the file as why the option is at its stage. --scope, --solution, --delivery,
        --implementation and --funding tag the option's choices on the Green Book's options
        framework (an empty text removes one); give them without STAGE to tag only.
        """,
        arguments: [
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "OPTION", help: "The option's id."),
            .init(name: "STAGE", help: "The option's new stage.", optional: true),
        ],
        options: FrameworkDimension.allCases.map { dimension in
            CommandSpec.Option(name: dimension.rawValue, value: "TEXT", help: "The option's \(dimension.rawValue) choice on the options framework.")
        } + [EditSession.byOption, EditSession.reasonOption],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let option = arguments.argument("OPTION")!
        var tags: [FrameworkDimension: String] = [:]
        for dimension in FrameworkDimension.allCases {
            if let value = arguments.value(dimension.rawValue, spec: spec) { tags[dimension] = value }
        }
        let edit: ScreeningEdit
        if let text = arguments.argument("STAGE") {
            guard let stage = OptionStage(rawValue: text) else {
                throw UsageError(message: "unknown stage '\(text)'; use one of \(OptionStage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard tags.isEmpty else { throw UsageError(message: "change the stage and the framework tags in two commands, so each is journalled on its own") }
            let reason = arguments.value("reason", spec: spec).flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            edit = .setStage(option: option, stage: stage, reason: reason)
        } else {
            guard !tags.isEmpty else {
                throw UsageError(message: "give the new STAGE, or framework tags with --scope, --solution, --delivery, --implementation or --funding")
            }
            edit = .tag(option: option, tags)
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.screening(edit), action: arguments.argument("STAGE") == nil ? "stage tag" : "stage", arguments: arguments, spec: spec, console: console)
    }
}
