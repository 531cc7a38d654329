import AppraiseKit

/// The totals as horizontal bars in rank order, each split into what every criterion
/// contributes, drawn as inline SVG so the page needs nothing from the network.
enum TotalsChart {
    static func colour(_ criterion: Int) -> String { ChartPalette.criterion(criterion) }

    static let width = 760.0, labelWidth = 220.0, totalWidth = 70.0, rowHeight = 30.0, barHeight = 20.0, axisHeight = 46.0

    /// `published` adds, after an option's total, what the publication said where it differs:
    /// "(published 24/40, 4th)".
    static func svg(_ pack: ReportPack, published: [String: String] = [:]) -> String {
        let entries = pack.ranking.entries
        let criteria = pack.appraisal.criteria
        let maximum = entries.first?.maximum ?? .one
        let low = entries.map { $0.contributions.filter(\.isNegative).sum() }.min().map { min($0, .zero) } ?? .zero
        let high = max(maximum, entries.map { $0.contributions.filter { !$0.isNegative }.sum() }.max() ?? .zero)
        let span = (high - low).isZero ? Rational.one : high - low
        let plotWidth = width - labelWidth - totalWidth
        func x(_ value: Rational) -> Double { labelWidth + ((value - low) / span).doubleValue * plotWidth }
        let shown = entries.prefix(ReportPack.optionsInFull), rest = entries.dropFirst(shown.count)
        let height = Double(shown.count + (rest.isEmpty ? 0 : 1)) * rowHeight + axisHeight
        let label = { (id: String) in pack.appraisal.option(id)?.label ?? id }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-labelledby=\"totals-chart-title totals-chart-desc\">\n"
        out += "<title id=\"totals-chart-title\">\(HTML.escape(title(pack)))</title>\n"
        out += "<desc id=\"totals-chart-desc\">\(HTML.escape(description(pack)))</desc>\n"
        for step in 0...4 {
            let value = low + span * Rational(step) / Rational(4)
            let position = n(x(value))
            out += "<line class=\"grid\" x1=\"\(position)\" y1=\"0\" x2=\"\(position)\" y2=\"\(n(height - axisHeight))\"/>"
            out += "<text class=\"tick\" x=\"\(position)\" y=\"\(n(height - axisHeight + 18))\" text-anchor=\"middle\">\(Formatting.number(value))</text>\n"
        }
        out += "<text class=\"axis-title\" x=\"\(n(labelWidth + plotWidth / 2))\" y=\"\(n(height - 4))\" text-anchor=\"middle\">"
            + "Total, points out of \(Formatting.number(maximum))</text>\n"
        for (row, entry) in shown.enumerated() {
            let top = Double(row) * rowHeight + (rowHeight - barHeight) / 2
            out += "<g class=\"bar\" data-option=\"\(HTML.escape(entry.option))\">"
            out += "<text class=\"label\" x=\"\(n(labelWidth - 8))\" y=\"\(n(top + barHeight * 0.72))\" text-anchor=\"end\">"
                + "\(HTML.escape(shortened(label(entry.option))))</text>"
            var positive = Rational.zero, negative = Rational.zero
            for (index, contribution) in entry.contributions.enumerated() where !contribution.isZero {
                let start: Rational
                if contribution.isNegative {
                    negative += contribution
                    start = negative
                } else {
                    start = positive
                    positive += contribution
                }
                let segmentWidth = x(start + (contribution.isNegative ? -contribution : contribution)) - x(start)
                out += "<rect x=\"\(n(x(start)))\" y=\"\(n(top))\" width=\"\(n(segmentWidth))\" height=\"\(n(barHeight))\" fill=\"\(colour(index))\">"
                out += "<title>\(HTML.escape(label(entry.option))), \(HTML.escape(criteria[index].label)): \(Formatting.number(contribution))</title></rect>"
            }
            out += "<text class=\"total\" x=\"\(n(x(positive) + 6))\" y=\"\(n(top + barHeight * 0.72))\">"
                + "\(Formatting.outOf(entry.total, entry.maximum))\(published[entry.option].map { " (" + HTML.escape($0) + ")" } ?? "")</text></g>\n"
        }
        if let first = rest.first, let last = rest.last {
            out += "<text class=\"tick\" x=\"\(n(labelWidth))\" y=\"\(n(Double(shown.count) * rowHeight + rowHeight * 0.6))\">"
                + HTML.escape(restNote(rest.count, from: first.total, to: last.total)) + "</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    static func title(_ pack: ReportPack) -> String { "Totals by criterion under \(pack.selection.name)" }

    /// What the chart shows, in words: its text alternative wherever it is drawn.
    static func description(_ pack: ReportPack) -> String {
        let entries = pack.ranking.entries
        let shown = entries.prefix(ReportPack.optionsInFull), rest = entries.dropFirst(shown.count)
        var listed = shown.map { "\(pack.appraisal.option($0.option)?.label ?? $0.option) \(Formatting.number($0.total))" }.joined(separator: "; ")
        if let first = rest.first, let last = rest.last { listed += ". " + restNote(rest.count, from: first.total, to: last.total) }
        return "Each bar is an option's total out of \(Formatting.number(entries.first?.maximum ?? .one)), in rank order, "
            + "split into the points each criterion contributes: \(listed). The weighted matrix table gives every contribution."
    }

    /// The options beyond `ReportPack.optionsInFull`, counted rather than drawn, so the chart
    /// stays readable and small whatever the number of options.
    static func restNote(_ count: Int, from high: Rational, to low: Rational) -> String {
        "The other \(count) options, with totals from \(Formatting.number(high)) down to \(Formatting.number(low)), are in ranking.csv"
    }

    /// The colour key, as a list so it reads in order and reflows on a narrow screen.
    static func legend(_ criteria: [Criterion]) -> String {
        var out = "<ul class=\"legend\" aria-label=\"Colour of each criterion\">\n"
        for (index, criterion) in criteria.enumerated() {
            out += "<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" fill=\"\(colour(index))\"/></svg>"
                + "\(HTML.escape(criterion.label))</li>\n"
        }
        return out + "</ul>\n"
    }

    /// Long names cut to fit beside the bars; the full name is in each segment's tooltip.
    static func shortened(_ text: String) -> String {
        text.count <= 32 ? text : String(text.prefix(31)) + "…"
    }

    /// A coordinate with one decimal, written the same on every platform.
    static func n(_ value: Double) -> String {
        let text = fixedDecimal(value, places: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
