import AppraiseKit

enum ScaleCommand {
    static let spec = CommandSpec(
        name: "scale",
        abstract: "Say what the values of the score scale mean (journalled).",
        discussion: """
        --anchor VALUE=MEANING records what a score means ("3=Meets most of the criterion"), as
        scorers and members read it beside every score matrix; --remove-anchor VALUE removes
        one. Changing or removing a meaning already recorded needs --reason.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "anchor", value: "VALUE=MEANING", help: "What a value of the scale means.", repeatable: true),
            .init(name: "remove-anchor", value: "VALUE", help: "Remove the meaning of a value.", repeatable: true),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let anchors = try arguments.all("anchor").map { text throws(UsageError) in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw UsageError(message: "--anchor must be VALUE=MEANING, e.g. 3=\"Meets most of the criterion\", not '\(text)'")
            }
            return ScaleAnchor(value: try EditArguments.number(String(text[..<equals]), what: "the anchor's value"),
                               meaning: String(text[text.index(after: equals)...]))
        }
        let remove = try arguments.all("remove-anchor").map { text throws(UsageError) in try EditArguments.number(text, what: "--remove-anchor") }
        guard !anchors.isEmpty || !remove.isEmpty else {
            throw UsageError(message: "say what to change with --anchor VALUE=MEANING or --remove-anchor VALUE")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.setAnchors(anchors, remove: remove), action: "scale", arguments: arguments, spec: spec, console: console)
    }
}
