/// Writing the money keys, in the order the README describes them; an appraisal without
/// money gets none of them, so its file is unchanged.
extension AppraisalEncoding {
    static func addMoney(_ appraisal: Appraisal, to members: inout Members) {
        if let costing = appraisal.costing { members.add("costing", self.costing(costing)) }
        members.optional("measures", appraisal.measures.map(measure))
        members.optional("amounts", appraisal.amounts.map(amount))
    }

    private static func costing(_ costing: Costing) -> Node {
        var members = Members()
        members.optional("currency", costing.currency)
        members.optional("priceBase", costing.priceBase)
        members.optional("firstYear", costing.firstYear)
        members.optional("discountRate", costing.discountRate)
        members.optional("reference", costing.reference)
        if let budget = costing.affordability {
            var limit = Members()
            limit.optional("measure", budget.measure)
            limit.add("limit", budget.limit)
            members.add("affordability", limit.node)
        }
        return members.node
    }

    private static func measure(_ measure: Measure) -> Node {
        var members = Members()
        members.add("id", measure.id)
        members.add("name", measure.name)
        members.add("unit", measure.unit)
        members.add("kind", measure.kind.rawValue)
        members.optional("description", measure.description)
        if let bias = measure.optimismBias {
            members.add("optimismBias", .object([("percent", .leaf(.number(bias.percent))), ("source", .leaf(.string(bias.source)))]))
        }
        return members.node
    }

    private static func amount(_ amount: Amount) -> Node {
        var members = Members()
        members.add("option", amount.option)
        members.add("measure", amount.measure)
        switch amount.year {
        case .offset(let year)?: members.add("year", .leaf(.number(year)))
        case .label(let label)?: members.add("year", label)
        case nil: break
        }
        switch amount.value {
        case .exact(let value): members.add("value", value)
        case .range(let low, let high):
            members.add("low", low)
            members.add("high", high)
        case .unknown(let text): members.add("unknown", text)
        }
        members.optional("source", amount.source)
        return members.node
    }
}
