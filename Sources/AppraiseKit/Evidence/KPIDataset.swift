/// One scorecard edition as data: which report, as at when, and its indicators.
///
/// Read from a CSV or JSON file by `KPIDatasetFile`; the format is described in
/// `appraisals/kpi/README.md`.
public struct KPIDataset: Sendable, Hashable {
    /// The id evidence links cite ("sc-2017-06"); defaults to the file name without extension.
    public let id: String
    public let title: String
    /// The service the scorecard covers ("Social care", "Early help").
    public let service: String?
    /// The scorecard's own period: the default period of an assessment, and the one the
    /// printed RAG and direction of travel describe.
    public let asAt: Period
    /// The report's issue status ("Issue 2", "Draft 3").
    public let edition: String?
    /// What the direction of travel compares, in the report's words ("month on month").
    public let directionOfTravelBasis: String?
    /// The vintage of the benchmark columns as printed ("2014/15").
    public let benchmarkVintage: String?
    /// Where the dataset was transcribed from.
    public let source: String?
    /// The conventions the dataset declares: arrow meaning, comparison and RAG basis, band
    /// reading, academic year.
    public let conventions: KPIConventions
    /// The period columns, in chronological order.
    public let periods: [Period]
    /// Indicators in file order.
    public let indicators: [Indicator]
    /// How the reader took the file where it had to interpret it: headings read by meaning,
    /// a convention taken from a heading, a heading it does not know (its cells left out).
    public let notes: [String]

    public init(
        id: String, title: String, service: String? = nil, asAt: Period, edition: String? = nil, directionOfTravelBasis: String? = nil,
        benchmarkVintage: String? = nil, source: String? = nil, conventions: KPIConventions = KPIConventions(), periods: [Period],
        indicators: [Indicator], notes: [String] = []
    ) {
        self.id = id
        self.title = title
        self.service = service
        self.asAt = asAt
        self.edition = edition
        self.directionOfTravelBasis = directionOfTravelBasis
        self.benchmarkVintage = benchmarkVintage
        self.source = source
        self.conventions = conventions
        self.periods = periods.sorted()
        self.indicators = indicators
        self.notes = notes
    }

    /// The column a printed label names in this dataset (`Jun-17`, `2022/23 YTD`), read with
    /// the dataset's academic year and its kind of table; nil when the label is not a period.
    public func period(_ label: String) -> Period? {
        Period.parse(label, academicYear: conventions.academicYear).map { Period.inTable($0, periods) }
    }

    /// The indicator with a ref, if any.
    public func indicator(_ ref: String) -> Indicator? {
        indicators.first { $0.ref == ref }
    }
}
