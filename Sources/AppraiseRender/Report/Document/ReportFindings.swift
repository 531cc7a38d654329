import AppraiseKit

/// The risks and uncertainties the analyses find, and the questions a scrutiny member should
/// put about them: both drawn from the same findings, so each question has its risk above it.
/// Close margins and ties, the weights at which the answer changes, an error in the published
/// appraisal, costs not known, ranges and dependencies, evidence that contradicts a score.
struct ReportFindings {
    /// A weight at which first place changes: the criterion, where it changes, the weight now,
    /// and who would come first beyond it.
    struct Switch {
        let criterion: String
        let threshold: Rational
        let now: Rational
        let more: Bool
        let after: [String]
        /// How far the weight has to move, relative to where it is: the nearest first.
        var distance: Rational { threshold > now ? threshold - now : now - threshold }
    }

    private(set) var risks: [String] = []
    private(set) var questions: [String] = []
    private(set) var nearestSwitch: Switch?

    /// At most this many risks of one kind, so the front section stays short; the appendices list every one.
    static let perKind = 3

    init(pack: ReportPack) {
        let names = DisplayNames(pack.appraisal)
        let label = { (ids: [String]) in Ordinal.list(ids.map(names.option)) }
        let reconciliation = pack.reconciliation
        if reconciliation.findings.contains(where: { $0.field == .total }) || !reconciliation.moves.isEmpty,
           let first = reconciliation.consequences(in: pack.appraisal).first {
            risks.append("The published appraisal contains an error: \(first.lowercasedFirst)")
            questions.append("The published totals contain an error that this report corrects: did any earlier decision rely on the published figures?")
        }
        if pack.programme == nil { ranking(pack, label: label) }
        let switches = Self.switches(pack.sensitivity.report).sorted { $0.distance < $1.distance }
        nearestSwitch = switches.first
        if pack.programme == nil {
            for change in switches.prefix(2) {
                risks.append("If \(names.criterion(change.criterion)) carried \(change.more ? "more" : "less") than \(Self.percent(change.threshold)) "
                    + "of the weight (now \(Self.rounded(change.now))), \(label(change.after)) would come first.")
            }
            if let change = switches.first {
                questions.append("If \(names.criterion(change.criterion)) carried \(change.more ? "more" : "less") than \(Self.percent(change.threshold)) of the weight, "
                    + "\(label(change.after)) would come first: is \(Self.rounded(change.now)) the right weight for \(names.criterion(change.criterion))?")
            }
        }
        if let programme = pack.programme { self.programme(programme, names: names) }
        if let vfm = pack.valueForMoney, pack.programme == nil {
            let unknown = vfm.rows.filter { !$0.cost.isKnown }.map(\.option)
            if !unknown.isEmpty {
                risks.append("The whole-life cost of \(label(unknown)) is not known, so value for money cannot be judged for \(unknown.count == 1 ? "it" : "them").")
            }
            if let leader = pack.ranking.leaders.first, unknown.contains(leader) {
                questions.append("The preferred option's whole-life cost is not known: when will it be, and could it change the recommendation?")
            }
        }
        let tensions = pack.evidence?.tensions ?? []
        for tension in tensions.prefix(Self.perKind) { risks.append(tension.message) }
        if tensions.count > Self.perKind { risks.append("\(tensions.count - Self.perKind) more scores are pulled against by their own evidence (see the evidence appendix).") }
        if let tension = tensions.first {
            questions.append("The performance evidence cited for \(names.option(tension.option))'s score on \(names.criterion(tension.criterion)) points the other way: should the score stand?")
        }
    }

    /// Ties and close margins at the top of the ranking.
    private mutating func ranking(_ pack: ReportPack, label: ([String]) -> String) {
        let entries = pack.ranking.entries
        guard let first = entries.first else { return }
        let leaders = pack.ranking.leaders
        if leaders.count > 1 {
            risks.append("\(label(leaders)) share first place on \(Formatting.outOf(first.total, first.maximum)): the scores do not choose between them.")
            questions.append("\(label(leaders)) score the same: what else should decide between them?")
        } else if let margin = first.marginToNext, entries.count > 1, margin * Rational(20) <= first.maximum {
            let runnersUp = entries.filter { $0.rank == entries[1].rank }.map(\.option)
            risks.append("The margin is close: \(label([first.option])) leads \(label(runnersUp)) by \(Formatting.number(margin)) point\(margin == .one ? "" : "s") "
                + "of \(Formatting.number(first.maximum)).")
        }
    }

    /// A programme's unknowns: targets out of reach, costs not known, ranges, dependencies.
    private mutating func programme(_ report: ProgrammeReport, names: DisplayNames) {
        let problem = report.problem
        let name = { (id: String) in problem.proposals.first { $0.id == id }?.name ?? names.option(id) }
        if let chosen = report.recommended {
            for target in problem.targets where report.total(chosen, measure: target.measure) < target.atLeast {
                let measure = problem.measure(target.measure)
                let achieved = report.total(chosen, measure: target.measure)
                risks.append("The target of \(ProgrammeText.amount(target.atLeast, measure)) is not met: the best programme within the budget gives "
                    + "\(ProgrammeText.amount(achieved, measure)), \(ProgrammeText.amount(target.atLeast - achieved, measure)) short.")
                questions.append("The target of \(ProgrammeText.amount(target.atLeast, measure)) cannot be met within the budget: "
                    + "which should give way, the target, the budget or the timetable?")
            }
        }
        let uncosted = report.best.uncosted.map(name)
        if !uncosted.isEmpty {
            risks.append("Not costed (\"TBC\"), so left out of the programme: \(ProgrammeText.list(uncosted)).")
            questions.append("When will the costs of \(ProgrammeText.list(uncosted)) be known, and could they change what is funded?")
        }
        let committedUnknown = problem.committed.filter { id in report.notKnown.contains { $0.proposal == id } }
        if !committedUnknown.isEmpty {
            risks.append("\(ProgrammeText.list(committedUnknown.map(name))) \(committedUnknown.count == 1 ? "is" : "are") committed but not fully costed: the spending shown leaves out what is not known.")
        }
        if let hopeful = report.hopeful, let cautious = report.recommended {
            if let other = hopeful.best, other.proposalIDs != cautious.proposalIDs {
                risks.append("Costs and quantities given as ranges matter: at the favourable end of every range the best programme would be different.")
            } else if hopeful.best == nil, let reason = hopeful.infeasibility.first {
                risks.append("Even at the favourable end of every range and with unknown costs taken as nothing, \(reason).")
            }
        }
        let funded = Set(report.recommended?.proposalIDs ?? [])
        for (one, other) in report.lookAlikes() where funded.contains(one) != funded.contains(other) {
            risks.append("\(name(one)) and \(name(other)) are alike on every score and figure: either would do, and the choice between them is the committee's.")
        }
        for dependency in problem.dependencies.prefix(Self.perKind) {
            risks.append("\(name(dependency.option)) depends on \(name(dependency.needs)): one cannot be funded without the other.")
        }
        let shares = report.robustness.sampled.first
        if let shares {
            let unsure = problem.proposals.indices.filter { shares.shares[$0] > 0 && shares.shares[$0] < 1 }.map { problem.proposals[$0].id }
            if !unsure.isEmpty {
                risks.append("Whether \(ProgrammeText.list(unsure.map(name), "or")) \(unsure.count == 1 ? "is" : "are") funded depends on the weights given to the criteria.")
            }
        }
    }

    /// Every weight, one criterion at a time, at which first place changes hands.
    static func switches(_ report: SensitivityReport) -> [Switch] {
        report.sweeps.flatMap { sweep -> [Switch] in
            var out: [Switch] = []
            if let above = sweep.changeAbove, above.weight != .one, sweep.firstPlace.from != sweep.firstPlace.to {
                out.append(Switch(criterion: sweep.criterion, threshold: above.weight, now: sweep.current, more: true, after: above.after))
            }
            if let below = sweep.changeBelow, !below.weight.isZero, sweep.firstPlace.from != sweep.firstPlace.to {
                out.append(Switch(criterion: sweep.criterion, threshold: below.weight, now: sweep.current, more: false, after: below.before))
            }
            return out
        }
    }

    /// "12.5%", "16.67%": the weight now, to two decimals of a percentage.
    static func rounded(_ weight: Rational) -> String { (weight * Rational(100)).decimalText(maximumPlaces: 2) + "%" }

    /// "12.5%", or "8/15" where two decimals of a percentage cannot give the weight exactly.
    static func percent(_ weight: Rational) -> String {
        if let places = (weight * Rational(100)).terminatingDecimalPlaces, places <= 2 {
            return (weight * Rational(100)).decimalText(maximumPlaces: 2) + "%"
        }
        return "\(weight.numerator)/\(weight.denominator)"
    }
}
