import AppraiseKit
import AppraiseRender

enum PanelCommand {
    static let spec = CommandSpec(
        name: "panel",
        abstract: "Compare the scores of a panel of scorers.",
        discussion: """
        For every cell: each scorer's score (filed with 'appraise score --scorer NAME'), the agreed
        score if one is recorded, the consensus the cell counts with and the spread, flagging
        cells where scorers are more than one step apart. Then, per scorer, the option their
        scores put first (cells they did not score count at the consensus) and whether that
        changes first place, and Kendall's W for the agreement of the scorers' rankings.

        The consensus is the agreed score, else the median of the scorers' scores (or the mean),
        exact or rounded to the scale's steps. --consensus and --rounding try another rule;
        with --save the rule is written to the file (journalled).

        --agree NAME files NAME's scores as the agreed scores of every cell that has none
        (journalled, with --reason): for scores one person filed under their name that were
        meant as the appraisal's own.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "weights", value: "SET", help: "Weighting to rank under.", defaultValue: "default"),
            .init(name: "consensus", value: "RULE", help: "How scorers' scores combine.", choices: PanelSetting.Method.allCases.map(\.rawValue)),
            .init(name: "rounding", value: "ROUNDING", help: "Whether the consensus is put on the scale's steps.",
                  choices: PanelSetting.Rounding.allCases.map(\.rawValue)),
            .init(name: "save", value: nil, help: "Write --consensus and --rounding to the file as its panel rule."),
            .init(name: "agree", value: "NAME", help: "File NAME's scores as the agreed scores of the cells that have none."),
            EditSession.byOption,
            EditSession.reasonOption,
            OutputFormat.option([.text, .json]),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let consensus = arguments.value("consensus", spec: spec).flatMap(PanelSetting.Method.init(rawValue:))
        let rounding = arguments.value("rounding", spec: spec).flatMap(PanelSetting.Rounding.init(rawValue:))
        if let scorer = arguments.value("agree", spec: spec) {
            guard !arguments.flag("save") else { throw UsageError(message: "give --agree or --save, not both; run them one after the other") }
            let session = try EditSession.open(path, arguments: arguments, spec: spec, console: console)
            return try session.apply(.agreeScores(scorer: scorer), action: "panel --agree", arguments: arguments, spec: spec, console: console)
        }
        if arguments.flag("save") {
            guard consensus != nil || rounding != nil else {
                throw UsageError(message: "--save writes the rule given by --consensus and --rounding; give at least one")
            }
            let session = try EditSession.open(path, arguments: arguments, spec: spec, console: console)
            let current = session.appraisal.panelSetting
            let setting = PanelSetting(consensus: consensus ?? current.consensus, rounding: rounding ?? current.rounding)
            _ = try session.apply(.setPanel(setting), action: "panel", arguments: arguments, spec: spec, console: console)
        }
        let input = try LoadedAppraisal.load(path, console: console)
        var appraisal = input.appraisal
        let current = appraisal.panelSetting
        appraisal.panel = PanelSetting(consensus: consensus ?? current.consensus, rounding: rounding ?? current.rounding)
        guard !appraisal.scorers.isEmpty else {
            console.out("\(path) has no scores filed under a scorer; file them with 'appraise score \(path) OPTION CRITERION VALUE --scorer NAME'\n")
            return .success
        }
        let selection = try input.selection(arguments.value("weights", spec: spec))
        guard let analysis = PanelAnalysis(appraisal: appraisal, weights: selection.weights) else {
            throw InputError(message: "\(path): a cell has no score, so there is no ranking to compare; run 'appraise validate \(path)'")
        }
        switch OutputFormat.from(arguments, spec: spec) {
        case .json:
            console.out(PanelRenderer.json(analysis, appraisal: appraisal, fingerprint: input.fingerprint).withExactSiblings.prettyText)
        default:
            console.out(TextTableRenderer.render(PanelRenderer.cellTable(analysis, appraisal: appraisal)) + "\n"
                        + TextTableRenderer.render(PanelRenderer.scorerTable(analysis, appraisal: appraisal)))
        }
        return .success
    }
}
