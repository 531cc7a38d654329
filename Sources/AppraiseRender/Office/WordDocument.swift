import Foundation

/// A Word document (Office Open XML) built from headings, paragraphs, bullets, tables and
/// figures, in named styles only (Title, Heading 1–3, List Bullet, Caption, a table style with a
/// repeating header row), so a clerk can paste it into the council's own template and every
/// part takes that template's look. A4 portrait.
struct WordDocument {
    private var body = ""
    private var images: [(name: String, contents: Data)] = []
    private var drawingCount = 0

    mutating func title(_ text: String) { paragraph(text, style: "Title") }

    mutating func heading(_ text: String, level: Int) { paragraph(text, style: "Heading\(level)") }

    mutating func paragraph(_ text: String, style: String? = nil, bold: Bool = false) {
        body += "<w:p>" + properties(style) + run(text, bold: bold) + "</w:p>"
    }

    /// "Label: value" with the label in bold: the report's particulars.
    mutating func labelled(_ label: String, _ value: String) {
        body += "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>" + run(label + ": ", bold: true) + run(value) + "</w:p>"
    }

    /// A numbered paragraph of a committee report: "3.2", a tab, the text, with a hanging indent.
    mutating func numbered(_ number: String, _ text: String) {
        body += "<w:p>" + properties("NumberedPara") + run(number + "\t") + run(text) + "</w:p>"
    }

    /// A heading that starts a new page (the first appendix).
    mutating func headingOnNewPage(_ text: String, level: Int) {
        body += "<w:p><w:pPr><w:pStyle w:val=\"Heading\(level)\"/><w:pageBreakBefore/></w:pPr>" + run(text) + "</w:p>"
    }

    /// A contents list: Word's TOC field over the level-1 headings, its result written out
    /// (the headings, without page numbers) so a reader that does not update fields still
    /// shows it; Word and LibreOffice fill in the page numbers when fields are updated.
    mutating func contents(_ headings: [String]) {
        body += "<w:p>" + properties("TOCHeading") + run("Contents") + "</w:p>"
        for (index, heading) in headings.enumerated() {
            body += "<w:p>" + properties("TOC1")
            if index == 0 {
                body += "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText></w:r>"
                    + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            }
            body += run(heading)
            if index == headings.count - 1 { body += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" }
            body += "</w:p>"
        }
    }

    mutating func bullet(_ text: String, lead: String? = nil) {
        body += "<w:p>" + properties("ListBullet")
        if let lead { body += run(lead + " ", bold: true) }
        body += run(text) + "</w:p>"
    }

    /// A table in the report's table style: the first row is the header, repeated on every page
    /// a long table runs onto; numeric columns right-aligned; never split a row across pages.
    mutating func table(headers: [String], rightAligned: [Bool], rows: [[String]]) {
        body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
        body += "<w:tblGrid>" + Self.columnWidths(headers: headers, rows: rows).map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        body += row(headers, rightAligned: rightAligned, header: true)
        for cells in rows { body += row(cells, rightAligned: rightAligned, header: false) }
        body += "</w:tbl>"
    }

    /// An image with its alternative text (read aloud by screen readers, and kept when the
    /// image is pasted elsewhere), followed by a caption giving the same description in print.
    /// The picture is an EMF, which every Word and LibreOffice draws; Word 2016 and later use
    /// the SVG beside it (Office's svgBlip extension), as Word itself writes an SVG picture.
    mutating func figure(svg: String, emf: Data, name: String, widthPoints: Double, heightPoints: Double, title: String, description: String,
                         caption: String) {
        drawingCount += 1
        let id = drawingCount
        let stem = name.hasSuffix(".svg") ? String(name.dropLast(4)) : name
        images.append((stem + ".emf", emf))
        images.append((stem + ".svg", Data(svg.utf8)))
        let cx = Int((widthPoints * 12700).rounded()), cy = Int((heightPoints * 12700).rounded())
        body += "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/><w:keepNext/></w:pPr><w:r><w:drawing>"
            + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
            + "<wp:docPr id=\"\(id)\" name=\"\(OfficeXML.escape(name))\" title=\"\(OfficeXML.escape(title))\" descr=\"\(OfficeXML.escape(description))\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(id)\" name=\"\(OfficeXML.escape(name))\" descr=\"\(OfficeXML.escape(description))\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rIdImage\(2 * id - 1)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
            + "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rIdImage\(2 * id)\"/>"
            + "</a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        paragraph("\(caption). \(description)", style: "Caption")
    }

    /// Column widths across the text width (in twentieths of a point). Every column first gets
    /// room for the longest word of its cells (so "33/40" never breaks), then, where the page
    /// allows, for the longest word of its bold header (so a heading wraps between its words,
    /// never inside one: not "Pla ce"); what is left goes to the columns with longer text (lines
    /// counted up to 40 characters), so prose gets the room. Only a table too wide for the page
    /// to hold its header words shares out what room there is for them.
    static func columnWidths(headers: [String], rows: [[String]]) -> [Int] {
        // About 5.5 points a character of 8.5-point text (a tenth more in bold), plus the cell's margins.
        func width(_ characters: Int, bold: Bool = false) -> Double { Double(characters) * (bold ? 121 : 110) + 200 }
        func longestWord(_ texts: [String]) -> Int { min(20, texts.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map(\.count).max() ?? 0) }
        let columns = headers.indices.map { column in rows.map { column < $0.count ? $0[column] : "" } }
        let content = columns.map { width(longestWord($0)) }
        let words = zip(headers, content).map { max(width(longestWord([$0]), bold: true), $1) }
        let lines = zip(headers, columns).map { width(min(40, ([$0] + $1).map { $0.split(separator: "\n").map(\.count).max() ?? 0 }.max() ?? 0)) }
        let available = Double(textWidthPoints * 20)
        func spread(_ base: [Double], toward goal: [Double]) -> [Double] {
            let room = available - base.reduce(0, +)
            let wanted = zip(goal, base).map { max(0, $0 - $1) }
            let total = wanted.reduce(0, +)
            guard total > 0 else { return base }
            return zip(base, wanted).map { $0 + min($1, room * $1 / total) }
        }
        var widths: [Double]
        if content.reduce(0, +) >= available {
            widths = content.map { $0 * available / content.reduce(0, +) }
        } else if words.reduce(0, +) >= available {
            widths = spread(content, toward: words)
        } else {
            widths = spread(words, toward: zip(lines, words).map { max($0, $1) })
        }
        let left = available - widths.reduce(0, +)
        if left > 1 { widths = widths.map { $0 + left / Double(widths.count) } }
        return widths.map { Int($0) }
    }

    private func properties(_ style: String?) -> String {
        style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
    }

    /// A run of text; line breaks in the text become Word line breaks.
    private func run(_ text: String, bold: Bool = false) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let content = lines.map { "<w:t xml:space=\"preserve\">\(OfficeXML.escape(String($0)))</w:t>" }.joined(separator: "<w:br/>")
        return "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + content + "</w:r>"
    }

    private func row(_ cells: [String], rightAligned: [Bool], header: Bool) -> String {
        var out = "<w:tr><w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "") + "</w:trPr>"
        for (index, cell) in cells.enumerated() {
            let right = index < rightAligned.count && rightAligned[index]
            out += "<w:tc><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>" + (right ? "<w:jc w:val=\"right\"/>" : "") + "</w:pPr>"
                + run(cell, bold: header) + "</w:p></w:tc>"
        }
        return out + "</w:tr>"
    }

    /// The .docx file: every part in a fixed order inside a stored ZIP with fixed timestamps.
    func data(title: String, creator: String) -> Data {
        var archive = ZipArchive()
        archive.add("[Content_Types].xml", OfficeXML.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"
            + "<Default Extension=\"emf\" ContentType=\"image/x-emf\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
            + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
            + OfficeXML.corePropertiesType + "</Types>")
        archive.add("_rels/.rels", OfficeXML.packageRelationships(main: "word/document.xml", type: "officeDocument"))
        archive.add("docProps/core.xml", OfficeXML.coreProperties(title: title, creator: creator))
        var relationships = OfficeXML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
            + "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
            + "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
        for (index, image) in images.enumerated() {
            relationships += "<Relationship Id=\"rIdImage\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
                + "Target=\"media/\(image.name)\"/>"
        }
        archive.add("word/_rels/document.xml.rels", relationships + "</Relationships>")
        archive.add("word/document.xml", OfficeXML.declaration
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>" + body
            // A4 (210 × 297 mm) with 2 cm margins, in twentieths of a point.
            + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
            + "</w:body></w:document>")
        archive.add("word/styles.xml", Self.styles)
        archive.add("word/numbering.xml", Self.numbering)
        archive.add("word/footer1.xml", Self.footer(title))
        archive.add("word/settings.xml", Self.settings)
        for image in images { archive.add("word/media/\(image.name)", image.contents) }
        return archive.data
    }

    /// The footer of every page: the report's title and "Page N of M" as fields.
    static func footer(_ title: String) -> String {
        func field(_ code: String, _ shown: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(code) </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>\(shown)</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        return OfficeXML.declaration + "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"9638\"/></w:tabs></w:pPr>"
            + "<w:r><w:t xml:space=\"preserve\">\(OfficeXML.escape(title))</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">Page </w:t></w:r>"
            + field("PAGE", "1") + "<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>" + field("NUMPAGES", "1") + "</w:p></w:ftr>"
    }

    /// Asks Word to update the fields (the contents' page numbers) when the file is opened.
    static let settings = OfficeXML.declaration
        + "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:updateFields w:val=\"true\"/>"
        + "<w:defaultTabStop w:val=\"567\"/></w:settings>"

    /// The printable width of an A4 page with 2 cm margins, in points.
    static let textWidthPoints = 481.9

    static let styles = OfficeXML.declaration
        + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"22\"/>"
        + "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        + "<w:pPr><w:keepNext/><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"40\"/></w:rPr></w:style>"
        + heading(1, size: 32, before: 360) + heading(2, size: 26, before: 240) + heading(3, size: 23, before: 200)
        + "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
        + "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/></w:pPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        + "<w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"20\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"NumberedPara\"><w:name w:val=\"Numbered Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
        + "<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"680\"/></w:tabs><w:ind w:left=\"680\" w:hanging=\"680\"/></w:pPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
        + "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"24\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
        + "<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9628\"/></w:tabs><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"19\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"TableNote\"><w:name w:val=\"Table Note\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:spacing w:before=\"40\" w:after=\"80\"/></w:pPr><w:rPr><w:sz w:val=\"17\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
        + "<w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Figure\"><w:name w:val=\"Figure\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"17\"/></w:rPr></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
        + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/>"
        + "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
        + "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/></w:tblBorders>"
        + "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        + "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>"
        + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7EDF3\"/></w:tcPr></w:tblStylePr></w:style>"
        + "</w:styles>"

    /// Heading styles with their outline level, so Word's navigation pane and contents list them
    /// and a heading always stays on the page of what follows it.
    private static func heading(_ level: Int, size: Int, before: Int) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"\(before)\" w:after=\"120\"/>"
            + "<w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"\(size)\"/></w:rPr></w:style>"
    }

    static let numbering = OfficeXML.declaration
        + "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
        + "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
}
