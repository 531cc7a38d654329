#!/usr/bin/env python3
"""Opens the pack's Word and Excel files in LibreOffice and checks what a clerk and an auditor would see.

Kept out of `swift test` (it needs LibreOffice); `.ci/run` calls it beside the browser test.
Needs only Python's standard library, Debian's headless LibreOffice (`soffice`) and
poppler's `pdftotext`/`pdfinfo`.

Checks:
  1. report.docx converts to PDF, on A4 pages; read back by LibreOffice (as HTML), its headings
     are Heading 1-3, every table has a repeating header row and every chart alternative text;
  2. the text of every cell of every table of the report (read from report.md, written by a
     different renderer) is found in the PDF, as are the headings and each chart's caption;
  3. workbook.xlsx opens and, recalculated, its Options sheet's totals and ranks equal those of
     `appraise rank --format json`;
  4. with a weight changed on the Weights sheet (the way a member would in Excel), the
     recalculated totals and ranks equal those `appraise rank` gives for an appraisal copy with
     that weight (so the formulas are live, not cached numbers), ties included;
  5. every table of the pack (each CSV file) is a sheet of the workbook with the same cells,
     found through the Contents sheet (sheets are named in words);
  6. names that look like formulas ("=1+1", "@SUM(1,2)") stay text in the recalculated workbook
     and in the Word report;
  7. for a programme (the SEND appraisal), the Programme sheet's flags as written give the
     spend and places `appraise programme` reports; funding instead the set the tool chooses
     within a smaller budget, the recalculated spend, places and benefit are the tool's for
     that set.
"""

import argparse
import csv
import decimal
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Recalculate every formula when a workbook is loaded, instead of trusting cached values.
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

# Comma, double quote, UTF-8, from row 1, raw values (not as shown), every sheet to its own file.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1"


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
            print("FAIL " + name + (": " + detail[:2000] if detail else ""))


def soffice(binary, profile, target, source, outdir, attempts=2):
    """One conversion in its own process group, ended as a whole if LibreOffice hangs; tried twice."""
    for attempt in range(attempts):
        process = subprocess.Popen([binary, "--headless", "--norestore", "-env:UserInstallation=file://" + profile, "--convert-to", target,
                                    "--outdir", outdir, source], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            output, errors = process.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            if attempt + 1 == attempts:
                raise RuntimeError("LibreOffice did not finish converting %s to %s" % (source, target))
            continue
        if process.returncode != 0:
            raise RuntimeError("LibreOffice could not convert %s: %s" % (source, errors.decode(errors="replace")))
        return


def squeeze(text):
    return re.sub(r"\s+", "", text)


def markdown_answer(path):
    """The sentence after "**The answer:**" in report.md, its lines joined and Markdown escapes undone."""
    with open(path, encoding="utf-8") as file:
        paragraphs = file.read().split("\n\n")
    for paragraph in paragraphs:
        if paragraph.startswith("**The answer:** "):
            return re.sub(r"\\(.)", r"\1", " ".join(paragraph[len("**The answer:** "):].split()))
    return ""


def markdown_tables(path):
    """Every table of report.md as (caption, rows of cells), Markdown escapes undone."""
    tables, caption, rows = [], None, []
    with open(path, encoding="utf-8") as file:
        lines = file.read().split("\n")
    for line in lines + [""]:
        if line.startswith("|"):
            if re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", line):
                continue
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            rows.append([re.sub(r"\\(.)", r"\1", cell.strip()) for cell in cells])
        else:
            if rows:
                tables.append((caption, rows))
                rows = []
            if line.startswith("#"):
                caption = line.lstrip("#").strip()
    return tables


def tool_ranking(appraise, appraisal):
    result = subprocess.run([appraise, "rank", appraisal, "--format", "json"], capture_output=True, text=True, check=True)
    entries = json.loads(result.stdout, parse_float=decimal.Decimal)["ranking"]
    return {entry["option"]: (decimal.Decimal(str(entry["total"])), entry["rank"]) for entry in entries}


def model_ranking(sheet_csv, labels):
    """Totals (to the nine places the workbook rounds to) and ranks from the recalculated Options sheet, by option id."""
    rows = list(csv.reader(io.StringIO(sheet_csv)))
    header = rows[2]
    total, rank = header.index("Total"), header.index("Rank")
    ids = {label: option for option, label in labels.items()}
    found = {}
    for row in rows[4:]:
        if not row or row[0] not in ids or row[total] == "":
            continue
        found[ids[row[0]]] = (decimal.Decimal(row[total]), int(decimal.Decimal(row[rank])))
    return found


def option_labels(appraisal_path):
    with open(appraisal_path, encoding="utf-8") as file:
        return {option["id"]: option.get("shortName") or option["name"] for option in json.load(file)["options"]}


def same(found, expected):
    """Equal ranks, and equal totals: exactly where the tool's JSON gives a total in full (up to
    five places), else to the six places it rounds a recurring decimal to."""
    if set(found) != set(expected):
        return False
    for option, (total, rank) in expected.items():
        got_total, got_rank = found[option]
        if got_rank != rank:
            return False
        if -total.as_tuple().exponent >= 6:
            got_total = got_total.quantize(decimal.Decimal("0.000001"), rounding=decimal.ROUND_HALF_UP)
        if got_total != total:
            return False
    return True


def with_weights(source, weights, folder):
    """A copy of the appraisal whose criteria carry the given weights, with the datasets it cites."""
    with open(source, encoding="utf-8") as file:
        appraisal = json.load(file)
    for dataset in appraisal.get("kpiDatasets", []):
        target = os.path.join(folder, dataset)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(os.path.dirname(source), dataset), target)
    for criterion in appraisal["criteria"]:
        criterion["weight"] = weights[criterion["id"]]
    path = os.path.join(folder, "weighted-copy.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(appraisal, file, ensure_ascii=False, indent=2)
    return path


def column_number(letters):
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def cell_span(text, reference):
    """Where the cell at a reference ("K3") is in a sheet's XML: a cell gives its reference
    only after a gap, otherwise it follows the cell before it."""
    letters = re.match(r"[A-Z]+", reference).group(0)
    row = re.search(r'<row r="%s"[^>]*>(.*?)</row>' % reference[len(letters):], text)
    assert row, "no row for %s" % reference
    position = 0
    for cell in re.finditer(r"<c(?: [^>]*)?>.*?</c>", row.group(1)):
        given = re.match(r'<c r="([A-Z]+)\d+"', cell.group(0))
        position = column_number(given.group(1)) if given else position + 1
        if position == column_number(letters):
            return row.start(1) + cell.start(), row.start(1) + cell.end()
    return None


def set_cells(workbook, sheet, values, target):
    """The workbook with cells of one sheet (by its number) set to numbers, as a member would type them."""
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet%d.xml" % sheet:
                text = data.decode("utf-8")
                for reference, value in values.items():
                    span = cell_span(text, reference)
                    number = span and re.fullmatch(r'(<c(?: r="[A-Z]+\d+")?(?: s="\d+")?><v>)[^<]*(</v></c>)', text[span[0]:span[1]])
                    assert number, "no number in cell %s of sheet %d" % (reference, sheet)
                    text = text[:span[0]] + number.group(1) + str(value) + number.group(2) + text[span[1]:]
                data = text.encode("utf-8")
            out.writestr(info, data)


def set_weights(workbook, weights, target):
    """The workbook with the Weights sheet's inputs (column B from row 2) set."""
    set_cells(workbook, 2, {"B%d" % (index + 2): weight for index, weight in enumerate(weights)}, target)


def sheets(binary, profile, workbook, outdir):
    """Every sheet of the workbook, recalculated by LibreOffice, as CSV text by sheet name."""
    os.makedirs(outdir, exist_ok=True)
    soffice(binary, profile, CSV_FILTER, workbook, outdir)
    stem = os.path.splitext(os.path.basename(workbook))[0] + "-"
    found = {}
    for name in os.listdir(outdir):
        if name.startswith(stem) and name.endswith(".csv"):
            with open(os.path.join(outdir, name), encoding="utf-8") as file:
                found[name[len(stem):-4]] = file.read()
    return found


def programme_sheet(sheet_csv):
    """The Programme sheet: flags by proposal name, and the summary figures by their label."""
    rows = list(csv.reader(io.StringIO(sheet_csv)))
    flags, figures = {}, {}
    for row in rows[1:]:
        if len(row) > 2 and row[1] in ("0", "1"):
            flags[row[0]] = row[1]
        elif len(row) > 2 and row[0] and row[2]:
            figures[row[0]] = row[2]
    return flags, figures


def tool_programme(appraise, appraisal, extra=()):
    result = subprocess.run([appraise, "programme", appraisal, "--format", "json", "--samples", "10"] + list(extra),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout, parse_float=decimal.Decimal)


def programme_checks(checks, options, profile, work):
    """The Programme sheet of the SEND pack recalculates to the tool's figures, as written and for another set."""
    appraisal = os.path.join(ROOT, "appraisals", "rotherham-send-2017.json")
    pack = os.path.join(ROOT, "exports", "rotherham-send-2017")
    workbook = os.path.join(pack, "workbook.xlsx")
    with open(appraisal, encoding="utf-8") as file:
        names = {option["id"]: option.get("shortName") or option["name"] for option in json.load(file)["options"]}
    found = sheets(options.soffice, profile, workbook, os.path.join(work, "send"))
    flags, figures = programme_sheet(found["Programme"])
    with open(os.path.join(pack, "programme-constraints.csv"), encoding="utf-8-sig") as file:
        constraints = {row[0]: row for row in csv.reader(file)}
    spend = decimal.Decimal(constraints["Budget: Capital cost"][2].replace("£", "").replace(",", ""))
    places = decimal.Decimal(constraints["Target: SEND places (not met)"][2].split()[0])
    checks.check("the Programme sheet as written funds the tool's set and recalculates to its spend (%s) and places (%s)" % (spend, places),
                 decimal.Decimal(figures.get("Spend on capital cost", "nan")) == spend
                 and decimal.Decimal(figures.get("Achieved: SEND places", "nan")) == places
                 and figures.get("Within budget") == "yes" and figures.get("Target met") == "no", json.dumps(figures))

    # Another set: the one the tool chooses within £300,000 (its places counted by a target
    # every set meets), ticked in the workbook.
    report = tool_programme(options.appraise, appraisal, ["--budget", "capital=300000", "--target", "places>=0"])
    best = report["best"]["choices"][0]
    funded = set(best["proposals"])
    rows = list(csv.reader(io.StringIO(found["Programme"])))
    values = {}
    for index, row in enumerate(rows):
        if index > 0 and len(row) > 1 and row[1] in ("0", "1"):
            ident = next(key for key, name in names.items() if name == row[0])
            values["B%d" % (index + 1)] = 1 if ident in funded else 0
    changed = os.path.join(work, "send-changed.xlsx")
    set_cells(workbook, 3, values, changed)
    flags, figures = programme_sheet(sheets(options.soffice, profile, changed, os.path.join(work, "send-changed"))["Programme"])
    uses = {(use["kind"], use["measure"]): decimal.Decimal(str(use["amount"])) for use in best["constraints"]}
    expected_spend = uses[("budget", "capital")]
    expected_places = uses[("target", "places")]
    checks.check("funding the tool's set within £300,000 instead, the workbook recalculates to its spend (%s), places (%s) and benefit (%s)"
                 % (expected_spend, expected_places, best["benefit"]),
                 decimal.Decimal(figures.get("Spend on capital cost", "nan")) == expected_spend
                 and decimal.Decimal(figures.get("Achieved: SEND places", "nan")) == expected_places
                 and decimal.Decimal(figures.get("Benefit of the funded set", "nan")) == decimal.Decimal(str(best["benefit"])),
                 json.dumps(figures) + " " + json.dumps(best, default=str)[:400])
    checks.check("the other set differs from the tool's choice at £740,000 (the check above is not vacuous)",
                 decimal.Decimal(figures.get("Spend on capital cost", "nan")) != spend, json.dumps(figures))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appraise", default=os.path.join(ROOT, ".build", "debug", "appraise"))
    parser.add_argument("--appraisal", default=os.path.join(ROOT, "appraisals", "rotherham-ama-2017.json"))
    parser.add_argument("--pack", default=os.path.join(ROOT, "exports", "rotherham-ama-2017"))
    parser.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    parser.add_argument("--criterion", default="child-focused", help="the weight the workbook test changes")
    parser.add_argument("--weight", default="8", help="its new weight, the others set to 1 (8 of 15 with eight criteria)")
    options = parser.parse_args()

    checks = Checks()
    work = tempfile.mkdtemp(prefix="appraise-office-")
    profile = os.path.join(work, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as file:
        file.write(PROFILE)
    try:
        # Word: the document converts, on A4, with every table's text.
        soffice(options.soffice, profile, "pdf", os.path.join(options.pack, "report.docx"), work)
        pdf = os.path.join(work, "report.pdf")
        checks.check("report.docx converts to PDF in LibreOffice", os.path.exists(pdf))
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        checks.check("the Word report is laid out on A4", "(A4)" in info, info)
        text = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True, check=True).stdout
        flat = squeeze(text)
        tables = markdown_tables(os.path.join(options.pack, "report.md"))
        missing = []
        cells = 0
        for caption, rows in tables:
            if caption and squeeze(caption) not in flat:
                missing.append("heading " + caption)
            for row in rows:
                for cell in row:
                    cells += 1
                    if squeeze(cell) not in flat:
                        missing.append("%s: %r" % (caption, cell))
        checks.check("every cell of the report's %d tables (%d cells) is in the PDF" % (len(tables), cells),
                     len(tables) > 5 and not missing, "; ".join(missing[:20]))
        with open(os.path.join(options.pack, "manifest.json"), encoding="utf-8") as file:
            charts = [entry["path"] for entry in json.load(file)["files"] if entry["path"].endswith(".svg")]
        # The committee paper captions a chart "Figure 2: Totals by criterion".
        figures = re.findall(r"Figure \d+:", text)
        checks.check("each of the %d charts appears as a numbered figure with its description" % len(charts),
                     len(charts) > 0 and len(set(figures)) == len(charts), "%d figures" % len(set(figures)))
        checks.check("the charts are drawn with their text (axis titles found in the PDF)",
                     text.count("Total, points out of") >= 1 and text.count("Share of the weight on") == len(charts) - 2,
                     "%d, %d" % (text.count("Total, points out of"), text.count("Share of the weight on")))
        with open(os.path.join(options.pack, "report.json"), encoding="utf-8") as file:
            report = json.load(file)
        for sentence in report.get("reconciliation", {}).get("consequences", [])[:1]:
            checks.check("the document states: " + sentence[:60] + "…", squeeze(sentence) in flat)
        # The committee paper gives its answer in its own words ("… is the preferred option, first
        # with 33/40, …"), not report.json's headline: the answer report.md gives is in the PDF,
        # and it names the option first in report.json's ranking with its total.
        answer = markdown_answer(os.path.join(options.pack, "report.md"))
        first = report["ranking"][0]
        label = next((option.get("shortName") or option["name"] for option in report["options"] if option["id"] == first["option"]), first["name"])
        checks.check("the document states its answer: " + answer[:60] + "…",
                     answer.startswith(label + " ") and ("%s/%s" % (first["total"], first["maximum"])) in answer
                     and squeeze(answer) in flat, answer)

        # The styles as LibreOffice reads them: its HTML export writes Heading n as <hn>, a
        # repeating header row as <thead>, and an image's alternative text as alt.
        soffice(options.soffice, profile, "html", os.path.join(options.pack, "report.docx"), os.path.join(work, "html"))
        with open(os.path.join(work, "html", "report.html"), encoding="utf-8", errors="replace") as file:
            page = file.read()
        levels = [len(re.findall(r"<h%d[ >]" % level, page)) for level in (1, 2, 3)]
        checks.check("headings are Word's Heading 1, 2 and 3 (%s)" % levels, all(levels))
        tables_read, heads = len(re.findall(r"<table[ >]", page)), len(re.findall(r"<thead[ >]", page))
        checks.check("every table (%d) has a header row that repeats on each page" % tables_read, tables_read == len(tables) and heads == tables_read,
                     "%d tables, %d header rows, %d in report.md" % (tables_read, heads, len(tables)))
        images = re.findall(r"<img [^>]*>", page)
        checks.check("every chart is an image with alternative text",
                     len(images) == len(charts) and all(re.search(r'alt="[^"]{10,}"', image) for image in images), "; ".join(images)[:500])

        # Excel: recalculated on opening, the Model sheet ranks as the tool does.
        workbook = os.path.join(options.pack, "workbook.xlsx")
        found = sheets(options.soffice, profile, workbook, os.path.join(work, "as-written"))
        expected = tool_ranking(options.appraise, options.appraisal)
        labels = option_labels(options.appraisal)
        model = model_ranking(found["Options"], labels)
        checks.check("recalculated Options totals and ranks equal appraise rank's", same(model, expected),
                     "workbook %s, tool %s" % (model, expected))

        with open(options.appraisal, encoding="utf-8") as file:
            criteria = [criterion["id"] for criterion in json.load(file)["criteria"]]
        weights = {criterion: (json.loads(options.weight) if criterion == options.criterion else 1) for criterion in criteria}
        changed = os.path.join(work, "changed.xlsx")
        set_weights(workbook, [weights[criterion] for criterion in criteria], changed)
        found_changed = sheets(options.soffice, profile, changed, os.path.join(work, "changed"))
        expected_changed = tool_ranking(options.appraise, with_weights(options.appraisal, weights, work))
        model_changed = model_ranking(found_changed["Options"], labels)
        checks.check("with %s weighted %s, the recalculated workbook equals appraise rank for those weights"
                     % (options.criterion, options.weight), same(model_changed, expected_changed),
                     "workbook %s, tool %s" % (model_changed, expected_changed))
        checks.check("the changed weight moves the totals (the check above is not vacuous)", model_changed != model)
        firsts = sorted(option for option, (_, rank) in model_changed.items() if rank == 1)
        print("     first under the changed weights: " + ", ".join(firsts))

        # Every CSV table of the pack is a sheet with the same cells.
        differing = []
        by_file = {row[2]: row[0] for row in csv.reader(io.StringIO(found["Contents"])) if len(row) > 2 and row[2].endswith(".csv")}
        checks.check("sheets are named in words, not file names", by_file and all(not sheet.endswith(".csv") and "-" not in sheet.split(" ")[0]
                                                                                  for sheet in by_file.values()), json.dumps(by_file)[:300])
        for name in sorted(os.listdir(options.pack)):
            if not name.endswith(".csv"):
                continue
            sheet = by_file.get(name, name)
            with open(os.path.join(options.pack, name), encoding="utf-8-sig") as file:
                table = list(csv.reader(file))
            if sheet not in found:
                differing.append(sheet + " missing")
                continue
            rows = list(csv.reader(io.StringIO(found[sheet])))
            for index, row in enumerate(table):
                got = rows[index] if index < len(rows) else []
                for column, cell in enumerate(row):
                    value = got[column] if column < len(got) else ""
                    if cell == value:
                        continue
                    # The CSV files neutralise a cell that a spreadsheet would read as a formula
                    # with a leading apostrophe; the workbook writes the same text as a string.
                    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@") and cell[1:] == value:
                        continue
                    try:
                        if cell.endswith("%") and value.endswith("%") and decimal.Decimal(cell[:-1]) == decimal.Decimal(value[:-1]):
                            continue
                        if decimal.Decimal(cell) == decimal.Decimal(value):
                            continue
                    except decimal.InvalidOperation:
                        pass
                    differing.append("%s row %d column %d: %r vs %r" % (sheet, index + 1, column + 1, cell, value))
        checks.check("every CSV table of the pack is a workbook sheet with the same cells", not differing, "; ".join(differing[:10]))

        # Names that look like formulas stay text once LibreOffice has recalculated everything.
        with open(options.appraisal, encoding="utf-8") as file:
            hostile = json.load(file)
        hostile["options"][0]["shortName"] = "=1+1"
        hostile["criteria"][0]["shortName"] = "@SUM(1,2)"
        hostile_path = os.path.join(work, "hostile.json")
        for dataset in hostile.get("kpiDatasets", []):
            target = os.path.join(work, dataset)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(os.path.dirname(options.appraisal), dataset), target)
        with open(hostile_path, "w", encoding="utf-8") as file:
            json.dump(hostile, file, ensure_ascii=False)
        subprocess.run([options.appraise, "export", hostile_path, "--format", "xlsx,docx", "--out", os.path.join(work, "hostile")],
                       check=True, capture_output=True)
        hostile_sheets = sheets(options.soffice, profile, os.path.join(work, "hostile", "workbook.xlsx"), os.path.join(work, "hostile-csv"))
        model_rows = list(csv.reader(io.StringIO(hostile_sheets["Options"])))
        checks.check("names that look like formulas stay text in the recalculated workbook",
                     model_rows[2][1] == "@SUM(1,2)" and any(row[0] == "=1+1" for row in model_rows[4:] if row),
                     json.dumps(model_rows[:6]))
        soffice(options.soffice, profile, "pdf", os.path.join(work, "hostile", "report.docx"), os.path.join(work, "hostile"))
        hostile_text = subprocess.run(["pdftotext", "-raw", os.path.join(work, "hostile", "report.pdf"), "-"],
                                      capture_output=True, text=True, check=True).stdout
        checks.check("and as written in the Word report", "=1+1" in hostile_text and "@SUM(1,2)" in hostile_text)

        programme_checks(checks, options, profile, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("office: %d passed, %d failed" % (checks.passed, checks.failed))
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
