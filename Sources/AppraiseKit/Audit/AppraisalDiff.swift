/// What changed between two versions of an appraisal (criteria, weights, scores, rationale,
/// anything else in the file) and what that did to the ranking, so a committee can see why
/// a recommendation moved between two drafts.
public struct AppraisalDiff: Sendable {
    /// One option's place before and after; nil on the side where the option does not exist.
    public struct Move: Sendable, Equatable {
        public let option: String
        public let before: Ranking.Entry?
        public let after: Ranking.Entry?
    }

    /// The changes that turn the old file's content into the new one's.
    public let changes: [JournalChange]
    /// Each version's ranking under its own weights; nil for a version that cannot be ranked
    /// (a cell without a score, unusable weights).
    public let before: Ranking?
    public let after: Ranking?
    /// Every option ranked in either version, and every option removed: the new ranking's
    /// order, then the others.
    public let moves: [Move]

    public init(old: Appraisal, oldDocument: [String: JSONValue], new: Appraisal, newDocument: [String: JSONValue]) {
        changes = JournalChange.changes(from: oldDocument, to: newDocument)
        let before = Self.ranking(old), after = Self.ranking(new)
        let kept = new.options.map(\.id)
        let ranked = after?.entries.map(\.option) ?? new.scoredOptions.map(\.id)
        // Options removed, and options ranked before but set aside now (discounted, long-listed).
        var order = ranked
        for option in old.options.map(\.id) where !order.contains(option) && (!kept.contains(option) || before?.entry(for: option) != nil) {
            order.append(option)
        }
        moves = order.map { option in
            Move(option: option, before: before?.entry(for: option), after: after?.entry(for: option))
        }
        self.before = before
        self.after = after
    }

    /// Whether the options sharing first place differ between the versions (false when
    /// either cannot be ranked).
    public var firstPlaceChanged: Bool {
        guard let before, let after else { return false }
        return Set(before.leaders) != Set(after.leaders)
    }

    private static func ranking(_ appraisal: Appraisal) -> Ranking? {
        // A version with nothing to rank yet (no criteria, or no option on the short list) has no ranking.
        guard let matrix = DecisionMatrix(appraisal), matrix.optionCount > 0, matrix.criterionCount > 0,
              let weights = appraisal.defaultWeights else { return nil }
        return Ranking(matrix: matrix, weights: weights)
    }
}
