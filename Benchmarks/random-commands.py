#!/usr/bin/env python3
"""Every command finishes on every everyday appraisal.

Random valid appraisals up to 8 x 8 (or `--largest N`) with six-decimal weights and scores, each
run through the analyses and the report with the release build, timing each command from outside. Prints the slowest run of each command and exits 1 when
any command fails or takes longer than the bound (10 s by default).

    python3 Benchmarks/random-commands.py APPRAISE_BINARY [--files N] [--seed S] [--bound SECONDS] [--largest N]

Kept out of `swift test` (a timing is a measurement, not a unit test); `.ci/run` calls it with a
modest count, and a long run is `--files 1000`.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

COMMANDS = [
    ["validate"],
    ["rank"],
    ["rank", "--format", "json"],
    ["show"],
    ["sensitivity"],
    ["sensitivity", "--format", "json"],
    ["smaa", "--samples", "20000"],
    ["smaa", "--exact"],
    ["report", "--out", "{pack}"],
]


def six(rng, low, high):
    """A decimal with six places between low and high millionths."""
    value = rng.randint(low, high)
    whole, part = divmod(value, 1_000_000)
    return f"{whole}.{part:06d}".rstrip("0").rstrip(".") if part else str(whole)


def appraisal(rng, options, criteria, scale):
    if scale == "unit":
        scale_json = {"min": 0, "max": 1, "step": 0.000001}
        score = lambda: six(rng, 0, 1_000_000)
    elif scale == "percent":
        scale_json = {"min": 0, "max": 100, "step": 0.000001}
        score = lambda: six(rng, 0, 100_000_000)
    else:
        scale_json = {"min": 0, "max": 5, "step": 1}
        score = lambda: str(rng.randint(0, 5))
    criteria_text = ",\n".join(
        f'{{ "id": "c{c}", "name": "Criterion {c}", "offers": [], "weight": {six(rng, 1, 100_000_000)} }}'
        for c in range(criteria))
    options_text = ",\n".join(
        f'{{ "id": "o{o}", "name": "Option {o}", "description": "generated" }}' for o in range(options))
    scores = ",\n".join(
        f'{{ "option": "o{o}", "criterion": "c{c}", "value": {score()}, "rationale": [] }}'
        for o in range(options) for c in range(criteria))
    return (f'{{ "format": 1, "id": "random", "title": "Generated", "body": "Test", "date": "2026",\n'
            f'  "scale": {json.dumps(scale_json)},\n  "criteria": [{criteria_text}],\n'
            f'  "options": [{options_text}],\n  "scores": [{scores}] }}\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("appraise")
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--bound", type=float, default=10.0)
    parser.add_argument("--largest", type=int, default=8, help="most options and criteria (default 8)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    slowest = {}
    failures = []
    with tempfile.TemporaryDirectory() as work:
        for index in range(args.files):
            options, criteria = rng.randint(2, args.largest), rng.randint(2, args.largest)
            scale = ("unit", "percent", "points")[index % 3]
            path = os.path.join(work, f"random-{index}.json")
            with open(path, "w") as handle:
                handle.write(appraisal(rng, options, criteria, scale))
            for command in COMMANDS:
                words = [word.replace("{pack}", os.path.join(work, f"pack-{index}")) for word in command]
                label = "report" if command[0] == "report" else " ".join(command)
                start = time.monotonic()
                name = f"{index} ({options} x {criteria}, {scale})"
                try:
                    result = subprocess.run([args.appraise] + words + [path], capture_output=True, text=True,
                                            timeout=3 * args.bound)
                except subprocess.TimeoutExpired:
                    failures.append(f"{label} on file {name} was stopped after {3 * args.bound:.0f} s")
                    continue
                seconds = time.monotonic() - start
                if result.returncode not in (0, 1):
                    failures.append(f"{label} on file {name} exited {result.returncode}: {result.stderr.strip()[:200]}")
                if seconds > args.bound:
                    failures.append(f"{label} on file {name} took {seconds:.1f} s")
                if seconds > slowest.get(label, (0, ""))[0]:
                    slowest[label] = (seconds, name)
    print(f"{args.files} random appraisals up to {args.largest} x {args.largest} (seed {args.seed}), slowest run of each command:")
    for label, (seconds, name) in sorted(slowest.items()):
        print(f"  {label:<26} {seconds:6.2f} s  file {name}")
    for failure in failures:
        print("FAIL " + failure)
    print(f"{args.files * len(COMMANDS) - len(failures)} runs within the bound; {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
