/// Writes a table as GitHub-flavoured Markdown, ready to paste into a committee report.
public enum MarkdownTableRenderer {
    public static func render(_ table: Table, headingLevel: Int = 2) -> String {
        var out = String(repeating: "#", count: headingLevel) + " " + escape(table.title) + "\n\n"
        out += "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? "---:" : ":---" }.joined(separator: "|") + "|\n"
        for row in table.rows {
            out += "| " + row.map(escape).joined(separator: " | ") + " |\n"
        }
        for note in table.notes { out += "\n" + escape(note) + "\n" }
        return out
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
