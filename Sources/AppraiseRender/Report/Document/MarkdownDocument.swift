import AppraiseKit

/// The report document as Markdown (report.md, and summary.md with the front section only) and
/// as plain text for the terminal: the same sections, numbered paragraphs and numbered tables.
struct MarkdownDocumentWriter: DocumentWriter {
    /// Plain text for a terminal, or Markdown.
    let plain: Bool
    /// Paragraphs wrapped at this width (summary.md), or one line each.
    let wrapWidth: Int?
    var out = ""

    func escape(_ text: String) -> String { plain ? text : MarkdownReport.escape(text) }

    func wrap(_ text: String, prefix: String) -> String {
        guard wrapWidth != nil else { return prefix + text + "\n" }
        return SummaryMarkdown.wrap(text, prefix: prefix)
    }

    mutating func heading(_ text: String, level: Int, id: String?) {
        out += plain ? "\n\(text)\n\n" : "\n" + String(repeating: "#", count: level + 1) + " " + MarkdownTableRenderer.escape(text) + "\n\n"
    }

    mutating func paragraph(_ number: String, _ text: String) {
        out += wrap(escape(text), prefix: number + " ") + "\n"
    }

    mutating func list(_ items: [String]) {
        for item in items { out += wrap(escape(item), prefix: "- ") }
        out += "\n"
    }

    mutating func reasons(_ reasons: [Reason]) {
        for reason in reasons { out += wrap(plain ? "\(reason.lead): \(reason.text)" : "**\(reason.lead):** \(escape(reason.text))", prefix: "- ") }
        out += "\n"
    }

    mutating func table(_ table: ReportTable) {
        var shown = table.table
        shown.title = table.caption
        if plain {
            out += TextTableRenderer.render(shown) + "\n"
        } else {
            out += MarkdownTableRenderer.render(shown, headingLevel: 4) + "\n"
        }
    }

    mutating func figure(_ figure: ReportFigure) {
        let description = escape(figure.chart.description)
        out += plain ? "\(figure.caption). \(description)\n\n"
            : "![\(escape(figure.chart.title))](\(figure.chart.fileName))\n\n" + wrap("*\(escape(figure.caption)).* \(description)", prefix: "") + "\n"
    }

    mutating func callout(title: String, items: [String], agrees: Bool) {
        out += plain ? "\(title)\n\n" : "**\(escape(title))**\n\n"
        list(items)
    }

    mutating func beginSubsection(_ title: String, level: Int, folded: Bool) {
        out += plain ? "\(title)\n\n" : String(repeating: "#", count: level + 1) + " " + MarkdownTableRenderer.escape(title) + "\n\n"
    }

    mutating func endSubsection(folded: Bool) {}

    /// Title, particulars, question and answer: the top of every format.
    mutating func head(_ document: ReportDocument) {
        out += plain ? "\(document.title)\n\n" : "# \(escape(document.title))\n\n"
        for particular in document.particulars {
            out += plain ? "\(particular.label): \(particular.value)\n" : wrap("**\(escape(particular.label)):** \(escape(particular.value))", prefix: "- ")
        }
        out += "\n" + wrap(plain ? "The question: \(document.question)" : "**The question:** \(escape(document.question))", prefix: "") + "\n"
        out += wrap(plain ? "The answer: \(document.answer)" : "**The answer:** \(escape(document.answer))", prefix: "") + "\n"
    }

    mutating func contents(_ document: ReportDocument, sections: [ReportSection]) {
        out += plain ? "Contents\n\n" : "## Contents\n\n"
        for section in sections {
            out += plain ? "  \(document.heading(of: section))\n" : "- \(MarkdownTableRenderer.escape(document.heading(of: section)))\n"
        }
    }
}

extension ReportDocument {
    /// report.md: every section and appendix.
    public var markdown: String {
        var writer = MarkdownDocumentWriter(plain: false, wrapWidth: nil)
        writer.head(self)
        writer.contents(self, sections: front + appendices)
        write(front + appendices, to: &writer)
        writer.out += "\n---\n\n" + MarkdownReport.escape(colophon) + "\n"
        return writer.out
    }

    /// summary.md: the front section only, wrapped short for pasting into a committee report.
    public var summaryMarkdown: String {
        var writer = MarkdownDocumentWriter(plain: false, wrapWidth: SummaryMarkdown.width)
        writer.head(self)
        write(front, to: &writer)
        writer.out += "\n" + writer.wrap(MarkdownReport.escape("The appendices (\(appendices.map(\.title).joined(separator: "; "))) are in report.md, report.html and report.docx."), prefix: "")
        return writer.out
    }

    /// The front section as plain text, as `report` prints it.
    public var text: String {
        var writer = MarkdownDocumentWriter(plain: true, wrapWidth: nil)
        writer.head(self)
        write(front, to: &writer)
        return writer.out
    }
}
