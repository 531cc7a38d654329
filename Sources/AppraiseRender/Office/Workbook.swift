import Foundation

/// An Excel workbook (Office Open XML) of plain sheets: numbers typed as numbers, text always
/// written as an inline string (so a name such as "=HYPERLINK(…)" stays text and never becomes
/// a formula), header rows frozen, and formulas only where the tool writes them itself.
struct Workbook {
    /// How a cell looks: the index of its cell format in the style sheet.
    enum Format: Int {
        case plain = 0, bold, percent, money, input, moneyInput, wrap, header, pence
    }

    indirect enum Cell: Equatable {
        case empty
        case text(String)
        case number(String)
        case percent(String)
        /// A formula the tool wrote, with the value it computed, cached for readers that do not
        /// recalculate (the workbook asks Excel to recalculate on opening anyway).
        case formula(String, cached: String)
        case bold(String)
        /// A number, or a formula with its cached value, in a format of its own: money, a share,
        /// or an input a member may change (shaded, and checked by the sheet's validations).
        case formatted(Cell, Format)

        /// Whether the cell writes nothing, so the next cell must say where it is.
        var isBlank: Bool {
            switch self {
            case .empty: true
            case .formatted(let inner, _): inner.isBlank
            default: false
            }
        }
    }

    /// A rule Excel enforces as a cell is typed: a weight of zero or more, a flag of 0 or 1.
    struct Validation {
        enum Kind { case nonNegative, flag }
        let kind: Kind
        /// The cells, as "B2:B9".
        let range: String
        let prompt: String
    }

    struct Sheet {
        var name: String
        var rows: [[Cell]]
        var frozenRows: Int
        var frozenColumns: Int = 0
        var validations: [Validation] = []
    }

    /// The currency symbol of the money format ("£" for GBP).
    var currencySymbol = "£"
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
        archive.add("xl/styles.xml", Self.styles(currency: currencySymbol))
        for (index, sheet) in sheets.enumerated() { archive.add("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet)) }
        return archive.data
    }

    static func worksheet(_ sheet: Sheet) -> String {
        var out = OfficeXML.declaration + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        // Printed, each sheet is fitted to the width of the page, as many pages down as it needs.
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><sheetViews><sheetView workbookViewId=\"0\">"
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
            // Wrapped headers and long text get the height of their lines (not every reader fits it).
            let lines = row.count == 1 ? 1 : row.enumerated().map { index, cell -> Int in
                guard index < widths.count else { return 1 }
                switch cell {
                case .bold(let text): return wrappedLines(text, width: widths[index])
                case .text(let text) where text.count > maximumWidth - 2: return wrappedLines(text, width: widths[index])
                default: return 1
                }
            }.max() ?? 1
            out += "<row r=\"\(rowIndex + 1)\"" + (lines > 1 ? " ht=\"\(lines * 14 + 2)\" customHeight=\"1\"" : "") + ">"
            // A cell's reference may be left out when the cell follows the one before it; given
            // only after a gap, the sheet of a thousand options' rank shares deflates a
            // hundredfold instead of eightfold.
            var next = 0
            for (columnIndex, cell) in row.enumerated() where !cell.isBlank {
                out += Self.cell(cell, reference: columnIndex == next ? nil : reference(row: rowIndex, column: columnIndex), alone: row.count == 1)
                next = columnIndex + 1
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if !sheet.validations.isEmpty {
            out += "<dataValidations count=\"\(sheet.validations.count)\">" + sheet.validations.map { rule in
                let (type, bounds) = switch rule.kind {
                case .nonNegative: ("decimal\" operator=\"greaterThanOrEqual", "<formula1>0</formula1>")
                case .flag: ("whole\" operator=\"between", "<formula1>0</formula1><formula2>1</formula2>")
                }
                return "<dataValidation type=\"\(type)\" allowBlank=\"0\" showInputMessage=\"1\" showErrorMessage=\"1\" "
                    + "promptTitle=\"Input\" prompt=\"\(OfficeXML.escape(rule.prompt))\" errorTitle=\"Not allowed\" error=\"\(OfficeXML.escape(rule.prompt))\" "
                    + "sqref=\"\(rule.range)\">\(bounds)</dataValidation>"
            }.joined() + "</dataValidations>"
        }
        return out + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
    }

    /// One cell's XML; text longer than a column's cap wraps, unless it is alone on its row (a
    /// note, which runs across the empty cells beside it).
    static func cell(_ cell: Cell, reference: String?, alone: Bool, format: Format? = nil) -> String {
        let ref = reference.map { " r=\"\($0)\"" } ?? ""
        let style = { (fallback: Format) -> String in
            let chosen = format ?? fallback
            return chosen == .plain ? "" : " s=\"\(chosen.rawValue)\""
        }
        switch cell {
        case .empty: return ""
        case .text(let text):
            let wraps = !alone && text.count > maximumWidth - 2
            return "<c\(ref)\(style(wraps ? .wrap : .plain)) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(OfficeXML.escape(text))</t></is></c>"
        case .bold(let text):
            return "<c\(ref)\(style(alone ? .bold : .header)) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(OfficeXML.escape(text))</t></is></c>"
        case .number(let value): return "<c\(ref)\(style(.plain))><v>\(value)</v></c>"
        case .percent(let value): return "<c\(ref)\(style(.percent))><v>\(value)</v></c>"
        case .formula(let formula, let cached):
            // A formula whose value is text says so, or readers take the cached "yes" for a number.
            let text = !cached.isEmpty && Double(cached) == nil ? " t=\"str\"" : ""
            return "<c\(ref)\(style(.plain))\(text)><f>\(OfficeXML.escape(formula))</f>" + (cached.isEmpty ? "" : "<v>\(OfficeXML.escape(cached))</v>") + "</c>"
        case .formatted(let inner, let format): return Self.cell(inner, reference: reference, alone: alone, format: format)
        }
    }

    /// How many lines `text` takes wrapped at word breaks in a column `width` characters wide.
    static func wrappedLines(_ text: String, width: Int) -> Int {
        var lines = 1, used = 0
        for word in text.split(separator: " ") {
            if used > 0, used + 1 + word.count > width - 1 { lines += 1; used = word.count } else { used += (used > 0 ? 1 : 0) + word.count }
        }
        return lines
    }

    /// The widest a column is made, in characters; longer text wraps.
    static let maximumWidth = 42

    /// Column widths in characters: the longest line in each column, a header by its longest
    /// word (headers wrap), between 6 and `maximumWidth`; a note alone on its row does not count.
    static func columnWidths(_ rows: [[Cell]]) -> [Int] {
        var widths: [Int] = []
        let columns = rows.map(\.count).max() ?? 0
        for row in rows where row.count > 1 || columns == 1 {
            for (index, cell) in row.enumerated() {
                while widths.count <= index { widths.append(6) }
                widths[index] = min(maximumWidth, max(widths[index], length(cell) + 2))
            }
        }
        return widths
    }

    private static func length(_ cell: Cell) -> Int {
        switch cell {
        case .text(let text): return text.split(separator: "\n").map(\.count).max() ?? 0
        case .bold(let text): return text.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0
        case .number(let value), .percent(let value): return value.count
        case .formula, .empty: return 8
        case .formatted(let inner, let format):
            return format == .money || format == .moneyInput || format == .pence ? max(12, length(inner) + 4) : length(inner)
        }
    }

    /// Formats in the order of `Format`: plain, bold, share (0.0%), money in whole units, an
    /// input (shaded yellow, boxed), a money input, wrapped text, a bold wrapped header, money to the penny.
    static func styles(currency: String) -> String {
        let symbol = "&quot;" + OfficeXML.escape(currency) + "&quot;"
        return OfficeXML.declaration
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"\(symbol)#,##0;-\(symbol)#,##0\"/>"
            + "<numFmt numFmtId=\"166\" formatCode=\"\(symbol)#,##0.00;-\(symbol)#,##0.00\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Arial\"/></font><font><b/><sz val=\"11\"/><name val=\"Arial\"/></font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border><left style=\"thin\"><color rgb=\"FF7F7F7F\"/></left><right style=\"thin\"><color rgb=\"FF7F7F7F\"/></right>"
            + "<top style=\"thin\"><color rgb=\"FF7F7F7F\"/></top><bottom style=\"thin\"><color rgb=\"FF7F7F7F\"/></bottom><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"9\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\"/>"
            + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment vertical=\"bottom\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }
}
