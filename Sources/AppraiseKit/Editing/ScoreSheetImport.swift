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
    }

    /// The score changes the sheet asks for; `scorer` files them under a panel member unless
    /// the sheet has a Scorer column.
    public static func changes(_ table: CSVTable, file: String, appraisal: Appraisal, scorer: String?) throws(SheetProblems) -> Result {
        let rows = table.rows.filter { !$0.isBlank }
        guard let header = rows.first else {
            throw SheetProblems(["\(file): the file has no header row; name the criteria (a matrix) or Option, Criterion and Score (one row per cell)"])
        }
        let names = header.fields.map { SheetCell.trimmed($0).lowercased() }
        var reader = Reader(file: file, appraisal: appraisal, decimalComma: table.separator == .semicolon)
        if names.contains("option") && names.contains("criterion") && (names.contains("score") || names.contains("value")) {
            reader.cells(rows.dropFirst(), header: names, scorer: scorer)
        } else {
            reader.matrix(rows.dropFirst(), header: header, scorer: scorer)
        }
        guard reader.problems.isEmpty else { throw SheetProblems(reader.problems) }
        guard !reader.changes.isEmpty else {
            throw SheetProblems(["\(file): the sheet gives no scores; fill in the score cells"])
        }
        return Result(changes: reader.changes, notes: reader.notes)
    }

    private struct Reader {
        let file: String
        let appraisal: Appraisal
        let decimalComma: Bool
        var changes: [ScoreChanges] = []
        var notes: [String] = []
        var problems: [String] = []
        var seen: [String: Int] = [:]

        init(file: String, appraisal: Appraisal, decimalComma: Bool) {
            self.file = file
            self.appraisal = appraisal
            self.decimalComma = decimalComma
        }

        mutating func matrix(_ rows: ArraySlice<CSVRow>, header: CSVRow, scorer: String?) {
            var criteria: [Int: String] = [:]
            for (index, name) in header.fields.enumerated().dropFirst() {
                let name = SheetCell.trimmed(name)
                if name.isEmpty { continue }
                if SheetCell.isComputed(name) {
                    notes.append("\(file):\(header.line): column \(index + 1) (\"\(name)\") left out: totals and ranks are computed from the scores")
                } else if let id = criterion(name, line: header.line) {
                    criteria[index] = id
                }
            }
            for row in rows {
                let label = SheetCell.trimmed(row.fields[0])
                if SheetCell.isComputed(label) || SheetCell.isWeightRow(label) {
                    notes.append("\(file):\(row.line): row \"\(label)\" left out: " + (SheetCell.isComputed(label)
                        ? "totals and ranks are computed from the scores" : "set weights with 'appraise weight set' or 'appraise weights --set'"))
                    continue
                }
                guard let option = option(label, line: row.line) else { continue }
                for (index, cell) in row.fields.enumerated().dropFirst() where !SheetCell.trimmed(cell).isEmpty {
                    guard let criterion = criteria[index] else {
                        if index >= header.fields.count || SheetCell.trimmed(header.fields[index]).isEmpty {
                            problems.append("\(file):\(row.line): column \(index + 1) has a value but no criterion in the header row; name the criterion or delete the value")
                        }
                        continue
                    }
                    add(option: option, criterion: criterion, cell: cell, scorer: scorer, line: row.line, column: index + 1)
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
                guard let option = option(SheetCell.trimmed(field(optionColumn)), line: row.line),
                      let criterion = criterion(SheetCell.trimmed(field(criterionColumn)), line: row.line) else { continue }
                let bullets = bulletColumns.flatMap { kind, index in
                    field(index).split(separator: "\n").map { SheetCell.trimmed(String($0)) }.filter { !$0.isEmpty }
                        .map { RationaleBullet(kind: kind, text: $0) }
                }
                let named = scorerColumn.map { SheetCell.trimmed(field($0)) }.flatMap { $0.isEmpty ? nil : $0 }
                add(option: option, criterion: criterion, cell: field(scoreColumn), scorer: named ?? scorer, line: row.line,
                    column: scoreColumn + 1, rationale: bullets.isEmpty ? nil : bullets,
                    source: sourceColumn.map { SheetCell.trimmed(field($0)) }.flatMap { $0.isEmpty ? nil : $0 })
            }
        }

        mutating func add(
            option: String, criterion: String, cell: String, scorer: String?, line: Int, column: Int,
            rationale: [RationaleBullet]? = nil, source: String? = nil
        ) {
            let scale = appraisal.scale
            guard let value = SheetCell.score(SheetCell.trimmed(cell), scale: scale, decimalComma: decimalComma) else {
                problems.append("\(file):\(line): column \(column): \"\(SheetCell.trimmed(cell))\" is not a score on the scale \(SheetCell.scaleText(scale)); \(SheetCell.fix(SheetCell.trimmed(cell)))")
                return
            }
            let key = [option, criterion, scorer ?? ""].joined(separator: "\u{0}")
            if let first = seen[key] {
                problems.append("\(file):\(line): a second score for \"\(option)\" on \"\(criterion)\"\(scorer.map { " by \($0)" } ?? "") (the first is on line \(first)); keep one")
                return
            }
            seen[key] = line
            changes.append(ScoreChanges(option: option, criterion: criterion, scorer: scorer, value: value, rationale: rationale,
                                        source: source))
        }

        mutating func option(_ text: String, line: Int) -> String? {
            if let match = appraisal.options.first(where: { [$0.id, $0.name, $0.shortName].contains(text) })
                ?? appraisal.options.first(where: { $0.id == Identifier.suggestion(for: text) }) {
                return match.id
            }
            problems.append("\(file):\(line): there is no option \"\(text)\"; use an id or name of one of \(appraisal.options.map(\.id).joined(separator: ", ")), or add it with 'appraise option add'")
            return nil
        }

        mutating func criterion(_ text: String, line: Int) -> String? {
            if let match = appraisal.criteria.first(where: { [$0.id, $0.name, $0.shortName].contains(text) })
                ?? appraisal.criteria.first(where: { $0.id == Identifier.suggestion(for: text) }) {
                return match.id
            }
            problems.append("\(file):\(line): there is no criterion \"\(text)\"; use an id or name of one of \(appraisal.criteria.map(\.id).joined(separator: ", ")), or add it with 'appraise criterion add'")
            return nil
        }
    }
}
