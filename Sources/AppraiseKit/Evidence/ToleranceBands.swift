/// A target and its Red / Amber / Green tolerance bands: the three cells exactly as printed
/// and the rule read from them (see `ToleranceBandParser` for the notations).
///
/// **Boundary rule.** A printed band is a threshold number with a glyph. Which side of it is
/// better comes from the indicator's polarity, never from the glyph, because the sources write
/// the same band both ways (`<6%` as the red of a low-is-good measure, seed 002:65). The glyph
/// only says whether the threshold itself belongs to the band: `X+`, a trailing `X>` and an
/// unsigned green `X` include it; a leading `<X` or `>X` and a trailing `X<` exclude it. Amber's
/// own glyph is decorative (the 2015 sheets print `83%>` and `90%<` for the same band, 002:30,
/// 55), so red's glyph decides which of red and amber owns their shared threshold, and amber's
/// number must equal red's; with no red printed, amber's lower end decides (`>65%` leaves 65
/// red). Distance bands are inclusive: green and amber "within ±N", red "more than ±N". A
/// range target is green up to its top (below-range caseloads are printed Green, 002:98),
/// amber up to the stated margin above the top, red beyond.
///
/// So `<83% | 83%> | 86%` (high): 82.9 red, 83 amber, 85.9 amber, 86 green; `26%+ | 26%< | 23%`
/// (low): 26 red, 25.9 amber, 23 green; `26%+ | 26%< | 23%<` (low): 23 amber, 22.9 green.
public struct ToleranceBands: Sendable, Hashable {
    /// The cells as printed, trimmed: what the officer typed, kept whatever the rule.
    public let red: String
    public let amber: String
    public let green: String
    public let rule: Rule

    public init(red: String, amber: String, green: String, rule: Rule) {
        self.red = red
        self.amber = amber
        self.green = green
        self.rule = rule
    }

    /// How the bands rate a value.
    public enum Rule: Sendable, Hashable {
        /// No target printed (blank or `n/a`).
        case none
        /// Thresholds on a better-is-higher or better-is-lower scale.
        case thresholds(Thresholds)
        /// Within a distance of a reference value (`+/-5 of 158.8`); no amber means green-only.
        case distance(reference: Double, green: Double, amber: Double?)
        /// A range (`14-20`) with an amber margin above it in percent of the top (`1% above
        /// range`); no margin means green-only.
        case range(lower: Double, upper: Double, amberMarginPercent: Double?)
        /// A text target ("range to be set", "tbc"): kept verbatim, rates nothing.
        case text(String)
        /// A band set that overlaps, leaves a gap, contradicts the polarity or has no
        /// direction: kept as printed, rates nothing; the reason shows the bands as read and
        /// the fix.
        case refused(String)
    }

    /// Directional bands. Without amber the target is green-only: a miss is "not on target",
    /// since the sheet leaves the choice between amber and red to the officer.
    public struct Thresholds: Sendable, Hashable {
        public let higherIsBetter: Bool
        public let green: Bound
        public let amber: Bound?

        public init(higherIsBetter: Bool, green: Bound, amber: Bound?) {
            self.higherIsBetter = higherIsBetter
            self.green = green
            self.amber = amber
        }

        /// Whether a value reaches a bound on the better side.
        func reaches(_ value: Double, _ bound: Bound) -> Bool {
            if value == bound.value { return bound.inclusive }
            return higherIsBetter ? value > bound.value : value < bound.value
        }
    }

    /// Where a band starts: its threshold and whether the threshold itself is in the band.
    public struct Bound: Sendable, Hashable {
        public let value: Double
        public let inclusive: Bool
        /// Printed with a percent sign.
        public let percent: Bool

        public init(value: Double, inclusive: Bool, percent: Bool) {
            self.value = value
            self.inclusive = inclusive
            self.percent = percent
        }
    }

    /// The cells for a message: `` `<83% | 83%> | 86%` ``, a blank cell as "–", a green-only
    /// target as `` `60` ``.
    public var printedText: String { ToleranceBands.printedText(red: red, amber: amber, green: green) }

    static func printedText(red: String, amber: String, green: String) -> String {
        if red.isEmpty && amber.isEmpty { return "`\(green)`" }
        return "`" + [red, amber, green].map { $0.isEmpty ? "–" : $0 }.joined(separator: " | ") + "`"
    }

    /// Why the bands rate no value at all (no target, a text target, a refused set); nil when
    /// they can rate.
    public var unratableReason: String? {
        switch rule {
        case .none: ToleranceBands.noTarget
        case .text(let reason), .refused(let reason): reason
        case .thresholds, .distance, .range: nil
        }
    }

    private static let noTarget = "no target is set"

    /// The rating of a value under these bands.
    public func rate(_ value: Double) -> ComputedRAG {
        switch rule {
        case .none:
            return .notComputable(ToleranceBands.noTarget)
        case .text(let reason), .refused(let reason):
            return .notComputable(reason)
        case .thresholds(let bands):
            if bands.reaches(value, bands.green) { return .rated(.green) }
            guard let amber = bands.amber else { return .notOnTarget }
            return .rated(bands.reaches(value, amber) ? .amber : .red)
        case .distance(let reference, let green, let amber):
            let distance = abs(value - reference)
            if withinTolerance(distance, green) { return .rated(.green) }
            guard let amber else { return .notOnTarget }
            return .rated(withinTolerance(distance, amber) ? .amber : .red)
        case .range(_, let upper, let margin):
            if withinTolerance(value, upper) { return .rated(.green) }
            guard let margin else { return .notOnTarget }
            return .rated(withinTolerance(value, upper * (1 + margin / 100)) ? .amber : .red)
        }
    }

    /// How far a value is inside (positive margin) or outside (negative) the green band, in
    /// the indicator's unit; nil when the bands cannot rate.
    public func distance(from value: Double) -> TargetDistance? {
        func number(_ x: Double) -> String { EvidenceNumberText.text(x) }
        switch rule {
        case .none, .text, .refused:
            return nil
        case .thresholds(let bands):
            let margin = bands.higherIsBetter ? value - bands.green.value : bands.green.value - value
            let green = EvidenceNumberText.text(bands.green.value, percent: bands.green.percent)
            let text: String
            if margin == 0 {
                text = "at the green threshold \(green)"
            } else if margin > 0 {
                text = "\(number(margin)) better than the green threshold \(green)"
            } else {
                text = "\(number(-margin)) short of the green threshold \(green)"
            }
            return TargetDistance(margin: margin, text: text)
        case .distance(let reference, let green, _):
            let offset = value - reference
            let side = offset >= 0 ? "above" : "below"
            return TargetDistance(margin: green - abs(offset),
                                  text: "\(number(abs(offset))) \(side) \(number(reference)); green is within ±\(number(green))")
        case .range(let lower, let upper, _):
            let range = "\(number(lower))–\(number(upper))"
            let text: String
            if value > upper {
                text = "\(number(value - upper)) above the range \(range)"
            } else if value < lower {
                text = "\(number(lower - value)) below the range \(range)"
            } else {
                text = "within the range \(range)"
            }
            return TargetDistance(margin: upper - value, text: text)
        }
    }

    /// `a ≤ b`, forgiving the last bits of binary arithmetic (|163.8 − 158.8| is 5.000…03).
    private func withinTolerance(_ a: Double, _ b: Double) -> Bool { a <= b + 1e-9 * max(1, abs(b)) }
}

/// How far a value sits from the green band, for "distance to target".
public struct TargetDistance: Sendable, Hashable {
    /// Inside green (positive) or short of it (negative), in the indicator's unit.
    public let margin: Double
    /// The same in words: "6.8 short of the green threshold 86%".
    public let text: String

    public init(margin: Double, text: String) {
        self.margin = margin
        self.text = text
    }
}
