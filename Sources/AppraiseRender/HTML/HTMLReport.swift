import AppraiseKit

/// The pack as one self-contained page a member can read on a tablet or print to PDF: no
/// network, no external scripts, fonts or styles, so it works opened straight from disk.
extension ReportPack {
    public var html: String {
        // The benefit–cost chart's script joins the page's only when the appraisal holds costs.
        let script = PageScript.source + (valueForMoney == nil ? "" : ValueForMoneyChart.script)
        let style = PageStyle.source
        let programmeData = programme.flatMap(ProgrammeScript.data)
        let programmeScript = programmeData == nil ? "" : " " + HTML.hashSource(ProgrammeScript.source)
        let policy = "default-src 'none'; script-src \(HTML.hashSource(script))\(programmeScript); style-src \(HTML.hashSource(style)); "
            + "img-src data:; base-uri 'none'; form-action 'none'"
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">\n"
        out += "<meta name=\"generator\" content=\"appraise \(HTML.escape(toolVersion))\">\n"
        out += "<title>\(HTML.escape(appraisal.title))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
        out += HTMLReport(pack: self).body
        out += HTML.dataBlock(id: "whatif-data", WhatIfPanel(pack: self).data)
        if let valueForMoney { out += HTML.dataBlock(id: "vfm-data", ValueForMoneyChart.data(valueForMoney)) }
        out += "<script>\(script)</script>\n"
        if let programmeData {
            out += HTML.dataBlock(id: "programme-data", programmeData) + "<script>\(ProgrammeScript.source)</script>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }
}

/// The sections of the page, in reading order.
struct HTMLReport {
    let pack: ReportPack

    var appraisal: Appraisal { pack.appraisal }

    func label(_ option: String) -> String { appraisal.option(option)?.label ?? option }

    var body: String {
        var sections: [(id: String, title: String, html: String)] = [
            ("summary", "Summary", summary),
            ("totals", "Where each total comes from", totals),
            ("what-if", "What if", WhatIfPanel(pack: pack).html),
            ("compare", "Compare two options", CompareView(pack: pack).html),
            ("scores", "Score matrix", scores),
            ("sensitivity", "Robustness", sensitivity),
            ("criteria", "Criteria", HTMLTableRenderer.render(CriteriaTable.table(appraisal, selection: pack.selection), rowHeader: 1)
                + (DescriptionTables.weightSets(appraisal).map { HTMLTableRenderer.render($0, rowHeader: 1) } ?? "")),
            ("options", "Options", (DescriptionTables.groups(appraisal).map { HTMLTableRenderer.render($0, rowHeader: 1) } ?? "") + options),
            ("rationale", "Rationale", rationale),
        ]
        sections.insert(contentsOf: longListSections, at: 1)
        if appraisal.recordsWeightReasons { sections.append(("value-tree", "Value tree and weights", ValueTreeHTML(pack: pack).html)) }
        if let vfm = pack.valueForMoney {
            let beforeRobustness = sections.firstIndex { $0.id == "sensitivity" } ?? sections.count
            sections.insert(("value-for-money", "Value for money", ValueForMoneyChart.section(pack, vfm: vfm)), at: beforeRobustness)
        }
        if let programme = pack.programme { sections.insert(("programme", "Programme", ProgrammeSection.html(programme)), at: 1) }
        if pack.evidence != nil { sections.append(("evidence", "Evidence", evidence)) }
        if pack.reconciliation.hasDeclarations { sections.append(("reconciliation", "Reconciliation", reconciliation)) }
        var out = "<header>\n<h1>\(HTML.escape(appraisal.title))</h1>\n"
        out += "<p class=\"meta\">\(HTML.escape(appraisal.body)), \(HTML.escape(appraisal.date))</p>\n"
        if let source = appraisal.source { out += "<p class=\"meta\">Source: \(HTML.escape(source))</p>\n" }
        out += "<p class=\"meta\">Fingerprint <span class=\"fingerprint\">\(HTML.escape(pack.fingerprint))</span></p>\n</header>\n"
        out += "<nav aria-label=\"Contents\">\n<ul>\n"
        for section in sections { out += "<li><a href=\"#\(section.id)\">\(section.title)</a></li>\n" }
        out += "</ul>\n</nav>\n<main>\n"
        for section in sections {
            // The what-if panel carries its own section element and heading.
            if section.id == "what-if" {
                out += section.html
            } else {
                out += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-heading\">\n"
                out += "<h2 id=\"\(section.id)-heading\">\(headings[section.id] ?? section.title)</h2>\n\(section.html)</section>\n"
            }
        }
        out += "</main>\n<footer>\n<p>Written by appraise \(HTML.escape(pack.toolVersion)) from the appraisal with fingerprint "
            + "<span class=\"fingerprint\">\(HTML.escape(pack.fingerprint))</span>, under \(HTML.escape(pack.selection.name)). "
            + "The CSV, Markdown and JSON files of the pack hold the same numbers; manifest.json beside this page lists the SHA-256 "
            + "of every file, so <code>appraise verify-pack</code> or <code>sha256sum -c SHA256SUMS</code> shows whether any was altered.</p>\n</footer>\n"
        return out
    }

    /// Headings where the section deserves a fuller one than its entry in the contents.
    var headings: [String: String] {
        ["scores": "Scores", "compare": "Why does one option beat another?", "sensitivity": "How robust the ranking is", "rationale": "Rationale for each score", "reconciliation": "Reconciliation with the published appraisal",
         "evidence": "Performance evidence behind the scores",
         "long-list": "Options considered, screened and set aside"]
    }

    var summary: String {
        var out = "<p class=\"headline\">\(HTML.escape(pack.headline))</p>\n"
        let consequences = pack.reconciliation.consequences(in: appraisal)
        if !consequences.isEmpty {
            let agrees = pack.reconciliation.findings.isEmpty && pack.reconciliation.moves.isEmpty
            out += "<div class=\"findings\(agrees ? " agrees" : "")\" role=\"note\" aria-labelledby=\"correction-heading\">\n"
                + "<h3 id=\"correction-heading\">\(HTML.escape(pack.correctionHeading))</h3>\n<ul>\n"
            for sentence in consequences { out += "<li>\(HTML.escape(sentence))</li>\n" }
            out += "</ul>\n<p><a href=\"#reconciliation\">Every published total and rank beside the one the scores give</a>"
                + (agrees ? "" : ", the differences first") + ".</p>\n</div>\n"
        }
        // The computed total, then what the publication said where it differs.
        let table = pack.rankingTableWithPublished
        let published = pack.publishedDifferences
        return out + HTMLTableRenderer.render(table, rowHeader: 1) { row, column in
            column == table.columns.firstIndex(where: { $0.header == "Total" }) && published[pack.ranking.entries[row].option] != nil
                ? "corrected" : nil
        }
    }

    /// The KPI evidence behind the scores, tensions first.
    var evidence: String {
        pack.evidenceTables.reversed().map { HTMLTableRenderer.render($0) }.joined()
    }

    var totals: String {
        var out = "<figure>\n<div class=\"scroll\" role=\"region\" aria-label=\"Totals chart\" tabindex=\"0\">\n"
            + TotalsChart.svg(pack, published: pack.publishedDifferences) + "</div>\n"
        out += "<figcaption>Totals out of the maximum, split by what each criterion contributes under \(HTML.escape(pack.selection.name)).</figcaption>\n"
        out += TotalsChart.legend(appraisal.criteria) + "</figure>\n"
        let table = WeightedMatrixTable.table(pack.ranking, matrix: pack.matrix, appraisal: appraisal, selection: pack.selection)
        return out + HTMLTableRenderer.render(pack.summarised(table), tableClass: "matrix")
    }

    /// The score matrix as a heat map: darker cells score higher, and every cell keeps its number.
    var scores: String {
        let scale = pack.matrix.scale
        let span = scale.maximum - scale.minimum
        let table = ScoreMatrixRenderer.table(pack.matrix, ranking: pack.ranking, appraisal: appraisal)
        var out = HTMLTableRenderer.render(pack.summarised(table), tableClass: "matrix") { row, column in
            guard column >= 1, column <= pack.matrix.criterionCount, !span.isZero else { return nil }
            let share = (pack.matrix.scores[row][column - 1] - scale.minimum) / span
            return "heat-\((share * Rational(5)).formatted(places: 0))"
        }
        out += "<p class=\"note\">Darker cells score higher.</p>\n"
        if !scale.anchors.isEmpty {
            out += "<ul class=\"note\">\n"
            for anchor in scale.anchors { out += "<li>\(Formatting.number(anchor.value)): \(HTML.escape(anchor.meaning))</li>\n" }
            out += "</ul>\n"
        }
        return out
    }

    /// The sensitivity analyses: findings in words, a sweep chart per criterion, then the tables.
    var sensitivity: String {
        let section = pack.sensitivity
        var out = "<ul>\n" + (section.report.statements + section.smaaStatements).map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
        out += "<h3>Every weighting at once</h3>\n<figure>\n<div class=\"scroll\" role=\"region\" aria-label=\"Rank acceptability chart\" tabindex=\"0\">\n"
            + RankAcceptabilityChart.svg(section) + "</div>\n<figcaption>How often each option takes each place when the weights are drawn at random "
            + "(SMAA rank acceptability); the table of shares is below.</figcaption>\n</figure>\n"
        let count = Rational(pack.matrix.criterionCount)
        out += "<h3>One weight at a time</h3>\n<p>Each chart moves one criterion's weight from 0% to 100% while the others keep their "
            + "proportions: a line per option's total, the dashed line at today's weight, and a circle wherever first place changes hands.</p>\n"
        out += SweepChart.legend(section) + "<div class=\"sweeps\">\n"
        for (index, sweep) in section.report.sweeps.enumerated() {
            out += "<figure>\n<div class=\"scroll\" role=\"region\" aria-label=\"\(HTML.escape(appraisal.criteria[index].label)) sweep chart\" tabindex=\"0\">\n"
                + SweepChart.svg(sweep, index: index, section: section, maximum: count * pack.matrix.scale.maximum,
                                 minimum: count * pack.matrix.scale.minimum) + "</div>\n"
            out += "<figcaption>\(HTML.escape(appraisal.criteria[index].label)), weight now \(Formatting.share(sweep.current))</figcaption>\n</figure>\n"
        }
        out += "</div>\n"
        for table in section.tables { out += HTMLTableRenderer.render(pack.summarised(table)) }
        return out
    }

    var options: String {
        var out = pack.summarisedOptionsNote.map { "<p class=\"note\">\(HTML.escape($0))</p>\n" } ?? ""
        let full = pack.optionsGivenInFull
        for option in appraisal.options where full.contains(option.id) {
            let entry = pack.ranking.entry(for: option.id)!
            out += "<article class=\"option\" id=\"option-\(HTML.escape(option.id))\">\n<h3>\(HTML.escape(option.label))</h3>\n"
            var facts: [String] = []
            if option.shortName != nil { facts.append(HTML.escape(option.name)) }
            let group = OptionsTable.groupName(option, in: appraisal)
            if !group.isEmpty { facts.append("Group: " + HTML.escape(group)) }
            facts.append("Rank \(Formatting.rank(entry)) with \(Formatting.outOf(entry.total, entry.maximum))")
            out += "<p class=\"meta\">\(facts.joined(separator: " · "))</p>\n"
            if !option.description.isEmpty { out += "<p>\(HTML.escape(option.description))</p>\n" }
            for paragraph in option.detail { out += "<p>\(HTML.escape(paragraph))</p>\n" }
            if !option.strengths.isEmpty || !option.weaknesses.isEmpty {
                out += "<div class=\"columns\">\n" + list("Strengths", option.strengths) + list("Weaknesses", option.weaknesses) + "</div>\n"
            }
            out += "</article>\n"
        }
        return out
    }

    func list(_ heading: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "<div>\n<h4>\(heading)</h4>\n<ul>\n" + items.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n</div>\n"
    }

    var rationale: String {
        var out = "<p>Open a score to read the appraisal's reasons for it: + for, – against, • contingent on something else happening.</p>\n"
        if let note = pack.summarisedOptionsNote { out += "<p class=\"note\">\(HTML.escape(note))</p>\n" }
        let full = pack.optionsGivenInFull
        var current: String?
        for (option, criterion, score) in RationaleTable.cells(appraisal) where full.contains(option.id) {
            if current != option.id {
                out += "<h3>\(HTML.escape(option.label))</h3>\n"
                current = option.id
            }
            out += "<details>\n<summary>\(HTML.escape(criterion.label)) <span class=\"score\">"
                + "\(Formatting.outOf(score.value, appraisal.scale.maximum))</span>\(HTML.escape(RationaleTable.byline(score)))</summary>\n"
            if let source = score.source { out += "<p class=\"note\">Source: \(HTML.escape(source))</p>\n" }
            if !score.rationale.isEmpty {
                out += "<ul class=\"bullets\">\n"
                for bullet in score.rationale {
                    out += "<li class=\"\(bullet.kind.rawValue)\"><span class=\"mark\" aria-hidden=\"true\">\(HTML.escape(bullet.kind.symbol))</span>"
                        + "<span class=\"visually-hidden\">\(RationaleTable.heading(bullet.kind)): </span>\(HTML.escape(bullet.text))</li>\n"
                }
                out += "</ul>\n"
            }
            if !score.evidence.isEmpty {
                out += "<p>Evidence:</p>\n<ul>\n" + score.evidence.map { "<li>\(HTML.escape(RationaleTable.evidenceText($0)))</li>\n" }.joined() + "</ul>\n"
            }
            if score.rationale.isEmpty && score.evidence.isEmpty { out += "<p class=\"note\">No reasons recorded.</p>\n" }
            out += "</details>\n"
        }
        return out
    }

    /// Every declared number beside the computed one, the ones that differ first.
    var reconciliation: String {
        var table = ReconciliationRenderer.table(pack.reconciliation, appraisal: appraisal)
        // The consequences are listed in the summary at the top of the page.
        table.notes = []
        let checkColumn = table.columns.count - 1
        let differing = table.rows.filter { $0[checkColumn] == "DIFFERS" }
        table.rows = differing + table.rows.filter { $0[checkColumn] != "DIFFERS" }
        return HTMLTableRenderer.render(table, rowHeader: 1) { row, column in
            column == checkColumn && table.rows[row][column] == "DIFFERS" ? "bad" : nil
        }
    }
}
