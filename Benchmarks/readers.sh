#!/usr/bin/env bash
# Time and peak memory of the readers on inputs of 1, 10 and 30 MB (or the sizes given):
# validate (an appraisal), init --from-csv (a score matrix) and kpi (a KPI dataset), with the
# release build of appraise and /usr/bin/time. Prints one line per command and size, with
# the input's size and peak memory as a multiple of it.
#   Benchmarks/readers.sh [SIZE_MB ...]
#   COMMANDS="validate init" Benchmarks/readers.sh 1 10   # only some of the readers
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 10 30)
commands=${COMMANDS:-"validate init kpi"}
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product appraise >/dev/null
appraise="$(pwd)/$scratch/release/appraise"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export USER=${USER:-benchmark}

measure() { # label, input file, command...
    local label=$1 input=$2; shift 2
    local status=0 bytes
    bytes=$(stat -c %s "$input")
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || status=$?
    # The last line of the time file holds "seconds user-seconds peak-KiB" (a failing command adds one before it).
    awk -v label="$label" -v bytes="$bytes" -v status="$status" 'END {
        printf "%-16s %7.2f MB  %8.2f s wall  %8.2f s CPU  %9.1f MiB  %6.1f x input  exit %s\n",
            label, bytes / 1e6, $1, $2, $3 / 1024, $3 * 1024 / bytes, status }' "$work/time"
    if [ "$status" -ne 0 ]; then tail -n 2 "$work/err"; fi
}

for size in "${sizes[@]}"; do
    python3 Benchmarks/make_inputs.py "$work" "$size"
    for command in $commands; do
        case $command in
        validate) measure validate "$work/appraisal-${size}mb.json" "$appraise" validate "$work/appraisal-${size}mb.json" ;;
        init)
            rm -f "$work/new.json" "$work/new.json.journal"
            measure "init --from-csv" "$work/matrix-${size}mb.csv" \
                "$appraise" init "$work/new.json" --title T --body B --date 2026 --scale 0..5 --from-csv "$work/matrix-${size}mb.csv" ;;
        kpi) measure kpi "$work/kpi-${size}mb.csv" "$appraise" kpi "$work/kpi-${size}mb.csv" ;;
        esac
    done
    rm -f "$work"/*"${size}mb"* "$work/new.json" "$work/new.json.journal"
done
