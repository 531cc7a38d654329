import AppraiseKit

/// The report members read, built once from the analyses and drawn by every member-facing
/// format (text, report.md, summary.md, report.html, report.docx). A format chooses how a
/// paragraph, table or figure looks, never which ones there are, so a section added here
/// appears in all of them and none can drop one.
///
/// The shape is a UK committee report: a front section (purpose and the answer,
/// recommendations, background, options considered, consultation, timetable, implications,
/// risks, questions, contact, background papers) that a member reads in ten minutes, then the
/// analyses as numbered appendices.
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    /// Who the report is for, when, which version, who wrote it: one line each.
    public var particulars: [Particular]
    /// The question and the answer in one sentence each; the answer leads every format.
    public var question: String
    public var answer: String
    /// Sections numbered 1, 2, 3 …: the committee report proper.
    public var front: [ReportSection]
    /// Sections lettered A, B, C …: the analyses behind the front section.
    public var appendices: [ReportSection]
    /// What wrote the report and from which file; printed at the end.
    public var colophon: String

    public struct Particular: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    /// Every table of the document in reading order, front section first.
    public var tables: [ReportTable] { (front + appendices).flatMap(\.tables) }

    /// Every figure of the document in reading order.
    public var figures: [ReportFigure] { (front + appendices).flatMap(\.figures) }

    /// The number a section is given in the contents: "3" in the front section, "B" among the appendices.
    public func number(of section: ReportSection) -> String {
        if let index = front.firstIndex(where: { $0.id == section.id }) { return String(index + 1) }
        if let index = appendices.firstIndex(where: { $0.id == section.id }) { return ReportDocument.letter(index) }
        return ""
    }

    /// "A" … "Z", then "AA": appendix letters.
    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < letters.count ? String(letters[index]) : String(letters[index / letters.count - 1]) + String(letters[index % letters.count])
    }

    /// The heading of a section as every format prints it: "3. Background", "Appendix B: Robustness".
    public func heading(of section: ReportSection) -> String {
        front.contains { $0.id == section.id } ? "\(number(of: section)). \(section.title)" : "Appendix \(number(of: section)): \(section.title)"
    }
}

/// One section: an id (the HTML anchor, stable across versions), a title, and its blocks.
public struct ReportSection: Sendable, Equatable {
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }

    /// The section's tables, those inside its subsections included.
    public var tables: [ReportTable] { blocks.flatMap(\.tables) }
    public var figures: [ReportFigure] { blocks.flatMap(\.figures) }

    /// Its numbered paragraphs in order, subsections included, as the formats number them.
    public var paragraphs: [String] { blocks.flatMap(\.paragraphs) }
}

/// What a section holds.
public indirect enum ReportBlock: Sendable, Equatable {
    /// A numbered paragraph: "3.2" is the second of section 3. Appendices number theirs too.
    case paragraph(String)
    /// A list inside a paragraph (findings, risks), unnumbered.
    case list([String])
    case table(ReportTable)
    case figure(ReportFigure)
    /// The reasons for a score, each marked for, against, contingent or a note (nil: evidence).
    case reasons([Reason])
    /// Findings a member must not miss (an error in a published appraisal), boxed on the page.
    case callout(title: String, items: [String], agrees: Bool)
    /// A titled part of a section (an option, a score's reasons); the page may fold it away.
    case subsection(title: String, blocks: [ReportBlock], folded: Bool)
    /// Something only a page can do (sliders, pickers); the other formats leave it out.
    case interactive(Interactive)

    public enum Interactive: String, Sendable, Equatable {
        case whatIf = "what-if", compare, programme
        /// The benefit–cost chart the what-if sliders redraw, and the value tree's stacked totals.
        case valueForMoney = "value-for-money", valueTree = "value-tree"
    }

    var tables: [ReportTable] {
        switch self {
        case .table(let table): [table]
        case .subsection(_, let blocks, _): blocks.flatMap(\.tables)
        default: []
        }
    }

    var figures: [ReportFigure] {
        switch self {
        case .figure(let figure): [figure]
        case .subsection(_, let blocks, _): blocks.flatMap(\.figures)
        default: []
        }
    }

    var paragraphs: [String] {
        switch self {
        case .paragraph(let text): [text]
        case .subsection(_, let blocks, _): blocks.flatMap(\.paragraphs)
        default: []
        }
    }
}

/// One reason for a score: its kind (nil for a citation of evidence) and its text.
public struct Reason: Sendable, Equatable {
    public var kind: RationaleBullet.Kind?
    public var text: String
    /// "For", "Against", "Contingent", "Note" or "Evidence": the word that leads it in print.
    public var lead: String { kind.map(RationaleTable.heading) ?? "Evidence" }
}

/// A table with its number in the document and how the page should shade it.
public struct ReportTable: Sendable, Equatable {
    public var number: Int
    public var table: Table
    /// The column that names each row (read aloud as the row's header on the page).
    public var rowHeader: Int
    public var style: Style

    public enum Style: Sendable, Equatable {
        case plain
        /// A wide grid of numbers.
        case matrix
        /// A grid of scores the page shades by value: the shade class of each body cell.
        case heat([[String?]])
        /// Rows the page marks as corrected or differing: the class of each body cell.
        case marked([[String?]])
    }

    /// "Table 4: Ranking of options".
    public var caption: String { "Table \(number): \(table.title)" }
}

/// A chart with its number in the document; the picture is the pack's standalone SVG.
public struct ReportFigure: Sendable, Equatable {
    public var number: Int
    public var chart: ChartFile
    /// "Figure 2: Totals by criterion".
    public var caption: String { "Figure \(number): \(chart.title)" }
}
