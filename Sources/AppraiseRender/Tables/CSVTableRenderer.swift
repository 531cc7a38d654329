import Foundation

/// Writes a table as RFC 4180 CSV (UTF-8, CRLF line ends) that Excel and LibreOffice open
/// cleanly, with every cell that a spreadsheet would run as a formula neutralised.
public enum CSVTableRenderer {
    public static func render(_ table: Table) -> String {
        var out = table.columns.map { field($0.header) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One CSV field. A cell starting with `=`, `+`, `-`, `@`, tab or carriage return would be
    /// evaluated by a spreadsheet (formula injection), so it gets a leading apostrophe — unless
    /// it is a plain number such as `-2`, which must stay a number.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(value) {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
