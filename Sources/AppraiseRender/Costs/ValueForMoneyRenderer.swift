import AppraiseKit

/// Value for money, whole-life cost working and switching values as tables and JSON.
public enum ValueForMoneyRenderer {
    /// Every table `vfm` prints, in reading order.
    public static func tables(_ vfm: ValueForMoney, appraisal: Appraisal) -> [Table] {
        [valueForMoney(vfm, appraisal: appraisal), costSwitching(vfm, appraisal: appraisal), weightSwitching(vfm, appraisal: appraisal)]
    }

    private static func currency(_ vfm: ValueForMoney) -> String { vfm.costing.costing.effectiveCurrency }

    static func money(_ value: BigRational, _ vfm: ValueForMoney, places: Int = 0) -> String {
        MoneyText.text(value, currency: currency(vfm), places: places)
    }

    /// Rows cheapest first (options whose cost is not known last), file order among equals.
    static func costOrder(_ vfm: ValueForMoney) -> [ValueForMoney.Row] {
        vfm.rows.enumerated().sorted { a, b in
            switch (a.element.cost.netPresentCost, b.element.cost.netPresentCost) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (nil, nil): return a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            }
        }.map(\.element)
    }

    public static func status(_ row: ValueForMoney.Row, _ vfm: ValueForMoney, appraisal: Appraisal) -> String {
        let label = { (index: Int) in appraisal.option(vfm.rows[index].option)?.label ?? vfm.rows[index].option }
        switch row.status {
        case .efficient?: return "frontier"
        case .dominated(let by)?: return "dominated by \(label(by))"
        case .extendedlyDominated(let low, let high)?: return "extended dominance (\(label(low))–\(label(high)))"
        case nil: return "cost not known"
        }
    }

    public static func valueForMoney(_ vfm: ValueForMoney, appraisal: Appraisal) -> Table {
        let budget = appraisal.costing?.affordability
        let reference = vfm.reference.map { appraisal.option($0)?.label ?? $0 }
        // With one option on the frontier there is no step along it: the step columns would be empty.
        let steps = vfm.rows.contains { $0.step != nil }
        var columns: [Table.Column] = [.init("Option"), .init("Points", .right), .init("Net present cost", .right), .init("Cost per point", .right),
                                       .init("Place", .right), .init("Frontier")]
        if steps { columns += [.init("Extra cost", .right), .init("Extra points", .right), .init("Cost per extra point", .right)] }
        if let reference {
            columns += [.init("Extra cost vs \(reference)", .right), .init("Extra points vs \(reference)", .right)]
        }
        if budget != nil { columns.append(.init("Within budget")) }
        columns += vfm.quantities.map { .init("\($0.measure.name) (\($0.measure.unit))", .right) }
        let rows = costOrder(vfm).map { row -> [String] in
            var cells = [appraisal.option(row.option)?.label ?? row.option, Formatting.outOf(row.benefit, vfm.maximum), npc(row.cost, vfm),
                         costPerPoint(row, vfm), row.place.map(String.init) ?? "", status(row, vfm, appraisal: appraisal)]
            if steps {
                cells += [row.step.map { money($0.cost, vfm) } ?? "", row.step.map { Formatting.number($0.benefit) } ?? "",
                          row.step?.costPerExtraPoint.map { money($0, vfm) } ?? ""]
            }
            if reference != nil {
                cells += [row.againstReference.map { money($0.cost, vfm) } ?? "", row.againstReference.map { Formatting.number($0.benefit) } ?? ""]
            }
            if budget != nil { cells.append(row.affordable.map { $0 ? "yes" : "no" } ?? "") }
            cells += vfm.quantities.map { quantity in
                quantity.totals[row.option].map { WholeLifeCostRenderer.amountText($0, measure: quantity.measure, currency: currency(vfm), unit: false) } ?? ""
            }
            return cells
        }
        let points = vfm.unit.map { "Points are each option's total in the unit the appraisal publishes (\($0.basis.rawValue)), and cost per point is per \($0.unitName)" }
            ?? "Points are the weighted total out of the maximum"
        var notes = ["Weights: \(vfm.weights.name). \(points); the net present cost is the whole-life cost (costs with optimism bias, less savings) discounted to year 0."]
        notes.append(discountNote(vfm, appraisal: appraisal))
        notes.append("Place: by dominance first (an option that costs no more and scores no less comes ahead), then by the frontier; "
            + "an option that saves more than it costs has no cost per point, since dividing a saving by points would make a higher score look worse.")
        notes.append(steps
            ? "Extra cost and points are the step from the previous option on the frontier; its cost per extra point rises along the frontier."
            : "Only one option is on the frontier, so there is no step along it to cost.")
        if let budget {
            let what = budget.measure.map { "the cash total of \(appraisal.measure($0)?.name ?? $0), with optimism bias" } ?? "the net present cost"
            notes.append("Budget: \(MoneyText.text(budget.limit, currency: currency(vfm))) on \(what).")
        }
        return Table(id: "value-for-money", title: "Value for money", columns: columns, rows: rows, notes: notes)
    }

    /// The cost per point, or why there is none for an option whose cost is known.
    static func costPerPoint(_ row: ValueForMoney.Row, _ vfm: ValueForMoney) -> String {
        if let ratio = row.costPerPoint { return money(ratio, vfm) }
        guard let cost = row.cost.netPresentCost else { return "" }
        return cost.isNegative ? "saves money" : "no points"
    }

    static func discountNote(_ vfm: ValueForMoney, appraisal: Appraisal) -> String {
        let costing = vfm.costing.costing
        let base = costing.priceBase.map { " at \($0) prices" } ?? ""
        let first = costing.firstYear.map { "; year 0 is \($0)" } ?? ""
        let rate = costing.effectiveDiscountRate.decimalText(maximumPlaces: 6)
        let longTerm = vfm.costing.schedule.changesRate(within: vfm.costing.factors.horizon)
            ? ", with the Green Book's lower long-term rates after year 30" : ""
        return "Money in \(costing.effectiveCurrency)\(base), discounted at \(rate)% a year\(longTerm)\(first)."
    }

    /// "£1,234,567", with the range its amounts allow, or why it is not known.
    static func npc(_ cost: WholeLifeCost, _ vfm: ValueForMoney) -> String {
        guard let value = cost.netPresentCost else { return "not known" }
        guard cost.hasRange, let low = cost.lowest, let high = cost.highest else { return money(value, vfm) }
        return "\(money(value, vfm)) (\(money(low, vfm))–\(money(high, vfm)))"
    }

    public static func costSwitching(_ vfm: ValueForMoney, appraisal: Appraisal) -> Table {
        let label = { (id: String) in appraisal.option(id)?.label ?? id }
        let places = Dictionary(uniqueKeysWithValues: vfm.switching.places.map { ($0.option, $0) })
        let rows = vfm.switching.costs.map { change -> [String] in
            let place = places[change.option]
            return [label(change.option), change.onFrontier ? "yes" : "no",
                    change.change.map { (change.onFrontier ? "rise by " : "fall by ") + money($0.isNegative ? -$0 : $0, vfm) } ?? "never leaves",
                    change.percent.map { $0.magnitudeText + "%" } ?? "",
                    place?.overtake.map { "fall by \(money(-$0.change, vfm)) to pass \(label($0.option))" } ?? "",
                    place?.fallBehind.map { "rise by \(money($0.change, vfm)) to drop behind \(label($0.option))" } ?? ""]
        }
        return Table(id: "cost-switching-values", title: "Switching values: whole-life cost",
                     columns: [.init("Option"), .init("On frontier"), .init("Frontier changes if its cost would"), .init("Percent", .right),
                               .init("Moves up on cost per point if its cost would"), .init("Moves down if its cost would")],
                     rows: rows,
                     notes: ["The change in one option's net present cost, others held, beyond which it joins or leaves the frontier or changes place on cost per point."])
    }

    public static func weightSwitching(_ vfm: ValueForMoney, appraisal: Appraisal) -> Table {
        let names = DisplayNames(appraisal)
        let rows = vfm.switching.weights.map { weight -> [String] in
            [names.criterion(weight.criterion), Formatting.number(weight.current),
             weight.up.map { $0.weight.weightText } ?? "no change", weight.up.map { changeText($0, names) } ?? "",
             weight.down.map { $0.weight.weightText } ?? "no change", weight.down.map { changeText($0, names) } ?? "",
             weight.orderUp.map { $0.weight.weightText + ": " + ValueForMoneyStatements.swapText($0, names: names) } ?? "no change",
             weight.orderDown.map { $0.weight.weightText + ": " + ValueForMoneyStatements.swapText($0, names: names) } ?? "no change"]
        }
        return Table(id: "weight-switching-values", title: "Switching values: weights",
                     columns: [.init("Criterion"), .init("Weight now", .right), .init("Frontier changes if it rises to", .right), .init("What changes"),
                               .init("Or falls to", .right), .init("What changes"),
                               .init("Cost-per-point order changes if it rises to"), .init("Or falls to")],
                     rows: rows,
                     notes: ["One criterion's weight moved with the others held, as entered (not normalised); the nearest weight each way at which an option joins or leaves the frontier, and at which two options change places on cost per point."])
    }

    static func changeText(_ event: SwitchingValues.WeightEvent, _ names: DisplayNames) -> String {
        (event.joining.map { names.option($0) + " joins" } + event.leaving.map { names.option($0) + " leaves" }).joined(separator: "; ")
    }
}
