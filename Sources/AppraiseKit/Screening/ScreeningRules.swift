/// The rules of the long list, checked by `validate`: ids in the screening are known and
/// unique, and (as warnings) the short list holds business as usual and a do-minimum, every
/// discounted option says why, nothing that failed a critical success factor is scored, and
/// every short-listed option has been screened. A file that records no long list is not
/// checked, so it reads exactly as before.
struct ScreeningRules {
    let appraisal: Appraisal
    let sink: DiagnosticSink
    let optionIDs: Set<String>

    func check() {
        guard appraisal.hasLongList else { return }
        let criterionIDs = checkCriteria()
        checkResults(criterionIDs: criterionIDs)
        checkStages()
        checkRoles()
        checkScoredFailures()
        checkUnscreened()
    }

    private var criteria: [ScreeningCriterion] { appraisal.screening?.criteria ?? [] }
    private var results: [ScreeningResult] { appraisal.screening?.results ?? [] }

    private func checkCriteria() -> Set<String> {
        var seen: [String: Int] = [:]
        for (index, criterion) in criteria.enumerated() {
            let path = "screening.criteria[\(index)].id"
            if !Identifier.isValid(criterion.id) {
                sink.report(code: "invalid-id", message: "\"\(criterion.id)\" is not a kebab-case id; use e.g. \"\(Identifier.suggestion(for: criterion.id))\"", location: path)
            }
            if let first = seen[criterion.id] {
                sink.report(code: "duplicate-id", message: "screening criterion id \"\(criterion.id)\" is already used by screening.criteria[\(first)]; give each its own id",
                            location: path)
            } else {
                seen[criterion.id] = index
            }
        }
        return Set(seen.keys)
    }

    private func checkResults(criterionIDs: Set<String>) {
        var seen: [String: Int] = [:]
        for (index, result) in results.enumerated() {
            let path = "screening.results[\(index)]"
            var known = true
            if !optionIDs.contains(result.option) {
                known = false
                sink.report(code: "unknown-id", message: "screening result for unknown option \"\(result.option)\"\(listed(optionIDs))", location: "\(path).option")
            }
            if !criterionIDs.contains(result.criterion) {
                known = false
                sink.report(code: "unknown-id", message: "screening result on unknown criterion \"\(result.criterion)\"\(listed(criterionIDs)); add it to screening.criteria first",
                            location: "\(path).criterion")
            }
            guard known else { continue }
            let key = result.option + "\u{0}" + result.criterion
            if let first = seen[key] {
                sink.report(code: "duplicate-result", message: "\"\(result.option)\" is already screened on \"\(result.criterion)\" at screening.results[\(first)]; keep one result per option and criterion",
                            location: path)
            } else {
                seen[key] = index
            }
        }
    }

    private func checkStages() {
        for (index, option) in appraisal.options.enumerated() where option.currentStage == .discounted {
            if (option.stageReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                sink.report(code: "discounted-without-reason", severity: .warning,
                            message: "option \"\(option.id)\" is discounted but does not say why; add \"stageReason\" (the Green Book asks for the reasons for each decision)",
                            location: "options[\(index)]")
            }
        }
    }

    /// The Green Book's short list carries business as usual and a realistic do-minimum.
    private func checkRoles() {
        let stages = Set(appraisal.scoredOptions.map(\.currentStage))
        let roles: [(OptionStage, String, String)] = [
            (.businessAsUsual, "short-list-without-business-as-usual", "business as usual (carrying on as now), the benchmark every option is measured against"),
            (.doMinimum, "short-list-without-do-minimum", "a realistic do-minimum (the least that meets the essential needs)"),
        ]
        for (stage, code, what) in roles where !stages.contains(stage) {
            sink.report(code: code, severity: .warning,
                        message: "the short list has no option at stage \"\(stage.rawValue)\"; the Green Book expects it to include \(what): give that option \"stage\": \"\(stage.rawValue)\", or add it",
                        location: "options")
        }
    }

    private func checkScoredFailures() {
        let scored = Set(appraisal.scores.map(\.option))
        for (index, result) in results.enumerated() where result.outcome == .fail && scored.contains(result.option) {
            let stage = appraisal.option(result.option)?.currentStage
            guard stage?.isScored == true else { continue }
            sink.report(code: "failed-screening-but-scored", severity: .warning,
                        message: "option \"\(result.option)\" failed critical success factor \"\(result.criterion)\" but is scored; discount it with a reason, or record why it passes",
                        location: "screening.results[\(index)]")
        }
    }

    private func checkUnscreened() {
        guard !criteria.isEmpty else { return }
        for (index, option) in appraisal.options.enumerated() where option.currentStage.isScored {
            let missing = criteria.filter { appraisal.screening?.result(option: option.id, criterion: $0.id) == nil }.map(\.id)
            guard !missing.isEmpty else { continue }
            sink.report(code: "not-screened", severity: .warning,
                        message: "short-listed option \"\(option.id)\" has no screening result on \(missing.joined(separator: ", ")); screen it before it is scored",
                        location: "options[\(index)]")
        }
    }

    private func listed(_ ids: Set<String>) -> String {
        ids.isEmpty ? "" : " (known: \(ids.sorted().joined(separator: ", ")))"
    }
}
