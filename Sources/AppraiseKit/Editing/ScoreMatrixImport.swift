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
        /// Which way the sheet was read, and why: one line for the officer (nil for a long list,
        /// whose options are always rows).
        public var layoutNote: String? = nil
    }

    /// Adds the matrix's criteria, options, weights and scores (and the amounts of any measure
    /// columns) to an empty appraisal. The sheet may run either way (see `SheetLayout`);
    /// `optionsIn` settles a sheet that does not say. A Total column (a Total row, read
    /// sideways) is kept as the published totals, on the basis they turn out to be printed on.
    public static func apply(_ table: CSVTable, file: String, to appraisal: Appraisal,
                             measures: [MeasureColumn] = [], optionsIn: SheetLayout? = nil) throws(SheetProblems) -> Result {
        let reading = try SheetLayout.read(table, file: file, chosen: optionsIn)
        let grid = reading.grid
        let rows = grid.layout == .rows
        var problems: [String] = []
        var notes: [String] = []
        var names = grid.names.map(SheetCell.trimmed)
        while names.last?.isEmpty == true { names.removeLast() }
        // Columns of totals or ranks are computed, not criteria; the first column of totals is
        // what was published. Weights running the other way are not a criterion either.
        let computed = Set(names.indices.filter { SheetCell.isComputed(names[$0]) || SheetCell.isWeightRow(names[$0]) })
        let published = names.indices.first { computed.contains($0) && SheetCell.isTotal(names[$0]) }
        let ranked = names.indices.first { computed.contains($0) && SheetCell.isRank(names[$0]) }
        for index in computed.sorted() where index != published && index != ranked {
            let why = SheetCell.isWeightRow(names[index])
                ? "weights run the other way only with --options-in \(rows ? SheetLayout.columns.rawValue : SheetLayout.rows.rawValue)"
                : "totals and ranks are computed from the scores"
            notes.append("\(grid.headerPlace(of: index)) (\"\(names[index])\") left out: \(why)")
        }
        for column in measures where !names.contains(where: { $0.caseInsensitiveCompare(column.header) == .orderedSame }) {
            problems.append("\(grid.headerPlace): no \(grid.across) is headed \"\(column.header)\"; the headers are \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let measureOf = { (name: String) in measures.first { $0.header.caseInsensitiveCompare(name) == .orderedSame } }
        let measureColumns = names.indices.filter { !computed.contains($0) && measureOf(names[$0]) != nil }
        let criterionColumns = names.indices.filter { !computed.contains($0) && measureOf(names[$0]) == nil }
        guard !criterionColumns.isEmpty else {
            throw SheetProblems(["\(grid.headerPlace): \(grid.headerName) names no criteria; put one criterion name per \(grid.across) after the first"])
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
                problems.append(rows ? "\(grid.headerPlace(of: index)) of the header row is empty; name the criterion or delete the column"
                    : "\(grid.headerPlace(of: index)): the criterion's name is empty; name the criterion or delete the row")
                continue
            }
            let id = Identifier.suggestion(for: name)
            if let first = criterionColumn[id] {
                problems.append(rows ? "\(grid.headerPlace): columns \(first + 2) and \(index + 2) both give the criterion id \"\(id)\"; rename one of them"
                    : "\(grid.headerPlace(of: index)): the criterion \"\(name)\" gives the id \"\(id)\", already used at \(grid.headerPlace(of: first)); rename one of them")
                continue
            }
            criterionColumn[id] = index
            criterionAt[index] = result.criteria.count
            result.criteria.append(Criterion(id: id, name: name))
        }
        let scale = appraisal.scale
        let decimalComma = table.separator == .semicolon
        var weightLine: String?
        var optionLines: [String: String] = [:]
        var totals: [(option: String, total: Rational, places: Int)] = []
        var ranks: [(option: String, rank: Int)] = []
        for line in grid.lines {
            let label = SheetCell.trimmed(line.label)
            let cells = line.cells.map(SheetCell.trimmed)
            for extra in cells.indices where extra >= names.count && !cells[extra].isEmpty {
                problems.append("\(line.place(of: extra)) has a value but no criterion in the header row; name the criterion or delete the value")
            }
            if SheetCell.isComputed(label) {
                notes.append(rows ? "\(line.place): row \"\(label)\" left out: totals and ranks are computed from the scores"
                    : "\(line.place) (\"\(label)\") left out: totals and ranks are computed from the scores")
                continue
            }
            if SheetCell.isWeightRow(label) {
                if let first = weightLine {
                    problems.append("\(line.place): a second weight \(grid.along) (the first is on \(first)); keep one")
                    continue
                }
                weightLine = line.source
                for (index, criterion) in criterionAt.sorted(by: { $0.key < $1.key }) {
                    let cell = index < cells.count ? cells[index] : ""
                    if cell.isEmpty {
                        result.criteria[criterion].weight = .zero
                        notes.append("\(rows ? line.place : line.place(of: index)): the weight of \"\(names[index])\" is empty, so it weighs 0; change it with 'appraise weight set FILE \(result.criteria[criterion].id) VALUE'")
                        continue
                    }
                    guard let weight = NumberText.read(cell, decimalComma: decimalComma)?.value, !weight.isNegative,
                          weight.terminatingDecimalPlaces.map({ $0 <= 6 }) == true else {
                        problems.append("\(line.place(of: index)) (\"\(names[index])\"): the weight \"\(cell)\" is not a number of 0 or more; \(NumberText.hint(cell))")
                        continue
                    }
                    result.criteria[criterion].weight = weight
                }
                continue
            }
            guard !label.isEmpty else {
                problems.append("\(line.place): the \(grid.along) has scores but no option name in its first cell; name the option")
                continue
            }
            let id = Identifier.suggestion(for: label)
            if let first = optionLines[id] {
                problems.append("\(line.place): option \"\(label)\" gives the id \"\(id)\", already used by \(first); rename one of them")
                continue
            }
            optionLines[id] = line.source
            result.options.append(Option(id: id, name: label))
            if let published, published < cells.count, !cells[published].isEmpty {
                if let total = NumberText.read(cells[published], decimalComma: decimalComma)?.value,
                   let places = total.terminatingDecimalPlaces, places <= Declaration.maximumDecimals {
                    totals.append((id, total, places))
                } else {
                    problems.append("\(line.place(of: published)) (\"\(names[published])\"): the total \"\(cells[published])\" is not a number; correct it or empty the cell")
                }
            }
            if let ranked, ranked < cells.count, !cells[ranked].isEmpty {
                // "2=" is a shared second place, as tables print it.
                let text = cells[ranked].hasSuffix("=") ? String(cells[ranked].dropLast()) : cells[ranked]
                if let rank = NumberText.wholeNumber(text), rank >= 1 {
                    ranks.append((id, rank))
                } else {
                    problems.append("\(line.place(of: ranked)) (\"\(names[ranked])\"): the rank \"\(cells[ranked])\" is not a place such as 1 or 2=; correct it or empty the cell")
                }
            }
            for index in measureColumns where index < cells.count && !cells[index].isEmpty {
                do {
                    let reading = try MoneyParser.read(cells[index], currency: measureOf(names[index])!.kind.isMoney ? currency : nil)
                    result.amounts.append(Amount(option: id, measure: Identifier.suggestion(for: names[index]), year: nil,
                                                 value: reading.amountValue, source: "\(file) \(line.source)"))
                } catch {
                    let other = error.foreignCurrency.map { "; or, if the sheet's money is all in \($0), start the appraisal with --currency \($0)" } ?? ""
                    problems.append("\(line.place(of: index)) (\"\(names[index])\"): \(error.message)\(other)")
                }
            }
            for (index, criterion) in criterionAt.sorted(by: { $0.key < $1.key }) where index < cells.count && !cells[index].isEmpty {
                let cell = cells[index]
                guard let value = SheetCell.score(cell, scale: scale, decimalComma: decimalComma) else {
                    problems.append("\(line.place(of: index)) (\"\(names[index])\"): \"\(cell)\" is not a score on the scale \(SheetCell.scaleText(scale)); \(SheetCell.fix(cell))")
                    continue
                }
                result.scores.append(Score(option: id, criterion: result.criteria[criterion].id, value: value))
            }
        }
        if result.options.isEmpty && problems.isEmpty {
            problems.append(rows ? "\(file): the matrix has no option rows; put one option per row under the header"
                : "\(file): the matrix has no option columns; put one option per column after the first")
        }
        guard problems.isEmpty else { throw SheetProblems(problems) }
        if let published, !totals.isEmpty {
            let kept = PublishedTotals.declaration(totals, in: result, source: "\(file), \(names[published]) \(grid.across)")
            result.declared.append(kept.declaration)
            notes.append("\(grid.headerPlace(of: published)) (\"\(names[published])\") kept as the published totals: \(kept.note)")
        }
        if let ranked, !ranks.isEmpty {
            // Ranks printed beside totals belong to the same declaration, read under the same weighting.
            if let index = result.declared.indices.last, published != nil {
                result.declared[index].ranks = ranks
            } else {
                result.declared.append(Declaration(source: "\(file), \(names[ranked]) \(grid.across)", ranks: ranks))
            }
            notes.append("\(grid.headerPlace(of: ranked)) (\"\(names[ranked])\") kept as the published ranks, checked against the ranks the scores give")
        }
        return Result(appraisal: result, notes: notes, layoutNote: reading.note)
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

    /// A row or column of totals or ranks ("Total", "Total score", "Weighted total", "Rank", "Sum").
    static func isComputed(_ label: String) -> Bool {
        isTotal(label) || isRank(label)
    }

    /// A row or column of ranks ("Rank", "Ranking").
    static func isRank(_ label: String) -> Bool {
        let words = label.lowercased().split { !$0.isLetter }
        guard let first = words.first else { return false }
        return ["rank", "ranking"].contains(String(first))
    }

    /// A row or column of totals ("Total", "Weighted total", "Sum"), as against ranks.
    static func isTotal(_ label: String) -> Bool {
        let words = label.lowercased().split { !$0.isLetter }.map(String.init)
        guard let first = words.first else { return false }
        let totals = ["total", "totals", "sum", "grand"]
        return totals.contains(first) || first == "weighted" && words.count > 1 && (totals + ["score"]).contains(words[1])
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
