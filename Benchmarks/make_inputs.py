#!/usr/bin/env python3
"""Writes inputs of about a given size for Benchmarks/readers.sh: an appraisal (validate), a
score matrix (init --from-csv) and a KPI dataset (kpi). Deterministic: the same size gives the
same bytes.

    python3 Benchmarks/make_inputs.py DIR MEGABYTES
"""
import json
import os
import random
import sys


def appraisal(path, megabytes):
    rng = random.Random(2017)
    criteria = 20
    # About 190 bytes per score as the tool writes the file.
    options = max(1, int(megabytes * 1_000_000 / (criteria * 190)))
    doc = {
        "format": 1, "id": "generated", "title": "Generated appraisal", "body": "Benchmark", "date": "2025",
        "scale": {"min": 0, "max": 10, "step": 1},
        "criteria": [{"id": f"c{j}", "name": f"Criterion {j}", "offers": [], "weight": rng.randint(1, 10)} for j in range(criteria)],
        "options": [{"id": f"o{i}", "name": f"Option {i}", "description": "generated"} for i in range(options)],
        "scores": [{"option": f"o{i}", "criterion": f"c{j}", "value": rng.randint(0, 10),
                    "rationale": [{"kind": "for", "text": f"Reason for option {i} on criterion {j}"}]}
                   for i in range(options) for j in range(criteria)],
    }
    with open(path, "w") as out:
        json.dump(doc, out, indent=2)


def matrix(path, megabytes):
    rng = random.Random(2018)
    criteria = 8
    with open(path, "w") as out:
        out.write("Option," + ",".join(f"Criterion {j}" for j in range(criteria)) + "\n")
        i = 0
        while out.tell() < megabytes * 1_000_000:
            out.write(f"Option {i}," + ",".join(str(rng.randint(0, 5)) for _ in range(criteria)) + "\n")
            i += 1


def kpi(path, megabytes):
    rng = random.Random(2019)
    with open(path, "w") as out:
        out.write("dataset,generated\ntitle,Generated scorecard\nas at,Jun-17\n\n")
        out.write("theme,ref,title,polarity,unit,Apr-17,May-17,Jun-17,2015/16,2016/17,national average,note\n")
        i = 0
        while out.tell() < megabytes * 1_000_000:
            values = ",".join(str(rng.randint(0, 1000)) for _ in range(5))
            out.write(f"THEME {i // 100},{i // 1000}.{i % 1000}.{i},Indicator number {i} of the generated scorecard,High,Count,{values},{rng.randint(0, 1000)},\n")
            i += 1


if __name__ == "__main__":
    folder, megabytes = sys.argv[1], float(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    appraisal(os.path.join(folder, f"appraisal-{sys.argv[2]}mb.json"), megabytes)
    matrix(os.path.join(folder, f"matrix-{sys.argv[2]}mb.csv"), megabytes)
    kpi(os.path.join(folder, f"kpi-{sys.argv[2]}mb.csv"), megabytes)
