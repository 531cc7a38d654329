import AppraiseKit

enum ScaleCommand {
    static let spec = CommandSpec(
        name: "scale",
        abstract: "Say what the values of the score scale mean (journalled).",
        discussion: """
        --anchor VALUE=MEANING records what a score means ("3=Meets most of the criterion"), as
        scorers and members read it beside every score matrix; --remove-anchor VALUE removes
        one. Changing or removing a meaning already recorded needs --reason. --relative marks the
        scale relative to the options appraised (its bottom is the least preferred of them, its
        top the most, as in swing scoring), so every headline says so and "87.9%" is not read as
        an absolute standard; --absolute undoes it (with --reason).
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "anchor", value: "VALUE=MEANING", help: "What a value of the scale means.", repeatable: true),
            .init(name: "remove-anchor", value: "VALUE", help: "Remove the meaning of a value.", repeatable: true),
            .init(name: "relative", value: nil, help: "Mark the scale relative: bottom = least preferred of these options, top = most."),
            .init(name: "absolute", value: nil, help: "Mark the scale absolute again (the default)."),
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
        let relative = arguments.flag("relative"), absolute = arguments.flag("absolute")
        if relative && absolute {
            throw UsageError(message: "give --relative or --absolute, not both")
        }
        if (relative || absolute) && !(anchors.isEmpty && remove.isEmpty) {
            throw UsageError(message: "--\(relative ? "relative" : "absolute") changes the scale's kind alone; give --anchor and --remove-anchor in another command")
        }
        guard !anchors.isEmpty || !remove.isEmpty || relative || absolute else {
            throw UsageError(message: "say what to change with --anchor VALUE=MEANING, --remove-anchor VALUE, --relative or --absolute")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        let edit: AppraisalEdit = relative || absolute ? .setScaleRelative(relative) : .setAnchors(anchors, remove: remove)
        return try session.apply(edit, action: "scale", arguments: arguments, spec: spec, console: console)
    }
}
