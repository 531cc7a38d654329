import AppraiseKit
import AppraiseRender

/// The output formats a command can print, and the option that chooses one.
enum OutputFormat: String, CaseIterable {
    case text, json, csv, md

    static func option(_ formats: [OutputFormat] = OutputFormat.allCases, help: String = "Output format.") -> CommandSpec.Option {
        CommandSpec.Option(name: "format", value: "FORMAT", help: help, choices: formats.map(\.rawValue), defaultValue: "text")
    }

    static func from(_ arguments: ParsedArguments, spec: CommandSpec) -> OutputFormat {
        OutputFormat(rawValue: arguments.value("format", spec: spec) ?? "text") ?? .text
    }

    /// Renders findings (sentences, as a bulleted list) and tables in text, Markdown or CSV
    /// (tables only), or the JSON document of the same result. CSV follows the pack's one
    /// convention: a byte-order mark so Excel reads UTF-8, and `spreadsheet` tables, where a
    /// command has them, with totals and maximums in cells of their own.
    func render(findings: [String] = [], tables: [Table], spreadsheet: [Table]? = nil, json: JSONValue) -> String {
        switch self {
        case .text:
            let list = findings.isEmpty ? "" : "Findings\n\n" + findings.map { "- \($0)\n" }.joined() + "\n"
            return list + tables.map { TextTableRenderer.render($0) }.joined(separator: "\n")
        case .md:
            let list = findings.isEmpty ? "" : "## Findings\n\n" + findings.map { "- \(MarkdownTableRenderer.escape($0))\n" }.joined() + "\n"
            return list + tables.map { MarkdownTableRenderer.render($0) }.joined(separator: "\n")
        case .csv: return "\u{FEFF}" + (spreadsheet ?? tables).map(CSVTableRenderer.render).joined(separator: "\r\n")
        case .json: return json.withExactSiblings.prettyText
        }
    }
}
