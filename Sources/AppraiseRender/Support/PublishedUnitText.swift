import AppraiseKit

/// Totals in the unit the appraisal publishes them in (see `TotalsUnit`), for the headline
/// and the ranking, so a table of weighted averages reads "87.85 out of 100".
extension Formatting {
    /// An entry's total in the published unit: "87.85 out of 100".
    public static func published(_ entry: Ranking.Entry, unit: TotalsUnit, weights: Weights) -> String {
        unit.text(points: entry.total, maximum: entry.maximum, weights: weights)
    }

    /// "Option A ranks first with 87.85 out of 100, 2.4 ahead of Option B.", with what a
    /// relative scale means after it.
    static func headline(_ ranking: Ranking, unit: TotalsUnit, weights: Weights, label: (String) -> String) -> String {
        guard let first = ranking.entries.first else { return "" }
        let leaders = ranking.leaders
        var sentence: String
        if leaders.count > 1 {
            sentence = "\(Ordinal.list(leaders.map(label))) share first place on \(published(first, unit: unit, weights: weights))."
        } else {
            sentence = "\(label(first.option)) ranks first with \(published(first, unit: unit, weights: weights))"
            if ranking.entries.count > 1 {
                let second = ranking.entries[1]
                let runnersUp = ranking.entries.filter { $0.rank == second.rank }.map { label($0.option) }
                let margin = (first.marginToNext ?? .zero) * unit.perPoint(maximum: first.maximum, weights: weights)
                sentence += ", \(number(margin)) ahead of \(Ordinal.list(runnersUp))"
            }
            sentence += "."
        }
        return unit.relativeMeaning.map { sentence + " " + $0 } ?? sentence
    }
}
