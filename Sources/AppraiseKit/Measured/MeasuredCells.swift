/// Works out the score of every cell on a measured criterion from what was measured: a level
/// or category typed with the score, a cited KPI indicator's value, or the option's amounts of
/// a measure. The one place the working is done, so validation, editing and the pack agree.
public enum MeasuredCells {
    /// The worked score of one cell, or why it cannot be worked out; nil when the criterion
    /// is not measured.
    public static func worked(option: String, criterion: Criterion, score: Score?, appraisal: Appraisal,
                              datasets: [KPIDataset]) -> Result<MeasuredScore, MeasuredProblem>?
    {
        guard let measured = criterion.measured else { return nil }
        let scale = appraisal.scale
        if let measureID = measured.measure {
            guard let measure = appraisal.measure(measureID) else {
                return .failure(MeasuredProblem(code: "unknown-measure", message: "criterion \"\(criterion.id)\" takes its levels from measure \"\(measureID)\", which is not in \"measures\""))
            }
            let amounts = appraisal.amounts.filter { $0.option == option && $0.measure == measureID }
            guard !amounts.isEmpty else {
                return .failure(MeasuredProblem(code: "measure-not-known", message: "option \"\(option)\" has no amount of \"\(measureID)\", so its score on \"\(criterion.id)\" cannot be worked out; add the amount or keep a typed score with \"override\" and the reason"))
            }
            let centrals = amounts.map(\.value.central)
            guard centrals.allSatisfy({ $0 != nil }) else {
                return .failure(MeasuredProblem(code: "measure-not-known", message: "option \"\(option)\"'s amount of \"\(measureID)\" is not known, so its score on \"\(criterion.id)\" cannot be worked out; keep a typed score with \"override\" and the reason"))
            }
            let level = centrals.compactMap { $0 }.sum()
            let unit = measured.unit.isEmpty ? measure.unit : measured.unit
            let scoring = MeasuredScoring(unit: unit, function: measured.function, measure: measureID)
            return scoring.score(level: level, source: measure.name, scale: scale).map { .success($0) }
                ?? .failure(MeasuredProblem(code: "measurement-mismatch", message: "criterion \"\(criterion.id)\" scores categories, so a measure cannot give its levels; give each score a \"category\""))
        }
        guard let measurement = score?.measurement else {
            return .failure(MeasuredProblem(code: "typed-measured-score", message: "criterion \"\(criterion.id)\" is measured, so its score follows from a measurement; give \"measurement\", or keep the typed score with \"override\" and the reason"))
        }
        switch measurement {
        case .level(let level):
            return measured.score(level: level, scale: scale).map { .success($0) }
                ?? .failure(MeasuredProblem(code: "measurement-mismatch", message: "criterion \"\(criterion.id)\" scores categories, not levels; give \"category\""))
        case .category(let category):
            return measured.score(category: category, scale: scale).map { .success($0) }
                ?? .failure(MeasuredProblem(code: "unknown-category", message: "\"\(category)\" is not a category of criterion \"\(criterion.id)\"; use one its value function names"))
        case let .indicator(datasetID, ref, periodText):
            guard let dataset = datasets.first(where: { $0.id == datasetID }) else {
                return .failure(MeasuredProblem(code: "unknown-kpi-dataset", message: "KPI dataset \"\(datasetID)\" is not among the appraisal's \"kpiDatasets\"; add its file there"))
            }
            guard let indicator = dataset.indicator(ref) else {
                return .failure(MeasuredProblem(code: "unknown-indicator", message: "KPI dataset \"\(datasetID)\" has no indicator \"\(ref)\""))
            }
            let observation: Observation?
            if let periodText {
                guard let period = Period.parse(periodText) else {
                    return .failure(MeasuredProblem(code: "invalid-period", message: "\"\(periodText)\" is not a period; write e.g. 2016/17, Q1 2017/18 or Jun 2017"))
                }
                observation = indicator.observation(at: period)
            } else {
                // The dataset's own period, as its RAG ratings read it; else the last value printed.
                observation = indicator.observation(at: dataset.asAt).flatMap { $0.value == nil ? nil : $0 }
                    ?? indicator.observations.last { $0.value != nil }
            }
            guard let observation, let value = observation.value, let level = Rational(decimal: String(describing: value)) else {
                return .failure(MeasuredProblem(code: "indicator-not-reported", message: "indicator \"\(ref)\" of \"\(datasetID)\" has no reported value\(periodText.map { " for \($0)" } ?? ""); cite a period with a value, or keep a typed score with \"override\" and the reason"))
            }
            let source = "\(dataset.id) \(ref), \(observation.period.label)"
            let unit = measured.unit.isEmpty ? indicator.unit : measured.unit
            return MeasuredScoring(unit: unit, function: measured.function).score(level: level, source: source, scale: scale).map { .success($0) }
                ?? .failure(MeasuredProblem(code: "measurement-mismatch", message: "criterion \"\(criterion.id)\" scores categories, not levels"))
        }
    }
}

/// Why a measured cell's score cannot be worked out.
public struct MeasuredProblem: Error, Sendable, Equatable {
    public let code: String
    public let message: String
}
