import AppraiseKit

enum ScoreCommand {
    static let spec = CommandSpec(
        name: "score",
        abstract: "Set a score with its rationale (journalled).",
        discussion: """
        Sets OPTION's score on CRITERION: the agreed score of the cell, which counts over any
        panel consensus. With --scorer NAME it is filed instead as that panel member's score;
        cells with no agreed score count at the panel's consensus, and rank, show and the report
        say which. --by names who makes the change, as on every command. Rationale bullets are written in the order for,
        against, contingent, note; giving any replaces the score's rationale, --append adds them
        after the bullets it has, and giving none keeps it; KPI citations (--evidence
        DATASET:REF=NOTE) follow the same rule. Changing a score that already has a value needs
        --reason. The journal records who (--by, else $USER), when, old → new and why.

        With --from-csv SHEET.csv (and no OPTION CRITERION VALUE) the scores come from a
        spreadsheet: a matrix as 'init --from-csv' reads it, or one row per cell headed Option,
        Criterion, Score and optionally Scorer, For, Against, Contingent, Note, Source (several
        bullets on separate lines in the cell). Options and criteria may be given by id or name;
        a matrix may keep its options in rows or in columns (the names, a Weight row or column
        and the first cell say which, else --options-in rows|columns).
        Every bad cell is listed at once and nothing is written until all are right; the scores
        are journalled as one entry, with --reason when any replaces a score.
        """,
        arguments: [
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "OPTION", help: "The option's id.", optional: true),
            .init(name: "CRITERION", help: "The criterion's id.", optional: true),
            .init(name: "VALUE", help: "The score, on the appraisal's scale.", optional: true),
        ],
        options: [
            .init(name: "for", value: "TEXT", help: "A point in the option's favour (+).", repeatable: true),
            .init(name: "against", value: "TEXT", help: "A point against it (–).", repeatable: true),
            .init(name: "contingent", value: "TEXT", help: "A point that holds only if something else happens (•).", repeatable: true),
            .init(name: "note", value: "TEXT", help: "Unmarked narrative text.", repeatable: true),
            .init(name: "append", value: nil, help: "Add the bullets after the score's existing rationale."),
            .init(name: "source", value: "TEXT", help: "Where in the source document the score comes from (empty removes it)."),
            .init(name: "evidence", value: "DATASET:REF[=NOTE]", help: "A KPI indicator the score cites, with what it shows.", repeatable: true),
            .init(name: "from-csv", value: "SHEET.csv", help: "Take many scores from a spreadsheet (a matrix or one row per cell)."),
            .init(name: "scorer", value: "NAME", help: "File the score as this panel member's score, not the agreed one."),
            InitCommand.optionsInOption,
            .init(name: "agreed", value: nil, help: "File the score as the cell's agreed score (the default without --scorer)."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let scorer = arguments.value("scorer", spec: spec)
        if scorer != nil && arguments.flag("agreed") {
            throw UsageError(message: "give --scorer NAME for a panel member's score or --agreed for the agreed score, not both")
        }
        if let sheet = arguments.value("from-csv", spec: spec) {
            return try fromSheet(sheet, scorer: scorer, arguments: arguments, console: console)
        }
        guard let option = arguments.argument("OPTION"), let criterion = arguments.argument("CRITERION"),
              let valueText = arguments.argument("VALUE") else {
            throw UsageError(message: "give OPTION CRITERION VALUE, or --from-csv SHEET.csv for many scores")
        }
        let value = try EditArguments.number(valueText, what: "VALUE")
        let bullets = RationaleBullet.Kind.allCases.flatMap { kind in
            arguments.all(kind.rawValue).map { RationaleBullet(kind: kind, text: $0) }
        }
        let evidence = try arguments.all("evidence").map(citation)
        if arguments.flag("append") && bullets.isEmpty && evidence.isEmpty {
            throw UsageError(message: "--append needs bullets or citations to add: --for, --against, --contingent, --note or --evidence")
        }
        let changes = ScoreChanges(option: option, criterion: criterion, scorer: scorer,
                                   value: value, rationale: bullets.isEmpty ? nil : bullets, appendRationale: arguments.flag("append"),
                                   source: arguments.value("source", spec: spec), evidence: evidence.isEmpty ? nil : evidence)
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        return try session.apply(.setScore(changes), action: "score", arguments: arguments, spec: spec, console: console)
    }

    private static func fromSheet(_ sheet: String, scorer: String?, arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        if arguments.argument("OPTION") != nil {
            throw UsageError(message: "give OPTION CRITERION VALUE or --from-csv, not both")
        }
        try EditArguments.reject(["for", "against", "contingent", "note", "append", "source", "evidence"], in: arguments,
                                 action: "--from-csv", hint: "put rationale in the sheet's For, Against, Contingent, Note and Source columns")
        let table = try SheetInput.read(sheet)
        let session = try EditSession.open(arguments.argument("FILE")!, arguments: arguments, spec: spec, console: console)
        let result: ScoreSheetImport.Result
        let optionsIn = try InitCommand.optionsIn(arguments, spec: spec)
        do {
            result = try ScoreSheetImport.changes(table, file: sheet, appraisal: session.appraisal, scorer: scorer, optionsIn: optionsIn)
        } catch {
            throw SheetInput.failure(error, file: sheet, console: console)
        }
        for note in [result.layoutNote].compactMap({ $0 }) + result.notes { console.error("note: \(note)") }
        return try session.apply(.setScores(result.changes), action: "score --from-csv", arguments: arguments, spec: spec, console: console)
    }

    /// `sc-2017-06:11.1=Agency workers down`: the dataset id up to the first colon (ids have
    /// none), the indicator's ref up to the first "=", then the note.
    static func citation(_ text: String) throws(UsageError) -> EvidenceLink {
        guard let colon = text.firstIndex(of: ":") else {
            throw UsageError(message: "--evidence '\(text)' needs the form DATASET:REF or DATASET:REF=NOTE, e.g. sc-2017-06:11.1=agency staff down")
        }
        let dataset = String(text[..<colon])
        let rest = text[text.index(after: colon)...]
        let equals = rest.firstIndex(of: "=")
        let indicator = String(rest[..<(equals ?? rest.endIndex)])
        let note = equals.map { String(rest[rest.index(after: $0)...]) } ?? ""
        guard !dataset.isEmpty, !indicator.isEmpty else {
            throw UsageError(message: "--evidence '\(text)' needs a dataset id and an indicator ref, e.g. sc-2017-06:11.1")
        }
        return EvidenceLink(dataset: dataset, indicator: indicator, note: note)
    }
}
