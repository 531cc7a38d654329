import AppraiseKit

/// Everything `report` prints and writes for one appraisal, built once so that the printed
/// summary and every exported format come from the same values and cannot disagree.
public struct ReportPack {
    public let appraisal: Appraisal
    public let fingerprint: String
    public let matrix: DecisionMatrix
    public let selection: WeightSelection
    public let ranking: Ranking
    public let reconciliation: Reconciliation

    public init(appraisal: Appraisal, fingerprint: String, matrix: DecisionMatrix, selection: WeightSelection) {
        self.appraisal = appraisal
        self.fingerprint = fingerprint
        self.matrix = matrix
        self.selection = selection
        ranking = Ranking(matrix: matrix, weights: selection.weights)
        reconciliation = Reconciliation(appraisal: appraisal, matrix: matrix, weights: selection.weights)
    }

    public var tables: [Table] {
        var tables = [
            RankingRenderer.table(ranking, appraisal: appraisal, selection: selection),
            ScoreMatrixRenderer.table(matrix, ranking: ranking, appraisal: appraisal),
        ]
        if reconciliation.hasDeclarations {
            tables.append(ReconciliationRenderer.table(reconciliation, appraisal: appraisal))
        }
        return tables
    }

    /// The committee-ready summary printed by `report`.
    public var summary: String {
        var out = "\(appraisal.title)\n\(appraisal.body), \(appraisal.date)\n"
        out += "Fingerprint: \(fingerprint)\n\n"
        out += headline + "\n\n"
        out += TextTableRenderer.render(tables[0])
        if reconciliation.hasDeclarations {
            out += "\nReconciliation with the published appraisal\n\n"
            for sentence in reconciliation.consequences(in: appraisal) { out += "- \(sentence)\n" }
        }
        return out
    }

    /// One sentence naming the leader and its lead.
    public var headline: String {
        let label = { (id: String) in appraisal.option(id)?.label ?? id }
        guard let first = ranking.entries.first else { return "" }
        let leaders = ranking.leaders
        if leaders.count > 1 {
            return "\(Ordinal.list(leaders.map(label))) share first place on \(Formatting.outOf(first.total, first.maximum))."
        }
        var sentence = "\(label(first.option)) ranks first with \(Formatting.outOf(first.total, first.maximum)) (\(Formatting.percent(first.percent)))"
        if ranking.entries.count > 1 {
            let second = ranking.entries[1]
            let runnersUp = ranking.entries.filter { $0.rank == second.rank }.map { label($0.option) }
            sentence += ", \(Formatting.number(first.marginToNext ?? .zero)) points ahead of \(Ordinal.list(runnersUp))"
        }
        return sentence + "."
    }

    /// The whole pack as one JSON document.
    public var json: JSONValue {
        var document: [String: JSONValue] = [
            "appraisal": .object([
                "id": .string(appraisal.id), "title": .string(appraisal.title), "body": .string(appraisal.body),
                "date": .string(appraisal.date), "fingerprint": .string(fingerprint),
            ]),
            "weightSet": .string(selection.id),
            "ranking": .array(RankingRenderer.entries(ranking, appraisal: appraisal)),
            "scoreMatrix": ScoreMatrixRenderer.json(matrix, appraisal: appraisal),
        ]
        if reconciliation.hasDeclarations {
            document["reconciliation"] = .object([
                "findings": .array(reconciliation.findings.map(ReconciliationRenderer.json)),
                "consequences": .array(reconciliation.consequences(in: appraisal).map(JSONValue.string)),
            ])
        }
        return .object(document)
    }

    /// The whole pack as one Markdown document.
    public var markdown: String {
        var out = "# \(MarkdownTableRenderer.escape(appraisal.title))\n\n"
        out += "\(MarkdownTableRenderer.escape(appraisal.body)), \(appraisal.date). Fingerprint `\(fingerprint)`.\n\n"
        out += MarkdownTableRenderer.escape(headline) + "\n\n"
        out += tables.map { MarkdownTableRenderer.render($0) }.joined(separator: "\n")
        return out
    }

    /// Files to write, by path relative to the pack's folder, in a fixed order.
    public var files: [(path: String, contents: String)] {
        tables.map { ("\($0.id).csv", CSVTableRenderer.render($0)) }
            + [("report.md", markdown), ("report.json", json.prettyText)]
    }
}
