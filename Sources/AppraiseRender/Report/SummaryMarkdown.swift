import AppraiseKit

/// The pack's `summary.md`: what a clerk pastes into a committee report. The full
/// `report.md` carries every table, and its widest lines run to hundreds of characters; this
/// keeps to the result, its caveats and its robustness, in a three-column ranking table and
/// paragraphs wrapped short.
extension ReportPack {
    public var summaryMarkdown: String {
        let wrap = { (text: String, prefix: String) in SummaryMarkdown.wrap(MarkdownReport.escape(text), prefix: prefix) }
        var out = "# \(MarkdownReport.escape(appraisal.title))\n\n"
        out += wrap("\(appraisal.body), \(appraisal.date).", "") + "\n"
        out += wrap(headline, "") + "\n"
        out += "| Rank | Option | Total |\n| ---: | :--- | ---: |\n"
        for entry in ranking.entries {
            out += "| \(Formatting.rank(entry)) | \(MarkdownTableRenderer.escape(appraisal.option(entry.option)?.label ?? entry.option)) "
                + "| \(Formatting.outOf(entry.total, entry.maximum)) |\n"
        }
        out += "\n" + wrap(selection.weights.areEqual
            ? "Weights: \(selection.name), every criterion equal."
            : "Weights: \(selection.name); totals are weighted points out of the maximum.", "") + "\n"
        if let note = ConsensusNote.note(appraisal) { out += wrap(note, "") + "\n" }
        let consequences = reconciliation.consequences(in: appraisal)
        if !consequences.isEmpty {
            out += "## Reconciliation with the published appraisal\n\n"
            for sentence in consequences { out += wrap(sentence, "- ") }
            out += "\n"
        }
        out += "## How robust the ranking is\n\n"
        for sentence in sensitivity.report.statements { out += wrap(sentence, "- ") }
        out += "\n" + wrap("The full report (report.md, report.html) gives every score with its reasons and every analysis. "
            + "Fingerprint \(fingerprint).", "")
        return out
    }
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
