/// Checks the money in an appraisal makes sense: one currency, a discount rate that is a
/// rate, years inside the horizon, amounts on known options and measures, no negative costs.
/// Every problem is reported at its place in the file.
struct CostsValidator {
    let appraisal: Appraisal
    let sink: DiagnosticSink
    let optionIDs: Set<String>

    /// The longest horizon the tool discounts over: the Green Book's long-term rate table
    /// runs in bands to year 300.
    static let lastYear = 300

    func validate() {
        let costing = appraisal.costing ?? Costing()
        checkCosting(costing)
        let measureIDs = checkMeasures(currency: costing.effectiveCurrency)
        checkAmounts(costing: costing, measureIDs: measureIDs)
    }

    private func checkCosting(_ costing: Costing) {
        guard appraisal.costing != nil else { return }
        if let currency = costing.currency, !Self.isCurrencyCode(currency) {
            sink.report(code: "invalid-currency", message: "\"\(currency)\" is not a currency code; write its three capital letters, e.g. GBP or EUR",
                        location: "costing.currency")
        }
        for (key, label) in [("priceBase", costing.priceBase), ("firstYear", costing.firstYear)] {
            if let label, FinancialYear.start(of: label) == nil {
                sink.report(code: "invalid-year", message: "\"\(label)\" is not a year; write a financial year such as \"2017/18\" or a year such as \"2017\"",
                            location: "costing.\(key)")
            }
        }
        if let rate = costing.discountRate, rate < .zero || rate > Rational(100) {
            sink.report(code: "out-of-range", message: "a discount rate of \(rate.decimalText())% is not a rate; give a percentage from 0 to 100 (the Green Book's is 3.5)",
                        location: "costing.discountRate")
        }
        if let reference = costing.reference, !optionIDs.contains(reference) {
            sink.report(code: "unknown-id", message: "the reference option \"\(reference)\" is not in \"options\"\(known(optionIDs))", location: "costing.reference")
        }
        if let budget = costing.affordability {
            if let id = budget.measure {
                if let measure = appraisal.measure(id) {
                    if measure.kind != .cost {
                        sink.report(code: "wrong-kind", message: "the budget limits \"\(id)\", a \(measure.kind.rawValue) line; name a cost line, or leave \"measure\" out to limit the net present cost",
                                    location: "costing.affordability.measure")
                    }
                } else {
                    sink.report(code: "unknown-id", message: "the budget names measure \"\(id)\", which is not in \"measures\"\(known(Set(appraisal.measures.map(\.id))))",
                                location: "costing.affordability.measure")
                }
            }
            if budget.limit < .zero {
                sink.report(code: "negative-amount", message: "a budget limit cannot be negative; write the limit as a positive amount", location: "costing.affordability.limit")
            }
        }
    }

    private func checkMeasures(currency: String) -> Set<String> {
        var seen: [String: Int] = [:]
        for (index, measure) in appraisal.measures.enumerated() {
            let path = "measures[\(index)]"
            if !Identifier.isValid(measure.id) {
                sink.report(code: "invalid-id", message: "\"\(measure.id)\" is not a kebab-case id; use e.g. \"\(Identifier.suggestion(for: measure.id))\"", location: "\(path).id")
            }
            if let first = seen[measure.id] {
                sink.report(code: "duplicate-id", message: "measure id \"\(measure.id)\" is already used by measures[\(first)]; give each measure its own id", location: "\(path).id")
            } else {
                seen[measure.id] = index
            }
            if measure.kind.isMoney, measure.unit != currency, Self.isCurrencyCode(currency) {
                sink.report(code: "mixed-currency", message: "\"\(measure.name)\" is in \(measure.unit) but the appraisal counts money in \(currency); convert it to \(currency) and write \"unit\": \"\(currency)\"",
                            location: "\(path).unit")
            }
            if let bias = measure.optimismBias {
                if measure.kind != .cost {
                    sink.report(code: "wrong-kind", message: "optimism bias is an uplift on costs; remove it from this \(measure.kind.rawValue) line", location: "\(path).optimismBias")
                } else if bias.percent < .zero || bias.percent > Rational(1000) {
                    sink.report(code: "out-of-range", message: "an optimism bias of \(bias.percent.decimalText())% is outside 0 to 1000; give the uplift in percent (e.g. 24)",
                                location: "\(path).optimismBias.percent")
                }
            }
        }
        return Set(seen.keys)
    }

    private func checkAmounts(costing: Costing, measureIDs: Set<String>) {
        var seen: [String: Int] = [:]
        for (index, amount) in appraisal.amounts.enumerated() {
            let path = "amounts[\(index)]"
            if !optionIDs.contains(amount.option) {
                sink.report(code: "unknown-id", message: "amount for option \"\(amount.option)\", which is not in \"options\"\(known(optionIDs))", location: "\(path).option")
            }
            let measure = appraisal.measure(amount.measure)
            if measure == nil {
                sink.report(code: "unknown-id", message: "amount of measure \"\(amount.measure)\", which is not in \"measures\"\(known(measureIDs))", location: "\(path).measure")
            }
            if let measure, measure.kind.isMoney, let bounds = amount.value.bounds, bounds.low < .zero {
                let what = measure.kind == .cost ? "a saving belongs on a saving line" : "a cost belongs on a cost line"
                sink.report(code: "negative-amount", message: "\"\(measure.name)\" cannot be negative (\(bounds.low.decimalText())); \(what), as a positive amount",
                            location: "\(path).\(amount.value.isRange ? "low" : "value")")
            }
            guard let offset = costing.offset(of: amount.year) else {
                if let first = costing.firstYear, FinancialYear.start(of: first) == nil { continue }
                sink.report(code: "missing-field", message: "the year \"\(amount.year?.text ?? "")\" needs \"costing.firstYear\" to count from; add it, or give the year as an offset (0, 1, …)",
                            location: "\(path).year")
                continue
            }
            if offset < 0 || offset > Self.lastYear {
                let first = costing.firstYear.map { " (year 0 is \($0))" } ?? ""
                sink.report(code: "year-out-of-range", message: "year \(amount.year?.text ?? "0") is outside the horizon of years 0 to \(Self.lastYear)\(first); correct the year",
                            location: "\(path).year")
                continue
            }
            let key = amount.option + "\u{0}" + amount.measure + "\u{0}\(offset)"
            if let first = seen[key] {
                sink.report(code: "duplicate-amount", message: "option \"\(amount.option)\" already has \"\(amount.measure)\" in year \(offset) at amounts[\(first)]; keep one amount per year",
                            location: path)
            } else {
                seen[key] = index
            }
        }
        if sink.diagnostics.errors.isEmpty { checkMissing() }
    }

    /// A short-listed option with no amount at all on a money line that others have: its cost
    /// is not known, which is worth saying before anyone reads a value-for-money table. Options
    /// set aside are never costed, so they are not asked for amounts.
    private func checkMissing() {
        let filed = Set(appraisal.amounts.map { $0.option + "\u{0}" + $0.measure })
        let appraised = appraisal.scoredOptions
        for (index, measure) in appraisal.measures.enumerated() where measure.kind.isMoney {
            let missing = appraised.filter { !filed.contains($0.id + "\u{0}" + measure.id) }.map(\.id)
            guard !missing.isEmpty, missing.count < appraised.count else { continue }
            sink.report(code: "missing-amount", severity: .warning,
                        message: "\"\(measure.name)\" has no amount for \(missing.joined(separator: ", ")); add one (0 if none, or \"unknown\": \"TBC\") so its whole-life cost is known",
                        location: "measures[\(index)]")
        }
    }

    static func isCurrencyCode(_ text: String) -> Bool {
        text.range(of: "^[A-Z]{3}$", options: .regularExpression) != nil
    }

    private func known(_ ids: Set<String>) -> String {
        ids.isEmpty ? "" : " (known: \(ids.sorted().joined(separator: ", ")))"
    }
}

extension AmountValue {
    var isRange: Bool {
        if case .range = self { return true }
        return false
    }
}
