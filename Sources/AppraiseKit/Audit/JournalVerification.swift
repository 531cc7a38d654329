import Foundation

/// The journal's lines as read from disk, split so that an append cut short is recognised.
///
/// An entry is committed once its whole line, line break included, is in the journal: the
/// tool appends and flushes it before it renames the new file into place. A last line without
/// a line break is therefore an append that never finished; it is not an entry.
public struct JournalText: Sendable {
    /// The complete lines, without their line breaks.
    public let lines: [Substring]
    /// The unfinished last line, if the journal ends in one.
    public let unfinished: Substring?

    public init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = lines.removeLast()
        self.lines = lines
        unfinished = last.isEmpty ? nil : last
    }

    /// The hash the next entry must record as `previous`; nil for an empty journal.
    public var head: String? { lines.last.map(JournalEntry.hash(ofLine:)) }
}

/// What replaying a journal found: each entry checked against the one before it and against
/// the file content its recorded changes produce, and the file on disk checked against the
/// result.
public struct JournalVerification: Sendable {
    public enum Status: Sendable, Equatable {
        /// The file is exactly what the last entry left.
        case verified
        /// The last entry is journalled but the process stopped before the file was replaced:
        /// the file still has the content from before that entry. The next edit, or
        /// `verify --repair`, writes the entry's result.
        case pending
        /// The file is not what the journal says; the changes turn the journalled content
        /// into the file's (nil when the file is not JSON).
        case editedByHand([JournalChange]?)
        /// The journal says the file exists but it does not.
        case fileMissing
        /// The journal itself does not hold up: the first line at fault and why.
        case broken(line: Int, message: String)
    }

    public let status: Status
    /// Entries that replayed correctly (all of them unless the journal is broken).
    public let entries: [JournalEntry]
    /// The content the journal leads to: the state after the last good entry.
    public let state: [String: JSONValue]
    /// The unfinished last line, if any (reported, never replayed).
    public let unfinished: Bool
    /// The hash of the last entry that replayed correctly: what the next entry will record
    /// as `previous`, and what an auditor can keep to detect a journal rewritten from scratch.
    public let head: String?

    /// Replays every entry from an empty file and compares the result with the file on disk
    /// (`file` nil when it does not exist or is not a JSON object).
    public init(journal: JournalText, file: [String: JSONValue]?, fileExists: Bool) {
        unfinished = journal.unfinished != nil
        var state: [String: JSONValue] = [:]
        var entries: [JournalEntry] = []
        var previous: String?
        var failure: (line: Int, message: String)?
        for (index, line) in journal.lines.enumerated() {
            let number = index + 1
            if let problem = Self.replay(line, number: number, previous: previous, state: &state, entries: &entries) {
                failure = (number, problem)
                break
            }
            previous = JournalEntry.hash(ofLine: line)
        }
        self.entries = entries
        self.state = state
        head = previous
        if let failure {
            status = .broken(line: failure.line, message: failure.message)
        } else if entries.isEmpty {
            status = .broken(line: 1, message: "the journal has no entries")
        } else {
            let last = entries[entries.count - 1]
            switch file {
            case let file? where Self.fingerprint(file) == last.after:
                status = .verified
            case let file? where Self.fingerprint(file) == last.before:
                status = .pending
            case nil where !fileExists && last.before == nil:
                status = .pending
            case nil where !fileExists:
                status = .fileMissing
            case let file?:
                status = .editedByHand(JournalChange.changes(from: state, to: file))
            case nil:
                status = .editedByHand(nil)
            }
        }
    }

    /// Checks one line and applies its changes; returns what is wrong with it, if anything.
    private static func replay(
        _ line: Substring, number: Int, previous: String?, state: inout [String: JSONValue], entries: inout [JournalEntry]
    ) -> String? {
        let entry: JournalEntry
        do {
            entry = try JournalEntry(line: line)
        } catch {
            return "not a journal entry: \(error.message)"
        }
        if let problem = entry.placeProblem(number: number, previous: previous) { return problem }
        let current = number == 1 ? nil : fingerprint(state)
        guard entry.before == current else {
            return "entry \(number)'s \"before\" (\(entry.before ?? "none")) is not the file as entry \(number - 1) left it (\(current ?? "none"))"
        }
        do {
            try JournalChange.replay(entry.changes, on: &state)
        } catch {
            return "entry \(number), change \(error.index + 1) cannot be replayed: \(error.mismatch.message)"
        }
        let after = fingerprint(state)
        guard entry.after == after else {
            return "entry \(number)'s changes give \(after), but its \"after\" says \(entry.after): the entry was altered"
        }
        entries.append(entry)
        return nil
    }

    /// The fingerprint of file content, as `AppraisalFile` computes it from the file.
    public static func fingerprint(_ document: [String: JSONValue]) -> String {
        "sha256:" + SHA256.hexDigest(JSONValue.object(document).canonicalText)
    }

    /// The top-level members of a JSON document, or nil when it is not a JSON object.
    public static func document(_ data: Data) -> [String: JSONValue]? {
        guard let root = try? JSONParser.parse(data), case .object(let members) = JSONValue(root) else { return nil }
        return members
    }
}
