/// Draws a `Table` as an accessible HTML table: a caption, column headers, one column as row
/// headers, numbers right-aligned in tabular figures, and the notes beneath.
public enum HTMLTableRenderer {
    /// `rowHeader` is the column that names each row (the option, not its rank); `tableClass`
    /// styles the whole table; `cellClass` adds a class to a body cell (row, column), e.g. a
    /// heat-map shade.
    public static func render(_ table: Table, rowHeader: Int = 0, tableClass: String? = nil,
                              cellClass: (Int, Int) -> String? = { _, _ in nil }) -> String {
        var out = "<table id=\"table-\(HTML.escape(table.id))\"\(tableClass.map { " class=\"\($0)\"" } ?? "")>\n<caption>\(HTML.escape(table.title))</caption>\n<thead><tr>"
        for column in table.columns {
            out += "<th scope=\"col\"\(column.alignment == .right ? " class=\"num\"" : "")>\(HTML.escape(column.header))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (row, cells) in table.rows.enumerated() {
            out += "<tr>"
            for (column, cell) in cells.enumerated() {
                var classes: [String] = []
                if table.columns[column].alignment == .right { classes.append("num") }
                if let extra = cellClass(row, column) { classes.append(extra) }
                let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
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
