extension KPIDataset {
    /// Every indicator assessed for a period, in file order. Without a period, the
    /// scorecard's own (`asAt`); only then are the printed RAG and arrows checked, since they
    /// describe that period.
    public func assessment(at period: Period? = nil) -> [IndicatorAssessment] {
        Array(assessments(at: period))
    }

    /// The same, made one at a time as the sequence is read, so a renderer that keeps only
    /// its table rows never holds every assessment.
    public func assessments(at period: Period? = nil) -> LazyMapSequence<[Indicator], IndicatorAssessment> {
        let period = period ?? asAt
        return indicators.lazy.map { [conventions, asAt] in IndicatorAssessment(indicator: $0, period: period, isScorecardPeriod: period == asAt, conventions: conventions) }
    }

    /// Every printed RAG and arrow that the data does not bear out, at the scorecard's own
    /// period, as (ref, finding) in file order.
    public var declaredMismatches: [(ref: String, finding: KPIFinding)] {
        assessment().flatMap { item in item.findings.filter(\.isDeclaredMismatch).map { (item.ref, $0) } }
    }
}

extension IndicatorAssessment {
    init(indicator: Indicator, period scorecardPeriod: Period, isScorecardPeriod: Bool, conventions: KPIConventions = KPIConventions()) {
        let period = indicator.reportedInArrears && scorecardPeriod.kind == .month ? scorecardPeriod.previous : scorecardPeriod
        let observation = indicator.observation(at: period)
        let ratedPeriod: Period
        switch conventions.ragBasis {
        case .inPeriod: ratedPeriod = indicator.ratesYearToDate && period.kind != .financialYear ? period.yearToDateColumn : period
        case .yearToDate: ratedPeriod = period.kind == .financialYear ? period : period.yearToDateColumn
        case .yearEnd: ratedPeriod = .financialYear(startYear: period.financialYearStart)
        }
        let rated = indicator.observation(at: ratedPeriod)
        let bands = indicator.bands
        let rag = indicator.unreadable.isEmpty ? IndicatorAssessment.rate(bands, rated, at: ratedPeriod)
            : .notComputable("a cell of the row cannot be read")
        let lastYear = indicator.observation(at: period.sameTimeLastYear)
        let previous = conventions.comparison == .sameTimeLastYear ? lastYear : indicator.observation(before: period)
        let polarity = indicator.polarity
        func direction(from earlier: Observation?) -> DirectionOfTravel? {
            guard let now = observation?.value, let then = earlier?.value else { return nil }
            return DirectionOfTravel(from: then, to: now, polarity: polarity)
        }
        let directionOfTravel = direction(from: previous)

        var findings = indicator.unreadable.map { KPIFinding(kind: .unreadableCell, message: "not rated: \($0)") }
        if period != scorecardPeriod {
            findings.append(KPIFinding(kind: .inArrears, message: "reported one month in arrears: \(scorecardPeriod.label) reads the \(period.label) column"))
        }
        let declaredRAG = isScorecardPeriod ? indicator.declaredRAG : nil
        let declaredDirection = isScorecardPeriod ? indicator.declaredDirection : nil
        if let declaredRAG, let finding = IndicatorAssessment.check(declaredRAG, against: rag, bands: bands, rated: rated, at: ratedPeriod) {
            findings.append(finding)
        }
        if let declaredDirection {
            let check = DirectionCheck(declared: declaredDirection, computed: directionOfTravel, current: observation, previous: previous,
                                       period: period, polarity: polarity, meaning: conventions.arrows, rag: rag)
            if let finding = check.finding { findings.append(finding) }
        }
        if case .refused(let reason) = bands.rule {
            findings.append(KPIFinding(kind: .bandsRefused, message: reason))
        }
        findings += BenchmarkPosition.orderProblems(indicator.benchmarks, polarity: polarity).map { KPIFinding(kind: .benchmarkOrder, message: $0) }
        for cell in Set([observation, rated].compactMap { $0 }).sorted(by: { $0.period < $1.period }) where cell.printed.status == .pending {
            findings.append(KPIFinding(kind: .dataQuality, message: "\(cell.period.label) is printed as \"\(cell.printed.text)\": a status, not a value, so nothing is rated for it"))
        }
        if case .notComputable(let reason) = rag, !findings.contains(where: { [.bandsRefused, .ragUnverifiable, .dataQuality, .unreadableCell].contains($0.kind) }) {
            findings.append(KPIFinding(kind: .notRated, message: "not rated: \(reason)"))
        }

        self.init(ref: indicator.ref, title: indicator.title, theme: indicator.theme, polarity: polarity, unit: indicator.unit, period: period,
                  printed: observation?.printed, ratedPeriod: ratedPeriod, ratedValue: rated?.value, bands: bands, rag: rag,
                  declaredRAG: declaredRAG, distanceToTarget: indicator.unreadable.isEmpty ? rated?.value.flatMap(bands.distance(from:)) : nil,
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
    /// The dataset's declared arrow meaning; nil means the arrow cannot be judged.
    let meaning: KPIConventions.ArrowMeaning?
    let rag: ComputedRAG

    var finding: KPIFinding? {
        let printed = "printed \(declared.text)"
        if declared.movement == .new {
            guard let previous, previous.value != nil else { return nil }
            return KPIFinding(kind: .directionDisagreement, message: "\(printed), but \(previous.period.label) already has a value (\(previous.printed.text))")
        }
        guard let meaning else {
            return KPIFinding(kind: .directionUnverifiable,
                              message: "\(printed) cannot be judged: the dataset does not declare what its arrows mean; add the setting arrows (performance, numeric direction or multi-state)")
        }
        guard let computed, let current, let previous else {
            return KPIFinding(kind: .directionUnverifiable, message: "\(printed) cannot be checked: \(missing)")
        }
        let judged = meaning == .numericDirection ? DirectionOfTravel(from: previous.value ?? 0, to: current.value ?? 0, polarity: .info) : computed
        if meaning == .multiState, let status = declared.targetStatus, let problem = targetProblem(status) {
            return KPIFinding(kind: .directionDisagreement, message: "\(printed) (\(declared.movement.rawValue), \(status.rawValue)), but \(problem)")
        }
        guard !judged.agrees(with: declared) else { return nil }
        let rule = switch (meaning, polarity) {
        case (.numericDirection, _): "arrows show numeric direction"
        case (_, .high): "high is good"
        case (_, .low), (_, .withinLimitsLow): "low is good"
        case (_, .info), (_, .withinLimits): "\(polarity.rawValue): the arrow follows the numbers"
        }
        return KPIFinding(kind: .directionDisagreement,
                          message: "\(printed), but \(previous.printed.text) → \(current.printed.text) (\(previous.period.label) → \(current.period.label)) is \(judged.rawValue) (\(rule))")
    }

    /// Why a multi-state glyph's target status is not what the bands give; nil when it is.
    private func targetProblem(_ status: DeclaredDirection.TargetStatus) -> String? {
        switch (status, rag) {
        case (.notOnTarget, .rated(.green)): "the bands give Green"
        case (.withinLimits, .rated(.red)): "the bands give Red"
        default: nil
        }
    }

    /// Why no direction can be computed.
    private var missing: String {
        guard let current else { return "nothing is printed for \(period.label)" }
        guard current.value != nil else { return "\(period.label) is printed as \"\(current.printed.text)\", not a value" }
        guard let previous else { return "nothing of the same kind is printed before \(period.label)" }
        return "\(previous.period.label) is printed as \"\(previous.printed.text)\", not a value"
    }
}
