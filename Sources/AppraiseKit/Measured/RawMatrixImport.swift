/// Starts an appraisal from a raw decision matrix, the form MCDA textbooks and libraries
/// start from: options as rows, criteria as columns in their own units, a row headed
/// "Direction" saying whether more (benefit) or less (cost) is better, optionally rows headed
/// "Unit" and "Weight".
///
/// ```
/// Option,Places,Cost per place,Weeks to open
/// Unit,places,£,weeks
/// Direction,benefit,cost,cost
/// Weight,3,2,1
/// New build,40,25000,60
/// Extension,25,18000,30
/// ```
///
/// Every criterion becomes measured: its value function is the linear one the chosen
/// normalisation amounts to over the column (min–max by default, so the worst level scores
/// the bottom of the scale and the best the top), or for a cost taken by reciprocals the
/// reciprocal rule over the column, and every cell is a measurement whose score and working
/// follow from it.
public enum RawMatrixImport {
    /// Whether a table is a raw matrix (it has a row headed "Direction").
    public static func isRawMatrix(_ table: CSVTable) -> Bool {
        table.rows.contains { ["direction", "directions"].contains(label($0)) }
    }

    public static func apply(_ table: CSVTable, file: String, to appraisal: Appraisal, normalisation: Normalisation = .minMax,
                             costs: Normalisation.CostRule = .reversal) throws(EditError) -> Appraisal
    {
        var rows = table.rows.filter { !$0.isBlank }[...]
        guard let header = rows.popFirst() else { throw EditError("\(file): the file has no header row; put the criteria's names in the first row") }
        var names = header.fields.dropFirst().map(trimmed)
        while names.last?.isEmpty == true { names.removeLast() }
        guard !names.isEmpty, !names.contains("") else {
            throw EditError("\(file):\(header.line): name every criterion in the header row, one per column after the first")
        }
        var units = Array(repeating: "", count: names.count)
        var directions: [Direction?] = Array(repeating: nil, count: names.count)
        var weights: [Rational]?
        var options: [(name: String, line: Int, levels: [Rational?])] = []
        for row in rows {
            let cells = Array(row.fields.dropFirst().map(trimmed)) + Array(repeating: "", count: max(0, names.count + 1 - row.fields.count))
            switch label(row) {
            case "unit", "units":
                units = Array(cells.prefix(names.count))
            case "direction", "directions":
                for index in names.indices {
                    guard let direction = Direction(word: cells[index]) else {
                        throw EditError("\(file):\(row.line): the direction of \"\(names[index])\" is \"\(cells[index])\"; write benefit (more is better) or cost (less is better)")
                    }
                    directions[index] = direction
                }
            case "weight", "weights":
                weights = try names.indices.map { index throws(EditError) -> Rational in
                    guard let weight = number(cells[index], table.separator), !weight.isNegative, weight <= NumberBounds.ordinary else {
                        throw EditError("\(file):\(row.line): the weight of \"\(names[index])\" is \"\(cells[index])\"; give every criterion a weight from 0 to \(NumberBounds.text(NumberBounds.ordinary))")
                    }
                    return weight
                }
            default:
                let name = trimmed(row.fields[0])
                guard !name.isEmpty else { throw EditError("\(file):\(row.line): the row has levels but no option name in its first cell; name the option") }
                let levels = try names.indices.map { index throws(EditError) -> Rational? in
                    let cell = cells[index]
                    if cell.isEmpty { return nil }
                    guard let value = number(cell, table.separator) else {
                        throw EditError("\(file):\(row.line): \"\(names[index])\": \"\(cell)\" is not a number; give the level\(units[index].isEmpty ? "" : " in \(units[index])") without the unit")
                    }
                    guard value <= NumberBounds.large, value >= -NumberBounds.large else {
                        throw EditError("\(file):\(row.line): \"\(names[index])\": \(cell) is beyond ±\(NumberBounds.text(NumberBounds.large)), the largest level the tool keeps exact; give the column in a larger unit (thousands, millions)")
                    }
                    return value
                }
                options.append((name, row.line, levels))
            }
        }
        guard !options.isEmpty else { throw EditError("\(file): the matrix has no option rows; put one option per row under the header") }
        var result = appraisal
        var optionIDs: [String: Int] = [:]
        for option in options {
            let id = Identifier.suggestion(for: option.name)
            if let first = optionIDs[id] {
                throw EditError("\(file):\(option.line): option \"\(option.name)\" gives the id \"\(id)\", already used by line \(first); rename one of them")
            }
            optionIDs[id] = option.line
            result.options.append(Option(id: id, name: option.name))
        }
        var criterionIDs: Set<String> = []
        for (index, name) in names.enumerated() {
            let id = Identifier.suggestion(for: name)
            guard criterionIDs.insert(id).inserted else {
                throw EditError("\(file):\(header.line): two columns give the criterion id \"\(id)\"; rename one of them")
            }
            guard let direction = directions[index] else {
                throw EditError("\(file): the direction row gives no direction for \"\(name)\"; write benefit or cost under it")
            }
            let column = options.compactMap { $0.levels[index] }
            guard let function = normalisation.valueFunctionForColumn(column, direction: direction, cost: costs) else {
                let why = direction == .cost && costs == .reciprocal ? "a level is 0 or less, so it has no reciprocal, or the levels are all the same"
                    : "its levels are all the same, or total 0"
                throw EditError("\(file): \"\(name)\" cannot be normalised by \(normalisation.rawValue) (\(why)); choose another --normalise or --cost-rule, or score it by hand")
            }
            let measured = MeasuredScoring(unit: units[index], function: function)
            result.criteria.append(Criterion(id: id, name: name, weight: weights?[index], measured: measured))
            for (row, option) in options.enumerated() {
                guard let level = option.levels[index], let worked = measured.score(level: level, scale: appraisal.scale) else { continue }
                result.scores.append(Score(option: result.options[row].id, criterion: id, value: worked.stored,
                                           rationale: [RationaleBullet(kind: .note, text: ValueTreeEditor.workingPrefix + worked.working)],
                                           source: "\(file) line \(option.line)", measurement: .level(level)))
            }
        }
        return result
    }

    private static func label(_ row: CSVRow) -> String { trimmed(row.fields.first ?? "").lowercased() }

    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

    private static func number(_ cell: String, _ separator: CSVSeparator) -> Rational? {
        let text = separator == .semicolon ? cell.replacingOccurrences(of: ",", with: ".") : cell
        guard let value = Rational(decimal: text), let places = value.terminatingDecimalPlaces, places <= 6 else { return nil }
        return value
    }
}
