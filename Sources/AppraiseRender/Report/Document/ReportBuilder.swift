import AppraiseKit

extension ReportPack {
    /// The report members read, built once; every member-facing format renders this value.
    public var document: ReportDocument { document(charts: chartFiles) }

    /// The document with the pack's charts built already.
    func document(charts: [ChartFile]) -> ReportDocument {
        var builder = ReportBuilder(pack: self, charts: charts)
        return builder.build()
    }
}

/// Builds the report document from the pack, numbering tables and figures in reading order so
/// that "Table 4" is the same table in every format. Everything it takes from the file passes
/// through `ReaderText` on the way in.
struct ReportBuilder {
    let pack: ReportPack
    /// The pack's charts, in `chartFiles` order.
    let charts: [ChartFile]
    private(set) var tableCount = 0
    private(set) var figureCount = 0

    init(pack: ReportPack, charts: [ChartFile]) {
        self.pack = pack
        self.charts = charts
    }

    var appraisal: Appraisal { pack.appraisal }
    var paper: CommitteePaper { appraisal.paper ?? CommitteePaper() }
    var names: DisplayNames { DisplayNames(appraisal) }

    func label(_ option: String) -> String { appraisal.option(option)?.label ?? option }

    mutating func build() -> ReportDocument {
        let findings = ReportFindings(pack: pack)
        let front = frontSections(findings)
        let appendices = appendixSections()
        return ReportDocument(title: appraisal.title, particulars: particulars, question: question, answer: answer,
                              front: front, appendices: appendices, colophon: colophon)
    }

    var particulars: [ReportDocument.Particular] {
        var out = [ReportDocument.Particular(label: "Report to", value: ReaderText.clean(appraisal.body)),
                   .init(label: "Date", value: appraisal.date)]
        var version = pack.journal.map { "journal entry \($0.entries) (\(Self.shortDigest($0.head)))" } ?? "appraisal \(Self.shortDigest(pack.fingerprint))"
        if let note = paper.version, !note.isEmpty { version = note + ", " + version }
        out.append(.init(label: "Version", value: version))
        out.append(.init(label: "Author", value: paper.author.map(ReaderText.clean) ?? ReportBuilder.toComplete))
        out.append(.init(label: "Contact", value: paper.contact.map(ReaderText.clean) ?? ReportBuilder.toComplete))
        return out
    }

    /// The first 12 hex digits of a digest: enough to tell two versions apart when read aloud.
    static func shortDigest(_ digest: String) -> String {
        let hex = digest.split(separator: ":").last.map(String.init) ?? digest
        return String(hex.prefix(12))
    }

    /// What the report prints where the officer has still to write.
    static let toComplete = "[to be completed by the report author]"

    var colophon: String {
        "Written by appraise \(pack.toolVersion) under \(pack.selection.name) from the appraisal file with fingerprint \(pack.fingerprint). "
            + "The pack's CSV and JSON files hold every number in full, and its manifest the SHA-256 of every file."
    }

    /// The question the committee is asked, in one sentence.
    var question: String {
        let count = appraisal.options.count
        if let programme = pack.programme {
            let budgets = programme.problem.budgets.map { ProgrammeText.budgetPhrase($0.limit, programme.problem.measure($0.measure), year: $0.year, yearNames: programme.problem.yearNames) }
            let targets = programme.problem.targets.map { ProgrammeText.amount($0.atLeast, programme.problem.measure($0.measure)) }
            return "Which of the \(count) proposals should be funded" + (budgets.isEmpty ? "" : " " + ProgrammeText.list(budgets))
                + (targets.isEmpty ? "" : ", towards the target of " + ProgrammeText.list(targets)) + "?"
        }
        return "Which of the \(count) short-listed options should be preferred?"
    }

    /// The answer in one sentence: the programme to fund, or the option that comes first, in
    /// the unit the appraisal publishes its totals in when it declares one.
    var answer: String {
        if let programme = pack.programme { return programme.answer }
        guard let first = pack.ranking.entries.first else { return "There are no options to rank." }
        let unit = TotalsUnit(appraisal: appraisal)
        let total = unit.map { Formatting.published(first, unit: $0, weights: pack.selection.weights) } ?? Formatting.outOf(first.total, first.maximum)
        let leaders = pack.ranking.leaders
        var sentence: String
        if leaders.count > 1 {
            sentence = "No option is preferred on the scores alone: \(Ordinal.list(leaders.map(label))) share first place on "
                + "\(total), so members must choose between them."
        } else {
            sentence = "\(label(first.option)) is the preferred option, first with \(total)"
            if pack.ranking.entries.count > 1 {
                let second = pack.ranking.entries[1]
                let runnersUp = pack.ranking.entries.filter { $0.rank == second.rank }.map { label($0.option) }
                let margin = first.marginToNext ?? .zero
                if let unit {
                    sentence += ", \(Formatting.number(margin * unit.perPoint(maximum: first.maximum, weights: pack.selection.weights))) ahead of \(Ordinal.list(runnersUp))"
                } else {
                    sentence += ", \(Formatting.number(margin)) point\(margin == .one ? "" : "s") ahead of \(Ordinal.list(runnersUp))"
                }
            }
            sentence += "."
        }
        return unit?.relativeMeaning.map { sentence + " " + $0 } ?? sentence
    }

    // MARK: Blocks

    mutating func table(_ table: Table, rowHeader: Int = 0, style: ReportTable.Style = .plain) -> ReportBlock {
        tableCount += 1
        // At scale a table gives its leading rows and columns and names its CSV, as `summarised` says.
        return .table(ReportTable(number: tableCount, table: Self.forMembers(pack.summarised(table)), rowHeader: rowHeader, style: style))
    }

    mutating func figure(_ chart: ChartFile) -> ReportBlock {
        figureCount += 1
        return .figure(ReportFigure(number: figureCount, chart: chart))
    }

    /// A table as members read it: identifier columns dropped, every cell and note cleaned,
    /// (cut to size by the caller).
    static func forMembers(_ table: Table) -> Table {
        var shown = table
        let keep = table.columns.indices.filter { table.columns[$0].header != "ID" }
        shown.columns = keep.map { table.columns[$0] }
        shown.rows = table.rows.map { row in keep.map { ReaderText.clean(row[$0]) } }
        shown.notes = table.notes.map(ReaderText.clean).filter { !$0.isEmpty }
        shown.title = ReaderText.clean(table.title)
        return shown
    }
}

/// Cleaned paragraphs and lists, so no builder forgets to clean one.
extension ReportBlock {
    static func text(_ text: String) -> ReportBlock { .paragraph(ReaderText.clean(text)) }
    static func items(_ items: [String]) -> ReportBlock { .list(items.map(ReaderText.clean).filter { !$0.isEmpty }) }
}
