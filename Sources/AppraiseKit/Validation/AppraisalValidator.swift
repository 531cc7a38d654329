import Foundation

/// Checks that a decoded appraisal makes sense as a whole: ids unique and known, one score
/// per cell, scores on the scale, usable weights. Reports every problem, never just the first.
struct AppraisalValidator {
    let appraisal: Appraisal
    let sink: DiagnosticSink
    /// Cells already reported as unreadable by the decoder.
    var cellsWithUnreadableScores: Set<String> = []

    func validate() {
        checkHeader()
        checkScale()
        let criterionIDs = checkIDs(appraisal.criteria.map(\.id), path: "criteria", noun: "criterion")
        let groupIDs = checkIDs(appraisal.groups.map(\.id), path: "groups", noun: "group")
        let optionIDs = checkIDs(appraisal.options.map(\.id), path: "options", noun: "option")
        _ = checkIDs(appraisal.weightSets.map(\.id), path: "weightSets", noun: "weight set")
        if appraisal.criteria.isEmpty {
            sink.report(code: "missing-field", message: "the appraisal needs at least one criterion", location: "criteria")
        }
        if appraisal.options.isEmpty {
            sink.report(code: "missing-field", message: "the appraisal needs at least one option", location: "options")
        }
        checkGroups(groupIDs: groupIDs)
        if appraisal.hasValueTree { checkValueTree(criterionIDs: criterionIDs) } else { checkCriterionWeights() }
        checkSwings()
        checkMeasuredScores()
        checkScores(optionIDs: optionIDs, criterionIDs: criterionIDs)
        checkWeightSets(criterionIDs: criterionIDs)
        checkImportance(criterionIDs: criterionIDs)
        checkDeclarations(optionIDs: optionIDs)
        ScreeningRules(appraisal: appraisal, sink: sink, optionIDs: optionIDs).check()
        CostsValidator(appraisal: appraisal, sink: sink, optionIDs: optionIDs).validate()
        ProgrammeValidator(appraisal: appraisal, sink: sink, optionIDs: optionIDs).validate()
        let shortList = appraisal.shortList
        // Reconciling ranks every option, so it runs only when the file declares something to
        // reconcile (a 35,000-option import spent most of its memory on a ranking for nothing).
        let declares = shortList.declared.contains { !$0.totals.isEmpty || !$0.ranks.isEmpty }
        if declares, sink.diagnostics.errors.isEmpty, let matrix = DecisionMatrix(shortList), let weights = shortList.defaultWeights {
            for finding in Reconciliation(appraisal: shortList, matrix: matrix, weights: weights).findings {
                sink.report(code: "declared-\(finding.field.rawValue)-mismatch", severity: .warning, message: finding.sentence(in: shortList),
                            location: finding.location)
            }
        }
    }

    private func checkHeader() {
        if appraisal.format != 1 {
            sink.report(code: "unsupported-format", message: "format \(appraisal.format) is not supported; this tool reads format 1", location: "format")
        }
        if !Identifier.isValid(appraisal.id) {
            sink.report(code: "invalid-id", message: "\"\(appraisal.id)\" is not a kebab-case id; use lower-case letters, digits and single hyphens, e.g. \(Identifier.suggestion(for: appraisal.id))",
                        location: "id")
        }
        let date = appraisal.date
        let pattern = #"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"#
        if date.range(of: pattern, options: .regularExpression) == nil || !Self.isCalendarDate(date) {
            sink.report(code: "invalid-date", message: "\"\(date)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", location: "date")
        }
    }

    /// Whether a `YYYY-MM-DD` date exists (no 30 February); shorter forms always do.
    static func isCalendarDate(_ date: String) -> Bool {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return true }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    private func checkScale() {
        let scale = appraisal.scale
        if !(scale.step > .zero) {
            sink.report(code: "invalid-scale", message: "the scale's step must be greater than 0 (e.g. 1 or 0.5)", location: "scale.step")
        } else if !(scale.maximum > scale.minimum) {
            sink.report(code: "invalid-scale", message: "the scale's max (\(scale.maximum.decimalText())) must be greater than its min (\(scale.minimum.decimalText()))",
                        location: "scale.max")
        } else if !((scale.maximum - scale.minimum) / scale.step).isInteger {
            sink.report(code: "invalid-scale", message: "max − min must be a whole number of steps; change the step or the bounds", location: "scale.step")
        } else {
            for (index, anchor) in scale.anchors.enumerated() where !scale.contains(anchor.value) {
                sink.report(code: "off-scale", message: "anchor value \(anchor.value.decimalText()) is not a value of the scale \(describe(scale))",
                            location: "scale.anchors[\(index)].value")
            }
        }
    }

    private func describe(_ scale: ScoreScale) -> String {
        "\(scale.minimum.decimalText())–\(scale.maximum.decimalText()) in steps of \(scale.step.decimalText())"
    }

    /// Reports malformed and duplicate ids; returns the set of ids declared.
    func checkIDs(_ ids: [String], path: String, noun: String) -> Set<String> {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if !Identifier.isValid(id) {
                sink.report(code: "invalid-id", message: "\"\(id)\" is not a kebab-case id; use e.g. \"\(Identifier.suggestion(for: id))\"",
                            location: "\(path)[\(index)].id")
            }
            if let first = seen[id] {
                sink.report(code: "duplicate-id", message: "\(noun) id \"\(id)\" is already used by \(path)[\(first)]; give each \(noun) its own id",
                            location: "\(path)[\(index)].id")
            } else {
                seen[id] = index
            }
        }
        return Set(ids)
    }

    private func checkGroups(groupIDs: Set<String>) {
        for (index, option) in appraisal.options.enumerated() {
            if let group = option.group, !groupIDs.contains(group) {
                sink.report(code: "unknown-id", message: "option \"\(option.id)\" names group \"\(group)\", which is not in \"groups\"\(known(groupIDs))",
                            location: "options[\(index)].group")
            } else if option.group == nil, !groupIDs.isEmpty {
                sink.report(code: "missing-field", message: "option \"\(option.id)\" needs a \"group\" because the appraisal groups its options\(known(groupIDs))",
                            location: "options[\(index)]")
            }
        }
    }

    func known(_ ids: Set<String>) -> String {
        ids.isEmpty ? "" : " (known: \(ids.sorted().joined(separator: ", ")))"
    }

    private func checkCriterionWeights() {
        let given = appraisal.criteria.filter { $0.weight != nil || $0.swing != nil }.count
        guard given > 0 else { return }
        if given < appraisal.criteria.count {
            for (index, criterion) in appraisal.criteria.enumerated() where criterion.weight == nil && criterion.swing == nil {
                sink.report(code: "missing-weight", message: "criterion \"\(criterion.id)\" has no weight while others do; give every criterion a weight, or none for equal weights",
                            location: "criteria[\(index)]")
            }
            return
        }
        checkWeights(appraisal.criteria.enumerated().map { ($0.element.weight ?? $0.element.swing!.points, "criteria[\($0.offset)].weight") },
                     what: "the criteria's weights")
    }

    func checkWeights(_ weights: [(Rational, String)], what: String) {
        var anyNegative = false
        for (weight, path) in weights where weight.isNegative {
            anyNegative = true
            sink.report(code: "negative-weight", message: "weight \(weight.decimalText()) is negative; weights must be 0 or more", location: path)
        }
        if !anyNegative, !weights.isEmpty, weights.allSatisfy({ $0.0.isZero }) {
            sink.report(code: "zero-weights", message: "all of \(what) are 0, so no option can score; give at least one criterion a positive weight",
                        location: weights[0].1)
        }
    }

    private func checkScores(optionIDs: Set<String>, criterionIDs: Set<String>) {
        var cells: [String: Int] = [:]
        var scored: Set<String> = []
        let scale = appraisal.scale
        for (index, score) in appraisal.scores.enumerated() {
            let path = "scores[\(index)]"
            var known = true
            if !optionIDs.contains(score.option) {
                known = false
                sink.report(code: "unknown-id", message: "score for unknown option \"\(score.option)\"\(self.known(optionIDs))", location: "\(path).option")
            }
            if !criterionIDs.contains(score.criterion) {
                known = false
                sink.report(code: "unknown-id", message: "score for unknown criterion \"\(score.criterion)\"\(self.known(criterionIDs))", location: "\(path).criterion")
            }
            if known {
                let cell = score.option + "\u{0}" + score.criterion
                scored.insert(cell)
                let key = cell + "\u{0}" + (score.scorer ?? "")
                if let first = cells[key] {
                    let by = score.scorer.map { " by \"\($0)\"" } ?? ""
                    let keep = score.scorer == nil ? "option and criterion" : "option, criterion and scorer"
                    sink.report(code: "extra-score", message: "\"\(score.option)\" is already scored on \"\(score.criterion)\"\(by) at scores[\(first)]; keep one score per \(keep)",
                                location: path)
                } else {
                    cells[key] = index
                }
            }
            if score.value < scale.minimum || score.value > scale.maximum {
                sink.report(code: "off-scale", message: "score \(score.value.decimalText()) is outside the scale \(describe(scale)); give a value from \(scale.minimum.decimalText()) to \(scale.maximum.decimalText())",
                            location: "\(path).value")
            } else if scale.step > .zero, !scale.contains(score.value), appraisal.criterion(score.criterion)?.measured == nil {
                sink.report(code: "off-step", message: "score \(score.value.decimalText()) is not on the scale's steps (\(describe(scale))); round it to a step",
                            location: "\(path).value")
            }
            if score.rationale.isEmpty, appraisal.criterion(score.criterion)?.measured == nil {
                sink.report(code: "no-rationale", severity: .warning, message: "\"\(score.option)\" on \"\(score.criterion)\" has no rationale; members cannot see why it scored \(score.value.decimalText())",
                            location: "\(path).rationale", position: sink.positions["\(path).rationale"] ?? sink.positions[path])
            }
        }
        for option in appraisal.scoredOptions where optionIDs.contains(option.id) {
            for criterion in appraisal.criteria where !scored.contains(option.id + "\u{0}" + criterion.id)
                && !cellsWithUnreadableScores.contains(option.id + "\u{0}" + criterion.id) {
                sink.report(code: "missing-score", message: "option \"\(option.id)\" is not yet scored on criterion \"\(criterion.id)\"; score it with 'appraise score FILE \(option.id) \(criterion.id) VALUE'",
                            location: "scores")
            }
        }
    }

    private func checkWeightSets(criterionIDs: Set<String>) {
        for (index, set) in appraisal.weightSets.enumerated() {
            let path = "weightSets[\(index)]"
            if [WeightSelection.defaultID, WeightSelection.equalID].contains(set.id) {
                sink.report(code: "reserved-id", message: "\"\(set.id)\" is reserved for the built-in weighting; choose another id", location: "\(path).id")
            }
            for entry in set.weights where !criterionIDs.contains(entry.criterion) {
                sink.report(code: "unknown-id", message: "weight set \"\(set.id)\" weights unknown criterion \"\(entry.criterion)\"\(known(criterionIDs))",
                            location: "\(path).weights.\(entry.criterion)")
            }
            for criterion in appraisal.criteria where set.weight(of: criterion.id) == nil {
                sink.report(code: "missing-weight", message: "weight set \"\(set.id)\" gives no weight for criterion \"\(criterion.id)\"; add it (0 is allowed)",
                            location: "\(path).weights")
            }
            checkWeights(set.weights.map { ($0.weight, "\(path).weights.\($0.criterion)") }, what: "weight set \"\(set.id)\"'s weights")
        }
    }

    private func checkImportance(criterionIDs: Set<String>) {
        guard let importance = appraisal.importance else { return }
        var seen: Set<String> = []
        for (index, id) in importance.enumerated() {
            if !criterionIDs.contains(id) {
                sink.report(code: "unknown-id", message: "\"\(id)\" in the order of importance is not a criterion\(known(criterionIDs))", location: "importance[\(index)]")
            } else if !seen.insert(id).inserted {
                sink.report(code: "duplicate-id", message: "\"\(id)\" appears twice in the order of importance; list each criterion once", location: "importance[\(index)]")
            }
        }
        let missing = criterionIDs.subtracting(importance).sorted()
        if !missing.isEmpty {
            sink.report(code: "missing-criterion", message: "the order of importance leaves out \(missing.joined(separator: ", ")); list every criterion once", location: "importance")
        }
    }

    private func checkDeclarations(optionIDs: Set<String>) {
        let optionCount = appraisal.options.count
        for (index, declaration) in appraisal.declared.enumerated() {
            let path = "declared[\(index)]"
            if let weighting = declaration.weighting, appraisal.weightSelection(weighting) == nil {
                sink.report(code: "unknown-id", message: "the declaration's weighting \"\(weighting)\" is not a weighting of this appraisal; use one of "
                            + appraisal.availableWeightSelections.joined(separator: ", "), location: "\(path).weighting")
            }
            for entry in declaration.totals where !optionIDs.contains(entry.option) {
                sink.report(code: "unknown-id", message: "declared total for unknown option \"\(entry.option)\"\(known(optionIDs))", location: "\(path).totals.\(entry.option)")
            }
            for entry in declaration.ranks {
                if !optionIDs.contains(entry.option) {
                    sink.report(code: "unknown-id", message: "declared rank for unknown option \"\(entry.option)\"\(known(optionIDs))", location: "\(path).ranks.\(entry.option)")
                } else if entry.rank < 1 || entry.rank > optionCount {
                    sink.report(code: "invalid-rank", message: "rank \(entry.rank) is impossible with \(optionCount) options; use 1 to \(optionCount)", location: "\(path).ranks.\(entry.option)")
                }
            }
        }
    }
}

/// The rule for ids: lower-case kebab-case, so they are safe in file names, URLs and scripts.
public enum Identifier {
    public static func isValid(_ id: String) -> Bool {
        id.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil
    }

    /// A kebab-case id close to what the user wrote ("Child Focused" → "child-focused"),
    /// accented letters transliterated ("École Sainte-Thérèse" → "ecole-sainte-therese").
    public static func suggestion(for text: String) -> String {
        var plain = text.lowercased()
        for (letter, spelling) in transliterations { plain = plain.replacingOccurrences(of: letter, with: spelling) }
        plain = plain.folding(options: [.diacriticInsensitive], locale: nil)
        let words = plain.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "option-1" : words.joined(separator: "-")
    }

    /// Letters that are not an accent on a Latin letter, so folding leaves them alone.
    private static let transliterations = [
        ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ø", "o"), ("ł", "l"), ("đ", "d"), ("ð", "d"), ("þ", "th"), ("ı", "i"),
    ]
}
