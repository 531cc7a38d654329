/// The unit an appraisal publishes its totals in, taken from what it declared: a table of
/// weighted averages on 0–100 is read as "87.85 out of 100", not as the tool's "439.25/500",
/// and its cost per point is per point of that average. Without a declared basis, or with
/// plain points on an absolute scale, there is none and every display reads as before.
public struct TotalsUnit: Sendable, Equatable {
    public let basis: Declaration.Basis
    /// The scale is relative to the options appraised (see `ScoreScale.relative`).
    public let relative: Bool
    let scale: ScoreScale

    /// The first declared basis of published totals, or points on a relative scale; nil when
    /// the totals are the tool's own points on an absolute scale.
    public init?(appraisal: Appraisal) {
        let basis = appraisal.declared.first { !$0.totals.isEmpty && $0.basis != nil }?.basis ?? .points
        guard basis != .points || appraisal.scale.relative else { return nil }
        self.basis = basis
        relative = appraisal.scale.relative
        scale = appraisal.scale
    }

    /// A total in points (out of `maximum`, under `weights`) in the published unit, with the
    /// maximum in it.
    public func value(points total: Rational, maximum: Rational, weights: Weights) -> (value: Rational, maximum: Rational) {
        basis.value(points: total, maximum: maximum, weights: weights)
    }

    /// How many published units one of the tool's points is worth, so a cost per point or a
    /// margin can be turned into the published unit.
    public func perPoint(maximum: Rational, weights: Weights) -> Rational {
        value(points: .one, maximum: maximum, weights: weights).value
    }

    /// "87.85 out of 100", "87.9%", "33/40", to two decimals, with "on a relative scale" when
    /// the scale is relative.
    public func text(points total: Rational, maximum: Rational, weights: Weights) -> String {
        let (value, top) = value(points: total, maximum: maximum, weights: weights)
        let number = value.decimalText(maximumPlaces: 2)
        let figure = switch basis {
        case .points: "\(number)/\(top.decimalText(maximumPlaces: 2))"
        case .percent: "\(value.formatted(places: 1))%"
        case .weightedAverage, .rawSum: "\(number) out of \(top.decimalText(maximumPlaces: 2))"
        }
        return relative ? "\(figure) on a relative scale" : figure
    }

    /// What a relative scale means, for the sentence after a headline; nil on an absolute one.
    public var relativeMeaning: String? {
        guard relative else { return nil }
        return "On this relative scale \(scale.minimum.decimalText()) is the least preferred of these options and "
            + "\(scale.maximum.decimalText()) the most, not an absolute standard."
    }

    /// "points", "percentage points", "points of the weighted average": what one unit is called.
    public var unitName: String {
        switch basis {
        case .points: "point"
        case .percent: "percentage point"
        case .weightedAverage: "point of the weighted average"
        case .rawSum: "point of the weighted sum"
        }
    }
}

extension Declaration.Basis {
    /// A total in the tool's points (out of `maximum`, under `weights`) on this basis, with the
    /// maximum on it: the one conversion the reconciliation and every display share.
    public func value(points total: Rational, maximum: Rational, weights: Weights) -> (value: Rational, maximum: Rational) {
        let criteria = Rational(weights.entered.count)
        switch self {
        case .points: return (total, maximum)
        case .percent: return (maximum.isZero ? .zero : total / maximum * Rational(100), Rational(100))
        case .weightedAverage: return (total / criteria, maximum / criteria)
        case .rawSum:
            let sum = weights.entered.sum()
            return (total / criteria * sum, maximum / criteria * sum)
        }
    }
}
