import AppraiseKit

/// A captioned table of already-formatted cells: the one shape that the text, CSV and
/// Markdown renderers all draw, so a number reads the same in every format.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        case left
        /// For numbers, so digits line up.
        case right
    }

    public struct Column: Sendable, Equatable {
        public var header: String
        public var alignment: Alignment

        public init(_ header: String, _ alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// File-name stem when the table is written on its own ("ranking" → `ranking.csv`).
    public var id: String
    /// Caption shown above the table.
    public var title: String
    public var columns: [Column]
    public var rows: [[String]]
    /// Sentences printed under the table (sources, notes on ties).
    public var notes: [String]
    /// The cells as the data files (CSV, workbook) hold them, when some are too long to read in
    /// the text formats (an exact fraction of hundreds of digits, shown there as its decimal);
    /// nil when the data files hold `rows` as they are.
    public var dataRows: [[String]]?

    public init(id: String, title: String, columns: [Column], rows: [[String]], notes: [String] = [], dataRows: [[String]]? = nil) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "table \(id): every row needs one cell per column")
        precondition(dataRows.map { $0.count == rows.count && $0.allSatisfy { $0.count == columns.count } } ?? true,
                     "table \(id): the data rows must match the rows")
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.dataRows = dataRows
    }
}
