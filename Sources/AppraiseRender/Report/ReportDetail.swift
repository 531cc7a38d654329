import AppraiseKit

/// How much of a large appraisal the human formats (Markdown, HTML) give in full. A shortlist
/// is read option by option; a long list of a thousand options is not, so beyond a few dozen
/// the leading options by rank keep their descriptions and reasons and the rest appear in the
/// compact tables (ranking, scores). JSON and CSV always hold everything.
extension ReportPack {
    /// Most options described in full, with the reasons for each of their scores.
    public static let optionsInFull = 30

    /// The options described in full: every option up to `optionsInFull`, else the leading ones by rank.
    public var optionsGivenInFull: Set<String> {
        Set(ranking.entries.prefix(ReportPack.optionsInFull).map(\.option))
    }

    /// One sentence saying where the options not given in full are, or nil when all are.
    public var summarisedOptionsNote: String? {
        let rest = appraisal.options.count - optionsGivenInFull.count
        guard rest > 0 else { return nil }
        return "The \(ReportPack.optionsInFull) leading options by rank are given in full here; the other \(rest) appear in the ranking and score tables, "
            + "and every option's description and the reasons for every score are in options.csv, rationale.csv and report.json."
    }
}

extension ReportPack {
    /// Most rows and columns a robustness table shows in the human formats.
    public static let tableRowsInFull = 100, tableColumnsInFull = 40

    /// A robustness table as the human formats show it: whole up to `tableRowsInFull` rows and
    /// `tableColumnsInFull` columns, else its leading rows and columns with a note saying where the
    /// rest are (a thousand options give a million SMAA rank shares, which no page can show).
    public func summarised(_ table: Table) -> Table {
        guard table.rows.count > ReportPack.tableRowsInFull || table.columns.count > ReportPack.tableColumnsInFull else { return table }
        var shown = table
        let rows = min(table.rows.count, ReportPack.tableRowsInFull), columns = min(table.columns.count, ReportPack.tableColumnsInFull)
        shown.rows = table.rows.prefix(rows).map { Array($0.prefix(columns)) }
        shown.columns = Array(table.columns.prefix(columns))
        shown.dataRows = nil
        shown.notes.append("Shown: the first \(rows) of \(table.rows.count) rows and \(columns) of \(table.columns.count) columns; "
            + "the whole table is in \(table.id).csv and report.json.")
        return shown
    }
}
