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
            "criteria": .array(zip(pack.appraisal.criteria, points).map { criterion, points in
                .object(["id": .string(criterion.id), "label": .string(criterion.label), "points": .number(points.description)])
            }),
            "options": .array(pack.matrix.optionIDs.map { option in
                .object(["id": .string(option), "label": .string(pack.appraisal.option(option)?.label ?? option),
                         "rank": .number(pack.ranking.entry(for: option)!.rank)])
            }),
            "scores": .array(pack.matrix.scores.map { row in .array(row.map(whole)) }),
            "scoreScale": .number(scoreFactor.description),
            "scaleMaximum": whole(pack.matrix.scale.maximum),
            "maximumText": .string(Formatting.number(pack.ranking.entries.first?.maximum ?? .zero)),
        ])
    }

    var html: String {
        let criteria = pack.appraisal.criteria
        let points = points
        let sliderMaximum = (points.max() ?? 10) * 3
        let total = points.reduce(0, +)
        var out = "<section id=\"what-if\" aria-labelledby=\"what-if-heading\">\n<h2 id=\"what-if-heading\">What if the weights were different?</h2>\n"
        out += "<p>Move a slider to change how much a criterion counts. The ranking beside the sliders is recomputed at once, "
            + "exactly as appraise computes it; weights are relative points, so only their shares matter. "
            + "Every other table in this report keeps \(HTML.escape(pack.selection.name)).</p>\n"
        out += "<noscript><p>Turn on JavaScript to try other weights.</p></noscript>\n"
        out += "<div class=\"whatif\">\n<fieldset class=\"sliders\">\n<legend>Criterion weights (points)</legend>\n"
        for (index, criterion) in criteria.enumerated() {
            let share = Formatting.share(Rational(points[index], total))
            out += "<div class=\"slider\"><label for=\"weight-\(index)\">\(HTML.escape(criterion.label))</label>"
                + "<input type=\"range\" id=\"weight-\(index)\" min=\"0\" max=\"\(sliderMaximum)\" step=\"1\" value=\"\(points[index])\" "
                + "data-criterion=\"\(HTML.escape(criterion.id))\" aria-describedby=\"share-\(index)\">"
                + "<output id=\"share-\(index)\" for=\"weight-\(index)\">\(share)</output></div>\n"
        }
        out += "<button type=\"button\" id=\"whatif-reset\">Reset to the appraisal's weights</button>\n</fieldset>\n"
        out += "<div class=\"whatif-result\">\n<p id=\"whatif-status\" role=\"status\" aria-live=\"polite\">"
            + "The ranking under \(HTML.escape(pack.selection.name)).</p>\n"
        out += "<table id=\"whatif-ranking\">\n<caption>Ranking under the weights set above</caption>\n<thead><tr><th scope=\"col\" class=\"num\">Rank</th>"
            + "<th scope=\"col\">Option</th><th scope=\"col\" class=\"num\">Total</th><th scope=\"col\" class=\"num\">Percent</th>"
            + "<th scope=\"col\">Change</th></tr></thead>\n<tbody>\n"
        for entry in pack.ranking.entries {
            out += "<tr data-option=\"\(HTML.escape(entry.option))\" data-rank=\"\(entry.rank)\"><td class=\"num\">\(Formatting.rank(entry))</td>"
                + "<th scope=\"row\">\(HTML.escape(pack.appraisal.option(entry.option)?.label ?? entry.option))</th>"
                + "<td class=\"num\">\(Formatting.outOf(entry.total, entry.maximum))</td><td class=\"num\">\(Formatting.percent(entry.percent))</td>"
                + "<td>same</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n</div>\n</section>\n"
        return out
    }

    private func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { BigInt.greatestCommonDivisor(a, b) }

    private func lcm(_ a: BigInt, _ b: BigInt) -> BigInt { a / gcd(a, b) * b }
}
