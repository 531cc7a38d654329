/// A cell that counts at the panel's consensus because no agreed score was recorded for it:
/// every total that includes one rests on a rule (median, mean) rather than on a score
/// anyone agreed, and members must be told which.
public struct ConsensusCell: Sendable, Equatable {
    public let option: String
    public let criterion: String
    /// The scorers' scores, in file order.
    public let scores: [(scorer: String, value: Rational)]
    /// What the cell counts with.
    public let consensus: Rational

    public static func == (lhs: ConsensusCell, rhs: ConsensusCell) -> Bool {
        lhs.option == rhs.option && lhs.criterion == rhs.criterion && lhs.consensus == rhs.consensus
            && lhs.scores.elementsEqual(rhs.scores) { $0.scorer == $1.scorer && $0.value == $1.value }
    }
}

extension Appraisal {
    /// The cells without an agreed score that count at the panel's consensus, in the order of
    /// options then criteria; empty when every scored cell has its agreed score.
    public var consensusCells: [ConsensusCell] {
        // Most appraisals have no panel: one pass to see so, not a grouping of every score.
        guard scores.contains(where: { $0.scorer != nil }) else { return [] }
        let byCell = Dictionary(grouping: scores) { $0.option + "\u{0}" + $0.criterion }
        return options.flatMap { option in
            criteria.compactMap { criterion -> ConsensusCell? in
                let cell = byCell[option.id + "\u{0}" + criterion.id] ?? []
                guard !cell.contains(where: { $0.scorer == nil }) else { return nil }
                let panel = cell.compactMap { score in score.scorer.map { (scorer: $0, value: score.value) } }
                guard let consensus = Consensus.combine(panel.map(\.value), setting: panelSetting, scale: scale) else { return nil }
                return ConsensusCell(option: option.id, criterion: criterion.id, scores: panel, consensus: consensus)
            }
        }
    }
}
