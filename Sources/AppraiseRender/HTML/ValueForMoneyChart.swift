import AppraiseKit

/// The benefit–cost chart: each option a labelled point (net present cost across, points up),
/// the efficient frontier drawn through the options on it, dominated options hollow and grey.
/// Colours are SVG attributes, so the chart needs no style of its own, and the what-if
/// sliders move it: its script recomputes the points and the frontier as the weights change.
enum ValueForMoneyChart {
    static let width = 760.0, height = 420.0, left = 90.0, right = 50.0, top = 20.0, bottom = 50.0

    struct Scale {
        let low: Double, high: Double, maximum: Double
        /// Round money values for the cost axis, from `low` to `high`.
        let ticks: [Rational]
        func x(_ cost: Double) -> Double { left + (cost - low) / (high - low) * (width - left - right) }
        func y(_ points: Double) -> Double { height - bottom - points / maximum * (height - top - bottom) }
    }

    static func scale(_ vfm: ValueForMoney) -> Scale {
        let costs = vfm.rows.compactMap { $0.cost.netPresentCost.flatMap { Rational(decimal: $0.formatted(places: 0)) } }
        let ticks = ChartTicks.nice(low: min(.zero, costs.min() ?? .zero), high: max(costs.max() ?? .one, .zero))
        return Scale(low: ticks.first!.doubleValue, high: ticks.last!.doubleValue, maximum: max(vfm.maximum.doubleValue, 1), ticks: ticks)
    }

    /// Where each point's label goes: beside it where it fits, clear of the other labels and
    /// points and inside the plot; otherwise a number, explained in a key under the chart.
    /// Options at the same place share one label. Widths are estimated from the characters.
    struct Label {
        let text: String
        let dx: Double, dy: Double
        let anchor: String
        /// The names a number stands for, for the key; empty for a label in words.
        let key: [String]
    }

    static func labels(_ placed: [(x: Double, y: Double, names: [String])]) -> [Label] {
        typealias Box = (x0: Double, y0: Double, x1: Double, y1: Double)
        func overlaps(_ a: Box, _ b: Box) -> Bool { a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }
        let spots: [(dx: Double, dy: Double, anchor: String)] = [(9, -8, "start"), (-9, -8, "end"), (9, 16, "start"), (-9, 16, "end"),
                                                                 (0, -12, "middle"), (0, 22, "middle")]
        let circles = placed.map { Box($0.x - 7, $0.y - 7, $0.x + 7, $0.y + 7) }
        var taken: [Box] = []
        var number = 0
        return placed.enumerated().map { index, point in
            let full = Ordinal.list(point.names)
            func box(_ text: String, _ spot: (dx: Double, dy: Double, anchor: String)) -> Box {
                let w = Double(text.count) * 6.6
                let x0 = point.x + spot.dx - (spot.anchor == "end" ? w : spot.anchor == "middle" ? w / 2 : 0)
                return Box(x0, point.y + spot.dy - 11, x0 + w, point.y + spot.dy + 3)
            }
            func fits(_ b: Box) -> Bool {
                b.x0 >= left - 4 && b.x1 <= width - right + 4 && b.y0 >= top - 4 && b.y1 <= height - bottom
                    && !taken.contains { overlaps($0, b) } && !circles.enumerated().contains { $0.offset != index && overlaps($0.element, b) }
            }
            for words in [full, TotalsChart.shortened(full)] {
                if let spot = spots.first(where: { fits(box(words, $0)) }) {
                    taken.append(box(words, spot))
                    return Label(text: words, dx: spot.dx, dy: spot.dy, anchor: spot.anchor, key: [])
                }
            }
            number += 1
            let text = String(number)
            let spot = spots.first { fits(box(text, $0)) } ?? spots[0]
            taken.append(box(text, spot))
            return Label(text: text, dx: spot.dx, dy: spot.dy, anchor: spot.anchor, key: point.names)
        }
    }

    static func fill(_ status: FrontierStatus?) -> (fill: String, stroke: String) {
        switch status {
        case .efficient?: ("#0072B2", "#0072B2")
        case .dominated?: ("#ffffff", "#999999")
        case .extendedlyDominated?: ("#ffffff", "#D55E00")
        case nil: ("#ffffff", "#999999")
        }
    }

    static func svg(_ vfm: ValueForMoney, appraisal: Appraisal) -> String {
        let scale = scale(vfm)
        let currency = vfm.costing.costing.effectiveCurrency
        let label = { (id: String) in appraisal.option(id)?.label ?? id }
        // Options at the same place share a label, drawn with the first of them.
        var groups: [(x: Double, y: Double, names: [String])] = []
        var groupOf: [String: Int] = [:]
        for row in vfm.rows {
            guard let cost = row.cost.netPresentCost else { continue }
            let x = scale.x(cost.doubleValue), y = scale.y(row.benefit.doubleValue)
            if let same = groups.firstIndex(where: { abs($0.x - x) < 0.05 && abs($0.y - y) < 0.05 }) {
                groups[same].names.append(label(row.option))
                groupOf[row.option] = same
            } else {
                groupOf[row.option] = groups.count
                groups.append((x, y, [label(row.option)]))
            }
        }
        let labels = labels(groups)
        let keyLines = Double(labels.filter { !$0.key.isEmpty }.count)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"vfm-chart\" viewBox=\"0 0 \(n(width)) \(n(height + (keyLines > 0 ? 16 * keyLines + 8 : 0)))\" role=\"img\" "
            + "aria-labelledby=\"vfm-chart-title vfm-chart-desc\">\n"
        out += "<title id=\"vfm-chart-title\">Benefit against whole-life cost under \(HTML.escape(vfm.weights.name))</title>\n"
        let frontier = vfm.frontier.map(label).joined(separator: ", ")
        out += "<desc id=\"vfm-chart-desc\">Each point is an option: net present cost across, weighted points up. The line joins the options on "
            + "the value-for-money frontier (\(HTML.escape(frontier))); hollow points are dominated. The table below gives every figure.</desc>\n"
        for cost in scale.ticks {
            let x = n(scale.x(cost.doubleValue))
            out += "<line x1=\"\(x)\" y1=\"\(n(top))\" x2=\"\(x)\" y2=\"\(n(height - bottom))\" stroke=\"#dddddd\"/>"
            out += "<text x=\"\(x)\" y=\"\(n(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"12\">"
                + "\(HTML.escape(MoneyText.text(BigRational(cost), currency: currency)))</text>\n"
        }
        for step in 0...4 {
            let points = scale.maximum * Double(step) / 4
            let y = n(scale.y(points))
            out += "<line x1=\"\(n(left))\" y1=\"\(y)\" x2=\"\(n(width - right))\" y2=\"\(y)\" stroke=\"#dddddd\"/>"
            out += "<text x=\"\(n(left - 8))\" y=\"\(n(scale.y(points) + 4))\" text-anchor=\"end\" font-size=\"12\">\(fixedDecimal(points, places: 1))</text>\n"
        }
        out += "<text x=\"\(n((left + width - right) / 2))\" y=\"\(n(height - 8))\" text-anchor=\"middle\" font-size=\"13\">Net present cost</text>\n"
        out += "<text x=\"16\" y=\"\(n((top + height - bottom) / 2))\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 16 \(n((top + height - bottom) / 2)))\">"
            + "Points out of \(Formatting.number(vfm.maximum))</text>\n"
        let path = vfm.frontier.compactMap { id -> String? in
            guard let row = vfm.row(id), let cost = row.cost.netPresentCost else { return nil }
            return "\(n(scale.x(cost.doubleValue))),\(n(scale.y(row.benefit.doubleValue)))"
        }
        out += "<polyline id=\"vfm-frontier\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"\(path.joined(separator: " "))\"/>\n"
        var drawn = Set<Int>()
        // Points on the frontier last, so that a filled point is not hidden under a hollow one at its place.
        for row in vfm.rows.filter({ $0.status != .efficient }) + vfm.rows.filter({ $0.status == .efficient }) {
            guard let cost = row.cost.netPresentCost, let group = groupOf[row.option] else { continue }
            let x = scale.x(cost.doubleValue), y = scale.y(row.benefit.doubleValue)
            let colours = fill(row.status)
            out += "<g class=\"vfm-point\" data-option=\"\(HTML.escape(row.option))\">"
            out += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"6\" fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\" stroke-width=\"2\"/>"
            if drawn.insert(group).inserted {
                let text = labels[group]
                out += "<text x=\"\(n(x + text.dx))\" y=\"\(n(y + text.dy))\" data-dy=\"\(n(text.dy))\" font-size=\"12\""
                    + "\(text.anchor == "start" ? "" : " text-anchor=\"\(text.anchor)\"")>\(HTML.escape(text.text))</text>"
            }
            out += "</g>\n"
        }
        let key = labels.filter { !$0.key.isEmpty }
        for (line, entry) in key.enumerated() {
            out += "<text class=\"vfm-key\" x=\"\(n(left))\" y=\"\(n(height + 16 * Double(line) + 12))\" font-size=\"12\">"
                + "\(HTML.escape(entry.text)): \(HTML.escape(Ordinal.list(entry.key)))</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// What the script needs to move the chart: each option's cost as a plot position and the
    /// vertical scale. Costs do not change with the weights, so they are placed once here.
    static func data(_ vfm: ValueForMoney) -> JSONValue {
        let scale = scale(vfm)
        return .object([
            "x": .array(vfm.rows.map { row in row.cost.netPresentCost.map { .number(n(scale.x($0.doubleValue))) } ?? .null }),
            "cost": .array(vfm.rows.map { row in row.cost.netPresentCost.map { .number($0.formatted(places: 2)) } ?? .null }),
            "top": .number(n(top)), "bottom": .number(n(height - bottom)),
        ])
    }

    /// Moves the points and redraws the frontier whenever a what-if slider moves. Plot positions
    /// are approximate (floating point); the exact analysis is in the tables.
    static let script = #"""
(function () {
  "use strict";
  var chart = document.getElementById("vfm-chart");
  var holder = document.getElementById("vfm-data");
  if (!chart || !holder) { return; }
  var vfm = JSON.parse(holder.textContent);
  var whatif = JSON.parse(document.getElementById("whatif-data").textContent);
  var sliders = Array.prototype.slice.call(document.querySelectorAll("#what-if input[type=range]"));
  var groups = Array.prototype.slice.call(chart.querySelectorAll(".vfm-point"));
  var note = document.getElementById("vfm-status");
  var count = whatif.criteria.length, scale = Number(whatif.scoreScale), maximum = Number(whatif.scaleMaximum) / scale * count;
  function redraw() {
    var weights = sliders.map(function (slider) { return Number(slider.value); });
    var sum = weights.reduce(function (a, b) { return a + b; }, 0);
    if (sum === 0) { return; }
    var points = whatif.scores.map(function (row) {
      return count * row.reduce(function (total, score, j) { return total + Number(score) * weights[j]; }, 0) / (scale * sum);
    });
    var known = points.map(function (_, i) { return i; }).filter(function (i) { return vfm.cost[i] !== null; });
    known.sort(function (a, b) { return Number(vfm.cost[a]) - Number(vfm.cost[b]) || points[b] - points[a] || a - b; });
    var hull = [];
    known.forEach(function (i) {
      if (hull.length && points[i] <= points[hull[hull.length - 1]]) { return; }
      while (hull.length >= 2) {
        var a = hull[hull.length - 2], m = hull[hull.length - 1];
        var left = (Number(vfm.cost[m]) - Number(vfm.cost[a])) * (points[i] - points[m]);
        var right = (Number(vfm.cost[i]) - Number(vfm.cost[m])) * (points[m] - points[a]);
        if (left > right) { hull.pop(); } else { break; }
      }
      hull.push(i);
    });
    function y(value) { return Number(vfm.bottom) - value / maximum * (Number(vfm.bottom) - Number(vfm.top)); }
    var onFrontier = {};
    hull.forEach(function (i) { onFrontier[i] = true; });
    var byOption = {};
    groups.forEach(function (group) { byOption[group.getAttribute("data-option")] = group; });
    whatif.options.forEach(function (option, i) {
      var group = byOption[option.id];
      if (vfm.cost[i] === null || !group) { return; }
      var circle = group.querySelector("circle"), text = group.querySelector("text");
      circle.setAttribute("cy", y(points[i]).toFixed(1));
      if (text) { text.setAttribute("y", (y(points[i]) + Number(text.getAttribute("data-dy"))).toFixed(1)); }
      circle.setAttribute("fill", onFrontier[i] ? "#0072B2" : "#ffffff");
      circle.setAttribute("stroke", onFrontier[i] ? "#0072B2" : "#999999");
    });
    document.getElementById("vfm-frontier").setAttribute("points", hull.map(function (i) {
      return vfm.x[i] + "," + y(points[i]).toFixed(1);
    }).join(" "));
    if (note) {
      note.textContent = "Frontier under the what-if weights: " + hull.map(function (i) { return whatif.options[i].label; }).join(", then ") + ".";
    }
  }
  // The what-if panel announces every change of weights, whether by slider, typed share or reset.
  var panel = document.getElementById("what-if");
  if (panel) { panel.addEventListener("weights-change", redraw); }
})();
"""#

    static func n(_ value: Double) -> String { TotalsChart.n(value) }

    /// The chart and the line the script writes into; the findings and tables are the report document's.
    static func figure(_ pack: ReportPack, vfm: ValueForMoney) -> String {
        var out = "<figure>\n" + svg(vfm, appraisal: pack.appraisal)
        out += "<figcaption>Benefit against whole-life cost under \(HTML.escape(vfm.weights.name)): filled points are on the frontier, "
            + "hollow grey ones are dominated, hollow orange ones are ruled out by extended dominance. Move the what-if sliders to see the chart "
            + "under other weights.</figcaption>\n</figure>\n"
        return out + "<p class=\"note\" id=\"vfm-status\" role=\"status\" aria-live=\"polite\"></p>\n"
    }
}
