import AppraiseKit

/// A sensitivity report as tables (text, CSV, Markdown) and as one JSON document. Weights are
/// fractions of one in JSON and percentages in tables; every number comes from the exact
/// analysis and is only rounded here, for display.
public enum SensitivityRenderer {
    /// The tables of the report, in the order of the analyses. `labels` defaults to the
    /// report's own display names.
    public static func tables(_ report: SensitivityReport, labels: DisplayNames? = nil) -> [Table] {
        let names = labels ?? report.names
        return [
            weightsTable(report, names), crossoversTable(report, names), endpointTiesTable(report, names), pairsTable(report, names),
            scoresTable(report, names), scorePairsTable(report, names), scenariosTable(report, names),
            leaveOneOutTable(report, names), dominanceTable(report, names),
        ]
    }

    /// The whole report as JSON, with option and criterion ids. Every weight, share, crossover
    /// and threshold is written as a decimal and, under the same key with "Exact" added, as
    /// its exact fraction ("0.533333" and "8/15").
    public static func json(_ report: SensitivityReport) -> JSONValue {
        let changes = report.minimumChanges
        let held = report.heldWeightChanges
        let weights: [JSONValue] = report.sweeps.enumerated().map { index, sweep in
            let criterionChanges = changes.criteria[index]
            let heldChanges = held.criteria[index]
            return object([
                "criterion": .string(sweep.criterion),
                "firstPlace": object(["leaders": strings(sweep.leadersNow)],
                                     exact: ["holdsFrom": sweep.firstPlace.from, "holdsTo": sweep.firstPlace.to]),
                "crossovers": .array(sweep.crossovers.map(crossoverJSON)),
                "endpointTies": .array(sweep.endpointTies.map(crossoverJSON)),
                "pairs": .array(report.pairSweeps[index].map(pairJSON)),
                "minimumShareChange": changeJSON(criterionChanges.firstPlace),
                "minimumShareChangeAnyPair": changeJSON(criterionChanges.anyPair),
                "minimumWeightChange": heldJSON(heldChanges.firstPlace),
                "minimumWeightChangeAnyPair": heldJSON(heldChanges.anyPair),
            ], exact: ["current": sweep.current])
        }
        let scores = report.scores
        return .object([
            "weightSet": .string(report.selection.id),
            "ranking": rankingJSON(report.ranking),
            "maximum": .number(report.ranking.maximum),
            "pairScope": .string(report.pairScope.rawValue),
            "weights": .array(weights),
            "mostCritical": .object([
                "weightChange": .object([
                    "measure": .string("Triantaphyllou and Sánchez (1997): one weight changed, the others held"),
                    "firstPlace": strings(held.mostCriticalForFirst),
                    "firstPlaceAbsolute": strings(held.mostCriticalForFirstAbsolute),
                    "anyPair": strings(held.mostCriticalForAnyPair),
                    "anyPairAbsolute": strings(held.mostCriticalForAnyPairAbsolute),
                ]),
                "shareChange": .object([
                    "measure": .string("one weight's share of the total changed, the others rescaled in proportion"),
                    "firstPlace": .optional(changes.mostCriticalForFirst),
                    "firstPlaceRelative": .optional(changes.mostCriticalForFirstRelative),
                    "anyPair": .optional(changes.mostCriticalForAnyPair),
                    "anyPairRelative": .optional(changes.mostCriticalForAnyPairRelative),
                ]),
            ]),
            "scores": object([
                "pointsToTie": scores.pointsToTieFirst.map { tie in
                    object([
                        "challenger": .optional(tie.challenger),
                        "aheadAfter": strings(tie.aheadAfter),
                        "moves": .array(tie.moves.map { move in
                            .object([
                                "option": .string(move.option), "criterion": .string(move.criterion),
                                "from": .number(move.from), "to": .number(move.to),
                            ])
                        }),
                    ], exact: ["points": tie.points])
                } ?? .null,
                "minimumStepsToChangeFirst": scores.minimumStepsForFirst.map { .number($0) } ?? .null,
                "largestSingleChange": .number(scores.largestSingleChange),
                "singleChanges": .array(scores.firstPlace.map(scoreChangeJSON)),
                "adjacentPairs": .array(scores.adjacentPairs.map { pair in
                    object([
                        "higher": .string(pair.higher),
                        "lower": .string(pair.lower),
                        "minimumSteps": pair.minimumSteps.map { .number($0) } ?? .null,
                        "changes": .array(pair.changes.map(scoreChangeJSON)),
                    ], exact: ["gap": pair.gap])
                }),
            ], optionalExact: ["minimumPointsToChangeFirst": scores.pointsToTieFirst?.points]),
            "scenarios": .array(report.scenarios.map { scenario in
                .object([
                    "id": .string(scenario.id),
                    "name": .string(scenario.name),
                    "kind": .string(kindText(scenario.kind)),
                    "weights": weightsObject(report.criterionIDs, scenario.weights.normalised),
                    "weightsExact": weightsExact(report.criterionIDs, scenario.weights.normalised),
                    "ranking": rankingJSON(scenario.ranking),
                    "first": strings(scenario.ranking.leaders),
                ])
            }),
            "importance": report.importance.map(strings) ?? .null,
            "leaveOneOut": .array(report.leaveOneOut.map { result in
                let kept = report.criterionIDs.filter { $0 != result.criterion }
                return .object([
                    "criterion": .string(result.criterion),
                    "weights": weightsObject(kept, result.weights),
                    "weightsExact": weightsExact(kept, result.weights),
                    "ranking": rankingJSON(result.ranking),
                    "first": strings(result.ranking.leaders),
                    "changesFirstPlace": .bool(result.changesFirstPlace),
                ])
            }),
            "dominated": .array(report.dominance.dominated.map { .object(["option": .string($0.option), "by": strings($0.by)]) }),
            "neverFirst": strings(report.dominance.neverFirst),
            "sharedFirstOnly": strings(report.dominance.sharedFirstOnly),
            "firstAlonePossible": strings(report.dominance.canBeFirstAlone),
            "bestPlace": .array(report.dominance.verdicts.map { verdict in
                .object([
                    "option": .string(verdict.option),
                    "verdict": .string(verdict.firstPlace.rawValue),
                    "weights": verdict.weights.map { weightsObject(report.criterionIDs, $0) } ?? .null,
                    "weightsExact": verdict.weights.map { weightsExact(report.criterionIDs, $0) } ?? .null,
                    "blend": verdict.blend.map { blend in
                        .array(blend.map { object(["option": .string($0.option)], exact: ["share": $0.share]) })
                    } ?? .null,
                ])
            }),
            "statements": strings(report.statements),
        ])
    }

    // MARK: - Tables

    static func weightsTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let rows = report.sweeps.enumerated().map { index, sweep -> [String] in
            let change = report.minimumChanges.criteria[index].firstPlace
            let held = report.heldWeightChanges.criteria[index].firstPlace
            return [
                names.criterion(sweep.criterion), percentText(sweep.current), percentText(sweep.firstPlace.from),
                percentText(sweep.firstPlace.to),
                held.map { "\(weightText($0.enteredFrom)) → \(weightText($0.enteredTo))" } ?? "no change",
                held.flatMap { change in change.relative.map { (change.isIncrease ? "+" : "−") + percentText($0) } } ?? "",
                change.map { ($0.isIncrease ? "+" : "−") + pointsText($0.absolute * Rational(100)) } ?? "no change",
                change?.relative.map(percentText) ?? "",
                (held?.after ?? change?.after).map { leadersText($0, names) } ?? "",
            ]
        }
        var notes = ["Weight change, others held: the smallest change of this weight alone, every other weight kept as it is, that changes first place, "
                     + "on the scale the weights were entered, and as a percentage of the weight now (Triantaphyllou and Sánchez, 1997); "
                     + "\"no change\" when no weight of this criterion does.",
                     "Share change: one criterion's share of the total weight moves from 0% to 100% while the others keep their proportions "
                     + "(shared equally when they are all zero); the smallest change, in percentage points, that changes first place, and relative to the share now."]
        let critical = report.heldWeightChanges.mostCriticalForFirst
        if !critical.isEmpty, report.heldWeightChanges.criteria.allSatisfy({ $0.firstPlace.map { !$0.absolute.isZero } ?? true }) {
            notes.append((critical.count == 1 ? "Most critical criterion for first place" : "Most critical criteria for first place, equally")
                + " (Triantaphyllou and Sánchez, smallest change as a percentage of the weight): \(critical.map(names.criterion).joined(separator: ", ")).")
        }
        return Table(
            id: "sensitivity-weights",
            title: "First place as one weight changes",
            columns: [.init("Criterion"), .init("Weight now", .right), .init("First place holds from", .right), .init("to", .right),
                      .init("Weight change, others held", .right), .init("Percent of weight", .right),
                      .init("Share change", .right), .init("Relative to share", .right), .init("Then first")],
            rows: rows, notes: notes)
    }

    static func crossoversTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let rows = report.sweeps.flatMap { sweep in
            sweep.crossovers.map { crossover -> [String] in
                [names.criterion(sweep.criterion), exactPercentText(crossover.weight), leadersText(crossover.before, names),
                 leadersText(crossover.after, names), leadersText(crossover.tied, names)]
            }
        }
        return Table(
            id: "sensitivity-crossovers",
            title: "Weights at which first place changes hands",
            columns: [.init("Criterion"), .init("Weight", .right), .init("First below"), .init("First above"), .init("Level at that weight")],
            rows: rows,
            notes: rows.isEmpty ? ["No weight of any single criterion strictly between 0% and 100% changes first place."]
                : ["Only weights strictly between 0% and 100%: ties at none or all of the weight are listed separately, as endpoint ties."])
    }

    static func endpointTiesTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let rows = report.sweeps.flatMap { sweep in
            sweep.endpointTies.map { tie -> [String] in
                [names.criterion(sweep.criterion), percentText(tie.weight), leadersText(tie.tied, names),
                 leadersText(tie.weight.isZero ? tie.after : tie.before, names)]
            }
        }
        return Table(
            id: "sensitivity-endpoint-ties",
            title: "Ties at none or all of a criterion's weight",
            columns: [.init("Criterion"), .init("Weight", .right), .init("Level first there"), .init("First just inside the range")],
            rows: rows,
            notes: ["At the edge of the range the options only share first place: no weight beyond it exists, so first place does not change hands there."])
    }

    static func pairsTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let rows = zip(report.sweeps, report.pairSweeps).flatMap { sweep, pairs in
            pairs.map { pair -> [String] in
                [names.criterion(sweep.criterion), names.option(pair.higher), names.option(pair.lower),
                 pair.alwaysTied ? "level throughout" : pair.tiedNow ? "level now" : percentText(pair.holds.from),
                 pair.alwaysTied || pair.tiedNow ? "" : percentText(pair.holds.to),
                 pair.crossover.map { exactPercentText($0.weight) } ?? pair.levelAtEnd.map { "never (level at \(percentText($0)))" } ?? "never"]
            }
        }
        let scope = report.pairScope == .adjacent ? "neighbours in the ranking" : "every pair of options"
        return Table(
            id: "sensitivity-pairs",
            title: "Order of \(scope) as one weight changes",
            columns: [.init("Criterion"), .init("Ahead now"), .init("Behind now"), .init("Order holds from", .right), .init("to", .right),
                      .init("Reverses at", .right)],
            rows: rows,
            notes: ["At a reversal weight the two are level; beyond it the order is reversed. \"Level now\": the two are level at the current weight, so any change of it puts one ahead."])
    }

    static func scoresTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let scores = report.scores
        let rows = scores.firstPlace.map { change -> [String] in
            [names.option(change.option), names.criterion(change.criterion), pointsText(change.from), pointsText(change.to),
             String(change.steps), leadersText(change.aheadAfter, names)]
        }
        var notes: [String] = []
        if rows.isEmpty {
            notes.append("No single score change within the scale (at most \(pointsText(scores.largestSingleChange)) points) alters first place.")
        }
        if let tie = scores.pointsToTieFirst, let challenger = tie.challenger {
            notes.append("Fewest score points that, moved together, bring another option level with the leader: \(pointsText(tie.points)) (for \(names.option(challenger))).")
        }
        return Table(
            id: "sensitivity-scores",
            title: "Single score changes that alter first place",
            columns: [.init("Option"), .init("Criterion"), .init("Score now", .right), .init("Changed to", .right), .init("Steps", .right),
                      .init("Then first")],
            rows: rows, notes: notes)
    }

    static func scorePairsTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let rows = report.scores.adjacentPairs.map { pair -> [String] in
            let changes = pair.changes.map {
                "\(names.option($0.option)), \(names.criterion($0.criterion)) \(pointsText($0.from))→\(pointsText($0.to))"
            }
            return [names.option(pair.higher), names.option(pair.lower), pointsText(pair.gap),
                    pair.gap.isZero ? "level now" : pair.minimumSteps.map(String.init) ?? "none",
                    changes.joined(separator: "; ")]
        }
        return Table(
            id: "sensitivity-score-pairs",
            title: "Smallest single score change between neighbours in the ranking",
            columns: [.init("Ahead"), .init("Behind"), .init("Gap", .right), .init("Steps", .right), .init("Changes that do it")],
            rows: rows,
            notes: ["Each change brings the two level, or reverses them when the gap is not a whole number of steps."])
    }

    static func scenariosTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let ranks = report.scenarios.map { rankTexts($0.ranking) }
        let rows = report.optionIDs.map { option -> [String] in
            [names.option(option)] + ranks.map { $0[option] ?? "" }
        }
        var notes = ["= marks a shared rank."]
        if report.importance == nil {
            notes.append("The appraisal states no order of importance (the importance shown beside each criterion is only the order of the weights, worked out by the tool), so rank-order weights were not tried; state one with 'appraise importance'.")
        }
        return Table(
            id: "sensitivity-scenarios",
            title: "Rank under each weighting",
            columns: [.init("Option")] + report.scenarios.map { .init($0.name, .right) },
            rows: rows, notes: notes)
    }

    static func leaveOneOutTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let ranks = [rankTexts(report.ranking)] + report.leaveOneOut.map { rankTexts($0.ranking) }
        let rows = report.optionIDs.map { option -> [String] in
            [names.option(option)] + ranks.map { $0[option] ?? "" }
        }
        return Table(
            id: "sensitivity-leave-one-out",
            title: "Rank with one criterion left out",
            columns: [.init("Option"), .init("Now", .right)] + report.leaveOneOut.map { .init("Without " + names.criterion($0.criterion), .right) },
            rows: rows,
            notes: ["The remaining criteria keep their relative weights."])
    }

    static func dominanceTable(_ report: SensitivityReport, _ names: DisplayNames) -> Table {
        let dominators = Dictionary(uniqueKeysWithValues: report.dominance.dominated.map { ($0.option, $0.by) })
        let rows = report.dominance.verdicts.map { verdict -> [String] in
            let best: String
            switch verdict.firstPlace {
            case .outright: best = "first alone under some weighting"
            case .sharedOnly: best = "level first at best"
            case .never: best = "never first"
            }
            return [names.option(verdict.option), (dominators[verdict.option] ?? []).map(names.option).joined(separator: ", "), best]
        }
        return Table(
            id: "sensitivity-dominance",
            title: "Dominated options and the best place any weighting gives",
            columns: [.init("Option"), .init("Dominated by"), .init("Best under any weighting")],
            rows: rows,
            notes: ["Dominated: another option scores at least as well on every criterion and better on at least one.",
                    "Best under any weighting is decided exactly over every non-negative weighting."])
    }

    // MARK: - Pieces

    private static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// An object whose `exact` members are written twice: as a decimal under their key and as
    /// a fraction under the key with "Exact" added.
    static func object(_ members: [String: JSONValue], exact: [String: Rational] = [:],
                       optionalExact: [String: Rational?] = [:]) -> JSONValue {
        var all = members
        for (key, value) in exact {
            all[key] = .number(value)
            all[key + "Exact"] = .exact(value)
        }
        for (key, value) in optionalExact {
            all[key] = value.map { .number($0) } ?? .null
            all[key + "Exact"] = value.map(JSONValue.exact) ?? .null
        }
        return .object(all)
    }

    private static func crossoverJSON(_ crossover: FirstPlaceCrossover) -> JSONValue {
        object(["before": strings(crossover.before), "after": strings(crossover.after), "tied": strings(crossover.tied)],
               exact: ["weight": crossover.weight])
    }

    private static func pairJSON(_ pair: PairSweep) -> JSONValue {
        object([
            "higher": .string(pair.higher),
            "lower": .string(pair.lower),
            "tiedNow": .bool(pair.tiedNow),
            "alwaysTied": .bool(pair.alwaysTied),
            "crossover": pair.crossover.map { crossover in
                object(["before": .string(crossover.before), "after": .string(crossover.after)], exact: ["weight": crossover.weight])
            } ?? .null,
        ], exact: ["holdsFrom": pair.holds.from, "holdsTo": pair.holds.to], optionalExact: ["levelAtEnd": pair.levelAtEnd])
    }

    private static func changeJSON(_ change: WeightChange?) -> JSONValue {
        guard let change else { return .null }
        return object(["tied": strings(change.tied), "after": strings(change.after)],
                      exact: ["absolute": change.absolute, "to": change.to], optionalExact: ["relative": change.relative])
    }

    /// Triantaphyllou and Sánchez's change; null is "no change".
    private static func heldJSON(_ change: HeldWeightChange?) -> JSONValue {
        guard let change else { return .null }
        return object(["direction": .string(change.isIncrease ? "increase" : "decrease"),
                       "tied": strings(change.tied), "after": strings(change.after)],
                      exact: ["absolute": change.absolute, "from": change.from, "to": change.to, "weightFrom": change.enteredFrom,
                              "weightTo": change.enteredTo, "share": change.share],
                      optionalExact: ["percent": change.relative.map { $0 * Rational(100) }])
    }

    private static func scoreChangeJSON(_ change: ScoreChange) -> JSONValue {
        .object([
            "option": .string(change.option),
            "criterion": .string(change.criterion),
            "from": .number(change.from),
            "to": .number(change.to),
            "steps": .number(change.steps),
            "aheadAfter": strings(change.aheadAfter),
        ])
    }

    private static func rankingJSON(_ ranking: RankedTotals) -> JSONValue {
        .array(ranking.entries.map { object(["option": .string($0.option), "rank": .number($0.rank)], exact: ["total": $0.total]) })
    }

    private static func weightsObject(_ criteria: [String], _ weights: [Rational]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: zip(criteria, weights.map { JSONValue.number($0) })))
    }

    private static func weightsExact(_ criteria: [String], _ weights: [Rational]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: zip(criteria, weights.map(JSONValue.exact))))
    }

    private static func kindText(_ kind: Scenario.Kind) -> String {
        switch kind {
        case .current: "current"
        case .named: "named"
        case .equal: "equal"
        case .rankOrder(let method): method.rawValue
        }
    }

    /// A fraction of one as a percentage to at most two decimals: "12.5%", "53.33%".
    static func percentText(_ value: Rational) -> String { (value * Rational(100)).decimalText(maximumPlaces: 2) + "%" }

    /// A weight as a percentage, with its exact fraction when two decimals cannot show it:
    /// "53.33% (8/15)".
    static func exactPercentText(_ value: Rational) -> String {
        if let places = (value * Rational(100)).terminatingDecimalPlaces, places <= 2 { return percentText(value) }
        return percentText(value) + " (\(value))"
    }

    /// A weight on the scale it was entered, to at most four decimals: "8", "0.4125".
    static func weightText(_ value: Rational) -> String { value.decimalText(maximumPlaces: 4) }

    /// Score points, or percentage points, to at most two decimals: "40.83".
    private static func pointsText(_ value: Rational) -> String { value.decimalText(maximumPlaces: 2) }

    private static func leadersText(_ ids: [String], _ names: DisplayNames) -> String {
        ids.map(names.option).joined(separator: " = ")
    }

    /// Every option's rank as written ("2="), looked up once per ranking: a thousand options
    /// under fifty rankings looked up one by one took seconds.
    private static func rankTexts(_ ranking: RankedTotals) -> [String: String] {
        var sharing: [Int: Int] = [:]
        for entry in ranking.entries { sharing[entry.rank, default: 0] += 1 }
        var texts: [String: String] = [:]
        for entry in ranking.entries where texts[entry.option] == nil {
            texts[entry.option] = Ranking.label(rank: entry.rank, tied: sharing[entry.rank]! > 1)
        }
        return texts
    }
}
