/// Draws a `Table` as an accessible HTML table: a caption, column headers, one column as row
/// headers, numbers right-aligned in tabular figures, and the notes beneath. Every body cell
/// carries its column's heading as `data-label`, so that on a phone the style sheet can lay
/// each row out as a card of labelled values instead of a table to scroll sideways; a table
/// of many columns is marked `wide` for a smaller type.
public enum HTMLTableRenderer {
    /// From this many columns a table is set in a smaller type, on screen and in print.
    static let wideColumns = 9

    /// `rowHeader` is the column that names each row (the option, not its rank); `tableClass`
    /// styles the whole table; `cellClass` adds a class to a body cell (row, column), e.g. a
    /// heat-map shade.
    public static func render(_ table: Table, rowHeader: Int = 0, tableClass: String? = nil,
                              cellClass: (Int, Int) -> String? = { _, _ in nil }) -> String {
        let classes = ([tableClass] + [table.columns.count >= wideColumns ? "wide" : nil]).compactMap { $0 }
        var out = "<table id=\"table-\(HTML.escape(table.id))\"\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\n<caption>\(HTML.escape(table.title))</caption>\n<thead><tr>"
        for column in table.columns {
            out += "<th scope=\"col\"\(column.alignment == .right ? " class=\"num\"" : "")>\(HTML.escape(column.header))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (row, cells) in table.rows.enumerated() {
            out += "<tr>"
            for (column, cell) in cells.enumerated() {
                var classes: [String] = []
                if table.columns[column].alignment == .right {
                    // A figure stays on one line ("−£550,000.00"); words in a figure's column wrap.
                    classes.append(cell.count > 14 && cell.contains(" ") ? "num wrap" : "num")
                }
                // A token too long for any column (an exact fraction of 40 digits) may break anywhere.
                if cell.split(whereSeparator: \.isWhitespace).contains(where: { $0.count > 24 }) { classes.append("break") }
                if let extra = cellClass(row, column) { classes.append(extra) }
                let classAttribute = (classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")
                    + " data-label=\"\(HTML.escape(table.columns[column].header))\""
                out += column == rowHeader
                    ? "<th scope=\"row\"\(classAttribute)>\(HTML.escape(cell))</th>"
                    : "<td\(classAttribute)>\(HTML.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        let box = HTML.scrollBox(table.title, out)
        return box + table.notes.map { "<p class=\"note\">\(HTML.escape($0))</p>\n" }.joined()
    }
}
