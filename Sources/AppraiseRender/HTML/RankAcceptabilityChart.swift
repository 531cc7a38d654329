import AppraiseKit

/// How often each option takes each place in the SMAA simulation, drawn as MCDA Web draws rank
/// acceptability: a row per option, a bar per place whose height is the share of draws, with
/// the share written above it, so no colour has to be decoded.
enum RankAcceptabilityChart {
    static let labelWidth = 210.0, cellWidth = 58.0, rowHeight = 54.0, barHeight = 34.0, top = 8.0, axisHeight = 44.0

    static func title(_ section: SensitivitySection) -> String { "How often each option takes each place" }

    static func description(_ section: SensitivitySection) -> String {
        let shares = section.rankShares, ids = section.report.optionIDs
        let names = section.report.names
        let grid = Grid(section), shown = Set(grid.optionIndices)
        var parts = ids.indices.filter(shown.contains).map { i -> String in
            let best = shares[i].indices.max { shares[i][$0] < shares[i][$1] } ?? 0
            return "\(names.option(ids[i])) first in \(percent(shares[i][0])), most often \(Ordinal.text(best + 1)) "
                + "(\(percent(shares[i][best])))"
        }
        if let rest = grid.rows.dropFirst(grid.optionIndices.count).first {
            parts.append("\(rest.name) together first in \(percent(rest.shares[0])); every option's share of every place is in smaa-ranks.csv")
        }
        return section.rankSharesBasis + ": " + parts.joined(separator: "; ") + "."
    }

    /// What the chart draws: every option and place up to `ReportPack.optionsInFull` options;
    /// beyond that the leading options in the table's order and their places one by one, the
    /// other options together in one row and the later places together in one column, so the
    /// chart stays readable and small whatever the number of options.
    struct Grid {
        /// Rows in drawing order: a name (or "Other N options") and its share of each column
        /// (the other options' row has no share of the later places).
        var rows: [(name: String, shares: [Double])]
        /// Column labels: "1st", "2nd", … and, at scale, "31st+".
        var places: [String]
        /// The options drawn one by one, as indices into the report's options, in drawing order.
        var optionIndices: [Int]
        /// How many places are drawn one by one (the rest, at scale, is the one column of later places).
        var options: Int

        init(_ section: SensitivitySection) {
            let shares = section.rankShares, ids = section.report.optionIDs, names = section.report.names
            let order = RankAcceptabilityChart.order(shares)
            let shown = min(order.count, ReportPack.optionsInFull)
            let later = order.count - shown
            func folded(_ row: [Double]) -> [Double] {
                later == 0 ? row : Array(row.prefix(shown)) + [row.dropFirst(shown).reduce(0, +)]
            }
            rows = order.prefix(shown).map { (names.option(ids[$0]), folded(shares[$0])) }
            places = (0..<shown).map { Ordinal.text($0 + 1) }
            options = shown
            optionIndices = Array(order.prefix(shown))
            if later > 0 {
                // How often each of the leading places goes to one of the others; their later
                // places together are no share of draws, so that cell stays empty.
                var together = Array(repeating: 0.0, count: shown)
                for i in order.dropFirst(shown) {
                    for place in 0..<shown { together[place] += shares[i][place] }
                }
                rows.append(("Other \(later) options", together))
                places.append(Ordinal.text(shown + 1) + "+")
            }
        }
    }

    static func svg(_ section: SensitivitySection) -> String {
        let grid = Grid(section)
        let rows = grid.rows.count, columns = grid.places.count
        let n = TotalsChart.n
        let width = labelWidth + Double(columns) * cellWidth + 10
        let height = top + Double(rows) * rowHeight + axisHeight
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-labelledby=\"rank-chart-title rank-chart-desc\">\n"
        out += "<title id=\"rank-chart-title\">\(HTML.escape(title(section)))</title>\n"
        out += "<desc id=\"rank-chart-desc\">\(HTML.escape(description(section)))</desc>\n"
        for (row, entry) in grid.rows.enumerated() {
            let base = top + Double(row + 1) * rowHeight - 6
            out += "<line class=\"grid\" x1=\"\(n(labelWidth))\" y1=\"\(n(base))\" x2=\"\(n(width - 10))\" y2=\"\(n(base))\"/>"
            out += "<text class=\"label\" x=\"\(n(labelWidth - 8))\" y=\"\(n(base - 4))\" text-anchor=\"end\">"
                + "\(HTML.escape(TotalsChart.shortened(entry.name)))</text>\n"
            for (rank, share) in entry.shares.enumerated() {
                let x = labelWidth + Double(rank) * cellWidth + 8
                let barTop = base - share * barHeight
                if share > 0 {
                    out += "<rect class=\"share\" x=\"\(n(x))\" y=\"\(n(barTop))\" width=\"\(n(cellWidth - 16))\" height=\"\(n(base - barTop))\" fill=\"#0b5cad\">"
                        + "<title>\(HTML.escape(entry.name)), \(grid.places[rank]): \(HTML.escape(percent(share)))</title></rect>"
                }
                out += "<text class=\"tick\" x=\"\(n(x + (cellWidth - 16) / 2))\" y=\"\(n(barTop - 3))\" text-anchor=\"middle\">\(share > 0 ? HTML.escape(percent(share)) : "")</text>\n"
            }
        }
        for (rank, place) in grid.places.enumerated() {
            out += "<text class=\"tick\" x=\"\(n(labelWidth + Double(rank) * cellWidth + cellWidth / 2))\" y=\"\(n(height - axisHeight + 16))\" "
                + "text-anchor=\"middle\">\(place)</text>"
        }
        let later = grid.places.count > grid.options ? "; \(grid.places[grid.options]): every later place together" : ""
        out += "\n<text class=\"axis-title\" x=\"\(n(labelWidth + Double(columns) * cellWidth / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">"
            + "Place in the ranking (bar height: share of draws\(later))</text>\n"
        return out + "</svg>\n"
    }

    /// Options in the order of the SMAA table: most often first, then second, and so on.
    static func order(_ shares: [[Double]]) -> [Int] {
        shares.indices.sorted { a, b in
            let (left, right) = (shares[a], shares[b])
            for rank in left.indices where left[rank] != right[rank] { return left[rank] > right[rank] }
            return a < b
        }
    }

    /// A share as a whole percentage, "<1%" for a share too small to round to one.
    static func percent(_ share: Double) -> String {
        let value = share * 100
        if value > 0 && value < 0.5 { return "<1%" }
        return fixedDecimal(value, places: 0) + "%"
    }
}
