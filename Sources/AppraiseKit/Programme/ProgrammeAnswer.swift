/// The programme's answer in one sentence, for the first line of a committee report: what to
/// fund, what it costs and achieves, and what cannot be reached.
extension ProgrammeReport {
    public var answer: String {
        guard let chosen = recommended else {
            return "No set of proposals can be funded: " + (best.infeasibility.first ?? "no programme meets every constraint") + "."
        }
        let count = chosen.proposalIDs.count
        var sentence = "Fund \(count == 1 ? "this proposal" : "these \(count) proposals")"
        let spends = chosen.constraints.filter { $0.kind == .budget }.map { use in
            ProgrammeText.amount(use.amount, use.measure) + (use.measure.isMoney ? "" : " of \(use.measure.name.lowercasedFirst)")
        }
        if !spends.isEmpty { sentence += " for " + ProgrammeText.list(spends) }
        let achieved = problem.targets.map { ProgrammeText.amount(total(chosen, measure: $0.measure), problem.measure($0.measure)) }
        if !achieved.isEmpty { sentence += ", " + ProgrammeText.list(achieved) }
        let unmet = problem.targets.filter { total(chosen, measure: $0.measure) < $0.atLeast }
        if !unmet.isEmpty {
            let budgets = problem.budgets.map { ProgrammeText.amount($0.limit, problem.measure($0.measure)) + ProgrammeText.yearPhrase($0.year, problem.yearNames) }
            sentence += "; " + ProgrammeText.list(unmet.map { ProgrammeText.amount($0.atLeast, problem.measure($0.measure)) })
                + " cannot be reached" + (budgets.isEmpty ? "" : " within " + ProgrammeText.list(budgets))
        }
        return sentence + "."
    }

    /// The funded proposals' names, in the order of the file.
    public var fundedNames: [String] {
        let funded = Set(recommended?.proposalIDs ?? [])
        return problem.proposals.filter { funded.contains($0.id) }.map(\.name)
    }
}
