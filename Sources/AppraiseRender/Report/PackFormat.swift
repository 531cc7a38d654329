/// The formats a pack can be written in; `export --format` picks any of them.
public enum PackFormat: String, Sendable, CaseIterable, Comparable {
    /// One spreadsheet file per table.
    case csv
    /// One document of tables to paste into a committee report.
    case md
    /// One document with every table, for other tools.
    case json
    /// One self-contained page for members, with charts and live what-if weights.
    case html
    /// A Word document for committee papers, in Word styles, A4.
    case docx
    /// An Excel workbook: a sheet per table and a live model of totals and ranks.
    case xlsx
    /// Each chart as a standalone SVG file.
    case svg

    public static func < (lhs: PackFormat, rhs: PackFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
