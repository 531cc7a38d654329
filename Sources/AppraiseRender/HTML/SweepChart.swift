import AppraiseKit

/// One criterion's one-way sweep as a small line chart: each option's total as the criterion's
/// weight goes from 0% to 100% (the others keeping their proportions), with the current weight
/// as a dashed line, every change of first place as a marked point, and ties at the ends of
/// the range as small squares.
enum SweepChart {
    static let width = 460.0, height = 240.0, left = 54.0, right = 140.0, top = 12.0, bottom = 48.0, labelGap = 12.0

    static func svg(_ sweep: WeightSweep, index: Int, section: SensitivitySection, maximum: Rational, minimum: Rational) -> String {
        let names = section.report.names
        let count = Rational(section.report.criterionIDs.count)
        let span = (maximum - minimum).isZero ? Rational.one : maximum - minimum
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ weight: Rational) -> Double { left + weight.doubleValue * plotWidth }
        func y(_ total: Rational) -> Double { top + (1 - ((total - minimum) / span).doubleValue) * plotHeight }
        func total(_ option: Int, _ weight: Rational) -> Rational { count * (sweep.intercepts[option] + sweep.slopes[option] * weight) }
        let n = TotalsChart.n
        let id = "sweep-\(index)"

        let shown = drawn(sweep), omitted = sweep.optionIDs.count - shown.count
        let fullHeight = omitted > 0 ? height + noteHeight : height
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart sweep\" viewBox=\"0 0 \(n(width)) \(n(fullHeight))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title(sweep, section: section)))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(HTML.escape(description(sweep, section: section)))</desc>\n"
        for step in 0...4 {
            let weight = Rational(Int128(step), 4)
            out += "<line class=\"grid\" x1=\"\(n(x(weight)))\" y1=\"\(n(top))\" x2=\"\(n(x(weight)))\" y2=\"\(n(top + plotHeight))\"/>"
            out += "<text class=\"tick\" x=\"\(n(x(weight)))\" y=\"\(n(top + plotHeight + 18))\" text-anchor=\"middle\">\(step * 25)%</text>\n"
        }
        out += "<text class=\"axis-title\" x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 4))\" text-anchor=\"middle\">"
            + "Share of the weight on \(HTML.escape(TotalsChart.shortened(names.criterion(sweep.criterion))))</text>\n"
        out += "<text class=\"axis-title\" transform=\"translate(12 \(n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">Total</text>\n"
        for step in 0...2 {
            let value = minimum + span * Rational(Int128(step), 2)
            out += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(value)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(value)))\"/>"
            out += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\">\(Formatting.number(value))</text>\n"
        }
        for option in shown {
            let leading = sweep.leadersNow.contains(sweep.optionIDs[option])
            out += "<line class=\"\(leading ? "line leader" : "line")\" x1=\"\(n(x(.zero)))\" y1=\"\(n(y(total(option, .zero))))\" "
                + "x2=\"\(n(x(.one)))\" y2=\"\(n(y(total(option, .one))))\" stroke=\"\(ChartPalette.option(option))\"\(ChartPalette.dashAttribute(option))>"
                + "<title>\(HTML.escape(names.option(sweep.optionIDs[option])))</title></line>\n"
        }
        // Direct labels at the right-hand end of each line, spread apart where lines end close together.
        let ends = shown.map { y(total($0, .one)) }
        for (line, place) in spreadLabels(ends, from: top, to: top + plotHeight) {
            let option = shown[line]
            out += "<line class=\"connector\" x1=\"\(n(x(.one) + 2))\" y1=\"\(n(ends[line]))\" x2=\"\(n(x(.one) + 22))\" y2=\"\(n(place))\" "
                + "stroke=\"\(ChartPalette.option(option))\"\(ChartPalette.dashAttribute(option))/>"
            out += "<text class=\"end-label\" x=\"\(n(x(.one) + 26))\" y=\"\(n(place + 4))\">"
                + "\(HTML.escape(endLabel(names.option(sweep.optionIDs[option]))))</text>\n"
        }
        out += "<line class=\"current\" x1=\"\(n(x(sweep.current)))\" y1=\"\(n(top))\" x2=\"\(n(x(sweep.current)))\" y2=\"\(n(top + plotHeight))\">"
            + "<title>Weight now: \(percent(sweep.current))</title></line>\n"
        for crossover in sweep.crossovers {
            guard let level = crossover.tied.first.flatMap({ sweep.optionIDs.firstIndex(of: $0) }) else { continue }
            let text = "At \(percent(crossover.weight)) " + crossover.tied.map(names.option).joined(separator: " and ") + " are level"
            out += "<circle class=\"crossover\" cx=\"\(n(x(crossover.weight)))\" cy=\"\(n(y(total(level, crossover.weight))))\" r=\"4\">"
                + "<title>\(HTML.escape(text))</title></circle>\n"
        }
        // Ties at none or all of the weight are edges, not changes of first place: marked apart.
        for tie in sweep.endpointTies {
            guard let level = tie.tied.first.flatMap({ sweep.optionIDs.firstIndex(of: $0) }) else { continue }
            let text = "At \(percent(tie.weight)) " + tie.tied.map(names.option).joined(separator: " and ")
                + " share first place: a tie at the end of the range, not a change of first place"
            out += "<rect class=\"endpoint-tie\" x=\"\(n(x(tie.weight) - 3.5))\" y=\"\(n(y(total(level, tie.weight)) - 3.5))\" width=\"7\" height=\"7\">"
                + "<title>\(HTML.escape(text))</title></rect>\n"
        }
        if omitted > 0 {
            out += "<text class=\"tick\" x=\"\(n(left))\" y=\"\(n(height + noteHeight - 4))\">"
                + HTML.escape(omittedNote(shown.count, of: sweep.optionIDs.count)) + "</text>\n"
        }
        return out + "</svg>\n"
    }

    /// Most lines a sweep draws once an appraisal has more than `ReportPack.optionsInFull`
    /// options: a thousand lines and labels in 460 × 240 points read as nothing.
    static let linesAtScale = 10
    /// Room under the chart for the line saying which options are drawn.
    static let noteHeight = 18.0

    /// The options a sweep draws, in option order: all of them up to `ReportPack.optionsInFull`;
    /// beyond that every option first somewhere on the sweep, then the leading ones at the
    /// current weight up to `linesAtScale`.
    static func drawn(_ sweep: WeightSweep) -> [Int] {
        let all = Array(sweep.optionIDs.indices)
        guard all.count > ReportPack.optionsInFull else { return all }
        let first = Set(sweep.segments.flatMap(\.leaders) + sweep.leadersNow)
        let now = all.map { sweep.intercepts[$0] + sweep.slopes[$0] * sweep.current }
        let byTotalNow = all.sorted { now[$0] != now[$1] ? now[$0] > now[$1] : $0 < $1 }
        var chosen = byTotalNow.filter { first.contains(sweep.optionIDs[$0]) }
        for option in byTotalNow where chosen.count < linesAtScale && !chosen.contains(option) { chosen.append(option) }
        return chosen.sorted()
    }

    static func omittedNote(_ shown: Int, of count: Int) -> String {
        "Drawn: the \(shown) options first somewhere on this range or leading now, of \(count); every total is in report.json"
    }

    /// Label positions for line ends at `ends` (top to bottom), at least `labelGap` apart and
    /// inside the plot where there is room, in option order.
    static func spreadLabels(_ ends: [Double], from top: Double, to bottom: Double) -> [(Int, Double)] {
        let order = ends.indices.sorted { ends[$0] == ends[$1] ? $0 < $1 : ends[$0] < ends[$1] }
        var places = order.map { ends[$0] }
        for k in places.indices.dropFirst() { places[k] = max(places[k], places[k - 1] + labelGap) }
        if let last = places.last, last > bottom {
            places[places.count - 1] = bottom
            for k in places.indices.dropLast().reversed() { places[k] = min(places[k], places[k + 1] - labelGap) }
        }
        return zip(order, places).sorted { $0.0 < $1.0 }.map { ($0.0, $0.1) }
    }

    /// A name short enough to sit beside the chart; the legend and the tooltips give it in full.
    static func endLabel(_ name: String) -> String { name.count <= 16 ? name : String(name.prefix(15)) + "…" }

    static func title(_ sweep: WeightSweep, section: SensitivitySection) -> String {
        "\(section.report.names.criterion(sweep.criterion)): totals as its weight goes from 0% to 100%"
    }

    /// Who is first over each stretch of weights, in words. Ties that hold at a single weight
    /// are the crossovers, marked on the chart.
    static func description(_ sweep: WeightSweep, section: SensitivitySection) -> String {
        let names = section.report.names
        let lasting = sweep.segments.filter { $0.interval.from != $0.interval.to }
        let segments = (lasting.isEmpty ? sweep.segments : lasting).map { segment in
            segment.leaders.map(names.option).joined(separator: " and ")
                + " first from \(percent(segment.interval.from)) to \(percent(segment.interval.to))"
        }
        let shown = drawn(sweep).count
        let note = shown < sweep.optionIDs.count ? " " + omittedNote(shown, of: sweep.optionIDs.count) + "." : ""
        return "Weight now \(percent(sweep.current)). \(segments.joined(separator: "; "))." + note
    }

    /// The option colours and dash patterns, shared by every sweep chart.
    static func legend(_ section: SensitivitySection) -> String {
        var out = "<ul class=\"legend\" aria-label=\"Colour of each option in the sweep charts\">\n"
        let drawn = Set(section.report.sweeps.flatMap(SweepChart.drawn))
        for (index, option) in section.report.optionIDs.enumerated() where drawn.contains(index) {
            out += "<li><svg width=\"32\" height=\"14\" aria-hidden=\"true\"><line x1=\"1\" y1=\"7\" x2=\"31\" y2=\"7\" stroke-width=\"3\" "
                + "stroke=\"\(ChartPalette.option(index))\"\(ChartPalette.dashAttribute(index))/></svg>"
                + "\(HTML.escape(section.report.names.option(option)))</li>\n"
        }
        return out + "</ul>\n"
    }

    static func percent(_ weight: Rational) -> String { Formatting.share(weight) }
}
