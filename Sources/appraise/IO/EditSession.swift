import AppraiseKit
import AppraiseRender
import Foundation

/// One journalled change to an appraisal file, from taking the lock to printing what changed.
///
/// Order of writes: the new file is written to a temporary file and flushed, then the journal
/// entry is appended and flushed (the commit point), then the temporary file is renamed over
/// the old one and the folder flushed. A failure before the commit point leaves no entry; a
/// failed rename withdraws the entry again, so an edit reported as failed never happens later.
/// A crash before the append changes nothing; a crash between the append and the rename leaves
/// a last entry whose `before` is the file's fingerprint: that change is committed, and the
/// next edit (or `appraise verify --repair`) writes its result before doing anything else.
struct EditSession {
    let path: String
    let url: URL
    let journal: JournalFile
    /// Who makes the change: `--by`, else the login name.
    let author: String
    /// The file as the journal's last entry left it.
    let appraisal: Appraisal
    let document: [String: JSONValue]
    let fingerprint: String
    let last: JournalEntry
    /// Hash of the journal's last line, for the next entry's `previous`.
    let head: String

    static let byOption = CommandSpec.Option(name: "by", value: "NAME", help: "Who makes the change, for the journal [default: $USER].")
    static let reasonOption = CommandSpec.Option(
        name: "reason", value: "TEXT", help: "Why, for the journal; required to change a score, weight or set that already has a value.")

    /// Opens FILE for an edit: locks its journal, finishes an edit interrupted after its entry
    /// was journalled, and checks that the file is what the journal says it is.
    static func open(_ path: String, arguments: ParsedArguments, spec: CommandSpec, console: Console) throws -> EditSession {
        let author = try author(arguments, spec: spec)
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: url.path) && !FileManager.default.fileExists(atPath: JournalFile.url(for: url).path) {
            throw InputError(message: "\(path): no such file; create an appraisal with 'appraise init \(path) --title TEXT --body TEXT --date YYYY-MM'")
        }
        let journal = try JournalFile(appraisal: url, path: path)
        let text = try journal.read()
        try journal.removeUnfinished(text)
        removeStaleTemporaries(of: url)
        guard !text.lines.isEmpty else {
            throw InputError(message: "\(journal.name) is empty; start the journal with 'appraise adopt \(path) --reason TEXT'")
        }
        var data = FileManager.default.contents(atPath: url.path)
        var current = data.flatMap(JournalVerification.document)
        let chain = JournalChain(journal: text)
        if let problem = chain.problem {
            throw InputError(message: "\(journal.name) line \(problem.line) does not verify (\(problem.message)), so no edit is recorded after it; restore \(journal.name) from a copy and check it with 'appraise verify \(path)', or keep it aside (rename it) and start a new journal of the file as it is with 'appraise adopt \(path) --reason TEXT'")
        }
        guard let last = chain.last, let head = chain.head else {
            throw InputError(message: "\(journal.name) is empty; start the journal with 'appraise adopt \(path) --reason TEXT'")
        }
        let currentFingerprint = current.map(JournalVerification.fingerprint)
        if currentFingerprint != last.after {
            let interrupted = (current != nil && currentFingerprint == last.before) || (data == nil && last.before == nil)
            guard interrupted else {
                throw InputError(message: "\(path) was changed outside appraise after entry \(last.number) of its journal; see what changed with 'appraise verify \(path)', then record it with 'appraise adopt \(path) --reason TEXT' or undo it")
            }
            data = Data(try finish(last, state: chain.state, path: path, url: url, console: console).utf8)
            current = chain.state
        }
        let file = AppraisalFile(data: data ?? Data(), name: path)
        let problems = AppraisalEditor.blockingErrors(in: file)
        guard problems.isEmpty, let appraisal = file.appraisal, let document = current else {
            for problem in problems { console.error(problem.formatted(file: path)) }
            throw InputError(message: "\(path) has \(problems.count) problem\(problems.count == 1 ? "" : "s") to fix before it can be edited (listed above); fix them by hand, then record the fix with 'appraise adopt \(path) --reason TEXT'")
        }
        return EditSession(path: path, url: url, journal: journal, author: author, appraisal: appraisal, document: document,
                           fingerprint: last.after, last: last, head: head)
    }

    /// Applies an edit, journals it, writes the file and prints the change. An edit that
    /// changes nothing is not journalled.
    func apply(_ edit: AppraisalEdit, action: String, arguments: ParsedArguments, spec: CommandSpec, console: Console) throws -> ExitStatus {
        let reason = arguments.value("reason", spec: spec)
        let result: AppraisalEditor.Result?
        do {
            result = try AppraisalEditor.apply(edit, to: appraisal, reason: reason)
        } catch {
            throw InputError(message: "\(path): \(error.message)")
        }
        guard let result else {
            console.out("\(path): nothing to change; the journal is unchanged\n")
            return .success
        }
        let entry = try Self.commit(journal: journal, url: url, number: last.number + 1, previous: head, from: document,
                                    before: fingerprint, writing: result.text, to: AppraisalEncoding.members(result.appraisal),
                                    action: action, author: author, reason: reason)
        Self.report(entry, path: path, console: console)
        return .success
    }

    /// Journals a change to the content `new`, then writes the new file text (nil when the
    /// file already holds the new content, as after a hand edit being adopted).
    static func commit(
        journal: JournalFile, url: URL, number: Int, previous: String?, from old: [String: JSONValue], before: String?,
        writing text: String?, to new: [String: JSONValue], action: String, author: String, reason: String?
    ) throws(InputError) -> JournalEntry {
        let entry = JournalEntry(number: number, time: now(), author: author, action: action, reason: reason?.isEmpty == true ? nil : reason,
                                 changes: JournalChange.changes(from: old, to: new), before: before,
                                 after: JournalVerification.fingerprint(new), previous: previous)
        let staged = try text.map { text throws(InputError) in try AtomicFile.stage(Data(text.utf8), for: url) }
        let length = journal.length()
        do {
            try journal.append(entry)
        } catch {
            staged?.discard()
            throw error
        }
        do {
            try staged?.commit()
        } catch {
            guard length >= 0, journal.withdraw(to: length) else {
                throw InputError(message: "\(error.message); the change is journalled (entry \(number)) but the file was not replaced: write it with 'appraise verify --repair \(url.path)'")
            }
            throw InputError(message: "\(error.message); nothing was changed (the journal entry was withdrawn)")
        }
        return entry
    }

    /// Writes the result of a journalled entry whose write was interrupted; returns the text.
    static func finish(_ entry: JournalEntry, state: [String: JSONValue], path: String, url: URL, console: Console) throws(InputError) -> String {
        let file = AppraisalFile(data: Data(JSONValue.object(state).prettyText.utf8), name: path)
        guard let appraisal = file.appraisal else {
            throw InputError(message: "entry \(entry.number) of \(path).journal does not give a readable appraisal; run 'appraise verify \(path)'")
        }
        let text = AppraisalEncoding.text(appraisal)
        guard JournalVerification.document(Data(text.utf8)).map(JournalVerification.fingerprint) == entry.after else {
            throw InputError(message: "entry \(entry.number) of \(path).journal cannot be written back exactly; run 'appraise verify \(path)'")
        }
        try AtomicFile.write(text, to: url)
        console.error("\(path): finished entry \(entry.number) (\(entry.action) by \(entry.author)), which was journalled but not yet written when its edit was interrupted")
        return text
    }

    /// Who is making the change: `--by`, else the login name.
    static func author(_ arguments: ParsedArguments, spec: CommandSpec) throws(UsageError) -> String {
        let name = arguments.value("by", spec: spec) ?? ProcessInfo.processInfo.environment["USER"] ?? ""
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError(message: "say who is making the change with --by NAME ($USER is not set)")
        }
        return name
    }

    /// Prints an entry's changes: all of them up to `listedChanges`, else the first ones and a
    /// count (an appraisal started from a 20,000-row matrix is not 200,000 lines on screen).
    static func report(_ entry: JournalEntry, path: String, console: Console) {
        var out = "\(path): entry \(entry.number) (\(entry.action))\n"
        let listed = entry.changes.count > listedChanges ? entry.changes.prefix(listedChanges / 2) : entry.changes[...]
        for change in listed {
            for (index, line) in ChangeText.lines(change).enumerated() { out += (index == 0 ? "  " : "      ") + line + "\n" }
        }
        if listed.count < entry.changes.count {
            out += "  … and \(entry.changes.count - listed.count) more changes; 'appraise log \(path)' lists every one\n"
        }
        console.out(out)
    }

    /// Most changes an edit lists when it reports its entry.
    static let listedChanges = 60

    /// The current time in UTC, ISO 8601, as journal entries record it.
    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// Removes temporary files left by writes that were killed before their rename; safe
    /// because the caller holds the lock, so no other write of this file is under way.
    private static func removeStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = "." + url.lastPathComponent + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(4)
            if !middle.isEmpty && middle.allSatisfy(\.isNumber) { unlink(folder.appendingPathComponent(name).path) }
        }
    }
}

/// Reading the options the editing commands share.
enum EditArguments {
    /// A decimal number option (a weight, a score), or nil when it is not given.
    static func number(_ arguments: ParsedArguments, _ name: String, spec: CommandSpec,
                       bound: Rational = NumberBounds.ordinary) throws(UsageError) -> Rational? {
        guard let text = arguments.value(name, spec: spec) else { return nil }
        return try number(text, what: "--\(name)", percentage: true, bound: bound)
    }

    /// A number as typed: thousands separators are fine, and "25%" where `percentage` allows
    /// it (a weight), read as the number written, since only ratios of weights matter.
    /// `bound` is the largest magnitude: a million for scores and weights, a trillion for
    /// measured levels (`NumberBounds`).
    static func number(_ text: String, what: String, percentage: Bool = false, bound: Rational = NumberBounds.ordinary) throws(UsageError) -> Rational {
        guard let reading = NumberText.read(text) else {
            throw UsageError(message: "\(what) must be a number, not '\(text)'; \(NumberText.hint(text))")
        }
        guard percentage || !reading.isPercentage else {
            throw UsageError(message: "\(what) is not a percentage; write '\(text.replacingOccurrences(of: "%", with: ""))' on the scale, without %")
        }
        let value = reading.value
        guard let places = value.terminatingDecimalPlaces, places <= 6, value <= bound, value >= -bound else {
            throw UsageError(message: "\(what) must be a number such as 3 or 2.5 (at most 6 decimals, from −\(NumberBounds.text(bound)) to \(NumberBounds.text(bound))), not '\(text)'")
        }
        return value
    }

    /// Fails when an option that means nothing for this action is given.
    static func reject(_ names: [String], in arguments: ParsedArguments, action: String, hint: String) throws(UsageError) {
        if let given = names.first(where: { !arguments.all($0).isEmpty || arguments.flag($0) }) {
            throw UsageError(message: "--\(given) does not apply to \(action); \(hint)")
        }
    }
}
