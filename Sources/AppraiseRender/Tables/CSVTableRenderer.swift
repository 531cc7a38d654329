import Foundation

/// Writes a table as RFC 4180 CSV (UTF-8, CRLF line ends) that Excel and LibreOffice open
/// cleanly, with every cell that a spreadsheet would run as a formula neutralised.
public enum CSVTableRenderer {
    public static func render(_ table: Table) -> String {
        var out = ""
        stream(columns: table.columns, rows: table.dataRows ?? table.rows) { out += $0 }
        return out
    }

    /// The same, a record at a time to `write`, for rows made as they are read.
    public static func stream(columns: [Table.Column], rows: some Sequence<[String]>, write: (String) -> Void) {
        write(columns.map { field($0.header) }.joined(separator: ",") + "\r\n")
        for row in rows { write(row.map(field).joined(separator: ",") + "\r\n") }
    }

    /// One CSV field. A cell that a spreadsheet would run as a formula (formula injection) gets
    /// a leading apostrophe: one starting with `=`, `+`, `-`, `@`, tab, carriage return or line
    /// feed, with those signs also caught behind leading spaces and in their full-width forms,
    /// which some spreadsheets convert. A plain number such as `-2` stays a number.
    public static func field(_ text: String) -> String {
        var value = text
        if isFormulaLike(value) && !isPlainNumber(value) {
            value = "'" + value
        }
        // Scalars, not Characters: "\r\n" is one Character and would slip past a check for "\n",
        // and a quote followed by a combining mark is one Character too.
        guard value.unicodeScalars.contains(where: { ",\"\n\r;".unicodeScalars.contains($0) }) else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if "\t\r\n".unicodeScalars.contains(first) { return true }
        guard let sign = text.unicodeScalars.first(where: { $0 != " " && $0 != "\u{A0}" && $0 != "\u{3000}" }) else { return false }
        return "=+-@\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".unicodeScalars.contains(sign)
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
