/// Something a reader of a scorecard should know about one indicator: a printed mark the data
/// does not bear out, bands that cannot rate, benchmarks the wrong way round, a withheld value.
/// Findings report; they never change what was printed.
public struct KPIFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The printed RAG differs from the one the printed bands give the printed value.
        case ragDisagreement = "rag-disagreement"
        /// A RAG is printed where the bands or the value cannot give one.
        case ragUnverifiable = "rag-unverifiable"
        /// The printed arrow differs from the computed direction of travel.
        case directionDisagreement = "direction-disagreement"
        /// An arrow is printed but there is no earlier value to compare.
        case directionUnverifiable = "direction-unverifiable"
        /// The printed bands overlap, leave a gap, contradict the polarity or have no direction.
        case bandsRefused = "bands-refused"
        /// Benchmarks sit the wrong way round for the polarity.
        case benchmarkOrder = "benchmark-order"
        /// The bands give no rating; the message says why (no target, a text target, no value).
        case notRated = "not-rated"
        /// The row is reported one month in arrears, so the month before is read.
        case inArrears = "in-arrears"
        /// The period's cell is a status ("Reporting in progress", "tbc"), not a value.
        case dataQuality = "data-quality"
        /// A cell of the row cannot be read, so the row is not rated; the message names the
        /// cell and the fix.
        case unreadableCell = "unreadable-cell"
    }

    public let kind: Kind
    /// One sentence for a human: what was printed, what the data gives, and why.
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// Whether the finding says a printed RAG or arrow is not what the data gives.
    public var isDisagreement: Bool { [.ragDisagreement, .directionDisagreement].contains(kind) }

    /// Whether a printed RAG or arrow cannot be checked against the data.
    public var isUncheckable: Bool { [.ragUnverifiable, .directionUnverifiable].contains(kind) }

    /// Whether the finding concerns a printed RAG or arrow at all (disagreeing or uncheckable).
    public var isDeclaredMismatch: Bool {
        [.ragDisagreement, .ragUnverifiable, .directionDisagreement, .directionUnverifiable].contains(kind)
    }
}
