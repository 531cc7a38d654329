#!/usr/bin/env bash
# Builds the release benchmark, runs it, then runs the numpy reference on the same matrices
# and prints how many times faster the Swift SMAA is.
#   Benchmarks/run.sh [SMALL_SAMPLES] [LARGE_SAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-20000000}
large=${2:-40000}
scratch=${SCRATCH_PATH:-.build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

swift build -c release --scratch-path "$scratch" --product appraise-benchmark >/dev/null
"$scratch/release/appraise-benchmark" --out "$out" --small-samples "$small" --large-samples "$large" | tee "$out/swift.txt"

value() { grep -F "$1" "$out/swift.txt" | head -1 | awk '{print $NF}'; }
python_small=$(( small / 10 ))
python_large=$(( large / 4 ))
echo
echo "numpy reference (same matrices; $python_small and $python_large samples):"
python3 Benchmarks/smaa_reference.py "$out/reference-8x8.csv" "$python_small" \
    --expect-first "$(value 'smaa 8x8 first-place share')" | tee "$out/numpy-small.txt"
python3 Benchmarks/smaa_reference.py "$out/generated-1000x50.csv" "$python_large" | tee "$out/numpy-large.txt"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
swift_small=$(value 'smaa 8x8 samples per second')
swift_large=$(value 'smaa 1000x50 samples per second')
numpy_small=$(awk '/samples_per_second/ {print $2}' "$out/numpy-small.txt")
numpy_large=$(awk '/samples_per_second/ {print $2}' "$out/numpy-large.txt")
echo
echo "8x8:     Swift $swift_small samples/s, numpy $numpy_small samples/s: Swift is $(ratio "$swift_small" "$numpy_small") times as fast"
echo "1000x50: Swift $swift_large samples/s, numpy $numpy_large samples/s: Swift is $(ratio "$swift_large" "$numpy_large") times as fast"
echo
echo "exact SMAA first places against the independent oracle (scipy halfspace intersection + hull volume):"
python3 Benchmarks/exact_smaa_oracle.py "$out/exact-smaa-cases.csv"
