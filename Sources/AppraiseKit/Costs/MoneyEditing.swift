/// A change to the money of an appraisal, made through the editing commands and journalled
/// like any other edit.
public enum MoneyEdit: Sendable {
    case addMeasure(Measure)
    case editMeasure(id: String, MeasureChanges)
    case removeMeasure(id: String)
    /// Sets one option's amount of one measure in one year (replacing any amount there).
    case setAmount(Amount)
    case removeAmount(option: String, measure: String, year: AmountYear?)
    case setCosting(CostingChanges)
}

/// The parts of a measure to change; nil leaves a part as it is, an empty text removes an
/// optional one.
public struct MeasureChanges: Sendable, Equatable {
    public var name: String?
    public var unit: String?
    public var kind: MeasureKind?
    public var description: String?
    /// Percent uplift; with `biasSource`. A zero percent removes the uplift.
    public var optimismBias: Rational?
    public var biasSource: String?

    public init(name: String? = nil, unit: String? = nil, kind: MeasureKind? = nil, description: String? = nil,
                optimismBias: Rational? = nil, biasSource: String? = nil) {
        self.name = name
        self.unit = unit
        self.kind = kind
        self.description = description
        self.optimismBias = optimismBias
        self.biasSource = biasSource
    }
}

/// The parts of the costing basis to change; nil leaves a part as it is, an empty text
/// removes it.
public struct CostingChanges: Sendable, Equatable {
    public var currency: String?
    public var priceBase: String?
    public var firstYear: String?
    public var discountRate: Rational?
    public var reference: String?
    /// The budget limit; with `budgetLine`, the cost line it caps (empty: the net present cost).
    public var budget: Rational?
    public var budgetLine: String?

    public init(currency: String? = nil, priceBase: String? = nil, firstYear: String? = nil, discountRate: Rational? = nil,
                reference: String? = nil, budget: Rational? = nil, budgetLine: String? = nil) {
        self.currency = currency
        self.priceBase = priceBase
        self.firstYear = firstYear
        self.discountRate = discountRate
        self.reference = reference
        self.budget = budget
        self.budgetLine = budgetLine
    }
}

/// Applies money edits to a draft appraisal; the editor then reads the result back through
/// the validator, so a bad amount or an unknown year never reaches the file.
enum MoneyEditor {
    /// Returns why a reason is needed, when one is.
    static func change(_ draft: inout Appraisal, by edit: MoneyEdit) throws(EditError) -> String? {
        switch edit {
        case .addMeasure(let measure):
            guard Identifier.isValid(measure.id) else {
                throw EditError("\"\(measure.id)\" is not a kebab-case id; use e.g. \"\(Identifier.suggestion(for: measure.id))\"")
            }
            guard draft.measure(measure.id) == nil else { throw EditError("measure \"\(measure.id)\" already exists; change it with 'appraise measure edit'") }
            draft.measures.append(measure)
            return nil
        case .editMeasure(let id, let changes):
            let index = try measureIndex(id, in: draft)
            var measure = draft.measures[index]
            if let name = changes.name { measure.name = name }
            if let unit = changes.unit { measure.unit = unit }
            if let kind = changes.kind { measure.kind = kind }
            if let description = changes.description { measure.description = description.isEmpty ? nil : description }
            if let percent = changes.optimismBias {
                if percent.isZero {
                    measure.optimismBias = nil
                } else {
                    guard let source = changes.biasSource ?? measure.optimismBias?.source else {
                        throw EditError("an optimism bias needs its source; say where the percentage comes from with --bias-source TEXT")
                    }
                    measure.optimismBias = OptimismBias(percent: percent, source: source)
                }
            } else if let source = changes.biasSource {
                guard let bias = measure.optimismBias else { throw EditError("measure \"\(id)\" has no optimism bias; give --optimism-bias PERCENT with the source") }
                measure.optimismBias = OptimismBias(percent: bias.percent, source: source)
            }
            let changesMoney = measure.kind != draft.measures[index].kind || measure.optimismBias != draft.measures[index].optimismBias
            let filed = draft.amounts.contains { $0.measure == id }
            draft.measures[index] = measure
            return changesMoney && filed ? "measure \"\(id)\" already has amounts whose whole-life cost this changes" : nil
        case .removeMeasure(let id):
            let index = try measureIndex(id, in: draft)
            let count = draft.amounts.filter { $0.measure == id }.count
            draft.measures.remove(at: index)
            draft.amounts.removeAll { $0.measure == id }
            if draft.costing?.affordability?.measure == id { draft.costing?.affordability = nil }
            return count > 0 ? "removing measure \"\(id)\" deletes its \(count) amount\(count == 1 ? "" : "s")" : nil
        case .setAmount(let amount):
            guard draft.option(amount.option) != nil else {
                throw EditError("no option \"\(amount.option)\"; known: \(draft.options.map(\.id).joined(separator: ", "))")
            }
            _ = try measureIndex(amount.measure, in: draft)
            let costing = draft.costing ?? Costing()
            let year = costing.offset(of: amount.year)
            if let index = draft.amounts.firstIndex(where: { $0.option == amount.option && $0.measure == amount.measure && costing.offset(of: $0.year) == year }) {
                let old = draft.amounts[index]
                var replacement = amount
                if replacement.source == nil { replacement.source = old.source }
                draft.amounts[index] = replacement
                return old.value != amount.value ? "\(amount.option) already has \(amount.measure) in year \(amount.year?.text ?? "0")" : nil
            }
            draft.amounts.append(amount)
            return nil
        case .removeAmount(let option, let measure, let year):
            let costing = draft.costing ?? Costing()
            guard let index = draft.amounts.firstIndex(where: { $0.option == option && $0.measure == measure && costing.offset(of: $0.year) == costing.offset(of: year) }) else {
                throw EditError("\(option) has no \(measure) in year \(year?.text ?? "0")")
            }
            draft.amounts.remove(at: index)
            return "removing \(option)'s \(measure) in year \(year?.text ?? "0") deletes an amount"
        case .setCosting(let changes):
            return try setCosting(changes, in: &draft)
        }
    }

    private static func setCosting(_ changes: CostingChanges, in draft: inout Appraisal) throws(EditError) -> String? {
        let old = draft.costing
        var costing = old ?? Costing()
        let text = { (value: String) -> String? in value.isEmpty ? nil : value }
        if let currency = changes.currency { costing.currency = text(currency) }
        if let priceBase = changes.priceBase { costing.priceBase = text(priceBase) }
        if let firstYear = changes.firstYear { costing.firstYear = text(firstYear) }
        if let rate = changes.discountRate { costing.discountRate = rate }
        if let reference = changes.reference { costing.reference = text(reference) }
        if let budget = changes.budget {
            costing.affordability = Affordability(measure: changes.budgetLine.flatMap(text) ?? costing.affordability?.measure, limit: budget)
        } else if let line = changes.budgetLine {
            guard let budget = costing.affordability else { throw EditError("there is no budget yet; give --budget AMOUNT with --budget-line") }
            costing.affordability = Affordability(measure: text(line), limit: budget.limit)
        }
        draft.costing = costing
        // Changing the basis of figures already computed, not setting it for the first time.
        let changed = old != nil && (old?.discountRate != costing.discountRate || old?.currency != costing.currency
            || old?.firstYear != costing.firstYear || old?.affordability != costing.affordability)
        return changed && !draft.amounts.isEmpty ? "the costing basis of amounts already entered changes" : nil
    }

    /// Deletes an option's amounts (and its place as the reference); returns how many went.
    static func removeOption(_ id: String, from draft: inout Appraisal) -> Int {
        let count = draft.amounts.filter { $0.option == id }.count
        draft.amounts.removeAll { $0.option == id }
        if draft.costing?.reference == id { draft.costing?.reference = nil }
        return count
    }

    private static func measureIndex(_ id: String, in appraisal: Appraisal) throws(EditError) -> Int {
        guard let index = appraisal.measures.firstIndex(where: { $0.id == id }) else {
            let known = appraisal.measures.map(\.id)
            throw EditError("no measure \"\(id)\"" + (known.isEmpty ? "; add one with 'appraise measure add'" : "; known: \(known.joined(separator: ", "))"))
        }
        return index
    }
}
