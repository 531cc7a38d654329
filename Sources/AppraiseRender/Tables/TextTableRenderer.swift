/// Draws a table for a terminal: columns padded to their widest cell, numbers right-aligned.
public enum TextTableRenderer {
    public static func render(_ table: Table, includeTitle: Bool = true) -> String {
        var out = ""
        stream(title: includeTitle ? table.title : nil, columns: table.columns, rows: { table.rows }, notes: table.notes) { out += $0 }
        return out
    }

    /// The same drawing for a table too large to hold: `rows` is read twice, once for the
    /// widths and once to draw, and the text is handed to `write` a line at a time, so neither
    /// the rows nor the drawing need be held whole. `notes` is asked for after the rows.
    public static func stream<Rows: Sequence<[String]>>(
        title: String?, columns: [Table.Column], rows: () -> Rows, notes: @autoclosure () -> [String], write: (String) -> Void
    ) {
        var widths = columns.map { $0.header.count }
        for row in rows() {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(columns[index].alignment == .right ? padding + cell : cell + padding)
            }
            return trimmedRight(parts.joined(separator: "  "))
        }
        if let title { write(title + "\n\n") }
        write(line(columns.map(\.header)) + "\n")
        write(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n")
        for row in rows() { write(line(row) + "\n") }
        for note in notes() { write("\n" + note + "\n") }
    }

    private static func trimmedRight(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }
}
