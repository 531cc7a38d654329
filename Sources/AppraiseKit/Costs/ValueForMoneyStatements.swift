/// Sentences about value for money that a councillor can read aloud, every figure the
/// analysis's own (money to the whole unit, points to two decimals).
public enum ValueForMoneyStatements {
    public static func sentences(_ vfm: ValueForMoney, names: DisplayNames) -> [String] {
        let currency = vfm.costing.costing.effectiveCurrency
        func money(_ value: BigRational) -> String { MoneyText.text(value, currency: currency) }
        func points(_ value: Rational) -> String {
            let text = value.decimalText(maximumPlaces: 2)
            return text + (text == "1" ? " point" : " points")
        }
        let name = names.option
        var out: [String] = []
        let unknown = vfm.rows.filter { !$0.cost.isKnown }
        if !vfm.frontier.isEmpty {
            let steps = vfm.frontier.map { id -> String in
                let row = vfm.row(id)!
                guard let step = row.step else { return "\(name(id)) (\(money(row.cost.netPresentCost!)), \(points(row.benefit)))" }
                let rate = step.costPerExtraPoint.map { ", \(money($0)) per extra point" } ?? ""
                return "\(name(id)) (\(points(step.benefit)) more for \(money(step.cost)) more\(rate))"
            }
            let others = unknown.isEmpty ? "every other option costs at least as much for fewer points"
                : "every other option whose cost is known costs at least as much for fewer points, and the cost of "
                    + Ordinal.list(unknown.map { name($0.option) }) + " is not known"
            out.append(vfm.frontier.count == 1
                ? "Only \(steps[0]) is on the value-for-money frontier: \(others)."
                : "On the value-for-money frontier, from the cheapest: " + steps.joined(separator: ", then ") + ".")
        }
        for row in vfm.rows {
            switch row.status {
            case .dominated(let by)?:
                let other = vfm.rows[by]
                let cheaper = row.cost.netPresentCost! - other.cost.netPresentCost!
                let costText = cheaper.isZero ? "costs the same" : "costs \(money(cheaper)) less"
                let more = row.benefit == other.benefit ? "scores the same" : "scores \(points(other.benefit - row.benefit)) more"
                out.append("\(name(row.option)) is dominated: \(name(other.option)) \(costText) and \(more).")
            case .extendedlyDominated(let low, let high)?:
                out.append("\(name(row.option)) is ruled out by extended dominance: a mix of \(name(vfm.rows[low].option)) and \(name(vfm.rows[high].option)) would give its \(points(row.benefit)) for less.")
            default: break
            }
        }
        let first = vfm.rows.filter { $0.place == 1 }.map { name($0.option) }
        if !first.isEmpty, vfm.rows.filter({ $0.place != nil }).count > 1 {
            out.append("Most cost-effective: \(Ordinal.list(first)) (options placed by dominance first, then by the frontier; no option comes ahead of "
                + (first.count == 1 ? "it" : "them") + ").")
        }
        let savers = vfm.rows.filter { $0.cost.netPresentCost?.isNegative == true }.map { name($0.option) }
        let priced = vfm.rows.filter { $0.costPerPoint != nil }
        if let lowest = priced.compactMap(\.costPerPoint).min() {
            let cheapest = priced.filter { $0.costPerPoint == lowest }.map { name($0.option) }
            out.append("Lowest cost per point of the options with a net cost: \(Ordinal.list(cheapest)) at \(money(lowest)) per point"
                + (savers.isEmpty ? "." : "; " + Ordinal.list(savers) + (savers.count == 1 ? " saves" : " save")
                    + " more than " + (savers.count == 1 ? "it costs" : "they cost") + ", so a cost per point does not apply."))
        } else if !savers.isEmpty {
            out.append("\(Ordinal.list(savers)) " + (savers.count == 1 ? "saves more than it costs" : "save more than they cost")
                + ", so a cost per point does not apply.")
        }
        if let reference = vfm.reference {
            for row in vfm.rows {
                guard let against = row.againstReference else { continue }
                let costText = against.cost.isNegative ? "\(money(-against.cost)) less" : "\(money(against.cost)) more"
                if against.benefit > .zero, let rate = against.costPerExtraPoint {
                    let rateText = rate.isNegative ? "saving money as well" : "\(money(rate)) per extra point"
                    out.append("Against \(name(reference)), \(name(row.option)) gives \(points(against.benefit)) more for \(costText): \(rateText).")
                } else if against.benefit < .zero {
                    out.append("Against \(name(reference)), \(name(row.option)) gives \(points(-against.benefit)) fewer for \(costText).")
                } else {
                    out.append("Against \(name(reference)), \(name(row.option)) gives the same points for \(costText).")
                }
            }
        }
        if let budget = vfm.costing.costing.affordability {
            let limit = money(BigRational(budget.limit))
            let what = budget.measure.map { id in "the cash total of \(vfm.measureNames[id] ?? id) (with optimism bias)" } ?? "the net present cost"
            let within = vfm.rows.filter { $0.affordable == true }.map { name($0.option) }
            let over = vfm.rows.filter { $0.affordable == false }.map { row in "\(name(row.option)) by \(money(row.budgetedAmount! - BigRational(budget.limit)))" }
            out.append("Against the budget of \(limit) on \(what): "
                + (within.isEmpty ? "no option fits" : Ordinal.list(within) + (within.count == 1 ? " fits" : " fit"))
                + (over.isEmpty ? "." : "; over budget: " + Ordinal.list(over) + "."))
        }
        for change in vfm.switching.costs {
            guard let amount = change.change else {
                let others = unknown.isEmpty ? "no other option" : "no other option whose cost is known"
                out.append("\(name(change.option)) stays on the frontier however much its cost rises: \(others) gives as many points.")
                continue
            }
            let percent = change.percent.map { " (\($0.magnitudeText)%)" } ?? ""
            out.append(change.onFrontier
                ? "\(name(change.option)) would leave the frontier if its whole-life cost rose by more than \(money(amount))\(percent)."
                : "\(name(change.option)) would join the frontier only if its whole-life cost fell by more than \(money(-amount))\(percent).")
        }
        for weight in vfm.switching.weights {
            let parts = [weight.up.map { "rose to \(describe($0, names: names))" }, weight.down.map { "fell to \(describe($0, names: names))" }].compactMap { $0 }
            guard !parts.isEmpty else { continue }
            out.append("The frontier changes if the weight of \(names.criterion(weight.criterion)) (now \(weight.current.decimalText(maximumPlaces: 2))) " + parts.joined(separator: " or ") + ".")
        }
        for weight in vfm.switching.weights {
            let swaps = [weight.orderUp.map { "rose to \($0.weight.weightText) (\(swapText($0, names: names)))" },
                         weight.orderDown.map { "fell to \($0.weight.weightText) (\(swapText($0, names: names)))" }].compactMap { $0 }
            guard !swaps.isEmpty else { continue }
            out.append("The order on cost per point changes if the weight of \(names.criterion(weight.criterion)) " + swaps.joined(separator: " or ") + ".")
        }
        if !unknown.isEmpty {
            out.append("Not on the chart, whole-life cost not known: " + Ordinal.list(unknown.map { row in
                let measure = { (id: String) in (vfm.measureNames[id] ?? id).lowercasedFirst }
                let gaps = row.cost.unknown.map { "\(measure($0.measure)) \"\(unknownText($0))\"" } + row.cost.missing.map { "no \(measure($0))" }
                return "\(name(row.option)) (\(gaps.joined(separator: ", ")))"
            }) + ".")
        }
        return out
    }

    private static func describe(_ event: SwitchingValues.WeightEvent, names: DisplayNames) -> String {
        var what: [String] = []
        if !event.joining.isEmpty { what.append(Ordinal.list(event.joining.map(names.option)) + (event.joining.count == 1 ? " joins" : " join")) }
        if !event.leaving.isEmpty { what.append(Ordinal.list(event.leaving.map(names.option)) + (event.leaving.count == 1 ? " leaves" : " leave")) }
        return "\(event.weight.weightText) (\(what.joined(separator: ", ")))"
    }

    /// "A and B change places", or for a benefit crossing zero "A gains or loses a cost per point".
    public static func swapText(_ event: SwitchingValues.WeightEvent, names: DisplayNames) -> String {
        event.joining.count == 1
            ? "\(names.option(event.joining[0])) gains or loses a cost per point as its points cross zero"
            : "\(Ordinal.list(event.joining.map(names.option))) change places"
    }

    private static func unknownText(_ amount: Amount) -> String {
        if case .unknown(let text) = amount.value { return text }
        return ""
    }
}

extension BigRational {
    /// Two decimals without a trailing zero, no sign: "12.5", "3", "0.33".
    public var magnitudeText: String {
        let text = (isNegative ? -self : self).formatted(places: 2)
        if text.hasSuffix(".00") { return String(text.dropLast(3)) }
        return text.hasSuffix("0") ? String(text.dropLast()) : text
    }

    /// A weight to two decimals, with its exact fraction when two decimals are not exact.
    public var weightText: String {
        if let exact = rational, let places = exact.terminatingDecimalPlaces, places <= 2 { return exact.decimalText(maximumPlaces: 2) }
        let reduced = self.reduced
        return formatted(places: 2) + " (exactly \(reduced.numerator)/\(reduced.denominator))"
    }
}
