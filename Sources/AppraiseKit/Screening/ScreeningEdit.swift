/// One change to the long list made through the workbench: the critical success factors,
/// an option's screening result, its stage, or its framework tags.
public enum ScreeningEdit: Sendable, Equatable {
    case addCriterion(ScreeningCriterion)
    /// Adds whichever of the Green Book's five critical success factors are not there yet.
    case addTemplate
    /// Nil leaves a part as it is; an empty description removes it.
    case editCriterion(id: String, name: String?, description: String?)
    /// Removes the criterion and every result on it.
    case removeCriterion(id: String)
    /// Records where the screening comes from; an empty text removes it.
    case setSource(String)
    case setResult(ScreeningResult)
    /// Moves an option to a stage; `reason` is recorded as why it is there.
    case setStage(option: String, stage: OptionStage, reason: String?)
    /// Sets the option's choices on the framework's dimensions; an empty text removes one.
    case tag(option: String, [FrameworkDimension: String])
}

/// Applies screening edits as pure functions, like `AppraisalEditor` does for the rest.
enum ScreeningEditor {
    /// Applies the edit to the draft; returns why a reason is needed, when one is.
    static func change(_ draft: inout Appraisal, by edit: ScreeningEdit) throws(EditError) -> String? {
        var screening = draft.screening ?? Screening()
        defer { draft.screening = screening == Screening() ? nil : screening }
        switch edit {
        case .addCriterion(let criterion):
            try checkNew(criterion.id, in: screening)
            guard !criterion.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw EditError("the critical success factor needs a name; give it with --name")
            }
            screening.criteria.append(criterion)
            return nil
        case .addTemplate:
            screening.criteria += Screening.greenBookTemplate.filter { screening.criterion($0.id) == nil }
            return nil
        case .editCriterion(let id, let name, let description):
            let index = try criterionIndex(id, in: screening)
            if let name {
                guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw EditError("the name is empty; write some text") }
                screening.criteria[index].name = name
            }
            if let description { screening.criteria[index].description = description }
            return nil
        case .removeCriterion(let id):
            let index = try criterionIndex(id, in: screening)
            let results = screening.results.filter { $0.criterion == id }.count
            screening.criteria.remove(at: index)
            screening.results.removeAll { $0.criterion == id }
            return results > 0 ? "removing critical success factor \"\(id)\" deletes \(results) screening result\(results == 1 ? "" : "s")" : nil
        case .setSource(let text):
            screening.source = text.isEmpty ? nil : text
            return nil
        case .setResult(let result):
            try checkOption(result.option, in: draft)
            _ = try criterionIndex(result.criterion, in: screening)
            guard let index = screening.results.firstIndex(where: { $0.option == result.option && $0.criterion == result.criterion }) else {
                screening.results.append(result)
                return nil
            }
            let old = screening.results[index]
            screening.results[index] = result
            return "\"\(result.option)\" already has a screening result on \"\(result.criterion)\" (\(old.outcome.label))"
        case .setStage(let id, let stage, let reason):
            let index = try checkOption(id, in: draft)
            let old = draft.options[index].currentStage
            guard old != stage || (reason != nil && reason != draft.options[index].stageReason) else { return nil }
            draft.options[index].stage = stage
            if let reason, !reason.isEmpty { draft.options[index].stageReason = reason }
            if stage == .discounted && old != .discounted { return "discounting option \"\(id)\" sets it aside" }
            if old == .discounted && stage != .discounted { return "reinstating option \"\(id)\" brings back an option set aside" }
            return nil
        case .tag(let id, let tags):
            let index = try checkOption(id, in: draft)
            for (dimension, choice) in tags { draft.options[index].framework[dimension] = choice.isEmpty ? nil : choice }
            return nil
        }
    }

    private static func criterionIndex(_ id: String, in screening: Screening) throws(EditError) -> Int {
        if let index = screening.criteria.firstIndex(where: { $0.id == id }) { return index }
        let known = screening.criteria.map(\.id)
        throw EditError(known.isEmpty
            ? "there is no critical success factor \"\(id)\" (the appraisal has none yet); add one with 'appraise csf add' or the Green Book's five with 'appraise csf template'"
            : "there is no critical success factor \"\(id)\"; use one of \(known.joined(separator: ", ")), or add it with 'appraise csf add'")
    }

    @discardableResult
    private static func checkOption(_ id: String, in appraisal: Appraisal) throws(EditError) -> Int {
        if let index = appraisal.options.firstIndex(where: { $0.id == id }) { return index }
        let known = appraisal.options.map(\.id)
        throw EditError(known.isEmpty
            ? "there is no option \"\(id)\" (the appraisal has none yet); add it with 'appraise option add'"
            : "there is no option \"\(id)\"; use one of \(known.joined(separator: ", ")), or add it with 'appraise option add'")
    }

    private static func checkNew(_ id: String, in screening: Screening) throws(EditError) {
        guard Identifier.isValid(id) else {
            throw EditError("\"\(id)\" is not a kebab-case id; use lower-case letters, digits and single hyphens, e.g. \"\(Identifier.suggestion(for: id))\"")
        }
        guard screening.criterion(id) == nil else {
            throw EditError("critical success factor id \"\(id)\" is already taken; choose another id or edit the existing one")
        }
    }
}
