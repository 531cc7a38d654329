import Foundation
import AppraiseKit

/// The result of `validate`: every problem with its place, and the reconciliation.
public enum ValidationRenderer {
    public static func text(_ file: AppraisalFile) -> String {
        var out = ""
        // Cells not yet scored are an unfinished file, not a broken one: counted and listed
        // compactly, not one error each.
        let unscored = file.diagnostics.filter { $0.code == "missing-score" }
        let ungrouped = file.diagnostics.filter(isUngroupedOption)
        // Many warnings of one kind (a rationale missing from every cell) are shown by their
        // first few and counted, so the rest of the report is not lost among them.
        var counts: [String: Int] = [:]
        for diagnostic in file.diagnostics where diagnostic.severity == .warning { counts[diagnostic.code, default: 0] += 1 }
        var shown: [String: Int] = [:]
        for diagnostic in file.diagnostics where diagnostic.code != "missing-score" && !isUngroupedOption(diagnostic) {
            let total = counts[diagnostic.code] ?? 0
            if diagnostic.severity == .warning && total > groupedAbove {
                shown[diagnostic.code, default: 0] += 1
                let index = shown[diagnostic.code]!
                if index > groupedAfter { continue }
                out += diagnostic.formatted(file: file.name) + "\n"
                if index == groupedAfter {
                    out += "\(file.name): warning: \(total - groupedAfter) more like these (\(diagnostic.code), \(total) in all); "
                        + "'appraise validate \(file.name) --format json' lists every one\n"
                }
                continue
            }
            out += diagnostic.formatted(file: file.name) + "\n"
        }
        if !unscored.isEmpty, let appraisal = file.appraisal { out += unscoredCells(appraisal, count: unscored.count, file: file.name) }
        if !ungrouped.isEmpty, let appraisal = file.appraisal {
            let ids = appraisal.options.filter { $0.group == nil }.map(\.id)
            out += "\(file.name): error: \(plural(ids.count, "option")) not yet in a group: \(ids.joined(separator: ", "))\n"
            out += "  Put each in one with 'appraise group edit \(file.name) GROUP --option ID' or 'appraise option edit \(file.name) ID --group GROUP'.\n"
        }
        let paper = paperWarning(file)
        if let paper { out += paper.formatted(file: file.name) + "\n" }
        let errors = file.diagnostics.errors.count, warnings = file.diagnostics.warnings.count + (paper == nil ? 0 : 1)
        if file.isValid {
            out += "\(file.name): valid (\(plural(warnings, "warning")))"
            if let appraisal = file.appraisal {
                out += "; \(appraisal.options.count) options, \(appraisal.criteria.count) criteria, \(appraisal.scores.count) scores"
            }
            out += "\n"
        } else {
            out += "\(file.name): invalid (\(plural(errors, "error")), \(plural(warnings, "warning")))\n"
        }
        return out
    }

    /// More warnings of one kind than `groupedAbove` are shown by the first `groupedAfter` and
    /// counted; a few are all shown.
    static let groupedAbove = 6
    static let groupedAfter = 3

    public static func json(_ file: AppraisalFile) -> JSONValue {
        func entry(_ diagnostic: Diagnostic) -> JSONValue {
            .object([
                "code": .string(diagnostic.code),
                "message": .string(diagnostic.message),
                "location": .string(diagnostic.location),
                "line": diagnostic.position.map { JSONValue.number($0.line) } ?? .null,
                "column": diagnostic.position.map { JSONValue.number($0.column) } ?? .null,
            ])
        }
        var reconciliation: [JSONValue] = []
        if file.isValid, let appraisal = file.appraisal, let matrix = DecisionMatrix(appraisal), let weights = appraisal.defaultWeights {
            reconciliation = Reconciliation(appraisal: appraisal, matrix: matrix, weights: weights).findings.map(ReconciliationRenderer.json)
        }
        return .object([
            "file": .string(file.name),
            "valid": .bool(file.isValid),
            "fingerprint": JSONValue.optional(file.fingerprint),
            "errors": .array(file.diagnostics.errors.map(entry)),
            "warnings": .array((file.diagnostics.warnings + [paperWarning(file)].compactMap { $0 }).map(entry)),
            "reconciliation": .array(reconciliation),
        ])
    }

    /// The parts of the committee paper still to be written, as one warning, once the officer
    /// has begun it (a file without `paper` validates as it always did): the report prints
    /// "to be completed" in their place until they are written.
    public static func paperWarning(_ file: AppraisalFile) -> Diagnostic? {
        guard file.isValid, let paper = file.appraisal?.paper else { return nil }
        let missing = paper.missing
        guard !missing.isEmpty else { return nil }
        let drafted = missing.first == "recommendations" ? " (the report drafts the recommendations until you write them)" : ""
        return Diagnostic(code: "paper-incomplete", severity: .warning,
                          message: "the committee paper has nothing yet for \(missing.joined(separator: ", "))\(drafted); "
                            + "write them with 'appraise paper \(file.name)'", location: "paper")
    }

    /// An option without a group in an appraisal that groups its options: unfinished, like an unscored cell.
    static func isUngroupedOption(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.code == "missing-field" && diagnostic.location.range(of: #"^options\[\d+\]$"#, options: .regularExpression) != nil
    }

    /// "12 of 72 cells are not yet scored", then one line per option naming its unscored criteria.
    static func unscoredCells(_ appraisal: Appraisal, count: Int, file: String) -> String {
        let scored = Set(appraisal.scores.map { $0.option + "\u{0}" + $0.criterion })
        let total = appraisal.options.count * appraisal.criteria.count
        var out = "\(file): error: \(count) of \(total) cells are not yet scored:\n"
        for option in appraisal.options {
            let missing = appraisal.criteria.filter { !scored.contains(option.id + "\u{0}" + $0.id) }.map(\.id)
            guard !missing.isEmpty else { continue }
            out += "  \(option.id): " + (missing.count == appraisal.criteria.count ? "every criterion" : missing.joined(separator: ", ")) + "\n"
        }
        out += "  Score them with 'appraise score \(file) OPTION CRITERION VALUE', or many at once with 'appraise score \(file) --from-csv SHEET.csv'.\n"
        return out
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
