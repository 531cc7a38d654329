/// The script of the "why does one option beat another" view: it redraws the table, the
/// sentence and the chart of differences for the chosen pair, in whole numbers as the what-if
/// panel ranks, with the formats `appraise compare` prints. Part of the page's one script.
enum CompareScript {
    static let source = #"""
  (function () {
    var first = document.getElementById("compare-first"), second = document.getElementById("compare-second");
    if (!first || !second) { return; }
    var table = document.getElementById("table-comparison");
    var base = data.criteria.map(function (criterion) { return BigInt(criterion.points); });
    var sum = base.reduce(function (a, b) { return a + b; }, 0n);
    var den = sum * scoreScale;
    function signed(num, d) { return num > 0n ? "+" + number(num, d) : number(num, d); }
    function list(items) { return names(items); }

    function draw() {
      var a = first.selectedIndex, b = second.selectedIndex;
      var ia = data.options.findIndex(function (o) { return o.id === first.value; });
      var ib = data.options.findIndex(function (o) { return o.id === second.value; });
      var rows = data.criteria.map(function (criterion, j) {
        var pa = count * scores[ia][j] * base[j], pb = count * scores[ib][j] * base[j];
        return {j: j, pa: pa, pb: pb, diff: pa - pb};
      });
      rows.sort(function (x, y) { return x.diff === y.diff ? x.j - y.j : (y.diff > x.diff ? 1 : -1); });
      var la = data.options[ia].label, lb = data.options[ib].label;
      var ta = rows.reduce(function (t, r) { return t + r.pa; }, 0n), tb = rows.reduce(function (t, r) { return t + r.pb; }, 0n);
      var maximum = data.maximumText;
      // The sentence, told from the leader's side as ComparisonRenderer.sentence tells it.
      var gains = rows.filter(function (r) { return r.diff > 0n; }), losses = rows.filter(function (r) { return r.diff < 0n; });
      var sentence;
      if (ta === tb) {
        sentence = gains.length === 0
          ? la + " and " + lb + " score the same on every criterion, " + number(ta, den) + "/" + maximum + " each."
          : la + " and " + lb + " tie on " + number(ta, den) + "/" + maximum + ": " + la + "'s gains on " +
            list(gains.map(function (r) { return data.criteria[r.j].label + " (" + signed(r.diff, den) + ")"; })) +
            " exactly offset its losses on " + list(losses.map(function (r) { return data.criteria[r.j].label + " (" + signed(r.diff, den) + ")"; })) + ".";
      } else {
        var swapped = ta < tb;
        var won = swapped ? losses.slice().reverse() : gains, lost = swapped ? gains.slice().reverse() : losses;
        var describe = function (items) {
          return list(items.map(function (r) { return data.criteria[r.j].label + " (" + signed(swapped ? -r.diff : r.diff, den) + ")"; }));
        };
        var high = swapped ? tb : ta, low = swapped ? ta : tb;
        sentence = (swapped ? lb : la) + " beats " + (swapped ? la : lb) + " by " + number(high - low, den) + " point" +
          (high - low === den ? "" : "s") + " (" + number(high, den) + "/" + maximum + " to " + number(low, den) + "/" + maximum +
          "), gaining on " + describe(won) + (lost.length === 0 ? " and losing on none." : " and losing on " + describe(lost) + ".");
      }
      document.getElementById("compare-summary").textContent = a === b ? "Choose two different options." : sentence;

      var caption = table.querySelector("caption");
      caption.textContent = la + " against " + lb + ", criterion by criterion";
      var heads = table.querySelectorAll("thead th");
      heads[2].textContent = la + " score"; heads[3].textContent = lb + " score";
      heads[4].textContent = la + " points"; heads[5].textContent = lb + " points";
      var running = 0n;
      var bodyRows = rows.map(function (r) {
        running += r.diff;
        return [data.criteria[r.j].label, fixed(100n * base[r.j], sum, 1) + "%", number(scores[ia][r.j], scoreScale), number(scores[ib][r.j], scoreScale),
          number(r.pa, den), number(r.pb, den), signed(r.diff, den), signed(running, den)];
      });
      bodyRows.push(["Total", "100.0%", "", "", number(ta, den), number(tb, den), signed(ta - tb, den), ""]);
      var tbody = table.querySelector("tbody");
      tbody.replaceChildren.apply(tbody, bodyRows.map(function (cells) {
        var row = document.createElement("tr");
        cells.forEach(function (text, column) {
          var cell = document.createElement(column === 0 ? "th" : "td");
          if (column === 0) { cell.scope = "row"; } else { cell.className = "num"; }
          cell.dataset.label = heads[column].textContent;
          cell.textContent = text;
          row.appendChild(cell);
        });
        return row;
      }));

      var svg = document.getElementById("compare-chart");
      clear(svg);
      var width = 620, labelWidth = 200, rowHeight = 26, axisHeight = 44, valueWidth = 50;
      var height = rows.length * rowHeight + axisHeight;
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      var largest = rows.reduce(function (m, r) { var v = r.diff < 0n ? -r.diff : r.diff; return v > m ? v : m; }, 0n);
      var half = (width - labelWidth - 2 * valueWidth) / 2, zero = labelWidth + valueWidth + half;
      svg.appendChild(element("line", {"class": "axis", x1: zero, y1: 0, x2: zero, y2: height - axisHeight}));
      rows.forEach(function (r, row) {
        var top = row * rowHeight + 4;
        var length = largest === 0n ? 0 : Number(r.diff * 100000n / largest) / 100000 * half;
        svg.appendChild(element("text", {"class": "label", x: labelWidth - 8, y: top + 13, "text-anchor": "end"}, shortened(data.criteria[r.j].label)));
        svg.appendChild(element("rect", {x: Math.min(zero, zero + length).toFixed(1), y: top, width: Math.abs(length).toFixed(1), height: 18,
          fill: data.criteria[r.j].colour}));
        svg.appendChild(element("text", {"class": "total", x: (zero + length + (length < 0 ? -6 : 6)).toFixed(1), y: top + 13,
          "text-anchor": length < 0 ? "end" : "start"}, signed(r.diff, den)));
      });
      svg.appendChild(element("text", {"class": "axis-title", x: zero + 8, y: height - axisHeight + 18}, shortened(la) + " gains \u2192"));
      svg.appendChild(element("text", {"class": "axis-title", x: zero - 8, y: height - axisHeight + 36, "text-anchor": "end"}, "\u2190 " + shortened(lb) + " gains"));
      document.getElementById("compare-chart-title").textContent = "Points gained on each criterion: " + la + " against " + lb;
      document.getElementById("compare-chart-desc").textContent = sentence;
    }
    first.addEventListener("change", draw);
    second.addEventListener("change", draw);
  })();

"""#
}
