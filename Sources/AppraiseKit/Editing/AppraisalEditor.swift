import Foundation

/// Applies edits to an appraisal as pure functions: the old value in, the new value and the
/// text to write out, or an `EditError` saying why not.
///
/// An appraisal is built over weeks, so a file may be unfinished (no criteria yet, cells not
/// yet scored) and still be edited; every other problem stops the edit, and the new text is
/// read back before it is returned, so the tool never writes a file it could not load.
public enum AppraisalEditor {
    /// An edit's result, ready to write.
    public struct Result: Sendable {
        public let appraisal: Appraisal
        /// The file text, in the format's layout.
        public let text: String
        /// The text read back: its fingerprint and any warnings.
        public let file: AppraisalFile
    }

    /// Applies an edit. Returns nil when it changes nothing. A change to a score, weight or
    /// setting that already had a value, or one that drops scores, needs a reason.
    public static func apply(_ edit: AppraisalEdit, to appraisal: Appraisal, reason: String?) throws(EditError) -> Result? {
        var draft = appraisal
        let reasonNeeded = try change(&draft, by: edit)
        ValueTreeEditor.followMeasures(&draft)
        guard draft != appraisal else { return nil }
        if let reasonNeeded, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw EditError("\(reasonNeeded), so it needs a reason; say why with --reason TEXT")
        }
        return try written(draft)
    }

    /// Encodes an appraisal and checks that the text reads back as an appraisal that can be
    /// edited further.
    public static func written(_ appraisal: Appraisal) throws(EditError) -> Result {
        let text = AppraisalEncoding.text(appraisal)
        let file = AppraisalFile(data: Data(text.utf8), name: appraisal.id)
        if let problem = blockingErrors(in: file).first {
            let place = problem.location.isEmpty ? "" : " [\(problem.location)]"
            throw EditError("the change would leave the appraisal unusable: \(problem.message)\(place)")
        }
        return Result(appraisal: file.appraisal ?? appraisal, text: text, file: file)
    }

    /// The errors that stop an edit: all of a file's errors except those that only say the
    /// appraisal is unfinished (no criteria or options yet, cells not scored yet, a branch with
    /// nothing under it yet, cells of a newly measured criterion not yet measured).
    public static func blockingErrors(in file: AppraisalFile) -> [Diagnostic] {
        file.diagnostics.errors.filter { diagnostic in
            switch (diagnostic.code, diagnostic.location) {
            case ("missing-score", _), ("empty-branch", _), ("typed-measured-score", _): false
            // An option not yet put in one of the groups is unfinished, like a cell not yet scored.
            case ("missing-field", let location) where location.range(of: #"^options\[\d+\]$"#, options: .regularExpression) != nil: false
            case ("missing-field", "criteria"): file.appraisal?.criteria.isEmpty != true
            case ("missing-field", "options"): file.appraisal?.options.isEmpty != true
            default: true
            }
        }
    }

    /// Applies one edit to the draft; returns why a reason is needed, when one is.
    private static func change(_ draft: inout Appraisal, by edit: AppraisalEdit) throws(EditError) -> String? {
        switch edit {
        case .addCriterion(let criterion):
            return try addCriterion(criterion, to: &draft)
        case .editCriterion(let id, let changes):
            let index = try criterionIndex(id, in: draft)
            if let name = changes.name { draft.criteria[index].name = try text(name, "the name") }
            if let shortName = changes.shortName { draft.criteria[index].shortName = shortName.isEmpty ? nil : shortName }
            if let offers = changes.offers { draft.criteria[index].offers = try texts(offers, "an offer") }
            if let evidence = changes.evidence { draft.criteria[index].evidence = evidence }
            return nil
        case .removeCriterion(let id):
            let index = try criterionIndex(id, in: draft)
            let scored = draft.scores.filter { $0.criterion == id }.count
            draft.criteria.remove(at: index)
            draft.scores.removeAll { $0.criterion == id }
            for set in draft.weightSets.indices { draft.weightSets[set].weights.removeAll { $0.criterion == id } }
            draft.importance?.removeAll { $0 == id }
            return scored > 0 ? "removing criterion \"\(id)\" deletes its \(count(scored, "score"))" : nil
        case .addOption(let option):
            return try addOption(option, to: &draft)
        case .editOption(let id, let changes):
            try editOption(id, changes, in: &draft)
            return nil
        case .removeOption(let id):
            let index = try optionIndex(id, in: draft)
            let scored = draft.scores.filter { $0.option == id }.count
            draft.options.remove(at: index)
            draft.scores.removeAll { $0.option == id }
            for declaration in draft.declared.indices {
                draft.declared[declaration].totals.removeAll { $0.option == id }
                draft.declared[declaration].ranks.removeAll { $0.option == id }
            }
            draft.declared.removeAll { $0.totals.isEmpty && $0.ranks.isEmpty }
            draft.programme?.removeOption(id)
            let costed = MoneyEditor.removeOption(id, from: &draft)
            if costed > 0 { return "removing option \"\(id)\" deletes its \(count(scored, "score")) and \(count(costed, "amount"))" }
            return scored > 0 ? "removing option \"\(id)\" deletes its \(count(scored, "score"))" : nil
        case .setWeight(let id, let weight):
            let index = try criterionIndex(id, in: draft)
            try checkWeight(weight)
            let old = draft.criteria[index].weight
            if old == nil {
                // No weights means equal weights: writing 1 for the others keeps their meaning
                // (in a value tree, the others in the same branch).
                let parent = draft.criteria[index].parent
                for other in draft.criteria.indices where draft.criteria[other].parent == parent && draft.criteria[other].swing == nil {
                    draft.criteria[other].weight = .one
                }
                for node in draft.nodes.indices where draft.nodes[node].parent == parent && draft.nodes[node].weight == nil && draft.nodes[node].swing == nil {
                    draft.nodes[node].weight = .one
                }
            }
            draft.criteria[index].weight = weight
            return old.map { "criterion \"\(id)\" already has weight \($0.decimalText())" }
        case .setWeightSet(let changes):
            return try setWeightSet(changes, in: &draft)
        case .removeWeightSet(let id):
            guard let index = draft.weightSets.firstIndex(where: { $0.id == id }) else { throw unknownWeightSet(id, in: draft) }
            draft.weightSets.remove(at: index)
            return "removing weight set \"\(id)\" deletes its weights"
        case .setScore(let changes):
            return try setScore(changes, in: &draft)
        case .setScores(let list):
            var reasons: [String] = []
            // A sheet that only adds notes or sources to scores already given changes no value, so
            // it needs no reason; a replaced value does.
            for changes in list {
                let before = draft.scores.first { $0.option == changes.option && $0.criterion == changes.criterion && $0.scorer == changes.scorer }
                if let reason = try setScore(changes, in: &draft), before?.value != changes.value { reasons.append(reason) }
            }
            guard let first = reasons.first else { return nil }
            return reasons.count == 1 ? first : "\(first), and \(count(reasons.count - 1, "other cell")) already \(reasons.count == 2 ? "has" : "have") a score"
        case .setPanel(let setting):
            let had = draft.panel != nil || !draft.scorers.isEmpty
            draft.panel = setting
            return had ? "the panel rule decides the consensus of scores already given" : nil
        case .screening(let edit):
            return try ScreeningEditor.change(&draft, by: edit)
        case .addGroup, .editGroup, .removeGroup, .setAnchors, .setScaleRelative, .setImportance, .setDeclaration, .removeDeclaration, .agreeScores, .setDetails:
            return try changeStructure(&draft, by: edit)
        case .valueTree(let edit):
            return try ValueTreeEditor.apply(edit, to: &draft)
        case .money(let edit):
            return try MoneyEditor.change(&draft, by: edit)
        case .paper(let changes):
            return try CommitteePaperEditor.change(&draft, by: changes)
        }
    }

    private static func addCriterion(_ criterion: Criterion, to draft: inout Appraisal) throws(EditError) -> String? {
        try checkNewID(criterion.id, noun: "criterion", taken: draft.criteria.map(\.id))
        var criterion = criterion
        criterion.name = try text(criterion.name, "the name")
        criterion.offers = try texts(criterion.offers, "an offer")
        if criterion.shortName?.isEmpty == true { criterion.shortName = nil }
        let weighted = draft.criteria.contains { $0.weight != nil }
        if let weight = criterion.weight {
            try checkWeight(weight)
            if !weighted {
                // The others counted equally; writing 1 for them keeps that meaning.
                for index in draft.criteria.indices { draft.criteria[index].weight = .one }
            }
        } else if weighted {
            throw EditError("the other criteria carry weights, so criterion \"\(criterion.id)\" needs one too; give it with --weight")
        }
        draft.criteria.append(criterion)
        // A weight set must weigh every criterion: the new one starts at 0, leaving its rankings as they were.
        for index in draft.weightSets.indices { draft.weightSets[index].weights.append((criterion: criterion.id, weight: .zero)) }
        draft.importance?.append(criterion.id)
        return nil
    }

    private static func addOption(_ option: Option, to draft: inout Appraisal) throws(EditError) -> String? {
        try checkNewID(option.id, noun: "option", taken: draft.options.map(\.id))
        var option = option
        option.name = try text(option.name, "the name")
        if option.shortName?.isEmpty == true { option.shortName = nil }
        option.group = try group(option.group, in: draft)
        option.detail = try texts(option.detail, "a detail paragraph")
        option.strengths = try texts(option.strengths, "a strength")
        option.weaknesses = try texts(option.weaknesses, "a weakness")
        draft.options.append(option)
        return nil
    }

    private static func editOption(_ id: String, _ changes: OptionChanges, in draft: inout Appraisal) throws(EditError) {
        let index = try optionIndex(id, in: draft)
        var option = draft.options[index]
        if let name = changes.name { option.name = try text(name, "the name") }
        if let shortName = changes.shortName { option.shortName = shortName.isEmpty ? nil : shortName }
        if let group = changes.group { option.group = try self.group(group, in: draft) }
        if let description = changes.description { option.description = description }
        if let detail = changes.detail { option.detail = try texts(detail, "a detail paragraph") }
        if let strengths = changes.strengths { option.strengths = try texts(strengths, "a strength") }
        if let weaknesses = changes.weaknesses { option.weaknesses = try texts(weaknesses, "a weakness") }
        draft.options[index] = option
    }

    private static func setWeightSet(_ changes: WeightSetChanges, in draft: inout Appraisal) throws(EditError) -> String? {
        for entry in changes.weights {
            _ = try criterionIndex(entry.criterion, in: draft)
            try checkWeight(entry.weight)
        }
        let description = changes.description.map { $0.isEmpty ? nil : $0 }
        guard let index = draft.weightSets.firstIndex(where: { $0.id == changes.id }) else {
            try checkNewID(changes.id, noun: "weight set", taken: [])
            guard ![WeightSelection.defaultID, WeightSelection.equalID].contains(changes.id) else {
                throw EditError("\"\(changes.id)\" is reserved for the built-in weighting; choose another id for the weight set")
            }
            guard let name = changes.name else {
                throw EditError("weight set \"\(changes.id)\" is new, so it needs a name; give it with --name")
            }
            let given = Set(changes.weights.map(\.criterion))
            let missing = draft.criteria.map(\.id).filter { !given.contains($0) }
            guard missing.isEmpty else {
                throw EditError("a new weight set weighs every criterion; add --weight for \(missing.map { "\($0)=…" }.joined(separator: ", ")) (0 is allowed)")
            }
            let ordered = draft.criteria.map { criterion in changes.weights.last { $0.criterion == criterion.id }! }
            draft.weightSets.append(WeightSet(id: changes.id, name: try text(name, "the name"), description: description ?? nil, weights: ordered))
            return nil
        }
        var set = draft.weightSets[index]
        if let name = changes.name { set.name = try text(name, "the name") }
        if let description { set.description = description }
        for entry in changes.weights {
            if let position = set.weights.firstIndex(where: { $0.criterion == entry.criterion }) {
                set.weights[position].weight = entry.weight
            } else {
                set.weights.append(entry)
            }
        }
        draft.weightSets[index] = set
        return "weight set \"\(set.id)\" already exists"
    }

    private static func setScore(_ changes: ScoreChanges, in draft: inout Appraisal) throws(EditError) -> String? {
        _ = try optionIndex(changes.option, in: draft)
        let criterion = try criterionIndex(changes.criterion, in: draft)
        if draft.criteria[criterion].measured != nil {
            throw EditError("criterion \"\(changes.criterion)\" is measured, so its scores follow from measurements; record one with 'appraise value-function FILE \(changes.criterion) --option \(changes.option) --level N', or keep a typed score with 'appraise measure ... --override VALUE --reason TEXT'")
        }
        let scale = draft.scale
        guard scale.contains(changes.value) else {
            throw EditError("\(changes.value.decimalText()) is not a value of the scale (\(scale.minimum.decimalText()) to \(scale.maximum.decimalText()) in steps of \(scale.step.decimalText())); give one of \(scale.values.map { $0.decimalText() }.joined(separator: ", "))")
        }
        if let scorer = changes.scorer {
            _ = try text(scorer, "the scorer's name")
        }
        let bullets = try changes.rationale.map { bullets throws(EditError) in
            try bullets.map { bullet throws(EditError) in RationaleBullet(kind: bullet.kind, text: try text(bullet.text, "a rationale bullet")) }
        }
        let index = draft.scores.firstIndex {
            $0.option == changes.option && $0.criterion == changes.criterion && $0.scorer == changes.scorer
        }
        var score = index.map { draft.scores[$0] }
            ?? Score(option: changes.option, criterion: changes.criterion, scorer: changes.scorer, value: changes.value)
        let old = score.value
        score.value = changes.value
        if let bullets { score.rationale = changes.appendRationale ? score.rationale + bullets : bullets }
        if let source = changes.source { score.source = source.isEmpty ? nil : source }
        if let evidence = changes.evidence { score.evidence = changes.appendRationale ? score.evidence + evidence : evidence }
        guard let index else {
            draft.scores.append(score)
            return nil
        }
        draft.scores[index] = score
        let by = changes.scorer.map { " by \($0)" } ?? ""
        return "\"\(changes.option)\" already has a score\(by) on \"\(changes.criterion)\" (\(old.decimalText()))"
    }

    // MARK: - Checks

    static func criterionIndex(_ id: String, in appraisal: Appraisal) throws(EditError) -> Int {
        if let index = appraisal.criteria.firstIndex(where: { $0.id == id }) { return index }
        throw unknown("criterion", id, known: appraisal.criteria.map(\.id), add: "add it with 'appraise criterion add'")
    }

    static func optionIndex(_ id: String, in appraisal: Appraisal) throws(EditError) -> Int {
        if let index = appraisal.options.firstIndex(where: { $0.id == id }) { return index }
        throw unknown("option", id, known: appraisal.options.map(\.id), add: "add it with 'appraise option add'")
    }

    private static func unknownWeightSet(_ id: String, in appraisal: Appraisal) -> EditError {
        unknown("weight set", id, known: appraisal.weightSets.map(\.id), add: "create it with 'appraise weights FILE --set ID'")
    }

    static func unknown(_ noun: String, _ id: String, known: [String], add: String) -> EditError {
        known.isEmpty
            ? EditError("there is no \(noun) \"\(id)\" (the appraisal has none yet); \(add)")
            : EditError("there is no \(noun) \"\(id)\"; use one of \(known.joined(separator: ", ")), or \(add)")
    }

    static func checkNewID(_ id: String, noun: String, taken: [String]) throws(EditError) {
        guard Identifier.isValid(id) else {
            throw EditError("\"\(id)\" is not a kebab-case id; use lower-case letters, digits and single hyphens, e.g. \"\(Identifier.suggestion(for: id))\"")
        }
        guard !taken.contains(id) else {
            throw EditError("\(noun) id \"\(id)\" is already taken; choose another id or edit the existing \(noun)")
        }
    }

    private static func checkWeight(_ weight: Rational) throws(EditError) {
        guard !weight.isNegative else { throw EditError("a weight must be 0 or more, not \(weight.decimalText())") }
    }

    private static func group(_ id: String?, in appraisal: Appraisal) throws(EditError) -> String? {
        guard let id, !id.isEmpty else {
            guard appraisal.groups.isEmpty else {
                throw EditError("the appraisal groups its options, so the option needs --group (one of \(appraisal.groups.map(\.id).joined(separator: ", ")))")
            }
            return nil
        }
        guard appraisal.groups.contains(where: { $0.id == id }) else {
            throw unknown("group", id, known: appraisal.groups.map(\.id), add: "add it with 'appraise group add FILE ID --name TEXT'")
        }
        return id
    }

    static func text(_ value: String, _ what: String) throws(EditError) -> String {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw EditError("\(what) is empty; write some text")
        }
        return value
    }

    static func texts(_ values: [String], _ what: String) throws(EditError) -> [String] {
        for value in values { _ = try text(value, what) }
        return values
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
