import AppraiseKit

/// The page's charts as files of their own, for committee papers and the Word report: each
/// standalone SVG carries its title, its description and its own style, so it draws the same
/// opened alone, placed in a document, or printed.
public struct ChartFile: Sendable, Equatable {
    /// File name inside the pack, e.g. `chart-totals.svg`.
    public let fileName: String
    public let title: String
    /// The chart in words: its text alternative everywhere it appears.
    public let description: String
    public let width: Double
    public let height: Double
    public let svg: String
    /// The same chart as drawn inside the page, which sizes and styles it.
    public let pageSVG: String
}

extension ReportPack {
    /// Every chart of the report, in reading order.
    public var chartFiles: [ChartFile] {
        var charts = [ChartFile.standalone(
            fileName: "chart-totals.svg", title: TotalsChart.title(self), description: TotalsChart.description(self),
            svg: TotalsChart.svg(self, published: publishedDifferences))]
        let count = Rational(matrix.criterionCount)
        for (index, sweep) in sensitivity.report.sweeps.enumerated() {
            charts.append(.standalone(
                fileName: "chart-sweep-\(appraisal.criteria[index].id).svg", title: SweepChart.title(sweep, section: sensitivity),
                description: SweepChart.description(sweep, section: sensitivity),
                svg: SweepChart.svg(sweep, index: index, section: sensitivity, maximum: count * matrix.scale.maximum,
                                    minimum: count * matrix.scale.minimum)))
        }
        if let programme, let frontier = programme.frontier, !frontier.steps.isEmpty {
            charts.append(.standalone(
                fileName: "chart-frontier.svg", title: "Budget frontier: the best benefit at every budget",
                description: "Each step is the least \(frontier.measure.name.lowercasedFirst) that buys a better programme; the dashed line is the budget.",
                svg: FrontierChart.svg(frontier, budget: programme.problem.budgets.first { $0.measure == frontier.measure.id && $0.year == nil }?.limit,
                                       greedy: programme.greedyAtBudget.map { ids in
                                           ids.compactMap { id in programme.problem.proposals.first { $0.id == id }?.benefit }.sum()
                                       })))
        }
        charts.append(.standalone(
            fileName: "chart-rank-acceptability.svg", title: RankAcceptabilityChart.title(sensitivity),
            description: RankAcceptabilityChart.description(sensitivity), svg: RankAcceptabilityChart.svg(sensitivity)))
        return charts
    }
}

extension ChartFile {
    /// The chart's style, written into each file because a standalone SVG has no page around it.
    static let style = ".grid { stroke: #d0d7de; stroke-width: 1; } "
        + ".tick, .total, .axis-title { fill: #57606a; } .label { fill: #1b1f24; } rect { stroke: #fff; stroke-width: 1; } "
        + ".line { stroke-width: 2; fill: none; } .leader { stroke-width: 4; } "
        + ".axis { stroke: #1b1f24; stroke-width: 1.5; } .connector { stroke-width: 1.5; } .end-label { fill: #1b1f24; font-size: 11px; } .current { stroke: #1b1f24; stroke-width: 1.5; stroke-dasharray: 4 3; } .crossover { fill: #fff; stroke: #a40e26; stroke-width: 2; }"

    /// Turns a chart drawn for the page (sized by CSS, styled by the page) into a file: an XML
    /// declaration, a size of its own from the view box, and the style inside it.
    static func standalone(fileName: String, title: String, description: String, svg: String) -> ChartFile {
        let box = viewBox(svg)
        var text = svg
        if let open = text.range(of: "<svg ") {
            text.replaceSubrange(open, with: "<svg width=\"\(TotalsChart.n(box.width))\" height=\"\(TotalsChart.n(box.height))\" "
                + "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" ")
        }
        if let endOfTag = text.range(of: ">\n") {
            text.insert(contentsOf: "<style>\(style)</style>\n", at: endOfTag.upperBound)
        }
        return ChartFile(fileName: fileName, title: title, description: description, width: box.width, height: box.height,
                         svg: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text, pageSVG: svg)
    }

    private static func viewBox(_ svg: String) -> (width: Double, height: Double) {
        guard let start = svg.range(of: "viewBox=\"0 0 "), let end = svg[start.upperBound...].firstIndex(of: "\"") else { return (760, 400) }
        let parts = svg[start.upperBound..<end].split(separator: " ").compactMap { Double($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (760, 400)
    }
}
