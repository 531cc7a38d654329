import AppraiseKit

/// The money tables laid out for spreadsheets, as `SpreadsheetTables` lays out the ranking:
/// option ids beside names, points and their maximum in separate cells, and money as plain
/// numbers to the penny ("133922.33", no currency sign or thousands commas) so it can be summed.
public enum MoneySpreadsheetTables {
    static func plain(_ value: BigRational?) -> String { value?.formatted(places: 2) ?? "" }
    static func plain(_ value: Rational) -> String { value.formatted(places: 2) }

    public static func tables(_ vfm: ValueForMoney, appraisal: Appraisal) -> [Table] {
        [valueForMoney(vfm, appraisal: appraisal), costSwitching(vfm, appraisal: appraisal),
         ValueForMoneyRenderer.weightSwitching(vfm, appraisal: appraisal), costsByYear(appraisal), working(vfm.costing, appraisal: appraisal)]
    }

    static func label(_ id: String, _ appraisal: Appraisal) -> String { appraisal.option(id)?.name ?? id }

    public static func valueForMoney(_ vfm: ValueForMoney, appraisal: Appraisal) -> Table {
        let reading = ValueForMoneyRenderer.valueForMoney(vfm, appraisal: appraisal)
        let rows = ValueForMoneyRenderer.costOrder(vfm).map { row -> [String] in
            [row.option, label(row.option, appraisal), Formatting.number(row.benefit), Formatting.number(vfm.maximum),
             plain(row.cost.netPresentCost), plain(row.cost.lowest), plain(row.cost.highest), plain(row.costPerPoint),
             row.place.map(String.init) ?? "", ValueForMoneyRenderer.status(row, vfm, appraisal: appraisal),
             plain(row.step?.cost), row.step.map { Formatting.number($0.benefit) } ?? "", plain(row.step?.costPerExtraPoint),
             plain(row.againstReference?.cost), row.againstReference.map { Formatting.number($0.benefit) } ?? "",
             row.affordable.map { $0 ? "yes" : "no" } ?? ""]
        }
        return Table(id: reading.id, title: reading.title,
                     columns: [.init("Option ID"), .init("Option"), .init("Points", .right), .init("Maximum", .right),
                               .init("Net present cost", .right), .init("Lowest", .right), .init("Highest", .right), .init("Cost per point", .right),
                               .init("Place", .right), .init("Frontier"), .init("Extra cost", .right), .init("Extra points", .right),
                               .init("Cost per extra point", .right), .init("Extra cost vs reference", .right), .init("Extra points vs reference", .right),
                               .init("Within budget")],
                     rows: rows, notes: reading.notes + ["Money in \(vfm.costing.costing.effectiveCurrency), to the penny."])
    }

    public static func costSwitching(_ vfm: ValueForMoney, appraisal: Appraisal) -> Table {
        let reading = ValueForMoneyRenderer.costSwitching(vfm, appraisal: appraisal)
        let places = Dictionary(uniqueKeysWithValues: vfm.switching.places.map { ($0.option, $0) })
        let rows = vfm.switching.costs.map { change -> [String] in
            let place = places[change.option]
            return [change.option, label(change.option, appraisal), change.onFrontier ? "yes" : "no", plain(change.change),
                    change.percent.map { $0.formatted(places: 2) } ?? "", place?.overtake?.option ?? "", plain(place?.overtake?.change),
                    place?.fallBehind?.option ?? "", plain(place?.fallBehind?.change)]
        }
        return Table(id: reading.id, title: reading.title,
                     columns: [.init("Option ID"), .init("Option"), .init("On frontier"), .init("Frontier cost change", .right),
                               .init("Percent", .right), .init("Passes"), .init("Cost change to pass", .right), .init("Drops behind"),
                               .init("Cost change to drop behind", .right)],
                     rows: rows, notes: reading.notes + ["A positive change is a rise in cost, a negative one a fall."])
    }

    public static func costsByYear(_ appraisal: Appraisal) -> Table {
        let reading = WholeLifeCostRenderer.costsByYear(appraisal)
        let costing = appraisal.costing ?? Costing()
        let rows = appraisal.amounts.map { amount -> [String] in
            let bounds = amount.value.bounds
            var unknown = ""
            if case .unknown(let text) = amount.value { unknown = text }
            return [amount.option, amount.measure, appraisal.measure(amount.measure)?.kind.rawValue ?? "",
                    costing.offset(of: amount.year).map(String.init) ?? "", amount.year.map { if case .label(let text) = $0 { text } else { "" } } ?? "",
                    bounds.map { $0.low == $0.high ? $0.low.decimalText() : "" } ?? "", bounds.map { $0.low == $0.high ? "" : $0.low.decimalText() } ?? "",
                    bounds.map { $0.low == $0.high ? "" : $0.high.decimalText() } ?? "", unknown, amount.source ?? ""]
        }
        return Table(id: reading.id, title: reading.title,
                     columns: [.init("Option ID"), .init("Measure ID"), .init("Kind"), .init("Year", .right), .init("Financial year"),
                               .init("Value", .right), .init("Low", .right), .init("High", .right), .init("Not known"), .init("Source")],
                     rows: rows, notes: reading.notes)
    }

    public static func working(_ costing: WholeLifeCosting, appraisal: Appraisal) -> Table {
        let reading = WholeLifeCostRenderer.working(costing, appraisal: appraisal)
        var rows: [[String]] = []
        for cost in costing.costs {
            for year in cost.years where !year.isEmpty {
                rows.append([cost.option, String(year.year), plain(year.costs), plain(year.uplift), plain(year.savings), plain(year.net),
                             year.factor.formatted(places: 8), plain(year.presentValue)])
            }
            rows.append([cost.option, "total", "", "", "", "", "", plain(cost.netPresentCost)])
        }
        return Table(id: reading.id, title: reading.title,
                     columns: [.init("Option ID"), .init("Year", .right), .init("Costs", .right), .init("Optimism bias", .right),
                               .init("Savings", .right), .init("Net", .right), .init("Discount factor", .right), .init("Present value", .right)],
                     rows: rows, notes: reading.notes + ["Factors to 8 decimals, present values to the penny; both are exact in the computation."])
    }
}
