import AppraiseKit

/// Round tick values for a chart axis ("nice numbers"): a step of 1, 2, 2.5 or 5 times a power
/// of ten, so an axis reads £0, £200,000, £400,000 rather than £340,175, £680,350.
public enum ChartTicks {
    /// Ticks from a multiple of the step at or below `low` to one at or above `high`, about
    /// `count` intervals apart (never fewer than one); exact, as fractions.
    public static func nice(low: Rational, high: Rational, count: Int = 4) -> [Rational] {
        let low = min(low, high), high = max(low, high)
        let span = high - low
        guard span > .zero else {
            let step = step(for: low == .zero ? .one : (low.isNegative ? -low : low))
            return [floor(low, step), floor(low, step) + step]
        }
        let step = step(for: span / Rational(max(1, count)))
        var ticks = [floor(low, step)]
        while ticks.last! < high { ticks.append(ticks.last! + step) }
        return ticks
    }

    /// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw` (raw > 0).
    static func step(for raw: Rational) -> Rational {
        var power = Rational.one
        while power > raw { power = power / Rational(10) }
        while power * Rational(10) <= raw { power = power * Rational(10) }
        for factor in [Rational(1), Rational(2), Rational(5, 2), Rational(5), Rational(10)] where factor * power >= raw {
            return factor * power
        }
        return power * Rational(10)
    }

    /// The largest multiple of `step` at or below `value`.
    static func floor(_ value: Rational, _ step: Rational) -> Rational {
        let ratio = value / step
        var whole = ratio.numerator / ratio.denominator
        if Rational(whole, BigInt.one) > ratio { whole = whole - BigInt.one }
        return Rational(whole, BigInt.one) * step
    }
}
