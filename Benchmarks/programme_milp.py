#!/usr/bin/env python3
"""The whole `programme` command on generated programmes, checked against CBC (through PuLP).

    pip install pulp
    python3 Benchmarks/programme_milp.py [--appraise .build/release/appraise] [--keep DIR]

For each generated appraisal (one capital budget, some dependencies and exclusions; and hard
cases where benefit tracks cost) it times `appraise programme FILE --format json` (the optimum,
runners-up, robustness with 10,000 sampled weightings, the budget frontier and budget
changes), solves the same 0-1 programme with CBC, and checks that the tool's set keeps every
rule and is worth exactly CBC's optimum. Benefits are compared as integers: weights and scores
are whole numbers, and the tool's weighted totals are a positive multiple of them.
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

import pulp

CRITERIA = 4
WEIGHTS = [3, 2, 2, 1]


def generate(count, seed, hard=False, rules=True):
    rng = random.Random(seed)
    ids = [f"p{i + 1}" for i in range(count)]
    scores, costs = {}, {}
    for pid in ids:
        if hard:
            # Benefit tracks cost: every proposal buys about the same benefit per pound.
            row = [rng.randint(1, 5) for _ in range(CRITERIA)]
            benefit = sum(w * s for w, s in zip(WEIGHTS, row))
            cost = benefit * 10_000 + rng.randint(0, 40) * 250
        else:
            size = rng.randint(1, 5)
            row = [min(5, max(0, size - 1 + rng.randint(0, 2))) for _ in range(CRITERIA)]
            cost = 20_000 + size * 60_000 + rng.randint(0, 199) * 1_000
        scores[pid], costs[pid] = row, cost
    budget = sum(costs.values()) // 2
    dependencies, exclusions = [], []
    if rules:
        for _ in range(max(1, count // 10)):
            a, b = rng.sample(ids, 2)
            dependencies.append({"option": a, "needs": b})
        pool = rng.sample(ids, min(count, 3 * max(1, count // 20)))
        exclusions = [{"atMostOne": pool[i:i + 3]} for i in range(0, len(pool) - 2, 3)]
    appraisal = {
        "format": 1, "id": f"generated-{count}", "title": "Generated programme", "body": "Benchmark", "date": "2020",
        "scale": {"min": 0, "max": 5, "step": 1},
        "criteria": [{"id": f"c{k}", "name": f"Criterion {k}", "offers": ["x"], "weight": WEIGHTS[k]} for k in range(CRITERIA)],
        "options": [{"id": pid, "name": f"Proposal {pid}", "description": "d"} for pid in ids],
        "scores": [{"option": pid, "criterion": f"c{k}", "value": scores[pid][k], "rationale": []}
                   for pid in ids for k in range(CRITERIA)],
        "measures": [{"id": "capital", "name": "Capital cost", "unit": "GBP", "kind": "cost"}],
        "amounts": [{"option": pid, "measure": "capital", "value": costs[pid]} for pid in ids],
        "decision": "choose-set",
        "programme": {"budgets": [{"measure": "capital", "limit": budget}], "dependencies": dependencies,
                      "exclusions": exclusions},
    }
    return appraisal


def benefit(appraisal, pid):
    row = {s["criterion"]: s["value"] for s in appraisal["scores"] if s["option"] == pid}
    return sum(c["weight"] * row[c["id"]] for c in appraisal["criteria"])


def cbc(appraisal):
    ids = [o["id"] for o in appraisal["options"]]
    cost = {a["option"]: a["value"] for a in appraisal["amounts"]}
    rules = appraisal["programme"]
    model = pulp.LpProblem("programme", pulp.LpMaximize)
    x = {pid: pulp.LpVariable(pid, cat="Binary") for pid in ids}
    model += pulp.lpSum(benefit(appraisal, pid) * x[pid] for pid in ids)
    model += pulp.lpSum(cost[pid] * x[pid] for pid in ids) <= rules["budgets"][0]["limit"]
    for d in rules["dependencies"]:
        model += x[d["option"]] <= x[d["needs"]]
    for e in rules["exclusions"]:
        model += pulp.lpSum(x[pid] for pid in e["atMostOne"]) <= 1
    started = time.perf_counter()
    model.solve(pulp.PULP_CBC_CMD(msg=False))
    elapsed = time.perf_counter() - started
    assert pulp.LpStatus[model.status] == "Optimal", pulp.LpStatus[model.status]
    return round(pulp.value(model.objective)), elapsed


def keeps_rules(appraisal, chosen):
    cost = {a["option"]: a["value"] for a in appraisal["amounts"]}
    rules = appraisal["programme"]
    return (sum(cost[p] for p in chosen) <= rules["budgets"][0]["limit"]
            and all(d["needs"] in chosen for d in rules["dependencies"] if d["option"] in chosen)
            and all(len(set(e["atMostOne"]) & chosen) <= 1 for e in rules["exclusions"]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--appraise", default=".build/release/appraise")
    parser.add_argument("--keep", help="directory to keep the generated files in")
    parser.add_argument("--timeout", type=float, default=120)
    arguments = parser.parse_args()
    folder = arguments.keep or tempfile.mkdtemp()
    os.makedirs(folder, exist_ok=True)
    cases = [("20, rules", 20, 20, False), ("60, rules", 60, 60, False), ("200, rules", 200, 200, False),
             ("100, benefit tracks cost", 100, 101, True), ("200, benefit tracks cost", 200, 201, True)]
    print(f"{'case':<28}{'wall (s)':>10}{'CPU (s)':>10}{'CBC (s)':>10}{'optimum':>10}  same   sampled  limits")
    failures = 0
    for name, count, seed, hard in cases:
        appraisal = generate(count, seed, hard=hard)
        path = os.path.join(folder, f"programme-{count}-{'hard' if hard else 'rules'}.json")
        with open(path, "w") as handle:
            json.dump(appraisal, handle, indent=1)
        started = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            run = subprocess.run([arguments.appraise, "programme", path, "--format", "json"], capture_output=True, text=True,
                                 timeout=arguments.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name:<28} did not finish within {arguments.timeout} s")
            failures += 1
            continue
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if run.returncode != 0:
            print(f"{name:<28} appraise failed: {run.stderr.strip()}")
            failures += 1
            continue
        report = json.loads(run.stdout)
        chosen = set(report["best"]["choices"][0]["proposals"])
        value = sum(benefit(appraisal, pid) for pid in chosen)
        optimum, solver = cbc(appraisal)
        same = value == optimum and keeps_rules(appraisal, chosen)
        failures += 0 if same else 1
        sampled = report["robustness"]["sampled"][0]["samples"]
        limits = sum(1 for f in report["findings"] if "work limit" in f or "too many to list" in f)
        print(f"{name:<28}{elapsed:>10.2f}{cpu:>10.2f}{solver:>10.3f}{optimum:>10}  {'yes' if same else 'NO':<5}{sampled:>9}  {limits}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
