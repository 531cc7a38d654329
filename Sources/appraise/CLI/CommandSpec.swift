/// A command declared as data: its name, what it is for, its arguments and options. Usage,
/// `--help` and usage errors are all generated from this, so help never drifts from behaviour.
struct CommandSpec: Sendable {
    struct Argument: Sendable {
        let name: String
        let help: String
        var optional = false
    }

    struct Option: Sendable {
        /// Long name without dashes, e.g. `format`.
        let name: String
        /// Placeholder for the value in help (`FORMAT`); nil for a flag that takes no value.
        let value: String?
        let help: String
        /// Accepted values, checked before the command runs.
        var choices: [String] = []
        var defaultValue: String?
        /// Whether the option may be given more than once.
        var repeatable = false
    }

    let name: String
    let abstract: String
    let discussion: String
    let arguments: [Argument]
    let options: [Option]
    let run: @Sendable (ParsedArguments, Console) throws -> ExitStatus

    var usage: String {
        var parts = ["appraise", name]
        for option in options where option.name != "help" {
            let value = option.value.map { " \($0)" } ?? ""
            parts.append("[--\(option.name)\(value)]\(option.repeatable ? "..." : "")")
        }
        for argument in arguments { parts.append(argument.optional ? "[\(argument.name)]" : argument.name) }
        return parts.joined(separator: " ")
    }

    var help: String {
        var out = "\(abstract)\n\nUSAGE: \(usage)\n"
        if !discussion.isEmpty { out += "\n\(discussion)\n" }
        if !arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in arguments { out += Help.row(argument.name, argument.help) }
        }
        out += "\nOPTIONS:\n"
        for option in options {
            var text = option.help
            if !option.choices.isEmpty { text += " (\(option.choices.joined(separator: "|")))" }
            if let defaultValue = option.defaultValue { text += " [default: \(defaultValue)]" }
            if option.repeatable { text += " May be repeated." }
            out += Help.row("--\(option.name)" + (option.value.map { " \($0)" } ?? ""), text)
        }
        out += Help.row("-h, --help", "Show this help.")
        return out
    }
}

/// How the process ends: 0 success, 1 the input is invalid (or a check failed), 2 the
/// command line itself is wrong.
enum ExitStatus: Int32, Sendable {
    case success = 0
    case invalidInput = 1
    case usage = 2
}

enum Help {
    static func row(_ name: String, _ text: String) -> String {
        let pad = max(1, 26 - name.count)
        if name.count >= 25 { return "  \(name)\n" + String(repeating: " ", count: 28) + text + "\n" }
        return "  \(name)" + String(repeating: " ", count: pad) + text + "\n"
    }
}
