import Foundation

/// An Excel workbook (Office Open XML) of plain sheets: numbers typed as numbers, text always
/// written as an inline string (so a name such as "=HYPERLINK(…)" stays text and never becomes
/// a formula), header rows frozen, and formulas only where the tool writes them itself.
struct Workbook {
    enum Cell: Equatable {
        case empty
        case text(String)
        case number(String)
        case percent(String)
        /// A formula the tool wrote, with the value it computed, cached for readers that do not
        /// recalculate (the workbook asks Excel to recalculate on opening anyway).
        case formula(String, cached: String)
        case bold(String)
    }

    struct Sheet {
        var name: String
        var rows: [[Cell]]
        var frozenRows: Int
        var frozenColumns: Int = 0
    }

    var sheets: [Sheet] = []

    /// "A", "B", … "Z", "AA": the column letters of a zero-based index.
    static func column(_ index: Int) -> String {
        var index = index + 1, letters = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters
    }

    static func reference(row: Int, column: Int) -> String { "\(Self.column(column))\(row + 1)" }

    func data(title: String, creator: String) -> Data {
        var archive = ZipArchive()
        var types = OfficeXML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        archive.add("[Content_Types].xml", types + OfficeXML.corePropertiesType + "</Types>")
        archive.add("_rels/.rels", OfficeXML.packageRelationships(main: "xl/workbook.xml", type: "officeDocument"))
        archive.add("docProps/core.xml", OfficeXML.coreProperties(title: title, creator: creator))
        var workbook = OfficeXML.declaration + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><bookViews><workbookView/></bookViews><sheets>"
        var relationships = OfficeXML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(OfficeXML.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        relationships += "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        archive.add("xl/workbook.xml", workbook + "</sheets><calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>")
        archive.add("xl/_rels/workbook.xml.rels", relationships + "</Relationships>")
        archive.add("xl/styles.xml", Self.styles)
        for (index, sheet) in sheets.enumerated() { archive.add("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet)) }
        return archive.data
    }

    static func worksheet(_ sheet: Sheet) -> String {
        var out = OfficeXML.declaration + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            let topLeft = reference(row: sheet.frozenRows, column: sheet.frozenColumns)
            let pane = sheet.frozenColumns > 0 ? (sheet.frozenRows > 0 ? "bottomRight" : "topRight") : "bottomLeft"
            out += "<pane" + (sheet.frozenColumns > 0 ? " xSplit=\"\(sheet.frozenColumns)\"" : "")
                + (sheet.frozenRows > 0 ? " ySplit=\"\(sheet.frozenRows)\"" : "")
                + " topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>"
        }
        out += "</sheetView></sheetViews>"
        let widths = columnWidths(sheet.rows)
        if !widths.isEmpty {
            out += "<cols>" + widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        out += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let ref = reference(row: rowIndex, column: columnIndex)
                switch cell {
                case .empty: continue
                case .text(let text): out += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(OfficeXML.escape(text))</t></is></c>"
                case .bold(let text): out += "<c r=\"\(ref)\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(OfficeXML.escape(text))</t></is></c>"
                case .number(let value): out += "<c r=\"\(ref)\"><v>\(value)</v></c>"
                case .percent(let value): out += "<c r=\"\(ref)\" s=\"2\"><v>\(value)</v></c>"
                case .formula(let formula, let cached):
                    out += "<c r=\"\(ref)\"><f>\(OfficeXML.escape(formula))</f>" + (cached.isEmpty ? "" : "<v>\(cached)</v>") + "</c>"
                }
            }
            out += "</row>"
        }
        return out + "</sheetData><pageSetup paperSize=\"9\" orientation=\"landscape\"/></worksheet>"
    }

    /// Column widths in characters from the longest line in each column, between 6 and 60.
    static func columnWidths(_ rows: [[Cell]]) -> [Int] {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                let length: Int
                switch cell {
                case .text(let text), .bold(let text): length = text.split(separator: "\n").map(\.count).max() ?? 0
                case .number(let value), .percent(let value): length = value.count
                case .formula, .empty: length = 8
                }
                while widths.count <= index { widths.append(6) }
                widths[index] = min(60, max(widths[index], length + 2))
            }
        }
        return widths
    }

    static let styles = OfficeXML.declaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Arial\"/></font><font><b/><sz val=\"11\"/><name val=\"Arial\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
