import AppraiseKit
import Foundation

/// Everything `report` and `export` print and write for one appraisal, built once so that the
/// printed summary and every exported format come from the same values and cannot disagree.
public struct ReportPack {
    /// The scored short list, which every table and analysis of the pack is about.
    public let appraisal: Appraisal
    /// The whole file when it records a long list (stages, screening): its options
    /// considered, screened and set aside lead the pack. Nil for a file without one.
    public let longList: Appraisal?
    public let fingerprint: String
    public let matrix: DecisionMatrix
    public let selection: WeightSelection
    public let ranking: Ranking
    public let reconciliation: Reconciliation
    /// The version of the tool writing the pack, recorded in its manifest and pages.
    public let toolVersion: String
    public let sensitivity: SensitivitySection
    /// The KPI evidence the scores cite; nil when the appraisal cites none.
    public let evidence: AppraisalEvidence?
    /// Value for money under the pack's weighting; nil when the appraisal holds no costs.
    public let valueForMoney: ValueForMoney?
    /// The appraisal's journal head, recorded in the manifest; nil when it has no journal that verifies.
    public var journal: PackManifest.Journal?
    /// The best programme and its robustness; nil unless the options are proposals.
    public let programme: ProgrammeReport?

    /// Throws only when the sensitivity analyses cannot run: an order of importance that does
    /// not list every criterion once, or a named weighting that cannot be normalised. Takes
    /// the whole file; options not on the scored short list appear only in the long list.
    public init(
        appraisal file: Appraisal, fingerprint: String, matrix: DecisionMatrix, selection: WeightSelection, toolVersion: String,
        datasets: [KPIDataset] = []
    ) throws {
        let appraisal = file.shortList
        self.appraisal = appraisal
        longList = file.hasLongList ? file : nil
        self.fingerprint = fingerprint
        self.matrix = matrix
        self.selection = selection
        self.toolVersion = toolVersion
        reconciliation = Reconciliation(appraisal: appraisal, matrix: matrix, weights: selection.weights)
        ranking = reconciliation.ranking
        sensitivity = try SensitivitySection(appraisal: appraisal, matrix: matrix, selection: selection)
        let evidence = AppraisalEvidence(appraisal: appraisal, datasets: datasets)
        self.evidence = evidence.citations.isEmpty ? nil : evidence
        valueForMoney = ValueForMoney(appraisal: appraisal, weights: selection, matrix: matrix)
        programme = try ProgrammeReport(appraisal: appraisal, matrix: matrix, selection: selection)
    }

    /// The programme tables, empty for an appraisal whose options are rivals.
    public var programmeTables: [Table] { programme.map(ProgrammeRenderer.tables) ?? [] }

    /// The money tables (value for money, switching values, costs by year, whole-life cost
    /// working); empty when the appraisal holds no costs.
    public var moneyTables: [Table] {
        guard let vfm = valueForMoney else { return [] }
        return ValueForMoneyRenderer.tables(vfm, appraisal: appraisal)
            + [WholeLifeCostRenderer.costsByYear(appraisal), WholeLifeCostRenderer.working(vfm.costing, appraisal: appraisal)]
    }

    /// The value-for-money findings in words; empty without costs.
    public var moneyStatements: [String] {
        valueForMoney.map { ValueForMoneyStatements.sentences($0, names: DisplayNames(appraisal)) } ?? []
    }

    /// The long list's tables (every option considered, screening, set aside, framework),
    /// which lead the pack; empty for a file without a long list.
    public var longListTables: [Table] { longList.map(ScreeningRenderer.tables) ?? [] }

    /// The evidence tables (citations, tensions), empty when nothing is cited.
    public var evidenceTables: [Table] {
        evidence.map { EvidenceRenderer.tables($0, appraisal: appraisal) } ?? []
    }

    /// The ranking as read in the summary, the Markdown and the page.
    public var rankingTable: Table { RankingRenderer.table(ranking, appraisal: appraisal, selection: selection) }

    /// The value tree, the reasons for the weights, sub-totals by branch and branch
    /// sensitivity; empty for a flat appraisal that records no reasons for its weights.
    public var valueTreeTables: [Table] { ValueTreeRenderer.tables(appraisal, matrix: matrix, selection: selection) }

    /// The tables as written to spreadsheets, one CSV file each.
    public var spreadsheetTables: [Table] {
        var tables = [DescriptionTables.about(appraisal)] + longListTables + [
            CriteriaTable.table(appraisal, selection: selection, offersSeparator: "\n"),
            OptionsTable.table(appraisal),
        ] + DescriptionTables.tables(appraisal) + [
            SpreadsheetTables.ranking(ranking, appraisal: appraisal, selection: selection),
            SpreadsheetTables.scoreMatrix(matrix, ranking: ranking, appraisal: appraisal),
            WeightedMatrixTable.data(ranking, matrix: matrix, appraisal: appraisal, selection: selection),
            RationaleTable.table(appraisal),
        ]
        if reconciliation.hasDeclarations {
            tables.append(SpreadsheetTables.reconciliation(reconciliation, appraisal: appraisal))
        }
        let money = valueForMoney.map { MoneySpreadsheetTables.tables($0, appraisal: appraisal) } ?? []
        return tables + valueTreeTables + money + sensitivity.tables + evidenceTables + programmeTables
    }

    /// The committee-ready summary printed by `report`: the report document's front section.
    public var summary: String { document.text }

    /// One sentence naming the leader and its lead.
    public var headline: String {
        if let programme, let first = programme.statements.first { return first }
        let label = { (id: String) in appraisal.option(id)?.label ?? id }
        guard let first = ranking.entries.first else { return "" }
        let leaders = ranking.leaders
        if let unit = TotalsUnit(appraisal: appraisal) {
            return Formatting.headline(ranking, unit: unit, weights: selection.weights, label: label)
        }
        if leaders.count > 1 {
            return "\(Ordinal.list(leaders.map(label))) share first place on \(Formatting.outOf(first.total, first.maximum))."
        }
        var sentence = "\(label(first.option)) ranks first with \(Formatting.outOf(first.total, first.maximum)) (\(Formatting.percent(first.percent)))"
        if ranking.entries.count > 1 {
            let second = ranking.entries[1]
            let runnersUp = ranking.entries.filter { $0.rank == second.rank }.map { label($0.option) }
            let margin = first.marginToNext ?? .zero
            sentence += ", \(Formatting.number(margin)) point\(margin == .one ? "" : "s") ahead of \(Ordinal.list(runnersUp))"
        }
        return sentence + "."
    }

    /// The whole pack as one JSON document, every table in it.
    public var json: JSONValue {
        var document: [String: JSONValue] = [
            "appraisal": .object([
                "id": .string(appraisal.id), "title": .string(appraisal.title), "body": .string(appraisal.body),
                "date": .string(appraisal.date), "source": .optional(appraisal.source), "fingerprint": .string(fingerprint),
            ]),
            "generator": .object(["tool": .string("appraise"), "version": .string(toolVersion)]),
            "headline": .string(headline),
            "weightSet": .string(selection.id),
            "weightSetName": .string(selection.name),
            "criteria": CriteriaTable.json(appraisal, selection: selection),
            "options": OptionsTable.json(appraisal),
            "ranking": .array(RankingRenderer.entries(ranking, appraisal: appraisal)),
            "scoreMatrix": ScoreMatrixRenderer.json(matrix, appraisal: appraisal),
            "weightedMatrix": WeightedMatrixTable.json(ranking, matrix: matrix, selection: selection),
            "rationale": RationaleTable.json(appraisal),
            "sensitivity": sensitivity.json,
        ]
        if let evidence { document["evidence"] = EvidenceRenderer.json(evidence) }
        if let longList { document["longList"] = ScreeningRenderer.json(longList) }
        if appraisal.recordsWeightReasons { document["valueTree"] = ValueTreeRenderer.json(appraisal, matrix: matrix, selection: selection) }
        if let valueForMoney {
            document["valueForMoney"] = WholeLifeCostRenderer.json(valueForMoney, appraisal: appraisal, fingerprint: fingerprint, findings: moneyStatements)
        }
        if let programme { document["programme"] = ProgrammeRenderer.json(programme) }
        if reconciliation.hasDeclarations {
            document["reconciliation"] = .object([
                "findings": .array(reconciliation.findings.map(ReconciliationRenderer.json)),
                "consistentWhenRounded": .array(reconciliation.consistentWhenRounded.map(ReconciliationRenderer.json)),
                "consequences": .array(reconciliation.consequences(in: appraisal).map(JSONValue.string)),
            ])
        }
        return .object(document)
    }

    /// What the pack was generated with, as recorded in its manifest.
    public func settings(_ formats: [PackFormat]) -> [String: JSONValue] {
        [
            "weightSet": .string(selection.id),
            "formats": .array(formats.sorted().map { .string($0.rawValue) }),
            "smaa": sensitivity.settings,
        ]
    }

    /// Files to write, by name inside the pack's folder, in a fixed order: the chosen formats,
    /// then `manifest.json` with the SHA-256 of each, then the same digests as `SHA256SUMS`.
    public func files(_ formats: [PackFormat] = PackFormat.allCases) -> [(path: String, contents: Data)] {
        var files: [(path: String, contents: Data)] = []
        let chosen = Set(formats)
        if chosen.contains(.csv) {
            // The byte-order mark makes Excel read the file as UTF-8 (otherwise "–" turns into "â€“").
            files += spreadsheetTables.map { ("\($0.id).csv", Data(("\u{FEFF}" + CSVTableRenderer.render($0)).utf8)) }
        }
        // Charts built once, for the report document and the SVG files: at scale they take a while.
        let charts = chosen.isDisjoint(with: [.md, .html, .docx, .svg]) ? [] : chartFiles
        // One report document for every member-facing format.
        let document = chosen.isDisjoint(with: [.md, .html, .docx]) ? nil : self.document(charts: charts)
        if chosen.contains(.md), let document {
            files.append(("report.md", Data(document.markdown.utf8)))
            files.append(("summary.md", Data(document.summaryMarkdown.utf8)))
        }
        if chosen.contains(.json) { files.append(("report.json", Data(json.withExactSiblings.prettyText.utf8))) }
        if chosen.contains(.html), let document { files.append(("report.html", Data(html(document).utf8))) }
        if chosen.contains(.docx), let document { files.append(("report.docx", docx(document))) }
        if chosen.contains(.xlsx) { files.append(("workbook.xlsx", xlsx)) }
        if chosen.contains(.svg) { files += charts.map { ($0.fileName, Data($0.svg.utf8)) } }
        let manifest = PackManifest(
            appraisalID: appraisal.id, fingerprint: fingerprint, toolVersion: toolVersion, settings: settings(formats),
            files: files.map { PackManifest.Entry(path: $0.path, contents: $0.contents) }, journal: journal)
        return files + [(PackManifest.fileName, manifest.contents), (PackManifest.checksumsFileName, manifest.checksums)]
    }
}
