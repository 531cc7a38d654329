import Foundation

/// The KPI evidence an appraisal cites, read against the datasets it names: every citation
/// with what the indicator shows, and every tension between a score and its evidence.
public struct AppraisalEvidence: Sendable {
    /// One citation from a score (or from a whole criterion, `option == nil`).
    public struct Citation: Sendable, Hashable {
        public let option: String?
        public let criterion: String
        public let link: EvidenceLink
        /// What the indicator shows; nil when it cannot be read (reported by `validate`).
        public let reading: EvidenceReading?
    }

    public let datasets: [KPIDataset]
    public let citations: [Citation]
    public let tensions: [EvidenceTension]

    public init(appraisal: Appraisal, datasets: [KPIDataset]) {
        self.datasets = datasets
        var cited: [(option: String?, criterion: String, link: EvidenceLink)] = []
        for criterion in appraisal.criteria {
            cited += criterion.evidence.map { (nil, criterion.id, $0) }
        }
        for score in appraisal.scores where score.scorer == nil {
            cited += score.evidence.map { (score.option, score.criterion, $0) }
        }
        let readings = EvidenceTensions.readings(cited.map(\.link), datasets: datasets)
        let citations = zip(cited, readings).map { item, reading in
            Citation(option: item.option, criterion: item.criterion, link: item.link, reading: reading)
        }
        self.citations = citations
        let scored = appraisal.scores.filter { $0.scorer == nil && !$0.evidence.isEmpty }.map {
            ScoreEvidence(option: $0.option, criterion: $0.criterion, score: $0.value, scaleMinimum: appraisal.scale.minimum,
                          scaleMaximum: appraisal.scale.maximum, links: $0.evidence)
        }
        tensions = EvidenceTensions.find(scored, datasets: datasets, names: DisplayNames(appraisal))
    }

    /// Every link the appraisal cites, with its place in the file, for checking.
    public static func cited(in appraisal: Appraisal, positions: [String: SourcePosition]) -> [CitedEvidence] {
        var cited: [CitedEvidence] = []
        for (index, criterion) in appraisal.criteria.enumerated() {
            for (offset, link) in criterion.evidence.enumerated() {
                let path = "criteria[\(index)].evidence[\(offset)]"
                cited.append(CitedEvidence(link: link, location: path, position: positions[path]))
            }
        }
        for (index, score) in appraisal.scores.enumerated() {
            for (offset, link) in score.evidence.enumerated() {
                let path = "scores[\(index)].evidence[\(offset)]"
                cited.append(CitedEvidence(link: link, location: path, position: positions[path]))
            }
        }
        return cited
    }

    /// Reads the datasets an appraisal names, relative to the appraisal's folder. Problems in a
    /// dataset file come back as diagnostics located at its `kpiDatasets` entry.
    public static func loadDatasets(of appraisal: Appraisal, folder: URL, positions: [String: SourcePosition])
        -> (datasets: [KPIDataset], diagnostics: [Diagnostic])
    {
        var datasets: [KPIDataset] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for (index, path) in appraisal.kpiDatasets.enumerated() {
            let location = "kpiDatasets[\(index)]"
            let file = KPIDatasetFile(contentsOf: folder.appendingPathComponent(path), name: path)
            for diagnostic in file.diagnostics {
                diagnostics.append(Diagnostic(code: diagnostic.code, severity: diagnostic.severity,
                                              message: "in \(diagnostic.formatted(file: path))", location: location,
                                              position: positions[location]))
            }
            guard let dataset = file.dataset else { continue }
            if let first = seen[dataset.id] {
                diagnostics.append(Diagnostic(code: "duplicate-id", message: "\(path) defines KPI dataset \"\(dataset.id)\", which \(first) already defines; give each edition its own dataset id",
                                              location: location, position: positions[location]))
                continue
            }
            seen[dataset.id] = path
            datasets.append(dataset)
        }
        return (datasets, diagnostics)
    }
}
