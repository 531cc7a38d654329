/// The edits to an appraisal's structure beyond criteria, options and scores: groups of
/// options, what the scale's values mean, the order of importance and what a published
/// document declared. Each would otherwise need a hand edit of the JSON and an `adopt`.
extension AppraisalEditor {
    /// Applies one structural edit; returns why a reason is needed, when one is.
    static func changeStructure(_ draft: inout Appraisal, by edit: AppraisalEdit) throws(EditError) -> String? {
        switch edit {
        case .addGroup(let group, let options):
            try checkNewID(group.id, noun: "group", taken: draft.groups.map(\.id))
            draft.groups.append(OptionGroup(id: group.id, name: try text(group.name, "the name"), description: group.description))
            return try move(options, to: group.id, in: &draft)
        case .editGroup(let id, let name, let description, let options):
            guard let index = draft.groups.firstIndex(where: { $0.id == id }) else { throw unknownGroup(id, in: draft) }
            if let name { draft.groups[index].name = try text(name, "the name") }
            if let description { draft.groups[index].description = description }
            return try move(options, to: id, in: &draft)
        case .removeGroup(let id):
            guard let index = draft.groups.firstIndex(where: { $0.id == id }) else { throw unknownGroup(id, in: draft) }
            draft.groups.remove(at: index)
            let members = draft.options.indices.filter { draft.options[$0].group == id }
            for member in members { draft.options[member].group = nil }
            return members.isEmpty ? nil : "removing group \"\(id)\" leaves \(count(members.count, "option")) without a group"
        case .setAnchors(let anchors, let remove):
            return try setAnchors(anchors, remove: remove, in: &draft)
        case .setScaleRelative(let relative):
            let was = draft.scale.relative
            draft.scale.relative = relative
            return was && !relative ? "the scale was marked relative to the options appraised" : nil
        case .setImportance(let order):
            if let order { try checkImportance(order, in: draft) }
            let had = draft.importance
            draft.importance = order
            return had.map { "the appraisal already has an order of importance (\($0.joined(separator: ", ")))" }
        case .setDeclaration(let declaration):
            return try setDeclaration(declaration, in: &draft)
        case .removeDeclaration(let source):
            guard let index = draft.declared.firstIndex(where: { $0.source == source }) else { throw unknownDeclaration(source, in: draft) }
            draft.declared.remove(at: index)
            return "removing the declaration \"\(source)\" deletes what it published"
        case .agreeScores(let scorer):
            guard draft.scorers.contains(scorer) else {
                throw unknown("scorer", scorer, known: draft.scorers, add: "file scores under a scorer with 'appraise score --scorer NAME'")
            }
            let agreed = Set(draft.scores.filter { $0.scorer == nil }.map { $0.option + "\u{0}" + $0.criterion })
            let taken = draft.scores.indices.filter { draft.scores[$0].scorer == scorer && !agreed.contains(draft.scores[$0].option + "\u{0}" + draft.scores[$0].criterion) }
            for index in taken { draft.scores[index].scorer = nil }
            return "filing \(count(taken.count, "score")) by \(scorer) as agreed changes what the totals rest on"
        case .setDetails(let title, let body, let date, let source):
            if let title { draft.title = try text(title, "the title") }
            if let body { draft.body = try text(body, "the body") }
            if let date { draft.date = try text(date, "the date") }
            if let source { draft.source = source.isEmpty ? nil : source }
            return nil
        default:
            return nil
        }
    }

    /// Puts the options in the group; moving one out of another group needs a reason.
    private static func move(_ options: [String], to group: String, in draft: inout Appraisal) throws(EditError) -> String? {
        var moved: [String] = []
        for id in options {
            let index = try optionIndex(id, in: draft)
            if let old = draft.options[index].group, old != group { moved.append("\"\(id)\" (in \(old))") }
            draft.options[index].group = group
        }
        return moved.isEmpty ? nil : "moving \(moved.joined(separator: ", ")) changes its group"
    }

    private static func setAnchors(_ anchors: [ScaleAnchor], remove: [Rational], in draft: inout Appraisal) throws(EditError) -> String? {
        let scale = draft.scale
        var replaced: [String] = []
        for value in remove {
            guard let index = draft.scale.anchors.firstIndex(where: { $0.value == value }) else {
                throw EditError("the scale has no anchor for \(value.decimalText()); anchored values: \(anchoredValues(draft))")
            }
            replaced.append(value.decimalText())
            draft.scale.anchors.remove(at: index)
        }
        for anchor in anchors {
            guard scale.contains(anchor.value) else {
                throw EditError("\(anchor.value.decimalText()) is not a value of the scale; give one of \(scale.values.map { $0.decimalText() }.joined(separator: ", "))")
            }
            let meaning = try text(anchor.meaning, "the meaning of \(anchor.value.decimalText())")
            if let index = draft.scale.anchors.firstIndex(where: { $0.value == anchor.value }) {
                if draft.scale.anchors[index].meaning != meaning { replaced.append(anchor.value.decimalText()) }
                draft.scale.anchors[index].meaning = meaning
            } else {
                let position = draft.scale.anchors.firstIndex { $0.value > anchor.value } ?? draft.scale.anchors.count
                draft.scale.anchors.insert(ScaleAnchor(value: anchor.value, meaning: meaning), at: position)
            }
        }
        return replaced.isEmpty ? nil : "the scale already says what \(replaced.joined(separator: ", ")) mean\(replaced.count == 1 ? "s" : "")"
    }

    private static func checkImportance(_ order: [String], in draft: Appraisal) throws(EditError) {
        var seen: Set<String> = []
        for id in order {
            _ = try criterionIndex(id, in: draft)
            guard seen.insert(id).inserted else { throw EditError("\"\(id)\" is listed twice in the order of importance; list each criterion once") }
        }
        let missing = draft.criteria.map(\.id).filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw EditError("the order of importance leaves out \(missing.joined(separator: ", ")); list every criterion once, most important first")
        }
    }

    private static func setDeclaration(_ declaration: Declaration, in draft: inout Appraisal) throws(EditError) -> String? {
        let source = try text(declaration.source, "the source")
        for entry in declaration.totals { _ = try optionIndex(entry.option, in: draft) }
        for entry in declaration.ranks {
            _ = try optionIndex(entry.option, in: draft)
            guard entry.rank >= 1 else { throw EditError("a rank is 1 or more, not \(entry.rank)") }
        }
        if let decimals = declaration.decimals, !(0...Declaration.maximumDecimals).contains(decimals) {
            throw EditError("a total is printed to 0 to \(Declaration.maximumDecimals) decimal places, not \(decimals)")
        }
        if let weighting = declaration.weighting, draft.weightSelection(weighting) == nil {
            throw EditError("there is no weighting \"\(weighting)\"; use equal, default or one of the weight sets \(draft.weightSets.map { "\"\($0.id)\"" }.joined(separator: ", "))")
        }
        // Points are the default basis, so the file leaves them unsaid.
        let basis = declaration.basis == .points ? nil : declaration.basis
        guard let index = draft.declared.firstIndex(where: { $0.source == source }) else {
            guard !declaration.totals.isEmpty || !declaration.ranks.isEmpty else {
                throw EditError("a new declaration needs what was published: --total OPTION=VALUE or --rank OPTION=N")
            }
            var added = declaration
            added.basis = basis
            draft.declared.append(added)
            return nil
        }
        var existing = draft.declared[index]
        var replaced: [String] = []
        if declaration.basis != nil {
            if existing.basis != nil && existing.basis != basis { replaced.append("the basis (\(existing.basis!.rawValue))") }
            existing.basis = basis
        }
        if let decimals = declaration.decimals {
            if let old = existing.decimals, old != decimals { replaced.append("the decimals (\(old))") }
            existing.decimals = decimals
        }
        if let weighting = declaration.weighting {
            if let old = existing.weighting, old != weighting { replaced.append("the weighting (\(old))") }
            existing.weighting = weighting
        }
        for entry in declaration.totals {
            if let position = existing.totals.firstIndex(where: { $0.option == entry.option }) {
                if existing.totals[position].total != entry.total { replaced.append("the total of \(entry.option)") }
                existing.totals[position].total = entry.total
            } else {
                existing.totals.append(entry)
            }
        }
        for entry in declaration.ranks {
            if let position = existing.ranks.firstIndex(where: { $0.option == entry.option }) {
                if existing.ranks[position].rank != entry.rank { replaced.append("the rank of \(entry.option)") }
                existing.ranks[position].rank = entry.rank
            } else {
                existing.ranks.append(entry)
            }
        }
        draft.declared[index] = existing
        return replaced.isEmpty ? nil : "the declaration \"\(source)\" already gives \(replaced.joined(separator: " and "))"
    }

    private static func anchoredValues(_ appraisal: Appraisal) -> String {
        appraisal.scale.anchors.isEmpty ? "none" : appraisal.scale.anchors.map { $0.value.decimalText() }.joined(separator: ", ")
    }

    private static func unknownGroup(_ id: String, in appraisal: Appraisal) -> EditError {
        unknown("group", id, known: appraisal.groups.map(\.id), add: "add it with 'appraise group add FILE ID --name TEXT'")
    }

    private static func unknownDeclaration(_ source: String, in appraisal: Appraisal) -> EditError {
        appraisal.declared.isEmpty
            ? EditError("the appraisal records no declarations; add one with 'appraise declare FILE --source TEXT --total OPTION=VALUE'")
            : EditError("there is no declaration with source \"\(source)\"; use one of \(appraisal.declared.map { "\"\($0.source)\"" }.joined(separator: ", "))")
    }
}
