/// Sentences a councillor can read aloud, generated from the analyses. Every number is the
/// analysis's own: exact where it is exact (a weight that is not a whole hundredth is given to
/// two decimals with its exact fraction), with no qualifier the numbers do not support.
public enum RobustnessStatements {
    /// Findings of a sensitivity report, in the order of the analyses.
    public static func sensitivity(_ report: SensitivityReport) -> [String] {
        var writer = Writer(names: report.names)
        writer.headline(report.ranking)
        writer.sweeps(report.sweeps, maximum: report.ranking.maximum)
        writer.minimumChanges(report.minimumChanges, held: report.heldWeightChanges)
        writer.scores(report.scores, ranking: report.ranking)
        writer.scenarios(report.scenarios, importanceGiven: report.importance != nil)
        writer.leaveOneOut(report.leaveOneOut, leaders: report.ranking.leaders)
        writer.dominance(report.dominance, optionCount: report.optionIDs.count)
        return writer.sentences
    }

    /// Findings of a simulation.
    public static func smaa(_ result: SMAA.Result, names: DisplayNames) -> [String] {
        var sentences: [String] = []
        let configuration = result.configuration
        let draws: String
        switch configuration.weights {
        case .uniform: draws = "random weightings with every weighting equally likely"
        case .ordered: draws = "random weightings that respect the order of importance"
        case .around(let percent) where percent == 0: draws = "samples at the current weights"
        case .around(let percent): draws = "random weightings within ±\(trimmed(percent))% of the current weights"
        }
        let scoresNote = configuration.scoreSpread == 0 ? ""
            : ", with every score also moved at random by up to \(configuration.scoreSpread) step\(configuration.scoreSpread == 1 ? "" : "s") either way"
        let firsts = result.optionIDs.indices.filter { result.rankAcceptability[$0][0] > 0 }
            .sorted { (-result.rankAcceptability[$0][0], $0) < (-result.rankAcceptability[$1][0], $1) }
        let shares = firsts.map { names.option(result.optionIDs[$0]) + " in " + share(result.rankAcceptability[$0][0]) }
        let never = result.optionIDs.count - firsts.count
        sentences.append("In \(grouped(configuration.samples)) \(draws)\(scoresNote) (seed \(configuration.seed)), "
            + (firsts.count == 1 ? names.option(result.optionIDs[firsts[0]]) + " is first in every one"
                : list(shares.enumerated().map { $0.offset == 0 ? $0.element.replacingFirst(" in ", with: " is first in ") : $0.element }))
            + (never == 0 || firsts.count == 1 ? "." : "; " + (never == 1 ? "the other option is" : "the other \(never) options are")
                + " never first."))
        sentences.append("Each share is within ±" + fixedDecimal(result.marginOfError * 100, places: 2) + " percentage points of its true value with 95% confidence.")
        if configuration.scoreSpread == 0 {
            let unsure = firsts.filter { (result.confidence[$0] ?? 0) < 1 }
            if unsure.isEmpty {
                sentences.append("Each option that is ever first is first at its own central weights (the average weights of the samples where it is first).")
            } else {
                sentences.append(list(unsure.map { names.option(result.optionIDs[$0]) })
                    + (unsure.count == 1 ? " is" : " are") + " not first alone even at its own central weights (the average weights of the samples where it is first).")
            }
        } else if !firsts.isEmpty {
            let parts = firsts.map { names.option(result.optionIDs[$0]) + " " + share(result.confidence[$0] ?? 0) }
            sentences.append("At its own central weights, with the scores varied, each option is first in this share of draws (confidence factor): "
                + list(parts) + ".")
        }
        return sentences
    }

    /// Findings of the exact analysis: the same questions as `smaa`, answered with fractions.
    public static func exactSMAA(_ result: ExactSMAA.Result, names: DisplayNames) -> [String] {
        var sentences: [String] = []
        let among: String
        switch result.region {
        case .uniform: among = "all weightings"
        case .ordered: among = "the weightings that respect the order of importance"
        case .around(let percent): among = "the weightings within ±\(percent.decimalText(maximumPlaces: 2))% of the current weights"
        }
        let firsts = result.optionIDs.indices.filter { !result.firstRank[$0].isZero }
            .sorted { result.firstRank[$0] != result.firstRank[$1] ? result.firstRank[$0] > result.firstRank[$1] : $0 < $1 }
        let never = result.optionIDs.count - firsts.count
        if firsts.count == 1 {
            sentences.append("\(names.option(result.optionIDs[firsts[0]])) is first under all of \(among) (exactly 1, 100%); "
                + (never == 0 ? "it is the only option." : "no other option is ever first alone."))
        } else {
            // A fraction too long to read is given by its percentage, with where to find it.
            let long = firsts.contains { result.firstRank[$0].readableText() != result.firstRank[$0].description }
            let shares = firsts.enumerated().map { position, option in
                let share = result.firstRank[option]
                return names.option(result.optionIDs[option]) + (position == 0 ? " is first under " : " under ")
                    + (long ? (share < Rational(1, 10_000) ? "less than 0.01%" : percent(share))
                            : (position == 0 ? "exactly " : "") + "\(share) (\(percent(share)))")
            }
            sentences.append("Of \(among), every one equally likely, " + list(shares)
                + (never == 0 ? "" : "; " + (never == 1 ? "the other option is" : "the other \(never) options are") + " never first alone")
                + (long ? " (the exact fractions, too long to read here, are in the JSON)." : "."))
        }
        sentences.append("These shares are exact, not sampled: each is the fraction of the weightings under which the option comes first, found from the region those weightings form.")
        let unsure = firsts.filter { (result.confidence[$0] ?? .zero) < .one }
        if unsure.isEmpty {
            sentences.append("Each option that is ever first is first at its own central weights (the centre of the weightings under which it is first).")
        } else {
            sentences.append(list(unsure.map { names.option(result.optionIDs[$0]) })
                + (unsure.count == 1 ? " is" : " are") + " not first alone even at its own central weights (the centre of the weightings under which it is first).")
        }
        return sentences
    }

    // MARK: - Sensitivity sentences

    private struct Writer {
        let names: DisplayNames
        var sentences: [String] = []

        init(names: DisplayNames) { self.names = names }

        func options(_ ids: [String], _ conjunction: String = "and") -> String { list(ids.map(names.option), conjunction) }

        mutating func headline(_ ranking: RankedTotals) {
            let leaders = ranking.leaders
            guard let top = ranking.entries.first else { return }
            let of = "\(points(top.total)) of \(points(ranking.maximum)) points"
            if leaders.count > 1 {
                sentences.append("\(options(leaders)) share first place with \(of) each.")
                return
            }
            let next = ranking.entries.dropFirst().prefix { $0.rank == 2 }
            guard let second = next.first else {
                sentences.append("\(options(leaders)) is first with \(of).")
                return
            }
            let gap = top.total - second.total
            sentences.append("\(options(leaders)) is first with \(of), \(points(gap)) ahead of "
                + "\(options(next.map(\.option))) (\(points(second.total))\(next.count > 1 ? " each" : "")).")
        }

        mutating func sweeps(_ sweeps: [WeightSweep], maximum: Rational) {
            guard let leaders = sweeps.first?.leadersNow else { return }
            let subject = options(leaders)
            let stays = leaders.count == 1 ? "stays first" : "stay level first"
            let start = sentences.count
            var untouched: [String] = []
            for sweep in sweeps {
                let criterion = names.criterion(sweep.criterion)
                let hold = sweep.firstPlace
                if hold.from == hold.to, let change = sweep.changeAbove {
                    // Level now only by coincidence of this weight.
                    let more = change.weight == .one ? change.tied : change.after
                    let less = sweep.changeBelow.map { $0.weight.isZero ? $0.tied : $0.before } ?? []
                    sentences.append("\(subject) share first place only while \(criterion) carries \(exactPercent(sweep.current)) of the weight, no more and no less; "
                        + "with more, \(first(more)), and with less, \(first(less)).")
                    continue
                }
                let lower = sweep.changeBelow.flatMap { $0.weight.isZero ? nil : $0 }
                let upper = sweep.changeAbove.flatMap { $0.weight == .one ? nil : $0 }
                var edges: [String] = []
                if let atZero = sweep.tieAtNone {
                    edges.append("with none of the weight on \(criterion), \(sharing(atZero.tied, leaders))")
                }
                if let atOne = sweep.tieAtAll {
                    edges.append("with all of the weight on \(criterion), \(sharing(atOne.tied, leaders))")
                }
                let edgeText = edges.isEmpty ? "" : "; " + edges.joined(separator: ", and ")
                switch (lower, upper) {
                case (nil, nil):
                    if edges.isEmpty {
                        untouched.append(criterion)
                    } else {
                        sentences.append("\(subject) \(stays) whatever weight \(criterion) carries\(edgeText).")
                    }
                case (nil, let upper?):
                    sentences.append("\(subject) \(stays) unless \(criterion) carries more than \(threshold(upper.weight, now: sweep.current)); "
                        + "at that weight \(level(upper.tied, leaders)), and above it \(first(upper.after))\(edgeText).")
                case (let lower?, nil):
                    sentences.append("\(subject) \(stays) unless \(criterion) carries less than \(threshold(lower.weight, now: sweep.current)); "
                        + "at that weight \(level(lower.tied, leaders)), and below it \(first(lower.before))\(edgeText).")
                case (let lower?, let upper?):
                    sentences.append("\(subject) \(stays) while \(criterion) carries between \(exactPercent(lower.weight)) and \(exactPercent(upper.weight)) of the weight (now \(percent(sweep.current))); "
                        + "below that \(first(lower.before)), and above it \(first(upper.after))\(edgeText).")
                }
            }
            if !untouched.isEmpty {
                sentences.insert("\(subject) \(stays) whatever weight \(list(untouched, "or")) \(untouched.count == 1 ? "carries" : "carry"), from none of it to all of it.",
                                 at: start)
            }
        }

        /// "X comes first" or "X and Y share first place".
        func first(_ ids: [String]) -> String {
            ids.count == 1 ? "\(options(ids)) comes first" : "\(options(ids)) share first place"
        }

        /// "it would share first place with X" from the options level at an end of the range.
        func sharing(_ tied: [String], _ leaders: [String]) -> String {
            let others = tied.filter { !leaders.contains($0) }
            return (leaders.count == 1 ? "it" : "they") + " would share first place with " + options(others)
        }

        /// "it ties with X" from the options level at a crossover.
        func level(_ tied: [String], _ leaders: [String]) -> String {
            let others = tied.filter { !leaders.contains($0) }
            return (leaders.count == 1 ? "it ties with " : "they tie with ") + options(others)
        }

        /// Triantaphyllou and Sánchez's measure first (the one they published, cited), then the
        /// share measure under its own name.
        mutating func minimumChanges(_ changes: MinimumWeightChanges, held: HeldWeightChanges) {
            let heldChanges = held.criteria.compactMap(\.firstPlace)
            if heldChanges.isEmpty {
                sentences.append("No change to the weight of any one criterion, the others held as they are, alters first place "
                    + "(Triantaphyllou and Sánchez's measure).")
            } else if !heldChanges.contains(where: { $0.absolute.isZero }) {
                let byPercent = !held.mostCriticalForFirst.isEmpty
                let critical = byPercent ? held.mostCriticalForFirst : held.mostCriticalForFirstAbsolute
                let lead = held.changes(for: critical[0])!.firstPlace!
                let relative = lead.relative.map { ", \(percent($0)) of its weight now" } ?? ""
                let move = "\(lead.isIncrease ? "rise" : "fall") from \(weightText(lead.enteredFrom)) to \(weightText(lead.enteredTo)) "
                    + "(by \(weightText(lead.isIncrease ? lead.enteredTo - lead.enteredFrom : lead.enteredFrom - lead.enteredTo))\(relative))"
                let measure = "(Triantaphyllou and Sánchez's measure: one weight changed, the others held as they are"
                    + (byPercent ? ", smallest change as a percentage of the weight)" : ")")
                if critical.count == 1 {
                    sentences.append("The most critical criterion for first place is \(names.criterion(lead.criterion)) \(measure): "
                        + "its weight would have to \(move) before first place changes.")
                } else {
                    sentences.append("The most critical criteria for first place are \(list(critical.map(names.criterion))), equally \(measure): "
                        + "the weight of \(names.criterion(lead.criterion)), for one, would have to \(move) before first place changes.")
                }
                let unmoved = held.criteria.filter { $0.firstPlace == nil }.map { names.criterion($0.criterion) }
                if !unmoved.isEmpty {
                    sentences.append("By the same measure, no change to the weight of \(list(unmoved, "or")) alone alters first place.")
                }
            }
            let firstChanges = changes.criteria.compactMap(\.firstPlace)
            if let smallest = firstChanges.map(\.absolute).min(), !smallest.isZero {
                let critical = firstChanges.filter { $0.absolute == smallest }
                let lead = critical[0]
                let relative = lead.relative.map { ", \(percent($0)) of its share now" } ?? ""
                let who = critical.count == 1 ? "the share of \(names.criterion(lead.criterion))"
                    : "the share of \(list(critical.map { names.criterion($0.criterion) }, "or"))"
                sentences.append("With the other weights rescaled in proportion instead, the smallest change that alters first place is to \(who): "
                    + "from \(percent(lead.from)) to \(exactPercent(lead.to)) of the total weight, "
                    + "\(percentagePoints(lead.absolute))\(relative).")
            }
            let pairChanges = changes.criteria.compactMap(\.anyPair)
            if let nearest = pairChanges.min(by: { $0.absolute < $1.absolute }) {
                sentences.append("With the other weights rescaled in proportion, the smallest change to one weight that brings any two options level is \(percentagePoints(nearest.absolute)) of the total weight: "
                    + "\(names.criterion(nearest.criterion)) from \(percent(nearest.from)) to \(exactPercent(nearest.to)) brings \(options(nearest.after)) level with \(options(nearest.before)).")
            }
        }

        mutating func scores(_ thresholds: ScoreThresholds, ranking: RankedTotals) {
            let leaders = thresholds.leaders
            if let change = thresholds.firstPlace.first {
                let count = thresholds.firstPlace.count(where: { $0.steps == change.steps })
                sentences.append("The smallest single score change that alters first place is \(points(change.points)) point\(change.points == .one ? "" : "s"): "
                    + describe(change, leaders: leaders)
                    + (count > 1 ? " (\(count) different scores could each do it with a change of that size)." : "."))
            } else {
                sentences.append("No single score change alters first place, even by the full \(points(thresholds.largestSingleChange)) points the scale allows.")
            }
            if let tie = thresholds.pointsToTieFirst, let challenger = tie.challenger {
                let moves = tie.moves.map { move in
                    "\(move.to > move.from ? "raising" : "lowering") \(names.option(move.option))'s \(names.criterion(move.criterion)) score \(fromTo(move.from, move.to))"
                }
                let result = tie.aheadAfter.count > 1 ? "level with" : "ahead of"
                sentences.append("To bring another option level with \(options(leaders)), at least \(points(tie.points)) score point\(tie.points == .one ? "" : "s") would have to change in all: "
                    + "for example, \(list(moves)) would put \(names.option(challenger)) \(result) \(options(leaders)).")
            } else if thresholds.pointsToTieFirst == nil && ranking.entries.count > 1 && leaders.count == 1 {
                sentences.append("No combination of score changes within the scale brings another option level with \(options(leaders)).")
            }
            let pairs = thresholds.adjacentPairs.filter { !leaders.contains($0.higher) || leaders.count > 1 }
            let levelPairs = pairs.filter { $0.gap.isZero }
            if !levelPairs.isEmpty {
                let parts = levelPairs.map { "\(names.option($0.higher)) and \(names.option($0.lower)) (\(points(ranking.entry(for: $0.higher)!.total)) points)" }
                sentences.append("Level on points: \(list(parts)).")
            }
            let close = pairs.filter { $0.minimumSteps == 1 && !leaders.contains($0.higher) }
            if !close.isEmpty {
                let parts = close.map { pair -> String in
                    let ties = pair.changes.contains { $0.aheadAfter.count > 1 }
                    return "\(names.option(pair.lower)) \(ties ? "level with" : "past") \(names.option(pair.higher))"
                }
                sentences.append("A one-step change to a single score would bring \(list(parts)).")
            }
        }

        func describe(_ change: ScoreChange, leaders: [String]) -> String {
            let verb = change.to > change.from ? "raising" : "lowering"
            let cell = "\(verb) \(names.option(change.option))'s \(names.criterion(change.criterion)) score \(fromTo(change.from, change.to))"
            let ahead = change.aheadAfter
            if leaders.contains(change.option) && ahead.count > 1 && ahead.contains(change.option) && leaders.count == 1 {
                return cell + " would bring \(options(ahead.filter { $0 != change.option })) level with it"
            }
            if ahead.count > 1 { return cell + " would leave \(options(ahead)) sharing first place" }
            return cell + " would put \(options(ahead)) first alone"
        }

        mutating func scenarios(_ scenarios: [Scenario], importanceGiven: Bool) {
            guard let current = scenarios.first else { return }
            let leaders = current.ranking.leaders
            let differing = scenarios.filter { $0.ranking.leaders != leaders }
            if scenarios.count > 1 {
                if differing.isEmpty {
                    let all = scenarios.count == 2 ? "both" : "all \(scenarios.count)"
                    sentences.append("\(options(leaders)) \(leaders.count == 1 ? "is" : "are") first under \(all) weightings compared: \(list(scenarios.map(\.name))).")
                } else {
                    var groups: [(leaders: [String], names: [String])] = []
                    for scenario in differing {
                        if let index = groups.firstIndex(where: { $0.leaders == scenario.ranking.leaders }) {
                            groups[index].names.append(scenario.name)
                        } else {
                            groups.append((scenario.ranking.leaders, [scenario.name]))
                        }
                    }
                    let parts = groups.map { "under \(list($0.names)), \(first($0.leaders))" }
                    sentences.append("First place depends on the weighting: \(options(leaders)) \(leaders.count == 1 ? "is" : "are") first under "
                        + "\(list(scenarios.filter { $0.ranking.leaders == leaders }.map(\.name))), but \(list(parts, "and")).")
                }
            }
            if !importanceGiven {
                sentences.append("The appraisal states no order of importance of its own (the importance shown beside each criterion is only the order of the weights, worked out by the tool), so rank-order weights (rank sum, rank reciprocal, rank-order centroid) were not tried; state one with 'appraise importance'.")
            }
        }

        mutating func leaveOneOut(_ results: [LeaveOneOut], leaders: [String]) {
            guard !results.isEmpty else { return }
            let changed = results.filter(\.changesFirstPlace)
            if changed.isEmpty {
                sentences.append("\(options(leaders)) \(leaders.count == 1 ? "stays" : "stay") first whichever single criterion is left out.")
            } else {
                let parts = changed.map { "leaving out \(names.criterion($0.criterion)), \(first($0.ranking.leaders))" }
                sentences.append("First place rests on single criteria: \(list(parts, "and")).")
            }
        }

        mutating func dominance(_ dominance: Dominance, optionCount: Int) {
            if dominance.dominated.isEmpty {
                sentences.append("No option is dominated: none is scored at least as well on every criterion, and better on one, by another option.")
            } else {
                let parts = dominance.dominated.map { "\(names.option($0.option)) (by \(options($0.by)))" }
                sentences.append("Dominated, that is scored at least as well on every criterion and better on at least one by another option: \(shortList(parts)).")
            }
            let never = dominance.neverFirst
            if !never.isEmpty {
                sentences.append("No weighting at all puts \(shortList(never.map(names.option), "or")) first: "
                    + "another option, or a blend of other options, scores higher on every criterion.")
            }
            let shared = dominance.sharedFirstOnly
            if !shared.isEmpty {
                sentences.append("\(shortList(shared.map(names.option))) can at best share first place: no weighting puts \(shared.count == 1 ? "it" : "any of them") first alone.")
            }
            let alone = dominance.canBeFirstAlone
            if alone.count == optionCount {
                sentences.append("Every option comes first alone under some weighting.")
            } else if !alone.isEmpty {
                sentences.append("Only \(shortList(alone.map(names.option))) can come first alone under some weighting.")
            }
        }
    }
}

// MARK: - Wording and numbers

/// "A", "A and B", "A, B and C".
private func list(_ items: [String], _ conjunction: String = "and") -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}

/// A list that names at most twelve items and counts the rest.
private func shortList(_ items: [String], _ conjunction: String = "and") -> String {
    let shown = 12
    guard items.count > shown else { return list(items, conjunction) }
    return items.prefix(shown).joined(separator: ", ") + " \(conjunction) \(items.count - shown) others"
}

/// Score points: "33", "2.5", "26.67".
private func points(_ value: Rational) -> String { value.decimalText(maximumPlaces: 2) }

/// "from 5 to 5.000001": a score change with enough decimals to show it (two unless the
/// scale's step is finer), never "from 5 to 5.00".
func fromTo(_ from: Rational, _ to: Rational) -> String {
    let places = (2...6).first { places in
        Rational(decimal: from.decimalText(maximumPlaces: places)) != Rational(decimal: to.decimalText(maximumPlaces: places))
    } ?? 6
    return "from \(from.decimalText(maximumPlaces: places)) to \(to.decimalText(maximumPlaces: places))"
}

/// A fraction of one as a percentage to at most two decimals: "12.5%", "53.33%".
private func percent(_ value: Rational) -> String { (value * Rational(100)).decimalText(maximumPlaces: 2) + "%" }

/// A weight threshold beside the weight now, with its exact fraction when two decimals
/// cannot show it exactly: "53.33% of the weight (exactly 8/15; now 12.5%)".
private func threshold(_ weight: Rational, now: Rational) -> String {
    let exact = inexactFraction(weight).map { "exactly \($0); " } ?? ""
    return percent(weight) + " of the weight (\(exact)now \(percent(now)))"
}

/// "12.5%", or "53.33% (exactly 8/15)".
private func exactPercent(_ weight: Rational) -> String {
    guard let fraction = inexactFraction(weight) else { return percent(weight) }
    return percent(weight) + " (exactly \(fraction))"
}

/// The fraction "8/15" when two decimals of a percentage cannot show the weight exactly.
private func inexactFraction(_ weight: Rational) -> String? {
    if let places = (weight * Rational(100)).terminatingDecimalPlaces, places <= 2 { return nil }
    return "\(weight.numerator)/\(weight.denominator)"
}

/// A weight on the scale it was entered: "8", "0.4125", or "0.3333 (exactly 1/3)".
private func weightText(_ value: Rational) -> String {
    if let places = value.terminatingDecimalPlaces, places <= 4 { return value.decimalText(maximumPlaces: 4) }
    return value.decimalText(maximumPlaces: 4) + " (exactly \(value.numerator)/\(value.denominator))"
}

private func percentagePoints(_ value: Rational) -> String {
    let text = (value * Rational(100)).decimalText(maximumPlaces: 2)
    return text + (text == "1" ? " percentage point" : " percentage points")
}

/// A simulated share as a percentage with two decimals: "84.12%"; a share that two decimals
/// would round to 0 or 100 without being so is "under 0.01%" or "over 99.99%".
private func share(_ value: Double) -> String {
    let text = fixedDecimal(value * 100, places: 2)
    if value > 0 && text == "0.00" { return "under 0.01%" }
    if value < 1 && text == "100.00" { return "over 99.99%" }
    return text + "%"
}

/// "10,000".
private func grouped(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
        out.append(digit)
    }
    return out
}

private func trimmed(_ value: Double) -> String {
    var text = fixedDecimal(value, places: 6)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
