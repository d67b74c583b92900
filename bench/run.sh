#!/usr/bin/env bash
# Reproduces docs/performance.md: generates the synthetic membership, compiles the
# CMC policy, times `certc run` end to end on one and two cores, and runs the
# in-process benchmarks. Usage: bash bench/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/generate_members.py --members 15000 > "$work/members.json"
python3 bench/generate_members.py --pathological > "$work/pathological.json"
"$build/bin/certc" build policies/iimc/cmc.cert -o "$work/cmc.json"
activities=$(python3 -c "import json,sys; print(sum(len(m['activities']) for m in json.load(open(sys.argv[1]))))" "$work/members.json")
for jobs in 1 2; do
  start=$(date +%s.%N)
  "$build/bin/certc" run "$work/cmc.json" "$work/members.json" --as-of 2026-11-23 --format json --jobs "$jobs" > "$work/out.jsonl"
  end=$(date +%s.%N)
  python3 -c "import sys; a,s,e,j=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),sys.argv[4]; print(f'end to end, --jobs {j}: {a} activities in {e-s:.2f} s = {a/(e-s):,.0f} activities/s')" "$activities" "$start" "$end" "$jobs"
done
CERTC_BENCH_POLICY="$work/cmc.json" CERTC_BENCH_MEMBERS="$work/members.json" \
CERTC_BENCH_PATHOLOGICAL="$work/pathological.json" "$build/bin/certc_bench" --benchmark_min_time=0.2
