/// Reading the money keys of an appraisal file (`costing`, `measures`, `amounts`). Money needs
/// a wider range than scores (a capital cost of £12m), so amounts are read with their own bound.
extension AppraisalDecoder {
    func decodeCosting(_ node: JSONNode, path: String) -> Costing? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let currency = reader.string("currency", required: false)
        let priceBase = reader.string("priceBase", required: false)
        let firstYear = reader.string("firstYear", required: false)
        let discountRate = reader.rational("discountRate", required: false)
        let reference = reader.string("reference", required: false)
        var affordability: Affordability?
        if let node = reader.node("affordability", required: false),
           let budget = JSONObjectReader(node, path: reader.child("affordability"), sink: sink) {
            let measure = budget.string("measure", required: false)
            let limit = budget.node("limit", required: true).flatMap { amount($0, path: budget.child("limit")) }
            budget.rejectUnknownKeys()
            if let limit { affordability = Affordability(measure: measure, limit: limit) }
        }
        reader.rejectUnknownKeys()
        return Costing(currency: currency, priceBase: priceBase, firstYear: firstYear, discountRate: discountRate,
                       reference: reference, affordability: affordability)
    }

    func decodeMeasure(_ node: JSONNode, _ path: String) -> Measure? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let id = reader.string("id")
        let name = reader.string("name")
        let unit = reader.string("unit")
        let kindText = reader.string("kind")
        let description = reader.string("description", required: false)
        var bias: OptimismBias?
        if let node = reader.node("optimismBias", required: false),
           let uplift = JSONObjectReader(node, path: reader.child("optimismBias"), sink: sink) {
            let percent = uplift.rational("percent")
            let source = uplift.string("source")
            uplift.rejectUnknownKeys()
            if let percent, let source { bias = OptimismBias(percent: percent, source: source) }
        }
        reader.rejectUnknownKeys()
        var kind: MeasureKind?
        if let kindText {
            kind = MeasureKind(rawValue: kindText)
            if kind == nil {
                let allowed = MeasureKind.allCases.map(\.rawValue).joined(separator: ", ")
                sink.report(code: "unknown-choice", message: "\"\(kindText)\" is not a kind of measure; use one of \(allowed)", location: reader.child("kind"))
            }
        }
        guard let id, let name, let unit, let kind else { return nil }
        return Measure(id: id, name: name, unit: unit, kind: kind, description: description, optimismBias: bias)
    }

    func decodeAmount(_ node: JSONNode, _ path: String) -> Amount? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let option = reader.string("option")
        let measure = reader.string("measure")
        var year: AmountYear?
        var yearReadable = true
        if let node = reader.node("year", required: false) {
            switch node.kind {
            case .string(let label):
                if FinancialYear.start(of: label) != nil {
                    year = .label(label)
                } else {
                    yearReadable = false
                    sink.report(code: "invalid-year", message: "\"\(label)\" is not a year; write a financial year such as \"2018/19\" or a year offset such as 1",
                                location: reader.child("year"))
                }
            default:
                if let offset = JSONObjectReader.integer(node, path: reader.child("year"), sink: sink) { year = .offset(offset) } else { yearReadable = false }
            }
        }
        let value = reader.node("value", required: false).map { self.amount($0, path: reader.child("value")) }
        let low = reader.node("low", required: false).map { self.amount($0, path: reader.child("low")) }
        let high = reader.node("high", required: false).map { self.amount($0, path: reader.child("high")) }
        let unknown = reader.string("unknown", required: false)
        let source = reader.string("source", required: false)
        reader.rejectUnknownKeys()
        let given = [reader.has("value"), reader.has("low") || reader.has("high"), reader.has("unknown")].filter { $0 }.count
        guard given == 1 else {
            let message = given == 0
                ? "an amount needs \"value\", or \"low\" and \"high\", or \"unknown\" (the text the source printed, e.g. \"TBC\"); add one"
                : "an amount has exactly one of \"value\", \"low\"+\"high\" or \"unknown\"; keep one"
            sink.report(code: given == 0 ? "missing-amount" : "conflicting-amount", message: message, location: path)
            return nil
        }
        var amountValue: AmountValue?
        if let value {
            amountValue = value.map(AmountValue.exact)
        } else if reader.has("unknown") {
            amountValue = unknown.map(AmountValue.unknown)
        } else if low == nil || high == nil {
            sink.report(code: "missing-field", message: "a range needs both \"low\" and \"high\"; add the missing one",
                        location: reader.child(low == nil ? "low" : "high"), position: node.position)
        } else if let low = low ?? nil, let high = high ?? nil {
            if high < low {
                sink.report(code: "invalid-range", message: "the range's low (\(low.decimalText())) is above its high (\(high.decimalText())); swap them",
                            location: reader.child("low"))
            } else {
                amountValue = .range(low: low, high: high)
            }
        }
        guard let option, let measure, let amountValue, yearReadable else { return nil }
        return Amount(option: option, measure: measure, year: year, value: amountValue, source: source)
    }

    /// An exact amount with at most six decimal places and a magnitude within `NumberBounds.large`.
    func amount(_ node: JSONNode, path: String) -> Rational? {
        sink.record(path, node.position)
        guard case .number(let literal) = node.kind else {
            sink.report(code: "not-a-number", message: "expected a number but found \(JSONObjectReader.describe(node)); write it without quotes or currency signs (1200000, not \"£1.2m\")",
                        location: path, position: node.position)
            return nil
        }
        guard let value = Rational(decimal: literal), let places = value.terminatingDecimalPlaces, places <= 6 else {
            sink.report(code: "imprecise-number", message: "\(literal) has more than 6 decimal places; round it", location: path, position: node.position)
            return nil
        }
        guard value <= NumberBounds.large, value >= -NumberBounds.large else {
            sink.report(code: "out-of-range", message: "\(literal) is outside the range ±1,000,000,000,000 that the tool keeps exact; use a smaller unit", location: path, position: node.position)
            return nil
        }
        return value
    }
}
