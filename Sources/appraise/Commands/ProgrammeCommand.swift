import Foundation
import AppraiseKit
import AppraiseRender

enum ProgrammeCommand {
    static let spec = CommandSpec(
        name: "programme",
        abstract: "The best set of proposals within the budgets: what it costs and achieves, and how sure the choice is.",
        discussion: """
        For an appraisal whose options are proposals ("decision": "choose-set"): finds exactly the
        set with the most benefit (the sum of its proposals' weighted totals) that keeps within
        every budget, reaches every target and respects every dependency, exclusion, commitment
        and ruling-out; its runners-up; the slack on each constraint, or which constraint cannot
        be met and by how much; what could not be costed and how the answer moves across ranges
        and unknowns; the budget frontier; and how often each proposal is in the best programme
        under random weightings, with the core, borderline and exterior proposals of Robust
        Portfolio Modelling and the effect of moving every budget by ±10% and ±25%.
        --budget and --target replace every constraint the file puts on that measure (a total
        and any yearly budgets alike); several --budget options on one measure add up, e.g. one
        per year.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "budget", value: "MEASURE[@YEAR]=AMOUNT", help: "A budget on a cost measure's total, e.g. capital=740000, or on one year, e.g. capital@2018/19=166667 or capital@1=166667.", repeatable: true),
            .init(name: "target", value: "MEASURE>=N", help: "A target on a quantity, e.g. places>=125.", repeatable: true),
            .init(name: "weights", value: "SET", help: "The weighting the benefits come from.", defaultValue: "default"),
            .init(name: "samples", value: "N", help: "Random weightings for the robustness shares.", defaultValue: "10000"),
            .init(name: "seed", value: "S", help: "Seed of the random weightings.", defaultValue: "1"),
            OutputFormat.option(),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let input = try LoadedAppraisal.load(path, console: console)
        let appraisal = input.appraisal
        guard appraisal.isProgramme else {
            throw InputError(message: "\(path): the options are rivals, one of which is chosen; to choose a set of proposals add \"decision\": \"choose-set\" (and a \"programme\" with budgets or targets)")
        }
        let selection = try input.selection(arguments.value("weights", spec: spec))
        var budgets = appraisal.programme?.budgets ?? []
        let costing = appraisal.costing ?? Costing()
        var replaced: Set<String> = []
        for text in arguments.all("budget") {
            let (named, amount) = try split(text, on: "=", option: "budget", example: "capital=740000")
            let (measure, year) = try budgetYear(named, appraisal: appraisal)
            try check(measure, option: "budget", in: appraisal, kinds: [.cost])
            // The first --budget on a measure replaces every budget the file puts on it (total
            // and yearly); later ones on the same measure add years, the same year replaced.
            if replaced.insert(measure).inserted {
                budgets.removeAll { $0.measure == measure }
            } else {
                let offset = year.flatMap { costing.offset(of: $0) }
                budgets.removeAll { $0.measure == measure && $0.year.flatMap { costing.offset(of: $0) } == offset }
            }
            budgets.append(ProgrammeSettings.Budget(measure: measure, limit: amount, year: year))
        }
        var targets = appraisal.programme?.targets ?? []
        for text in arguments.all("target") {
            let (measure, amount) = try split(text, on: ">=", option: "target", example: "places>=125")
            try check(measure, option: "target", in: appraisal, kinds: [.quantity, .saving])
            targets.removeAll { $0.measure == measure }
            targets.append(ProgrammeSettings.Target(measure: measure, atLeast: amount))
        }
        let samples = try arguments.integer("samples", spec: spec, in: 1...10_000_000)!
        let seed = try SMAACommand.seed(arguments.value("seed", spec: spec)!)
        guard let problem = ProgrammeProblem(appraisal: appraisal, weights: selection.weights, budgets: budgets, targets: targets) else {
            throw InputError(message: "\(path): every proposal needs a score on every criterion before a programme can be chosen")
        }
        let report: ProgrammeReport
        do {
            report = try ProgrammeReport(problem: problem, matrix: input.matrix, importance: appraisal.importance,
                                         weightsName: selection.name, samples: samples, seed: seed)
        } catch {
            throw InputError(message: "\(path): \(error)")
        }
        console.out(OutputFormat.from(arguments, spec: spec).render(findings: report.statements, tables: ProgrammeRenderer.tables(report),
                                                                    json: ProgrammeRenderer.json(report)))
        return .success
    }

    /// "capital=740000" → ("capital", 740000); amounts may carry "£" and thousands commas.
    static func split(_ text: String, on separator: String, option: String, example: String) throws(UsageError) -> (String, Rational) {
        guard let range = text.range(of: separator) else {
            throw UsageError(message: "--\(option) needs MEASURE\(separator)AMOUNT, e.g. \(example), not '\(text)'")
        }
        let measure = String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
        let number = text[range.upperBound...].replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
            .trimmingCharacters(in: .whitespaces)
        guard let amount = Rational(decimal: number), !amount.isNegative else {
            throw UsageError(message: "--\(option): '\(text[range.upperBound...])' is not an amount; write a number of at least 0, e.g. \(example)")
        }
        return (measure, amount)
    }

    /// "capital@2018/19" → ("capital", the year); a year is an offset (0, 1, …) or a label the
    /// costing's first year can place.
    static func budgetYear(_ text: String, appraisal: Appraisal) throws(UsageError) -> (String, AmountYear?) {
        guard let at = text.firstIndex(of: "@") else { return (text, nil) }
        let measure = String(text[..<at]), label = String(text[text.index(after: at)...])
        let year: AmountYear
        if let offset = Int(label), offset >= 0 {
            year = .offset(offset)
        } else if FinancialYear.start(of: label) != nil, (appraisal.costing ?? Costing()).offset(of: .label(label)).map({ $0 >= 0 }) == true {
            year = .label(label)
        } else {
            throw UsageError(message: "--budget: '\(label)' is not a year of this appraisal; give an offset (0 is the first year) or a financial year from \"costing.firstYear\" on, e.g. capital@2018/19=166667")
        }
        return (measure, year)
    }

    static func check(_ measure: String, option: String, in appraisal: Appraisal, kinds: [MeasureKind]) throws(UsageError) {
        let fitting = appraisal.measures.filter { kinds.contains($0.kind) }.map(\.id)
        guard let found = appraisal.measure(measure), kinds.contains(found.kind) else {
            let what = kinds == [.cost] ? "cost measure" : "quantity or saving measure"
            throw UsageError(message: "--\(option): '\(measure)' is not a \(what) of this appraisal; \(fitting.isEmpty ? "it has none" : "it has: " + fitting.joined(separator: ", "))")
        }
    }
}
