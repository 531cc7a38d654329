/// The programme findings as sentences a councillor can read aloud: which set to fund, what
/// it costs and achieves, what could not be costed, and how sure the choice is.
extension ProgrammeReport {
    public var statements: [String] {
        var out: [String] = []
        let names = Dictionary(problem.proposals.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { names[id] ?? id }
        func list(_ ids: [String]) -> String { ProgrammeText.list(ids.map(name)) }
        func points(_ value: Rational) -> String { value.decimalText(maximumPlaces: 2) }
        let budgets = problem.budgets.map {
            ProgrammeText.budgetPhrase($0.limit, problem.measure($0.measure), year: $0.year, yearNames: problem.yearNames)
        }
        let within = budgets.isEmpty ? "" : " " + ProgrammeText.list(budgets)

        if let chosen = best.best {
            out.append("The best programme\(within) \(funds(chosen)).")
            out.append(contentsOf: standing(chosen))
        } else {
            out.append(contentsOf: best.infeasibility.map { "No programme meets every constraint: " + $0 + "." })
            if let relaxed = withoutTargets?.best {
                out.append("Within the budgets alone, the best programme \(funds(relaxed)).")
                out.append(contentsOf: standing(relaxed))
            }
        }
        if let recommended {
            for runner in recommendedSolution.choices.dropFirst().prefix(2) {
                let dropped = recommended.proposalIDs.filter { !runner.proposalIDs.contains($0) }
                let added = runner.proposalIDs.filter { !recommended.proposalIDs.contains($0) }
                var change: [String] = []
                if !dropped.isEmpty { change.append("drops \(list(dropped))") }
                if !added.isEmpty { change.append("adds \(list(added))") }
                let gap = recommended.benefit - runner.benefit
                let behind = gap.isZero ? "is as good" : "is \(points(gap)) point\(gap == .one ? "" : "s") behind"
                out.append("The next best programme \(ProgrammeText.list(change)) and \(behind) (\(points(runner.benefit)) points).")
            }
        }

        if recommended != nil && !recommendedSolution.tieBreakSettled {
            out.append("Other programmes are worth exactly as much; the one shown was not proven the cheapest of them within the work limit.")
        }
        if recommended != nil && !recommendedSolution.runnersUpSettled {
            out.append("The next best programmes are not listed: there are too many sets close behind the best to settle them within the work limit.")
        }
        let funded = Set(recommended?.proposalIDs ?? [])
        for pair in lookAlikes() where funded.contains(pair.0) != funded.contains(pair.1) {
            out.append("\(name(pair.0)) and \(name(pair.1)) have the same scores and the same constrained amounts, so no weighting or budget can choose between them; where one is chosen the other would do as well (the tables take the one listed first).")
        }

        // What is not known, and how the answer moves across it.
        let uncosted = best.uncosted
        if !uncosted.isEmpty {
            let texts = uncosted.map { id in
                let said = Set(notKnown.filter { $0.proposal == id }.map(\.text)).sorted().map { "\"\($0)\"" }
                return "\(name(id)) (\(ProgrammeText.list(said, "or")))"
            }
            out.append("Not costed, so left out of every programme above: \(ProgrammeText.list(texts)).")
        }
        let costMeasures = Set(problem.budgets.map(\.measure))
        let committedUnknown = problem.committed.filter { id in notKnown.contains { $0.proposal == id && costMeasures.contains($0.measure) } }
        if !committedUnknown.isEmpty {
            out.append("\(list(committedUnknown)) \(committedUnknown.count == 1 ? "is" : "are") committed but not fully costed: the spending shown leaves out what is not known.")
        }
        let uncounted = Set(notKnown.filter { item in problem.targets.contains { $0.measure == item.measure } }.map(\.proposal))
        if !uncounted.isEmpty {
            let ids = problem.proposals.map(\.id).filter(uncounted.contains)
            out.append("What \(list(ids)) would achieve towards the target is not known and counts for nothing.")
        }
        if let hopeful, let cautious = recommended ?? best.best {
            if let other = hopeful.best {
                if other.proposalIDs == cautious.proposalIDs {
                    out.append("With every range at its most favourable end and every unknown cost taken as nothing, the best programme is the same.")
                } else {
                    let added = other.proposalIDs.filter { !cautious.proposalIDs.contains($0) }
                    let dropped = cautious.proposalIDs.filter { !other.proposalIDs.contains($0) }
                    var change: [String] = []
                    if !added.isEmpty { change.append("add \(list(added))") }
                    if !dropped.isEmpty { change.append("drop \(list(dropped))") }
                    out.append("With every range at its most favourable end and every unknown cost taken as nothing (a bound, not an estimate), the best programme would \(ProgrammeText.list(change)), for \(points(other.benefit)) points\(achievements(other)).")
                }
            } else {
                out.append("Even with every range at its most favourable end and every unknown cost taken as nothing, \(hopeful.infeasibility.first ?? "no programme meets every constraint").")
            }
        }

        // The frontier and the simple rule.
        if let frontier, let greedy = greedyAtBudget, let chosen = recommended {
            let greedyBenefit = greedy.map { id in problem.proposals.first { $0.id == id }!.benefit }.sum()
            if greedyBenefit < chosen.benefit {
                out.append("Funding in order of benefit per \(frontier.measure.isMoney ? "pound" : "unit") would choose \(list(greedy)) for \(points(greedyBenefit)) points, \(points(chosen.benefit - greedyBenefit)) fewer than the best programme.")
            } else {
                out.append("Funding in order of benefit per \(frontier.measure.isMoney ? "pound" : "unit") would choose the best programme here too.")
            }
            if let last = frontier.steps.last, let budget = problem.budgets.first(where: { $0.measure == frontier.measure.id && $0.year == nil }),
               last.budget > budget.limit {
                out.append("Every proposal that can be costed, together, needs \(ProgrammeText.amount(last.budget, frontier.measure)) of \(frontier.measure.name.lowercasedFirst), \(ProgrammeText.amount(last.budget - budget.limit, frontier.measure)) more than the budget.")
            }
            if let from = frontier.exactFrom {
                out.append("The budget frontier is listed from \(ProgrammeText.amount(from, frontier.measure)) up: below that its search reached the work limit.")
            }
            if !frontier.greedyGaps.isEmpty {
                out.append("Across the \(frontier.steps.count) budget levels at which the best programme changes, that simple rule falls short at \(frontier.greedyGaps.count).")
            }
        }

        // How sure.
        for sampled in robustness.sampled {
            let ids = robustness.proposalIDs
            // Identical proposals are spoken of together unless all or none of them are funded
            // every time: which of them the search takes is only its tie-break.
            let grouped = sampled.groups.filter { group in group.always.map { $0 > 0 && $0 < group.ids.count } ?? true }
            let apart = Set(grouped.flatMap(\.ids))
            let single = ids.indices.filter { !apart.contains(ids[$0]) }
            let always = single.filter { sampled.shares[$0] == 1 }.map { ids[$0] }
            let never = single.filter { sampled.shares[$0] == 0 }.map { ids[$0] }
            let some = single.filter { sampled.shares[$0] > 0 && sampled.shares[$0] < 1 }
                .sorted { sampled.shares[$0] != sampled.shares[$1] ? sampled.shares[$0] > sampled.shares[$1] : $0 < $1 }
            let how = sampled.model == "uniform" ? "every weighting equally likely" : "weights in the file's order of importance"
            var parts: [String] = []
            if !always.isEmpty { parts.append("\(list(always)) \(always.count == 1 ? "is" : "are") in the best programme every time") }
            if !some.isEmpty { parts.append(ProgrammeText.list(some.map { "\(name(ids[$0])) in \(ProgrammeText.share(sampled.shares[$0]))" })) }
            parts += grouped.map { tiedPhrase($0, name: name) }
            if !never.isEmpty { parts.append("\(list(never)) never") }
            let scope = withoutTargets == nil ? "" : ", within the budgets alone"
            let counted = sampled.samples == sampled.requested
                ? "In \(ProgrammeText.grouped(String(sampled.samples))) random weightings"
                : "In \(ProgrammeText.grouped(String(sampled.samples))) of \(ProgrammeText.grouped(String(sampled.requested))) random weightings (the work limit stopped the rest)"
            out.append("\(counted) (\(how), seed \(sampled.seed)\(scope)): \(parts.joined(separator: "; ")).")
        }
        if robustness.portfolios == nil {
            out.append("The programmes that keep every rule are too many to list (over \(ProgrammeText.grouped(String(ProgrammeRobustness.listLimit)))), so Robust Portfolio Modelling's core, borderline and exterior proposals are not worked out; the shares above, from sampled weightings, stand in for them.")
        }
        for portfolios in robustness.portfolios ?? [] {
            let one = portfolios.feasibleCount == 1
            let programmes = one ? "the 1 programme that keeps every rule and has" : "the \(ProgrammeText.grouped(String(portfolios.feasibleCount))) programmes that keep every rule and have"
            var parts = ["Of \(programmes) no room for another proposal, \(portfolios.nonDominated.count) \(portfolios.nonDominated.count == 1 ? "is" : "are") not beaten by another under every weighting (\(portfolios.information))"]
            if !portfolios.core.isEmpty { parts.append("\(list(portfolios.core)) \(portfolios.core.count == 1 ? "is" : "are") in all of them (core)") }
            if !portfolios.borderline.isEmpty { parts.append("\(list(portfolios.borderline)) in some (borderline)") }
            if !portfolios.exterior.isEmpty { parts.append("\(list(portfolios.exterior)) in none (exterior)") }
            out.append(parts.joined(separator: "; ") + ".")
        }
        if !robustness.budgetChanges.isEmpty {
            let moves = robustness.budgetChanges.map { change -> String in
                let percent = ((change.factor - .one) * Rational(100)).decimalText(maximumPlaces: 0)
                let label = change.factor < .one ? "\(percent.dropFirst())% less" : "\(percent)% more"
                guard change.settled else { return "with \(label) the search reached its work limit before settling the best programme" }
                guard change.choice != nil else { return "with \(label) no programme meets the constraints" }
                var what: [String] = []
                if !change.left.isEmpty { what.append("drops \(list(change.left))") }
                if !change.joined.isEmpty { what.append("adds \(list(change.joined))") }
                return "with \(label) it " + (what.isEmpty ? "is unchanged" : ProgrammeText.list(what))
            }
            out.append("If the budgets move\(withoutTargets == nil ? "" : " (targets aside)"): " + moves.joined(separator: "; ") + ".")
        }
        out.append("A programme's benefit is the sum of its proposals' weighted totals: this assumes proposals neither add to nor take from each other's value.")
        return out
    }

    /// What a programme spends and achieves, one sentence per constraint.
    private func standing(_ choice: ProgrammeChoice) -> [String] {
        choice.constraints.map { use in
            let amount = ProgrammeText.amount(use.amount, use.measure)
            let year = ProgrammeText.yearPhrase(use.year, problem.yearNames)
            let missing = use.notCounted.isEmpty ? "" : " (not counting \(ProgrammeText.list(use.notCounted.map { id in problem.proposals.first { $0.id == id }?.name ?? id })), not known)"
            switch use.kind {
            case .budget:
                return "It spends \(amount) of \(use.measure.name.lowercasedFirst)\(year)\(missing), leaving \(ProgrammeText.amount(use.slack, use.measure)) of \(ProgrammeText.amount(use.limit, use.measure))."
            case .target:
                return "It achieves \(amount)\(missing) against a target of \(ProgrammeText.amount(use.limit, use.measure)), \(ProgrammeText.amount(use.slack, use.measure)) over."
            }
        } + achievementsWithoutTarget(choice)
    }

    /// Quantities the programme achieves that no target counts (places when the target
    /// cannot be met and was dropped).
    private func achievementsWithoutTarget(_ choice: ProgrammeChoice) -> [String] {
        let counted = Set(choice.constraints.filter { $0.kind == .target }.map(\.measure.id))
        return problem.targets.filter { !counted.contains($0.measure) }.map { target in
            let measure = problem.measure(target.measure)
            let achieved = total(choice, measure: target.measure)
            return "It achieves \(ProgrammeText.amount(achieved, measure)) against the target of \(ProgrammeText.amount(target.atLeast, measure)), \(ProgrammeText.amount(target.atLeast - achieved, measure)) short."
        }
    }

    private func achievements(_ choice: ProgrammeChoice) -> String {
        let parts = problem.targets.map { ProgrammeText.amount(total(choice, measure: $0.measure, reading: .hopeful), problem.measure($0.measure)) }
        return parts.isEmpty ? "" : " and " + ProgrammeText.list(parts)
    }

    /// What the programme's proposals achieve of a measure, as counted in `reading`.
    public func total(_ choice: ProgrammeChoice, measure: String, reading: ProgrammeReading = .cautious) -> Rational {
        choice.proposalIDs.compactMap { id in problem.proposals.first { $0.id == id } }.map { proposal in
            proposal.figures(measure: measure, year: nil).compactMap { reading.quantity($0) }.sum()
        }.sum()
    }

    /// Pairs of proposals that every analysis treats alike: equal scores and equal figures on
    /// every constrained measure.
    public func lookAlikes() -> [(String, String)] {
        let constrained = Set(problem.budgets.map(\.measure) + problem.targets.map(\.measure)).sorted()
        func key(_ proposal: ProgrammeProposal) -> [[ProgrammeFigure]] {
            constrained.map { proposal.figures(measure: $0, year: nil) }
        }
        var pairs: [(String, String)] = []
        let proposals = problem.proposals
        for a in proposals.indices {
            for b in proposals.indices where b > a && scores[a] == scores[b] && key(proposals[a]) == key(proposals[b])
                && !problem.committed.contains(proposals[a].id) && !problem.committed.contains(proposals[b].id) {
                pairs.append((proposals[a].id, proposals[b].id))
            }
        }
        return pairs
    }

    private func count(_ n: Int) -> String { n == 1 ? "1 proposal" : "\(n) proposals" }

    /// "funds 2 proposals: A and B, worth 8 points of benefit under …", or "funds no proposal".
    private func funds(_ choice: ProgrammeChoice) -> String {
        guard !choice.proposalIDs.isEmpty else { return "funds no proposal: none that may be chosen fits and adds benefit" }
        let names = choice.proposalIDs.map { id in problem.proposals.first { $0.id == id }?.name ?? id }
        return "funds \(count(names.count)): \(ProgrammeText.list(names)), worth \(choice.benefit.decimalText(maximumPlaces: 2)) points of benefit under \(weightsName)"
    }

    /// Identical proposals in the sampled shares: "one of A and B every time", or how often at
    /// least one and how often all of them are funded.
    private func tiedPhrase(_ group: ProgrammeRobustness.TiedGroup, name: (String) -> String) -> String {
        let names = ProgrammeText.list(group.ids.map(name))
        let size = group.ids.count
        if let always = group.always {
            return "\(ProgrammeText.countWord(always)) of \(names) (identical) every time"
        }
        let any = 1 - group.counts[0], all = group.counts[size]
        let every = size == 2 ? "both" : "all"
        return "at least one of \(names) (identical) in \(ProgrammeText.share(any)), \(every) in \(ProgrammeText.share(all))"
    }
}
