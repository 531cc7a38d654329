/// The scale every score is given on, e.g. 0 to 5 in whole points.
public struct ScoreScale: Sendable, Equatable {
    public var minimum: Rational
    public var maximum: Rational
    /// Smallest difference between two scores; every score is `minimum + k × step`.
    public var step: Rational
    /// What chosen values mean, in the appraisal's own words ("3 = meets some aspects…").
    public var anchors: [ScaleAnchor]
    /// Whether the scale is relative to the options appraised (the bottom is the least
    /// preferred of them, the top the most), as swing-scored tables are, so "87.9%" is never
    /// read as an absolute standard.
    public var relative: Bool

    public init(minimum: Rational, maximum: Rational, step: Rational, anchors: [ScaleAnchor] = [], relative: Bool = false) {
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.anchors = anchors
        self.relative = relative
    }

    /// Whether a value lies on the scale and on one of its steps.
    public func contains(_ value: Rational) -> Bool {
        guard value >= minimum, value <= maximum, !step.isZero else { return false }
        return ((value - minimum) / step).isInteger
    }

    /// Every value a scorer may give, lowest first.
    public var values: [Rational] {
        guard !step.isZero, !step.isNegative, minimum <= maximum else { return [] }
        var result: [Rational] = []
        var value = minimum
        while value <= maximum {
            result.append(value)
            value += step
        }
        return result
    }
}

/// The meaning of one value on the scale.
public struct ScaleAnchor: Sendable, Equatable {
    public var value: Rational
    public var meaning: String

    public init(value: Rational, meaning: String) {
        self.value = value
        self.meaning = meaning
    }
}
