/// Changes to the value tree, the reasons for weights and measured criteria, made through the
/// workbench and journalled like every other edit (`AppraisalEdit.valueTree`).
public enum ValueTreeEdit: Sendable, Equatable {
    case addNode(ValueNode)
    case editNode(id: String, NodeChanges)
    /// Removes a branch; what sat under it moves up to the branch's own parent.
    case removeNode(id: String)
    /// Puts a branch or a criterion under another branch (nil: the top of the tree).
    case move(id: String, parent: String?)
    /// A criterion's weight rationale and swing.
    case criterionReasons(id: String, weightRationale: String?, swing: Swing?)
    /// Makes a criterion measured (a value function), or judged again with nil.
    case setMeasured(criterion: String, MeasuredScoring?)
    /// Scores a cell from a measurement; the score is worked out by the criterion's function
    /// (a cited indicator is read from `datasets`, the appraisal's KPI datasets).
    case measure(option: String, criterion: String, CellMeasurement, rationale: [RationaleBullet]?, datasets: [KPIDataset] = [])
    /// A typed score on a measured criterion, kept with the reason it overrides the measure.
    case overrideScore(option: String, criterion: String, value: Rational, reason: String)
}

/// The parts of a branch to change; nil leaves a part as it is, an empty rationale removes it.
public struct NodeChanges: Sendable, Equatable {
    public var name: String?
    public var weight: Rational?
    public var weightRationale: String?
    public var swing: Swing?

    public init(name: String? = nil, weight: Rational? = nil, weightRationale: String? = nil, swing: Swing? = nil) {
        self.name = name
        self.weight = weight
        self.weightRationale = weightRationale
        self.swing = swing
    }
}

enum ValueTreeEditor {
    /// Applies one edit to the draft; returns why a reason is needed, when one is.
    static func apply(_ edit: ValueTreeEdit, to draft: inout Appraisal) throws(EditError) -> String? {
        switch edit {
        case .addNode(let node):
            guard Identifier.isValid(node.id) else {
                throw EditError("\"\(node.id)\" is not a kebab-case id; use lower-case letters, digits and single hyphens, e.g. \"\(Identifier.suggestion(for: node.id))\"")
            }
            guard draft.node(node.id) == nil, draft.criterion(node.id) == nil else {
                throw EditError("id \"\(node.id)\" is already taken by a branch or criterion; choose another id")
            }
            try checkParent(node.parent, in: draft)
            guard !node.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw EditError("the name is empty; write some text") }
            draft.nodes.append(node)
            return nil
        case .editNode(let id, let changes):
            let index = try nodeIndex(id, in: draft)
            var reason: String?
            if let name = changes.name { draft.nodes[index].name = name }
            if let weight = changes.weight {
                guard !weight.isNegative else { throw EditError("a weight must be 0 or more, not \(weight.decimalText())") }
                if let old = draft.nodes[index].weight, old != weight { reason = "branch \"\(id)\" already has weight \(old.decimalText())" }
                draft.nodes[index].weight = weight
            }
            if let rationale = changes.weightRationale { draft.nodes[index].weightRationale = rationale.isEmpty ? nil : rationale }
            if let swing = changes.swing {
                if let old = draft.nodes[index].swing, old != swing { reason = "branch \"\(id)\" already has a swing of \(old.points.decimalText()) points" }
                draft.nodes[index].swing = swing
                if draft.nodes[index].weight != nil, changes.weight == nil { draft.nodes[index].weight = swing.points }
            }
            return reason
        case .removeNode(let id):
            let index = try nodeIndex(id, in: draft)
            let parent = draft.nodes[index].parent
            var moved = 0
            for other in draft.nodes.indices where draft.nodes[other].parent == id {
                draft.nodes[other].parent = parent
                moved += 1
            }
            for criterion in draft.criteria.indices where draft.criteria[criterion].parent == id {
                draft.criteria[criterion].parent = parent
                moved += 1
            }
            draft.nodes.remove(at: index)
            let place = parent.map { "branch \"\($0)\"" } ?? "the top of the tree"
            return moved > 0 ? "removing branch \"\(id)\" moves \(moved) item\(moved == 1 ? "" : "s") up to \(place), which changes their weights" : nil
        case .move(let id, let parent):
            try checkParent(parent, in: draft)
            if parent == id { throw EditError("\"\(id)\" cannot sit under itself; choose another branch") }
            if let index = draft.nodes.firstIndex(where: { $0.id == id }) {
                draft.nodes[index].parent = parent
            } else if let index = draft.criteria.firstIndex(where: { $0.id == id }) {
                draft.criteria[index].parent = parent
            } else {
                throw EditError("no branch or criterion \"\(id)\"; see the ids with 'appraise tree'")
            }
            return "moving \"\(id)\" changes the weights of the criteria under it"
        case let .criterionReasons(id, rationale, swing):
            guard let index = draft.criteria.firstIndex(where: { $0.id == id }) else { throw unknownCriterion(id, in: draft) }
            if let rationale { draft.criteria[index].weightRationale = rationale.isEmpty ? nil : rationale }
            var reason: String?
            if let swing {
                if let old = draft.criteria[index].swing, old != swing { reason = "criterion \"\(id)\" already has a swing of \(old.points.decimalText()) points" }
                draft.criteria[index].swing = swing
                if draft.criteria[index].weight != nil { draft.criteria[index].weight = swing.points }
            }
            return reason
        case let .setMeasured(id, measured):
            guard let index = draft.criteria.firstIndex(where: { $0.id == id }) else { throw unknownCriterion(id, in: draft) }
            let had = draft.criteria[index].measured
            draft.criteria[index].measured = measured
            if measured != nil { try rescore(criterion: id, in: &draft) }
            return had != nil && had != measured ? "criterion \"\(id)\" already has a value function, and changing it changes its scores" : nil
        case let .measure(option, criterion, measurement, rationale, datasets):
            guard let measured = draft.criterion(criterion), measured.measured != nil else {
                throw EditError("criterion \"\(criterion)\" has no value function; give it one with 'appraise value-function FILE \(criterion) --linear WORST:BEST' first")
            }
            guard draft.option(option) != nil else { throw EditError("no option \"\(option)\"; see the ids with 'appraise show'") }
            let index = draft.scores.firstIndex { $0.option == option && $0.criterion == criterion && $0.scorer == nil }
            let old = index.map { draft.scores[$0] }
            var score = old ?? Score(option: option, criterion: criterion, value: .zero)
            score.measurement = measurement
            score.override = nil
            if let rationale { score.rationale = rationale }
            try work(&score, criterion: measured, in: draft, datasets: datasets)
            if let index { draft.scores[index] = score } else { draft.scores.append(score) }
            return old.map { "\"\(option)\" already has \($0.value.decimalText()) on \"\(criterion)\"" }
        case let .overrideScore(option, criterion, value, reason):
            guard draft.criterion(criterion)?.measured != nil else {
                throw EditError("criterion \"\(criterion)\" is not measured, so there is nothing to override; set the score with 'appraise score set'")
            }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw EditError("an override needs its reason; give it with --reason TEXT") }
            let index = draft.scores.firstIndex { $0.option == option && $0.criterion == criterion && $0.scorer == nil }
            var score = index.map { draft.scores[$0] } ?? Score(option: option, criterion: criterion, value: value)
            score.value = value
            score.override = reason
            score.rationale.removeAll { $0.kind == .note && $0.text.hasPrefix(workingPrefix) }
            score.rationale.insert(RationaleBullet(kind: .note, text: "Typed score \(value.decimalText()) overrides the measured score: \(reason)"), at: 0)
            if let index { draft.scores[index] = score } else { draft.scores.append(score) }
            return "overriding the measured score of \"\(option)\" on \"\(criterion)\""
        }
    }

    /// The text that starts the rationale bullet holding a measured score's working.
    static let workingPrefix = "Measured: "

    /// Works a cell's score out from its measurement (or the criterion's measure) and puts the
    /// working first in its rationale, replacing the working written before.
    static func work(_ score: inout Score, criterion: Criterion, in draft: Appraisal, datasets: [KPIDataset] = []) throws(EditError) {
        guard let worked = MeasuredCells.worked(option: score.option, criterion: criterion, score: score, appraisal: draft, datasets: datasets) else { return }
        switch worked {
        case .failure(let problem): throw EditError(problem.message)
        case .success(let measured):
            score.value = measured.stored
            score.rationale.removeAll { $0.kind == .note && $0.text.hasPrefix(workingPrefix) }
            score.rationale.insert(RationaleBullet(kind: .note, text: workingPrefix + measured.working), at: 0)
        }
    }

    /// Keeps the scores of criteria measured by a measure in step with its amounts, so an
    /// edit of an amount moves the score it gives; cells that cannot be worked out are left
    /// for validation to report, overrides stay.
    static func followMeasures(_ draft: inout Appraisal) {
        for criterion in draft.criteria where criterion.measured?.measure != nil {
            for index in draft.scores.indices where draft.scores[index].criterion == criterion.id && draft.scores[index].override == nil {
                var score = draft.scores[index]
                guard (try? work(&score, criterion: criterion, in: draft)) != nil else { continue }
                draft.scores[index] = score
            }
        }
    }

    /// Works the scores of a newly measured criterion out again: every option from the
    /// criterion's measure, or each score from its own measurement. Overrides stay.
    private static func rescore(criterion id: String, in draft: inout Appraisal) throws(EditError) {
        guard let criterion = draft.criterion(id) else { return }
        for option in draft.options {
            let index = draft.scores.firstIndex { $0.option == option.id && $0.criterion == id && $0.scorer == nil }
            var score = index.map { draft.scores[$0] } ?? Score(option: option.id, criterion: id, value: .zero)
            guard score.override == nil, criterion.measured?.measure != nil || score.measurement != nil else { continue }
            if case .indicator? = score.measurement { continue }
            try work(&score, criterion: criterion, in: draft)
            if let index { draft.scores[index] = score } else { draft.scores.append(score) }
        }
    }

    private static func checkParent(_ parent: String?, in draft: Appraisal) throws(EditError) {
        guard let parent else { return }
        guard draft.node(parent) != nil else {
            let known = draft.nodes.map(\.id)
            throw EditError("no branch \"\(parent)\"\(known.isEmpty ? "; add it with 'appraise node add'" : " (branches: \(known.joined(separator: ", ")))")")
        }
    }

    private static func nodeIndex(_ id: String, in draft: Appraisal) throws(EditError) -> Int {
        guard let index = draft.nodes.firstIndex(where: { $0.id == id }) else {
            let known = draft.nodes.map(\.id)
            throw EditError("no branch \"\(id)\"\(known.isEmpty ? "; add it with 'appraise node add'" : " (branches: \(known.joined(separator: ", ")))")")
        }
        return index
    }

    private static func unknownCriterion(_ id: String, in draft: Appraisal) -> EditError {
        EditError("no criterion \"\(id)\" (criteria: \(draft.criteria.map(\.id).joined(separator: ", ")))")
    }
}
