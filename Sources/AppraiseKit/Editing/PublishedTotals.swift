/// The Total column of an imported table, kept as what the document published rather than
/// dropped: a declaration the reconciliation checks. Published tables print totals on many
/// bases (points, weighted averages, percentages, raw weighted sums) and often under equal
/// weights, so the basis and weighting are the ones the printed figures agree with.
enum PublishedTotals {
    /// The declaration of `totals` (option id, value, decimal places printed), with a note
    /// saying what they were read as.
    static func declaration(_ totals: [(option: String, total: Rational, places: Int)], in appraisal: Appraisal,
                            source: String) -> (declaration: Declaration, note: String) {
        let decimals = totals.map(\.places).max() ?? 0
        let entered = appraisal.criteria.map { $0.weight ?? .one }
        let equal = Array(repeating: Rational.one, count: appraisal.criteria.count)
        var weightings: [(id: String?, weights: [Rational])] = [(nil, entered)]
        if Set(entered).count > 1 { weightings.append(("equal", equal)) }
        // The reading most totals agree with; among equals, the one nearest the printed figures
        // (each gap as a share of the total), so a table with a slip is still read on its basis.
        var best: (declaration: Declaration, agreeing: Int, gap: Rational)?
        for weighting in weightings {
            for basis in [Declaration.Basis.points, .weightedAverage, .percent, .rawSum] {
                let values = totals.map { value(of: $0.option, basis: basis, weights: weighting.weights, in: appraisal) }
                guard values.allSatisfy({ $0 != nil }) else { continue }
                let pairs = zip(totals, values.map { $0! })
                let agreeing = pairs.filter { DeclaredCheck.outcome(declared: $0.total, computed: $1, decimals: decimals) != .differs }.count
                let gap = pairs.map { entry, value in
                    let difference = entry.total > value ? entry.total - value : value - entry.total
                    return value.isZero ? difference : difference / (value.isNegative ? -value : value)
                }.sum()
                if best == nil || agreeing > best!.agreeing || agreeing == best!.agreeing && gap < best!.gap {
                    best = (Declaration(source: source, totals: [], basis: basis == .points ? nil : basis, weighting: weighting.id, decimals: decimals),
                            agreeing, gap)
                }
            }
        }
        let chosen = best?.declaration ?? Declaration(source: source, decimals: decimals)
        let declaration = Declaration(source: source, totals: totals.map { ($0.option, $0.total) }, basis: chosen.basis,
                                      weighting: chosen.weighting, decimals: decimals)
        let basis = declaration.basis ?? .points
        let what: String
        switch basis {
        case .points: what = "points"
        case .percent: what = "percentages of the maximum"
        case .weightedAverage: what = "weighted average scores"
        case .rawSum: what = "raw weighted sums"
        }
        let under = declaration.weighting.map { " under \($0) weights" } ?? ""
        let note = best.map { found in
            "read as \(what)\(under) printed to \(decimals) dp (\(found.agreeing) of \(totals.count) agree with the scores\(found.agreeing == 0 ? ", the nearest reading" : "")); "
                + "correct that with 'appraise declare FILE --source \"\(source)\" --basis BASIS --decimals N'"
        } ?? "an option is not fully scored, so they are kept as points printed to \(decimals) dp; "
            + "say what they measure with 'appraise declare FILE --source \"\(source)\" --basis BASIS --decimals N'"
        return (declaration, note)
    }

    /// An option's total on `basis` from its own scores, when every criterion is scored.
    private static func value(of option: String, basis: Declaration.Basis, weights: [Rational], in appraisal: Appraisal) -> Rational? {
        let scores = appraisal.criteria.map { criterion in appraisal.scores.first { $0.option == option && $0.criterion == criterion.id }?.value }
        let sum = weights.sum()
        guard !scores.isEmpty, !sum.isZero else { return nil }
        var weighted = Rational.zero
        for (score, weight) in zip(scores, weights) {
            guard let score else { return nil }
            weighted = weighted + score * weight
        }
        let average = weighted / sum
        switch basis {
        case .points: return average * Rational(scores.count)
        case .percent: return average / appraisal.scale.maximum * Rational(100)
        case .weightedAverage: return average
        case .rawSum: return weighted
        }
    }
}
