/// Checks of measured criteria: every score follows from its measurement through the
/// criterion's value function, unless it is kept as an override with its reason.
extension AppraisalValidator {
    func checkMeasuredScores() {
        for (index, criterion) in appraisal.criteria.enumerated() {
            if let measure = criterion.measured?.measure, appraisal.measure(measure) == nil {
                let known = appraisal.measures.map(\.id)
                sink.report(code: "unknown-measure", message: "criterion \"\(criterion.id)\" takes its levels from measure \"\(measure)\", which is not in \"measures\"\(known.isEmpty ? "; add it there" : " (measures: \(known.joined(separator: ", ")))")",
                            location: "criteria[\(index)].measured.measure")
            }
        }
        for (index, score) in appraisal.scores.enumerated() {
            guard let criterion = appraisal.criterion(score.criterion) else { continue }
            let path = "scores[\(index)]"
            guard criterion.measured != nil else {
                if score.measurement != nil {
                    sink.report(code: "measurement-without-function", message: "criterion \"\(criterion.id)\" has no value function, so a measurement cannot give its score; add \"measured\" to the criterion or remove the measurement",
                                location: "\(path).measurement")
                }
                continue
            }
            if !(score.override ?? "").trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if let measure = criterion.measured?.measure, appraisal.measure(measure) == nil { continue }  // reported above
            // A cited indicator is read against its dataset when the file is read from disk.
            if case .indicator? = score.measurement { continue }
            guard let worked = MeasuredCells.worked(option: score.option, criterion: criterion, score: score, appraisal: appraisal, datasets: []) else { continue }
            MeasuredCells.report(worked, score: score, path: path, sink: sink)
        }
    }
}

extension MeasuredCells {
    /// Reports a cell whose score does not follow from its measurement.
    static func report(_ worked: Result<MeasuredScore, MeasuredProblem>, score: Score, path: String, sink: DiagnosticSink) {
        switch worked {
        case .failure(let problem):
            sink.report(code: problem.code, message: problem.message, location: score.measurement == nil ? "\(path).value" : "\(path).measurement")
        case .success(let measured):
            if measured.score != score.value, measured.stored != score.value {
                sink.report(code: "measured-score-mismatch", message: "score \(score.value.decimalText()) differs from the measured \(measured.working); write \(measured.stored.decimalText()) or mark the score \"override\" with the reason",
                            location: "\(path).value")
            }
        }
    }

    /// Checks the scores that cite a KPI indicator as their measurement against the loaded datasets.
    public static func indicatorDiagnostics(_ appraisal: Appraisal, datasets: [KPIDataset], positions: [String: SourcePosition]) -> [Diagnostic] {
        // Most files cite no indicator: then there is nothing to check, and copying every
        // position (a million in a large file) would be most of the work of `validate`.
        guard appraisal.scores.contains(where: { if case .indicator? = $0.measurement { true } else { false } }) else { return [] }
        let sink = DiagnosticSink()
        for (path, position) in positions { sink.record(path, position) }
        for (index, score) in appraisal.scores.enumerated() {
            guard case .indicator? = score.measurement, let criterion = appraisal.criterion(score.criterion), criterion.measured != nil,
                  (score.override ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
                  let worked = worked(option: score.option, criterion: criterion, score: score, appraisal: appraisal, datasets: datasets) else { continue }
            report(worked, score: score, path: "scores[\(index)]", sink: sink)
        }
        return sink.diagnostics
    }
}
