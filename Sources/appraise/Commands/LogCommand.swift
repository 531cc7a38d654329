import AppraiseKit
import AppraiseRender
import Foundation

enum LogCommand {
    static let spec = CommandSpec(
        name: "log",
        abstract: "Show an appraisal's history from its journal.",
        discussion: """
        Prints every journalled change, oldest first: entry number, time (UTC), who, the command,
        what changed from what to what, and the reason. --criterion and --option keep only the
        changes that concern them (both together: one cell). The log reads the journal as it is;
        'appraise verify' checks that it holds up.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON); its journal is FILE.journal.")],
        options: [
            .init(name: "criterion", value: "ID", help: "Only changes that concern this criterion."),
            .init(name: "option", value: "ID", help: "Only changes that concern this option."),
            OutputFormat.option([.text, .json]),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let journal = try JournalFile(appraisal: URL(fileURLWithPath: path), path: path, writing: false)
        let text = try journal.read()
        var entries: [JournalEntry] = []
        for (index, line) in text.lines.enumerated() {
            do {
                entries.append(try JournalEntry(line: line))
            } catch {
                throw InputError(message: "\(journal.name) line \(index + 1) is not a journal entry (\(error.message)); run 'appraise verify \(path)'")
            }
        }
        let criterion = arguments.value("criterion", spec: spec), option = arguments.value("option", spec: spec)
        switch OutputFormat.from(arguments, spec: spec) {
        case .json: console.out(JournalRenderer.json(entries, criterion: criterion, option: option).withExactSiblings.prettyText)
        default: console.out(JournalRenderer.text(entries, criterion: criterion, option: option))
        }
        return .success
    }
}
