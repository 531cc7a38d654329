import AppraiseKit
import AppraiseRender
import Foundation

enum AdoptCommand {
    static let spec = CommandSpec(
        name: "adopt",
        abstract: "Record a hand edit of an appraisal in its journal, or start the journal of an existing file.",
        discussion: """
        When FILE was edited outside appraise, 'appraise verify' reports it and further edits are
        refused. adopt journals the difference between the content the journal leads to and the
        file as it is now, as one change with its reason, so the chain continues. For a file that
        has no journal yet, adopt starts one with the whole file as its first entry. The file must
        load (unfinished is fine: cells may still be unscored); the file itself is not rewritten.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [EditSession.byOption, EditSession.reasonOption],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let url = URL(fileURLWithPath: path)
        guard let reason = arguments.value("reason", spec: spec), !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError(message: "adopt needs --reason TEXT saying why the file was changed by hand")
        }
        let author = try EditSession.author(arguments, spec: spec)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputError(message: "\(path): no such file; check the path")
        }
        let journal = try JournalFile(appraisal: url, path: path, create: true)
        let text = try journal.read()
        try journal.removeUnfinished(text)
        let data = FileManager.default.contents(atPath: url.path) ?? Data()
        let file = AppraisalFile(data: data, name: path)
        let problems = AppraisalEditor.blockingErrors(in: file)
        guard problems.isEmpty, let document = JournalVerification.document(data) else {
            for problem in problems { console.error(problem.formatted(file: path)) }
            throw InputError(message: "\(path) has \(problems.count) problem\(problems.count == 1 ? "" : "s") (listed above); fix them before adopting the file")
        }
        guard !text.lines.isEmpty else {
            let entry = try EditSession.commit(journal: journal, url: url, number: 1, previous: nil, from: [:], before: nil, writing: nil,
                                               to: document, action: "adopt", author: author, reason: reason)
            summarise(entry, path: path, console: console)
            return .success
        }
        let verification = JournalVerification(journal: text, file: document, fileExists: true)
        guard let last = verification.entries.last else {
            throw InputError(message: "\(journal.name) does not verify; run 'appraise verify \(path)' (adopt records hand edits of the appraisal, not of its journal)")
        }
        switch verification.status {
        case .editedByHand:
            let entry = try EditSession.commit(journal: journal, url: url, number: last.number + 1, previous: verification.head,
                                               from: verification.state, before: last.after, writing: nil, to: document,
                                               action: "adopt", author: author, reason: reason)
            summarise(entry, path: path, console: console)
            return .success
        case .verified:
            console.out("\(path): nothing to adopt; the file is as entry \(last.number) of its journal left it\n")
            return .success
        case .pending:
            _ = try EditSession.finish(last, state: verification.state, path: path, url: url, console: console)
            console.out("\(path): nothing to adopt; the file is as entry \(last.number) of its journal left it\n")
            return .success
        case .broken(let line, let message):
            throw InputError(message: "\(journal.name) line \(line): \(message); adopt records hand edits of the appraisal, not of its journal")
        case .fileMissing:
            throw InputError(message: "\(path): no such file; check the path")
        }
    }

    /// What was adopted, counted rather than listed when it is more than a screenful: the
    /// journal keeps every change, and 'appraise log' reads them.
    private static func summarise(_ entry: JournalEntry, path: String, console: Console) {
        // A small hand edit reads best change by change, as every other edit prints.
        guard entry.changes.flatMap(ChangeText.lines).count > 20 else {
            EditSession.report(entry, path: path, console: console)
            return
        }
        var out = "\(path): entry \(entry.number) (adopt) records \(entry.changes.count) change\(entry.changes.count == 1 ? "" : "s")\n"
        for line in ChangeText.summary(entry.changes) { out += "  \(line)\n" }
        out += "Read every change with 'appraise log \(path)'.\n"
        console.out(out)
    }
}
