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
        let parts = ids.indices.map { i -> String in
            let best = shares[i].indices.max { shares[i][$0] < shares[i][$1] } ?? 0
            return "\(names.option(ids[i])) first in \(percent(shares[i][0])), most often \(Ordinal.text(best + 1)) "
                + "(\(percent(shares[i][best])))"
        }
        return section.rankSharesBasis + ": " + parts.joined(separator: "; ") + "."
    }

    static func svg(_ section: SensitivitySection) -> String {
        let shares = section.rankShares, ids = section.report.optionIDs
        let names = section.report.names
        let m = ids.count
        let n = TotalsChart.n
        let width = labelWidth + Double(m) * cellWidth + 10
        let height = top + Double(m) * rowHeight + axisHeight
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-labelledby=\"rank-chart-title rank-chart-desc\">\n"
        out += "<title id=\"rank-chart-title\">\(HTML.escape(title(section)))</title>\n"
        out += "<desc id=\"rank-chart-desc\">\(HTML.escape(description(section)))</desc>\n"
        for (row, i) in order(shares).enumerated() {
            let base = top + Double(row + 1) * rowHeight - 6
            out += "<line class=\"grid\" x1=\"\(n(labelWidth))\" y1=\"\(n(base))\" x2=\"\(n(width - 10))\" y2=\"\(n(base))\"/>"
            out += "<text class=\"label\" x=\"\(n(labelWidth - 8))\" y=\"\(n(base - 4))\" text-anchor=\"end\">"
                + "\(HTML.escape(TotalsChart.shortened(names.option(ids[i]))))</text>\n"
            for rank in 0..<m {
                let share = shares[i][rank]
                let x = labelWidth + Double(rank) * cellWidth + 8
                let barTop = base - share * barHeight
                if share > 0 {
                    out += "<rect class=\"share\" x=\"\(n(x))\" y=\"\(n(barTop))\" width=\"\(n(cellWidth - 16))\" height=\"\(n(base - barTop))\" fill=\"#0b5cad\">"
                        + "<title>\(HTML.escape(names.option(ids[i]))), \(Ordinal.text(rank + 1)): \(HTML.escape(percent(share)))</title></rect>"
                }
                out += "<text class=\"tick\" x=\"\(n(x + (cellWidth - 16) / 2))\" y=\"\(n(barTop - 3))\" text-anchor=\"middle\">\(share > 0 ? HTML.escape(percent(share)) : "")</text>\n"
            }
        }
        for rank in 0..<m {
            out += "<text class=\"tick\" x=\"\(n(labelWidth + Double(rank) * cellWidth + cellWidth / 2))\" y=\"\(n(height - axisHeight + 16))\" "
                + "text-anchor=\"middle\">\(Ordinal.text(rank + 1))</text>"
        }
        out += "\n<text class=\"axis-title\" x=\"\(n(labelWidth + Double(m) * cellWidth / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">"
            + "Place in the ranking (bar height: share of draws)</text>\n"
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
