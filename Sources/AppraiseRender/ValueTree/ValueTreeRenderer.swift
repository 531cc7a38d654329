import AppraiseKit

/// The value tree and the reasons for its weights as tables (text, CSV, Markdown, HTML) and
/// JSON: the tree with each weight's share and rationale, the recorded swing weighting, the
/// trade-offs between criteria, each option's sub-total per branch and how far each branch's
/// weight can move before first place changes.
public enum ValueTreeRenderer {
    /// Every table that applies to the appraisal, in reading order; empty for a flat appraisal
    /// that records no reasons for its weights (its pack stays as it was).
    public static func tables(_ appraisal: Appraisal, matrix: DecisionMatrix, selection: WeightSelection) -> [Table] {
        guard appraisal.recordsWeightReasons else { return [] }
        let tree = appraisal.valueTree
        var tables = [treeTable(appraisal, tree: tree, selection: selection)]
        let swings = SwingGroup.all(tree)
        if !swings.isEmpty { tables.append(swingTable(appraisal, tree: tree, groups: swings)) }
        tables.append(tradeOffTable(appraisal, weights: selection.weights))
        if !tree.isFlat {
            let totals = AppraiseKit.totals(of: matrix, weights: selection.weights)
            tables.append(subtotalsTable(appraisal, subtotals: BranchSubtotals(tree: tree, totals: totals)))
            tables.append(branchSensitivityTable(appraisal, BranchSensitivity.all(tree: tree, matrix: matrix, weights: selection.weights)))
        }
        return tables
    }

    static func label(_ appraisal: Appraisal, _ id: String) -> String {
        appraisal.node(id)?.name ?? appraisal.criterion(id)?.label ?? appraisal.option(id)?.label ?? id
    }

    static func percent(_ value: Rational) -> String { (value * Rational(100)).decimalText(maximumPlaces: 2) + "%" }

    public static func treeTable(_ appraisal: Appraisal, tree: ValueTree, selection: WeightSelection) -> Table {
        let rows = tree.outline.map { entry -> [String] in
            let item = entry.item
            let indent = String(repeating: "  ", count: entry.depth)
            let total: Rational? = item.criterionIndex.map { selection.weights.normalised[$0] }
                ?? tree.criterionIndices(under: item.id).map { selection.weights.normalised[$0] }.sum()
            return [indent + label(appraisal, item.id), item.isBranch ? "branch" : "criterion",
                    item.entered.map(Formatting.number) ?? "", tree.localWeight(of: item.id).map(percent) ?? "",
                    total.map(percent) ?? "", item.rationale ?? ""]
        }
        return Table(
            id: "value-tree", title: "The value tree and the reasons for its weights",
            columns: [.init("Item"), .init("Kind"), .init("Weight", .right), .init("Share of its branch", .right),
                      .init("Share of the total", .right), .init("Why this weight")],
            rows: rows,
            notes: ["A weight counts relative to the other items in the same branch; a criterion's share of the total is the product of the shares above it.",
                    "Shares of the total are under \(selection.name)."])
    }

    public static func swingTable(_ appraisal: Appraisal, tree: ValueTree, groups: [SwingGroup]) -> Table {
        let rows = groups.flatMap { group in
            group.steps.map { step -> [String] in
                [group.parent.map { label(appraisal, $0) } ?? "the top of the tree", String(step.rank), label(appraisal, step.item),
                 step.swing.worst, step.swing.best, Formatting.number(step.swing.points), percent(step.weight)]
            }
        }
        return Table(
            id: "swing-weights", title: "Swing weighting as recorded",
            columns: [.init("Compared within"), .init("Rank", .right), .init("Item"), .init("Swing from (worst)"), .init("to (best)"),
                      .init("Points", .right), .init("Weight within its branch", .right)],
            rows: rows,
            notes: ["Each item's swing from the worst to the best level in the appraisal, ranked; the biggest swing gets 100 points and each other swing the points it is worth against it. The points, normalised, are the weights."])
    }

    public static func tradeOffTable(_ appraisal: Appraisal, weights: Weights) -> Table {
        let table = TradeOffTable(criteria: appraisal.criteria.map(\.id), weights: weights)
        let rows = table.criteria.indices.map { row -> [String] in
            [label(appraisal, table.criteria[row])] + table.worth[row].map { $0.map { $0.decimalText(maximumPlaces: 2) } ?? "—" }
        }
        return Table(
            id: "trade-offs", title: "What one point on a criterion is worth in points on another",
            columns: [.init("One point on")] + table.criteria.map { .init(label(appraisal, $0), .right) },
            rows: rows,
            notes: ["Read across: one point on the row's criterion is worth that many points on the column's, the ratio of their weights. A dash: the column's criterion carries no weight."])
    }

    public static func subtotalsTable(_ appraisal: Appraisal, subtotals: BranchSubtotals) -> Table {
        let headers = zip(subtotals.branches, subtotals.depths).map { id, depth in
            String(repeating: "› ", count: depth) + label(appraisal, id)
        }
        let rows = subtotals.rows.map { row in
            [label(appraisal, row.option)] + row.subtotals.map(Formatting.number) + [Formatting.number(row.total)]
        }
        return Table(
            id: "branch-subtotals", title: "Sub-totals by branch",
            columns: [.init("Option")] + headers.map { .init($0, .right) } + [.init("Total", .right)],
            rows: rows,
            notes: ["Each branch's sub-total is the sum of its criteria's weighted points; › marks a branch inside the one before it."])
    }

    public static func branchSensitivityTable(_ appraisal: Appraisal, _ analyses: [BranchSensitivity]) -> Table {
        let names = { (ids: [String]) in ids.map { label(appraisal, $0) }.joined(separator: " = ") }
        let rows = analyses.map { analysis -> [String] in
            let sweep = analysis.sweep
            let change = analysis.changes.firstPlace
            let crossings = sweep.crossovers.map { "\(percent($0.weight)): \(names($0.before)) → \(names($0.after))" }
            return [label(appraisal, analysis.branch), percent(sweep.current), percent(sweep.firstPlace.from), percent(sweep.firstPlace.to),
                    change.map { ($0.isIncrease ? "+" : "−") + ($0.absolute * Rational(100)).decimalText(maximumPlaces: 2) } ?? "none",
                    change.map { names($0.after) } ?? "", crossings.isEmpty ? "none" : crossings.joined(separator: "; ")]
        }
        return Table(
            id: "branch-sensitivity", title: "First place as a branch's weight changes",
            columns: [.init("Branch"), .init("Weight now", .right), .init("First place holds from", .right), .init("to", .right),
                      .init("Smallest change", .right), .init("Then first"), .init("Crossovers")],
            rows: rows,
            notes: ["A branch moves as one: its criteria keep their weights relative to each other, and everything outside it keeps its proportions."])
    }

    /// The tree, swings, trade-offs, sub-totals and branch sweeps as JSON (weights as fractions).
    public static func json(_ appraisal: Appraisal, matrix: DecisionMatrix, selection: WeightSelection) -> JSONValue {
        let tree = appraisal.valueTree
        let tradeOffs = TradeOffTable(criteria: appraisal.criteria.map(\.id), weights: selection.weights)
        var document: [String: JSONValue] = [
            "items": .array(tree.outline.map { entry in
                .object([
                    "id": .string(entry.item.id), "kind": .string(entry.item.isBranch ? "branch" : "criterion"),
                    "parent": .optional(entry.item.parent), "depth": .number(Rational(entry.depth)),
                    "weight": entry.item.entered.map { .number($0) } ?? .null,
                    "shareOfBranch": tree.localWeight(of: entry.item.id).map { .number($0) } ?? .null,
                    "shareOfTotal": .number(tree.criterionIndices(under: entry.item.id).map { selection.weights.normalised[$0] }.sum()),
                    "weightRationale": .optional(entry.item.rationale),
                ])
            }),
            "swings": .array(SwingGroup.all(tree).map { group in
                .object(["within": .optional(group.parent), "steps": .array(group.steps.map { step in
                    .object(["item": .string(step.item), "rank": .number(Rational(step.rank)), "worst": .string(step.swing.worst),
                             "best": .string(step.swing.best), "points": .number(step.swing.points), "weight": .number(step.weight)])
                })])
            }),
            "tradeOffs": .object(Dictionary(uniqueKeysWithValues: tradeOffs.criteria.indices.map { row in
                (tradeOffs.criteria[row], JSONValue.object(Dictionary(uniqueKeysWithValues: tradeOffs.criteria.indices.map {
                    (tradeOffs.criteria[$0], tradeOffs.worth[row][$0].map { JSONValue.number($0) } ?? .null)
                })))
            })),
        ]
        if !tree.isFlat {
            let subtotals = BranchSubtotals(tree: tree, totals: AppraiseKit.totals(of: matrix, weights: selection.weights))
            document["subtotals"] = .array(subtotals.rows.map { row in
                .object(["option": .string(row.option), "total": .number(row.total),
                         "branches": .object(Dictionary(uniqueKeysWithValues: zip(subtotals.branches, row.subtotals.map { JSONValue.number($0) })))])
            })
            document["branchSensitivity"] = .array(BranchSensitivity.all(tree: tree, matrix: matrix, weights: selection.weights).map { analysis in
                .object([
                    "branch": .string(analysis.branch), "current": .number(analysis.sweep.current),
                    "holdsFrom": .number(analysis.sweep.firstPlace.from), "holdsTo": .number(analysis.sweep.firstPlace.to),
                    "leaders": .array(analysis.sweep.leadersNow.map(JSONValue.string)),
                    // Each option's straight line, as the text and CSV give it: at 0%, now and 100%.
                    "lines": .array(analysis.sweep.optionIDs.indices.map { index in
                        .object(["option": .string(analysis.sweep.optionIDs[index]),
                                 "at0": .number(analysis.sweep.value(option: index, at: .zero)),
                                 "now": .number(analysis.sweep.value(option: index, at: analysis.sweep.current)),
                                 "at100": .number(analysis.sweep.value(option: index, at: .one))])
                    }),
                    "crossovers": .array(analysis.sweep.crossovers.map { crossover in
                        .object(["weight": .number(crossover.weight), "before": .array(crossover.before.map(JSONValue.string)),
                                 "after": .array(crossover.after.map(JSONValue.string))])
                    }),
                    "minimumChange": analysis.changes.firstPlace.map { change in
                        .object(["to": .number(change.to), "absolute": .number(change.absolute), "after": .array(change.after.map(JSONValue.string))])
                    } ?? .null,
                ])
            })
        }
        return .object(document)
    }
}

extension Appraisal {
    /// Whether the appraisal has a value tree or records why its weights are what they are
    /// (a rationale or a swing), so the pack shows the tree and weight tables.
    public var recordsWeightReasons: Bool {
        hasValueTree || criteria.contains { $0.weightRationale != nil || $0.swing != nil }
    }
}

/// A branch's sensitivity in plain English.
public enum BranchStatements {
    public static func sentences(_ analysis: BranchSensitivity, appraisal: Appraisal) -> [String] {
        let name = ValueTreeRenderer.label(appraisal, analysis.branch)
        let names = { (ids: [String]) in ids.map { ValueTreeRenderer.label(appraisal, $0) }.joined(separator: " and ") }
        let sweep = analysis.sweep
        let pct = ValueTreeRenderer.percent
        var out = ["\(name) carries \(pct(sweep.current)) of the total weight; \(names(sweep.leadersNow)) \(sweep.leadersNow.count == 1 ? "is" : "are") first now."]
        if sweep.crossovers.isEmpty {
            out.append("No weight on \(name) from 0% to 100% changes first place.")
        } else {
            out.append("\(names(sweep.leadersNow)) \(sweep.leadersNow.count == 1 ? "stays" : "stay") first while \(name) carries from \(pct(sweep.firstPlace.from)) to \(pct(sweep.firstPlace.to)) of the weight.")
            for crossover in sweep.crossovers {
                out.append("At \(pct(crossover.weight)) on \(name), first place passes from \(names(crossover.before)) to \(names(crossover.after)).")
            }
        }
        return out
    }
}

extension ValueTreeRenderer {
    /// Each option's total (weighted mean score) with the branch at 0%, now, and 100%.
    public static func sweepTable(_ appraisal: Appraisal, _ analysis: BranchSensitivity) -> Table {
        let sweep = analysis.sweep
        let rows = sweep.optionIDs.indices.map { index -> [String] in
            [label(appraisal, sweep.optionIDs[index]), Formatting.number(sweep.value(option: index, at: .zero)),
             Formatting.number(sweep.value(option: index, at: sweep.current)), Formatting.number(sweep.value(option: index, at: .one))]
        }
        return Table(
            id: "branch-sweep", title: "Weighted mean score as \(label(appraisal, analysis.branch)) moves",
            columns: [.init("Option"), .init("At 0%", .right), .init("Now (\(percent(sweep.current)))", .right), .init("At 100%", .right)],
            rows: rows,
            notes: ["Scores on the appraisal's scale; each option's line is straight between the two ends."])
    }
}
