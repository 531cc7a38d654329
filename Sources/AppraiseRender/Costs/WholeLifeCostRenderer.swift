import AppraiseKit

/// The money as entered (costs by year) and the whole-life cost working (each year's cash flow,
/// discount factor and present value), so every net present cost can be checked by hand.
public enum WholeLifeCostRenderer {
    static func yearLabel(_ year: Int, costing: Costing) -> String {
        costing.firstYear.flatMap { FinancialYear.label($0, plus: year) }.map { "\(year) (\($0))" } ?? String(year)
    }

    /// Money with its symbol; a quantity with its unit unless the column names it.
    static func amountText(_ value: AmountValue, measure: Measure?, currency: String, unit: Bool = true) -> String {
        let format = { (number: Rational) -> String in
            guard let measure, !measure.kind.isMoney else { return MoneyText.text(number, currency: currency, places: number.isInteger ? 0 : 2) }
            return MoneyText.grouped(number.decimalText(maximumPlaces: 6)) + (unit ? " " + measure.unit : "")
        }
        switch value {
        case .exact(let number): return format(number)
        case .range(let low, let high): return format(low) + "–" + format(high)
        case .unknown(let text): return "not known (\(text))"
        }
    }

    public static func costsByYear(_ appraisal: Appraisal) -> Table {
        let costing = appraisal.costing ?? Costing()
        let currency = costing.effectiveCurrency
        let rows = appraisal.amounts.map { amount -> [String] in
            let measure = appraisal.measure(amount.measure)
            let year = costing.offset(of: amount.year).map { yearLabel($0, costing: costing) } ?? (amount.year?.text ?? "0")
            return [appraisal.option(amount.option)?.label ?? amount.option, measure?.name ?? amount.measure, measure?.kind.rawValue ?? "",
                    year, amountText(amount.value, measure: measure, currency: currency),
                    measure?.optimismBias.map { $0.percent.decimalText(maximumPlaces: 6) + "%" } ?? "", amount.source ?? ""]
        }
        var notes = ["Amounts as entered, in \(currency)" + (costing.priceBase.map { " at \($0) prices" } ?? "") + "; a range is low–high."]
        for measure in appraisal.measures {
            if let bias = measure.optimismBias { notes.append("Optimism bias on \(measure.name): \(bias.percent.decimalText(maximumPlaces: 6))% (\(bias.source)).") }
        }
        return Table(id: "costs-by-year", title: "Costs, savings and quantities by year",
                     columns: [.init("Option"), .init("Measure"), .init("Kind"), .init("Year"), .init("Amount", .right),
                               .init("Optimism bias", .right), .init("Source")],
                     rows: rows, notes: notes)
    }

    public static func working(_ costing: WholeLifeCosting, appraisal: Appraisal) -> Table {
        let currency = costing.costing.effectiveCurrency
        let money = { (value: Rational) in MoneyText.text(value, currency: currency, places: 2) }
        var rows: [[String]] = []
        let measureName = { (id: String) in (appraisal.measure(id)?.name ?? id).lowercasedFirst }
        for cost in costing.costs {
            let label = appraisal.option(cost.option)?.label ?? cost.option
            for year in cost.years where !year.isEmpty {
                rows.append([label, yearLabel(year.year, costing: costing.costing), money(year.costs), money(year.uplift), money(year.savings),
                             money(year.net), year.factor.formatted(places: 4), MoneyText.text(year.presentValue, currency: currency, places: 2)])
            }
            let total = cost.netPresentCost.map { MoneyText.text($0, currency: currency, places: 2) }
                ?? "not known (" + (cost.unknown.map { "\(measureName($0.measure)) \(amountText($0.value, measure: nil, currency: currency))" }
                    + cost.missing.map { "no \(measureName($0))" }).joined(separator: ", ") + ")"
            rows.append([label, "net present cost", "", "", "", "", "", total])
        }
        let rate = costing.costing.effectiveDiscountRate.decimalText(maximumPlaces: 6)
        var notes = ["Each year: costs + optimism bias − savings = net; present value = net × discount factor, 1/(1 + \(rate)%)^year. Ranges enter at their midpoint. Factors are shown to 4 decimals but used exactly."]
        if costing.schedule.changesRate(within: costing.factors.horizon) {
            notes.append("Past year 30 the Green Book's long-term rates apply: 3% from year 31, 2.5% from 76, 2% from 126, 1.5% from 201.")
        }
        return Table(id: "npc-working", title: "Whole-life cost working",
                     columns: [.init("Option"), .init("Year"), .init("Costs", .right), .init("Optimism bias", .right), .init("Savings", .right),
                               .init("Net", .right), .init("Discount factor", .right), .init("Present value", .right)],
                     rows: rows, notes: notes)
    }

    /// A value to `places` decimals, its exact fraction written beside it in the output.
    static func exact(_ value: BigRational, places: Int) -> JSONValue {
        .number(Rational(value.numerator, value.denominator), maximumPlaces: places)
    }

    /// The whole result as one JSON document. Money is given to the penny (rounded only here).
    public static func json(_ vfm: ValueForMoney, appraisal: Appraisal, fingerprint: String, findings: [String]) -> JSONValue {
        let money = { (value: BigRational) in exact(value, places: 2) }
        let optional = { (value: BigRational?) in value.map(money) ?? .null }
        let costing = vfm.costing.costing
        let options = ValueForMoneyRenderer.costOrder(vfm).map { row -> JSONValue in
            var status: [String: JSONValue] = [:]
            switch row.status {
            case .efficient?: status["status"] = .string("frontier")
            case .dominated(let by)?:
                status["status"] = .string("dominated")
                status["dominatedBy"] = .string(vfm.rows[by].option)
            case .extendedlyDominated(let low, let high)?:
                status["status"] = .string("extended-dominance")
                status["between"] = .array([.string(vfm.rows[low].option), .string(vfm.rows[high].option)])
            case nil: status["status"] = .string("cost-not-known")
            }
            let increment = { (step: ValueForMoney.Increment?) -> JSONValue in
                guard let step else { return .null }
                return .object(["from": .string(step.from), "cost": money(step.cost), "points": .number(step.benefit),
                                "costPerExtraPoint": optional(step.costPerExtraPoint)])
            }
            return .object(status.merging([
                "option": .string(row.option),
                "name": .string(appraisal.option(row.option)?.name ?? row.option),
                "points": .number(row.benefit),
                "netPresentCost": optional(row.cost.netPresentCost),
                "lowest": optional(row.cost.lowest),
                "highest": optional(row.cost.highest),
                "costPerPoint": optional(row.costPerPoint),
                "place": row.place.map { .number($0) } ?? .null,
                "step": increment(row.step),
                "againstReference": increment(row.againstReference),
                "affordable": row.affordable.map(JSONValue.bool) ?? .null,
                "unknown": .array(row.cost.unknown.map { .string($0.measure) } + row.cost.missing.map { .string($0) }),
            ]) { first, _ in first })
        }
        let costSwitches = vfm.switching.costs.map { change -> JSONValue in
            .object(["option": .string(change.option), "onFrontier": .bool(change.onFrontier), "change": optional(change.change),
                     "percent": change.percent.map { exact($0, places: 2) } ?? .null])
        }
        let weightSwitches = vfm.switching.weights.map { weight -> JSONValue in
            let event = { (event: SwitchingValues.WeightEvent?) -> JSONValue in
                guard let event else { return .null }
                return .object(["weight": exact(event.weight, places: 6), "joining": .array(event.joining.map(JSONValue.string)),
                                "leaving": .array(event.leaving.map(JSONValue.string))])
            }
            return .object(["criterion": .string(weight.criterion), "weight": .number(weight.current), "up": event(weight.up), "down": event(weight.down),
                            "orderUp": event(weight.orderUp), "orderDown": event(weight.orderDown)])
        }
        return .object([
            "appraisal": .string(appraisal.id),
            "fingerprint": .string(fingerprint),
            "weightSet": .string(vfm.weights.id),
            "currency": .string(costing.effectiveCurrency),
            "priceBase": costing.priceBase.map(JSONValue.string) ?? .null,
            "firstYear": costing.firstYear.map(JSONValue.string) ?? .null,
            "discountRate": .number(costing.effectiveDiscountRate),
            "horizon": .number(vfm.costing.factors.horizon),
            "reference": vfm.reference.map(JSONValue.string) ?? .null,
            "maximum": .number(vfm.maximum),
            "options": .array(options),
            "frontier": .array(vfm.frontier.map(JSONValue.string)),
            "costSwitchingValues": .array(costSwitches),
            "weightSwitchingValues": .array(weightSwitches),
            "findings": .array(findings.map(JSONValue.string)),
        ])
    }
}
