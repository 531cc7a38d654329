/// Compares what a published document declared (totals, ranks) with what its own scores give,
/// because published appraisals are copied by hand and a wrong total can change a decision.
/// Each declaration is read the way it was printed: on its basis, under its weighting, to its
/// precision; a total that agrees only once rounded is reported as such, never as a mistake.
public struct Reconciliation: Sendable, Equatable {
    /// One declared number that is not what the scores give, even allowing for the rounding
    /// of the print.
    public struct Finding: Sendable, Equatable {
        public typealias Field = DeclaredCheck.Field

        public let check: DeclaredCheck
        public var option: String { check.option }
        public var field: Field { check.field }
        public var declared: Rational { check.declared }
        public var computed: Rational { check.computed }
        /// Where the declared number was published.
        public var source: String { check.source }
        /// Path of the declared number in the appraisal file.
        public var location: String { check.location }
        /// Totals only: the maximum on the declaration's basis, so the sentence can say "24/40".
        public var maximum: Rational { check.maximum }
        /// Ranks only: the options that share the computed rank, so the sentence can say so.
        public var tiedWith: [String] { check.tiedWith }

        /// `computed − declared`.
        public var difference: Rational { computed - declared }

        /// The finding as one sentence a member can read.
        public func sentence(in appraisal: Appraisal) -> String {
            let name = appraisal.option(option)?.label ?? option
            switch field {
            case .total:
                let about = check.description
                guard about.isEmpty else {
                    return "The published total for \(name) (\(check.text(declared, printed: true)), \(about), \(source)) disagrees with its scores, "
                        + "which give \(check.text(computed))\(check.decimals.map { " (\(computed.formatted(places: $0)) when rounded to \($0) dp)" } ?? "")."
                }
                var sentence = "The published total for \(name) (\(points(declared, maximum)), \(source)) is not the sum of its scores"
                let cells = appraisal.criteria.compactMap { appraisal.score(option: option, criterion: $0.id)?.value }
                if appraisal.defaultWeights?.areEqual == true, cells.count == appraisal.criteria.count {
                    sentence += ": " + cells.map { $0.decimalText() }.joined(separator: " + ") + " = \(points(computed, maximum))"
                } else {
                    sentence += ", which give \(points(computed, maximum))"
                }
                return sentence + "."
            case .rank:
                let shared = tiedWith.isEmpty ? ""
                    : " jointly with " + Ordinal.list(tiedWith.map { appraisal.option($0)?.label ?? $0 })
                let under = check.weighting.map { " under \($0)" } ?? ""
                return "\(source) ranks \(name) \(ordinal(declared))\(under), but its scores rank it \(ordinal(computed))\(shared)."
            }
        }

        private func ordinal(_ value: Rational) -> String { Ordinal.text(Int(clamping: value.numerator)) }
    }

    /// How an option's place differs between the published ranking and the computed one.
    public struct Move: Sendable, Equatable {
        public let option: String
        public let declaredRank: Int
        public let computedRank: Int
        public let computedTied: Bool
    }

    /// Every declared number checked, in file order: agreeing, consistent when rounded, or not.
    public let checks: [DeclaredCheck]
    /// The real disagreements among `checks`.
    public let findings: [Finding]
    /// Options whose place differs between the declared ranking and the computed one, in
    /// computed order; empty when nothing was declared or nothing moved.
    public let moves: [Move]
    /// Whether the file declared anything that could be reconciled.
    public let hasDeclarations: Bool
    /// The ranking the scores give, under the weights reconciled against.
    public let ranking: Ranking
    /// The published place of each option (declared ranks, else the ranks of declared totals).
    public let declaredRanks: [String: Int]

    /// Totals consistent with the scores only when rounded to the printed precision.
    public var consistentWhenRounded: [DeclaredCheck] { checks.filter { $0.outcome == .consistentWhenRounded } }

    public init(appraisal: Appraisal, matrix: DecisionMatrix, weights: Weights) {
        let ranking = Ranking(matrix: matrix, weights: weights)
        self.ranking = ranking
        hasDeclarations = appraisal.declared.contains { !$0.totals.isEmpty || !$0.ranks.isEmpty }
        var checks: [DeclaredCheck] = []
        for (index, declaration) in appraisal.declared.enumerated() {
            guard let (declaredWeights, under) = Reconciliation.weights(of: declaration, in: appraisal, default: weights) else { continue }
            let computedRanking = declaredWeights == weights ? ranking : Ranking(matrix: matrix, weights: declaredWeights)
            let basis = declaration.basis ?? .points
            for entry in declaration.totals {
                guard let computed = computedRanking.entry(for: entry.option) else { continue }
                let (value, maximum) = DeclaredCheck.value(computed, basis: basis, weights: declaredWeights)
                checks.append(DeclaredCheck(
                    declaration: index, source: declaration.source, option: entry.option, field: .total, declared: entry.total,
                    computed: value, outcome: DeclaredCheck.outcome(declared: entry.total, computed: value, decimals: declaration.decimals),
                    basis: basis, decimals: declaration.decimals, weighting: under, maximum: maximum, tiedWith: [],
                    location: "declared[\(index)].totals.\(entry.option)"))
            }
            for entry in declaration.ranks {
                guard let computed = computedRanking.entry(for: entry.option) else { continue }
                checks.append(DeclaredCheck(
                    declaration: index, source: declaration.source, option: entry.option, field: .rank, declared: Rational(entry.rank),
                    computed: Rational(computed.rank), outcome: computed.rank == entry.rank ? .agrees : .differs,
                    basis: basis, decimals: nil, weighting: under, maximum: .zero, tiedWith: computed.tiedWith,
                    location: "declared[\(index)].ranks.\(entry.option)"))
            }
        }
        self.checks = checks
        findings = checks.filter { $0.outcome == .differs }.map(Finding.init)
        let declaredRanks = Reconciliation.declaredRanks(appraisal: appraisal, checks: checks, ranking: ranking, weights: weights)
        self.declaredRanks = declaredRanks
        moves = ranking.entries.compactMap { entry in
            guard let declared = declaredRanks[entry.option], declared != entry.rank else { return nil }
            return Move(option: entry.option, declaredRank: declared, computedRank: entry.rank, computedTied: !entry.tiedWith.isEmpty)
        }
    }

    /// The weights a declaration was made under, with their name when it names them; nil for
    /// a weighting the appraisal does not have (the validator reports it).
    private static func weights(of declaration: Declaration, in appraisal: Appraisal, default weights: Weights) -> (Weights, String?)? {
        guard let id = declaration.weighting else { return (weights, nil) }
        guard let selection = appraisal.weightSelection(id) else { return nil }
        return (selection.weights, selection.name)
    }

    /// The published ranking: the first declared ranks, else the ranks the first declared
    /// totals give, of declarations made under the weights reconciled against. A total that
    /// agrees with the scores once rounded counts at its exact value, so two totals printed
    /// level only by rounding are not taken for a published tie.
    private static func declaredRanks(appraisal: Appraisal, checks: [DeclaredCheck], ranking: Ranking, weights: Weights) -> [String: Int] {
        let comparable = appraisal.declared.indices.filter { index in
            guard let id = appraisal.declared[index].weighting else { return true }
            return appraisal.weightSelection(id)?.weights.normalised == weights.normalised
        }
        if let index = comparable.first(where: { !appraisal.declared[$0].ranks.isEmpty }) {
            return Dictionary(appraisal.declared[index].ranks.map { ($0.option, $0.rank) }, uniquingKeysWith: { first, _ in first })
        }
        guard let index = comparable.first(where: { !appraisal.declared[$0].totals.isEmpty }) else { return [:] }
        let totals = checks.filter { $0.declaration == index && $0.field == .total }
        let read = Dictionary(totals.map { ($0.option, $0.outcome == .differs ? $0.declared : $0.computed) }, uniquingKeysWith: { first, _ in first })
        let basis = appraisal.declared[index].basis ?? .points
        let options = ranking.entries.map(\.option)
        let values = ranking.entries.map { entry in
            read[entry.option] ?? DeclaredCheck.value(entry, basis: basis, weights: weights).value
        }
        return Dictionary(uniqueKeysWithValues: zip(options, competitionRanks(values)))
    }

    /// Declared totals that agree with the scores only when rounded, and totals printed level
    /// that are not level, in sentences: kept apart from the disagreements.
    public func roundingNotes(in appraisal: Appraisal) -> [String] {
        let label = { (id: String) in appraisal.option(id)?.label ?? id }
        var sentences: [String] = []
        for index in appraisal.declared.indices {
            let rounded = consistentWhenRounded.filter { $0.declaration == index }
            guard let first = rounded.first, let decimals = first.decimals else { continue }
            let parts = rounded.map { "\(label($0.option)) (printed \($0.text($0.declared, printed: true)); the scores give \($0.text($0.computed)))" }
            sentences.append("\(first.source): \(rounded.count == 1 ? "1 total is" : "\(rounded.count) totals are") consistent with the scores when rounded to "
                + "\(decimals) dp, not exactly: \(Ordinal.list(parts)).")
            let totals = checks.filter { $0.declaration == index && $0.field == .total && $0.outcome != .differs }
            var groups: [Rational: [DeclaredCheck]] = [:]
            for check in totals { groups[check.declared, default: []].append(check) }
            for printed in totals.map(\.declared) {
                guard let group = groups.removeValue(forKey: printed), group.count > 1, Set(group.map(\.computed)).count > 1 else { continue }
                sentences.append("\(Ordinal.list(group.map { label($0.option) })) are printed level at \(first.text(printed, printed: true)) only by rounding: "
                    + "the scores give \(Ordinal.list(group.map { $0.text($0.computed) })), so they are not level.")
            }
        }
        return sentences
    }

    /// What the findings do to the result, in sentences for a committee: which published
    /// numbers are wrong and how the ranking changes once they are corrected.
    public func consequences(in appraisal: Appraisal) -> [String] {
        guard hasDeclarations else { return [] }
        let label = { (id: String) in appraisal.option(id)?.label ?? id }
        let totalFindings = findings.filter { $0.field == .total }
        let rounding = roundingNotes(in: appraisal)
        guard !findings.isEmpty || !moves.isEmpty else {
            return [rounding.isEmpty ? "Every published total and rank agrees with the scores."
                : "No published total or rank disagrees with the scores."] + rounding
        }
        var sentences: [String] = []
        var described: Set<String> = []
        for finding in totalFindings where described.insert(finding.option).inserted {
            sentences.append(finding.sentence(in: appraisal))
        }
        sentences += rounding
        if !moves.isEmpty {
            let parts = moves.map { move -> String in
                let entry = ranking.entry(for: move.option)!
                var text = "\(label(move.option)) moves from \(Ordinal.text(move.declaredRank)) to \(Ordinal.text(move.computedRank))"
                if move.computedTied {
                    text += " (tied with \(entry.tiedWith.map(label).joined(separator: " and ")) on \(points(entry.total, entry.maximum)))"
                }
                return text
            }
            sentences.append("With the totals the scores give, " + Ordinal.list(parts) + ".")
        }
        let moved = Set(moves.map(\.option))
        let newlyShared = ranking.entries.filter { entry in
            !moved.contains(entry.option) && !entry.tiedWith.isEmpty && declaredRanks[entry.option] == entry.rank
        }
        for entry in newlyShared {
            sentences.append("\(label(entry.option)) keeps \(Ordinal.text(entry.rank)) place but now shares it with \(Ordinal.list(entry.tiedWith.map(label))).")
        }
        let leaders = ranking.leaders
        let declaredLeaders = Set(appraisal.declared.first(where: { !$0.ranks.isEmpty })?.ranks.filter { $0.rank == 1 }.map(\.option) ?? leaders)
        if Set(leaders) == declaredLeaders, let first = ranking.entries.first {
            let who = leaders.map(label).joined(separator: " and ")
            sentences.append("First place is unchanged: \(who) (\(points(first.total, first.maximum))).")
        } else if let first = ranking.entries.first {
            sentences.append("First place changes: the scores put \(leaders.map(label).joined(separator: " and ")) first (\(points(first.total, first.maximum))).")
        }
        return sentences
    }
}

/// "33/40", or "33.5/40" for weighted points.
public func points(_ value: Rational, _ maximum: Rational) -> String {
    "\(value.decimalText(maximumPlaces: 2))/\(maximum.decimalText(maximumPlaces: 2))"
}

/// English ordinals for sentences ("2nd", "3rd").
public enum Ordinal {
    public static func text(_ value: Int) -> String {
        let suffix: String
        switch (value % 10, value % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)\(suffix)"
    }

    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
