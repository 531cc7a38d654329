import AppraiseKit

/// The outcome of `appraise verify`: the verdict on its first line, then what an auditor
/// needs to act on it.
public enum VerificationRenderer {
    public static func text(_ verification: JournalVerification, file: String, fingerprint: String?) -> String {
        let count = verification.entries.count
        let journal = file + ".journal"
        var lines: [String] = []
        let last = verification.entries.last
        let lastText = last.map { "entry \($0.number) (\($0.time), \($0.author), \($0.action))" } ?? ""
        switch verification.status {
        case .verified:
            lines.append("verified: \(changes(count))")
            lines.append("  \(file) is as \(lastText) left it: \(fingerprint ?? "")")
        case .pending:
            lines.append("verified: \(changes(count)), the last not yet written to \(file)")
            lines.append("  \(lastText) is journalled, but the edit stopped before \(file) was replaced; the next edit, or 'appraise verify \(file) --repair', writes it")
        case .editedByHand(let changes):
            lines.append("not verified: \(file) was edited outside appraise after entry \(count)")
            lines.append("  its content (\(fingerprint ?? "not JSON")) is not what entry \(count) recorded (\(last?.after ?? ""))")
            if let changes {
                lines.append("  changed by hand:")
                for change in changes {
                    for (index, line) in ChangeText.lines(change).enumerated() { lines.append((index == 0 ? "    " : "        ") + line) }
                }
            }
            lines.append("  record the hand edit with 'appraise adopt \(file) --reason TEXT', or undo it")
        case .fileMissing:
            lines.append("not verified: \(file) is missing, but \(lastText) left it as \(last?.after ?? "")")
        case .broken(let line, let message):
            lines.append("not verified: \(journal) line \(line): \(message)")
            lines.append("  \(changes(count)) before it verify")
        }
        if verification.unfinished {
            lines.append("  \(journal) ends in an unfinished line (an append cut short, never an entry); the next edit removes it")
        }
        if case .verified = verification.status, let head = verification.head {
            lines.append("  journal head: \(head) (keep it elsewhere to detect a journal rewritten from scratch)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func changes(_ count: Int) -> String { "\(count) change\(count == 1 ? "" : "s")" }
}
