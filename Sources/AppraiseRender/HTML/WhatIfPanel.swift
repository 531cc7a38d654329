import AppraiseKit

/// The what-if panel: a slider per criterion and a ranking the page recomputes as they move.
///
/// The page must rank exactly as the library does, ties included, so the script works in whole
/// numbers only: weights are slider points (the appraisal's weights scaled to whole numbers)
/// and scores are scaled to whole numbers by a common factor; totals compare as integers.
struct WhatIfPanel {
    let pack: ReportPack

    /// The appraisal's weights as whole slider points in the same proportions, at least 10 for
    /// the heaviest so that a slider has room to move in small steps.
    var points: [BigInt] {
        let entered = pack.selection.weights.entered
        let factor = entered.reduce(BigInt(1)) { lcm($0, $1.denominator) }
        var whole = entered.map { $0.numerator * (factor / $0.denominator) }
        let divisor = whole.reduce(BigInt(0)) { gcd($0, $1) }
        if divisor > 1 { whole = whole.map { $0 / divisor } }
        let heaviest = whole.max() ?? 1
        if heaviest < 10 { whole = whole.map { $0 * ((10 + heaviest - 1) / heaviest) } }
        return whole
    }

    /// The factor that makes every score and the scale's maximum whole numbers.
    var scoreFactor: BigInt {
        let values = pack.matrix.scores.flatMap { $0 } + [pack.matrix.scale.maximum]
        return values.reduce(BigInt(1)) { lcm($0, $1.denominator) }
    }

    var data: JSONValue {
        let factor = Rational(scoreFactor, 1)
        let whole = { (value: Rational) in JSONValue.number((value * factor).numerator.description) }
        return .object([
            "criteria": .array(zip(pack.appraisal.criteria, points).enumerated().map { index, pair in
                .object(["id": .string(pair.0.id), "label": .string(pair.0.label), "points": .number(pair.1.description),
                         "colour": .string(ChartPalette.criterion(index))])
            }),
            "options": .array(pack.matrix.optionIDs.map { option in
                .object(["id": .string(option), "label": .string(pack.appraisal.option(option)?.label ?? option),
                         "rank": .number(pack.ranking.entry(for: option)!.rank)])
            }),
            "scores": .array(pack.matrix.scores.map { row in .array(row.map(whole)) }),
            "scoreScale": .number(scoreFactor.description),
            "scaleMaximum": whole(pack.matrix.scale.maximum),
            "maximumText": .string(Formatting.number(pack.ranking.entries.first?.maximum ?? .zero)),
            "sliderMaximum": .number(sliderMaximum.description),
            "appraisalFile": .string(pack.appraisal.id + ".json"),
            "weightSetName": .string(pack.selection.name),
        ])
    }

    /// Three times the heaviest weight: room to triple any criterion with a slider; the share
    /// fields reach any share beyond that.
    var sliderMaximum: BigInt { (points.max() ?? 10) * 3 }

    var html: String {
        let criteria = pack.appraisal.criteria
        let points = points
        let total = points.reduce(0, +)
        var out = "<section id=\"what-if\" aria-labelledby=\"what-if-heading\">\n<h2 id=\"what-if-heading\">What if the weights were different?</h2>\n"
        out += "<p>Move a slider to change how much a criterion counts, or type the share of the weight it should carry (such as 40 or 8/15): "
            + "that criterion then has exactly that share and the others keep their proportions. The ranking and the charts are recomputed at once, "
            + "exactly as this report computes them. Every other table in this report keeps \(HTML.escape(pack.selection.name)).</p>\n"
        out += "<noscript><p>Turn on JavaScript to try other weights.</p></noscript>\n"
        out += "<div class=\"whatif\">\n<fieldset class=\"sliders\">\n<legend>Criterion weights</legend>\n"
        for (index, criterion) in criteria.enumerated() {
            let share = Rational(points[index], total) * Rational(100)
            out += "<div class=\"slider\"><label for=\"weight-\(index)\">\(HTML.escape(criterion.label))</label>"
                + "<input type=\"range\" id=\"weight-\(index)\" min=\"0\" max=\"\(sliderMaximum)\" step=\"1\" value=\"\(points[index])\" "
                + "data-criterion=\"\(HTML.escape(criterion.id))\" aria-describedby=\"share-\(index)\">"
                + "<span class=\"share\"><input type=\"text\" inputmode=\"decimal\" id=\"share-\(index)\" size=\"6\" value=\"\(share.formatted(places: 1))\" "
                + "data-criterion=\"\(HTML.escape(criterion.id))\" aria-label=\"Share of the weight on \(HTML.escape(criterion.label)), in percent or as a fraction\">"
                + "<span aria-hidden=\"true\">%</span></span></div>\n"
        }
        out += "<button type=\"button\" id=\"whatif-reset\">Reset to the appraisal's weights</button>\n"
        out += "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"weights-chart\" class=\"chart\" viewBox=\"0 0 300 \(criteria.count * 24 + 8)\" "
            + "role=\"img\" aria-labelledby=\"weights-chart-title weights-chart-desc\"><title id=\"weights-chart-title\">Share of the weight on each criterion</title>"
            + "<desc id=\"weights-chart-desc\">\(HTML.escape(zip(criteria, points).map { "\($0.label) \(Formatting.share(Rational($1, total)))" }.joined(separator: "; ")))</desc>"
            + "</svg>\n<figcaption>The weights set above as shares of the whole.</figcaption>\n</figure>\n"
        out += "</fieldset>\n"
        out += "<div class=\"whatif-result\">\n<p id=\"whatif-status\" role=\"status\" aria-live=\"polite\">"
            + "The ranking under \(HTML.escape(pack.selection.name)).</p>\n"
        var table = "<table id=\"whatif-ranking\">\n<caption>Ranking under the weights set here</caption>\n<thead><tr><th scope=\"col\" class=\"num\">Rank</th>"
            + "<th scope=\"col\">Option</th><th scope=\"col\" class=\"num\">Total</th><th scope=\"col\" class=\"num\">Percent</th>"
            + "<th scope=\"col\">Change</th></tr></thead>\n<tbody>\n"
        for entry in pack.ranking.entries {
            table += "<tr data-option=\"\(HTML.escape(entry.option))\" data-rank=\"\(entry.rank)\"><td class=\"num\" data-label=\"Rank\">\(Formatting.rank(entry))</td>"
                + "<th scope=\"row\" data-label=\"Option\">\(HTML.escape(pack.appraisal.option(entry.option)?.label ?? entry.option))</th>"
                + "<td class=\"num\" data-label=\"Total\">\(Formatting.outOf(entry.total, entry.maximum))</td>"
                + "<td class=\"num\" data-label=\"Percent\">\(Formatting.percent(entry.percent))</td><td data-label=\"Change\">same</td></tr>\n"
        }
        out += HTML.scrollBox("Ranking under the weights set here", table + "</tbody>\n</table>\n")
        out += "<figure>\n<div class=\"scroll\" role=\"region\" aria-label=\"What-if totals chart\" tabindex=\"0\">\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"whatif-chart\" class=\"chart\" viewBox=\"0 0 580 100\" "
            + "role=\"img\" aria-labelledby=\"whatif-chart-title whatif-chart-desc\"><title id=\"whatif-chart-title\">Totals by criterion under the weights set here</title>"
            + "<desc id=\"whatif-chart-desc\">Each bar is an option's total under the weights set here, split into what each criterion contributes.</desc></svg>\n"
            + "</div>\n<figcaption>Totals under the weights set here, in rank order; colours as in the chart of totals above.</figcaption>\n</figure>\n"
        out += "<h3>Record these weights</h3>\n<p>To keep a weighting, record it in the appraisal file as a weight set, with who and why: "
            + "run the command, or add the JSON to the file's <code>weightSets</code>.</p>\n"
        out += "<label for=\"whatif-command\">As a command</label>\n<textarea id=\"whatif-command\" readonly rows=\"4\" spellcheck=\"false\"></textarea>\n"
            + "<button type=\"button\" id=\"copy-command\">Copy the command</button>\n"
        out += "<label for=\"whatif-json\">As a weight set (JSON)</label>\n<textarea id=\"whatif-json\" readonly rows=\"4\" spellcheck=\"false\"></textarea>\n"
            + "<button type=\"button\" id=\"copy-json\">Copy the JSON</button>\n"
        out += "</div>\n</div>\n</section>\n"
        return out
    }

    private func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { BigInt.greatestCommonDivisor(a, b) }

    private func lcm(_ a: BigInt, _ b: BigInt) -> BigInt { a / gcd(a, b) * b }
}
