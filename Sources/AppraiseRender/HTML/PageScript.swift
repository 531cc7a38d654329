/// The page's only script: the what-if panel (weights by slider or by typed share, the ranking,
/// its chart and the weights chart redrawn live, the weights as a command or JSON to record),
/// the "why does one option beat another" view, and opening every rationale before printing
/// (the print style sheet opens them too, for a page printed without scripts).
///
/// It ranks in whole numbers (BigInt) the way the library ranks in exact fractions, so equal
/// totals are ties here too, and it writes text with `textContent` only, never as markup.
enum PageScript {
    static var source: String { "(function () {\n  \"use strict\";\n" + whatIf + CompareScript.source + printing + "})();\n" }

    static let whatIf = #"""
  var data = JSON.parse(document.getElementById("whatif-data").textContent);
  var sliders = Array.prototype.slice.call(document.querySelectorAll("#what-if input[type=range]"));
  var fields = sliders.map(function (_, j) { return document.getElementById("share-" + j); });
  var body = document.querySelector("#whatif-ranking tbody");
  var status = document.getElementById("whatif-status");
  var count = BigInt(data.criteria.length);
  var scores = data.scores.map(function (row) { return row.map(function (score) { return BigInt(score); }); });
  var scoreScale = BigInt(data.scoreScale);
  var scaleMaximum = BigInt(data.scaleMaximum);
  var weights = data.criteria.map(function (criterion) { return BigInt(criterion.points); });
  var SVG = "http://www.w3.org/2000/svg";

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

  function gcd(a, b) {
    a = a < 0n ? -a : a; b = b < 0n ? -b : b;
    while (b !== 0n) { var t = a % b; a = b; b = t; }
    return a;
  }

  // Shortest exact decimal with at most two places, else rounded to two: Formatting.number.
  function number(num, den) {
    var divisor = gcd(num, den);
    var rest = den / (divisor === 0n ? 1n : divisor), twos = 0, fives = 0;
    while (rest % 2n === 0n) { rest /= 2n; twos += 1; }
    while (rest % 5n === 0n) { rest /= 5n; fives += 1; }
    var places = Math.max(twos, fives);
    return fixed(num, den, rest === 1n && places <= 2 ? places : 2);
  }

  function element(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, String(attributes[key])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function names(list) {
    return list.length < 2 ? list.join("") : list.slice(0, -1).join(", ") + " and " + list[list.length - 1];
  }

  function shortened(text) { return text.length <= 32 ? text : text.slice(0, 31) + "\u2026"; }

  // Redraws an SVG chart, keeping its title and description.
  function clear(svg) {
    Array.prototype.slice.call(svg.childNodes).forEach(function (node) {
      if (node.nodeName !== "title" && node.nodeName !== "desc") { svg.removeChild(node); }
    });
  }

  function drawWeights(sum) {
    var svg = document.getElementById("weights-chart");
    clear(svg);
    var described = [];
    data.criteria.forEach(function (criterion, j) {
      var top = 4 + j * 24;
      var share = sum === 0n ? 0 : Number(weights[j] * 10000n / sum) / 10000;
      var text = sum === 0n ? "0.0%" : fixed(100n * weights[j], sum, 1) + "%";
      var label = criterion.label.length > 17 ? criterion.label.slice(0, 16) + "\u2026" : criterion.label;
      svg.appendChild(element("text", {"class": "label", x: 130, y: top + 15, "text-anchor": "end"}, label));
      svg.appendChild(element("rect", {x: 136, y: top + 2, width: Math.max(0, share * 110).toFixed(1), height: 16, fill: criterion.colour}));
      svg.appendChild(element("text", {"class": "total", x: (140 + share * 110).toFixed(1), y: top + 15}, text));
      described.push(criterion.label + " " + text);
    });
    document.getElementById("weights-chart-desc").textContent = described.join("; ");
  }

  function drawTotals(order, points, sum) {
    var svg = document.getElementById("whatif-chart");
    clear(svg);
    var width = 580, labelWidth = 200, totalWidth = 60, rowHeight = 30, barHeight = 20, axisHeight = 46;
    var height = order.length * rowHeight + axisHeight;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    if (order.length === 0) { return; }
    var den = sum * scoreScale;
    var maximum = Number(count * scaleMaximum) / Number(scoreScale);
    var parts = order.map(function (i) {
      return scores[i].map(function (score, j) { return Number(count * score * weights[j]) / Number(den); });
    });
    var low = Math.min(0, Math.min.apply(null, parts.map(function (row) {
      return row.filter(function (v) { return v < 0; }).reduce(function (a, b) { return a + b; }, 0);
    })));
    var high = Math.max(maximum, Math.max.apply(null, parts.map(function (row) {
      return row.filter(function (v) { return v > 0; }).reduce(function (a, b) { return a + b; }, 0);
    })));
    var span = high - low || 1, plot = width - labelWidth - totalWidth;
    function x(value) { return labelWidth + (value - low) / span * plot; }
    for (var step = 0; step <= 4; step += 1) {
      var value = low + span * step / 4;
      svg.appendChild(element("line", {"class": "grid", x1: x(value).toFixed(1), y1: 0, x2: x(value).toFixed(1), y2: height - axisHeight}));
      svg.appendChild(element("text", {"class": "tick", x: x(value).toFixed(1), y: height - axisHeight + 18, "text-anchor": "middle"},
        String(Math.round(value * 100) / 100)));
    }
    svg.appendChild(element("text", {"class": "axis-title", x: labelWidth + plot / 2, y: height - 4, "text-anchor": "middle"},
      "Total, points out of " + data.maximumText));
    var described = [];
    order.forEach(function (i, row) {
      var top = row * rowHeight + (rowHeight - barHeight) / 2;
      var group = element("g", {"class": "bar", "data-option": data.options[i].id});
      group.appendChild(element("text", {"class": "label", x: labelWidth - 8, y: (top + barHeight * 0.72).toFixed(1), "text-anchor": "end"},
        shortened(data.options[i].label)));
      var positive = 0, negative = 0;
      parts[row].forEach(function (part, j) {
        if (part === 0) { return; }
        var start;
        if (part < 0) { negative += part; start = negative; } else { start = positive; positive += part; }
        var rect = element("rect", {x: x(start).toFixed(1), y: top.toFixed(1), width: (x(start + Math.abs(part)) - x(start)).toFixed(1),
          height: barHeight, fill: data.criteria[j].colour});
        rect.appendChild(element("title", {}, data.options[i].label + ", " + data.criteria[j].label + ": " + (Math.round(part * 100) / 100)));
        group.appendChild(rect);
      });
      var total = number(count * points[i], den) + "/" + data.maximumText;
      group.appendChild(element("text", {"class": "total", x: (x(positive) + 6).toFixed(1), y: (top + barHeight * 0.72).toFixed(1)}, total));
      svg.appendChild(group);
      described.push(data.options[i].label + " " + total);
    });
    document.getElementById("whatif-chart-desc").textContent =
      "Each bar is an option's total under the weights set here, in rank order, split into what each criterion contributes: " + described.join("; ") + ".";
  }

  function record(sum) {
    var command = document.getElementById("whatif-command"), json = document.getElementById("whatif-json");
    if (sum === 0n) {
      command.value = "";
      json.value = "";
      return;
    }
    command.value = "appraise weights " + data.appraisalFile + " --set what-if --name \"What-if weights\" " +
      data.criteria.map(function (criterion, j) { return "--weight " + criterion.id + "=" + weights[j]; }).join(" ") +
      " --reason \"Weights tried in the report's what-if panel\"";
    var set = {id: "what-if", name: "What-if weights", weights: {}};
    data.criteria.forEach(function (criterion, j) { set.weights[criterion.id] = Number(weights[j]); });
    json.value = JSON.stringify(set, null, 2);
  }

  function update() {
    var sum = weights.reduce(function (a, b) { return a + b; }, 0n);
    var most = weights.reduce(function (a, b) { return a > b ? a : b; }, 0n);
    var maximum = most > BigInt(data.sliderMaximum) ? most : BigInt(data.sliderMaximum);
    sliders.forEach(function (slider, j) {
      var share = sum === 0n ? "0.0" : fixed(100n * weights[j], sum, 1);
      slider.max = String(maximum);
      slider.value = String(weights[j]);
      if (document.activeElement !== fields[j]) { fields[j].value = share; }
      fields[j].removeAttribute("aria-invalid");
      slider.setAttribute("aria-valuetext", weights[j] + " points, " + share + "% of the weight");
    });
    drawWeights(sum);
    record(sum);
    if (sum === 0n) {
      body.replaceChildren();
      drawTotals([], [], sum);
      status.textContent = "Every weight is zero: give at least one criterion some weight to rank the options.";
      notify();
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
    // An option changes place only when it passes, or is passed by, another; drawing level with
    // one (or a tie coming apart) is told as a tie, not as a change of place.
    var moved = 0, level = [], parted = [];
    function passes(i, j) { return data.options[j].rank < data.options[i].rank && points[i] > points[j]; }
    data.options.forEach(function (option, i) {
      data.options.forEach(function (other, j) {
        if (j <= i) { return; }
        if (option.rank !== other.rank && points[i] === points[j]) { level.push([i, j]); }
        if (option.rank === other.rank && points[i] !== points[j]) { parted.push([i, j]); }
      });
    });
    var rows = order.map(function (i) {
      var option = data.options[i];
      var tied = ranks.filter(function (rank) { return rank === ranks[i]; }).length > 1;
      var reordered = data.options.some(function (_, j) { return passes(i, j) || passes(j, i); });
      var change = reordered ? option.rank - ranks[i] : 0;
      if (change !== 0) { moved += 1; }
      var evened = change === 0 && level.some(function (pair) { return pair[0] === i || pair[1] === i; });
      var split = change === 0 && parted.some(function (pair) { return pair[0] === i || pair[1] === i; });
      var row = document.createElement("tr");
      row.dataset.option = option.id;
      row.dataset.rank = String(ranks[i]);
      var cells = [
        ["td", ranks[i] + (tied ? "=" : ""), "num"],
        ["th", option.label, ""],
        ["td", number(count * points[i], sum * scoreScale) + "/" + data.maximumText, "num"],
        ["td", fixed(100n * points[i], sum * scaleMaximum, 1) + "%", "num"],
        ["td", change !== 0 ? (change > 0 ? "up " + change : "down " + -change) : (evened ? "now level" : (split ? "no longer level" : "same")),
          change === 0 ? "" : (change > 0 ? "up" : "down")]
      ];
      cells.forEach(function (spec, k) {
        var cell = document.createElement(spec[0]);
        if (spec[0] === "th") { cell.scope = "row"; }
        if (spec[2]) { cell.className = spec[2]; }
        cell.dataset.label = ["Rank", "Option", "Total", "Percent", "Change"][k];
        cell.textContent = spec[1];
        row.appendChild(cell);
      });
      return row;
    });
    body.replaceChildren.apply(body, rows);
    drawTotals(order, points, sum);
    var leaders = order.filter(function (i) { return ranks[i] === 1; }).map(function (i) { return data.options[i].label; });
    var first = leaders.length > 1 ? names(leaders) + " share first place." : leaders[0] + " first.";
    // The options in the pairs, grouped by a shared figure: the new total of those now level,
    // the appraisal's rank of those no longer level.
    function groups(list, key, verb) {
      var seen = {}, order = [];
      list.forEach(function (pair) {
        pair.forEach(function (i) {
          var k = String(key(i));
          if (!seen[k]) { seen[k] = []; order.push(k); }
          if (seen[k].indexOf(i) < 0) { seen[k].push(i); }
        });
      });
      return order.map(function (k) {
        return names(seen[k].sort(function (a, b) { return a - b; }).map(function (i) { return data.options[i].label; })) + verb;
      });
    }
    var ties = groups(level, function (i) { return points[i]; }, " now tie")
      .concat(groups(parted, function (i) { return data.options[i].rank; }, " are no longer level")).join("; ");
    status.textContent = moved === 0
      ? (ties ? "No option changes place, but " + ties + "; " + first : "Same ranking as the appraisal; " + first)
      : moved + (moved === 1 ? " option changes" : " options change") + " place" + (ties ? "; " + ties : "") + "; " + first;
    notify();
  }

  // Tells the page's other parts (the programme line, the value-for-money chart) that the
  // weights changed, however they were set: slider, typed share or reset.
  function notify() {
    document.getElementById("what-if").dispatchEvent(new CustomEvent("weights-change"));
  }

  // A typed share: "40", "40%", "12.5" or a fraction of the whole such as "8/15".
  function parseShare(text) {
    var decimal = /^\s*(\d{1,3})(?:\.(\d{1,6}))?\s*%?\s*$/.exec(text);
    if (decimal) {
      var places = decimal[2] ? decimal[2].length : 0;
      var num = BigInt(decimal[1] + (decimal[2] || "")), den = 100n * 10n ** BigInt(places);
      return num <= den ? [num, den] : null;
    }
    var fraction = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/.exec(text);
    if (fraction) {
      var top = BigInt(fraction[1]), bottom = BigInt(fraction[2]);
      return bottom > 0n && top <= bottom ? [top, bottom] : null;
    }
    return null;
  }

  // Gives criterion j exactly num/den of the weight, the others keeping their proportions
  // (equal ones if they were all zero), in whole points reduced to lowest terms.
  function setShare(j, text) {
    var share = parseShare(text);
    if (!share) {
      fields[j].setAttribute("aria-invalid", "true");
      status.textContent = "Type a share from 0 to 100, such as 40, 12.5 or 8/15, for " + data.criteria[j].label + ".";
      return;
    }
    var others = weights.map(function (w, i) { return i === j ? 0n : w; });
    var rest = others.reduce(function (a, b) { return a + b; }, 0n);
    if (rest === 0n) {
      others = others.map(function (_, i) { return i === j ? 0n : 1n; });
      rest = BigInt(others.length - 1);
    }
    var next = others.map(function (w) { return w * (share[1] - share[0]); });
    next[j] = rest === 0n ? 1n : share[0] * rest;
    var divisor = next.reduce(function (a, b) { return gcd(a, b); }, 0n);
    weights = next.map(function (w) { return divisor > 1n ? w / divisor : w; });
    update();
  }

  sliders.forEach(function (slider, j) {
    slider.addEventListener("input", function () { weights[j] = BigInt(slider.value); update(); });
  });
  fields.forEach(function (field, j) {
    // A share takes effect as it is typed, once it reads as one; a finished entry that does
    // not is refused when the field is left.
    field.addEventListener("input", function () { if (parseShare(field.value)) { setShare(j, field.value); } });
    field.addEventListener("change", function () { setShare(j, field.value); });
    field.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); setShare(j, field.value); }
    });
  });
  document.getElementById("whatif-reset").addEventListener("click", function () {
    weights = data.criteria.map(function (criterion) { return BigInt(criterion.points); });
    update();
  });
  [["copy-command", "whatif-command", "command"], ["copy-json", "whatif-json", "JSON"]].forEach(function (spec) {
    document.getElementById(spec[0]).addEventListener("click", function () {
      var area = document.getElementById(spec[1]);
      area.focus();
      area.select();
      var done = function () { status.textContent = "Copied the weights as a " + spec[2] + "."; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(area.value).then(done, function () {
          status.textContent = "Select the " + spec[2] + " and copy it (Ctrl+C or \u2318C).";
        });
      } else {
        status.textContent = "Select the " + spec[2] + " and copy it (Ctrl+C or \u2318C).";
      }
    });
  });
  update();

"""#

    static let printing = #"""
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    closed.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (details) { details.open = false; });
  });
"""#
}
