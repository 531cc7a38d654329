/// Why no set meets the constraints, said the way members would ask: which constraint binds
/// and by how much ("no set reaches 125 places within £740,000 of capital cost; the most is 85").
enum ProgrammeInfeasibility {
    static func explain(_ problem: ProgrammeProblem, reading: ProgrammeReading) throws -> [String] {
        let names = Dictionary(problem.proposals.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { names[id] ?? id }
        // What the commitments force in: the committed proposals and everything they need.
        var forced: [String] = []
        var queue = problem.committed
        while let id = queue.first {
            queue.removeFirst()
            guard !forced.contains(id) else { continue }
            forced.append(id)
            queue += problem.dependencies.filter { $0.option == id }.map(\.needs)
        }
        var reasons: [String] = []
        for id in forced where problem.ruledOut.contains(id) {
            let by = problem.committed.contains(id) ? "it is committed" : "a committed proposal needs it"
            reasons.append("\(name(id)) is ruled out, but \(by)")
        }
        for group in problem.exclusions {
            let inGroup = group.filter { forced.contains($0) }
            if inGroup.count > 1 {
                reasons.append("at most one of \(ProgrammeText.list(group.map(name), "or")) may be chosen, but \(ProgrammeText.list(inGroup.map(name))) are committed or needed by a committed proposal")
            }
        }
        if !reasons.isEmpty { return reasons }

        for budget in problem.budgets {
            let measure = problem.measure(budget.measure)
            var spent = Rational.zero
            for id in forced {
                guard let proposal = problem.proposals.first(where: { $0.id == id }) else { continue }
                for figure in proposal.figures(measure: budget.measure, year: budget.year) { spent += reading.cost(figure) ?? .zero }
            }
            if spent > budget.limit {
                let phrase = ProgrammeText.budgetPhrase(budget.limit, measure, year: budget.year, yearNames: problem.yearNames)
                reasons.append("the committed proposals (\(ProgrammeText.list(forced.map(name)))) alone spend \(ProgrammeText.amount(spent, measure)), more than \(phrase.dropFirst("within ".count)) by \(ProgrammeText.amount(spent - budget.limit, measure))")
            }
        }
        if !reasons.isEmpty { return reasons }

        let budgets = problem.budgets.map {
            ProgrammeText.budgetPhrase($0.limit, problem.measure($0.measure), year: $0.year, yearNames: problem.yearNames)
        }
        let within = budgets.isEmpty ? "" : " " + ProgrammeText.list(budgets)
        var reachable: [String] = []
        for target in problem.targets {
            var alone = problem
            alone.targets = [target]
            let measure = problem.measure(target.measure)
            let most = try ProgrammeOptimiser.mostAchievable(of: 0, in: alone, reading: reading)
            let need = ProgrammeText.amount(target.atLeast, measure)
            if let most, most < target.atLeast {
                reasons.append("no set reaches \(need)\(within); the most is \(ProgrammeText.amount(most, measure)), \(ProgrammeText.amount(target.atLeast - most, measure)) short")
            } else if most != nil {
                reachable.append(need)
            }
        }
        if reasons.isEmpty && reachable.count > 1 {
            reasons.append("each target can be met alone, but no set reaches \(ProgrammeText.list(reachable)) together\(within)")
        }
        if reasons.isEmpty {
            reasons.append("no set meets the dependencies and exclusions together\(within)")
        }
        return reasons
    }
}
