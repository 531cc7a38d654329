import AppraiseKit

/// A programme report as tables (selection, constraints, runners-up, frontier, robustness,
/// budget changes) and as one JSON document: every format draws on the same value.
public enum ProgrammeRenderer {
    public static func tables(_ report: ProgrammeReport) -> [Table] {
        [selection(report), constraints(report), runnersUp(report), frontier(report), robustness(report), budgetChanges(report)].compactMap { $0 }
    }

    /// Measures a constraint is put on, in the order budgets and targets name them.
    private static func constrainedMeasures(_ problem: ProgrammeProblem) -> [ProgrammeMeasure] {
        var seen: [String] = []
        for id in problem.budgets.map(\.measure) + problem.targets.map(\.measure) where !seen.contains(id) { seen.append(id) }
        return seen.map(problem.measure)
    }

    static func figureText(_ figures: [ProgrammeFigure], _ measure: ProgrammeMeasure) -> String {
        guard !figures.isEmpty else { return "" }
        var low = Rational.zero, high = Rational.zero
        var unknown: [String] = []
        for figure in figures {
            switch figure {
            case .exact(let value): low += value; high += value
            case .range(let a, let b): low += a; high += b
            case .unknown(let text): unknown.append(text)
            }
        }
        if !unknown.isEmpty {
            let known = low.isZero && high.isZero ? "" : ProgrammeText.amount(low, measure) + " + "
            return known + Set(unknown).sorted().joined(separator: "; ")
        }
        return low == high ? ProgrammeText.amount(low, measure) : ProgrammeText.amount(low, measure) + "–" + ProgrammeText.amount(high, measure)
    }

    public static func selection(_ report: ProgrammeReport) -> Table {
        let problem = report.problem
        let chosen = Set(report.recommended?.proposalIDs ?? [])
        let measures = constrainedMeasures(problem)
        let uniform = report.robustness.sampled.first
        let ordered = report.robustness.sampled.dropFirst().first
        let classes = report.robustness.portfolios?.first
        let perUnit = Dictionary((report.frontier?.proposals ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var columns: [Table.Column] = [.init("Proposal"), .init("Funded"), .init("Benefit", .right)]
        columns += measures.map { .init($0.name, .right) }
        if let frontier = report.frontier { columns.append(.init("Benefit per \(frontier.measure.isMoney ? "£1m" : frontier.measure.unit)", .right)) }
        columns.append(.init("In best, any weights", .right))
        if ordered != nil { columns.append(.init("In best, importance order", .right)) }
        if classes != nil { columns.append(.init("Robust portfolio class")) }
        let rows: [[String]] = problem.proposals.enumerated().map { i, proposal in
            var status = chosen.contains(proposal.id) ? "yes" : "no"
            if problem.committed.contains(proposal.id) { status = "committed" }
            if problem.ruledOut.contains(proposal.id) { status = "ruled out" }
            if report.best.uncosted.contains(proposal.id) { status = "not costed" }
            var row = [proposal.name, status, proposal.benefit.decimalText(maximumPlaces: 2)]
            row += measures.map { figureText(proposal.figures(measure: $0.id, year: nil), $0) }
            if let frontier = report.frontier {
                let scale = frontier.measure.isMoney ? Rational(1_000_000) : .one
                row.append(perUnit[proposal.id]?.benefitPerUnit.map { ($0 * scale).decimalText(maximumPlaces: 2) } ?? (perUnit[proposal.id]?.cost?.isZero == true ? "free" : "—"))
            }
            if let uniform { row.append(shareCell(uniform, i, proposal.id)) }
            if let ordered { row.append(shareCell(ordered, i, proposal.id)) }
            if let classes {
                row.append(classes.core.contains(proposal.id) ? "core" : classes.exterior.contains(proposal.id) ? "exterior" : "borderline")
            }
            return row
        }
        var notes = ["Benefit: the proposal's weighted total under \(report.weightsName); a programme's benefit is the sum over its proposals (additive)."]
        if let uniform {
            let limited = uniform.samples < uniform.requested ? " of \(ProgrammeText.grouped(String(uniform.requested))) asked for (the work limit stopped the rest)" : ""
            notes.append("Shares: \(ProgrammeText.grouped(String(uniform.samples))) random weightings\(limited), seed \(uniform.seed).")
            if uniform.groups.contains(where: { group in group.always.map { $0 > 0 && $0 < group.ids.count } ?? true }) {
                notes.append("Identical proposals (same scores, amounts and rules) are counted together: any one of them would do as well as another.")
            }
        }
        if classes != nil {
            notes.append("Class (Robust Portfolio Modelling, Liesiö, Mild and Salo 2007, any weights): core is in every non-dominated programme, exterior in none, borderline in some.")
        }
        return Table(id: "programme-selection", title: "Proposals and the best programme", columns: columns, rows: rows, notes: notes)
    }

    /// A proposal's share, or for one of a group of identical proposals funded only in part,
    /// the group's: "one of 2 identical, always" or "at least one of 2 identical: 60.0%".
    static func shareCell(_ sampled: ProgrammeRobustness.Sampled, _ i: Int, _ id: String) -> String {
        guard let group = sampled.group(of: id) else { return ProgrammeText.share(sampled.shares[i]) }
        if let always = group.always {
            guard always > 0 && always < group.ids.count else { return ProgrammeText.share(sampled.shares[i]) }
            return "\(ProgrammeText.countWord(always)) of \(group.ids.count) identical, always"
        }
        return "at least one of \(group.ids.count) identical: \(ProgrammeText.share(1 - group.counts[0]))"
    }

    public static func constraints(_ report: ProgrammeReport) -> Table? {
        guard let choice = report.recommended, !choice.constraints.isEmpty || !report.problem.targets.isEmpty else { return nil }
        var rows = choice.constraints.map { use -> [String] in
            let what = use.kind == .budget
                ? "Budget: \(use.measure.name)\(ProgrammeText.yearPhrase(use.year, report.problem.yearNames))"
                : "Target: \(use.measure.name)"
            return [what, ProgrammeText.amount(use.limit, use.measure), ProgrammeText.amount(use.amount, use.measure),
                    ProgrammeText.amount(use.slack, use.measure),
                    use.notCounted.map { id in report.problem.proposals.first { $0.id == id }?.name ?? id }.joined(separator: ", ")]
        }
        let counted = Set(choice.constraints.filter { $0.kind == .target }.map(\.measure.id))
        for target in report.problem.targets where !counted.contains(target.measure) {
            let measure = report.problem.measure(target.measure)
            let achieved = report.total(choice, measure: target.measure)
            rows.append(["Target: \(measure.name) (not met)", ProgrammeText.amount(target.atLeast, measure), ProgrammeText.amount(achieved, measure),
                         ProgrammeText.amount(achieved - target.atLeast, measure), ""])
        }
        return Table(id: "programme-constraints", title: "Constraints: what the programme spends and achieves",
                     columns: [.init("Constraint"), .init("Limit", .right), .init("Programme", .right), .init("Slack", .right), .init("Not known")],
                     rows: rows, notes: ["Slack: room left under a budget, or how far a target is exceeded (negative: short of it)."])
    }

    public static func runnersUp(_ report: ProgrammeReport) -> Table? {
        let choices = report.recommendedSolution.choices
        guard !choices.isEmpty else { return nil }
        let names = Dictionary(report.problem.proposals.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = choices.enumerated().map { index, choice in
            [String(index + 1), choice.benefit.decimalText(maximumPlaces: 2), (choices[0].benefit - choice.benefit).decimalText(maximumPlaces: 2),
             choice.proposalIDs.map { names[$0] ?? $0 }.joined(separator: "; ")]
        }
        return Table(id: "programme-runners-up", title: "The best programmes", columns: [.init("Rank", .right), .init("Benefit", .right),
                                                                                        .init("Behind the best", .right), .init("Proposals")],
                     rows: rows)
    }

    public static func frontier(_ report: ProgrammeReport) -> Table? {
        guard let frontier = report.frontier else { return nil }
        let names = Dictionary(report.problem.proposals.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let gaps = Dictionary(frontier.greedyGaps.map { ($0.budget, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = frontier.steps.map { step -> [String] in
            [ProgrammeText.amount(step.budget, frontier.measure), step.benefit.decimalText(maximumPlaces: 2),
             step.joined.map { names[$0] ?? $0 }.joined(separator: "; "), step.left.map { names[$0] ?? $0 }.joined(separator: "; "),
             gaps[step.budget].map { $0.greedyBenefit.decimalText(maximumPlaces: 2) } ?? step.benefit.decimalText(maximumPlaces: 2)]
        }
        return Table(id: "programme-frontier", title: "Budget frontier: the best benefit at every budget (\(frontier.measure.name))",
                     columns: [.init("From budget", .right), .init("Best benefit", .right), .init("Joins"), .init("Leaves"),
                               .init("By benefit per unit", .right)],
                     rows: rows,
                     notes: ["Each row holds from its budget up to the next row's; targets are not applied here.",
                             "By benefit per unit: what funding in order of benefit per unit of cost achieves at that budget."])
    }

    public static func robustness(_ report: ProgrammeReport) -> Table? {
        guard let portfolios = report.robustness.portfolios else { return nil }
        let names = Dictionary(report.problem.proposals.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = portfolios.flatMap { classes in
            classes.nonDominated.enumerated().map { index, ids in
                [classes.information, String(index + 1), ids.map { names[$0] ?? $0 }.joined(separator: "; ")]
            }
        }
        return Table(id: "programme-portfolios", title: "Non-dominated programmes (Robust Portfolio Modelling)",
                     columns: [.init("Weights allowed"), .init("Programme", .right), .init("Proposals")], rows: rows,
                     notes: ["A programme is dominated when another keeps every rule and scores at least as well under every weighting allowed, and better under one."])
    }

    public static func budgetChanges(_ report: ProgrammeReport) -> Table? {
        let changes = report.robustness.budgetChanges
        guard !changes.isEmpty else { return nil }
        let names = Dictionary(report.problem.proposals.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = changes.map { change -> [String] in
            let percent = ((change.factor - .one) * Rational(100)).decimalText(maximumPlaces: 0)
            return [(change.factor > .one ? "+" : "") + percent + "%",
                    change.choice.map { $0.benefit.decimalText(maximumPlaces: 2) } ?? "none",
                    change.joined.map { names[$0] ?? $0 }.joined(separator: "; "), change.left.map { names[$0] ?? $0 }.joined(separator: "; ")]
        }
        return Table(id: "programme-budget-changes", title: "If every budget moves", columns: [.init("Budget change", .right), .init("Best benefit", .right),
                                                                                              .init("Joins"), .init("Leaves")], rows: rows)
    }

    public static func json(_ report: ProgrammeReport) -> JSONValue {
        func choice(_ choice: ProgrammeChoice?) -> JSONValue {
            guard let choice else { return .null }
            return .object([
                "proposals": .array(choice.proposalIDs.map(JSONValue.string)),
                "benefit": .number(choice.benefit),
                "constraints": .array(choice.constraints.map { use in
                    .object(["kind": .string(use.kind.rawValue), "measure": .string(use.measure.id),
                             "year": use.year.map { .number($0) } ?? .null, "limit": .number(use.limit), "amount": .number(use.amount),
                             "slack": .number(use.slack), "notCounted": .array(use.notCounted.map(JSONValue.string))])
                }),
            ])
        }
        func solution(_ solution: ProgrammeSolution?) -> JSONValue {
            guard let solution else { return .null }
            return .object(["reading": .string(solution.reading.rawValue), "choices": .array(solution.choices.map { choice($0) }),
                            "runnersUpSettled": .bool(solution.runnersUpSettled),
                            "infeasibility": .array(solution.infeasibility.map(JSONValue.string)),
                            "uncosted": .array(solution.uncosted.map(JSONValue.string))])
        }
        var object: [String: JSONValue] = [
            "weights": .string(report.weightsName),
            "best": solution(report.best),
            "hopeful": solution(report.hopeful),
            "withoutTargets": solution(report.withoutTargets),
            "findings": .array(report.statements.map(JSONValue.string)),
        ]
        if let frontier = report.frontier {
            object["frontier"] = .object([
                "measure": .string(frontier.measure.id),
                "exactFrom": frontier.exactFrom.map { .number($0) } ?? .null,
                "steps": .array(frontier.steps.map { step in
                    .object(["budget": .number(step.budget), "benefit": .number(step.benefit),
                             "proposals": .array(step.proposalIDs.map(JSONValue.string)),
                             "joined": .array(step.joined.map(JSONValue.string)), "left": .array(step.left.map(JSONValue.string))])
                }),
                "benefitPerUnit": .object(Dictionary(uniqueKeysWithValues: frontier.proposals.map { ($0.id, $0.benefitPerUnit.map { JSONValue.number($0) } ?? .null) })),
                "greedyShortfalls": .array(frontier.greedyGaps.map { gap in
                    .object(["budget": .number(gap.budget), "greedy": .array(gap.greedyIDs.map(JSONValue.string)),
                             "greedyBenefit": .number(gap.greedyBenefit), "optimumBenefit": .number(gap.optimumBenefit)])
                }),
            ])
        }
        let robustness = report.robustness
        object["robustness"] = .object([
            "sampled": .array(robustness.sampled.map { sampled in
                .object(["model": .string(sampled.model), "samples": .number(sampled.samples), "requested": .number(sampled.requested),
                         "seed": .number(String(sampled.seed)),
                         "shares": .object(Dictionary(uniqueKeysWithValues: zip(robustness.proposalIDs, sampled.shares.map { JSONValue.number($0, places: 6) }))),
                         "identical": .array(sampled.groups.map { group in
                             .object(["proposals": .array(group.ids.map(JSONValue.string)),
                                      "fundedCountShares": .array(group.counts.map { JSONValue.number($0, places: 6) })])
                         })])
            }),
            "portfolios": robustness.portfolios.map { list in
                .array(list.map { classes in
                    .object(["information": .string(classes.information), "feasible": .number(classes.feasibleCount),
                             "nonDominated": .array(classes.nonDominated.map { .array($0.map(JSONValue.string)) }),
                             "core": .array(classes.core.map(JSONValue.string)), "borderline": .array(classes.borderline.map(JSONValue.string)),
                             "exterior": .array(classes.exterior.map(JSONValue.string))])
                })
            } ?? .null,
            "budgetChanges": .array(robustness.budgetChanges.map { change in
                .object(["factor": .number(change.factor), "settled": .bool(change.settled), "choice": choice(change.choice),
                         "joined": .array(change.joined.map(JSONValue.string)), "left": .array(change.left.map(JSONValue.string))])
            }),
        ])
        return .object(object)
    }
}
