/// The programme question of an appraisal: its options as proposals, each worth its weighted
/// total, with the amounts of every measure by year and the file's constraints (or others
/// given in their place, for what-ifs from the command line).
extension ProgrammeProblem {
    /// What the statements say of a proposal the file gives no amount for.
    public static let noAmountText = "no amount given"

    /// Returns nil when the appraisal is not finished (a cell without a score).
    public init?(appraisal: Appraisal, weights: Weights, budgets: [ProgrammeSettings.Budget]? = nil,
                 targets: [ProgrammeSettings.Target]? = nil) {
        guard let matrix = DecisionMatrix(appraisal) else { return nil }
        let costing = appraisal.costing ?? Costing()
        let totals = AppraiseKit.totals(of: matrix, weights: weights)
        var amounts: [String: [String: [Int?: ProgrammeFigure]]] = [:]
        var lastYear = 0
        for amount in appraisal.amounts {
            let year = costing.offset(of: amount.year) ?? 0
            lastYear = max(lastYear, year)
            let figure: ProgrammeFigure
            switch amount.value {
            case .exact(let value): figure = .exact(value)
            case .range(let low, let high): figure = .range(low: low, high: high)
            case .unknown(let text): figure = .unknown(text)
            }
            amounts[amount.option, default: [:]][amount.measure, default: [:]][year] = figure
        }
        let settings = appraisal.programme ?? ProgrammeSettings()
        let chosenBudgets = budgets ?? settings.budgets
        let chosenTargets = targets ?? settings.targets
        for budget in chosenBudgets { lastYear = max(lastYear, costing.offset(of: budget.year) ?? 0) }
        // A proposal with no amount at all on a constrained measure is not known, never zero:
        // in every year, so a budget on one year cannot read it as spending nothing there.
        for measure in Set(chosenBudgets.map(\.measure) + chosenTargets.map(\.measure)) {
            for option in appraisal.options where amounts[option.id]?[measure] == nil {
                let years = Set([0] + chosenBudgets.filter { $0.measure == measure }.map { costing.offset(of: $0.year) ?? 0 })
                amounts[option.id, default: [:]][measure] = Dictionary(uniqueKeysWithValues: years.map { ($0, ProgrammeFigure.unknown(ProgrammeProblem.noAmountText)) })
            }
        }
        let yearNames = (0...lastYear).map { offset in
            costing.firstYear.flatMap { FinancialYear.label($0, plus: offset) } ?? "year \(offset)"
        }
        self.init(
            proposals: appraisal.options.enumerated().map { index, option in
                ProgrammeProposal(id: option.id, name: option.shortName ?? option.name, benefit: totals[index].total, amounts: amounts[option.id] ?? [:])
            },
            measures: appraisal.measures.map { ProgrammeMeasure(id: $0.id, name: $0.name, unit: $0.unit, isMoney: $0.kind.isMoney) },
            budgets: chosenBudgets.map { ProgrammeBudget(measure: $0.measure, limit: $0.limit, year: $0.year.flatMap { costing.offset(of: $0) }) },
            targets: chosenTargets.map { ProgrammeTarget(measure: $0.measure, atLeast: $0.atLeast) },
            dependencies: settings.dependencies, exclusions: settings.exclusions,
            committed: settings.committed, ruledOut: settings.ruledOut, yearNames: yearNames)
    }
}
