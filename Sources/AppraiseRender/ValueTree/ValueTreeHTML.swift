import AppraiseKit

/// The value-tree section of the page: each total stacked by the top branches of the tree,
/// each branch opening to show the sub-totals inside it, then the tree with the reasons for
/// its weights, the swing weighting, the trade-offs and the branch sensitivity.
struct ValueTreeHTML {
    let pack: ReportPack

    var appraisal: Appraisal { pack.appraisal }
    var tree: ValueTree { appraisal.valueTree }

    /// The top of the tree: branches and criteria with no parent, each with the criteria it covers.
    var stacks: [(id: String, criteria: [Int])] {
        tree.children(of: nil).map { ($0.id, tree.criterionIndices(under: $0.id)) }
    }

    /// The stacked chart and the breakdown by branch; the tables are the report document's.
    var figures: String {
        guard !tree.isFlat else { return "" }
        return "<figure>\n" + chart + "<figcaption>Totals stacked by the top branches of the value tree under \(HTML.escape(pack.selection.name)).</figcaption>\n"
            + legend + "</figure>\n" + breakdown
    }

    var legend: String {
        var out = "<ul class=\"legend\" aria-label=\"Colour of each branch\">\n"
        for (index, stack) in stacks.enumerated() {
            out += "<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" fill=\"\(TotalsChart.colour(index))\"/></svg>"
                + "\(HTML.escape(ValueTreeRenderer.label(appraisal, stack.id)))</li>\n"
        }
        return out + "</ul>\n"
    }

    var chart: String {
        let entries = pack.ranking.entries
        let maximum = entries.first?.maximum ?? .one
        let width = TotalsChart.width, labelWidth = TotalsChart.labelWidth, rowHeight = TotalsChart.rowHeight, barHeight = TotalsChart.barHeight
        let plotWidth = width - labelWidth - TotalsChart.totalWidth
        let span = maximum.isZero ? Rational.one : maximum
        func x(_ value: Rational) -> Double { labelWidth + (value / span).doubleValue * plotWidth }
        let height = Double(entries.count) * rowHeight + 6
        let n = TotalsChart.n
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-labelledby=\"tree-chart-title\">\n<title id=\"tree-chart-title\">Totals by branch of the value tree</title>\n"
        for (row, entry) in entries.enumerated() {
            let top = Double(row) * rowHeight + (rowHeight - barHeight) / 2
            let name = appraisal.option(entry.option)?.label ?? entry.option
            out += "<g class=\"bar\"><text class=\"label\" x=\"\(n(labelWidth - 8))\" y=\"\(n(top + barHeight * 0.72))\" text-anchor=\"end\">"
                + "\(HTML.escape(TotalsChart.shortened(name)))</text>"
            var start = Rational.zero
            for (index, stack) in stacks.enumerated() {
                let part = stack.criteria.map { entry.contributions[$0] }.sum()
                guard part > .zero else { continue }
                out += "<rect x=\"\(n(x(start)))\" y=\"\(n(top))\" width=\"\(n(x(start + part) - x(start)))\" height=\"\(n(barHeight))\" fill=\"\(TotalsChart.colour(index))\">"
                    + "<title>\(HTML.escape(name)), \(HTML.escape(ValueTreeRenderer.label(appraisal, stack.id))): \(Formatting.number(part))</title></rect>"
                start += part
            }
            out += "<text class=\"total\" x=\"\(n(x(start) + 6))\" y=\"\(n(top + barHeight * 0.72))\">\(Formatting.outOf(entry.total, entry.maximum))</text></g>\n"
        }
        return out + "</svg>\n"
    }

    /// One expandable block per top branch: every option's sub-total in each item under it.
    var breakdown: String {
        var out = ""
        for stack in stacks where tree.item(stack.id)?.isBranch == true {
            let children = tree.children(of: stack.id)
            out += "<details>\n<summary>\(HTML.escape(ValueTreeRenderer.label(appraisal, stack.id))): sub-totals inside the branch</summary>\n"
            let rows = pack.ranking.entries.map { entry -> [String] in
                [appraisal.option(entry.option)?.label ?? entry.option]
                    + children.map { child in Formatting.number(tree.criterionIndices(under: child.id).map { entry.contributions[$0] }.sum()) }
                    + [Formatting.number(stack.criteria.map { entry.contributions[$0] }.sum())]
            }
            let table = Table(id: "branch-\(stack.id)", title: ValueTreeRenderer.label(appraisal, stack.id),
                              columns: [.init("Option")] + children.map { .init(ValueTreeRenderer.label(appraisal, $0.id), .right) } + [.init("Branch", .right)],
                              rows: rows)
            out += HTMLTableRenderer.render(table, rowHeader: 1) + "</details>\n"
        }
        return out
    }
}
