import AppraiseKit

/// The budget frontier as an SVG step chart: budget across, best benefit up, the file's
/// budget as a vertical line, and what funding by benefit per pound buys there as a point.
enum FrontierChart {
    /// Room on the left for the benefit ticks and the axis title, on the right for half the
    /// last budget label (it is centred on its tick).
    static let width = 760.0, height = 320.0, left = 78.0, right = 48.0, top = 16.0, bottom = 44.0

    static func svg(_ frontier: BudgetFrontier, budget: Rational?, greedy: Rational?) -> String {
        let steps = frontier.steps
        let lastBudget = max(steps.last!.budget, budget ?? .zero)
        // Round ticks, the last one beyond the last step so that its level shows.
        let xTicks = ChartTicks.nice(low: .zero, high: lastBudget.isZero ? .one : lastBudget * Rational(21, 20))
        let xMax = xTicks.last!
        let yTicks = ChartTicks.nice(low: min(steps.first!.benefit, .zero), high: max(steps.last!.benefit, .one))
        let yMin = yTicks.first!, yMax = yTicks.last!
        func x(_ value: Rational) -> Double { left + (value / xMax).doubleValue * (width - left - right) }
        func y(_ value: Rational) -> Double { top + (1 - ((value - yMin) / (yMax - yMin)).doubleValue) * (height - top - bottom) }
        let n = TotalsChart.n
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-labelledby=\"frontier-title frontier-desc\">\n"
        out += "<title id=\"frontier-title\">Budget frontier: best benefit by \(HTML.escape(frontier.measure.name.lowercased()))</title>\n"
        let listed = steps.map { "from \(ProgrammeText.amount($0.budget, frontier.measure)): \($0.benefit.decimalText(maximumPlaces: 2))" }.joined(separator: "; ")
        out += "<desc id=\"frontier-desc\">\(HTML.escape(listed)). The frontier table below lists every step.</desc>\n"
        for value in xTicks {
            out += "<line class=\"grid\" x1=\"\(n(x(value)))\" y1=\"\(n(top))\" x2=\"\(n(x(value)))\" y2=\"\(n(height - bottom))\"/>"
            out += "<text class=\"tick\" x=\"\(n(x(value)))\" y=\"\(n(height - bottom + 16))\" text-anchor=\"middle\">\(HTML.escape(ProgrammeText.amount(value, frontier.measure)))</text>\n"
        }
        for value in yTicks {
            out += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(value)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(value)))\"/>"
            out += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\">\(value.decimalText(maximumPlaces: 2))</text>\n"
        }
        out += "<text class=\"axis-title\" x=\"\(n((left + width - right) / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">"
            + "Budget (\(HTML.escape(frontier.measure.name.lowercased())))</text>\n"
        let middle = (top + height - bottom) / 2
        out += "<text class=\"axis-title\" x=\"16\" y=\"\(n(middle))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(n(middle)))\">Best benefit (points)</text>\n"
        var path = "M\(n(x(steps[0].budget))),\(n(y(steps[0].benefit)))"
        for (index, step) in steps.enumerated() where index > 0 {
            path += " H\(n(x(step.budget))) V\(n(y(step.benefit)))"
        }
        path += " H\(n(x(xMax)))"
        out += "<path class=\"frontier\" d=\"\(path)\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>\n"
        for step in steps {
            out += "<circle cx=\"\(n(x(step.budget)))\" cy=\"\(n(y(step.benefit)))\" r=\"3\" fill=\"#0072B2\"><title>\(HTML.escape(ProgrammeText.amount(step.budget, frontier.measure))): \(step.benefit.decimalText(maximumPlaces: 2))</title></circle>\n"
        }
        if let budget {
            // The budget's label runs leftwards when it would pass the right edge.
            let leftwards = x(budget) > width - right - 130
            out += "<line x1=\"\(n(x(budget)))\" y1=\"\(n(top))\" x2=\"\(n(x(budget)))\" y2=\"\(n(height - bottom))\" stroke=\"#D55E00\" stroke-dasharray=\"4 3\"/>"
            out += "<text class=\"tick\" x=\"\(n(x(budget) + (leftwards ? -4 : 4)))\" y=\"\(n(top + 12))\"\(leftwards ? " text-anchor=\"end\"" : "")>"
                + "budget \(HTML.escape(ProgrammeText.amount(budget, frontier.measure)))</text>\n"
            if let greedy {
                out += "<circle cx=\"\(n(x(budget)))\" cy=\"\(n(y(greedy)))\" r=\"5\" fill=\"none\" stroke=\"#D55E00\" stroke-width=\"2\"><title>By benefit per unit: \(greedy.decimalText(maximumPlaces: 2))</title></circle>\n"
            }
        }
        return out + "</svg>\n"
    }
}
