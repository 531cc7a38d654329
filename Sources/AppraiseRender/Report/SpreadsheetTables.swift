import AppraiseKit

/// The ranking, score matrix and reconciliation laid out for spreadsheets: ids beside names and
/// a total and its maximum in separate cells, because "7/10" typed into Excel or LibreOffice
/// becomes a date, and a total that cannot be summed is no use to an auditor.
public enum SpreadsheetTables {
    public static func ranking(_ ranking: Ranking, appraisal: Appraisal, selection: WeightSelection) -> Table {
        let reading = RankingRenderer.table(ranking, appraisal: appraisal, selection: selection)
        let consensus = appraisal.consensusCells
        let rows = ranking.entries.map { entry -> [String] in
            [Formatting.rank(entry), entry.option, label(entry.option, appraisal), Formatting.number(entry.total),
             Formatting.number(entry.maximum), Formatting.percent(entry.percent), entry.marginToNext.map(Formatting.number) ?? ""]
                + (consensus.isEmpty ? [] : [ConsensusNote.criteria(of: entry.option, consensus, appraisal: appraisal)])
        }
        return Table(
            id: reading.id, title: reading.title,
            columns: [.init("Rank", .right), .init("Option ID"), .init("Option"), .init("Total", .right), .init("Maximum", .right),
                      .init("Percent", .right), .init("Margin to next", .right)]
                + (consensus.isEmpty ? [] : [.init("Panel consensus on")]),
            rows: rows, notes: reading.notes)
    }

    public static func scoreMatrix(_ matrix: DecisionMatrix, ranking: Ranking, appraisal: Appraisal) -> Table {
        let reading = ScoreMatrixRenderer.table(matrix, ranking: ranking, appraisal: appraisal)
        let consensus = appraisal.consensusCells
        let rows = matrix.optionIDs.enumerated().map { index, option -> [String] in
            let entry = ranking.entry(for: option)!
            return [option, label(option, appraisal)] + matrix.scores[index].map(Formatting.number)
                + [Formatting.number(entry.total), Formatting.number(entry.maximum), Formatting.percent(entry.percent), Formatting.rank(entry)]
                + (consensus.isEmpty ? [] : [ConsensusNote.criteria(of: option, consensus, appraisal: appraisal)])
        }
        return Table(
            id: reading.id, title: reading.title,
            columns: [.init("Option ID"), .init("Option")] + appraisal.criteria.map { .init($0.label, .right) }
                + [.init("Total", .right), .init("Maximum", .right), .init("Percent", .right), .init("Rank", .right)]
                + (consensus.isEmpty ? [] : [.init("Panel consensus on")]),
            rows: rows, notes: reading.notes)
    }

    public static func reconciliation(_ reconciliation: Reconciliation, appraisal: Appraisal) -> Table {
        let reading = ReconciliationRenderer.table(reconciliation, appraisal: appraisal)
        let rows = reconciliation.checks.map { check -> [String] in
            switch check.field {
            case .total:
                return [check.source, check.option, label(check.option, appraisal), ReconciliationRenderer.field(check),
                        Formatting.number(check.declared), check.decimals == nil ? Formatting.number(check.computed) : check.computed.decimalText(),
                        Formatting.number(check.difference), Formatting.number(check.maximum), ReconciliationRenderer.verdict(check)]
            case .rank:
                return [check.source, check.option, label(check.option, appraisal), ReconciliationRenderer.field(check),
                        check.declared.decimalText(), Ranking.label(rank: Int(clamping: check.computed.numerator), tied: !check.tiedWith.isEmpty),
                        check.difference.decimalText(), "", ReconciliationRenderer.verdict(check)]
            }
        }
        return Table(
            id: reading.id, title: reading.title,
            columns: [.init("Published in"), .init("Option ID"), .init("Option"), .init("Field"), .init("Declared", .right),
                      .init("Computed", .right), .init("Difference", .right), .init("Maximum", .right), .init("Check")],
            rows: rows, notes: reading.notes)
    }

    static func label(_ option: String, _ appraisal: Appraisal) -> String { appraisal.option(option)?.label ?? option }
}
