import AppraiseKit

/// An appraisal's history as `appraise log` prints it: each change with who made it, when,
/// with which command and why.
public enum JournalRenderer {
    public static func text(_ entries: [JournalEntry], criterion: String?, option: String?) -> String {
        var blocks: [String] = []
        for entry in entries {
            let changes = entry.changes(criterion: criterion, option: option)
            guard !changes.isEmpty || (criterion == nil && option == nil) else { continue }
            var block = "#\(entry.number)  \(entry.time)  \(entry.author)  (\(entry.action))\n"
            for change in changes {
                for (index, line) in ChangeText.lines(change).enumerated() {
                    block += (index == 0 ? "  " : "      ") + line + "\n"
                }
            }
            if let reason = entry.reason { block += "  reason: \(reason)\n" }
            blocks.append(block)
        }
        guard !blocks.isEmpty else {
            let subject = [criterion.map { "criterion \($0)" }, option.map { "option \($0)" }].compactMap { $0 }.joined(separator: " and ")
            return subject.isEmpty ? "The journal has no entries.\n" : "No change in the journal concerns \(subject).\n"
        }
        return blocks.joined(separator: "\n")
    }

    /// The entries as recorded, each with only the changes asked for.
    public static func json(_ entries: [JournalEntry], criterion: String?, option: String?) -> JSONValue {
        .array(entries.compactMap { entry in
            var filtered = entry
            filtered.changes = entry.changes(criterion: criterion, option: option)
            guard !filtered.changes.isEmpty || (criterion == nil && option == nil) else { return nil }
            return filtered.json
        })
    }
}
