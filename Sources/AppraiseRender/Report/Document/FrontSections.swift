import AppraiseKit

/// The front section of the report: the parts of a UK committee report, in the order council
/// templates give them, short enough to print on four A4 pages.
extension ReportBuilder {
    mutating func frontSections(_ findings: ReportFindings) -> [ReportSection] {
        var sections = [
            ReportSection(id: "summary", title: "Purpose of the report", blocks: purpose),
            ReportSection(id: "recommendations", title: "Recommendations", blocks: recommendations(findings).map(ReportBlock.text)),
            ReportSection(id: "background", title: "Background", blocks: background),
            ReportSection(id: "options-considered", title: "Options considered", blocks: optionsConsidered()),
        ]
        sections += [
            ("consultation", "Consultation", paper.consultation, []),
            ("timetable", "Timetable and accountability", paper.timetable, []),
            ("financial", "Financial implications", paper.implications.financial, financialFacts),
            ("legal", "Legal implications", paper.implications.legal, []),
            ("equalities", "Equalities implications", paper.implications.equalities, []),
            ("other-implications", "Other implications", paper.implications.other, []),
        ].map { id, title, written, facts in
            ReportSection(id: id, title: title, blocks: [written ?? ReportBuilder.toComplete].map(ReportBlock.text) + facts.map(ReportBlock.text))
        }
        sections += [
            ReportSection(id: "risks", title: "Risks and uncertainties", blocks: findings.risks.isEmpty
                ? [.text("The analyses find no close margin, tie, unknown cost or contradicting evidence that could change the answer.")]
                : [.text("From the analyses (the appendices give the working):"), .items(findings.risks)]),
            ReportSection(id: "questions", title: "Questions for the committee", blocks: findings.questions.isEmpty
                ? [.text("The analyses raise no question that could change the answer.")] : [.items(findings.questions)]),
            ReportSection(id: "contact", title: "Contact", blocks: [
                .text("Report author: \(paper.author ?? ReportBuilder.toComplete)."), .text("Contact: \(paper.contact ?? ReportBuilder.toComplete)."),
            ]),
            ReportSection(id: "background-papers", title: "Background papers", blocks: backgroundPapers),
        ]
        return sections
    }

    /// Why the report is here, the answer's reach, and any error found in a published appraisal.
    var purpose: [ReportBlock] {
        let kind = pack.programme == nil ? "options" : "proposals"
        let ask = pack.programme == nil ? "to agree the preferred option" : "to agree which proposals to fund"
        var blocks: [ReportBlock] = [.text("This report sets out the appraisal of \(appraisal.options.count) \(kind) against \(appraisal.criteria.count) criteria "
            + "and asks members \(ask). The answer the appraisal gives is at the top of the report; the recommendations follow, then the options, "
            + "the implications, the risks and the questions members may wish to ask.")]
        if let programme = pack.programme, !programme.fundedNames.isEmpty {
            blocks.append(.text("The proposals to fund: \(ProgrammeText.list(programme.fundedNames))."))
        }
        if pack.reconciliation.hasDeclarations {
            let consequences = pack.reconciliation.consequences(in: appraisal)
            let agrees = pack.reconciliation.findings.isEmpty && pack.reconciliation.moves.isEmpty
            blocks.append(.callout(title: pack.correctionHeading, items: consequences.map(ReaderText.clean), agrees: agrees))
        }
        return blocks
    }

    /// The officer's recommendations, or drafts in the council form from the result.
    func recommendations(_ findings: ReportFindings) -> [String] {
        if !paper.recommendations.isEmpty { return paper.recommendations }
        return draftRecommendations(findings)
    }

    func draftRecommendations(_ findings: ReportFindings) -> [String] {
        var out: [String] = []
        let criteria = appraisal.criteria.count
        if let programme = pack.programme {
            out.append("That members note the appraisal of \(appraisal.options.count) proposals against \(criteria) criteria set out in this report.")
            if let chosen = programme.recommended {
                let spends = chosen.constraints.filter { $0.kind == .budget }.map { ProgrammeText.amount($0.amount, $0.measure) }
                out.append("That members agree to fund \(ProgrammeText.list(programme.fundedNames))"
                    + (spends.isEmpty ? "." : ", at a cost of \(ProgrammeText.list(spends))."))
            }
            if let chosen = programme.recommended {
                for target in programme.problem.targets where programme.total(chosen, measure: target.measure) < target.atLeast {
                    let measure = programme.problem.measure(target.measure)
                    let gap = target.atLeast - programme.total(chosen, measure: target.measure)
                    out.append("That members note that the target of \(ProgrammeText.amount(target.atLeast, measure)) cannot be reached within the budget, "
                        + "and ask officers to report back on how the remaining \(ProgrammeText.amount(gap, measure)) will be provided.")
                }
            }
            if !programme.best.uncosted.isEmpty {
                let uncosted = programme.best.uncosted.map(label)
                out.append("That members note that \(ProgrammeText.list(uncosted)) \(uncosted.count == 1 ? "is" : "are") not yet costed "
                    + "and ask for \(uncosted.count == 1 ? "it" : "them") to be brought back when the costs are known.")
            }
            return out
        }
        out.append("That members note the appraisal of \(appraisal.options.count) short-listed options against \(criteria) criteria set out in this report.")
        if pack.reconciliation.findings.contains(where: { $0.field == .total }) || !pack.reconciliation.moves.isEmpty {
            out.append("That members note the correction of the published totals and ranks set out in section 1.")
        }
        let leaders = pack.ranking.leaders.map(label)
        if leaders.count == 1 {
            out.append("That members agree \(leaders[0]) as the preferred option.")
        } else if !leaders.isEmpty {
            out.append("That members decide between \(Ordinal.list(leaders)), which share first place on the scores.")
        }
        if findings.nearestSwitch != nil {
            out.append("That members confirm the weights given to the criteria, since the questions in this report show the weights at which the answer would change.")
        }
        return out
    }

    var background: [ReportBlock] {
        var blocks: [ReportBlock] = []
        if let source = appraisal.source { blocks.append(.text("The appraisal is taken from: \(source).")) }
        if let longList = pack.longList, let first = ScreeningRenderer.summary(longList).first { blocks.append(.text(first)) }
        let scale = appraisal.scale
        let weights = pack.selection.weights.areEqual ? "every criterion carrying the same weight"
            : "under \(pack.selection.name) (the appendix on criteria and weights gives each weight)"
        blocks.append(.text("Each option is scored on \(appraisal.criteria.count) criteria (\(ProgrammeText.list(appraisal.criteria.map(\.label)))) "
            + "from \(Formatting.number(scale.minimum)) to \(Formatting.number(scale.maximum)), \(weights); "
            + "an option's total is the sum of its weighted scores, out of \(Formatting.number(pack.ranking.entries.first?.maximum ?? .zero))."))
        if let note = ConsensusNote.note(appraisal) { blocks.append(.text(note)) }
        return blocks
    }

    /// Money facts the analyses give for the financial implications.
    var financialFacts: [String] {
        if let programme = pack.programme, let chosen = programme.recommended {
            return chosen.constraints.filter { $0.kind == .budget }.map { use in
                "The recommended programme spends \(ProgrammeText.amount(use.amount, use.measure)) of \(use.measure.name.lowercasedFirst)"
                    + ProgrammeText.yearPhrase(use.year, programme.problem.yearNames)
                    + ", leaving \(ProgrammeText.amount(use.slack, use.measure)) of the \(ProgrammeText.amount(use.limit, use.measure)) available."
            }
        }
        return Array(pack.moneyStatements.prefix(2))
    }

    var backgroundPapers: [ReportBlock] {
        var papers: [String] = []
        if let source = appraisal.source { papers.append(source) }
        // A scorecard by its title: its source note is the officer's record of how it was read.
        for dataset in pack.evidence?.datasets ?? [] { papers.append("Performance scorecard: " + dataset.title) }
        return papers.isEmpty ? [.text("None beyond the appendices to this report.")] : [.items(papers)]
    }
}
