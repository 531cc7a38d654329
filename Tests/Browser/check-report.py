#!/usr/bin/env python3
"""Opens the HTML report in headless Chromium and checks it the way a member would use it.

Kept out of `swift test` so the unit tests stay fast; `.ci/run` calls it after regenerating
the exports. Needs only Python's standard library and Debian's `chromium`: it drives the
browser over the DevTools protocol on a pipe (--remote-debugging-pipe), so no driver, no
network port and no package from outside.

Checks:
  1. the reference report loads with no console error, no script exception and no request
     for anything but the file itself (it is self-contained);
  2. it is accessible in the basics: every table has a caption, every slider a label, every
     chart a text alternative;
  3. the what-if ranking first shows the ranking `appraise rank` gives;
  4. moving one weight slider with the keyboard re-ranks the options to exactly the ranking
     `appraise rank --format json` computes for an appraisal copy with those weights;
  5. the reset button restores the appraisal's weights and ranking;
  6. the print stylesheet hides the interactive panel;
  7. a hostile appraisal (script tags and quotes in names and rationale) runs nothing and
     shows the text as written;
  8. the correction is unmissable: a heading, "26/40 (published 24/40, 4th)" on the row and the
     bar, a link to the reconciliation, whose differing rows come first;
  9. a typed share of exactly 8/15 on Child Focused gives the tie `appraise rank` gives, and the
     status names both options; a share just above gives Community Interest Company first; the
     live chart follows the table; the command the panel offers, run for real, records a weight
     set under which `appraise rank` gives the page's ranking; all weights at zero clear it;
 10. the compare view ranks criteria and words the result as `appraise compare` does;
 11. at 360 px wide nothing scrolls sideways; printed without JavaScript, on A4, every
     rationale bullet is shown; headings keep with what follows in print;
 12. every colour that carries data in a chart has at least 3:1 contrast with white;
 13. on both reference reports and a third appraisal: no table wider than its box at 1366 px; at 390 px every table
     reflows into one labelled card per row; printed on A4 no table loses a column;
 14. on the programme report (SEND): a typed share updates the programme line to the programme
     `appraise programme` chooses under those weights, and the frontier note; a reset restores
     it; the compare view opens on two options that differ; the
     budget frontier's ticks are round, inside the chart, with a titled y axis; no two labels
     of the value-for-money chart overlap.
Screenshots (tablet viewport, what-if panel, full page) and a PDF go to --shots for a person
to look at; they are not committed.
"""

import argparse
import base64
import copy
import decimal
import fcntl
import fractions
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TABLET = {"width": 820, "height": 1180}


def high(fd):
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """Headless Chromium driven over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-framed JSON)."""

    def __init__(self, chromium, profile):
        # Above fd 10, so that dup2 onto 3 and 4 in the child never meets the same number.
        to_browser_read, self.to_browser = (high(fd) for fd in os.pipe())
        self.from_browser, from_browser_write = (high(fd) for fd in os.pipe())

        def wire():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.log = open(os.path.join(profile, "chromium.log"), "wb")
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + os.path.join(profile, "user-data"),
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log, close_fds=False, preexec_fn=wire)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.next_id = 0
        self.responses = {}
        self.events = []
        self.condition = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        while True:
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                message, buffer = buffer.split(b"\0", 1)
                value = json.loads(message)
                with self.condition:
                    if "id" in value:
                        self.responses[value["id"]] = value
                    else:
                        self.events.append(value)
                    self.condition.notify_all()

    def send(self, method, params=None, session=None, timeout=30):
        with self.condition:
            self.next_id += 1
            ident = self.next_id
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        with self.condition:
            while ident not in self.responses:
                if not self.condition.wait(max(0, deadline - time.time())):
                    raise RuntimeError("no answer from Chromium to " + method)
            response = self.responses.pop(ident)
        if "error" in response:
            raise RuntimeError(method + ": " + json.dumps(response["error"]))
        return response.get("result", {})

    def wait_for(self, method, session, timeout=30):
        deadline = time.time() + timeout
        with self.condition:
            while True:
                for event in self.events:
                    if event.get("method") == method and event.get("sessionId") == session:
                        self.events.remove(event)
                        return event
                if not self.condition.wait(max(0, deadline - time.time())):
                    raise RuntimeError("Chromium never sent " + method)

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class Page:
    """One tab at a tablet's size, recording console errors, exceptions and network requests."""

    def __init__(self, browser, url, scripts=True, width=TABLET["width"]):
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.send(domain + ".enable")
        if not scripts:
            self.send("Emulation.setScriptExecutionDisabled", {"value": True})
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": TABLET["height"], "deviceScaleFactor": 1, "mobile": True})
        self.send("Page.navigate", {"url": url})
        browser.wait_for("Page.loadEventFired", self.session)

    def send(self, method, params=None, timeout=30):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def key(self, key, code, virtual, text=None, times=1):
        for _ in range(times):
            down = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": virtual, "nativeVirtualKeyCode": virtual}
            if text:
                down["text"] = text
            self.send("Input.dispatchKeyEvent", down)
            self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": virtual,
                                                 "nativeVirtualKeyCode": virtual})

    def problems(self):
        """Console errors, uncaught exceptions and requests that left the file, so far."""
        found = []
        with self.browser.condition:
            events = [event for event in self.browser.events if event.get("sessionId") == self.session]
        for event in events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:300])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                found.append("console %s: %s" % (params["type"], json.dumps(params.get("args", []))[:300]))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                found.append("log: " + params["entry"].get("text", "")[:300])
            elif method == "Network.requestWillBeSent":
                url = params.get("request", {}).get("url", "")
                if not (url.startswith("file://") or url.startswith("data:") or url == "about:blank"):
                    found.append("network request: " + url)
        return found

    def screenshot(self, path, full=False):
        params = {"format": "png"}
        if full:
            height = self.evaluate("document.documentElement.scrollHeight")
            params.update({"captureBeyondViewport": True,
                           "clip": {"x": 0, "y": 0, "width": TABLET["width"], "height": height, "scale": 1}})
        with open(path, "wb") as file:
            # A full-page capture of the long report can take minutes on a loaded machine.
            file.write(base64.b64decode(self.send("Page.captureScreenshot", params, timeout=300 if full else 60)["data"]))


RANKING_JS = """Array.from(document.querySelectorAll('#whatif-ranking tbody tr')).map(function (row) {
  return {option: row.dataset.option, rank: Number(row.dataset.rank), label: row.cells[0].textContent,
          total: row.cells[2].textContent.split('/')[0]};
})"""

WEIGHTS_JS = """Array.from(document.querySelectorAll('#what-if input[type=range]')).map(function (slider) {
  return {criterion: slider.dataset.criterion, points: Number(slider.value)};
})"""


SHARE_JS = """(function (criterion, text) {
  var field = document.querySelector('#what-if input[type=text][data-criterion="' + criterion + '"]');
  field.focus();
  field.value = text;
  field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
  field.blur();
  return document.getElementById('whatif-status').textContent;
})"""

CHART_JS = """Array.from(document.querySelectorAll('#whatif-chart g.bar')).map(function (bar) {
  return {option: bar.dataset.option, total: bar.querySelector('text.total').textContent.split('/')[0]};
})"""

COLOURS_JS = """(function () {
  var found = {};
  function add(value, where) { if (value && value !== 'none' && value.toLowerCase() !== '#fff' && value.toLowerCase() !== '#ffffff') { found[value] = where; } }
  document.querySelectorAll('svg.chart rect, .legend svg rect').forEach(function (e) { add(e.getAttribute('fill'), 'rect'); });
  document.querySelectorAll('svg.chart line.line, .legend svg line').forEach(function (e) { add(e.getAttribute('stroke'), 'line'); });
  return found;
})()"""


def contrast_with_white(colour):
    colour = colour.lstrip("#")
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("ok   " + name)
        else:
            self.failed += 1
            print("FAIL " + name + (": " + detail if detail else ""))


def tool_ranking(appraise, appraisal):
    """The ranking the library computes, through the real tool, as the page shows it."""
    result = subprocess.run([appraise, "rank", appraisal, "--format", "json"], capture_output=True, text=True, check=True)
    entries = json.loads(result.stdout, parse_float=decimal.Decimal)["ranking"]
    ranks = [entry["rank"] for entry in entries]
    shown = []
    for entry in entries:
        total = decimal.Decimal(str(entry["total"]))
        places = max(0, min(2, -total.normalize().as_tuple().exponent))
        text = str(total.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP))
        tied = ranks.count(entry["rank"]) > 1
        shown.append({"option": entry["option"], "rank": entry["rank"], "label": str(entry["rank"]) + ("=" if tied else ""),
                      "total": text})
    return shown


def write_copy(source, appraisal, folder, name):
    """Writes an altered appraisal into folder, with the KPI datasets it cites beside it."""
    for dataset in appraisal.get("kpiDatasets", []):
        target = os.path.join(folder, dataset)
        if not os.path.exists(target):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(os.path.dirname(source), dataset), target)
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as file:
        json.dump(appraisal, file, ensure_ascii=False, indent=2)
    return path


def with_weights(source, weights, folder):
    """A copy of the appraisal whose criteria carry the given weights."""
    with open(source, encoding="utf-8") as file:
        appraisal = json.load(file)
    by_id = {entry["criterion"]: entry["points"] for entry in weights}
    for criterion in appraisal["criteria"]:
        criterion["weight"] = by_id[criterion["id"]]
    return write_copy(source, appraisal, folder, "weighted-copy.json")


def hostile_copy(source, folder):
    """The appraisal with markup and quotes wherever a name or a reason is shown."""
    with open(source, encoding="utf-8") as file:
        appraisal = json.load(file)
    attack = copy.deepcopy(appraisal)
    attack["title"] = "<script>window.__pwned = 'title'</script> \"Title\" & 'quotes'"
    attack["options"][0]["shortName"] = "<script>window.__pwned = 'option'</script>"
    attack["options"][1]["shortName"] = "\"><img src=x onerror=\"window.__pwned = 'attribute'\">"
    attack["criteria"][0]["shortName"] = "</script><script>window.__pwned = 'criterion'</script>"
    attack["scores"][0]["rationale"][0]["text"] = "<b onmouseover=\"window.__pwned = 'rationale'\">bold</b> & 'single' \"double\""
    return write_copy(source, attack, folder, "hostile.json"), attack


TABLES_FIT_JS = """Array.from(document.querySelectorAll('table')).filter(function (t) { return t.offsetParent !== null; }).map(function (t) {
  var box = t.parentElement;
  return {id: t.id, table: Math.round(t.getBoundingClientRect().width), box: box.clientWidth,
          cells: Math.max.apply(null, Array.from(t.rows).map(function (r) { return r.cells.length ? r.cells[r.cells.length - 1].getBoundingClientRect().right : 0; })),
          right: box.getBoundingClientRect().right};
}).filter(function (t) { return t.table > t.box + 1 || t.cells > t.right + 1; })"""

CARDS_JS = """(function () {
  var tables = Array.from(document.querySelectorAll('.scroll > table')).filter(function (t) { return t.offsetParent !== null && t.tBodies[0] && t.tBodies[0].rows.length; });
  return {tables: tables.length,
    notCards: tables.filter(function (t) { return getComputedStyle(t.tBodies[0].rows[0]).display !== 'flex'; }).map(function (t) { return t.id; }),
    unlabelled: tables.filter(function (t) { return Array.from(t.tBodies[0].querySelectorAll('td, th')).some(function (c) { return !c.dataset.label; }); }).map(function (t) { return t.id; }),
    scrolling: Array.from(document.querySelectorAll('.scroll')).filter(function (b) { return b.querySelector('table') && b.scrollWidth > b.clientWidth + 1; }).length,
    page: document.documentElement.scrollWidth};
})()"""


def layout_checks(browser, checks, report, name):
    """Tables fit their box at 1366 px, become cards at 390 px, and keep every column on A4."""
    url = "file://" + os.path.abspath(report)
    wide = Page(browser, url, width=1366)
    over = wide.evaluate(TABLES_FIT_JS)
    checks.check("%s: at 1366 px no table is wider than its box" % name, not over, json.dumps(over))
    phone = Page(browser, url, width=390)
    cards = phone.evaluate(CARDS_JS)
    checks.check("%s: at 390 px each of the %d tables is one labelled card per row, none scrolls sideways" % (name, cards["tables"]),
                 cards["tables"] > 5 and not cards["notCards"] and not cards["unlabelled"] and cards["scrolling"] == 0 and cards["page"] <= 390,
                 json.dumps(cards))
    # A4 portrait less the page margins (15 mm and 14 mm) is 182 mm, 688 CSS px, for the layout.
    printed = Page(browser, url, scripts=False, width=688)
    printed.send("Emulation.setEmulatedMedia", {"media": "print"})
    lost = printed.evaluate(TABLES_FIT_JS)
    checks.check("%s: printed on A4 no table loses a column (every table within the page width)" % name, not lost, json.dumps(lost))
    if printed.evaluate("!!document.getElementById('table-npc-working')"):
        shown = printed.evaluate("""(function () {
          var t = document.getElementById('table-npc-working'), heads = Array.from(t.tHead.rows[0].cells).map(c => c.textContent);
          var column = heads.indexOf('Present value');
          return {column: column, right: t.tHead.rows[0].cells[column].getBoundingClientRect().right, width: document.documentElement.clientWidth,
                  values: Array.from(t.tBodies[0].rows).filter(r => r.cells[column] && r.cells[column].textContent.trim()).length};
        })()""")
        checks.check("%s: printed, the net present cost working keeps its Present value column" % name,
                     shown["column"] >= 0 and shown["right"] <= shown["width"] + 1 and shown["values"] > 0, json.dumps(shown))


def programme_tool(appraise, appraisal):
    """The names of the programme `appraise programme` recommends for an appraisal file."""
    result = subprocess.run([appraise, "programme", appraisal, "--format", "json", "--samples", "10"], capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    solution = report["best"] if report["best"]["choices"] else report["withoutTargets"]
    with open(appraisal, encoding="utf-8") as file:
        names = {option["id"]: option.get("shortName") or option["name"] for option in json.load(file)["options"]}
    return [names[proposal] for proposal in solution["choices"][0]["proposals"]]


def programme_checks(browser, checks, options, work):
    """The SEND report: typed shares reach the programme line, ties, the compare view, the charts."""
    page = Page(browser, "file://" + os.path.abspath(options.programme_report), width=1366)
    before = page.evaluate("document.getElementById('programme-whatif').textContent")
    criterion = page.evaluate("document.querySelector('#what-if input[type=text]').dataset.criterion")
    page.evaluate("document.getElementById('what-if').scrollIntoView(); null")
    # The first typed share, of a few, under which the best programme is another, if any is;
    # the line is blanked before each, so that only an update from the typed share fills it.
    for share in ("90", "75", "25", "10", "0", "100"):
        page.evaluate("document.getElementById('programme-whatif').textContent = 'stale'; null")
        page.evaluate(SHARE_JS + "(%s, %s)" % (json.dumps(criterion), json.dumps(share)))
        line = page.evaluate("document.getElementById('programme-whatif').textContent")
        if "changes to" in line:
            break
    note = page.evaluate("document.getElementById('vfm-status').textContent")
    weights = page.evaluate(WEIGHTS_JS)
    expected = programme_tool(options.appraise, with_weights(options.programme_appraisal, weights, work))
    named = line.split(": ", 1)[1].split(".")[0].split(", ") if ": " in line else []
    checks.check("a typed share of %s%% on %s updates the programme line to the programme appraise chooses" % (share, criterion),
                 line != "stale" and named == expected, "page %r, tool %r" % (line, expected))
    checks.check("and the value-for-money frontier note", note.startswith("Frontier under the what-if weights: "), note)
    page.evaluate("document.getElementById('whatif-reset').click(); null")
    checks.check("a reset, too, reaches the programme line", page.evaluate("document.getElementById('programme-whatif').textContent") == before)
    checks.check("no errors on the programme report", not page.problems(), "; ".join(page.problems()))

    compare = page.evaluate("""(function () {
      var svg = document.getElementById('compare-chart');
      return {first: document.getElementById('compare-first').value, second: document.getElementById('compare-second').value,
              bars: Array.from(svg.querySelectorAll('rect')).filter(r => parseFloat(r.getAttribute('width')) > 0).length};
    })()""")
    checks.check("the compare view opens on two options that differ (a chart with bars)", compare["first"] != compare["second"] and compare["bars"] > 0,
                 json.dumps(compare))

    frontier = page.evaluate("""(function () {
      var svg = document.querySelector('svg[aria-labelledby="frontier-title frontier-desc"]');
      var ticks = Array.from(svg.querySelectorAll('text.tick')).filter(t => t.getAttribute('text-anchor') === 'middle');
      var frame = svg.getBoundingClientRect();
      return {ticks: ticks.map(t => t.textContent), outside: Array.from(svg.querySelectorAll('text')).filter(function (t) {
                var b = t.getBoundingClientRect(); return b.left < frame.left - 0.5 || b.right > frame.right + 0.5 || b.top < frame.top - 0.5; }).map(t => t.textContent),
              titles: Array.from(svg.querySelectorAll('text.axis-title')).map(t => t.textContent)};
    })()""")
    values = [int(re.sub(r"[^0-9]", "", tick) or -1) for tick in frontier["ticks"]]
    step = values[1] - values[0] if len(values) > 1 else 0
    mantissa = step
    while mantissa >= 10 and mantissa % 10 == 0:
        mantissa //= 10
    checks.check("the budget frontier's ticks are round (%s)" % ", ".join(frontier["ticks"]),
                 len(values) > 2 and values[0] == 0 and mantissa in (1, 2, 5, 25) and all(b - a == step for a, b in zip(values, values[1:])),
                 json.dumps(frontier))
    checks.check("every label of the budget frontier is inside the chart, and both axes are titled",
                 not frontier["outside"] and len(frontier["titles"]) == 2, json.dumps(frontier))

    overlaps = page.evaluate("""(function () {
      var texts = Array.from(document.querySelectorAll('#vfm-chart .vfm-point text')).map(t => ({text: t.textContent, box: t.getBBox()}));
      var found = [];
      texts.forEach(function (a, i) { texts.slice(i + 1).forEach(function (b) {
        if (a.box.x < b.box.x + b.box.width && b.box.x < a.box.x + a.box.width && a.box.y < b.box.y + b.box.height && b.box.y < a.box.y + a.box.height) {
          found.push(a.text + ' / ' + b.text); } }); });
      return {labels: texts.length, overlaps: found};
    })()""")
    checks.check("no two labels of the value-for-money chart overlap (%d labels)" % overlaps["labels"],
                 overlaps["labels"] > 2 and not overlaps["overlaps"], json.dumps(overlaps))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appraise", default=os.path.join(ROOT, ".build", "debug", "appraise"), help="the built appraise executable")
    parser.add_argument("--appraisal", default=os.path.join(ROOT, "appraisals", "rotherham-ama-2017.json"))
    parser.add_argument("--report", default=os.path.join(ROOT, "exports", "rotherham-ama-2017", "report.html"))
    parser.add_argument("--programme-appraisal", default=os.path.join(ROOT, "appraisals", "rotherham-send-2017.json"))
    parser.add_argument("--programme-report", default=os.path.join(ROOT, "exports", "rotherham-send-2017", "report.html"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--criterion", default="financial-viability", help="the slider the test moves")
    parser.add_argument("--steps", type=int, default=20, help="how many ArrowRight presses to move it by")
    parser.add_argument("--shots", default=os.path.join(ROOT, ".build-browser"), help="folder for screenshots and the PDF")
    options = parser.parse_args()

    os.makedirs(options.shots, exist_ok=True)
    checks = Checks()
    work = tempfile.mkdtemp(prefix="appraise-browser-")
    browser = Browser(options.chromium, work)
    try:
        page = Page(browser, "file://" + os.path.abspath(options.report))
        page.screenshot(os.path.join(options.shots, "report-tablet.png"))
        checks.check("report loads without console errors, exceptions or network requests", not page.problems(),
                     "; ".join(page.problems()))

        accessibility = page.evaluate("""({
          tablesWithoutCaption: Array.from(document.querySelectorAll('table')).filter(t => !t.caption || !t.caption.textContent.trim()).length,
          slidersWithoutLabel: Array.from(document.querySelectorAll('input, select, textarea'))
            .filter(i => i.labels.length === 0 && !(i.getAttribute('aria-label') || '').trim()).length,
          chartsWithoutText: Array.from(document.querySelectorAll('svg[role=img]')).filter(s => !(s.getAttribute('aria-labelledby') || '')
            .split(' ').every(id => id && document.getElementById(id) && document.getElementById(id).textContent.trim())).length,
          charts: document.querySelectorAll('svg[role=img]').length,
          h1: document.querySelectorAll('h1').length,
          sliders: document.querySelectorAll('#what-if input[type=range]').length
        })""")
        checks.check("every table has a caption", accessibility["tablesWithoutCaption"] == 0, json.dumps(accessibility))
        checks.check("every slider, share field and list has a label", accessibility["sliders"] > 0 and accessibility["slidersWithoutLabel"] == 0,
                     json.dumps(accessibility))
        checks.check("every chart has a title and description", accessibility["charts"] > 0 and accessibility["chartsWithoutText"] == 0,
                     json.dumps(accessibility))
        checks.check("one h1", accessibility["h1"] == 1, json.dumps(accessibility))

        initial = page.evaluate(RANKING_JS)
        expected_initial = tool_ranking(options.appraise, options.appraisal)
        checks.check("what-if panel starts at the ranking appraise computes", initial == expected_initial,
                     "page %s, tool %s" % (initial, expected_initial))

        slider = "document.querySelector('#what-if input[data-criterion=\"%s\"]')" % options.criterion
        page.evaluate(slider + ".scrollIntoView({block: 'center'}); " + slider + ".focus(); null")
        checks.check("slider takes keyboard focus", page.evaluate("document.activeElement === " + slider))
        before = page.evaluate(slider + ".value")
        page.key("ArrowRight", "ArrowRight", 39, times=options.steps)
        after = page.evaluate(slider + ".value")
        weights = page.evaluate(WEIGHTS_JS)
        moved = page.evaluate(RANKING_JS)
        expected_moved = tool_ranking(options.appraise, with_weights(options.appraisal, weights, work))
        checks.check("arrow keys move the %s slider (%s to %s)" % (options.criterion, before, after),
                     int(after) == int(before) + options.steps)
        checks.check("moved slider re-ranks the options exactly as appraise rank does for those weights", moved == expected_moved,
                     "page %s, tool %s" % (moved, expected_moved))
        checks.check("the moved weights change the ranking (the check above is not vacuous)",
                     [row["option"] for row in moved] != [row["option"] for row in initial])
        status = page.evaluate("document.getElementById('whatif-status').textContent")
        checks.check("status line says the ranking changed", "change" in status and "place" in status, status)
        page.evaluate("document.getElementById('what-if').scrollIntoView(); null")
        page.screenshot(os.path.join(options.shots, "report-what-if.png"))

        page.evaluate("document.getElementById('whatif-reset').focus(); null")
        page.key("Enter", "Enter", 13, text="\r")
        restored = page.evaluate(RANKING_JS)
        checks.check("reset restores the appraisal's ranking", restored == expected_initial, "page %s" % restored)
        checks.check("reset restores the slider", page.evaluate(slider + ".value") == before)
        checks.check("no errors after using the panel", not page.problems(), "; ".join(page.problems()))

        # The correction, where a member cannot miss it.
        correction = page.evaluate("""({
          heading: (document.querySelector('#summary .findings h3') || {}).textContent,
          link: !!document.querySelector('#summary .findings a[href="#reconciliation"]'),
          row: Array.from(document.querySelectorAll('#table-ranking tbody tr')).map(r => r.textContent).find(t => t.includes('Shared Service')),
          bar: Array.from(document.querySelectorAll('#totals svg g.bar')).map(g => g.textContent).find(t => t.includes('Shared Service')),
          checks: Array.from(document.querySelectorAll('#table-reconciliation tbody tr')).map(r => r.cells[r.cells.length - 1].textContent)
        })""")
        checks.check("the correction box has its heading and links to the reconciliation",
                     correction["heading"] == "The published totals contain an error" and correction["link"], json.dumps(correction)[:300])
        checks.check("Shared Service's row and bar say 26/40 (published 24/40, 4th)",
                     "26/40 (published 24/40, 4th)" in (correction["row"] or "") and "26/40 (published 24/40, 4th)" in (correction["bar"] or ""),
                     json.dumps(correction)[:400])
        differs = correction["checks"]
        checks.check("the reconciliation lists the rows that differ first",
                     "DIFFERS" in differs and differs == sorted(differs, key=lambda check: check != "DIFFERS"), json.dumps(differs))

        # A typed share reaches the tipping point the report states, exactly.
        page.evaluate("document.getElementById('what-if').scrollIntoView(); null")
        status = page.evaluate(SHARE_JS + "('child-focused', '8/15')")
        weights = page.evaluate(WEIGHTS_JS)
        share = fractions.Fraction(next(w["points"] for w in weights if w["criterion"] == "child-focused"), sum(w["points"] for w in weights))
        tied = page.evaluate(RANKING_JS)
        expected_tied = tool_ranking(options.appraise, with_weights(options.appraisal, weights, work))
        checks.check("typing 8/15 gives Child Focused exactly 8/15 of the weight", share == fractions.Fraction(8, 15), str(share))
        checks.check("at 8/15 the page ranks exactly as appraise rank does (a tie for first)",
                     tied == expected_tied and [row["label"] for row in tied[:2]] == ["1=", "1="], "page %s, tool %s" % (tied, expected_tied))
        checks.check("the status line names every option tied for first",
                     "Peer Practice Partner" in status and "Community Interest Company" in status and "share first place" in status, status)
        changes = page.evaluate("Array.from(document.querySelectorAll('#whatif-ranking tbody tr')).map(r => [r.dataset.option, r.cells[4].textContent])")
        checks.check("the tie is told as a tie: Community Interest Company is \"now level\", not \"up 1\", and the status says they now tie",
                     dict(changes).get("cic") == "now level" and "now tie" in status, json.dumps(changes) + " " + status)
        checks.check("the live chart follows the table at 8/15",
                     page.evaluate(CHART_JS) == [{"option": row["option"], "total": row["total"]} for row in tied], json.dumps(page.evaluate(CHART_JS)))
        status = page.evaluate(SHARE_JS + "('child-focused', '53.4')")
        weights = page.evaluate(WEIGHTS_JS)
        above = page.evaluate(RANKING_JS)
        expected_above = tool_ranking(options.appraise, with_weights(options.appraisal, weights, work))
        checks.check("just above 8/15, Community Interest Company is first exactly as appraise rank has it",
                     above == expected_above and above[0]["option"] == "cic" and above[0]["label"] == "1", "page %s, tool %s" % (above, expected_above))
        checks.check("the live chart follows the table above 8/15",
                     page.evaluate(CHART_JS) == [{"option": row["option"], "total": row["total"]} for row in above])
        checks.check("the weights chart shows the typed share",
                     "Child Focused 53.4%" in page.evaluate("document.getElementById('weights-chart-desc').textContent"))
        checks.check("a share that is not one is refused, naming the criterion",
                     "Child Focused" in page.evaluate(SHARE_JS + "('child-focused', 'lots')")
                     and page.evaluate(RANKING_JS) == above)

        # The weights the member settled on, recorded for real with the command the page offers.
        command = page.evaluate("document.getElementById('whatif-command').value")
        weight_set = json.loads(page.evaluate("document.getElementById('whatif-json').value"))
        recorded = write_copy(options.appraisal, json.load(open(options.appraisal, encoding="utf-8")), work, "recorded.json")
        # A file being edited has a journal; the reference copy starts one, as a user's would.
        subprocess.run([options.appraise, "adopt", recorded, "--reason", "a copy to record weights in", "--by", "browser test"],
                       capture_output=True, check=True)
        words = shlex.split(command)
        words[0:3] = [options.appraise, "weights", recorded]
        result = subprocess.run(words + ["--by", "browser test"], capture_output=True, text=True)
        checks.check("the offered command records the weights as a weight set", result.returncode == 0, command + " " + result.stderr)
        from_set = subprocess.run([options.appraise, "rank", recorded, "--weights", weight_set["id"], "--format", "json"], capture_output=True, text=True)
        if from_set.returncode == 0:
            ranked = json.loads(from_set.stdout)["ranking"]
            checks.check("ranking under the recorded set is the page's ranking", [entry["option"] for entry in ranked] == [row["option"] for row in above]
                         and [entry["rank"] for entry in ranked] == [row["rank"] for row in above])
        else:
            checks.check("ranking under the recorded set is the page's ranking", False, from_set.stderr)
        checks.check("the JSON weight set has the page's weights", weight_set["weights"] == {w["criterion"]: w["points"] for w in weights},
                     json.dumps(weight_set))

        # No weight at all: no ranking to show.
        for criterion in [w["criterion"] for w in weights]:
            page.evaluate("document.querySelector('#what-if input[data-criterion=\"%s\"]').focus(); null" % criterion)
            page.key("Home", "Home", 36)
        cleared = page.evaluate("({rows: document.querySelectorAll('#whatif-ranking tbody tr').length, "
                                "bars: document.querySelectorAll('#whatif-chart g.bar').length, "
                                "status: document.getElementById('whatif-status').textContent})")
        checks.check("with every weight at zero the ranking and chart are cleared and the status says why",
                     cleared["rows"] == 0 and cleared["bars"] == 0 and "zero" in cleared["status"], json.dumps(cleared))
        page.evaluate("document.getElementById('whatif-reset').click(); null")

        # Why one option beats another, as appraise compare says it.
        page.evaluate("(function () { var a = document.getElementById('compare-first'), b = document.getElementById('compare-second');"
                      " a.value = 'shared-service'; a.dispatchEvent(new Event('change')); b.value = 'cic'; b.dispatchEvent(new Event('change')); })()")
        shown = page.evaluate("""({summary: document.getElementById('compare-summary').textContent,
          rows: Array.from(document.querySelectorAll('#table-comparison tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent))})""")
        compared = json.loads(subprocess.run([options.appraise, "compare", options.appraisal, "shared-service", "cic", "--format", "json"],
                                             capture_output=True, text=True, check=True).stdout)
        labels = {c["id"]: c.get("shortName") or c["name"] for c in json.load(open(options.appraisal, encoding="utf-8"))["criteria"]}
        checks.check("the compare view words the comparison as appraise compare does", shown["summary"] == compared["summary"],
                     "page %r, tool %r" % (shown["summary"], compared["summary"]))
        checks.check("the compare view lists the criteria in appraise compare's order with its differences",
                     [row[0] for row in shown["rows"][:-1]] == [labels[c["criterion"]] for c in compared["criteria"]]
                     and [decimal.Decimal(row[6]) for row in shown["rows"][:-1]] == [decimal.Decimal(str(c["difference"])) for c in compared["criteria"]],
                     json.dumps(shown["rows"]))

        # Every colour that carries data stands out from white.
        colours = page.evaluate(COLOURS_JS)
        weak = {colour: round(contrast_with_white(colour), 2) for colour in colours if contrast_with_white(colour) < 3}
        checks.check("every chart colour (%d) has at least 3:1 contrast with white" % len(colours), len(colours) >= 16 and not weak, json.dumps(weak))

        # A phone: nothing scrolls sideways.
        phone = Page(browser, "file://" + os.path.abspath(options.report), width=360)
        overflow = phone.evaluate("({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})")
        checks.check("at 360 px wide the page does not scroll sideways", overflow["scroll"] <= 360 and overflow["client"] == 360, json.dumps(overflow))
        smallest = phone.evaluate("""Array.from(document.querySelectorAll('svg.chart')).map(function (svg) {
          var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          var sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
          return {chart: svg.id || svg.getAttribute('aria-labelledby'), size: Math.min.apply(null, sizes.length ? sizes : [99])};
        }).filter(c => c.size < 9.5)""")
        checks.check("at 360 px wide no chart text is smaller than 9.5 px (wide charts scroll in their own box)", not smallest, json.dumps(smallest))
        phone.screenshot(os.path.join(options.shots, "report-phone.png"))

        # Printed without JavaScript: A4, every reason shown, headings kept with what follows.
        plain = Page(browser, "file://" + os.path.abspath(options.report), scripts=False)
        plain.send("Emulation.setEmulatedMedia", {"media": "print"})
        printed = plain.evaluate("""({
          bullets: document.querySelectorAll('#rationale .bullets li').length,
          shown: Array.from(document.querySelectorAll('#rationale .bullets li')).filter(li => li.checkVisibility() && li.getBoundingClientRect().height > 0).length,
          open: document.querySelectorAll('details[open]').length,
          headings: Array.from(document.querySelectorAll('h2, h3')).every(h => getComputedStyle(h).breakAfter === 'avoid')
        })""")
        checks.check("printed without JavaScript, every rationale bullet (%d) is shown" % printed["bullets"],
                     printed["bullets"] > 0 and printed["shown"] == printed["bullets"] and printed["open"] == 0, json.dumps(printed))
        checks.check("in print, headings are kept with what follows", printed["headings"], json.dumps(printed))
        pdf = base64.b64decode(plain.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
        with open(os.path.join(options.shots, "report-no-script.pdf"), "wb") as file:
            file.write(pdf)
        boxes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf))
        checks.check("the page prints on A4", boxes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes), str(boxes))

        page.evaluate("window.scrollTo(0, 0); null")
        page.screenshot(os.path.join(options.shots, "report-full.png"), full=True)
        with open(os.path.join(options.shots, "report.pdf"), "wb") as file:
            file.write(base64.b64decode(page.send("Page.printToPDF", {"printBackground": True})["data"]))
        page.send("Emulation.setEmulatedMedia", {"media": "print"})
        checks.check("print stylesheet hides the what-if panel and the contents",
                     page.evaluate("getComputedStyle(document.getElementById('what-if')).display === 'none' && "
                                   "getComputedStyle(document.querySelector('nav')).display === 'none'"))

        # A third appraisal of another shape (costed, exact fractions in its tables) beside the two references.
        third = os.path.join(ROOT, "appraisals", "riverside-leisure-2026.json")
        subprocess.run([options.appraise, "export", third, "--format", "html", "--out", os.path.join(work, "third")], check=True, capture_output=True)
        for report, name in ((options.report, "review"), (options.programme_report, "programme"), (os.path.join(work, "third", "report.html"), "third")):
            layout_checks(browser, checks, report, name)
        programme_checks(browser, checks, options, work)

        hostile_path, attack = hostile_copy(options.appraisal, work)
        subprocess.run([options.appraise, "export", hostile_path, "--format", "html", "--out", os.path.join(work, "hostile")],
                       check=True, capture_output=True)
        hostile = Page(browser, "file://" + os.path.join(work, "hostile", "report.html"))
        hostile.evaluate("document.querySelector('#what-if input[type=range]').focus(); null")
        hostile.key("ArrowRight", "ArrowRight", 39, times=3)
        hostile.evaluate("document.querySelectorAll('details').forEach(d => d.open = true); "
                         "document.querySelectorAll('b').forEach(b => b.dispatchEvent(new MouseEvent('mouseover'))); null")
        shown = hostile.evaluate("""({
          pwned: window.__pwned === undefined ? null : String(window.__pwned),
          scripts: document.querySelectorAll("script:not(#vfm-data)").length,
          injected: document.querySelectorAll('img, b, main script').length,
          title: document.title,
          h1: document.querySelector('h1').textContent,
          text: document.body.textContent
        })""")
        checks.check("hostile appraisal: no injected code runs", shown["pwned"] is None, str(shown["pwned"]))
        checks.check("hostile appraisal: no injected elements", shown["injected"] == 0 and shown["scripts"] == 2,
                     "%d injected, %d scripts" % (shown["injected"], shown["scripts"]))
        checks.check("hostile appraisal: names and reasons shown as written",
                     shown["h1"] == attack["title"] and shown["title"] == attack["title"]
                     and attack["options"][0]["shortName"] in shown["text"] and attack["options"][1]["shortName"] in shown["text"]
                     and attack["criteria"][0]["shortName"] in shown["text"]
                     and attack["scores"][0]["rationale"][0]["text"] in shown["text"])
        checks.check("hostile appraisal: page still works without errors", not hostile.problems(), "; ".join(hostile.problems()))
    finally:
        browser.close()
        shutil.rmtree(work, ignore_errors=True)

    print("screenshots: " + ", ".join(sorted(os.listdir(options.shots))) + " in " + options.shots)
    print("browser: %d passed, %d failed" % (checks.passed, checks.failed))
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
