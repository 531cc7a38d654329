import AppraiseKit
import Foundation

/// The pack as an Excel workbook members can use as a model: an "Options" sheet with the options
/// matrix whose totals and ranks are live formulas, a "Weights" sheet of inputs (shaded, checked,
/// shown as shares) that drive them, for a programme a "Programme" sheet whose funding flags
/// drive the spend, the places and the checks against the budget and target; then a contents
/// sheet and one sheet per table of the pack (the same tables as the CSV files), named in words.
extension ReportPack {
    public var xlsx: Data {
        var workbook = Workbook()
        workbook.currencySymbol = valueForMoney.map { MoneyText.symbol($0.costing.costing.effectiveCurrency) } ?? "£"
        workbook.sheets = [optionsSheet, weightsSheet]
        if let programme, let sheet = programmeSheet(programme) { workbook.sheets.append(sheet) }
        let money = Set(valueForMoney.map { MoneySpreadsheetTables.tables($0, appraisal: appraisal).map(\.id) } ?? [])
        var used = Set(workbook.sheets.map { $0.name.lowercased() } + ["contents"])
        var contents: [[Workbook.Cell]] = [[.bold("Sheet"), .bold("What it holds"), .bold("Same table as the file")]]
        contents += workbook.sheets.map { [.text($0.name), .text(Self.purpose[$0.name] ?? ""), .empty] }
        var tables: [Workbook.Sheet] = []
        for table in spreadsheetTables {
            let name = Self.sheetName(table.title, used: &used)
            contents.append([.text(name), .text(table.title), .text(table.id + ".csv")])
            tables.append(Self.sheet(table, name: name, money: money.contains(table.id)))
        }
        workbook.sheets.append(Workbook.Sheet(name: "Contents", rows: contents, frozenRows: 1))
        workbook.sheets += tables
        return workbook.data(title: appraisal.title, creator: "appraise \(toolVersion)")
    }

    static let purpose = [
        "Options": "The options matrix: scores, live totals and ranks, costs and quantities.",
        "Weights": "The weights (inputs): change one and the totals and ranks recalculate.",
        "Programme": "Which proposals to fund (1 or 0, inputs): spend, places and the checks recalculate.",
    ]

    /// A sheet name in words from a table's title: Excel allows 31 characters, none of : \ / ? * [ ],
    /// and no two names equal ignoring case.
    static func sheetName(_ title: String, used: inout Set<String>) -> String {
        let clean = String(title.map { ":\\/?*[]".contains($0) ? " " : $0 }).split(separator: " ").joined(separator: " ")
        func cut(_ text: String, _ limit: Int) -> String {
            guard text.count > limit else { return text }
            // Whole words, without a dangling "with" or comma at the end.
            var words = Array(text.prefix(limit + 1).split(separator: " ").dropLast())
            while words.count > 1, let end = words.last, Self.dangling.contains(end.lowercased().trimmingCharacters(in: .punctuationCharacters)) {
                words.removeLast()
            }
            let joined = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;–-"))
            return joined.isEmpty ? String(text.prefix(limit)) : joined
        }
        var name = cut(clean, 31), suffix = 2
        while used.contains(name.lowercased()) {
            let tail = " (\(suffix))"
            name = cut(clean, 31 - tail.count) + tail
            suffix += 1
        }
        used.insert(name.lowercased())
        return name
    }

    static let dangling: Set<String> = ["a", "an", "and", "as", "at", "by", "each", "every", "for", "in", "of", "on", "or", "the", "their", "to", "with", ""]

    /// Rows of the options sheet before the first option: title, guide, header, weights.
    static let optionsFirstRow = 5

    /// The options matrix: per option its scores, then
    /// `ROUND(COLUMNS(weights) × SUMPRODUCT(scores, weights) / SUM(weights), 9)` and `RANK` over
    /// the weights of the Weights sheet (the library's formula: total = criteria × Σ normalised
    /// weight × score; rounding to nine places makes totals equal as fractions tie in floating
    /// point too, as the tool's ranks do), the maximum, and the net present cost and quantities.
    var optionsSheet: Workbook.Sheet {
        let criteria = appraisal.criteria
        let first = 1, last = criteria.count
        let totalColumn = last + 1
        let weightsRange = "$\(Workbook.column(first))$4:$\(Workbook.column(last))$4"
        let firstRow = Self.optionsFirstRow, lastRow = firstRow - 1 + matrix.optionIDs.count
        let totalsRange = "$\(Workbook.column(totalColumn))$\(firstRow):$\(Workbook.column(totalColumn))$\(lastRow)"
        let vfm = valueForMoney
        let quantities = vfm?.quantities ?? []
        var header: [Workbook.Cell] = [.bold("Option")] + criteria.map { .bold($0.label) } + [.bold("Total"), .bold("Out of"), .bold("Rank")]
        if vfm != nil { header.append(.bold("Net present cost")) }
        header += quantities.map { .bold("\($0.measure.name) (\($0.measure.unit))") }
        var rows: [[Workbook.Cell]] = [
            [.bold(appraisal.title)],
            [.text("Change the weights on the Weights sheet (shaded cells): the totals and ranks here recalculate. Weights now: \(selection.name).")],
            header,
            [.bold("Weight")] + criteria.indices.map { index in
                .formula("Weights!B\(index + 2)", cached: selection.weights.entered[index].decimalText(maximumPlaces: 15))
            },
        ]
        for (index, option) in matrix.optionIDs.enumerated() {
            let row = firstRow + index
            let scores = "\(Workbook.column(first))\(row):\(Workbook.column(last))\(row)"
            let total = "\(Workbook.column(totalColumn))\(row)"
            let entry = ranking.entry(for: option)!
            var cells: [Workbook.Cell] = [.text(appraisal.option(option)?.label ?? option)] + matrix.scores[index].map(Self.value) + [
                .formula("IF(SUM(\(weightsRange))=0,\"\",ROUND(COLUMNS(\(weightsRange))*SUMPRODUCT(\(scores),\(weightsRange))/SUM(\(weightsRange)),9))",
                         cached: entry.total.decimalText(maximumPlaces: 9)),
                Self.value(entry.maximum),
                .formula("IF(\(total)=\"\",\"\",RANK(\(total),\(totalsRange),0))", cached: String(entry.rank)),
            ]
            if let vfm {
                let cost = vfm.row(option)?.cost
                cells.append(cost?.netPresentCost.map { .formatted(.number($0.formatted(places: 2)), .money) } ?? .text("not known"))
            }
            cells += quantities.map { quantity in
                switch quantity.totals[option] {
                case .exact(let value)?: Self.value(value)
                case .range(let low, let high)?: .text("\(low.decimalText(maximumPlaces: 6))–\(high.decimalText(maximumPlaces: 6))")
                case .unknown(let text)?: .text("not known (\(text))")
                case nil: .empty
                }
            }
            rows.append(cells)
        }
        rows.append([])
        rows.append([.text("Total and Rank are formulas: ROUND(COLUMNS(weights) × SUMPRODUCT(scores, weights) / SUM(weights), 9), and RANK. "
                           + "Only the shares of the weights matter.")])
        if vfm != nil {
            rows.append([.text("Net present cost: the whole-life cost (costs with optimism bias, less savings) discounted to year 0; a saving shows as a negative cost.")])
        }
        return Workbook.Sheet(name: "Options", rows: rows, frozenRows: 4, frozenColumns: 1)
    }

    /// The weights as inputs, each with its share of the whole as a live formula.
    var weightsSheet: Workbook.Sheet {
        let count = appraisal.criteria.count
        var rows: [[Workbook.Cell]] = [[.bold("Criterion"), .bold("Weight"), .bold("Share of the weight")]]
        for (index, criterion) in appraisal.criteria.enumerated() {
            let entered = selection.weights.entered[index]
            let total = selection.weights.entered.reduce(Rational.zero, +)
            rows.append([.text(criterion.label), .formatted(Self.value(entered), .input),
                         .formatted(.formula("IF(SUM($B$2:$B$\(count + 1))=0,\"\",B\(index + 2)/SUM($B$2:$B$\(count + 1)))",
                                             cached: total.isZero ? "" : (entered / total).decimalText(maximumPlaces: 15)), .percent)])
        }
        rows.append([])
        rows.append([.text("Shaded cells are inputs: type any weight of 0 or more. Only the shares matter. These are \(selection.name).")])
        return Workbook.Sheet(name: "Weights", rows: rows, frozenRows: 1,
                              validations: [.init(kind: .nonNegative, range: "B2:B\(count + 1)", prompt: "A weight of 0 or more.")])
    }

    /// An exact value as a number, or as a division when it has no finite decimal form.
    static func value(_ value: Rational) -> Workbook.Cell {
        if value.terminatingDecimalPlaces.map({ $0 <= 15 }) == true { return .number(value.decimalText(maximumPlaces: 15)) }
        return .formula("\(value.numerator)/\(value.denominator)", cached: value.decimalText(maximumPlaces: 15))
    }

    /// A pack table as a sheet: the header row frozen, numeric columns typed as numbers where
    /// the cell holds a plain number or percentage, every other cell a string.
    /// In a money table, a column whose every number is to the penny is money.
    static func sheet(_ table: Table, name: String, money: Bool = false) -> Workbook.Sheet {
        var rows: [[Workbook.Cell]] = [table.columns.map { .bold($0.header) }]
        let pence = table.columns.indices.map { column in
            let numbers = (table.dataRows ?? table.rows).map { column < $0.count ? $0[column] : "" }.filter { !$0.isEmpty && isPlainNumber($0) }
            return money && table.columns[column].alignment == .right && !numbers.isEmpty
                && numbers.allSatisfy { $0.range(of: #"\.[0-9]{2}$"#, options: .regularExpression) != nil }
        }
        for row in table.dataRows ?? table.rows {
            rows.append(row.enumerated().map { index, text in
                guard table.columns[index].alignment == .right else { return text.isEmpty ? .empty : .text(text) }
                let cell = numeric(text)
                if pence[index], case .number = cell { return .formatted(cell, .pence) }
                return cell
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
        // `-?[0-9]+(\.[0-9]+)?`, read byte by byte: a pattern per cell was a fifth of a large workbook's time.
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        let rest = bytes.dropFirst(whole.count)
        guard let point = rest.first else { return true }
        let fraction = rest.dropFirst()
        return point == UInt8(ascii: ".") && !fraction.isEmpty && fraction.allSatisfy(isDigit)
    }
}
