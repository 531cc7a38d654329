/// Where an option stands on the way from the long list to the decision. The Green Book asks
/// for a long list screened down to a short list that holds business as usual, a realistic
/// do-minimum and the preferred way forward; options set aside stay on record with why.
public enum OptionStage: String, Sendable, CaseIterable, Equatable {
    /// On the long list, not yet screened onto the short list: not scored.
    case longListed = "long-listed"
    /// Carried to the short list and scored (what an option without a stage is).
    case shortListed = "short-listed"
    /// Considered and set aside: kept with its reason, not scored, in no ranking or analysis.
    case discounted
    /// On the short list as the benchmark of carrying on as now.
    case businessAsUsual = "business-as-usual"
    /// On the short list as the least that meets the essential needs.
    case doMinimum = "do-minimum"
    /// On the short list as the preferred way forward.
    case preferred

    /// Whether options at this stage are scored and take part in rankings and analyses.
    public var isScored: Bool {
        switch self {
        case .longListed, .discounted: false
        case .shortListed, .businessAsUsual, .doMinimum, .preferred: true
        }
    }

    /// The stage in words, for tables and sentences.
    public var label: String {
        switch self {
        case .longListed: "long-listed"
        case .shortListed: "short-listed"
        case .discounted: "discounted"
        case .businessAsUsual: "business as usual"
        case .doMinimum: "do-minimum"
        case .preferred: "preferred way forward"
        }
    }
}

extension Option {
    /// The option's stage; an option without one is short-listed, as every option was before
    /// stages existed.
    public var currentStage: OptionStage { stage ?? .shortListed }
}

extension Appraisal {
    /// Whether the file records anything of the long list: a stage on any option, framework
    /// tags, or screening. Files that do not are read and reported exactly as before.
    public var hasLongList: Bool {
        screening != nil || options.contains { $0.stage != nil || !$0.framework.isEmpty }
    }

    /// The options that are scored and ranked (short-listed in some role), in file order.
    public var scoredOptions: [Option] { options.filter { $0.currentStage.isScored } }

    /// The options not scored: long-listed and discounted ones, in file order.
    public var unscoredOptions: [Option] { options.filter { !$0.currentStage.isScored } }

    /// The appraisal as every analysis sees it: only the scored options, their scores, and
    /// what declarations said about them. The same value when every option is scored.
    public var shortList: Appraisal {
        let scored = scoredOptions
        guard scored.count != options.count else { return self }
        let kept = Set(scored.map(\.id))
        var copy = self
        copy.options = scored
        copy.scores = scores.filter { kept.contains($0.option) }
        // Declarations keep their places, so findings still point at `declared[i]` in the file.
        copy.declared = declared.map { declaration in
            var declaration = declaration
            declaration.totals.removeAll { !kept.contains($0.option) }
            declaration.ranks.removeAll { !kept.contains($0.option) }
            return declaration
        }
        return copy
    }
}
