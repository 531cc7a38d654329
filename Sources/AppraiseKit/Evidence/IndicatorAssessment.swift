/// One indicator assessed for one period: the value, the rating the bands give it, the
/// direction of travel, the distance to target, where it stands against each benchmark, and
/// every finding — one value per indicator, so every rendering (text, JSON, CSV, Markdown)
/// shows the same facts.
public struct IndicatorAssessment: Sendable, Hashable {
    public let ref: String
    public let title: String
    public let theme: String?
    public let polarity: Polarity
    public let unit: String
    /// The period assessed.
    public let period: Period
    /// The cell printed for the period; nil when nothing was printed.
    public let printed: PrintedValue?
    /// The period whose value the bands rated: the assessed period, or its year to date when
    /// the scorecard rates the indicator year to date ("Red YTD").
    public let ratedPeriod: Period
    public let ratedValue: Double?
    public let bands: ToleranceBands
    public let rag: ComputedRAG
    /// The RAG printed on the scorecard; given only when assessing the scorecard's own period.
    public let declaredRAG: DeclaredRAG?
    public let distanceToTarget: TargetDistance?
    /// Against the previous period of the same kind (the month before, the year before).
    public let directionOfTravel: DirectionOfTravel?
    public let previous: Observation?
    /// The arrow printed on the scorecard; given only when assessing the scorecard's own period.
    public let declaredDirection: DeclaredDirection?
    /// Against the same period a year earlier, when the dataset prints it.
    public let yearOnYear: DirectionOfTravel?
    public let sameTimeLastYear: Observation?
    public let benchmarks: [BenchmarkPosition]
    public let findings: [KPIFinding]

    /// The value assessed, if a number was printed.
    public var value: Double? { printed?.number }

    /// What the period's cell says about the data; nil when nothing was printed.
    public var status: PrintedValue.Status? { printed?.status }
}
