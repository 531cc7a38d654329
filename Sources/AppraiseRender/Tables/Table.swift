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

    public init(id: String, title: String, columns: [Column], rows: [[String]], notes: [String] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "table \(id): every row needs one cell per column")
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
