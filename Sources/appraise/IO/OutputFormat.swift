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

    /// Renders tables (text, CSV, Markdown) or the JSON document of the same result.
    func render(tables: [Table], json: JSONValue) -> String {
        switch self {
        case .text: tables.map { TextTableRenderer.render($0) }.joined(separator: "\n")
        case .md: tables.map { MarkdownTableRenderer.render($0) }.joined(separator: "\n")
        case .csv: tables.map(CSVTableRenderer.render).joined(separator: "\r\n")
        case .json: json.prettyText
        }
    }
}
