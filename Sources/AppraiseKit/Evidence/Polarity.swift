/// Which way good performance lies for an indicator: the scorecards' "GOOD PERF IS" column.
///
/// Polarity belongs to one edition of an indicator, not to the measure for ever: the same
/// ICPC rate is `Info` in December 2015 (seed 002:60) and `Within limits (low)` in June 2017
/// (001:5216).
public enum Polarity: String, Sendable, Hashable, CaseIterable {
    /// Higher is better.
    case high = "High"
    /// Lower is better.
    case low = "Low"
    /// No good or bad ("There is no good or bad performance in relation to numbers of CIN",
    /// 002:428): numbers are reported, not rated.
    case info = "Info"
    /// Good inside a range (caseloads, 002:98–104); direction of travel is by number.
    case withinLimits = "Within Limits"
    /// Good inside limits, and lower is better where the bands are thresholds (001:5216).
    case withinLimitsLow = "Within limits (low)"

    /// Reads the printed word, ignoring case and spacing.
    public init?(printed text: String) {
        let key = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let match = Polarity.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = match
    }

    /// Whether higher values are better (true), lower are better (false), or neither (nil).
    public var higherIsBetter: Bool? {
        switch self {
        case .high: true
        case .low, .withinLimitsLow: false
        case .info, .withinLimits: nil
        }
    }

    /// Whether direction of travel is judged as performance (improving / declining) rather
    /// than as numbers (up / down): the scorecards' keys give ↑ both meanings by polarity.
    public var ratesPerformance: Bool { higherIsBetter != nil }
}
