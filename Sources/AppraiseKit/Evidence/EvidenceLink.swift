/// A citation from a score or a criterion to a performance indicator, so a reader can see
/// which evidence a scorer relied on and the tool can check the two do not pull apart.
public struct EvidenceLink: Sendable, Hashable {
    /// Id of the KPI dataset that holds the indicator.
    public var dataset: String
    /// The indicator's reference within that dataset (refs are not stable across editions).
    public var indicator: String
    /// What the indicator shows for this score, in the scorer's words.
    public var note: String

    public init(dataset: String, indicator: String, note: String) {
        self.dataset = dataset
        self.indicator = indicator
        self.note = note
    }
}
