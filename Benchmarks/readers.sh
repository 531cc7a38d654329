#!/usr/bin/env bash
# Time and peak memory of the readers on inputs of 1, 10 and 100 MB (or the sizes given):
# validate (an appraisal), init --from-csv (a score matrix) and kpi (a KPI dataset), with the
# release build of appraise and /usr/bin/time. Prints one line per command and size.
#   Benchmarks/readers.sh [SIZE_MB ...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 10 100)
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product appraise >/dev/null
appraise="$(pwd)/$scratch/release/appraise"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export USER=${USER:-benchmark}

measure() { # label, size, command...
    local label=$1 size=$2; shift 2
    local status=0
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || status=$?
    # The last line of the time file holds "seconds peak-KiB" (a failing command adds one before it).
    awk -v label="$label" -v size="$size" -v status="$status" 'END { printf "%-16s %6s MB  %8.2f s  %9.1f MiB  exit %s\n", label, size, $1, $2 / 1024, status }' "$work/time"
}

for size in "${sizes[@]}"; do
    python3 Benchmarks/make_inputs.py "$work" "$size"
    measure validate "$size" "$appraise" validate "$work/appraisal-${size}mb.json"
    rm -f "$work/new.json" "$work/new.json.journal"
    measure "init --from-csv" "$size" "$appraise" init "$work/new.json" --title T --body B --scale 0..5 --from-csv "$work/matrix-${size}mb.csv"
    measure kpi "$size" "$appraise" kpi "$work/kpi-${size}mb.csv"
    rm -f "$work"/*"${size}mb"* "$work/new.json" "$work/new.json.journal"
done
