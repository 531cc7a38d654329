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
        scores (empty cells are not scored yet) and optionally a row headed "Weight". Excel's
        "CSV UTF-8" and LibreOffice exports are read as they are (comma or semicolon, BOM, CRLF,
        quoted fields). Refuses to overwrite an existing file.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file to create (JSON).")],
        options: [
            .init(name: "title", value: "TEXT", help: "What is being appraised (required)."),
            .init(name: "body", value: "TEXT", help: "Who makes the appraisal: council, committee (required)."),
            .init(name: "id", value: "ID", help: "Kebab-case id [default: from the file name]."),
            .init(name: "date", value: "DATE", help: "When: YYYY, YYYY-MM or YYYY-MM-DD [default: today]."),
            .init(name: "source", value: "TEXT", help: "The document the appraisal is taken from."),
            .init(name: "scale", value: "MIN..MAX", help: "The score scale.", defaultValue: "0..5"),
            .init(name: "step", value: "STEP", help: "Smallest difference between two scores.", defaultValue: "1"),
            .init(name: "from-csv", value: "MATRIX.csv", help: "Take criteria, options, weights and scores from a score matrix."),
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
        let author = try EditSession.author(arguments, spec: spec)
        let stem = url.deletingPathExtension().lastPathComponent
        var appraisal = Appraisal(
            id: arguments.value("id", spec: spec) ?? Identifier.suggestion(for: stem), title: title, body: body,
            date: arguments.value("date", spec: spec) ?? String(ISO8601DateFormatter().string(from: Date()).prefix(10)),
            source: arguments.value("source", spec: spec), scale: try scale(arguments),
            criteria: [], options: [], scores: [], kpiDatasets: arguments.all("kpi-dataset"))
        if let matrix = arguments.value("from-csv", spec: spec) {
            let data: Data
            switch InputFile.read(matrix, limit: .scoreMatrix) {
            case .success(let read): data = read
            case .failure(let unreadable): throw InputError(message: "\(matrix): cannot read the score matrix: \(unreadable.reason)")
            }
            do {
                appraisal = try ScoreMatrixImport.apply(try CSVReader.read(data, fileName: matrix), file: matrix, to: appraisal)
            } catch let error as CSVError {
                throw InputError(message: error.description)
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

    /// The scale from `--scale MIN..MAX` and `--step STEP`.
    private static func scale(_ arguments: ParsedArguments) throws(UsageError) -> ScoreScale {
        let text = arguments.value("scale", spec: spec) ?? "0..5"
        let bounds = text.components(separatedBy: "..")
        guard bounds.count == 2, let minimum = Rational(decimal: bounds[0]), let maximum = Rational(decimal: bounds[1]), minimum < maximum else {
            throw UsageError(message: "--scale must be MIN..MAX with MIN below MAX, e.g. 0..5 or 1..10, not '\(text)'")
        }
        let stepText = arguments.value("step", spec: spec) ?? "1"
        guard let step = Rational(decimal: stepText), step > .zero, ((maximum - minimum) / step).isInteger else {
            throw UsageError(message: "--step must be a positive number that divides \(text) into whole steps, e.g. 1 or 0.5, not '\(stepText)'")
        }
        return ScoreScale(minimum: minimum, maximum: maximum, step: step)
    }
}
