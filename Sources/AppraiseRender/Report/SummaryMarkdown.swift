import AppraiseKit

/// The pack's `summary.md`: what a clerk pastes into a committee report, the report
/// document's front section with its paragraphs wrapped short.
extension ReportPack {
    public var summaryMarkdown: String { document.summaryMarkdown }
}

enum SummaryMarkdown {
    static let width = 100

    /// Words wrapped at `width`, continuation lines indented under the prefix; ends in a line break.
    static func wrap(_ text: String, prefix: String) -> String {
        var lines: [String] = []
        var line = prefix
        for word in text.split(separator: " ") {
            if line.count > prefix.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: prefix.count)
            }
            line += (line.count > prefix.count ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
