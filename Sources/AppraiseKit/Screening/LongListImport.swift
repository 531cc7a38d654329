/// Starts an appraisal from a long list kept in a spreadsheet: one row per option, and
/// besides the score columns `ScoreMatrixImport` reads, columns of screening results (every
/// filled cell "pass", "pass with reservations" or "fail", or a header "CSF: name"), an
/// optional "Stage" column and an optional "Reason" column saying why the option is there.
///
/// ```
/// Option,Stage,Reason,CSF: Affordability,Strategic fit,Cost
/// Carry on,business-as-usual,,pass,pass,2
/// Private finance,discounted,Unitary charge too high,fail,pass,
/// ```
///
/// Without a Stage column, an option that fails a factor is discounted (with no reason, so
/// `validate` asks for one) and every other option is short-listed.
public enum LongListImport {
    /// Whether the table has any long-list column, so the plain score-matrix reader is not enough.
    public static func applies(to table: CSVTable) -> Bool {
        guard let header = table.rows.first(where: { !$0.isBlank }) else { return false }
        return !layout(header, table: table).isEmpty
    }

    /// Adds the long list's options, stages, screening criteria and results, then hands the
    /// remaining columns (if any) to the score-matrix reader.
    public static func apply(_ table: CSVTable, file: String, to appraisal: Appraisal) throws -> ScoreMatrixImport.Result {
        let rows = table.rows.filter { !$0.isBlank }
        guard let header = rows.first else {
            throw EditError("\(file): the file has no header row; put the option column and the criteria's names in the first row")
        }
        let roles = layout(header, table: table)
        let scoreColumns = header.fields.indices.filter { roles[$0] == nil }
        var result = appraisal
        var notes: [String] = []
        let keep = { (row: CSVRow) in CSVRow(line: row.line, fields: scoreColumns.map { $0 < row.fields.count ? row.fields[$0] : "" }) }
        if scoreColumns.count > 1 {
            let imported = try ScoreMatrixImport.apply(CSVTable(separator: table.separator, rows: rows.map(keep)), file: file, to: result)
            result = imported.appraisal
            notes = imported.notes
        }
        var screening = result.screening ?? Screening()
        for (column, role) in roles.sorted(by: { $0.key < $1.key }) {
            guard case .criterion(let name) = role else { continue }
            let id = Identifier.suggestion(for: name)
            guard screening.criterion(id) == nil else {
                throw EditError("\(file):\(header.line): column \(column + 1) gives the critical success factor id \"\(id)\" a second time; rename one of them")
            }
            screening.criteria.append(ScreeningCriterion(id: id, name: name))
        }
        for row in rows.dropFirst() {
            let label = trimmed(row.fields[0])
            if ["weight", "weights"].contains(label.lowercased()) { continue }
            guard !label.isEmpty else {
                throw EditError("\(file):\(row.line): the row has no option name in its first cell; name the option")
            }
            let id = Identifier.suggestion(for: label)
            if !result.options.contains(where: { $0.id == id }) { result.options.append(Option(id: id, name: label)) }
            let index = result.options.firstIndex { $0.id == id }!
            var failed = false
            var stage: OptionStage?
            for (column, role) in roles.sorted(by: { $0.key < $1.key }) {
                let cell = column < row.fields.count ? trimmed(row.fields[column]) : ""
                guard !cell.isEmpty else { continue }
                switch role {
                case .criterion(let name):
                    guard let outcome = outcome(cell) else {
                        throw EditError("\(file):\(row.line): column \(column + 1) (\"\(name)\"): \"\(cell)\" is not a screening result; write pass, pass with reservations or fail")
                    }
                    failed = failed || outcome == .fail
                    screening.results.append(ScreeningResult(option: id, criterion: Identifier.suggestion(for: name), outcome: outcome))
                case .stage:
                    guard let parsed = OptionStage(rawValue: Identifier.suggestion(for: cell)) else {
                        throw EditError("\(file):\(row.line): column \(column + 1): \"\(cell)\" is not a stage; write one of \(OptionStage.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    stage = parsed
                case .reason:
                    result.options[index].stageReason = cell
                }
            }
            let hasStageColumn = roles.values.contains(.stage)
            result.options[index].stage = hasStageColumn ? stage : (failed ? .discounted : nil)
        }
        result.screening = screening == Screening() ? nil : screening
        return ScoreMatrixImport.Result(appraisal: result, notes: notes)
    }

    private enum Role: Equatable {
        case criterion(String)
        case stage
        case reason
    }

    /// The long-list columns by index; the first column (the options' names) never is one.
    private static func layout(_ header: CSVRow, table: CSVTable) -> [Int: Role] {
        var roles: [Int: Role] = [:]
        let body = table.rows.filter { !$0.isBlank && $0.line != header.line }
            .filter { !["weight", "weights"].contains(trimmed($0.fields[0]).lowercased()) }
        for (column, field) in header.fields.enumerated().dropFirst() {
            let name = trimmed(field)
            let lower = name.lowercased()
            if lower == "stage" {
                roles[column] = .stage
            } else if ["reason", "why", "stage reason"].contains(lower) {
                roles[column] = .reason
            } else if lower.hasPrefix("csf:") {
                roles[column] = .criterion(trimmed(String(name.dropFirst(4))))
            } else {
                let cells = body.map { column < $0.fields.count ? trimmed($0.fields[column]) : "" }.filter { !$0.isEmpty }
                if cells.contains(where: { outcome($0) != nil }) { roles[column] = .criterion(name) }
            }
        }
        return roles
    }

    private static func outcome(_ cell: String) -> ScreeningOutcome? {
        ScreeningOutcome(rawValue: Identifier.suggestion(for: cell))
    }

    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }
}
