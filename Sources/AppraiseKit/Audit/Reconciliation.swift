/// Compares what a published document declared (totals, ranks) with what its own scores give,
/// because published appraisals are copied by hand and a wrong total can change a decision.
public struct Reconciliation: Sendable, Equatable {
    /// One declared number that is not what the scores give.
    public struct Finding: Sendable, Equatable {
        public enum Field: String, Sendable {
            case total
            case rank
        }

        public let option: String
        public let field: Field
        public let declared: Rational
        public let computed: Rational
        /// Where the declared number was published.
        public let source: String
        /// Path of the declared number in the appraisal file.
        public let location: String
        /// Totals only: the maximum, so the sentence can say "24/40".
        public let maximum: Rational
        /// Ranks only: the options that share the computed rank, so the sentence can say so.
        public let tiedWith: [String]

        /// `computed − declared`.
        public var difference: Rational { computed - declared }

        /// The finding as one sentence a member can read.
        public func sentence(in appraisal: Appraisal) -> String {
            let name = appraisal.option(option)?.label ?? option
            switch field {
            case .total:
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
                return "\(source) ranks \(name) \(ordinal(declared)), but its scores rank it \(ordinal(computed))\(shared)."
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

    public init(appraisal: Appraisal, matrix: DecisionMatrix, weights: Weights) {
        let ranking = Ranking(matrix: matrix, weights: weights)
        self.ranking = ranking
        hasDeclarations = appraisal.declared.contains { !$0.totals.isEmpty || !$0.ranks.isEmpty }
        var findings: [Finding] = []
        for (index, declaration) in appraisal.declared.enumerated() {
            for entry in declaration.totals {
                guard let computed = ranking.entry(for: entry.option), computed.total != entry.total else { continue }
                findings.append(Finding(option: entry.option, field: .total, declared: entry.total, computed: computed.total,
                                        source: declaration.source, location: "declared[\(index)].totals.\(entry.option)",
                                        maximum: computed.maximum, tiedWith: []))
            }
            for entry in declaration.ranks {
                guard let computed = ranking.entry(for: entry.option), computed.rank != entry.rank else { continue }
                findings.append(Finding(option: entry.option, field: .rank, declared: Rational(entry.rank), computed: Rational(computed.rank),
                                        source: declaration.source, location: "declared[\(index)].ranks.\(entry.option)",
                                        maximum: .zero, tiedWith: computed.tiedWith))
            }
        }
        self.findings = findings
        let declaredRanks = Reconciliation.declaredRanks(appraisal: appraisal, ranking: ranking)
        self.declaredRanks = declaredRanks
        moves = ranking.entries.compactMap { entry in
            guard let declared = declaredRanks[entry.option], declared != entry.rank else { return nil }
            return Move(option: entry.option, declaredRank: declared, computedRank: entry.rank, computedTied: !entry.tiedWith.isEmpty)
        }
    }

    /// The published ranking: the first declared ranks, else the ranks the declared totals give.
    private static func declaredRanks(appraisal: Appraisal, ranking: Ranking) -> [String: Int] {
        if let ranks = appraisal.declared.first(where: { !$0.ranks.isEmpty })?.ranks {
            return Dictionary(ranks.map { ($0.option, $0.rank) }, uniquingKeysWith: { first, _ in first })
        }
        guard let totals = appraisal.declared.first(where: { !$0.totals.isEmpty })?.totals else { return [:] }
        let declared = Dictionary(totals.map { ($0.option, $0.total) }, uniquingKeysWith: { first, _ in first })
        let options = ranking.entries.map(\.option)
        let values = options.map { declared[$0] ?? ranking.entry(for: $0)!.total }
        return Dictionary(uniqueKeysWithValues: zip(options, competitionRanks(values)))
    }

    /// What the findings do to the result, in sentences for a committee: which published
    /// numbers are wrong and how the ranking changes once they are corrected.
    public func consequences(in appraisal: Appraisal) -> [String] {
        guard hasDeclarations else { return [] }
        let label = { (id: String) in appraisal.option(id)?.label ?? id }
        let totalFindings = findings.filter { $0.field == .total }
        guard !findings.isEmpty || !moves.isEmpty else {
            return ["Every published total and rank agrees with the scores."]
        }
        var sentences: [String] = []
        var described: Set<String> = []
        for finding in totalFindings where described.insert(finding.option).inserted {
            sentences.append(finding.sentence(in: appraisal))
        }
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
