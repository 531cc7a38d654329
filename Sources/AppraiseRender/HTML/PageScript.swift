/// The page's only script: the what-if ranking, and opening every rationale before printing.
///
/// It ranks in whole numbers (BigInt) the way the library ranks in exact fractions, so equal
/// totals are ties here too, and it writes text with `textContent` only, never as markup.
enum PageScript {
    static let source = #"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("whatif-data").textContent);
  var sliders = Array.prototype.slice.call(document.querySelectorAll("#what-if input[type=range]"));
  var body = document.querySelector("#whatif-ranking tbody");
  var status = document.getElementById("whatif-status");
  var count = BigInt(data.criteria.length);
  var scores = data.scores.map(function (row) { return row.map(function (score) { return BigInt(score); }); });
  var scoreScale = BigInt(data.scoreScale);
  var scaleMaximum = BigInt(data.scaleMaximum);

  // num/den rounded half away from zero to a whole number, as Rational.formatted does.
  function roundedQuotient(num, den) {
    var negative = num < 0n;
    var magnitude = negative ? -num : num;
    var quotient = magnitude / den;
    if (2n * (magnitude % den) >= den) { quotient += 1n; }
    return negative ? -quotient : quotient;
  }

  function fixed(num, den, places) {
    var quotient = roundedQuotient(num * 10n ** BigInt(places), den);
    var negative = quotient < 0n;
    var digits = (negative ? -quotient : quotient).toString();
    if (places > 0) {
      while (digits.length <= places) { digits = "0" + digits; }
      digits = digits.slice(0, digits.length - places) + "." + digits.slice(digits.length - places);
    }
    return (negative ? "-" : "") + digits;
  }

  // Shortest exact decimal with at most two places, else rounded to two: Formatting.number.
  function number(num, den) {
    var a = num < 0n ? -num : num, b = den;
    while (b !== 0n) { var t = a % b; a = b; b = t; }
    var rest = den / (a === 0n ? 1n : a), twos = 0, fives = 0;
    while (rest % 2n === 0n) { rest /= 2n; twos += 1; }
    while (rest % 5n === 0n) { rest /= 5n; fives += 1; }
    var places = Math.max(twos, fives);
    return fixed(num, den, rest === 1n && places <= 2 ? places : 2);
  }

  function update() {
    var weights = sliders.map(function (slider) { return BigInt(slider.value); });
    var sum = weights.reduce(function (a, b) { return a + b; }, 0n);
    sliders.forEach(function (slider, j) {
      var share = sum === 0n ? "0.0%" : fixed(100n * weights[j], sum, 1) + "%";
      document.getElementById("share-" + j).textContent = share;
      slider.setAttribute("aria-valuetext", slider.value + " points, " + share + " of the weight");
    });
    if (sum === 0n) {
      status.textContent = "Give at least one criterion some weight to rank the options.";
      return;
    }
    var points = scores.map(function (row) {
      return row.reduce(function (total, score, j) { return total + score * weights[j]; }, 0n);
    });
    var ranks = points.map(function (own) {
      return 1 + points.filter(function (other) { return other > own; }).length;
    });
    var order = points.map(function (_, i) { return i; }).sort(function (a, b) {
      return ranks[a] - ranks[b] || a - b;
    });
    var moved = 0;
    var rows = order.map(function (i) {
      var option = data.options[i];
      var tied = ranks.filter(function (rank) { return rank === ranks[i]; }).length > 1;
      var change = option.rank - ranks[i];
      if (change !== 0) { moved += 1; }
      var row = document.createElement("tr");
      row.dataset.option = option.id;
      row.dataset.rank = String(ranks[i]);
      var cells = [
        ["td", ranks[i] + (tied ? "=" : ""), "num"],
        ["th", option.label, ""],
        ["td", number(count * points[i], sum * scoreScale) + "/" + data.maximumText, "num"],
        ["td", fixed(100n * points[i], sum * scaleMaximum, 1) + "%", "num"],
        ["td", change === 0 ? "same" : (change > 0 ? "up " + change : "down " + -change), change === 0 ? "" : (change > 0 ? "up" : "down")]
      ];
      cells.forEach(function (spec) {
        var cell = document.createElement(spec[0]);
        if (spec[0] === "th") { cell.scope = "row"; }
        if (spec[2]) { cell.className = spec[2]; }
        cell.textContent = spec[1];
        row.appendChild(cell);
      });
      return row;
    });
    body.replaceChildren.apply(body, rows);
    var first = data.options[order[0]].label;
    status.textContent = moved === 0
      ? "Same ranking as the appraisal; " + first + " first."
      : moved + (moved === 1 ? " option changes" : " options change") + " place; " + first + " first.";
  }

  sliders.forEach(function (slider) { slider.addEventListener("input", update); });
  document.getElementById("whatif-reset").addEventListener("click", function () {
    sliders.forEach(function (slider, j) { slider.value = String(data.criteria[j].points); });
    update();
  });

  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    closed.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (details) { details.open = false; });
  });
  update();
})();
"""#
}
