/// The cell an indicator printed for one period.
public struct Observation: Sendable, Hashable {
    public let period: Period
    public let printed: PrintedValue

    public init(period: Period, printed: PrintedValue) {
        self.period = period
        self.printed = printed
    }

    /// The number read from the cell, if any.
    public var value: Double? { printed.number }
}
