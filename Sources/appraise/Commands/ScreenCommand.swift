import AppraiseKit

enum ScreenCommand {
    static let spec = CommandSpec(
        name: "screen",
        abstract: "Record an option's result on a critical success factor (journalled).",
        discussion: """
        --result is pass, pass-with-reservations or fail; --why says why (recorded in the file)
        and --evidence what it rests on. Changing a result already recorded needs --reason. An
        option that fails a factor should be discounted with 'appraise stage FILE OPTION
        discounted --reason TEXT'; 'validate' warns when it is scored instead.
        """,
        arguments: [
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "OPTION", help: "The option's id."),
            .init(name: "CSF", help: "The critical success factor's id."),
        ],
        options: [
            .init(name: "result", value: "RESULT", help: "The option's result.", choices: ScreeningOutcome.allCases.map(\.rawValue)),
            .init(name: "why", value: "TEXT", help: "Why the option has this result."),
            .init(name: "evidence", value: "TEXT", help: "What the result rests on (a document, a finding, a page)."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        guard let text = arguments.value("result", spec: spec), let outcome = ScreeningOutcome(rawValue: text) else {
            throw UsageError(message: "give the result with --result pass, pass-with-reservations or fail")
        }
        let empty = { (name: String) -> String? in arguments.value(name, spec: spec).flatMap { $0.isEmpty ? nil : $0 } }
        let result = ScreeningResult(option: arguments.argument("OPTION")!, criterion: arguments.argument("CSF")!, outcome: outcome,
                                     reason: empty("why"), evidence: empty("evidence"))
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.screening(.setResult(result)), action: "screen", arguments: arguments, spec: spec, console: console)
    }
}
