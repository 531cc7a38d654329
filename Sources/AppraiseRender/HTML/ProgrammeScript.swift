import AppraiseKit

/// The programme's part of the what-if panel: as the weight sliders move, the page chooses
/// the best programme again among every programme that keeps the rules (listed by the
/// library), in whole numbers, ties going to the one the library would report first.
enum ProgrammeScript {
    /// The candidates with their summed scores as whole numbers; nil when there are too many
    /// programmes to list.
    static func data(_ report: ProgrammeReport) -> JSONValue? {
        guard let candidates = report.robustness.candidates, !candidates.isEmpty else { return nil }
        let index = Dictionary(uniqueKeysWithValues: report.problem.proposals.enumerated().map { ($1.id, $0) })
        let names = report.problem.proposals.map(\.name)
        let factor = report.scores.flatMap { $0 }.reduce(BigInt(1)) { lcm($0, $1.denominator) }
        let criteria = report.scores.first?.count ?? 0
        let base = report.recommended.flatMap { chosen in candidates.firstIndex(of: chosen.proposalIDs) }
        return .object([
            "base": base.map { .number($0) } ?? .null,
            "candidates": .array(candidates.map { ids in
                let sums = (0..<criteria).map { k in ids.map { report.scores[index[$0]!][k] }.sum() * Rational(factor, BigInt(1)) }
                return .object(["names": .array(ids.map { .string(names[index[$0]!]) }),
                                "scores": .array(sums.map { .number($0.numerator.description) })])
            }),
        ])
    }

    /// The paragraph the script writes into.
    static let paragraph = "<p id=\"programme-whatif\" role=\"status\" aria-live=\"polite\">The best programme under the weights of the what-if sliders appears here when they move.</p>\n"

    static let source = #"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("programme-data").textContent);
  var sliders = Array.prototype.slice.call(document.querySelectorAll("#what-if input[type=range]"));
  var status = document.getElementById("programme-whatif");
  if (!status || sliders.length === 0) { return; }
  var sums = data.candidates.map(function (candidate) {
    return candidate.scores.map(function (score) { return BigInt(score); });
  });
  function update() {
    var weights = sliders.map(function (slider) { return BigInt(slider.value); });
    if (weights.every(function (w) { return w === 0n; })) {
      status.textContent = "Give at least one criterion some weight to choose a programme.";
      return;
    }
    var values = sums.map(function (row) {
      return row.reduce(function (total, score, j) { return total + score * weights[j]; }, 0n);
    });
    var best = -1, bestValue = 0n;
    values.forEach(function (value, i) { if (best < 0 || value > bestValue) { best = i; bestValue = value; } });
    var level = values.filter(function (value) { return value === bestValue; }).length;
    var names = data.candidates[best].names.join(", ");
    var others = level === 2 ? "another programme" : (level - 1) + " other programmes";
    if (best === data.base) {
      status.textContent = "Under these weights the best programme is unchanged: " + names + "." +
        (level > 1 ? " It ties with " + others + " of the same benefit." : "");
    } else if (data.base !== null && values[data.base] === bestValue) {
      // A tie is not a change: the programme chosen now is still among the best.
      status.textContent = "Under these weights the programme chosen now ties with " + others + " of the same benefit, first of them: " + names + ".";
    } else {
      status.textContent = "Under these weights the best programme changes to: " + names + "." +
        (level > 1 ? " It ties with " + others + " of the same benefit." : "");
    }
  }
  // The what-if panel announces every change of weights, whether by slider, typed share or reset.
  var panel = document.getElementById("what-if");
  if (panel) { panel.addEventListener("weights-change", update); }
  update();
})();
"""#

    private static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt { a / BigInt.greatestCommonDivisor(a, b) * b }
}
