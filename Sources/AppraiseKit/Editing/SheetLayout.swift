/// Where a score matrix keeps its options: down the first column (options as rows, criteria
/// across the header) or across the header (criteria as rows, the form many published tables
/// take). Read sideways, a sheet builds an appraisal whose "criteria" are the options, so the
/// layout is worked out from what the sheet says about itself, and asked when it says nothing
/// or says both.
public enum SheetLayout: String, Sendable, CaseIterable {
    /// Options down the first column, criteria across the header row.
    case rows
    /// Options across the header row, criteria down the first column.
    case columns

    /// The sheet in the one form the importers read (options as rows), with the layout it was
    /// found in and why, for the note that says so.
    public struct Reading: Sendable {
        public let layout: SheetLayout
        public let grid: SheetGrid
        /// "read with the options in rows (a Weight row)": one line for the officer.
        public let note: String
    }

    /// Reads the layout from the sheet: a Weight row or a Weight column, the first cell
    /// ("Option", "Criteria"), and, for an existing appraisal, which names match its options and
    /// criteria. `chosen` (from `--options-in`) settles it; a sheet that points both ways or
    /// neither is refused with both readings shown.
    public static func read(_ table: CSVTable, file: String, chosen: SheetLayout? = nil,
                            appraisal: Appraisal? = nil) throws(SheetProblems) -> Reading {
        let rows = table.rows.filter { !$0.isBlank }
        guard let header = rows.first else {
            throw SheetProblems(["\(file): the file has no header row; put the criteria's names in the first row"])
        }
        let across = header.fields.dropFirst().map(SheetCell.trimmed).filter { !$0.isEmpty }
        let down = rows.dropFirst().map { SheetCell.trimmed($0.fields[0]) }.filter { !$0.isEmpty }
        var reasons: [SheetLayout: [String]] = [:]
        if down.contains(where: SheetCell.isWeightRow) { reasons[.rows, default: []].append("a Weight row") }
        if across.contains(where: SheetCell.isWeightRow) { reasons[.columns, default: []].append("a Weight column") }
        let corner = Set(SheetCell.trimmed(header.fields[0]).lowercased().split { !$0.isLetter }.map(String.init))
        let saysOptions = !corner.isDisjoint(with: ["option", "options", "alternative", "alternatives"])
        let saysCriteria = !corner.isDisjoint(with: ["criterion", "criteria"])
        if saysOptions != saysCriteria {
            reasons[saysOptions ? .rows : .columns, default: []].append("the first cell \"\(SheetCell.trimmed(header.fields[0]))\"")
        }
        if let appraisal {
            let matches = { (names: [String], known: [(id: String, name: String, short: String?)]) in
                names.filter { name in known.contains { [$0.id, $0.name, $0.short].contains(name) || $0.id == Identifier.suggestion(for: name) } }.count
            }
            let options = appraisal.options.map { (id: $0.id, name: $0.name, short: $0.shortName) }
            let criteria = appraisal.criteria.map { (id: $0.id, name: $0.name, short: $0.shortName) }
            let asRows = matches(across, criteria) + matches(down, options)
            let asColumns = matches(across, options) + matches(down, criteria)
            if asRows != asColumns {
                reasons[asRows > asColumns ? .rows : .columns, default: []].append("the names of the appraisal's options and criteria")
            }
        }
        let layout: SheetLayout
        let why: String
        if let chosen {
            layout = chosen
            why = "as --options-in says"
        } else if reasons.count == 1, let (found, because) = reasons.first {
            layout = found
            why = Ordinal.list(because)
        } else {
            let both = reasons.isEmpty ? "nothing in it says which way it runs (no Weight row or column, and the first cell names neither options nor criteria)"
                : "it points both ways (" + SheetLayout.allCases.map { "\(Ordinal.list(reasons[$0]!)) for options in \($0.rawValue)" }.joined(separator: "; ") + ")"
            throw SheetProblems(["\(file): the sheet can be read two ways and \(both): options in rows gives the options \(sample(down)) and the criteria \(sample(across)); "
                + "options in columns gives the options \(sample(across)) and the criteria \(sample(down)); say which with --options-in rows or --options-in columns"])
        }
        let grid = layout == .rows ? SheetGrid(rows: rows, file: file) : SheetGrid(columns: rows, file: file)
        let other = layout == .rows ? SheetLayout.columns : .rows
        return Reading(layout: layout, grid: grid,
                       note: "\(file): read with the options in \(layout.rawValue) and the criteria in \(other.rawValue) (\(why)); --options-in \(other.rawValue) reads it the other way")
    }

    /// The first few names, quoted: enough to recognise a reading.
    private static func sample(_ names: [String]) -> String {
        let shown = names.filter { !SheetCell.isComputed($0) && !SheetCell.isWeightRow($0) }
        let quoted = shown.prefix(3).map { "\"\($0)\"" }
        return quoted.joined(separator: ", ") + (shown.count > 3 ? " and \(shown.count - 3) more" : "")
    }
}

/// A score matrix with the options as rows whichever way the sheet ran, every cell still
/// pointing at its place in the file, so a problem found in a sheet read sideways names the
/// line and column the officer sees.
public struct SheetGrid: Sendable {
    /// One option (or weight, or total) line: its label and the cells under the header's names.
    public struct Line: Sendable {
        public let label: String
        /// Untrimmed cells, aligned with `SheetGrid.names`.
        public let cells: [String]
        /// "m.csv:4" for a row, "m.csv: column 3" for a column.
        public let place: String
        /// "line 4" or "column 3": where the line is, for a source or a cross-reference.
        public let source: String
        /// The place of each cell: "m.csv:4: column 3".
        fileprivate let cellPlaces: [String]

        public func place(of index: Int) -> String {
            index < cellPlaces.count ? cellPlaces[index] : place
        }
    }

    public let layout: SheetLayout
    /// The names across the top (criteria, or totals), after the label cell.
    public let names: [String]
    /// The place of the header line ("m.csv:1", or "m.csv: column 1").
    public let headerPlace: String
    fileprivate let headerPlaces: [String]
    public let lines: [Line]

    /// The place of the header's name `index`: "m.csv:1: column 3".
    public func headerPlace(of index: Int) -> String {
        index < headerPlaces.count ? headerPlaces[index] : headerPlace
    }

    /// "column" or "row": what one criterion occupies in the sheet as the officer sees it.
    public var across: String { layout == .rows ? "column" : "row" }
    /// "row" or "column": what one option occupies.
    public var along: String { layout == .rows ? "row" : "column" }
    /// "the header row" or "the first column": where the criteria are named.
    public var headerName: String { layout == .rows ? "the header row" : "the first column" }

    init(rows: [CSVRow], file: String) {
        layout = .rows
        let header = rows[0]
        names = header.fields.dropFirst().map { $0 }
        headerPlace = "\(file):\(header.line)"
        headerPlaces = names.indices.map { "\(file):\(header.line): column \($0 + 2)" }
        lines = rows.dropFirst().map { row in
            let cells = Array(row.fields.dropFirst())
            return Line(label: row.fields[0], cells: cells, place: "\(file):\(row.line)", source: "line \(row.line)",
                        cellPlaces: (0..<max(cells.count, header.fields.count)).map { "\(file):\(row.line): column \($0 + 2)" })
        }
    }

    init(columns rows: [CSVRow], file: String) {
        layout = .columns
        let body = Array(rows.dropFirst())
        let width = rows.map(\.fields.count).max() ?? 1
        let field = { (row: CSVRow, index: Int) in index < row.fields.count ? row.fields[index] : "" }
        names = body.map { field($0, 0) }
        headerPlace = "\(file): column 1"
        headerPlaces = body.map { "\(file):\($0.line): column 1" }
        lines = (1..<max(width, 1)).compactMap { column in
            let cells = body.map { field($0, column) }
            let label = field(rows[0], column)
            guard !(cells + [label]).allSatisfy({ SheetCell.trimmed($0).isEmpty }) else { return nil }
            return Line(label: label, cells: cells, place: "\(file): column \(column + 1)", source: "column \(column + 1)",
                        cellPlaces: body.map { "\(file):\($0.line): column \(column + 1)" })
        }
    }
}
