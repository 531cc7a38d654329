/// How the scores of a panel become one consensus score per cell when the panel has not
/// recorded an agreed value: the rule is part of the appraisal so every reader gets the
/// same totals.
public struct PanelSetting: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        /// The middle score (the mean of the two middle ones for an even panel): one outlier
        /// cannot move it.
        case median
        case mean
    }

    /// Whether the consensus is put back on the scale's steps, and which way a value exactly
    /// halfway between two steps goes.
    public enum Rounding: String, Sendable, CaseIterable {
        /// The exact median or mean, which may fall between steps (3.5, 10/3).
        case none
        case halfUp = "half-up"
        case halfDown = "half-down"
    }

    public var consensus: Method
    public var rounding: Rounding

    public init(consensus: Method, rounding: Rounding) {
        self.consensus = consensus
        self.rounding = rounding
    }

    /// The rule when the file states none: the exact median.
    public static let standard = PanelSetting(consensus: .median, rounding: .none)

    /// The rule as a sentence for reports: "median of the scorers' scores, not rounded".
    public var sentence: String {
        let rounded = switch rounding {
        case .none: "not rounded"
        case .halfUp: "rounded to the nearest step of the scale, halves up"
        case .halfDown: "rounded to the nearest step of the scale, halves down"
        }
        return "\(consensus.rawValue) of the scorers' scores, \(rounded)"
    }
}
