/// One score and the indicators it cites, as the appraisal holds them.
public struct ScoreEvidence: Sendable, Hashable {
    public var option: String
    public var criterion: String
    public var score: Rational
    public var scaleMinimum: Rational
    public var scaleMaximum: Rational
    public var links: [EvidenceLink]

    public init(option: String, criterion: String, score: Rational, scaleMinimum: Rational, scaleMaximum: Rational, links: [EvidenceLink]) {
        self.option = option
        self.criterion = criterion
        self.score = score
        self.scaleMinimum = scaleMinimum
        self.scaleMaximum = scaleMaximum
        self.links = links
    }
}

/// What a cited indicator shows at its scorecard's own period, and which way that pulls.
public struct EvidenceReading: Sendable, Hashable {
    public enum Signal: String, Sendable, Hashable {
        /// Red, not on target, or declining.
        case adverse
        /// Green or improving, and nothing adverse.
        case favourable
        /// Amber and steady, an Info indicator, or no value.
        case neutral
    }

    public let link: EvidenceLink
    public let assessment: IndicatorAssessment
    public let signal: Signal

    init(link: EvidenceLink, assessment: IndicatorAssessment) {
        self.link = link
        self.assessment = assessment
        let rag = assessment.rag
        let direction = assessment.directionOfTravel
        if rag == .rated(.red) || rag == .notOnTarget || direction == .declining {
            signal = .adverse
        } else if rag == .rated(.green) || direction == .improving {
            signal = .favourable
        } else {
            signal = .neutral
        }
    }

    /// "sc-2017-06 6.16 Jun-17 83.0%: Red, declining from 90.9% (May-17)"; a cell with words
    /// after its number is shortened to the number.
    public var summary: String {
        let value = assessment.printed.map(EvidenceReading.short) ?? "no value"
        var parts: [String] = []
        if case .notComputable = assessment.rag {} else { parts.append(assessment.rag.label) }
        if let direction = assessment.directionOfTravel, let previous = assessment.previous {
            parts.append("\(direction.rawValue) from \(EvidenceReading.short(previous.printed)) (\(previous.period.label))")
        }
        let reading = parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
        return "\(link.dataset) \(link.indicator) \(assessment.period.label) \(value)\(reading)"
    }

    private static func short(_ printed: PrintedValue) -> String {
        guard printed.qualifier != nil, let number = printed.number else { return printed.text }
        return EvidenceNumberText.text(number, percent: printed.isPercentage)
    }
}

/// A score that its own cited evidence pulls against: for a human to look at, not a rescoring.
public struct EvidenceTension: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A score at the top of the scale whose readable evidence is mostly adverse.
        case highScoreAdverseEvidence = "high-score-adverse-evidence"
        /// A score at the bottom of the scale whose readable evidence is all favourable.
        case lowScoreFavourableEvidence = "low-score-favourable-evidence"
    }

    public let option: String
    public let criterion: String
    public let score: Rational
    public let kind: Kind
    /// One sentence naming the score and the indicators behind the tension.
    public let message: String
    /// The readings that pull against the score.
    public let evidence: [EvidenceReading]
}

/// Finds scores whose cited indicators pull the other way.
///
/// Each cited indicator is read at its scorecard's own period: adverse when Red, not on target
/// or declining; favourable when Green or improving and nothing adverse; otherwise neutral.
/// A score at the top of the scale (`topShare`) is flagged when more than half of its
/// non-neutral readings are adverse; a score at the bottom (`bottomShare`) when it has
/// favourable readings and no adverse one. Links that do not resolve are left to
/// `EvidenceLinkCheck`.
public enum EvidenceTensions {
    /// Scores at or above this share of the scale count as top scores (5 on 0–5, not 4).
    public static let topShare = 0.9
    /// Scores at or below this share count as bottom scores (0 and 1 on 0–5).
    public static let bottomShare = 0.2

    /// Tensions in the order the scores are given; `names` gives the sentences the options' and
    /// criteria's own labels instead of their ids.
    public static func find(_ scores: [ScoreEvidence], datasets: [KPIDataset], names: DisplayNames = DisplayNames()) -> [EvidenceTension] {
        let readings = Readings(datasets: datasets)
        return scores.compactMap { item in
            let span = (item.scaleMaximum - item.scaleMinimum).doubleValue
            guard span > 0, !item.links.isEmpty else { return nil }
            let share = (item.score - item.scaleMinimum).doubleValue / span
            let read = item.links.compactMap(readings.reading)
            let adverse = read.filter { $0.signal == .adverse }
            let favourable = read.filter { $0.signal == .favourable }
            let counted = adverse.count + favourable.count
            let scored = "\(names.option(item.option)) scores \(item.score.decimalText()) of \(item.scaleMaximum.decimalText()) on \(names.criterion(item.criterion))"
            if share >= topShare, adverse.count * 2 > counted {
                let list = adverse.map(\.summary).joined(separator: "; ")
                return EvidenceTension(option: item.option, criterion: item.criterion, score: item.score, kind: .highScoreAdverseEvidence,
                                       message: "\(scored), but \(adverse.count) of \(counted) cited indicators with a reading \(adverse.count == 1 ? "is" : "are") Red, off target or declining: \(list)",
                                       evidence: adverse)
            }
            if share <= bottomShare, !favourable.isEmpty, adverse.isEmpty {
                let list = favourable.map(\.summary).joined(separator: "; ")
                return EvidenceTension(option: item.option, criterion: item.criterion, score: item.score, kind: .lowScoreFavourableEvidence,
                                       message: "\(scored), yet every cited indicator with a reading is Green or improving: \(list)",
                                       evidence: favourable)
            }
            return nil
        }
    }

    /// What each link shows (nil where it does not resolve), assessing each dataset once.
    public static func readings(_ links: [EvidenceLink], datasets: [KPIDataset]) -> [EvidenceReading?] {
        let readings = Readings(datasets: datasets)
        return links.map(readings.reading)
    }

    /// Each dataset assessed once at its own period, looked up by id and ref.
    private struct Readings {
        let assessments: [String: [String: IndicatorAssessment]]

        init(datasets: [KPIDataset]) {
            var assessments: [String: [String: IndicatorAssessment]] = [:]
            for dataset in datasets where assessments[dataset.id] == nil {
                assessments[dataset.id] = Dictionary(dataset.assessment().map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
            }
            self.assessments = assessments
        }

        func reading(_ link: EvidenceLink) -> EvidenceReading? {
            assessments[link.dataset]?[link.indicator].map { EvidenceReading(link: link, assessment: $0) }
        }
    }
}
