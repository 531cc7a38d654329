import AppraiseKit

/// A usage mistake on the command line: printed with the command's usage, exit 2.
struct UsageError: Error {
    let message: String
}

/// A problem with an input file or a check that failed: printed as is, exit 1.
struct InputError: Error {
    let message: String
}

/// The command line as read against a `CommandSpec`: positional arguments by name and
/// option values by long name. Parsing checks names, arity and choices up front.
struct ParsedArguments: Sendable {
    private(set) var positional: [String: String] = [:]
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []

    init(_ words: [String], spec: CommandSpec) throws(UsageError) {
        var rest = words[...]
        var positionals: [String] = []
        while let word = rest.popFirst() {
            if word == "--" {
                positionals.append(contentsOf: rest)
                break
            }
            guard word.hasPrefix("--"), word.count > 2 else {
                if word.hasPrefix("-") && word.count > 1 && Double(word) == nil {
                    throw UsageError(message: "unknown option '\(word)'")
                }
                positionals.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let names = spec.options.map { "--\($0.name)" }.joined(separator: ", ")
                throw UsageError(message: "unknown option '--\(name)' for '\(spec.name)' (options: \(names))")
            }
            guard option.value != nil else {
                if inlineValue != nil { throw UsageError(message: "--\(name) takes no value") }
                flags.insert(name)
                continue
            }
            guard let value = inlineValue ?? rest.popFirst() else {
                throw UsageError(message: "--\(name) needs a value (\(option.value!))")
            }
            if !option.choices.isEmpty && !option.choices.contains(value) {
                throw UsageError(message: "--\(name) must be one of \(option.choices.joined(separator: ", ")), not '\(value)'")
            }
            if values[name] != nil && !option.repeatable {
                throw UsageError(message: "--\(name) is given more than once")
            }
            values[name, default: []].append(value)
        }
        let required = spec.arguments.filter { !$0.optional }.count
        if positionals.count < required {
            let missing = spec.arguments[positionals.count...].filter { !$0.optional }.map(\.name)
            throw UsageError(message: "missing \(missing.joined(separator: " "))")
        }
        if positionals.count > spec.arguments.count {
            throw UsageError(message: "unexpected argument '\(positionals[spec.arguments.count])'")
        }
        for (argument, value) in zip(spec.arguments, positionals) { positional[argument.name] = value }
    }

    func argument(_ name: String) -> String? { positional[name] }

    /// The value of an option, or its declared default.
    func value(_ name: String, spec: CommandSpec) -> String? {
        values[name]?.last ?? spec.options.first { $0.name == name }?.defaultValue
    }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option that must be a whole number in a range.
    func integer(_ name: String, spec: CommandSpec, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name, spec: spec) else { return nil }
        guard let number = NumberText.wholeNumber(text), range.contains(number) else {
            throw UsageError(message: "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }
}
