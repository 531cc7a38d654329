import AppraiseKit

/// "Options considered": one table of every short-listed option with what a member weighs up
/// (what it is, its scores, total and rank, its cost and what it achieves, whether it is the
/// one recommended), then the options set aside, each with its reason in one line.
extension ReportBuilder {
    mutating func optionsConsidered() -> [ReportBlock] {
        var blocks: [ReportBlock] = [table(optionsMatrix, rowHeader: 1)]
        if let longList = pack.longList {
            var setAside = Array(ScreeningRenderer.summary(longList).dropFirst())
            if !setAside.isEmpty {
                let shown = ReportPack.optionsInFull
                if setAside.count > shown {
                    let rest = setAside.count - shown
                    setAside = Array(setAside.prefix(shown)) + ["\(rest) more options set aside are listed with their reasons in long-list.csv."]
                }
                blocks.append(.text("Options set aside before scoring, and why:"))
                blocks.append(.items(setAside))
            }
        }
        return blocks
    }

    /// The options matrix: leading options up to `ReportPack.optionsInFull`, the rest counted.
    var optionsMatrix: Table {
        let programme = pack.programme
        let measures = programme.map { report in
            report.problem.measures.filter { measure in
                report.problem.budgets.contains { $0.measure == measure.id } || report.problem.targets.contains { $0.measure == measure.id }
            }
        } ?? []
        var columns: [Table.Column] = [.init("Rank", .right), .init("Option"), .init("Description")]
        // Beyond four criteria their names do not fit an A4 column each: numbered, with a key.
        let keyed = appraisal.criteria.count > ReportBuilder.criteriaNamedInMatrix
        columns += appraisal.criteria.enumerated().map { .init(keyed ? "C\($0.offset + 1)" : $0.element.label, .right) }
        columns.append(.init("Total", .right))
        if pack.valueForMoney != nil && programme == nil { columns.append(.init("Net present cost", .right)) }
        columns += measures.map { .init($0.name, .right) }
        columns.append(.init(programme == nil ? "Preferred" : "Funded"))
        let leaders = pack.ranking.leaders
        let entries = pack.ranking.entries.prefix(ReportPack.optionsInFull)
        let rows = entries.map { entry -> [String] in
            let option = appraisal.option(entry.option)
            let index = pack.matrix.optionIDs.firstIndex(of: entry.option)
            var row = [Formatting.rank(entry), label(entry.option), ReaderText.short(option?.description ?? "")]
            row += appraisal.criteria.indices.map { criterion in index.map { Formatting.number(pack.matrix.scores[$0][criterion]) } ?? "" }
            row.append(Formatting.outOf(entry.total, entry.maximum))
            if let vfm = pack.valueForMoney, programme == nil {
                row.append(vfm.row(entry.option).map { ValueForMoneyRenderer.npc($0.cost, vfm) } ?? "")
            }
            if let programme {
                let proposal = programme.problem.proposals.first { $0.id == entry.option }
                row += measures.map { measure in proposal.map { ProgrammeRenderer.figureText($0.figures(measure: measure.id, year: nil), measure) } ?? "" }
                row.append(fundedStatus(entry.option, programme))
            } else {
                row.append(leaders.count == 1 && leaders[0] == entry.option ? "preferred" : leaders.contains(entry.option) ? "joint first" : "")
            }
            return row
        }
        var notes = ["Scores out of \(Formatting.number(appraisal.scale.maximum)); totals under \(pack.selection.name)."]
        if keyed {
            notes.insert("Criteria: " + appraisal.criteria.enumerated().map { "C\($0.offset + 1) \($0.element.label)" }.joined(separator: "; ") + ".", at: 0)
        }
        let rest = pack.ranking.entries.count - entries.count
        if rest > 0 {
            notes.append("The \(entries.count) leading options by rank are shown; the other \(rest) are in ranking.csv and score-matrix.csv.")
        }
        return Table(id: "options-matrix", title: "The options considered", columns: columns, rows: Array(rows), notes: notes)
    }

    /// Most criteria the options matrix heads by name; more are numbered C1, C2 … with a key.
    static let criteriaNamedInMatrix = 4

    func fundedStatus(_ id: String, _ programme: ProgrammeReport) -> String {
        let problem = programme.problem
        if programme.best.uncosted.contains(id) { return "not costed" }
        if problem.ruledOut.contains(id) { return "ruled out" }
        if problem.committed.contains(id) { return "committed" }
        return (programme.recommended?.proposalIDs.contains(id) ?? false) ? "yes" : "no"
    }
}
