import AppraiseKit

/// The analyses behind the front section, as lettered appendices: the programme, how each
/// total is made, the scores, the criteria and weights, robustness, value for money, the long
/// list, the published figures, the evidence, the options in full and the reasons for every score.
extension ReportBuilder {
    mutating func appendixSections() -> [ReportSection] {
        let charts = self.charts
        func chart(_ name: String) -> ChartFile? { charts.first { $0.fileName == name } }
        var sections: [ReportSection] = []
        if let programme = pack.programme {
            var blocks: [ReportBlock] = [.items(programme.statements), .interactive(.programme)]
            if let frontier = chart("chart-frontier.svg") { blocks.append(figure(frontier)) }
            for table in pack.programmeTables { blocks.append(self.table(table)) }
            sections.append(ReportSection(id: "programme", title: "The programme in detail", blocks: blocks))
        }

        var totals: [ReportBlock] = []
        if let chart = chart("chart-totals.svg") { totals.append(figure(chart)) }
        let ranking = pack.rankingTableWithPublished
        let leadingRanks = Array(pack.ranking.entries.indices.prefix(ReportPack.optionsInFull))
        totals.append(table(leading(ranking, rows: leadingRanks, file: "ranking.csv"), rowHeader: 1, style: .marked(leadingRanks.map { rankingMarks[$0] })))
        let inFull = pack.optionsGivenInFull
        let leadingOptions = pack.matrix.optionIDs.indices.filter { inFull.contains(pack.matrix.optionIDs[$0]) }
        totals.append(table(leading(WeightedMatrixTable.table(pack.ranking, matrix: pack.matrix, appraisal: appraisal, selection: pack.selection),
                                    rows: leadingOptions, file: "weighted-matrix.csv"), style: .matrix))
        if let subtotals = pack.valueTreeTables.first(where: { $0.id == "branch-subtotals" }) { totals.append(table(subtotals)) }
        sections.append(ReportSection(id: "totals", title: "Ranking and where each total comes from", blocks: totals))

        var scores: [ReportBlock] = [table(leading(ScoreMatrixRenderer.table(pack.matrix, ranking: pack.ranking, appraisal: appraisal),
                                                   rows: leadingOptions, file: "score-matrix.csv"),
                                           style: .heat(leadingOptions.map { heatShades[$0] }))]
        if let scale = DescriptionTables.scale(appraisal) { scores.append(table(scale)) }
        sections.append(ReportSection(id: "scores", title: "Scores", blocks: scores))

        var criteria: [ReportBlock] = [table(CriteriaTable.table(appraisal, selection: pack.selection), rowHeader: 0)]
        if let sets = DescriptionTables.weightSets(appraisal) { criteria.append(table(sets)) }
        if appraisal.recordsWeightReasons {
            criteria.append(.interactive(.valueTree))
            for tree in pack.valueTreeTables where tree.id != "branch-subtotals" { criteria.append(table(tree)) }
        }
        sections.append(ReportSection(id: "criteria", title: "Criteria and weights", blocks: criteria))

        var robustness: [ReportBlock] = [.items(pack.sensitivity.report.statements + pack.sensitivity.smaaStatements)]
        for sweep in charts where sweep.fileName.hasPrefix("chart-sweep-") { robustness.append(figure(sweep)) }
        if let acceptability = chart("chart-rank-acceptability.svg") { robustness.append(figure(acceptability)) }
        for analysis in pack.sensitivity.tables { robustness.append(table(pack.summarised(analysis))) }
        sections.append(ReportSection(id: "sensitivity", title: "How robust the ranking is", blocks: robustness))

        sections.append(ReportSection(id: "explore", title: "Trying other weights", blocks: [
            .text("The page version of this report (report.html) lets members move each criterion's weight, or type the share it should carry, "
                + "and see the ranking recomputed exactly; it also sets any two options side by side, criterion by criterion. "
                + "The weights at which the answer changes are given in the appendix on robustness."),
            .interactive(.whatIf), .interactive(.compare),
        ]))

        if pack.valueForMoney != nil {
            var money: [ReportBlock] = [.items(pack.moneyStatements), .interactive(.valueForMoney)]
            for moneyTable in pack.moneyTables { money.append(table(moneyTable, rowHeader: 1)) }
            sections.append(ReportSection(id: "value-for-money", title: "Value for money and costs by year", blocks: money))
        }
        if !pack.longListTables.isEmpty {
            let blocks = pack.longListTables.map { self.table($0) }
            sections.append(ReportSection(id: "long-list", title: "Options considered, screened and set aside", blocks: blocks))
        }
        if pack.reconciliation.hasDeclarations {
            var reconciliation = ReconciliationRenderer.table(pack.reconciliation, appraisal: appraisal)
            // The consequences are given in section 1; the differing rows come first.
            reconciliation.notes = []
            let check = reconciliation.columns.count - 1
            reconciliation.rows = reconciliation.rows.filter { $0[check] == "DIFFERS" } + reconciliation.rows.filter { $0[check] != "DIFFERS" }
            let marks = reconciliation.rows.map { row in row.indices.map { $0 == check && row[check] == "DIFFERS" ? "bad" : nil } }
            sections.append(ReportSection(id: "reconciliation", title: "Reconciliation with the published appraisal",
                                          blocks: [table(reconciliation, rowHeader: 1, style: .marked(marks))]))
        }
        if let evidence = pack.evidence {
            var blocks: [ReportBlock] = [.items(["\(evidence.citations.count) KPI citation\(evidence.citations.count == 1 ? "" : "s") from \(evidence.datasets.count) "
                + "scorecard\(evidence.datasets.count == 1 ? "" : "s") \(evidence.citations.count == 1 ? "is" : "are") attached to the scores."]
                + (evidence.tensions.isEmpty ? ["No score is contradicted by the evidence it cites."] : evidence.tensions.map(\.message)))]
            for evidenceTable in pack.evidenceTables.reversed() { blocks.append(table(evidenceTable)) }
            sections.append(ReportSection(id: "evidence", title: "Performance evidence behind the scores", blocks: blocks))
        }
        sections.append(ReportSection(id: "options", title: "The options in full", blocks: optionsInFull()))
        sections.append(ReportSection(id: "rationale", title: "Rationale for each score", blocks: rationale))
        return sections
    }

    /// A table of one row per option cut to the rows of the leading options (`ReportPack.optionsInFull`),
    /// with a note counting the rest and naming the CSV that holds every one.
    func leading(_ table: Table, rows: [Int], file: String) -> Table {
        guard rows.count < table.rows.count else { return table }
        var shown = table
        shown.rows = rows.map { table.rows[$0] }
        shown.notes.append("Shown: the \(rows.count) leading options by rank; the other \(table.rows.count - rows.count) are in \(file) and report.json.")
        return shown
    }

    /// The ranking's total cells marked where the published total differs.
    var rankingMarks: [[String?]] {
        let table = pack.rankingTableWithPublished
        let published = pack.publishedDifferences
        let column = table.columns.firstIndex { $0.header == "Total" }
        return pack.ranking.entries.map { entry in
            table.columns.indices.map { $0 == column && published[entry.option] != nil ? "corrected" : nil }
        }
    }

    /// The score matrix's heat-map shade of every cell: darker scores higher.
    var heatShades: [[String?]] {
        let scale = pack.matrix.scale
        let span = scale.maximum - scale.minimum
        let columns = ScoreMatrixRenderer.table(pack.matrix, ranking: pack.ranking, appraisal: appraisal).columns.count
        return pack.matrix.scores.map { row in
            (0..<columns).map { column in
                guard column >= 1, column <= pack.matrix.criterionCount, !span.isZero else { return nil }
                return "heat-\((((row[column - 1] - scale.minimum) / span) * Rational(5)).formatted(places: 0))"
            }
        }
    }

    mutating func optionsInFull() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if let groups = DescriptionTables.groups(appraisal) { blocks.append(table(groups, rowHeader: 0)) }
        if let note = pack.summarisedOptionsNote { blocks.append(.text(note)) }
        let full = pack.optionsGivenInFull
        for option in appraisal.options where full.contains(option.id) {
            var facts: [String] = []
            if option.shortName != nil { facts.append(option.name) }
            let group = OptionsTable.groupName(option, in: appraisal)
            if !group.isEmpty { facts.append("group: \(group)") }
            if let entry = pack.ranking.entry(for: option.id) { facts.append("rank \(Formatting.rank(entry)) with \(Formatting.outOf(entry.total, entry.maximum))") }
            var inner: [ReportBlock] = [.text(facts.joined(separator: "; ").capitalisedFirst + ".")]
            if !option.description.isEmpty { inner.append(.text(option.description)) }
            inner += option.detail.map(ReportBlock.text)
            if !option.strengths.isEmpty { inner.append(.subsection(title: "Strengths", blocks: [.items(option.strengths)], folded: false)) }
            if !option.weaknesses.isEmpty { inner.append(.subsection(title: "Weaknesses", blocks: [.items(option.weaknesses)], folded: false)) }
            blocks.append(.subsection(title: option.label, blocks: inner, folded: false))
        }
        return blocks
    }

    /// The reasons for every score of the options given in full, a folded part per score.
    var rationale: [ReportBlock] {
        var blocks: [ReportBlock] = [.text("The appraisal's reasons for each score: for, against, and contingent on something else happening.")]
        if let note = pack.summarisedOptionsNote { blocks.append(.text(note)) }
        let full = pack.optionsGivenInFull
        var current: (id: String, title: String, blocks: [ReportBlock])?
        for (option, criterion, score) in RationaleTable.cells(appraisal) where full.contains(option.id) {
            if current?.id != option.id {
                if let done = current { blocks.append(.subsection(title: done.title, blocks: done.blocks, folded: false)) }
                current = (option.id, option.label, [])
            }
            var reasons = score.rationale.map { Reason(kind: $0.kind, text: ReaderText.clean($0.text)) }
            reasons += score.evidence.map { Reason(kind: nil, text: ReaderText.clean(RationaleTable.evidenceText($0))) }
            var inner: [ReportBlock] = []
            if let source = score.source, !ReaderText.clean(source).isEmpty { inner.append(.text("Source: \(source).")) }
            inner.append(reasons.isEmpty ? .text("No reasons recorded.") : .reasons(reasons))
            current?.blocks.append(.subsection(title: "\(criterion.label): \(Formatting.outOf(score.value, appraisal.scale.maximum))\(RationaleTable.byline(score))",
                                               blocks: inner, folded: true))
        }
        if let done = current { blocks.append(.subsection(title: done.title, blocks: done.blocks, folded: false)) }
        return blocks
    }
}

extension String {
    /// The first letter in capitals: a sentence made of facts starting in lower case.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
