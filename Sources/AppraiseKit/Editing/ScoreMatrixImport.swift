import Foundation

/// Starts an appraisal from a score matrix kept in a spreadsheet: options as rows, criteria
/// as columns, a header row naming the criteria and, optionally, a row headed "Weight" (or
/// "Weighting", "Weights %") giving their weights. Empty cells are cells not scored yet.
///
/// ```
/// Option;Child Focused;Partnerships;Total
/// Weighting;60%;40%;
/// Peer Practice Partner;4;5;9
/// Trust;3,5;;3,5
/// ```
///
/// Ids are made from the names ("École Sainte-Thérèse" → `ecole-sainte-therese`). With
/// semicolons as separators a decimal comma is read as a decimal point, as such spreadsheets
/// write it. Rows and columns of totals or ranks are computed by the tool, so they are left
/// out and said so. Every bad cell is reported at once.
///
/// Columns declared in `measures` (by header name) are money or quantities, not criteria:
/// each cell becomes that option's year-0 amount, read exactly as printed ("£1,200,000",
/// "£87k", "£1.2m", a range "£50k–£87k", or words such as "TBC" kept as not known).
public enum ScoreMatrixImport {
    /// A spreadsheet column that holds a measure rather than scores.
    public struct MeasureColumn: Sendable, Equatable {
        public let header: String
        public let kind: MeasureKind
        /// The unit of a quantity ("places"); money takes the appraisal's currency.
        public let unit: String?

        public init(header: String, kind: MeasureKind, unit: String? = nil) {
            self.header = header
            self.kind = kind
            self.unit = unit
        }
    }

    /// The appraisal with the matrix added, and what the import left out or assumed.
    public struct Result: Sendable {
        public let appraisal: Appraisal
        public let notes: [String]
    }

    /// Adds the matrix's criteria, options, weights and scores (and the amounts of any measure
    /// columns) to an empty appraisal.
    public static func apply(_ table: CSVTable, file: String, to appraisal: Appraisal,
                             measures: [MeasureColumn] = []) throws(SheetProblems) -> Result {
        var problems: [String] = []
        var notes: [String] = []
        var rows = table.rows.filter { !$0.isBlank }[...]
        guard let header = rows.popFirst() else {
            throw SheetProblems(["\(file): the file has no header row; put the criteria's names in the first row"])
        }
        var names = header.fields.dropFirst().map(SheetCell.trimmed)
        while names.last?.isEmpty == true { names.removeLast() }
        // Columns of totals or ranks are computed, not criteria.
        let computed = Set(names.indices.filter { SheetCell.isComputed(names[$0]) })
        for index in computed.sorted() {
            notes.append("\(file):\(header.line): column \(index + 2) (\"\(names[index])\") left out: totals and ranks are computed from the scores")
        }
        for column in measures where !names.contains(where: { $0.caseInsensitiveCompare(column.header) == .orderedSame }) {
            problems.append("\(file):\(header.line): no column is headed \"\(column.header)\"; the headers are \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let measureOf = { (name: String) in measures.first { $0.header.caseInsensitiveCompare(name) == .orderedSame } }
        let measureColumns = names.indices.filter { !computed.contains($0) && measureOf(names[$0]) != nil }
        let criterionColumns = names.indices.filter { !computed.contains($0) && measureOf(names[$0]) == nil }
        guard !criterionColumns.isEmpty else {
            throw SheetProblems(["\(file):\(header.line): the header row names no criteria; put one criterion name per column after the first"])
        }
        var result = appraisal
        let currency = appraisal.costing?.effectiveCurrency ?? Costing.defaultCurrency
        for index in measureColumns {
            let column = measureOf(names[index])!
            result.measures.append(Measure(id: Identifier.suggestion(for: names[index]), name: names[index],
                                           unit: column.kind.isMoney ? currency : (column.unit ?? "units"), kind: column.kind))
        }
        var criterionColumn: [String: Int] = [:]
        var criterionAt: [Int: Int] = [:]
        for index in criterionColumns {
            let name = names[index]
            guard !name.isEmpty else {
                problems.append("\(file):\(header.line): column \(index + 2) of the header row is empty; name the criterion or delete the column")
                continue
            }
            let id = Identifier.suggestion(for: name)
            if let first = criterionColumn[id] {
                problems.append("\(file):\(header.line): columns \(first) and \(index + 2) both give the criterion id \"\(id)\"; rename one of them")
                continue
            }
            criterionColumn[id] = index + 2
            criterionAt[index] = result.criteria.count
            result.criteria.append(Criterion(id: id, name: name))
        }
        let scale = appraisal.scale
        let decimalComma = table.separator == .semicolon
        var weightLine: Int?
        var optionLines: [String: Int] = [:]
        for row in rows {
            let label = SheetCell.trimmed(row.fields[0])
            let cells = Array(row.fields.dropFirst().map(SheetCell.trimmed))
            for extra in cells.indices where extra >= names.count && !cells[extra].isEmpty {
                problems.append("\(file):\(row.line): column \(extra + 2) has a value but no criterion in the header row; name the criterion or delete the value")
            }
            if SheetCell.isComputed(label) {
                notes.append("\(file):\(row.line): row \"\(label)\" left out: totals and ranks are computed from the scores")
                continue
            }
            if SheetCell.isWeightRow(label) {
                if let first = weightLine {
                    problems.append("\(file):\(row.line): a second weight row (the first is on line \(first)); keep one")
                    continue
                }
                weightLine = row.line
                for (index, criterion) in criterionAt.sorted(by: { $0.key < $1.key }) {
                    let cell = index < cells.count ? cells[index] : ""
                    if cell.isEmpty {
                        result.criteria[criterion].weight = .zero
                        notes.append("\(file):\(row.line): the weight of \"\(names[index])\" is empty, so it weighs 0; change it with 'appraise weight set FILE \(result.criteria[criterion].id) VALUE'")
                        continue
                    }
                    guard let weight = NumberText.read(cell, decimalComma: decimalComma)?.value, !weight.isNegative,
                          weight.terminatingDecimalPlaces.map({ $0 <= 6 }) == true else {
                        problems.append("\(file):\(row.line): column \(index + 2) (\"\(names[index])\"): the weight \"\(cell)\" is not a number of 0 or more; \(NumberText.hint(cell))")
                        continue
                    }
                    result.criteria[criterion].weight = weight
                }
                continue
            }
            guard !label.isEmpty else {
                problems.append("\(file):\(row.line): the row has scores but no option name in its first cell; name the option")
                continue
            }
            let id = Identifier.suggestion(for: label)
            if let first = optionLines[id] {
                problems.append("\(file):\(row.line): option \"\(label)\" gives the id \"\(id)\", already used by line \(first); rename one of them")
                continue
            }
            optionLines[id] = row.line
            result.options.append(Option(id: id, name: label))
            for index in measureColumns where index < cells.count && !cells[index].isEmpty {
                do {
                    let reading = try MoneyParser.read(cells[index])
                    result.amounts.append(Amount(option: id, measure: Identifier.suggestion(for: names[index]), year: nil,
                                                 value: reading.amountValue, source: "\(file) line \(row.line)"))
                } catch {
                    problems.append("\(file):\(row.line): column \(index + 2) (\"\(names[index])\"): \(error.message)")
                }
            }
            for (index, criterion) in criterionAt.sorted(by: { $0.key < $1.key }) where index < cells.count && !cells[index].isEmpty {
                let cell = cells[index]
                guard let value = SheetCell.score(cell, scale: scale, decimalComma: decimalComma) else {
                    problems.append("\(file):\(row.line): column \(index + 2) (\"\(names[index])\"): \"\(cell)\" is not a score on the scale \(SheetCell.scaleText(scale)); \(SheetCell.fix(cell))")
                    continue
                }
                result.scores.append(Score(option: id, criterion: result.criteria[criterion].id, value: value))
            }
        }
        if result.options.isEmpty && problems.isEmpty {
            problems.append("\(file): the matrix has no option rows; put one option per row under the header")
        }
        guard problems.isEmpty else { throw SheetProblems(problems) }
        return Result(appraisal: result, notes: notes)
    }
}

/// Every problem found in a spreadsheet, each a line "file:line: what is wrong; the fix",
/// reported together so the officer fixes the sheet once.
public struct SheetProblems: Error, Sendable, Equatable {
    public let messages: [String]

    public init(_ messages: [String]) {
        self.messages = messages
    }
}

/// How spreadsheet cells are read by every import.
enum SheetCell {
    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

    /// A row or column of totals or ranks ("Total", "Total score", "Rank", "Sum").
    static func isComputed(_ label: String) -> Bool {
        let words = label.lowercased().split { !$0.isLetter }
        guard let first = words.first else { return false }
        return ["total", "totals", "sum", "rank", "ranking", "grand"].contains(String(first))
    }

    /// A row of weights ("Weight", "Weights", "Weighting", "Weighting (%)").
    static func isWeightRow(_ label: String) -> Bool {
        let words = label.lowercased().split { !$0.isLetter }
        return words.count == 1 && ["weight", "weights", "weighting", "weightings"].contains(String(words[0]))
    }

    /// A score on the scale, or nil.
    static func score(_ cell: String, scale: ScoreScale, decimalComma: Bool) -> Rational? {
        guard let reading = NumberText.read(cell, decimalComma: decimalComma), !reading.isPercentage,
              scale.contains(reading.value) else { return nil }
        return reading.value
    }

    /// "correct the cell", or how to write a number the reader could not read.
    static func fix(_ cell: String) -> String {
        NumberText.read(cell) == nil && cell.contains(",") ? NumberText.hint(cell) : "correct the cell"
    }

    static func scaleText(_ scale: ScoreScale) -> String {
        "\(scale.minimum.decimalText())–\(scale.maximum.decimalText()) in steps of \(scale.step.decimalText())"
    }
}
