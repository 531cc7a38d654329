#!/usr/bin/env bash
# Time and peak memory of `kpi` on generated KPI datasets of 1, 10 and 30 MB (or the sizes
# given), in each output format, with the ratio of peak memory to the input's size. Release
# build of appraise, /usr/bin/time; the datasets come from make_inputs.py (deterministic).
#   Benchmarks/kpi.sh [SIZE_MB ...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 10 30)
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product appraise >/dev/null
appraise="$(pwd)/$scratch/release/appraise"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-8s %8s %8s %10s %8s %12s\n' format "input MB" seconds "peak MiB" "× input" "output MB"
for size in "${sizes[@]}"; do
    input="$work/kpi-${size}mb.csv"
    python3 -c "import sys; sys.path.insert(0, 'Benchmarks'); import make_inputs; make_inputs.kpi(sys.argv[1], float(sys.argv[2]))" "$input" "$size"
    bytes=$(stat -c %s "$input")
    for format in text csv md json; do
        /usr/bin/time -f "%e %M" -o "$work/time" "$appraise" kpi "$input" --format "$format" >"$work/out" 2>"$work/err"
        out=$(stat -c %s "$work/out")
        awk -v f="$format" -v b="$bytes" -v o="$out" 'END { printf "%-8s %8.1f %8.2f %10.1f %8.1f %12.1f\n", f, b / 1e6, $1, $2 / 1024, $2 * 1024 / b, o / 1e6 }' "$work/time"
    done
    rm -f "$input" "$work/out"
done
