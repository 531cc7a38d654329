/// The conventions a scorecard edition states in its header and keys, which vary between
/// editions and teams (kpi-conventions §7–9), declared as dataset settings rather than assumed.
public struct KPIConventions: Sendable, Hashable {
    /// What a printed arrow says (the `arrows` setting).
    public enum ArrowMeaning: String, Sendable, Hashable, CaseIterable {
        /// ↑ better, ↓ worse, → same, by polarity; Info and Within Limits rows by the numbers
        /// ("↑ improvement in performance / increase in numbers", seed 001:5158).
        case performance
        /// ↑ the number went up, whatever the polarity; colour says better or worse.
        case numericDirection = "numeric direction"
        /// The Early Help keys (seed 000:17, 001:4169–4189): performance arrows that also carry
        /// target status — `Ψ` decline not on target, `J` / `↔` decline within limits.
        case multiState = "multi-state"

        static func named(_ text: String) -> ArrowMeaning? {
            switch normalise(text) {
            case "performance", "performance-relative", "better or worse": .performance
            case "numeric direction", "numeric", "numbers", "up or down": .numericDirection
            case "multi-state", "multistate", "multi state", "seven-state": .multiState
            default: nil
            }
        }
    }

    /// What the direction of travel compares (the `comparison` setting).
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        /// The previous period of the same kind: month on month, quarter on quarter, term on term.
        case previousPeriod = "month on month"
        /// The same period a year earlier.
        case sameTimeLastYear = "year on year"

        /// How the comparison reads in a sentence.
        public var phrase: String {
            switch self {
            case .previousPeriod: "against the previous period (month on month, quarter on quarter, term on term)"
            case .sameTimeLastYear: "against the same period a year earlier (year on year)"
            }
        }

        static func named(_ text: String) -> Comparison? {
            switch normalise(text) {
            case "month on month", "quarter on quarter", "term on term", "period on period", "previous period": .previousPeriod
            case "year on year", "same period last year": .sameTimeLastYear
            default: nil
            }
        }
    }

    /// Which value the bands rate (the `rag basis` setting).
    public enum RAGBasis: String, Sendable, Hashable, CaseIterable {
        /// The period's own value, or its year to date where the printed RAG says `YTD`.
        case inPeriod = "in month"
        /// The year-to-date column of the period's financial year.
        case yearToDate = "year to date"
        /// The outturn column of the period's financial year.
        case yearEnd = "year end"

        static func named(_ text: String) -> RAGBasis? {
            switch normalise(text) {
            case "in month", "in period", "in quarter", "latest": .inPeriod
            case "year to date", "ytd": .yearToDate
            case "year end", "year-end", "outturn": .yearEnd
            default: nil
            }
        }
    }

    /// Nil: the dataset does not say, so printed arrows cannot be judged.
    public var arrows: ArrowMeaning?
    public var comparison: Comparison
    public var ragBasis: RAGBasis
    /// Nil: a band set whose two readings disagree is refused.
    public var bandReading: BandReading?
    /// The academic year (starting year) bare term labels belong to.
    public var academicYear: Int?

    public init(arrows: ArrowMeaning? = nil, comparison: Comparison = .previousPeriod, ragBasis: RAGBasis = .inPeriod,
                bandReading: BandReading? = nil, academicYear: Int? = nil) {
        self.arrows = arrows
        self.comparison = comparison
        self.ragBasis = ragBasis
        self.bandReading = bandReading
        self.academicYear = academicYear
    }
}
