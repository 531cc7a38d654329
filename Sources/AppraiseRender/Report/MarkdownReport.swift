import AppraiseKit

/// The pack as one Markdown document to paste into a committee report: the numeric tables as
/// tables (numbers right-aligned, "2=" for shared ranks, totals out of the maximum), the
/// options and the reasons for each score as headed lists, because prose does not fit a cell.
extension ReportPack {
    public var markdown: String {
        var out = "# \(MarkdownReport.escape(appraisal.title))\n\n"
        out += "\(MarkdownReport.escape(appraisal.body)), \(MarkdownReport.escape(appraisal.date)).\n"
        if let source = appraisal.source { out += "Source: \(MarkdownReport.escape(source)).\n" }
        out += "Fingerprint `\(fingerprint)`; written by appraise \(toolVersion) under \(MarkdownReport.escape(selection.name)).\n\n"
        out += MarkdownReport.escape(headline) + "\n"
        let consequences = reconciliation.consequences(in: appraisal)
        if !consequences.isEmpty {
            out += "\nReconciliation with the published appraisal:\n\n"
            for sentence in consequences { out += "- \(MarkdownReport.escape(sentence))\n" }
        }
        if let programme {
            out += "\n## Which programme to fund\n\n" + programme.statements.dropFirst().map { "- \(MarkdownReport.escape($0))\n" }.joined()
            for table in programmeTables { out += "\n" + MarkdownTableRenderer.render(table, headingLevel: 3) }
        }
        let robustness = sensitivity.tables
        // The robustness tables have a section of their own below; everything else, evidence included, comes here.
        let robustnessIDs = Set(robustness.map(\.id))
        for table in tables where !robustnessIDs.contains(table.id) {
            var shown = table
            // The reconciliation's consequences are already listed under the headline.
            if table.id == "reconciliation" { shown.notes = [] }
            if table.id == "value-for-money" {
                out += "\n## Value for money\n\n" + moneyStatements.map { "- \(MarkdownReport.escape($0))\n" }.joined()
            }
            out += "\n" + MarkdownTableRenderer.render(shown)
        }
        out += "\n## How robust the ranking is\n\n"
        out += (sensitivity.report.statements + sensitivity.smaaStatements).map { "- \(MarkdownReport.escape($0))\n" }.joined()
        for table in robustness { out += "\n" + MarkdownTableRenderer.render(summarised(table), headingLevel: 3) }
        for table in DescriptionTables.tables(appraisal) { out += "\n" + MarkdownTableRenderer.render(table) }
        let full = optionsGivenInFull
        out += "\n" + MarkdownReport.options(appraisal, only: full)
        if let note = summarisedOptionsNote { out += "\n" + note + "\n" }
        out += "\n" + MarkdownReport.rationale(appraisal, only: full)
        return out
    }
}

enum MarkdownReport {
    static func options(_ appraisal: Appraisal, only shown: Set<String>) -> String {
        var out = "## Options\n"
        for option in appraisal.options where shown.contains(option.id) {
            out += "\n### \(escape(option.label))\n\n"
            var facts = ["ID `\(option.id)`"]
            if option.shortName != nil { facts.append(escape(option.name)) }
            let group = OptionsTable.groupName(option, in: appraisal)
            if !group.isEmpty { facts.append("group: \(escape(group))") }
            out += facts.joined(separator: "; ") + ".\n"
            if !option.description.isEmpty { out += "\n" + escape(option.description) + "\n" }
            for paragraph in option.detail { out += "\n" + escape(paragraph) + "\n" }
            out += list("Strengths", option.strengths) + list("Weaknesses", option.weaknesses)
        }
        return out
    }

    static func rationale(_ appraisal: Appraisal, only shown: Set<String>) -> String {
        var out = "## Rationale for each score\n"
        var current: String?
        for (option, criterion, score) in RationaleTable.cells(appraisal) where shown.contains(option.id) {
            if current != option.id {
                out += "\n### \(escape(option.label))\n"
                current = option.id
            }
            out += "\n#### \(escape(criterion.label)): \(Formatting.outOf(score.value, appraisal.scale.maximum))\(escape(RationaleTable.byline(score)))\n\n"
            if let source = score.source { out += "Source: \(escape(source)).\n\n" }
            for bullet in score.rationale {
                out += "- **\(RationaleTable.heading(bullet.kind)):** \(escape(bullet.text))\n"
            }
            for link in score.evidence {
                out += "- **Evidence:** \(escape(RationaleTable.evidenceText(link)))\n"
            }
            if score.rationale.isEmpty && score.evidence.isEmpty { out += "No reasons recorded.\n" }
        }
        return out
    }

    static func list(_ heading: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "\n\(heading):\n\n" + items.map { "- \(escape($0))\n" }.joined()
    }

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
