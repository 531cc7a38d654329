import AppraiseKit

/// The result of `validate`: every problem with its place, and the reconciliation.
public enum ValidationRenderer {
    public static func text(_ file: AppraisalFile) -> String {
        var out = ""
        for diagnostic in file.diagnostics { out += diagnostic.formatted(file: file.name) + "\n" }
        let errors = file.diagnostics.errors.count, warnings = file.diagnostics.warnings.count
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
            "warnings": .array(file.diagnostics.warnings.map(entry)),
            "reconciliation": .array(reconciliation),
        ])
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
