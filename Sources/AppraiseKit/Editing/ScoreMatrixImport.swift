import Foundation

/// Starts an appraisal from a score matrix kept in a spreadsheet: options as rows, criteria
/// as columns, a header row naming the criteria and, optionally, a row headed "Weight" giving
/// their weights. Empty cells are cells not scored yet.
///
/// ```
/// Option;Child Focused;Partnerships
/// Weight;2;1
/// Peer Practice Partner;4;5
/// Trust;3,5;
/// ```
///
/// Ids are made from the names ("Child Focused" → `child-focused`). With semicolons as
/// separators a decimal comma is read as a decimal point, as such spreadsheets write it.
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

    /// Adds the matrix's criteria, options, weights and scores (and the amounts of any measure
    /// columns) to an empty appraisal.
    public static func apply(_ table: CSVTable, file: String, to appraisal: Appraisal, measures: [MeasureColumn] = []) throws(EditError) -> Appraisal {
        var rows = table.rows.filter { !$0.isBlank }[...]
        guard let header = rows.popFirst() else {
            throw EditError("\(file): the file has no header row; put the criteria's names in the first row")
        }
        var names = header.fields.dropFirst().map(trimmed)
        while names.last?.isEmpty == true { names.removeLast() }
        guard !names.isEmpty else {
            throw EditError("\(file):\(header.line): the header row names no criteria; put one criterion name per column after the first")
        }
        if let blank = names.firstIndex(of: "") {
            throw EditError("\(file):\(header.line): column \(blank + 2) of the header row is empty; name the criterion or delete the column")
        }
        for column in measures where !names.contains(where: { $0.caseInsensitiveCompare(column.header) == .orderedSame }) {
            throw EditError("\(file):\(header.line): no column is headed \"\(column.header)\"; the headers are \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let measureOf = { (name: String) in measures.first { $0.header.caseInsensitiveCompare(name) == .orderedSame } }
        var result = appraisal
        let currency = appraisal.costing?.effectiveCurrency ?? Costing.defaultCurrency
        for name in names {
            guard let column = measureOf(name) else { continue }
            result.measures.append(Measure(id: Identifier.suggestion(for: name), name: name, unit: column.kind.isMoney ? currency : (column.unit ?? "units"), kind: column.kind))
        }
        // Criterion index of each score column; nil for a measure column.
        var criterionOf: [Int?] = []
        var criterionLines: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard measureOf(name) == nil else {
                criterionOf.append(nil)
                continue
            }
            criterionOf.append(result.criteria.count)
            let id = Identifier.suggestion(for: name)
            if let first = criterionLines[id] {
                throw EditError("\(file):\(header.line): columns \(first) and \(index + 2) both give the criterion id \"\(id)\"; rename one of them")
            }
            criterionLines[id] = index + 2
            result.criteria.append(Criterion(id: id, name: name))
        }
        let scale = appraisal.scale
        var weightLine: Int?
        var optionLines: [String: Int] = [:]
        for row in rows {
            let label = trimmed(row.fields[0])
            let cells = Array(row.fields.dropFirst().map(trimmed))
            if let extra = cells.indices.first(where: { $0 >= names.count && !cells[$0].isEmpty }) {
                throw EditError("\(file):\(row.line): column \(extra + 2) has a value but no criterion in the header row; name the criterion or delete the value")
            }
            if ["weight", "weights"].contains(label.lowercased()) {
                if let first = weightLine {
                    throw EditError("\(file):\(row.line): a second weight row (the first is on line \(first)); keep one")
                }
                weightLine = row.line
                for (index, name) in names.enumerated() {
                    guard let criterion = criterionOf[index] else { continue }
                    let cell = index < cells.count ? cells[index] : ""
                    guard let weight = number(cell, separator: table.separator), !weight.isNegative else {
                        throw EditError("\(file):\(row.line): the weight of \"\(name)\" is \(cell.isEmpty ? "empty" : "\"\(cell)\""); give every criterion a weight of 0 or more, or delete the weight row")
                    }
                    result.criteria[criterion].weight = weight
                }
                continue
            }
            guard !label.isEmpty else {
                throw EditError("\(file):\(row.line): the row has scores but no option name in its first cell; name the option")
            }
            let id = Identifier.suggestion(for: label)
            if let first = optionLines[id] {
                throw EditError("\(file):\(row.line): option \"\(label)\" gives the id \"\(id)\", already used by line \(first); rename one of them")
            }
            optionLines[id] = row.line
            result.options.append(Option(id: id, name: label))
            for (index, cell) in cells.prefix(names.count).enumerated() where !cell.isEmpty {
                guard let criterion = criterionOf[index] else {
                    let reading: MoneyParser.Reading
                    do {
                        reading = try MoneyParser.read(cell)
                    } catch {
                        throw EditError("\(file):\(row.line): column \(index + 2) (\"\(names[index])\"): \(error.message)")
                    }
                    result.amounts.append(Amount(option: id, measure: Identifier.suggestion(for: names[index]), year: nil, value: reading.amountValue,
                                                 source: "\(file) line \(row.line)"))
                    continue
                }
                guard let value = number(cell, separator: table.separator), scale.contains(value) else {
                    throw EditError("\(file):\(row.line): column \(index + 2) (\"\(names[index])\"): \"\(cell)\" is not a score on the scale \(scale.minimum.decimalText())–\(scale.maximum.decimalText()) in steps of \(scale.step.decimalText()); correct the cell (a total or rank column does not belong in the matrix)")
                }
                result.scores.append(Score(option: id, criterion: result.criteria[criterion].id, value: value))
            }
        }
        guard !result.options.isEmpty else {
            throw EditError("\(file): the matrix has no option rows; put one option per row under the header")
        }
        return result
    }

    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

    private static func number(_ cell: String, separator: CSVSeparator) -> Rational? {
        let text = separator == .semicolon ? cell.replacingOccurrences(of: ",", with: ".") : cell
        guard let value = Rational(decimal: text), let places = value.terminatingDecimalPlaces, places <= 6 else { return nil }
        return value
    }
}
