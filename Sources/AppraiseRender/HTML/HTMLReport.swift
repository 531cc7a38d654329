import AppraiseKit
import Foundation

/// The pack as one self-contained page a member can read on a tablet or print to PDF: no
/// network, no external scripts, fonts or styles, so it works opened straight from disk.
extension ReportPack {
    public var html: String { html(document) }

    /// The page of `document`, which must be this pack's.
    func html(_ document: ReportDocument) -> String {
        // The benefit–cost chart's script joins the page's only when the appraisal holds costs.
        let script = PageScript.source + (valueForMoney == nil ? "" : ValueForMoneyChart.script)
        let style = PageStyle.source
        let programmeData = programme.flatMap(ProgrammeScript.data)
        let programmeScript = programmeData == nil ? "" : " " + HTML.hashSource(ProgrammeScript.source)
        let policy = "default-src 'none'; script-src \(HTML.hashSource(script))\(programmeScript); style-src \(HTML.hashSource(style)); "
            + "img-src data:; base-uri 'none'; form-action 'none'"
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">\n"
        out += "<meta name=\"generator\" content=\"appraise \(HTML.escape(toolVersion))\">\n"
        out += "<title>\(HTML.escape(appraisal.title))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
        out += HTMLReport(pack: self, document: document).body
        out += HTML.dataBlock(id: "whatif-data", WhatIfPanel(pack: self).data)
        if let valueForMoney { out += HTML.dataBlock(id: "vfm-data", ValueForMoneyChart.data(valueForMoney)) }
        out += "<script>\(script)</script>\n"
        if let programmeData {
            out += HTML.dataBlock(id: "programme-data", programmeData) + "<script>\(ProgrammeScript.source)</script>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }
}

/// The page: the report document's sections in reading order, with the page's own extras (the
/// what-if sliders, the compare view, the charts the scripts redraw) where the document asks.
struct HTMLReport {
    let pack: ReportPack
    let document: ReportDocument

    var body: String {
        var out = "<header>\n<h1>\(HTML.escape(document.title))</h1>\n<dl class=\"particulars\">\n"
        for particular in document.particulars {
            out += "<div><dt>\(HTML.escape(particular.label))</dt><dd>\(HTML.escape(particular.value))</dd></div>\n"
        }
        out += "</dl>\n<p class=\"question\"><strong>The question:</strong> \(HTML.escape(document.question))</p>\n"
        out += "<p class=\"headline\">\(HTML.escape(document.answer))</p>\n</header>\n"
        out += "<nav aria-label=\"Contents\">\n<h2 class=\"contents-heading\">Contents</h2>\n<ol>\n"
        for entry in document.contents { out += "<li><a href=\"#\(entry.id)\">\(HTML.escape(entry.heading))</a></li>\n" }
        out += "</ol>\n</nav>\n<main>\n"
        var writer = HTMLDocumentWriter(pack: pack)
        document.write(document.front, to: &writer)
        writer.appendices = true
        document.write(document.appendices, to: &writer)
        out += writer.out + "</main>\n<footer>\n<p>\(HTML.escape(document.colophon))</p>\n</footer>\n"
        return out
    }
}

/// Each block of the document as HTML.
struct HTMLDocumentWriter: DocumentWriter {
    let pack: ReportPack
    var out = ""
    /// Set once the front section is written: the first appendix starts a printed page.
    var appendices = false
    private var firstAppendixWritten = false
    /// Open while consecutive figures are laid out side by side.
    private var inGallery = false

    init(pack: ReportPack) { self.pack = pack }

    private mutating func closeGallery() {
        if inGallery { out += "</div>\n" }
        inGallery = false
    }

    mutating func beginSection(_ section: ReportSection) {
        var classes: [String] = []
        if appendices && !firstAppendixWritten {
            classes.append("first-appendix")
            firstAppendixWritten = true
        }
        out += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-heading\"\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\n"
    }

    mutating func endSection(_ section: ReportSection) {
        closeGallery()
        out += "</section>\n"
    }

    mutating func heading(_ text: String, level: Int, id: String?) {
        closeGallery()
        out += "<h\(level + 1)\(id.map { " id=\"\($0)-heading\"" } ?? "")>\(HTML.escape(text))</h\(level + 1)>\n"
    }

    mutating func paragraph(_ number: String, _ text: String) {
        closeGallery()
        out += "<p class=\"numbered\"><span class=\"number\">\(number)</span> \(HTML.escape(text))</p>\n"
    }

    mutating func list(_ items: [String]) {
        closeGallery()
        out += "<ul>\n" + items.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
    }

    /// Marked + for, – against, • contingent, as the appraisal marks them; the word is there for screen readers.
    mutating func reasons(_ reasons: [Reason]) {
        closeGallery()
        out += "<ul class=\"bullets\">\n"
        for reason in reasons {
            out += "<li class=\"\(reason.kind?.rawValue ?? "evidence")\"><span class=\"mark\" aria-hidden=\"true\">\(HTML.escape(reason.kind?.symbol ?? "▸"))</span>"
                + "<span class=\"visually-hidden\">\(reason.lead): </span>\(HTML.escape(reason.text))</li>\n"
        }
        out += "</ul>\n"
    }

    mutating func table(_ table: ReportTable) {
        closeGallery()
        var shown = table.table
        shown.title = table.caption
        switch table.style {
        case .plain: out += HTMLTableRenderer.render(shown, rowHeader: table.rowHeader)
        case .matrix: out += HTMLTableRenderer.render(shown, rowHeader: table.rowHeader, tableClass: "matrix")
        case .heat(let shades):
            out += HTMLTableRenderer.render(shown, rowHeader: table.rowHeader, tableClass: "matrix") { row, column in
                row < shades.count && column < shades[row].count ? shades[row][column] : nil
            }
        case .marked(let marks):
            out += HTMLTableRenderer.render(shown, rowHeader: table.rowHeader) { row, column in
                row < marks.count && column < marks[row].count ? marks[row][column] : nil
            }
        }
    }

    mutating func figure(_ figure: ReportFigure) {
        let chart = figure.chart
        // The sweep charts are small multiples: side by side under one legend.
        let multiple = chart.fileName.hasPrefix("chart-sweep-")
        if multiple && !inGallery {
            out += SweepChart.legend(pack.sensitivity) + "<div class=\"sweeps\">\n"
            inGallery = true
        } else if !multiple {
            closeGallery()
        }
        out += "<figure>\n<div class=\"scroll\" role=\"region\" aria-label=\"\(HTML.escape(chart.title))\" tabindex=\"0\">\n\(chart.pageSVG)</div>\n"
        out += "<figcaption>\(HTML.escape(figure.caption))</figcaption>\n"
        if chart.fileName == "chart-totals.svg" { out += TotalsChart.legend(pack.appraisal.criteria) }
        out += "</figure>\n"
    }

    mutating func callout(title: String, items: [String], agrees: Bool) {
        closeGallery()
        out += "<div class=\"findings\(agrees ? " agrees" : "")\" role=\"note\" aria-labelledby=\"correction-heading\">\n"
            + "<h3 id=\"correction-heading\">\(HTML.escape(title))</h3>\n<ul>\n" + items.map { "<li>\(HTML.escape($0))</li>\n" }.joined()
            + "</ul>\n<p><a href=\"#reconciliation\">Every published total and rank beside the one the scores give</a>"
            + (agrees ? "" : ", the differences first") + ".</p>\n</div>\n"
    }

    mutating func beginSubsection(_ title: String, level: Int, folded: Bool) {
        closeGallery()
        out += folded ? "<details>\n<summary>\(HTML.escape(title))</summary>\n"
            : "<div class=\"part\">\n<h\(level + 1)>\(HTML.escape(title))</h\(level + 1)>\n"
    }

    mutating func endSubsection(folded: Bool) {
        closeGallery()
        out += folded ? "</details>\n" : "</div>\n"
    }

    mutating func interactive(_ kind: ReportBlock.Interactive) {
        closeGallery()
        switch kind {
        case .whatIf:
            // The panel is a part of the appendix here, not a section of its own.
            var panel = WhatIfPanel(pack: pack).html
            panel = panel.replacingOccurrences(of: "<section id=\"what-if\" aria-labelledby=\"what-if-heading\">", with: "<div id=\"what-if\" class=\"part\">")
            panel = panel.replacingOccurrences(of: "<h2 id=\"what-if-heading\">", with: "<h3 id=\"what-if-heading\">")
                .replacingOccurrences(of: "</h2>", with: "</h3>")
            if panel.hasSuffix("</section>\n") { panel = String(panel.dropLast("</section>\n".count)) + "</div>\n" }
            out += panel
        case .compare:
            out += "<div id=\"compare\" class=\"part\">\n<h3>Why does one option beat another?</h3>\n" + CompareView(pack: pack).html + "</div>\n"
        case .programme:
            if let programme = pack.programme, ProgrammeScript.data(programme) != nil { out += ProgrammeScript.paragraph }
        case .valueForMoney:
            if let vfm = pack.valueForMoney { out += ValueForMoneyChart.figure(pack, vfm: vfm) }
        case .valueTree:
            out += ValueTreeHTML(pack: pack).figures
        }
    }
}
