import AppraiseKit

/// Declared versus computed totals and ranks, with the difference.
public enum ReconciliationRenderer {
    public static func json(_ finding: Reconciliation.Finding) -> JSONValue { json(finding.check) }

    /// One check; what the declaration says about its basis, weighting and precision is
    /// written only when it says it, so older documents keep their shape.
    public static func json(_ check: DeclaredCheck) -> JSONValue {
        var members: [String: JSONValue] = [
            "option": .string(check.option),
            "field": .string(check.field.rawValue),
            "declared": .number(check.declared),
            "computed": .number(check.computed),
            "difference": .number(check.difference),
            "source": .string(check.source),
            "location": .string(check.location),
        ]
        if check.basis != .points { members["basis"] = .string(check.basis.rawValue) }
        if let weighting = check.weighting { members["weighting"] = .string(weighting) }
        if let decimals = check.decimals {
            members["decimals"] = .number(decimals)
            members["computedExact"] = .exact(check.computed)
            members["outcome"] = .string(check.outcome.rawValue)
        }
        return .object(members)
    }

    /// The check's verdict for a table: "agrees", "consistent when rounded to 1 dp", "DIFFERS".
    public static func verdict(_ check: DeclaredCheck) -> String {
        switch check.outcome {
        case .agrees: "agrees"
        case .consistentWhenRounded: "consistent when rounded to \(check.decimals ?? 0) dp"
        case .differs: "DIFFERS"
        }
    }

    /// "total", or "total (percent, equal weights)" when the declaration is not plain points
    /// under the weighting reconciled against.
    public static func field(_ check: DeclaredCheck) -> String {
        var qualifiers: [String] = []
        if check.field == .total && check.basis != .points { qualifiers.append(check.basis.rawValue.replacingOccurrences(of: "-", with: " ")) }
        if let weighting = check.weighting { qualifiers.append(weighting) }
        return check.field.rawValue + (qualifiers.isEmpty ? "" : " (\(qualifiers.joined(separator: ", ")))")
    }

    /// Every declared number beside the computed one, agreeing or not, so a reader sees what
    /// was checked as well as what failed.
    public static func table(_ reconciliation: Reconciliation, appraisal: Appraisal) -> Table {
        let rows = reconciliation.checks.map { check -> [String] in
            let label = appraisal.option(check.option)?.label ?? check.option
            switch check.field {
            case .total:
                let shown = check.basis == .points
                    ? [Formatting.outOf(check.declared, check.maximum), Formatting.outOf(check.computed, check.maximum)]
                    : [check.text(check.declared, printed: true), check.text(check.computed)]
                return [check.source, label, field(check)] + shown + [Formatting.number(check.difference), verdict(check)]
            case .rank:
                let entry = Ranking.label(rank: Int(clamping: check.computed.numerator), tied: !check.tiedWith.isEmpty)
                return [check.source, label, field(check), check.declared.decimalText(), entry, check.difference.decimalText(), verdict(check)]
            }
        }
        return Table(
            id: "reconciliation",
            title: "Reconciliation of published totals and ranks",
            columns: [.init("Published in"), .init("Option"), .init("Field"), .init("Declared", .right), .init("Computed", .right),
                      .init("Difference", .right), .init("Check")],
            rows: rows,
            notes: reconciliation.consequences(in: appraisal))
    }
}
