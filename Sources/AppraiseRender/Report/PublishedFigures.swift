import AppraiseKit

extension ReportPack {
    /// What the publication said about each option whose published total or place differs from
    /// what its scores give, to print beside the computed total: "published 24/40, 4th".
    public var publishedDifferences: [String: String] {
        var notes: [String: String] = [:]
        for entry in ranking.entries {
            var parts: [String] = []
            if let finding = reconciliation.findings.first(where: { $0.option == entry.option && $0.field == .total }) {
                parts.append(Formatting.outOf(finding.declared, finding.maximum))
            }
            if let declared = reconciliation.declaredRanks[entry.option], declared != entry.rank {
                parts.append(Ordinal.text(declared))
            }
            if !parts.isEmpty { notes[entry.option] = "published " + parts.joined(separator: ", ") }
        }
        return notes
    }

    /// The ranking table with the published figures beside every total they get wrong, as the
    /// page and the Word report show it: "26/40 (published 24/40, 4th)".
    public var rankingTableWithPublished: Table {
        var table = rankingTable
        let published = publishedDifferences
        guard let column = table.columns.firstIndex(where: { $0.header == "Total" }) else { return table }
        for (row, entry) in ranking.entries.enumerated() {
            if let note = published[entry.option] { table.rows[row][column] += " (\(note))" }
        }
        return table
    }
}
