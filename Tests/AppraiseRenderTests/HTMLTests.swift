import AppraiseKit
@testable import AppraiseRender
import Foundation
import XCTest

/// report.html: one self-contained, accessible page where no appraisal text can run or break
/// the markup, and whose what-if panel ranks exactly as the library does.
final class HTMLTests: XCTestCase {
    private func between(_ text: String, _ start: String, _ end: String) throws -> String {
        let from = try XCTUnwrap(text.range(of: start), "no \(start)").upperBound
        let to = try XCTUnwrap(text.range(of: end, range: from..<text.endIndex), "no \(end) after \(start)").lowerBound
        return String(text[from..<to])
    }

    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testThePageIsSelfContained() throws {
        let html = try PackFixtures.reference().html
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        XCTAssertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        for forbidden in ["<link", " src=", "@import", "url(", "<iframe", "<object", "<embed", "<img"] {
            XCTAssertFalse(html.contains(forbidden), "the page must not load anything: found \(forbidden)")
        }
        XCTAssertEqual(count("http://", in: html) + count("https://", in: html), count("\"http://www.w3.org/2000/svg\"", in: html),
                       "the only URLs are the SVG namespace, in the charts and the script that draws them")
        XCTAssertTrue(html.hasSuffix("</body>\n</html>\n"))
    }

    func testTheSecurityPolicyAllowsOnlyTheEmbeddedScriptAndStyle() throws {
        let html = try PackFixtures.reference().html
        let policy = try between(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">")
        XCTAssertTrue(policy.hasPrefix("default-src 'none'; "))
        let script = try between(html, "<script>", "</script>")
        let style = try between(html, "<style>", "</style>")
        XCTAssertEqual(script, PageScript.source)
        XCTAssertTrue(policy.contains("script-src " + HTML.hashSource(script) + ";"))
        XCTAssertTrue(policy.contains("style-src " + HTML.hashSource(style) + ";"))
        XCTAssertFalse(policy.contains("unsafe-inline"))
        XCTAssertFalse(html.contains(" style=\""), "no inline style attributes, which the policy would block")
        // The hash is what browsers compute: base64 of the SHA-256 of the exact text.
        XCTAssertEqual(HTML.hashSource("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
    }

    func testEscapeCoversEveryCharacterThatMattersInHTML() {
        XCTAssertEqual(HTML.escape("<a href=\"x\" title='y'>&</a>"), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        XCTAssertEqual(HTML.escape("café – ü"), "café – ü")
    }

    func testHostileNamesAndReasonsCannotRunOrBreakTheMarkup() throws {
        let html = try PackFixtures.pack(PackFixtures.hostile()).html
        XCTAssertEqual(count("<script", in: html), 2, "only the data block and the page's own script")
        XCTAssertEqual(count("</script>", in: html), 2)
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertFalse(html.contains(PackFixtures.attribute), "quotes from the appraisal never end an attribute")
        XCTAssertFalse(html.contains("onmouseover=\""))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&quot; onmouseover=&quot;alert(1)&quot; x=&quot;"))
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(3)&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
        let data = try between(html, "<script type=\"application/json\" id=\"whatif-data\">", "</script>")
        XCTAssertFalse(data.contains("<") || data.contains(">"), "the data block cannot close its script element")
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        let options = try XCTUnwrap(parsed["options"] as? [[String: Any]])
        XCTAssertEqual(options.map { $0["label"] as? String }, [PackFixtures.script, PackFixtures.attribute, PackFixtures.formula],
                       "the script shows the names as written, as text")
        // Every element the page opens is closed in order: the hostile text added no tags.
        XCTAssertEqual(try tagBalance(html), [])
    }

    func testAccessibilityBasics() throws {
        let html = try PackFixtures.reference().html
        XCTAssertEqual(count("<table", in: html), count("<caption>", in: html), "every table has a caption")
        XCTAssertEqual(count("<h1>", in: html), 1)
        let sliders = count("<input type=\"range\"", in: html)
        XCTAssertEqual(sliders, 8)
        for index in 0..<sliders {
            XCTAssertTrue(html.contains("<label for=\"weight-\(index)\">"), "slider \(index) has a label")
            XCTAssertTrue(html.contains("<input type=\"text\" inputmode=\"decimal\" id=\"share-\(index)\" size=\"6\" value=\"12.5\""),
                          "slider \(index) has a share field")
        }
        XCTAssertTrue(html.contains("role=\"img\" aria-labelledby=\"totals-chart-title totals-chart-desc\""))
        XCTAssertTrue(html.contains("<title id=\"totals-chart-title\">"))
        XCTAssertTrue(html.contains("<desc id=\"totals-chart-desc\">Each bar is an option&#39;s total out of 40, in rank order, split into the points each criterion contributes: Peer Practice Partner 33; Community Interest Company 26;"))
        XCTAssertTrue(html.contains("<p id=\"whatif-status\" role=\"status\" aria-live=\"polite\">"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("<button type=\"button\" id=\"whatif-reset\">Reset to the appraisal's weights</button>"))
    }

    func testWhatIfDataRanksLikeTheLibrary() throws {
        for weights in [nil, [Rational(5), Rational(1), Rational(1)], [Rational(1, 3), Rational(1, 2), Rational(1, 6)]] {
            let pack = try PackFixtures.pack(PackFixtures.small(weights: weights))
            let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(WhatIfPanel(pack: pack).data.canonicalText.utf8)) as? [String: Any])
            let points = try XCTUnwrap((data["criteria"] as? [[String: Any]])?.map { try XCTUnwrap($0["points"] as? Int) })
            let scores = try XCTUnwrap(data["scores"] as? [[Int]])
            let sums = scores.map { row in zip(row, points).reduce(0) { $0 + $1.0 * $1.1 } }
            let ranks = sums.map { own in 1 + sums.filter { $0 > own }.count }
            XCTAssertEqual(ranks, pack.matrix.optionIDs.map { pack.ranking.entry(for: $0)!.rank }, "\(String(describing: weights))")
            let total = points.reduce(0, +)
            for (index, share) in pack.selection.weights.normalised.enumerated() {
                XCTAssertEqual(Rational(Int128(points[index]), Int128(total)), share, "slider points keep the weights' proportions")
            }
        }
    }

    func testSliderPointsAreWholeNumbersWithRoomToMove() throws {
        func points(_ weights: [Rational]?) throws -> [BigInt] { WhatIfPanel(pack: try PackFixtures.pack(PackFixtures.small(weights: weights))).points }
        XCTAssertEqual(try points(nil), [10, 10, 10])
        XCTAssertEqual(try points([Rational(50), Rational(30), Rational(20)]), [10, 6, 4])
        XCTAssertEqual(try points([Rational(1, 2), Rational(1, 4), Rational(1, 4)]), [10, 5, 5])
        XCTAssertEqual(try points([Rational(3), .zero, Rational(1)]), [12, 0, 4])
        XCTAssertEqual(try points([Rational(40), Rational(35), Rational(25)]), [16, 14, 10], "reduced to lowest terms, then scaled up")
        let half = try PackFixtures.pack(PackFixtures.small(
            scores: [[Rational(9, 2), Rational(3), Rational(1, 2)], [Rational(3), Rational(3), Rational(3)], [Rational(2), Rational(2), Rational(2)]],
            scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: Rational(1, 2))))
        XCTAssertEqual(WhatIfPanel(pack: half).scoreFactor, 2)
        XCTAssertTrue(half.html.contains("max=\"30\" step=\"1\" value=\"10\""))
    }

    func testHeatMapAndChart() throws {
        let html = try PackFixtures.pack(PackFixtures.small()).html
        let matrix = try between(html, "<table id=\"table-score-matrix\" class=\"matrix\">", "</table>")
        XCTAssertTrue(matrix.contains("<th scope=\"row\" data-label=\"Option\">Alpha</th><td class=\"num heat-4\" data-label=\"Cost\">4</td>"), matrix)
        let chart = try between(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"", "</svg>")
        XCTAssertEqual(count("<rect ", in: chart), 9, "one segment per non-zero contribution")
        XCTAssertEqual(count("<g class=\"bar\"", in: chart), 3)
        XCTAssertTrue(chart.contains("<title>Alpha, Cost: 4</title>"))
        XCTAssertTrue(chart.contains(">9/15</text>"))
        let legend = try between(html, "<ul class=\"legend\" aria-label=\"Colour of each criterion\">", "</ul>")
        XCTAssertEqual(count("<li><svg width=\"14\"", in: legend), 3, "a legend entry per criterion")
    }

    func testEachCriterionHasASweepChartWithTheCurrentWeightAndCrossovers() throws {
        let html = try PackFixtures.reference().html
        XCTAssertEqual(count("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart sweep\"", in: html), 8)
        let child = try between(html, "aria-labelledby=\"sweep-0-title sweep-0-desc\">", "</svg>")
        XCTAssertTrue(child.contains("<title id=\"sweep-0-title\">Child Focused: totals as its weight goes from 0% to 100%</title>"))
        XCTAssertTrue(child.contains("<desc id=\"sweep-0-desc\">Weight now 12.5%. Peer Practice Partner first from 0.0% to 53.3%; "
                                     + "Community Interest Company first from 53.3% to 100.0%.</desc>"), child)
        // The dashed line at 12.5% of a 266-wide plot starting at x = 54.
        XCTAssertTrue(child.contains("<line class=\"current\" x1=\"87.3\""), child)
        XCTAssertEqual(count("<text class=\"end-label\"", in: child), 8, "every line labelled at its end")
        XCTAssertEqual(count("<circle class=\"crossover\"", in: child), 1, "first place changes once, at 8/15")
        XCTAssertTrue(child.contains("<title>At 53.3% Peer Practice Partner and Community Interest Company are level</title>"))
        XCTAssertEqual(count("<line class=\"line", in: child), 8, "a line per option")
        XCTAssertEqual(count("<line class=\"line leader\"", in: child), 1)
        // Risk (sweep 7): Peer Practice Partner only shares first place with all of the weight:
        // an endpoint tie, marked apart, and no crossover.
        let risk = try between(html, "aria-labelledby=\"sweep-7-title sweep-7-desc\">", "</svg>")
        XCTAssertEqual(count("<circle class=\"crossover\"", in: risk), 0)
        XCTAssertEqual(count("<rect class=\"endpoint-tie\"", in: risk), 1)
        XCTAssertTrue(risk.contains("<title>At 100.0% Peer Practice Partner and Shared Service share first place: a tie at the end of the range, not a change of first place</title>"), risk)
    }

    /// Tags left open or closed out of order, ignoring void elements; [] when the page nests properly.
    private func tagBalance(_ html: String) throws -> [String] {
        let void: Set<String> = ["meta", "input", "br", "hr", "!DOCTYPE"]
        var stack: [String] = [], problems: [String] = []
        let pattern = try NSRegularExpression(pattern: "<(/?)([A-Za-z!][A-Za-z0-9]*)([^>]*?)(/?)>")
        var body = html
        // Script and style contents are not markup.
        for (open, close) in [("<script>", "</script>"), ("<style>", "</style>")] {
            if let start = body.range(of: open), let end = body.range(of: close, range: start.upperBound..<body.endIndex) {
                body.replaceSubrange(start.upperBound..<end.lowerBound, with: "")
            }
        }
        for match in pattern.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            let closing = Range(match.range(at: 1), in: body).map { !body[$0].isEmpty } ?? false
            let name = Range(match.range(at: 2), in: body).map { String(body[$0]) } ?? ""
            let selfClosing = Range(match.range(at: 4), in: body).map { !body[$0].isEmpty } ?? false
            if void.contains(name) || selfClosing { continue }
            if closing {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes \(stack.last ?? "nothing")") }
            } else {
                stack.append(name)
            }
        }
        return problems + stack.map { "<\($0)> never closed" }
    }
}
