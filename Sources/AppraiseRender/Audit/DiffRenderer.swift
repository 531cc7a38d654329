import AppraiseKit

/// `appraise diff`: the changes between two versions, then each option's place before and
/// after.
public enum DiffRenderer {
    public static func changeLines(_ diff: AppraisalDiff) -> [String] {
        diff.changes.flatMap { change in
            ChangeText.lines(change).enumerated().map { index, line in (index == 0 ? "  " : "      ") + line }
        }
    }

    public static func rankingTable(_ diff: AppraisalDiff, old: Appraisal, new: Appraisal) -> Table {
        let rows = diff.moves.map { move -> [String] in
            let name = new.option(move.option)?.label ?? old.option(move.option)?.label ?? move.option
            return [name, move.before.map(Formatting.rank) ?? "–", move.before.map { Formatting.outOf($0.total, $0.maximum) } ?? "–",
                    move.after.map(Formatting.rank) ?? "–", move.after.map { Formatting.outOf($0.total, $0.maximum) } ?? "–",
                    movement(move)]
        }
        var notes = ["Each version is ranked under its own weights; – means the option or the ranking does not exist in that version."]
        if let before = diff.before, let after = diff.after {
            let leaders = { (ranking: Ranking, appraisal: Appraisal) in
                ranking.leaders.map { appraisal.option($0)?.label ?? $0 }.joined(separator: " and ")
            }
            notes.append(diff.firstPlaceChanged
                ? "First place changes: \(leaders(before, old)) before, \(leaders(after, new)) after."
                : "First place is unchanged: \(leaders(after, new)).")
        }
        return Table(id: "ranking-change", title: "Ranking before and after",
                     columns: [.init("Option"), .init("Rank before", .right), .init("Total before", .right),
                               .init("Rank after", .right), .init("Total after", .right), .init("Move")],
                     rows: rows, notes: notes)
    }

    public static func text(_ diff: AppraisalDiff, old: Appraisal, new: Appraisal, oldName: String, newName: String) -> String {
        let lines = changeLines(diff)
        var out = lines.isEmpty
            ? "No changes: \(newName) has the same content as \(oldName).\n"
            : "Changes from \(oldName) to \(newName):\n" + lines.joined(separator: "\n") + "\n"
        out += "\n" + TextTableRenderer.render(rankingTable(diff, old: old, new: new))
        return out
    }

    public static func json(_ diff: AppraisalDiff, oldFingerprint: String, newFingerprint: String) -> JSONValue {
        let place = { (entry: Ranking.Entry?) -> JSONValue in
            guard let entry else { return .null }
            return .object(["rank": .number(entry.rank), "total": .number(entry.total), "maximum": .number(entry.maximum)])
        }
        return .object([
            "old": .string(oldFingerprint),
            "new": .string(newFingerprint),
            "changes": .array(diff.changes.map(\.json)),
            "ranking": .array(diff.moves.map { .object(["option": .string($0.option), "before": place($0.before), "after": place($0.after)]) }),
            "firstPlaceChanged": .bool(diff.firstPlaceChanged),
        ])
    }

    private static func movement(_ move: AppraisalDiff.Move) -> String {
        switch (move.before, move.after) {
        case (nil, _?): return "new"
        case (_?, nil): return "removed"
        case let (before?, after?):
            if before.rank == after.rank { return before.total == after.total ? "unchanged" : "same place" }
            return before.rank > after.rank ? "up \(before.rank - after.rank)" : "down \(after.rank - before.rank)"
        case (nil, nil): return ""
        }
    }
}
