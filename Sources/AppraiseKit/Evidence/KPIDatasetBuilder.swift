import Foundation

/// Checks a draft and builds the dataset, reporting every problem: `start` with the settings
/// and columns, `add` each row as it is read (so no reader holds every draft row), `finish`.
final class KPIDatasetBuilder {
    let fileName: String
    let sink: DiagnosticSink
    private var draft = DraftDataset()
    private var id: String?
    private var conventions = KPIConventions()
    private var asAt: Period?
    private var notes: [String] = []
    private var indicators: [Indicator] = []
    private var firstLine: [String: Int] = [:]
    private var rowCount = 0

    init(fileName: String, sink: DiagnosticSink) {
        self.fileName = fileName
        self.sink = sink
    }

    /// Makes room for up to `rows` indicators at once: growing the arrays by doubling would
    /// briefly hold the old and the new copy, the largest part of reading a large file.
    func expect(rows: Int) {
        indicators.reserveCapacity(rows)
        firstLine.reserveCapacity(rows)
    }

    /// Takes the settings, columns and notes (the draft's rows are added one by one).
    func start(_ draft: DraftDataset) {
        self.draft = draft
        self.draft.rows = []
        id = datasetID(draft)
        conventions = self.conventions(draft)
        asAt = asAtPeriod(draft, academicYear: conventions.academicYear)
        notes = draft.notes
        if let asAt { applyHeadingConventions(draft, asAt: asAt, to: &conventions, notes: &notes) }
    }

    func add(_ row: DraftRow) {
        rowCount += 1
        guard let indicator = indicator(row, bandReading: conventions.bandReading) else { return }
        if let line = firstLine[indicator.ref] {
            let cell = row.cells[.ref]
            sink.report(code: "duplicate-kpi-ref",
                        message: "ref \(indicator.ref) is used again (first on line \(line)); give each measure line its own ref, e.g. \(indicator.ref)/number and \(indicator.ref)/%",
                        location: cell?.location ?? row.location, position: cell?.position ?? row.position)
            return
        }
        firstLine[indicator.ref] = row.line
        indicators.append(indicator)
    }

    /// The dataset, or nil when its id or `as at` cannot be had.
    func finish() -> KPIDataset? {
        if rowCount == 0 {
            sink.report(code: "no-kpi-rows", message: "the dataset has no indicator rows; add one row per indicator under the header",
                        location: "", position: draft.position)
        }
        guard let id, let asAt else { return nil }
        return KPIDataset(id: id, title: text(draft.metadata[.title]) ?? id, service: text(draft.metadata[.service]), asAt: asAt,
                          edition: text(draft.metadata[.edition]), directionOfTravelBasis: text(draft.metadata[.directionOfTravel]),
                          benchmarkVintage: text(draft.metadata[.benchmarkVintage]), source: text(draft.metadata[.source]),
                          conventions: conventions, periods: draft.periods, indicators: indicators, notes: notes)
    }

    private func text(_ cell: DraftCell?) -> String? {
        guard let text = cell?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// The `dataset` setting, or the file name without folder and extension.
    private func datasetID(_ draft: DraftDataset) -> String? {
        let stem = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        guard let cell = draft.metadata[.dataset], let id = text(cell) else { return stem }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard id.unicodeScalars.allSatisfy(allowed.contains) else {
            sink.report(code: "bad-kpi-dataset-id", message: "dataset id \"\(id)\" may use only letters, digits, '-', '_' and '.'; evidence links cite it",
                        location: cell.location, position: cell.position)
            return nil
        }
        return id
    }

    /// The `as at` setting, or the latest month or quarter column (else the latest column).
    /// The declared conventions, reporting a value outside a setting's vocabulary.
    private func conventions(_ draft: DraftDataset) -> KPIConventions {
        var conventions = KPIConventions()
        func read<T>(_ key: KPIMetadataKey, _ values: [String], _ parse: (String) -> T?) -> T? {
            guard let cell = draft.metadata[key], let value = text(cell) else { return nil }
            if let parsed = parse(value) { return parsed }
            sink.report(code: "bad-kpi-setting", message: "\(key.rowName) \"\(value)\" is not one of \(values.joined(separator: ", "))",
                        location: cell.location, position: cell.position)
            return nil
        }
        conventions.arrows = read(.arrows, KPIConventions.ArrowMeaning.allCases.map(\.rawValue), KPIConventions.ArrowMeaning.named)
        conventions.comparison = read(.comparison, KPIConventions.Comparison.allCases.map(\.rawValue), KPIConventions.Comparison.named) ?? .previousPeriod
        conventions.ragBasis = read(.ragBasis, KPIConventions.RAGBasis.allCases.map(\.rawValue), KPIConventions.RAGBasis.named) ?? .inPeriod
        conventions.bandReading = read(.bandReading, BandReading.allCases.map(\.rawValue)) { BandReading(rawValue: normalise($0)) }
        conventions.academicYear = read(.academicYear, ["an academic year such as 2016/17"], Period.parseFinancialYear) ?? draft.impliedAcademicYear
        return conventions
    }

    /// A heading's convention is taken when the table has the columns it needs (a year-end
    /// RAG needs the outturn column, a year-on-year arrow the same period a year before);
    /// otherwise the note says it was left aside, so no row goes unrated for a column the
    /// sheet never had.
    private func applyHeadingConventions(_ draft: DraftDataset, asAt: Period, to conventions: inout KPIConventions, notes: inout [String]) {
        for (key, qualifier, heading) in draft.headingConventions {
            let needed: Period?
            switch key {
            case .comparison:
                guard let comparison = KPIConventions.Comparison.named(qualifier) else { continue }
                needed = comparison == .sameTimeLastYear ? asAt.sameTimeLastYear : nil
                if needed.map(draft.periods.contains) ?? true { conventions.comparison = comparison }
            case .ragBasis:
                guard let basis = KPIConventions.RAGBasis.named(qualifier) else { continue }
                needed = switch basis {
                case .inPeriod: nil
                case .yearToDate: asAt.yearToDateColumn
                case .yearEnd: Period.financialYear(startYear: asAt.financialYearStart)
                }
                if needed.map(draft.periods.contains) ?? true { conventions.ragBasis = basis }
            default:
                continue
            }
            if let needed, !draft.periods.contains(needed) {
                notes.append("The heading \"\(heading)\" states \(key.rowName) \(normalise(qualifier)), but the table has no \(needed.label) column, so \(key == .comparison ? "arrows are compared with the previous period" : "the bands rate the period's own value"); set \(key.rowName) to say otherwise.")
            } else {
                notes.append("The heading \"\(heading)\" sets \(key.rowName) to \(normalise(qualifier)).")
            }
        }
    }

    private func asAtPeriod(_ draft: DraftDataset, academicYear: Int?) -> Period? {
        guard let cell = draft.metadata[.asAt], let label = text(cell) else {
            return draft.periods.filter { $0.kind == .month || $0.kind == .quarter }.max() ?? draft.periods.max()
        }
        guard let period = Period.parse(label, academicYear: academicYear).map({ Period.inTable($0, draft.periods) }) else {
            sink.report(code: "bad-kpi-period", message: "as at \"\(label)\" is not a period; write it like Dec-15, Q1 2017/18, 2014/15 or YTD 2015/16",
                        location: cell.location, position: cell.position)
            return nil
        }
        guard draft.periods.contains(period) else {
            let columns = draft.periods.map(\.label).joined(separator: ", ")
            sink.report(code: "kpi-as-at-not-a-column", message: "as at \(period.label) is not one of the period columns (\(columns)); add its column or correct the setting",
                        location: cell.location, position: cell.position)
            return nil
        }
        return period
    }

    private func indicator(_ row: DraftRow, bandReading: BandReading?) -> Indicator? {
        func required(_ field: KPIField, _ what: String) -> String? {
            if let value = text(row.cells[field]) { return value }
            sink.report(code: "missing-kpi-field", message: "\(field.columnName) is empty; every indicator row needs \(what)",
                        location: row.cells[field]?.location ?? row.location, position: row.cells[field]?.position ?? row.position)
            return nil
        }
        let ref = required(.ref, "its printed reference (e.g. 2.5)")
        let title = required(.title, "its title as printed")
        let polarityText = required(.polarity, "a polarity (High, Low, Info, Within Limits or Within limits (low))")
        var polarity: Polarity?
        if let polarityText {
            polarity = Polarity(printed: polarityText)
            if polarity == nil {
                report(row, .polarity, code: "bad-kpi-polarity",
                       "polarity \"\(polarityText)\" is not one of \(Polarity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        // Problems confined to one cell leave the row unrated with the reason; the file still loads.
        var unreadable: [String] = []
        func refuse(_ cell: DraftCell, code: String, _ message: String) {
            sink.report(code: code, severity: .warning, message: message + "; the row is not rated until then", location: cell.location, position: cell.position)
            unreadable.append(message)
        }
        var declaredRAG: DeclaredRAG?
        if let cell = row.cells[.rag], let rag = text(cell) {
            declaredRAG = DeclaredRAG(printed: rag)
            if declaredRAG == nil {
                refuse(cell, code: "bad-kpi-rag", "rag \"\(rag)\" is not a RAG; write \(DeclaredRAG.vocabulary), or leave it blank")
            }
        }
        var declaredDirection: DeclaredDirection?
        if let cell = row.cells[.dot], let dot = text(cell) {
            declaredDirection = DeclaredDirection(printed: dot)
            if declaredDirection == nil {
                refuse(cell, code: "bad-kpi-dot", "dot \"\(dot)\" is not a direction of travel; write \(DeclaredDirection.vocabulary), or leave it blank")
            }
        }
        guard let ref, let title, let polarity else { return nil }
        let unit = text(row.cells[.unit]) ?? ""
        let bands = ToleranceBandParser.bands(red: row.cells[.red]?.text ?? "", amber: row.cells[.amber]?.text ?? "",
                                              green: row.cells[.green]?.text ?? "", polarity: polarity, unit: unit, reading: bandReading)
        if case .text = bands.rule { checkTextBands(row, refuse: refuse) }
        let benchmarks = KPIField.benchmarkFields.compactMap { field -> Benchmark? in
            guard let kind = field.benchmarkKind, let cell = row.cells[field], let printed = readable(cell, refuse: refuse) else { return nil }
            return Benchmark(kind: kind, printed: printed)
        }
        let observations = row.values.compactMap { period, cell in readable(cell, refuse: refuse).map { Observation(period: period, printed: $0) } }
        return Indicator(ref: ref, title: title, theme: text(row.cells[.theme]), polarity: polarity, unit: unit, frequency: text(row.cells[.frequency]),
                         ytdBasis: text(row.cells[.ytdBasis]), observations: observations, bands: bands, declaredRAG: declaredRAG,
                         declaredDirection: declaredDirection, benchmarks: benchmarks, source: text(row.cells[.source]),
                         note: text(row.cells[.note]), line: row.line, unreadable: unreadable)
    }

    /// A target cell holding digits that no band notation reads (`82%++`) leaves its row
    /// unrated, so a typo never passes as a text target, unless the row's `bands` column says
    /// `text`.
    private func checkTextBands(_ row: DraftRow, refuse: (DraftCell, String, String) -> Void) {
        let marked = text(row.cells[.bands]).map(normalise)
        if let marked, marked != "text", let cell = row.cells[.bands] {
            refuse(cell, "bad-kpi-bands-mark", "bands \"\(marked)\" is not a mark; write text for a row whose target cells are text, or leave it blank")
            return
        }
        guard marked == nil else { return }
        for field in [KPIField.red, .amber, .green] {
            guard let cell = row.cells[field], let printed = text(cell), printed.contains(where: \.isNumber),
                  ToleranceBandParser.isUnreadable(printed) else { continue }
            refuse(cell, "unreadable-kpi-band",
                   "\(field.columnName) \"\(printed)\" has numbers but no band notation reads it; write it like 95%+, <83%, 83-85.9%, >65% <75%, +/-5 of 158.8 or 14-20, or put text in the row's bands column if the target is words")
        }
    }

    /// The cell read; a cell that starts like a number but is not one ("31,4%") is refused,
    /// so a decimal comma is never kept as a status or misread.
    private func readable(_ cell: DraftCell, refuse: (DraftCell, String, String) -> Void) -> PrintedValue? {
        guard let printed = PrintedValue(cell.text) else { return nil }
        if printed.status == .pending, let first = printed.text.first, first.isASCII, first.isNumber {
            refuse(cell, "unreadable-kpi-number",
                   "\"\(printed.text)\" starts like a number but cannot be read as one; write decimals with a point (31.4%) and thousands as 1188 or 1,188")
            return nil
        }
        return printed
    }

    private func report(_ row: DraftRow, _ field: KPIField, code: String, _ message: String) {
        sink.report(code: code, message: message, location: row.cells[field]?.location ?? row.location,
                    position: row.cells[field]?.position ?? row.position)
    }
}
