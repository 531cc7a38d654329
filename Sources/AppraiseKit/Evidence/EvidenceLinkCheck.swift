/// A link as cited in an appraisal file, with where it was written, so a problem with it can
/// point there.
public struct CitedEvidence: Sendable, Hashable {
    public var link: EvidenceLink
    /// Path into the appraisal file, e.g. `scores[12].evidence[0]`.
    public var location: String
    public var position: SourcePosition?

    public init(link: EvidenceLink, location: String, position: SourcePosition? = nil) {
        self.link = link
        self.location = location
        self.position = position
    }
}

/// Checks that every cited indicator exists, so evidence never points at nothing.
public enum EvidenceLinkCheck {
    /// One error per link whose dataset is not loaded (`unknown-kpi-dataset`) or whose
    /// indicator is not in its dataset (`unknown-kpi-indicator`), with the nearest match as a
    /// hint, in the order cited.
    public static func unresolved(_ cited: [CitedEvidence], datasets: [KPIDataset]) -> [Diagnostic] {
        let byID = Dictionary(datasets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = byID.keys.sorted()
        return cited.compactMap { item in
            let link = item.link
            guard let dataset = byID[link.dataset] else {
                let message: String
                if ids.isEmpty {
                    message = "evidence cites KPI dataset \"\(link.dataset)\" but the appraisal lists no kpiDatasets; add the dataset's file to \"kpiDatasets\""
                } else {
                    message = "evidence cites KPI dataset \"\(link.dataset)\", which no file in kpiDatasets defines\(hint(link.dataset, ids)) Datasets: \(ids.joined(separator: ", "))"
                }
                return Diagnostic(code: "unknown-kpi-dataset", message: message, location: item.location, position: item.position)
            }
            guard dataset.indicator(link.indicator) == nil else { return nil }
            let refs = dataset.indicators.map(\.ref)
            let message = "KPI dataset \(dataset.id) has no indicator \"\(link.indicator)\"\(hint(link.indicator, refs)) Cite the ref as printed in that edition (\(refs.count) refs, e.g. \(refs.prefix(5).joined(separator: ", ")))"
            return Diagnostic(code: "unknown-kpi-indicator", message: message, location: item.location, position: item.position)
        }
    }

    /// "; did you mean "x"?" for a close match, else ".".
    private static func hint(_ text: String, _ candidates: [String]) -> String {
        // Nearest by edit distance, then by length (11.9 → 11.8 rather than 1.9), then by text.
        let scored = candidates.map { ($0, editDistance(text.lowercased(), $0.lowercased()), abs($0.count - text.count)) }
        guard let best = scored.min(by: { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }), best.1 <= max(2, text.count / 3) else { return "." }
        return "; did you mean \"\(best.0)\"?"
    }
}
