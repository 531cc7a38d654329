import Foundation

/// Reads the JSON form of a KPI dataset: the CSV form's settings as top-level keys and its rows
/// as `indicators`, each with its period cells under `values` and its benchmarks under
/// `benchmarks`. Cells may be strings (kept verbatim) or numbers (their literal text is kept).
///
/// ```json
/// { "dataset": "sc-2015-12", "title": "…", "asAt": "Dec-15",
///   "indicators": [ { "ref": "2.5", "title": "…", "polarity": "High", "unit": "Percentage",
///                     "values": { "Nov-15": "76.0%", "Dec-15": "79.2%" },
///                     "red": "<83%", "amber": "83%>", "green": "86%", "dot": "↑",
///                     "benchmarks": { "snAverage": "85.9%", "nationalAverage": 87.1 } } ] }
/// ```
enum KPIDatasetJSON {
    static func read(_ data: Data, sink: DiagnosticSink) -> DraftDataset? {
        let root: JSONNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            sink.report(code: "malformed-json", message: "not valid JSON: \(error.message)", location: "", position: error.position)
            return nil
        }
        guard let file = JSONObjectReader(root, path: "", sink: sink) else { return nil }
        var draft = DraftDataset(position: root.position)
        for key in KPIMetadataKey.allCases {
            if let cell = cell(file, key.rawValue, sink: sink) { draft.metadata[key] = cell }
        }
        // Period labels seen before the rows are read, to imply the academic year of bare terms;
        // problems with the list are reported once, when the rows are read below.
        var labels: [String] = []
        if let list = file.node("indicators", required: false), case .array(let items) = list.kind {
            for item in items {
                guard case .object(let members) = item.kind, let values = members.first(where: { $0.key == "values" })?.value,
                      case .object(let cells) = values.kind else { continue }
                labels += cells.map(\.key)
            }
        }
        let academicYear = draft.metadata[.academicYear].flatMap { Period.parseFinancialYear($0.text.trimmingCharacters(in: .whitespaces)) }
            ?? Period.impliedAcademicYear(asAt: draft.metadata[.asAt]?.text, labels: labels)
        draft.impliedAcademicYear = academicYear
        var periods: Set<Period> = []
        for (node, path) in file.array("indicators") ?? [] {
            guard let row = indicator(node, path: path, academicYear: academicYear, sink: sink) else { continue }
            periods.formUnion(row.values.map(\.period))
            draft.rows.append(row)
        }
        file.rejectUnknownKeys()
        draft.periods = Period.inTable(periods.sorted())
        for index in draft.rows.indices {
            draft.rows[index].values = draft.rows[index].values.map { (period: Period.inTable($0.period, draft.periods), cell: $0.cell) }
        }
        return draft
    }

    private static func indicator(_ node: JSONNode, path: String, academicYear: Int?, sink: DiagnosticSink) -> DraftRow? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        var row = DraftRow(line: node.position.line, location: path, position: node.position)
        for field in KPIField.allCases where field.benchmarkKind == nil {
            if let cell = cell(reader, field.rawValue, sink: sink) { row.cells[field] = cell }
        }
        for (key, value, valuePath) in reader.map("values", required: false) ?? [] {
            guard let period = Period.parse(key, academicYear: academicYear) else {
                sink.report(code: "bad-kpi-period",
                            message: "\"\(key)\" is not a period; write it like Dec-15, Q1 2017/18, 2014/15 or YTD 2015/16",
                            location: valuePath, position: value.position)
                continue
            }
            if row.values.contains(where: { $0.period == period }) {
                sink.report(code: "duplicate-kpi-column", message: "period \(period.label) is given twice; keep one", location: valuePath, position: value.position)
                continue
            }
            if let text = cellText(value, path: valuePath, sink: sink) {
                row.values.append((period, DraftCell(text: text, location: valuePath, position: value.position)))
            }
        }
        if let benchmarks = reader.node("benchmarks", required: false), let inner = JSONObjectReader(benchmarks, path: reader.child("benchmarks"), sink: sink) {
            for field in KPIField.benchmarkFields {
                if let cell = cell(inner, field.rawValue, sink: sink) { row.cells[field] = cell }
            }
            inner.rejectUnknownKeys()
        }
        reader.rejectUnknownKeys()
        return row
    }

    /// A string or number member as cell text; nil when absent or null.
    private static func cell(_ reader: JSONObjectReader, _ key: String, sink: DiagnosticSink) -> DraftCell? {
        guard let node = reader.node(key, required: false) else { return nil }
        let path = reader.child(key)
        return cellText(node, path: path, sink: sink).map { DraftCell(text: $0, location: path, position: node.position) }
    }

    private static func cellText(_ node: JSONNode, path: String, sink: DiagnosticSink) -> String? {
        switch node.kind {
        case .string(let text): return text
        case .number(let literal): return literal
        case .null: return nil
        default:
            sink.report(code: "wrong-type", message: "expected the cell as text in double quotes (or a number) but found \(node.kindName)",
                        location: path, position: node.position)
            return nil
        }
    }
}
