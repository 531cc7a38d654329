/// Draws a table for a terminal: columns padded to their widest cell, numbers right-aligned.
public enum TextTableRenderer {
    public static func render(_ table: Table, includeTitle: Bool = true) -> String {
        var widths = table.columns.map { $0.header.count }
        for row in table.rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(table.columns[index].alignment == .right ? padding + cell : cell + padding)
            }
            return trimmedRight(parts.joined(separator: "  "))
        }
        var out = ""
        if includeTitle { out += table.title + "\n\n" }
        out += line(table.columns.map(\.header)) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in table.rows { out += line(row) + "\n" }
        for note in table.notes { out += "\n" + note + "\n" }
        return out
    }

    private static func trimmedRight(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }
}
