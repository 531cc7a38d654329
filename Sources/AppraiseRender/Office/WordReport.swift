import AppraiseKit
import Foundation

/// The report document as a Word file for committee papers: title, particulars, the question
/// and the answer on page 1, a contents list, the numbered front section, then the appendices
/// from a new page; page numbers in the footer.
extension ReportPack {
    public var docx: Data { docx(document) }

    /// The Word file of `document`, which must be this pack's.
    func docx(_ document: ReportDocument) -> Data {
        var word = WordDocument()
        word.title(document.title)
        for particular in document.particulars { word.labelled(particular.label, particular.value) }
        word.paragraph("The question: " + document.question)
        word.paragraph(document.answer, bold: true)
        word.contents(document.contents.map(\.heading))
        var writer = WordDocumentWriter(word: word)
        document.write(document.front, to: &writer)
        writer.newPage = true
        document.write(document.appendices, to: &writer)
        writer.word.paragraph(document.colophon)
        return writer.word.data(title: document.title, creator: "appraise \(toolVersion)")
    }

    /// The heading over the reconciliation: a plain statement of the error when there is one.
    public var correctionHeading: String {
        let totalsDiffer = reconciliation.findings.contains { $0.field == .total }
        if totalsDiffer { return "The published totals contain an error" }
        if !reconciliation.findings.isEmpty || !reconciliation.moves.isEmpty { return "The published ranking contains an error" }
        return "The published totals and ranks agree with the scores"
    }
}

/// Each block of the document as Word paragraphs, tables and pictures.
struct WordDocumentWriter: DocumentWriter {
    var word: WordDocument
    /// Set for the appendices: the first heading written after it starts a new page.
    var newPage = false

    mutating func heading(_ text: String, level: Int, id: String?) {
        if newPage {
            word.headingOnNewPage(text, level: level)
            newPage = false
        } else {
            word.heading(text, level: level)
        }
    }

    mutating func paragraph(_ number: String, _ text: String) { word.numbered(number, text) }

    mutating func list(_ items: [String]) { for item in items { word.bullet(item) } }

    mutating func reasons(_ reasons: [Reason]) { for reason in reasons { word.bullet(reason.text, lead: reason.lead + ":") } }

    mutating func table(_ table: ReportTable) {
        word.paragraph(table.caption, style: "Caption")
        word.table(headers: table.table.columns.map(\.header), rightAligned: table.table.columns.map { $0.alignment == .right }, rows: table.table.rows)
        for note in table.table.notes { word.paragraph(note, style: "TableNote") }
    }

    /// A chart scaled to the text width, or to its own size when smaller.
    mutating func figure(_ figure: ReportFigure) {
        let chart = figure.chart
        let width = min(WordDocument.textWidthPoints, chart.width * 0.75)
        let height = width * chart.height / max(chart.width, 1)
        word.figure(svg: chart.svg, emf: ChartMetafile.emf(fromSVG: chart.svg, width: chart.width, height: chart.height), name: chart.fileName,
                    widthPoints: width, heightPoints: height, title: chart.title, description: chart.description, caption: figure.caption)
    }

    mutating func callout(title: String, items: [String], agrees: Bool) {
        word.heading(title, level: 3)
        list(items)
    }

    mutating func beginSubsection(_ title: String, level: Int, folded: Bool) { word.heading(title, level: min(level, 3)) }

    mutating func endSubsection(folded: Bool) {}
}
