import AppraiseKit
import Foundation

/// The pack as a Word document for committee papers: the summary, the correction of the
/// published numbers, every table of the pack (so a table added to the pack appears here too),
/// the robustness statements, the evidence summary, the charts with their descriptions, the
/// options, and the rationale for every score as an appendix.
extension ReportPack {
    public var docx: Data { docx(charts: chartFiles) }

    /// The document with charts built already: the pack builds them once for its SVG files and this.
    func docx(charts: [ChartFile]) -> Data {
        var document = WordDocument()
        document.title(appraisal.title)
        document.paragraph("\(appraisal.body), \(appraisal.date).")
        if let source = appraisal.source { document.paragraph("Source: \(source).") }
        document.paragraph("Fingerprint \(fingerprint); written by appraise \(toolVersion) under \(selection.name).")

        document.heading("Summary", level: 1)
        document.paragraph(headline, bold: true)
        if reconciliation.hasDeclarations {
            document.heading(correctionHeading, level: 2)
            for sentence in reconciliation.consequences(in: appraisal) { document.bullet(sentence) }
        }
        if let totals = charts.first { document.figure(totals) }

        let robustness = sensitivity.tables
        let evidenceTables = evidenceTables
        let later = Set((robustness + evidenceTables).map(\.id))
        document.heading("Tables", level: 1)
        for table in tables where !later.contains(table.id) {
            var shown = table
            // The consequences are listed under the summary already.
            if table.id == "reconciliation" { shown.notes = [] }
            // The published figures beside the totals they get wrong, as on the page.
            if table == rankingTable { shown = rankingTableWithPublished }
            // At scale the other tables give their leading rows and columns, as on the page.
            document.table(table == rankingTable ? shown : summarised(shown), headingLevel: 2)
        }
        // The groups, scale and weight sets the officer described, as the Markdown report gives them.
        for table in DescriptionTables.tables(appraisal) { document.table(table, headingLevel: 2) }

        document.heading("How robust the ranking is", level: 1)
        for sentence in sensitivity.report.statements { document.bullet(sentence) }
        for sentence in sensitivity.smaaStatements { document.bullet(sentence) }
        for chart in charts.dropFirst() { document.figure(chart) }
        for table in robustness { document.table(summarised(table), headingLevel: 2) }

        if let evidence {
            document.heading("Performance evidence", level: 1)
            document.bullet("\(evidence.citations.count) KPI citation\(evidence.citations.count == 1 ? "" : "s") from \(evidence.datasets.count) "
                            + "scorecard\(evidence.datasets.count == 1 ? "" : "s") \(evidence.citations.count == 1 ? "is" : "are") attached to the scores.")
            if evidence.tensions.isEmpty { document.bullet("No score is contradicted by the evidence it cites.") }
            for tension in evidence.tensions { document.bullet(tension.message) }
            for table in evidenceTables { document.table(table, headingLevel: 2) }
        }

        document.heading("Options", level: 1)
        for option in appraisal.options {
            document.heading(option.label, level: 2)
            var facts = ["ID \(option.id)"]
            if option.shortName != nil { facts.append(option.name) }
            let group = OptionsTable.groupName(option, in: appraisal)
            if !group.isEmpty { facts.append("group: \(group)") }
            document.paragraph(facts.joined(separator: "; ") + ".")
            if !option.description.isEmpty { document.paragraph(option.description) }
            for strength in option.strengths { document.bullet(strength, lead: "Strength:") }
            for weakness in option.weaknesses { document.bullet(weakness, lead: "Weakness:") }
        }

        document.heading("Appendix: rationale for each score", level: 1)
        var current: String?
        for (option, criterion, score) in RationaleTable.cells(appraisal) {
            if current != option.id {
                document.heading(option.label, level: 2)
                current = option.id
            }
            document.heading("\(criterion.label): \(Formatting.outOf(score.value, appraisal.scale.maximum))\(RationaleTable.byline(score))", level: 3)
            if let source = score.source { document.paragraph("Source: \(source).") }
            for bullet in score.rationale { document.bullet(bullet.text, lead: RationaleTable.heading(bullet.kind) + ":") }
            for link in score.evidence { document.bullet(RationaleTable.evidenceText(link), lead: "Evidence:") }
            if score.rationale.isEmpty && score.evidence.isEmpty { document.paragraph("No reasons recorded.") }
        }
        return document.data(title: appraisal.title, creator: "appraise \(toolVersion)")
    }

    /// The heading over the reconciliation: a plain statement of the error when there is one.
    public var correctionHeading: String {
        let totalsDiffer = reconciliation.findings.contains { $0.field == .total }
        if totalsDiffer { return "The published totals contain an error" }
        if !reconciliation.findings.isEmpty || !reconciliation.moves.isEmpty { return "The published ranking contains an error" }
        return "The published totals and ranks agree with the scores"
    }
}

extension WordDocument {
    mutating func table(_ table: Table, headingLevel: Int) {
        heading(table.title, level: headingLevel)
        self.table(headers: table.columns.map(\.header),
                   rightAligned: table.columns.map { $0.alignment == .right }, rows: table.rows)
        for note in table.notes { paragraph(note) }
    }

    /// A chart scaled to the text width, or to its own size when smaller.
    mutating func figure(_ chart: ChartFile) {
        let width = min(WordDocument.textWidthPoints, chart.width * 0.75)
        let height = width * chart.height / max(chart.width, 1)
        figure(svg: chart.svg, emf: ChartMetafile.emf(fromSVG: chart.svg, width: chart.width, height: chart.height), name: chart.fileName, widthPoints: width, heightPoints: height, title: chart.title,
               description: chart.description)
    }
}
