import Foundation

/// Reads the CSV form of a KPI dataset: optional `key,value` setting rows, then a header row
/// naming the columns (fields by name, periods by label), then one row per indicator line.
///
/// The layout is the scorecard's own, so an officer can paste a scorecard's table under a
/// header and fill the settings above it. Positions in messages are the record's line and the
/// field's number (1 = column A), which is what a spreadsheet shows.
enum KPIDatasetCSV {
    /// Reads the file record by record into `builder`: settings and header first, then each
    /// row handed over as it is read, so neither the table nor the drafts are held whole.
    /// False when the file cannot be read as a dataset (already reported).
    static func read(_ data: Data, into builder: KPIDatasetBuilder) -> Bool {
        let sink = builder.sink
        // Every record starts a line, so the line count bounds the rows; room is made for rows of
        // 32 bytes or more, so a file of short or blank lines never reserves more than it needs.
        let lines = data.withUnsafeBytes { bytes in bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
        builder.expect(rows: min(lines, data.count / 32 + 1))
        var settings: [CSVRow] = []
        var columns: [Column]?
        var headerRefused = false
        do {
            _ = try CSVReader.forEachRecord(data, fileName: "") { row in
                guard !row.isBlank, !headerRefused else { return }
                if let columns {
                    builder.add(readRow(row, columns: columns, sink: sink))
                } else if isHeader(row) {
                    columns = start(header: row, settings: settings, builder: builder)
                    headerRefused = columns == nil
                    settings = []
                } else {
                    settings.append(row)
                }
            }
        } catch {
            sink.report(code: "malformed-csv", message: error.message, location: "", position: SourcePosition(line: error.line, column: 1))
            return false
        }
        if columns == nil && !headerRefused {
            sink.report(code: "missing-kpi-header",
                        message: "no header row found; add a row naming the columns, starting with ref, title, polarity and the period labels (Dec-15, YTD 2015/16 …)",
                        location: "", position: settings.first.map { SourcePosition(line: $0.line, column: 1) })
        }
        return columns != nil
    }

    /// Reads the settings above the header and the header itself, and starts the builder;
    /// nil when the header cannot be used.
    private static func start(header: CSVRow, settings: [CSVRow], builder: KPIDatasetBuilder) -> [Column]? {
        let sink = builder.sink
        var draft = DraftDataset()
        draft.position = SourcePosition(line: header.line, column: 1)
        for row in settings { readSetting(row, into: &draft, sink: sink) }
        let academicYear = draft.metadata[.academicYear].flatMap { Period.parseFinancialYear($0.text.trimmingCharacters(in: .whitespaces)) }
            ?? Period.impliedAcademicYear(asAt: draft.metadata[.asAt]?.text, labels: header.fields.map { KPIHeading.splitQualifier($0).base })
        draft.impliedAcademicYear = academicYear
        guard var columns = readHeader(header, academicYear: academicYear, into: &draft, sink: sink) else { return nil }
        let periods = Period.inTable(columns.compactMap { if case .period(let period) = $0 { period } else { nil } })
        columns = columns.map { if case .period(let period) = $0 { .period(Period.inTable(period, periods)) } else { $0 } }
        draft.periods = periods
        builder.start(draft)
        return columns
    }

    /// What one header cell names.
    enum Column {
        case field(KPIField)
        case period(Period)
        /// A blank heading over a column left empty.
        case unnamed
        /// A heading the reader does not know: named in a note, its cells left out.
        case ignored
    }

    /// The header is the first row with a `ref` (or `NO.`) heading.
    private static func isHeader(_ row: CSVRow) -> Bool {
        row.fields.contains { KPIField.documented($0) == .ref }
    }

    private static func readSetting(_ row: CSVRow, into draft: inout DraftDataset, sink: DiagnosticSink) {
        let position = SourcePosition(line: row.line, column: 1)
        let keyText = row.fields[0].trimmingCharacters(in: .whitespaces)
        guard let key = KPIMetadataKey.named(keyText) else {
            let known = KPIMetadataKey.allCases.map(\.rowName).joined(separator: ", ")
            sink.report(code: "unknown-kpi-setting",
                        message: "\"\(keyText)\" is not a dataset setting (\(known)); if this row is the header it needs a ref column",
                        location: "row \(row.line)", position: position)
            return
        }
        if row.fields.dropFirst(2).contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            sink.report(code: "kpi-setting-extra-cells", message: "the \(key.rowName) setting takes one value in column B; remove the cells after it",
                        location: "row \(row.line)", position: SourcePosition(line: row.line, column: 3))
        }
        if draft.metadata[key] != nil {
            sink.report(code: "duplicate-kpi-setting", message: "the \(key.rowName) setting is given twice; keep one", location: "row \(row.line)", position: position)
        }
        let value = row.fields.count > 1 ? row.fields[1] : ""
        draft.metadata[key] = DraftCell(text: value, location: "row \(row.line), \(key.rowName)", position: SourcePosition(line: row.line, column: 2))
    }

    private static func readHeader(_ row: CSVRow, academicYear: Int?, into draft: inout DraftDataset, sink: DiagnosticSink) -> [Column]? {
        var columns: [Column] = []
        var seenFields: Set<KPIField> = []
        var seenPeriods: Set<Period> = []
        var valid = true
        for (index, heading) in row.fields.enumerated() {
            let position = SourcePosition(line: row.line, column: index + 1)
            let place = "header, column \(columnLetter(index))"
            if heading.trimmingCharacters(in: .whitespaces).isEmpty {
                columns.append(.unnamed)
                continue
            }
            switch KPIHeading.read(heading, academicYear: academicYear) {
            case .field(let field, let qualifier, let byMeaning):
                if !seenFields.insert(field).inserted {
                    sink.report(code: "duplicate-kpi-column", message: "column \(field.columnName) appears twice (again as \"\(heading)\"); keep one", location: place, position: position)
                    valid = false
                }
                if byMeaning { draft.notes.append("The heading \"\(heading)\" (column \(columnLetter(index))) is read as the \(field.columnName) column.") }
                if let qualifier { applyQualifier(qualifier, of: field, heading: heading, draft: &draft) }
                columns.append(.field(field))
            case .period(let period):
                if !seenPeriods.insert(period).inserted {
                    sink.report(code: "duplicate-kpi-column", message: "period \(period.label) appears twice; keep one column per period", location: place, position: position)
                    valid = false
                }
                columns.append(.period(period))
            case nil where Period.parse(KPIHeading.splitQualifier(heading).base, academicYear: 2000) != nil:
                sink.report(code: "unknown-kpi-column",
                            message: "\"\(heading)\" is a term without its year, and a bare term needs an academic year setting; add a row academic year,2016/17 above the header or write the year in the heading (Term 1 2016/17)",
                            location: place, position: position)
                valid = false
                columns.append(.ignored)
            case nil:
                let names = KPIField.allCases.map(\.columnName)
                let guess = names.map { ($0, editDistance(normalise(heading), $0)) }.min { $0.1 < $1.1 }
                    .flatMap { $0.1 <= 3 ? " (did you mean \"\($0.0)\"?)" : nil } ?? ""
                let shown = heading.count > suggestionLength ? String(heading.prefix(suggestionLength)) + "…" : heading
                sink.report(code: "unknown-kpi-column", severity: .warning,
                            message: "\"\(shown)\" is neither a column this tool knows nor a period label\(guess), so its cells are left out; if it holds a field, name it as one of \(KPIField.allCases.map(\.columnName).joined(separator: ", ")); periods are written like Dec-15, Q1 2017/18, 2014/15, YTD 2015/16, AY 2016/17, Autumn 2016, Rolling year to Jun-17",
                            location: place, position: position)
                draft.notes.append("The heading \"\(shown)\" (column \(columnLetter(index))) is not one this tool knows; its cells are left out.")
                columns.append(.ignored)
            }
        }
        for required in [KPIField.ref, .title, .polarity] where !seenFields.contains(required) {
            sink.report(code: "missing-kpi-column", message: "the header has no \(required.columnName) column; add it", location: "header",
                        position: SourcePosition(line: row.line, column: 1))
            valid = false
        }
        return valid ? columns : nil
    }

    /// A convention stated in a heading's bracket (`DOT (Year on Year)`, `RAG (Year End)`),
    /// kept for the builder when the settings do not give it.
    private static func applyQualifier(_ qualifier: String, of field: KPIField, heading: String, draft: inout DraftDataset) {
        let key: KPIMetadataKey
        switch field {
        case .dot where KPIConventions.Comparison.named(qualifier) != nil: key = .comparison
        case .rag where KPIConventions.RAGBasis.named(qualifier) != nil: key = .ragBasis
        default: return
        }
        guard draft.metadata[key] == nil else { return }
        draft.headingConventions.append((key, qualifier, heading))
    }

    private static func readRow(_ row: CSVRow, columns: [Column], sink: DiagnosticSink) -> DraftRow {
        var draft = DraftRow(line: row.line, location: "row \(row.line)", position: SourcePosition(line: row.line, column: 1))
        for (index, field) in row.fields.enumerated() {
            let position = SourcePosition(line: row.line, column: index + 1)
            let column = index < columns.count ? columns[index] : .unnamed
            switch column {
            case .field(let name):
                draft.cells[name] = DraftCell(text: field, location: "row \(row.line), \(name.columnName) (column \(columnLetter(index)))", position: position)
            case .period(let period):
                draft.values.append((period, DraftCell(text: field, location: "row \(row.line), \(period.label) (column \(columnLetter(index)))", position: position)))
            case .ignored:
                continue
            case .unnamed:
                if !field.trimmingCharacters(in: .whitespaces).isEmpty {
                    sink.report(code: "kpi-cell-without-column",
                                message: "\"\(field)\" sits in column \(columnLetter(index)), which has no heading; name the column in the header or clear the cell",
                                location: "row \(row.line), column \(columnLetter(index))", position: position)
                }
            }
        }
        return draft
    }

    /// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
    static func columnLetter(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
