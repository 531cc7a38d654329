/// The check an edit makes before it appends to a journal: every line an entry, numbered in
/// order, each carrying the hash of the line before it and starting from the fingerprint its
/// predecessor ended with, and all the changes together giving the last entry's fingerprint.
///
/// It finds an altered, removed or reordered entry as `JournalVerification` does, but hashes
/// each line once and fingerprints only the final content, so its cost grows with the journal's
/// length rather than with the length times the appraisal's size (an edit runs it every time).
public struct JournalChain: Sendable {
    /// The last entry, when the journal has one and holds up.
    public let last: JournalEntry?
    /// Hash of the last line: the next entry's `previous`.
    public let head: String?
    /// The content the entries lead to.
    public let state: [String: JSONValue]
    /// The first line at fault and why; nil when the chain holds.
    public let problem: Problem?

    public struct Problem: Sendable, Equatable {
        public let line: Int
        public let message: String
    }

    public init(journal: JournalText) {
        var state: [String: JSONValue] = [:]
        var previous: String?
        var last: JournalEntry?
        var problem: Problem?
        for (index, line) in journal.lines.enumerated() {
            let number = index + 1
            switch Self.check(line, number: number, previous: previous, last: last, state: &state) {
            case .success(let entry): last = entry
            case .failure(let found):
                problem = Problem(line: number, message: found.message)
            }
            if problem != nil { break }
            previous = JournalEntry.hash(ofLine: line)
        }
        if problem == nil, let last, JournalVerification.fingerprint(state) != last.after {
            problem = Problem(line: last.number, message: "the entries' changes give \(JournalVerification.fingerprint(state)), but entry \(last.number)'s \"after\" says \(last.after): an entry was altered")
        }
        self.last = problem == nil ? last : nil
        self.head = problem == nil ? previous : nil
        self.state = state
        self.problem = problem
    }

    /// Checks one line against the one before and applies its changes.
    private static func check(_ line: Substring, number: Int, previous: String?, last: JournalEntry?,
                              state: inout [String: JSONValue]) -> Result<JournalEntry, JournalEntry.FormatError> {
        let entry: JournalEntry
        do {
            entry = try JournalEntry(line: line)
        } catch {
            return .failure(JournalEntry.FormatError(message: "not a journal entry: \(error.message)"))
        }
        if let message = link(entry, number: number, previous: previous, last: last, state: &state) {
            return .failure(JournalEntry.FormatError(message: message))
        }
        return .success(entry)
    }

    private static func link(_ entry: JournalEntry, number: Int, previous: String?, last: JournalEntry?, state: inout [String: JSONValue]) -> String? {
        if let problem = entry.placeProblem(number: number, previous: previous) { return problem }
        guard entry.before == last?.after else {
            return "entry \(number)'s \"before\" (\(entry.before ?? "none")) is not the \"after\" of entry \(number - 1) (\(last?.after ?? "none"))"
        }
        do {
            try JournalChange.replay(entry.changes, on: &state)
        } catch {
            return "entry \(number), change \(error.index + 1) cannot be replayed: \(error.mismatch.message)"
        }
        return nil
    }
}
