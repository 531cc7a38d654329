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
     shows the text as written.
Screenshots (tablet viewport, what-if panel, full page) and a PDF go to --shots for a person
to look at; they are not committed.
"""

import argparse
import base64
import copy
import decimal
import fcntl
import json
import os
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

    def __init__(self, browser, url):
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.send(domain + ".enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": TABLET["width"], "height": TABLET["height"], "deviceScaleFactor": 1, "mobile": True})
        self.send("Page.navigate", {"url": url})
        browser.wait_for("Page.loadEventFired", self.session)

    def send(self, method, params=None):
        return self.browser.send(method, params, session=self.session)

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
            file.write(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))


RANKING_JS = """Array.from(document.querySelectorAll('#whatif-ranking tbody tr')).map(function (row) {
  return {option: row.dataset.option, rank: Number(row.dataset.rank), label: row.cells[0].textContent,
          total: row.cells[2].textContent.split('/')[0]};
})"""

WEIGHTS_JS = """Array.from(document.querySelectorAll('#what-if input[type=range]')).map(function (slider) {
  return {criterion: slider.dataset.criterion, points: Number(slider.value)};
})"""


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appraise", default=os.path.join(ROOT, ".build", "debug", "appraise"), help="the built appraise executable")
    parser.add_argument("--appraisal", default=os.path.join(ROOT, "appraisals", "rotherham-ama-2017.json"))
    parser.add_argument("--report", default=os.path.join(ROOT, "exports", "rotherham-ama-2017", "report.html"))
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
          slidersWithoutLabel: Array.from(document.querySelectorAll('input')).filter(i => i.labels.length === 0).length,
          chartsWithoutText: Array.from(document.querySelectorAll('svg[role=img]')).filter(s => !(s.getAttribute('aria-labelledby') || '')
            .split(' ').every(id => id && document.getElementById(id) && document.getElementById(id).textContent.trim())).length,
          charts: document.querySelectorAll('svg[role=img]').length,
          h1: document.querySelectorAll('h1').length,
          sliders: document.querySelectorAll('#what-if input[type=range]').length
        })""")
        checks.check("every table has a caption", accessibility["tablesWithoutCaption"] == 0, json.dumps(accessibility))
        checks.check("every slider has a label", accessibility["sliders"] > 0 and accessibility["slidersWithoutLabel"] == 0,
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

        page.evaluate("window.scrollTo(0, 0); null")
        page.screenshot(os.path.join(options.shots, "report-full.png"), full=True)
        with open(os.path.join(options.shots, "report.pdf"), "wb") as file:
            file.write(base64.b64decode(page.send("Page.printToPDF", {"printBackground": True})["data"]))
        page.send("Emulation.setEmulatedMedia", {"media": "print"})
        checks.check("print stylesheet hides the what-if panel and the contents",
                     page.evaluate("getComputedStyle(document.getElementById('what-if')).display === 'none' && "
                                   "getComputedStyle(document.querySelector('nav')).display === 'none'"))

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
