/// Writes a table as GitHub-flavoured Markdown, ready to paste into a committee report.
public enum MarkdownTableRenderer {
    public static func render(_ table: Table, headingLevel: Int = 2) -> String {
        var out = ""
        stream(title: table.title, columns: table.columns, rows: table.rows, notes: table.notes, headingLevel: headingLevel) { out += $0 }
        return out
    }

    /// The same, a line at a time to `write`, for rows made as they are read; `notes` is asked
    /// for after the rows.
    public static func stream(title: String, columns: [Table.Column], rows: some Sequence<[String]>, notes: @autoclosure () -> [String],
                              headingLevel: Int = 2, write: (String) -> Void) {
        write(String(repeating: "#", count: headingLevel) + " " + escape(title) + "\n\n")
        write("| " + columns.map { escape($0.header) }.joined(separator: " | ") + " |\n")
        write("|" + columns.map { $0.alignment == .right ? "---:" : ":---" }.joined(separator: "|") + "|\n")
        for row in rows { write("| " + row.map(escape).joined(separator: " | ") + " |\n") }
        for note in notes() { write("\n" + escape(note) + "\n") }
    }

    /// Keeps cell text from breaking the table or being read as markup: pipes, line breaks,
    /// and characters Markdown or an HTML previewer would interpret. Works on scalars, because
    /// "\r\n" or a pipe followed by a combining mark is a single Character.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
