import AppraiseKit

/// Declared versus computed totals and ranks, with the difference.
public enum ReconciliationRenderer {
    public static func json(_ finding: Reconciliation.Finding) -> JSONValue {
        .object([
            "option": .string(finding.option),
            "field": .string(finding.field.rawValue),
            "declared": .number(finding.declared),
            "computed": .number(finding.computed),
            "difference": .number(finding.difference),
            "source": .string(finding.source),
            "location": .string(finding.location),
        ])
    }

    /// Every declared number beside the computed one, agreeing or not, so a reader sees what
    /// was checked as well as what failed.
    public static func table(_ reconciliation: Reconciliation, appraisal: Appraisal) -> Table {
        var rows: [[String]] = []
        for declaration in appraisal.declared {
            for entry in declaration.totals {
                guard let computed = reconciliation.ranking.entry(for: entry.option) else { continue }
                rows.append([declaration.source, appraisal.option(entry.option)?.label ?? entry.option, "total",
                             Formatting.outOf(entry.total, computed.maximum), Formatting.outOf(computed.total, computed.maximum),
                             Formatting.number(computed.total - entry.total), computed.total == entry.total ? "agrees" : "DIFFERS"])
            }
            for entry in declaration.ranks {
                guard let computed = reconciliation.ranking.entry(for: entry.option) else { continue }
                rows.append([declaration.source, appraisal.option(entry.option)?.label ?? entry.option, "rank",
                             String(entry.rank), Formatting.rank(computed), String(computed.rank - entry.rank),
                             computed.rank == entry.rank ? "agrees" : "DIFFERS"])
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
