/// One course of action the body could take.
public struct Option: Sendable, Equatable {
    public var id: String
    public var name: String
    /// A shorter label for tables and sentences ("Peer Practice Partner").
    public var shortName: String?
    /// Id of the strategic group the option belongs to, if the appraisal groups its options.
    public var group: String?
    public var description: String
    /// Longer narrative paragraphs from the appraisal's detailed annex.
    public var detail: [String]
    public var strengths: [String]
    public var weaknesses: [String]
    /// Where the option stands between long list and decision; nil means short-listed.
    public var stage: OptionStage?
    /// Why the option is at its stage: required when it is discounted (or reinstated).
    public var stageReason: String?
    /// Its choices on the options framework's dimensions, for the long list's grid.
    public var framework: FrameworkTags

    public init(
        id: String, name: String, shortName: String? = nil, group: String? = nil, description: String = "",
        detail: [String] = [], strengths: [String] = [], weaknesses: [String] = [],
        stage: OptionStage? = nil, stageReason: String? = nil, framework: FrameworkTags = FrameworkTags()
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.group = group
        self.description = description
        self.detail = detail
        self.strengths = strengths
        self.weaknesses = weaknesses
        self.stage = stage
        self.stageReason = stageReason
        self.framework = framework
    }

    /// The label to use where space is short.
    public var label: String { shortName ?? name }
}

/// A family of options ("External vehicle"), as appraisals often present them.
public struct OptionGroup: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String

    public init(id: String, name: String, description: String = "") {
        self.id = id
        self.name = name
        self.description = description
    }
}
