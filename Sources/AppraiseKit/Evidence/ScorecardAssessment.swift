extension KPIDataset {
    /// Every indicator assessed for a period, in file order. Without a period, the
    /// scorecard's own (`asAt`); only then are the printed RAG and arrows checked, since they
    /// describe that period.
    public func assessment(at period: Period? = nil) -> [IndicatorAssessment] {
        let period = period ?? asAt
        return indicators.map { IndicatorAssessment(indicator: $0, period: period, isScorecardPeriod: period == asAt) }
    }

    /// Every printed RAG and arrow that the data does not bear out, at the scorecard's own
    /// period, as (ref, finding) in file order.
    public var declaredMismatches: [(ref: String, finding: KPIFinding)] {
        assessment().flatMap { item in item.findings.filter(\.isDeclaredMismatch).map { (item.ref, $0) } }
    }
}

extension IndicatorAssessment {
    init(indicator: Indicator, period: Period, isScorecardPeriod: Bool) {
        let observation = indicator.observation(at: period)
        let ratedPeriod = indicator.ratesYearToDate && period.kind != .financialYear ? period.yearToDateColumn : period
        let rated = indicator.observation(at: ratedPeriod)
        let bands = indicator.bands
        let rag = IndicatorAssessment.rate(bands, rated, at: ratedPeriod)
        let previous = indicator.observation(before: period)
        let lastYear = indicator.observation(at: period.sameTimeLastYear)
        let polarity = indicator.polarity
        func direction(from earlier: Observation?) -> DirectionOfTravel? {
            guard let now = observation?.value, let then = earlier?.value else { return nil }
            return DirectionOfTravel(from: then, to: now, polarity: polarity)
        }
        let directionOfTravel = direction(from: previous)

        var findings: [KPIFinding] = []
        let declaredRAG = isScorecardPeriod ? indicator.declaredRAG : nil
        let declaredDirection = isScorecardPeriod ? indicator.declaredDirection : nil
        if let declaredRAG, let finding = IndicatorAssessment.check(declaredRAG, against: rag, bands: bands, rated: rated, at: ratedPeriod) {
            findings.append(finding)
        }
        if let declaredDirection {
            let check = DirectionCheck(declared: declaredDirection, computed: directionOfTravel, current: observation, previous: previous,
                                       period: period, polarity: polarity)
            if let finding = check.finding { findings.append(finding) }
        }
        if case .refused(let reason) = bands.rule {
            findings.append(KPIFinding(kind: .bandsRefused, message: reason))
        }
        findings += BenchmarkPosition.orderProblems(indicator.benchmarks, polarity: polarity).map { KPIFinding(kind: .benchmarkOrder, message: $0) }
        for cell in Set([observation, rated].compactMap { $0 }).sorted(by: { $0.period < $1.period }) where cell.printed.status == .pending {
            findings.append(KPIFinding(kind: .dataQuality, message: "\(cell.period.label) is printed as \"\(cell.printed.text)\": a status, not a value, so nothing is rated for it"))
        }

        self.init(ref: indicator.ref, title: indicator.title, theme: indicator.theme, polarity: polarity, unit: indicator.unit, period: period,
                  printed: observation?.printed, ratedPeriod: ratedPeriod, ratedValue: rated?.value, bands: bands, rag: rag,
                  declaredRAG: declaredRAG, distanceToTarget: rated?.value.flatMap(bands.distance(from:)),
                  directionOfTravel: directionOfTravel, previous: previous, declaredDirection: declaredDirection,
                  yearOnYear: direction(from: lastYear), sameTimeLastYear: lastYear,
                  benchmarks: indicator.benchmarks.map { BenchmarkPosition(value: rated?.value, benchmark: $0, polarity: polarity) },
                  findings: findings)
    }

    /// The bands' rating of the rated cell, or why there is none.
    private static func rate(_ bands: ToleranceBands, _ rated: Observation?, at period: Period) -> ComputedRAG {
        if let reason = bands.unratableReason { return .notComputable(reason) }
        guard let rated else { return .notComputable("nothing is printed for \(period.label)") }
        guard let value = rated.value else { return .notComputable("\(period.label) is printed as \"\(rated.printed.text)\", not a value") }
        return bands.rate(value)
    }

    /// A finding when the printed RAG is not what the bands give.
    private static func check(_ declared: DeclaredRAG, against computed: ComputedRAG, bands: ToleranceBands, rated: Observation?, at period: Period) -> KPIFinding? {
        let shown = bands.printedText
        let value = rated.map { "\(period.label)'s \($0.printed.text)" } ?? period.label
        if declared.isGrey {
            guard case .notComputable = computed else {
                return KPIFinding(kind: .ragDisagreement, message: "printed Grey (not rated), but the bands \(shown) give \(computed.label) to \(value)")
            }
            return nil
        }
        guard let printed = declared.rating else { return nil }
        switch computed {
        case .rated(let rating) where rating == printed:
            return nil
        case .rated(let rating):
            return KPIFinding(kind: .ragDisagreement, message: "printed \(declared.text), but the bands \(shown) give \(rating.rawValue) to \(value)")
        case .notOnTarget where printed == .green:
            return KPIFinding(kind: .ragDisagreement, message: "printed \(declared.text), but \(value) misses the green-only target \(bands.green)")
        case .notOnTarget:
            return nil
        case .notComputable(let reason):
            return KPIFinding(kind: .ragUnverifiable, message: "printed \(declared.text) cannot be checked: \(reason)")
        }
    }
}

/// Compares a printed arrow with the computed direction of travel.
private struct DirectionCheck {
    let declared: DeclaredDirection
    let computed: DirectionOfTravel?
    let current: Observation?
    let previous: Observation?
    let period: Period
    let polarity: Polarity

    var finding: KPIFinding? {
        let printed = "printed \(declared.text)"
        if declared.movement == .new {
            guard let previous, previous.value != nil else { return nil }
            return KPIFinding(kind: .directionDisagreement, message: "\(printed), but \(previous.period.label) already has a value (\(previous.printed.text))")
        }
        guard let computed, let current, let previous else {
            return KPIFinding(kind: .directionUnverifiable, message: "\(printed) cannot be checked: \(missing)")
        }
        guard !computed.agrees(with: declared) else { return nil }
        let rule = switch polarity {
        case .high: "high is good"
        case .low, .withinLimitsLow: "low is good"
        case .info, .withinLimits: "\(polarity.rawValue): the arrow follows the numbers"
        }
        return KPIFinding(kind: .directionDisagreement,
                          message: "\(printed), but \(previous.printed.text) → \(current.printed.text) (\(previous.period.label) → \(current.period.label)) is \(computed.rawValue) (\(rule))")
    }

    /// Why no direction can be computed.
    private var missing: String {
        guard let current else { return "nothing is printed for \(period.label)" }
        guard current.value != nil else { return "\(period.label) is printed as \"\(current.printed.text)\", not a value" }
        guard let previous else { return "nothing of the same kind is printed before \(period.label)" }
        return "\(previous.period.label) is printed as \"\(previous.printed.text)\", not a value"
    }
}
