import AppraiseKit

enum PaperCommand {
    static let spec = CommandSpec(
        name: "paper",
        abstract: "Write the committee paper's recommendations, implications, author and contact (journalled).",
        discussion: """
        The report drafts recommendations in the council form ("That members note …", "That members
        agree …") from the result; --recommendation replaces them with the officer's own, one per
        option given, in order (--drafted-recommendations returns to the drafts). The implications
        (--financial, --legal, --equalities, --other), --consultation, --timetable, --author,
        --contact and --version-note are printed in the report's front section; 'validate' names
        those still empty. An empty TEXT removes a part. Replacing words already written needs --reason.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "recommendation", value: "TEXT", help: "A recommendation, in order; replaces the recommendations.", repeatable: true),
            .init(name: "drafted-recommendations", value: nil, help: "Use the recommendations the report drafts from the result."),
            .init(name: "financial", value: "TEXT", help: "The financial implications."),
            .init(name: "legal", value: "TEXT", help: "The legal implications."),
            .init(name: "equalities", value: "TEXT", help: "The equalities implications."),
            .init(name: "other", value: "TEXT", help: "Other implications (staffing, climate, partners)."),
            .init(name: "consultation", value: "TEXT", help: "Who was consulted and what they said."),
            .init(name: "timetable", value: "TEXT", help: "When the decision would be carried out, and by whom."),
            .init(name: "author", value: "TEXT", help: "The report's author."),
            .init(name: "contact", value: "TEXT", help: "How to reach the author."),
            .init(name: "version-note", value: "TEXT", help: "A note printed beside the version, such as \"Draft for pre-agenda\"."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let value = { (name: String) in arguments.value(name, spec: spec) }
        let written = arguments.all("recommendation")
        if !written.isEmpty && arguments.flag("drafted-recommendations") {
            throw UsageError(message: "give either --recommendation or --drafted-recommendations, not both")
        }
        let changes = CommitteePaperChanges(
            recommendations: arguments.flag("drafted-recommendations") ? [] : written.isEmpty ? nil : written,
            financial: value("financial"), legal: value("legal"), equalities: value("equalities"), other: value("other"),
            consultation: value("consultation"), timetable: value("timetable"), author: value("author"), contact: value("contact"),
            version: value("version-note"))
        guard !changes.isEmpty else {
            throw UsageError(message: "say what to write with --recommendation, --financial, --legal, --equalities, --other, --consultation, "
                + "--timetable, --author, --contact or --version-note")
        }
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.paper(changes), action: "paper", arguments: arguments, spec: spec, console: console)
    }
}
