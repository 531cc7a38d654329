/// One indicator line of one scorecard edition: what it measures, how it is judged, what it
/// printed for each period, and what the officer printed about it.
///
/// Refs, titles, polarity, units and targets all change between editions (kpi-conventions
/// §3–4), so an indicator belongs to its dataset; identity across editions needs an explicit
/// mapping, never the ref alone.
public struct Indicator: Sendable, Hashable {
    /// The printed reference, unique in its dataset ("2.5", "6.2a"; "1.2/%" for the percentage
    /// line of an indicator that prints a number and a percentage).
    public let ref: String
    public let title: String
    /// The section heading the row sits under ("ASSESSMENTS"), when printed.
    public let theme: String?
    public let polarity: Polarity
    /// The unit or data note ("Percentage", "Rate per 10,000", "Average count").
    public let unit: String
    /// How often it is reported ("Monthly", "Quarterly", "Annual (Nov, Dec Jan Average)").
    public let frequency: String?
    /// What the year-to-date figure is ("Financial Year", "Rolling Year", "As at mth end").
    public let ytdBasis: String?
    /// Printed cells in chronological order, blanks left out.
    public let observations: [Observation]
    public let bands: ToleranceBands
    /// The RAG as printed, kept apart from the computed one.
    public let declaredRAG: DeclaredRAG?
    /// The direction-of-travel arrow as printed, kept apart from the computed one.
    public let declaredDirection: DeclaredDirection?
    /// Benchmarks in `BenchmarkKind` order.
    public let benchmarks: [Benchmark]
    /// Provenance: where the row was transcribed from ("002_d658e456532b2298.txt:30").
    public let source: String?
    /// The transcriber's note on a reading.
    public let note: String?
    /// Line of the row in the dataset file.
    public let line: Int
    /// Cells of the row that could not be read (a band cell no notation reads, a number
    /// written with a decimal comma, a RAG or arrow outside the vocabulary), each with its
    /// place and fix: such a row is kept, left unrated with these reasons, and every other
    /// row is still assessed.
    public let unreadable: [String]

    public init(
        ref: String, title: String, theme: String? = nil, polarity: Polarity, unit: String = "", frequency: String? = nil,
        ytdBasis: String? = nil, observations: [Observation] = [], bands: ToleranceBands, declaredRAG: DeclaredRAG? = nil,
        declaredDirection: DeclaredDirection? = nil, benchmarks: [Benchmark] = [], source: String? = nil, note: String? = nil,
        line: Int = 0, unreadable: [String] = []
    ) {
        self.ref = ref
        self.title = title
        self.theme = theme
        self.polarity = polarity
        self.unit = unit
        self.frequency = frequency
        self.ytdBasis = ytdBasis
        self.observations = observations.sorted { $0.period < $1.period }
        self.bands = bands
        self.declaredRAG = declaredRAG
        self.declaredDirection = declaredDirection
        self.benchmarks = benchmarks.sorted { $0.kind < $1.kind }
        self.source = source
        self.note = note
        self.line = line
        self.unreadable = unreadable
    }

    /// The cell printed for a period, if any.
    public func observation(at period: Period) -> Observation? {
        observations.first { $0.period == period }
    }

    /// The latest earlier cell of the same kind of period (the month before a month, the year
    /// before an outturn). Scorecards print consecutive columns, so this is the previous
    /// period; where a table skips (the review's 2014 vs 2017), it is the last one printed.
    public func observation(before period: Period) -> Observation? {
        observations.last { $0.period.kind == period.kind && $0.period < period }
    }

    /// Whether the row is reported one month in arrears (a data note such as "Primary % (One
    /// month in arrears)", seed 001:4222): its value for a month is the previous month's column.
    public var reportedInArrears: Bool {
        [unit, frequency, ytdBasis, note, title].contains { $0?.lowercased().contains("month in arrears") ?? false }
    }

    /// Whether the bands apply to the year-to-date value rather than the period's own, as the
    /// printed RAG says ("Red YTD").
    public var ratesYearToDate: Bool { declaredRAG?.yearToDate ?? false }
}
