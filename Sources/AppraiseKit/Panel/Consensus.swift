/// One score per cell from a panel: the agreed score when the panel recorded one, else the
/// scorers' scores combined by the appraisal's `PanelSetting`.
public enum Consensus {
    /// Combines one cell's scores; nil when there are none.
    public static func combine(_ values: [Rational], setting: PanelSetting, scale: ScoreScale) -> Rational? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        let combined = switch setting.consensus {
        case .median: sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / Rational(2)
        case .mean: values.sum() / Rational(values.count)
        }
        return round(combined, rounding: setting.rounding, scale: scale)
    }

    /// Puts a value on the nearest step of the scale, halves going the way the setting says.
    static func round(_ value: Rational, rounding: PanelSetting.Rounding, scale: ScoreScale) -> Rational {
        guard rounding != .none, scale.step > .zero else { return value }
        let steps = (value - scale.minimum) / scale.step
        let below = floor(steps)
        let fraction = steps - below
        let half = Rational(1, 2)
        let up = fraction > half || (fraction == half && rounding == .halfUp)
        return scale.minimum + (up ? below + .one : below) * scale.step
    }

    private static func floor(_ value: Rational) -> Rational {
        let quotient = value.numerator / value.denominator
        let adjusted = value.numerator < 0 && value.numerator % value.denominator != 0 ? quotient - 1 : quotient
        return Rational(adjusted, 1)
    }

    /// Every scored cell's consensus, keyed `option + "\0" + criterion` as `DecisionMatrix` reads it.
    static func cells(of appraisal: Appraisal) -> [String: Rational] {
        var agreed: [String: Rational] = [:]
        var panel: [String: [Rational]] = [:]
        for score in appraisal.scores {
            let key = score.option + "\u{0}" + score.criterion
            if score.scorer == nil { agreed[key] = score.value } else { panel[key, default: []].append(score.value) }
        }
        for (key, values) in panel where agreed[key] == nil {
            agreed[key] = combine(values, setting: appraisal.panelSetting, scale: appraisal.scale)
        }
        return agreed
    }
}

extension Appraisal {
    /// The panel rule in force: the file's, or the standard one.
    public var panelSetting: PanelSetting { panel ?? .standard }

    /// Everyone who filed a score under their name, in order of first appearance.
    public var scorers: [String] {
        var seen: Set<String> = []
        return scores.compactMap(\.scorer).filter { seen.insert($0).inserted }
    }
}
