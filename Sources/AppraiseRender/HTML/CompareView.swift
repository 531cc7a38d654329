import AppraiseKit

/// "Why does one option beat another?": pick any two options and see, criterion by criterion,
/// the points each earns and the difference, largest advantage first, as a table and a chart of
/// differences around zero. The page opens on the leader against the next option that scores differently; the script
/// redraws both for any other pair, under the report's weights (as `appraise compare` does).
struct CompareView {
    let pack: ReportPack

    /// The first pair in rank order whose scores differ (two identical options would open on an
    /// empty chart); the first two when every option scores alike.
    var pair: (String, String)? {
        let entries = pack.ranking.entries
        guard entries.count >= 2 else { return nil }
        let row = Dictionary(uniqueKeysWithValues: pack.matrix.optionIDs.enumerated().map { ($1, $0) })
        for (position, first) in entries.enumerated() {
            for second in entries[(position + 1)...] where pack.matrix.scores[row[first.option]!] != pack.matrix.scores[row[second.option]!] {
                return (first.option, second.option)
            }
        }
        return (entries[0].option, entries[1].option)
    }

    var html: String {
        guard let (first, second) = pair,
              let comparison = PairComparison(matrix: pack.matrix, weights: pack.selection.weights, first: first, second: second) else {
            return "<p>There is only one option, so there is nothing to compare.</p>\n"
        }
        var out = "<p>Choose two options to see where one gains on the other under \(HTML.escape(pack.selection.name)): the points each earns on "
            + "each criterion (its score scaled by the criterion's weight), and the difference, the largest advantage first.</p>\n"
        out += "<div class=\"pair\">\n" + select("compare-first", "First option", chosen: first)
            + select("compare-second", "Second option", chosen: second) + "</div>\n"
        out += "<p id=\"compare-summary\" aria-live=\"polite\">\(HTML.escape(ComparisonRenderer.sentence(comparison, appraisal: pack.appraisal)))</p>\n"
        out += "<figure>\n<div class=\"scroll\" role=\"region\" aria-label=\"Difference chart\" tabindex=\"0\">\n" + chart(comparison) + "</div>\n"
            + "<figcaption>Points gained on each criterion: bars to the right favour the first option, to the left the second.</figcaption>\n</figure>\n"
        var table = ComparisonRenderer.table(comparison, appraisal: pack.appraisal)
        table.notes = []
        return out + HTMLTableRenderer.render(table, rowHeader: 0)
    }

    func select(_ id: String, _ label: String, chosen: String) -> String {
        var out = "<div><label for=\"\(id)\">\(label)</label>\n<select id=\"\(id)\">\n"
        for entry in pack.ranking.entries {
            out += "<option value=\"\(HTML.escape(entry.option))\"\(entry.option == chosen ? " selected" : "")>"
                + "\(HTML.escape(pack.appraisal.option(entry.option)?.label ?? entry.option))</option>\n"
        }
        return out + "</select>\n</div>\n"
    }

    static let width = 620.0, labelWidth = 200.0, rowHeight = 26.0, axisHeight = 44.0, valueWidth = 50.0

    /// Bars of the difference per criterion around a zero line, in the order of the table.
    func chart(_ comparison: PairComparison) -> String {
        let n = TotalsChart.n
        let names = DisplayNames(pack.appraisal)
        let height = Double(comparison.rows.count) * Self.rowHeight + Self.axisHeight
        let largest = comparison.rows.map { $0.difference.isNegative ? -$0.difference : $0.difference }.max() ?? .zero
        let scale = largest.isZero ? 1.0 : largest.doubleValue
        let half = (Self.width - Self.labelWidth - 2 * Self.valueWidth) / 2
        let zero = Self.labelWidth + Self.valueWidth + half
        let index = Dictionary(uniqueKeysWithValues: pack.appraisal.criteria.enumerated().map { ($1.id, $0) })
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"compare-chart\" class=\"chart\" viewBox=\"0 0 \(n(Self.width)) \(n(height))\" role=\"img\" "
            + "aria-labelledby=\"compare-chart-title compare-chart-desc\">\n"
        out += "<title id=\"compare-chart-title\">Points gained on each criterion: \(HTML.escape(names.option(comparison.first))) against "
            + "\(HTML.escape(names.option(comparison.second)))</title>\n"
        out += "<desc id=\"compare-chart-desc\">\(HTML.escape(ComparisonRenderer.sentence(comparison, appraisal: pack.appraisal)))</desc>\n"
        out += "<line class=\"axis\" x1=\"\(n(zero))\" y1=\"0\" x2=\"\(n(zero))\" y2=\"\(n(height - Self.axisHeight))\"/>\n"
        for (row, item) in comparison.rows.enumerated() {
            let top = Double(row) * Self.rowHeight + 4
            let length = item.difference.doubleValue / scale * half
            out += "<text class=\"label\" x=\"\(n(Self.labelWidth - 8))\" y=\"\(n(top + 13))\" text-anchor=\"end\">"
                + "\(HTML.escape(TotalsChart.shortened(names.criterion(item.criterion))))</text>"
            out += "<rect x=\"\(n(min(zero, zero + length)))\" y=\"\(n(top))\" width=\"\(n(abs(length)))\" height=\"18\" "
                + "fill=\"\(ChartPalette.criterion(index[item.criterion] ?? row))\"/>"
            let anchor = length < 0 ? "end" : "start"
            out += "<text class=\"total\" x=\"\(n(zero + length + (length < 0 ? -6 : 6)))\" y=\"\(n(top + 13))\" text-anchor=\"\(anchor)\">"
                + "\(ComparisonRenderer.signed(item.difference))</text>\n"
        }
        let base = height - Self.axisHeight
        out += "<text class=\"axis-title\" x=\"\(n(zero + 8))\" y=\"\(n(base + 18))\">\(HTML.escape(TotalsChart.shortened(names.option(comparison.first)))) gains →</text>\n"
        out += "<text class=\"axis-title\" x=\"\(n(zero - 8))\" y=\"\(n(base + 36))\" text-anchor=\"end\">← "
            + "\(HTML.escape(TotalsChart.shortened(names.option(comparison.second)))) gains</text>\n"
        return out + "</svg>\n"
    }
}
