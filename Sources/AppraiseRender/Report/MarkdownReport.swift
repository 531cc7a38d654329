import AppraiseKit

/// report.md: the report document as Markdown (see `ReportDocument.markdown`).
extension ReportPack {
    public var markdown: String { document.markdown }
}

enum MarkdownReport {
    /// Appraisal text made inert for a Markdown paragraph: the table escapes, plus a
    /// backslash before anything at the start of a line that would begin a heading or a list.
    static func escape(_ text: String) -> String {
        let escaped = MarkdownTableRenderer.escape(text)
        guard let first = escaped.first else { return escaped }
        if "#-+=".contains(first) { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = escaped.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }
}
