import Foundation

/// Scores for an existing appraisal from a spreadsheet, in either of the two layouts officers
/// keep them in:
///
/// - a matrix, as `init --from-csv` reads it: a header row naming the criteria, one row per
///   option (rows and columns of totals, ranks or weights are left out and said so);
/// - one row per cell, with a header naming at least `Option`, `Criterion` and `Score`, and
///   optionally `Scorer`, `For`, `Against`, `Contingent`, `Note` and `Source` (several
///   bullets of a kind go on separate lines inside the cell).
///
/// Options and criteria may be named by id, name or short name. Empty score cells are skipped.
/// Every bad cell is reported at once.
public enum ScoreSheetImport {
    public struct Result: Sendable {
        public let changes: [ScoreChanges]
        public let notes: [String]
        /// Which way a matrix was read, and why; nil for one row per cell.
        public let layoutNote: String?
    }

    /// The score changes the sheet asks for; `scorer` files them under a panel member unless
    /// the sheet has a Scorer column.
    public static func changes(_ table: CSVTable, file: String, appraisal: Appraisal, scorer: String?,
                               optionsIn: SheetLayout? = nil) throws(SheetProblems) -> Result {
        let rows = table.rows.filter { !$0.isBlank }
        guard let header = rows.first else {
            throw SheetProblems(["\(file): the file has no header row; name the criteria (a matrix) or Option, Criterion and Score (one row per cell)"])
        }
        let names = header.fields.map { SheetCell.trimmed($0).lowercased() }
        var reader = Reader(file: file, appraisal: appraisal, decimalComma: table.separator == .semicolon)
        var layoutNote: String?
        if names.contains("option") && names.contains("criterion") && (names.contains("score") || names.contains("value")) {
            reader.cells(rows.dropFirst(), header: names, scorer: scorer)
        } else {
            let reading = try SheetLayout.read(table, file: file, chosen: optionsIn, appraisal: appraisal)
            layoutNote = reading.note
            reader.matrix(reading.grid, scorer: scorer)
        }
        guard reader.problems.isEmpty else { throw SheetProblems(reader.problems) }
        guard !reader.changes.isEmpty else {
            throw SheetProblems(["\(file): the sheet gives no scores; fill in the score cells"])
        }
        return Result(changes: reader.changes, notes: reader.notes, layoutNote: layoutNote)
    }

    private struct Reader {
        let file: String
        let appraisal: Appraisal
        let decimalComma: Bool
        var changes: [ScoreChanges] = []
        var notes: [String] = []
        var problems: [String] = []
        var seen: [String: String] = [:]

        init(file: String, appraisal: Appraisal, decimalComma: Bool) {
            self.file = file
            self.appraisal = appraisal
            self.decimalComma = decimalComma
        }

        mutating func matrix(_ grid: SheetGrid, scorer: String?) {
            var criteria: [Int: String] = [:]
            for (index, name) in grid.names.enumerated() {
                let name = SheetCell.trimmed(name)
                if name.isEmpty { continue }
                if SheetCell.isComputed(name) || SheetCell.isWeightRow(name) {
                    notes.append("\(grid.headerPlace(of: index)) (\"\(name)\") left out: " + (SheetCell.isComputed(name)
                        ? "totals and ranks are computed from the scores" : "set weights with 'appraise weight set' or 'appraise weights --set'"))
                } else if let id = criterion(name, place: grid.headerPlace(of: index)) {
                    criteria[index] = id
                }
            }
            for line in grid.lines {
                let label = SheetCell.trimmed(line.label)
                if SheetCell.isComputed(label) || SheetCell.isWeightRow(label) {
                    notes.append("\(line.place): \(grid.along) \"\(label)\" left out: " + (SheetCell.isComputed(label)
                        ? "totals and ranks are computed from the scores" : "set weights with 'appraise weight set' or 'appraise weights --set'"))
                    continue
                }
                guard let option = option(label, place: line.place) else { continue }
                for (index, cell) in line.cells.enumerated() where !SheetCell.trimmed(cell).isEmpty {
                    guard let criterion = criteria[index] else {
                        if index >= grid.names.count || SheetCell.trimmed(grid.names[index]).isEmpty {
                            problems.append("\(line.place(of: index)) has a value but no criterion in \(grid.headerName); name the criterion or delete the value")
                        }
                        continue
                    }
                    add(option: option, criterion: criterion, cell: cell, scorer: scorer, place: line.place(of: index), at: line.place, line: line.source)
                }
            }
        }

        mutating func cells(_ rows: ArraySlice<CSVRow>, header: [String], scorer: String?) {
            let column = { (names: [String]) in header.firstIndex { names.contains($0) } }
            let optionColumn = column(["option"])!, criterionColumn = column(["criterion"])!, scoreColumn = column(["score", "value"])!
            let scorerColumn = column(["scorer"]), sourceColumn = column(["source"])
            let bulletColumns: [(RationaleBullet.Kind, Int)] = [
                (.for, column(["for", "+"])), (.against, column(["against", "–", "-"])), (.contingent, column(["contingent", "•"])),
                (.note, column(["note", "notes"])),
            ].compactMap { kind, index in index.map { (kind, $0) } }
            for row in rows {
                let field = { (index: Int) in index < row.fields.count ? row.fields[index] : "" }
                guard !SheetCell.trimmed(field(scoreColumn)).isEmpty else { continue }
                guard let option = option(SheetCell.trimmed(field(optionColumn)), place: "\(file):\(row.line)"),
                      let criterion = criterion(SheetCell.trimmed(field(criterionColumn)), place: "\(file):\(row.line)") else { continue }
                let bullets = bulletColumns.flatMap { kind, index in
                    field(index).split(separator: "\n").map { SheetCell.trimmed(String($0)) }.filter { !$0.isEmpty }
                        .map { RationaleBullet(kind: kind, text: $0) }
                }
                let named = scorerColumn.map { SheetCell.trimmed(field($0)) }.flatMap { $0.isEmpty ? nil : $0 }
                add(option: option, criterion: criterion, cell: field(scoreColumn), scorer: named ?? scorer,
                    place: "\(file):\(row.line): column \(scoreColumn + 1)", at: "\(file):\(row.line)", line: "line \(row.line)", rationale: bullets.isEmpty ? nil : bullets,
                    source: sourceColumn.map { SheetCell.trimmed(field($0)) }.flatMap { $0.isEmpty ? nil : $0 })
            }
        }

        mutating func add(
            option: String, criterion: String, cell: String, scorer: String?, place: String, at: String, line: String,
            rationale: [RationaleBullet]? = nil, source: String? = nil
        ) {
            let scale = appraisal.scale
            guard let value = SheetCell.score(SheetCell.trimmed(cell), scale: scale, decimalComma: decimalComma) else {
                problems.append("\(place): \"\(SheetCell.trimmed(cell))\" is not a score on the scale \(SheetCell.scaleText(scale)); \(SheetCell.fix(SheetCell.trimmed(cell)))")
                return
            }
            let key = [option, criterion, scorer ?? ""].joined(separator: "\u{0}")
            if let first = seen[key] {
                problems.append("\(at): a second score for \"\(option)\" on \"\(criterion)\"\(scorer.map { " by \($0)" } ?? "") (the first is on \(first)); keep one")
                return
            }
            seen[key] = line
            changes.append(ScoreChanges(option: option, criterion: criterion, scorer: scorer, value: value, rationale: rationale,
                                        source: source))
        }

        mutating func option(_ text: String, place: String) -> String? {
            if let match = appraisal.options.first(where: { [$0.id, $0.name, $0.shortName].contains(text) })
                ?? appraisal.options.first(where: { $0.id == Identifier.suggestion(for: text) }) {
                return match.id
            }
            problems.append("\(place): there is no option \"\(text)\"; use an id or name of one of \(appraisal.options.map(\.id).joined(separator: ", ")), or add it with 'appraise option add'")
            return nil
        }

        mutating func criterion(_ text: String, place: String) -> String? {
            if let match = appraisal.criteria.first(where: { [$0.id, $0.name, $0.shortName].contains(text) })
                ?? appraisal.criteria.first(where: { $0.id == Identifier.suggestion(for: text) }) {
                return match.id
            }
            problems.append("\(place): there is no criterion \"\(text)\"; use an id or name of one of \(appraisal.criteria.map(\.id).joined(separator: ", ")), or add it with 'appraise criterion add'")
            return nil
        }
    }
}
