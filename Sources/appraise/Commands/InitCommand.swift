import AppraiseKit
import Foundation

enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Start a new appraisal file and its journal.",
        discussion: """
        Writes FILE with the title, body, date and scale given, and FILE.journal with the entry
        that created it. With --from-csv the criteria, options, weights and scores come from a
        spreadsheet score matrix: a header row naming the criteria, one row per option with its
        scores (empty cells are not scored yet) and optionally a row headed "Weight" or
        "Weighting" (25% is read as 25, an empty cell as 0). A table laid out the other way
        (criteria as rows, options across the header, a "Weight" column) is read as well: the
        layout comes from the Weight row or column and the first cell ("Option", "Criteria"),
        a note says which was read, and a sheet that does not say is refused with both readings
        until --options-in rows or columns settles it. A Total column (or row) is kept as the
        published totals, on the basis and weighting they agree with (see declare); rows and
        columns of ranks are left out (the tool computes them); every bad cell is listed at once. Excel's
        "CSV UTF-8" and LibreOffice exports are read as they are (comma or semicolon, BOM, CRLF,
        quoted fields). A long list may add columns of screening results (cells pass, pass with
        reservations or fail, or a header "CSF: name"), a "Stage" column and a "Reason" column;
        without a Stage column an option that fails a factor is discounted. A raw decision matrix
        (a row headed "Direction" saying benefit or cost for each column, optionally a row headed
        "Unit") makes every criterion measured: its value function is the linear one --normalise
        amounts to over the column (a cost turned round by reversal), or with --cost-rule
        reciprocal a cost's 1/x normalised the same way over the column, and every cell keeps its
        level with the score worked out from it. Columns named with --cost-column, --saving-column or --quantity-column are measures, not
        criteria: each cell is that option's amount, read exactly as printed (£1,200,000, 1200000,
        £87k, £1.2m, a range £50k–£87k; words such as TBC are kept as not known; anything ambiguous
        is refused with its cell). Money is counted in GBP unless --currency says otherwise; a cell
        in another currency ($5000 or €7000 in a GBP appraisal) is refused with its cell, never
        converted or read as pounds. Refuses to overwrite an existing file.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file to create (JSON).")],
        options: [
            .init(name: "title", value: "TEXT", help: "What is being appraised (required)."),
            .init(name: "body", value: "TEXT", help: "Who makes the appraisal: council, committee (required)."),
            .init(name: "id", value: "ID", help: "Kebab-case id [default: from the file name]."),
            .init(name: "date", value: "DATE", help: "When the appraisal is made: YYYY, YYYY-MM or YYYY-MM-DD (required)."),
            .init(name: "source", value: "TEXT", help: "The document the appraisal is taken from."),
            .init(name: "scale", value: "MIN..MAX", help: "The score scale.", defaultValue: "0..5"),
            .init(name: "step", value: "STEP", help: "Smallest difference between two scores.", defaultValue: "1"),
            .init(name: "from-csv", value: "MATRIX.csv", help: "Take criteria, options, weights and scores from a score matrix."),
            .init(name: "normalise", value: "METHOD", help: "How a raw matrix's levels become scores.",
                  choices: Normalisation.allCases.map(\.rawValue), defaultValue: Normalisation.minMax.rawValue),
            .init(name: "cost-rule", value: "RULE", help: "How --normalise turns a cost round: reversal (1 − benefit form) or reciprocal (1/x, then normalised).",
                  choices: Normalisation.CostRule.allCases.map(\.rawValue), defaultValue: Normalisation.CostRule.reversal.rawValue),
            optionsInOption,
            .init(name: "cost-column", value: "HEADER", help: "A --from-csv column of costs (money), not scores.", repeatable: true),
            .init(name: "saving-column", value: "HEADER", help: "A --from-csv column of savings or income (money).", repeatable: true),
            .init(name: "quantity-column", value: "HEADER=UNIT", help: "A --from-csv column of another quantity, e.g. 'Places=places'.",
                  repeatable: true),
            .init(name: "currency", value: "CODE", help: "The currency the appraisal counts money in (ISO code, e.g. USD) [default: GBP]."),
            .init(name: "kpi-dataset", value: "PATH", help: "A KPI dataset the scores will cite as evidence, relative to FILE's folder.",
                  repeatable: true),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let url = URL(fileURLWithPath: path)
        guard let title = arguments.value("title", spec: spec), let body = arguments.value("body", spec: spec) else {
            throw UsageError(message: "a new appraisal needs --title TEXT and --body TEXT")
        }
        // No silent default: the date goes into every page of the pack.
        guard let date = arguments.value("date", spec: spec) else {
            throw UsageError(message: "a new appraisal needs --date: when it is made, as YYYY, YYYY-MM or YYYY-MM-DD (e.g. --date 2026-11)")
        }
        let author = try EditSession.author(arguments, spec: spec)
        let stem = url.deletingPathExtension().lastPathComponent
        var appraisal = Appraisal(
            id: arguments.value("id", spec: spec) ?? Identifier.suggestion(for: stem), title: title, body: body,
            date: date,
            source: arguments.value("source", spec: spec), scale: try scale(arguments),
            criteria: [], options: [], scores: [], kpiDatasets: arguments.all("kpi-dataset"))
        if let currency = arguments.value("currency", spec: spec) {
            guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw UsageError(message: "--currency must be an ISO currency code of three capital letters, e.g. GBP, EUR or USD, not '\(currency)'")
            }
            appraisal.costing = Costing(currency: currency)
        }
        if let matrix = arguments.value("from-csv", spec: spec) {
            let table = try SheetInput.read(matrix)
            do {
                if RawMatrixImport.isRawMatrix(table) {
                    let method = Normalisation(rawValue: arguments.value("normalise", spec: spec) ?? "") ?? .minMax
                    let costs = Normalisation.CostRule(rawValue: arguments.value("cost-rule", spec: spec) ?? "") ?? .reversal
                    appraisal = try RawMatrixImport.apply(table, file: matrix, to: appraisal, normalisation: method, costs: costs)
                } else {
                    let imported = LongListImport.applies(to: table)
                        ? try LongListImport.apply(table, file: matrix, to: appraisal)
                        : try ScoreMatrixImport.apply(table, file: matrix, to: appraisal, measures: try measureColumns(arguments),
                                                      optionsIn: try optionsIn(arguments, spec: spec))
                    appraisal = imported.appraisal
                    for note in [imported.layoutNote].compactMap({ $0 }) + imported.notes { console.error("note: \(note)") }
                }
            } catch let error as SheetProblems {
                throw SheetInput.failure(error, file: matrix, console: console)
            } catch let error as EditError {
                throw InputError(message: error.message)
            }
        }
        let result: AppraisalEditor.Result
        do {
            result = try AppraisalEditor.written(appraisal)
        } catch {
            throw InputError(message: "\(path): \(error.message)")
        }
        if FileManager.default.fileExists(atPath: url.path) {
            throw InputError(message: "\(path) already exists; edit it with the other commands, or choose another file name")
        }
        let journal = try JournalFile(appraisal: url, path: path, create: true)
        let text = try journal.read()
        guard text.lines.isEmpty else {
            throw InputError(message: "\(journal.name) already holds \(text.lines.count) entr\(text.lines.count == 1 ? "y" : "ies"); run 'appraise verify \(path)' (and --repair to write an interrupted first entry), or remove the journal if it belongs to a deleted appraisal")
        }
        try journal.removeUnfinished(text)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw InputError(message: "\(path) was created by another process meanwhile; nothing was changed")
        }
        let entry = try EditSession.commit(journal: journal, url: url, number: 1, previous: nil, from: [:], before: nil,
                                           writing: result.text, to: AppraisalEncoding.members(result.appraisal), action: "init", author: author,
                                           reason: arguments.value("reason", spec: spec))
        EditSession.report(entry, path: path, console: console)
        if let matrix = arguments.value("from-csv", spec: spec) {
            let appraisal = result.appraisal
            console.out("  from \(matrix): \(appraisal.criteria.count) criteria, \(appraisal.options.count) options, \(appraisal.scores.count) scores\n")
        }
        return .success
    }

    /// `--options-in rows|columns`, shared with `score --from-csv`.
    static let optionsInOption = CommandSpec.Option(
        name: "options-in", value: "rows|columns", help: "Where a --from-csv matrix keeps its options, when the sheet does not say.",
        choices: SheetLayout.allCases.map(\.rawValue))

    static func optionsIn(_ arguments: ParsedArguments, spec: CommandSpec) throws(UsageError) -> SheetLayout? {
        arguments.value("options-in", spec: spec).flatMap(SheetLayout.init(rawValue:))
    }

    /// The measure columns declared for --from-csv.
    private static func measureColumns(_ arguments: ParsedArguments) throws(UsageError) -> [ScoreMatrixImport.MeasureColumn] {
        var columns = arguments.all("cost-column").map { ScoreMatrixImport.MeasureColumn(header: $0, kind: .cost) }
        columns += arguments.all("saving-column").map { ScoreMatrixImport.MeasureColumn(header: $0, kind: .saving) }
        for text in arguments.all("quantity-column") {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError(message: "--quantity-column needs HEADER=UNIT, e.g. 'Places created=places', not '\(text)'")
            }
            columns.append(ScoreMatrixImport.MeasureColumn(header: parts[0], kind: .quantity, unit: parts[1]))
        }
        return columns
    }

    /// The scale from `--scale MIN..MAX` and `--step STEP`.
    private static func scale(_ arguments: ParsedArguments) throws(UsageError) -> ScoreScale {
        let text = arguments.value("scale", spec: spec) ?? "0..5"
        let bounds = text.components(separatedBy: "..")
        let number = { (text: String) in NumberText.read(text).flatMap { $0.isPercentage ? nil : $0.value } }
        guard bounds.count == 2, let minimum = number(bounds[0]), let maximum = number(bounds[1]), minimum < maximum else {
            throw UsageError(message: "--scale must be MIN..MAX with MIN below MAX, e.g. 0..5 or 1..10, not '\(text)'")
        }
        let stepText = arguments.value("step", spec: spec) ?? "1"
        guard let step = number(stepText), step > .zero, ((maximum - minimum) / step).isInteger else {
            let hint = number(stepText) == nil ? "; \(NumberText.hint(stepText))" : ""
            throw UsageError(message: "--step must be a positive number that divides \(text) into whole steps, e.g. 1 or 0.5, not '\(stepText)'\(hint)")
        }
        return ScoreScale(minimum: minimum, maximum: maximum, step: step)
    }
}
