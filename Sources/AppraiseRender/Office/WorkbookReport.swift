import AppraiseKit
import Foundation

/// The pack as an Excel workbook for auditors: a "Model" sheet whose totals and ranks are live
/// formulas over the scores and weights (change a weight and watch the totals move), then one
/// sheet per table of the pack, the same tables as the CSV files, so a table added to the pack
/// appears here too.
extension ReportPack {
    public var xlsx: Data {
        var workbook = Workbook()
        workbook.sheets.append(modelSheet)
        var used: Set<String> = ["Model"]
        for table in spreadsheetTables {
            // Excel caps sheet names at 31 characters and compares them ignoring case.
            var name = String(table.id.prefix(31)), suffix = 2
            while used.contains(name.lowercased()) || used.contains(name) {
                let tail = "-\(suffix)"
                name = String(table.id.prefix(31 - tail.count)) + tail
                suffix += 1
            }
            used.insert(name.lowercased())
            workbook.sheets.append(Self.sheet(table, name: name))
        }
        return workbook.data(title: appraisal.title, creator: "appraise \(toolVersion)")
    }

    /// Scores in a block, weights in the row above it, and per option
    /// `ROUND(COLUMNS(weights) × SUMPRODUCT(scores, weights) / SUM(weights), 9)` and `RANK`:
    /// the library's formula (total = criteria × Σ normalised weight × score). Rounding to nine
    /// places makes totals that are equal as exact fractions tie in floating point too, as the
    /// tool's ranks do.
    var modelSheet: Workbook.Sheet {
        let criteria = appraisal.criteria
        let first = 2, last = 1 + criteria.count
        let totalColumn = last + 1
        let weightsRange = "$\(Workbook.column(first))$2:$\(Workbook.column(last))$2"
        let firstRow = 3, lastRow = 2 + matrix.optionIDs.count
        let totalsRange = "$\(Workbook.column(totalColumn))$\(firstRow):$\(Workbook.column(totalColumn))$\(lastRow)"
        var rows: [[Workbook.Cell]] = [
            [.bold("Option ID"), .bold("Option")] + criteria.map { .bold($0.label) } + [.bold("Total"), .bold("Maximum"), .bold("Rank")],
            [.text("weight"), .text("Weight (\(selection.name)); change it to try another")] + selection.weights.entered.map(Self.value)
                + [.empty, .empty, .empty],
        ]
        for (index, option) in matrix.optionIDs.enumerated() {
            let row = firstRow + index
            let scores = "\(Workbook.column(first))\(row):\(Workbook.column(last))\(row)"
            let total = "\(Workbook.column(totalColumn))\(row)"
            let entry = ranking.entry(for: option)!
            rows.append([.text(option), .text(appraisal.option(option)?.label ?? option)] + matrix.scores[index].map(Self.value) + [
                .formula("IF(SUM(\(weightsRange))=0,\"\",ROUND(COLUMNS(\(weightsRange))*SUMPRODUCT(\(scores),\(weightsRange))/SUM(\(weightsRange)),9))",
                         cached: entry.total.decimalText(maximumPlaces: 9)),
                Self.value(entry.maximum),
                .formula("IF(\(total)=\"\",\"\",RANK(\(total),\(totalsRange),0))", cached: String(entry.rank)),
            ])
        }
        rows.append([])
        rows.append([.text("Totals and ranks are formulas: ROUND(COLUMNS(weights) × SUMPRODUCT(scores, weights) / SUM(weights), 9), and RANK. "
                           + "Only the shares of the weights matter.")])
        return Workbook.Sheet(name: "Model", rows: rows, frozenRows: 2, frozenColumns: 2)
    }

    /// An exact value as a number, or as a division when it has no finite decimal form.
    static func value(_ value: Rational) -> Workbook.Cell {
        if value.terminatingDecimalPlaces.map({ $0 <= 15 }) == true { return .number(value.decimalText(maximumPlaces: 15)) }
        return .formula("\(value.numerator)/\(value.denominator)", cached: value.decimalText(maximumPlaces: 15))
    }

    /// A pack table as a sheet: the header row frozen, numeric columns typed as numbers where
    /// the cell holds a plain number or percentage, every other cell a string.
    static func sheet(_ table: Table, name: String) -> Workbook.Sheet {
        var rows: [[Workbook.Cell]] = [table.columns.map { .bold($0.header) }]
        for row in table.rows {
            rows.append(row.enumerated().map { index, text in
                table.columns[index].alignment == .right ? numeric(text) : (text.isEmpty ? .empty : .text(text))
            })
        }
        if !table.notes.isEmpty {
            rows.append([])
            rows += table.notes.map { [.text($0)] }
        }
        return Workbook.Sheet(name: name, rows: rows, frozenRows: 1)
    }

    static func numeric(_ text: String) -> Workbook.Cell {
        if text.isEmpty { return .empty }
        if text.hasSuffix("%"), let value = Rational(decimal: String(text.dropLast())), isPlainNumber(String(text.dropLast())) {
            return .percent((value / Rational(100)).decimalText(maximumPlaces: 15))
        }
        if isPlainNumber(text), let value = Rational(decimal: text) { return .number(value.decimalText(maximumPlaces: 15)) }
        return .text(text)
    }

    /// Digits with an optional sign and decimal point: what every formatter here writes for a number.
    static func isPlainNumber(_ text: String) -> Bool {
        text.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
    }
}
