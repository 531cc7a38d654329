import Foundation

/// The router: finds the command named on the command line, parses its arguments against its
/// declaration, runs it and turns every failure into a message and an exit status.
enum CLI {
    static let version = "0.1.0"

    static let commands: [CommandSpec] = [
        ValidateCommand.spec,
        RankCommand.spec,
        CompareCommand.spec,
        VfmCommand.spec,
        ShowCommand.spec,
        ReportCommand.spec,
        ExportCommand.spec,
        VerifyPackCommand.spec,
        SensitivityCommand.spec,
        SMAACommand.spec,
        TreeCommand.spec,
        ProgrammeCommand.spec,
        KPICommand.spec,
        EvidenceCommand.spec,
        InitCommand.spec,
        DetailsCommand.spec,
        PaperCommand.spec,
        CriterionCommand.spec,
        NodeCommand.spec,
        MeasureCommand.spec,
        OptionCommand.spec,
        ShortlistCommand.spec,
        CSFCommand.spec,
        ScreenCommand.spec,
        StageCommand.spec,
        WeightCommand.spec,
        WeightsCommand.spec,
        ScoreCommand.spec,
        ValueFunctionCommand.spec,
        CostCommand.spec,
        CostingCommand.spec,
        PanelCommand.spec,
        GroupCommand.spec,
        ScaleCommand.spec,
        ImportanceCommand.spec,
        DeclareCommand.spec,
        LogCommand.spec,
        VerifyCommand.spec,
        AdoptCommand.spec,
        DiffCommand.spec,
    ]

    static func main(_ arguments: [String], console: Console = Console()) -> ExitStatus {
        guard let name = arguments.first else {
            console.error(overview)
            return .usage
        }
        switch name {
        case "-h", "--help", "help":
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.out(command.help)
            } else {
                console.out(overview)
            }
            return .success
        case "--version":
            console.out("appraise \(version)\n")
            return .success
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            console.error("appraise: unknown command '\(name)'. Run 'appraise --help' for the list of commands.")
            return .usage
        }
        let words = Array(arguments.dropFirst())
        if words.contains("--help") || words.contains("-h") {
            console.out(command.help)
            return .success
        }
        do {
            let parsed = try ParsedArguments(words, spec: command)
            return try command.run(parsed, console)
        } catch let error as UsageError {
            console.error("appraise \(command.name): \(error.message)\nUSAGE: \(command.usage)\nRun 'appraise \(command.name) --help' for more.")
            return .usage
        } catch let error as InputError {
            console.error("appraise \(command.name): \(error.message)")
            return .invalidInput
        } catch {
            console.error("appraise \(command.name): \(error)")
            return .invalidInput
        }
    }

    static var overview: String {
        var out = """
        appraise: an options-appraisal workbench. Loads an appraisal (criteria, options, scores with
        their rationale), checks it, ranks the options, tests how robust the ranking is, and writes
        the pack a committee and its auditors need.

        USAGE: appraise COMMAND [OPTIONS] ...

        COMMANDS:

        """
        for command in commands { out += Help.row(command.name, command.abstract) }
        out += "\nRun 'appraise COMMAND --help' for a command's arguments and options.\n"
        return out
    }
}
