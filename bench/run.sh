#!/usr/bin/env bash
# Reproduces docs/performance.md: generates the synthetic membership, compiles the
# CMC policy, times `certc run` end to end on one and two cores and `certc diff`'s
# membership impact on one core, and runs the in-process benchmarks. Usage: bash bench/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/generate_members.py --members 15000 > "$work/members.json"
python3 bench/generate_members.py --pathological > "$work/pathological.json"
"$build/bin/certc" build policies/iimc/cmc.cert -o "$work/cmc.json"
activities=$(python3 -c "import json,sys; print(sum(len(m['activities']) for m in json.load(open(sys.argv[1]))))" "$work/members.json")
# Wall time, CPU time (user + system, so that a shared machine's figures can
# still be compared: activities per CPU second is the per-core rate) and peak
# memory (os.wait4's rusage, per run) of `certc run`. Python's json.load of the
# same file, in the same script, is the yardstick of issue 14 (end to end in at
# most 0.35 of its time).
python3 - "$activities" "$build/bin/certc" "$work" <<'PY'
import json, os, subprocess, sys, time
activities, certc, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
runs = []
for fmt, jobs in (("json", "1"), ("json", "2"), ("text", "1")):
    start = time.monotonic()
    with open(f"{work}/out.{fmt}", "wb") as out:
        child = subprocess.Popen([certc, "run", f"{work}/cmc.json", f"{work}/members.json", "--as-of", "2026-11-23",
                                  "--format", fmt, "--jobs", jobs], stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        sys.exit(f"certc run --format {fmt} --jobs {jobs} failed")
    runs.append((fmt, jobs, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
start = time.process_time()
with open(f"{work}/members.json") as f:
    json.load(f)
python_cpu = time.process_time() - start
print(f"python3 json.load of the membership: {python_cpu:.2f} s CPU")
for fmt, jobs, wall, cpu, peak in runs:
    print(f"end to end, --format {fmt} --jobs {jobs}: {activities} activities in {wall:.2f} s wall = {activities / wall:,.0f} activities/s; "
          f"{cpu:.2f} s CPU = {activities / cpu:,.0f} activities per CPU second; "
          f"CPU {cpu / python_cpu:.2f} of json.load's; peak memory {peak:.0f} MB")
json1, json2 = runs[0][2], runs[1][2]
print(f"--jobs 2 against --jobs 1 (JSON), wall-clock throughput: {json1 / json2:.2f}x")
PY
# Membership impact (`certc diff OLD NEW LEDGER`): the CMC before the Athenian
# Dialogue rate change (2 points whatever the date) against the bundled one,
# every member audited under both, on one core.
sed -e 's/earns 2 points before 2013-11-23, 3 points from 2013-11-23/earns 2 points/' policies/iimc/cmc.cert \
  > policies/iimc/.bench-cmc-before-2013.cert
"$build/bin/certc" build policies/iimc/.bench-cmc-before-2013.cert -o "$work/cmc-before-2013.json"
rm policies/iimc/.bench-cmc-before-2013.cert
python3 - "$build/bin/certc" "$work" <<'PY'
import os, subprocess, sys, time
certc, work = sys.argv[1], sys.argv[2]
before = os.times()
start = time.monotonic()
with open(f"{work}/impact.txt", "wb") as out:
    subprocess.run(["taskset", "-c", "0", certc, "diff", f"{work}/cmc-before-2013.json", f"{work}/cmc.json",
                    f"{work}/members.json", "--as-of", "2026-11-23"], stdout=out, check=True)
wall = time.monotonic() - start
after = os.times()
cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
print(f"membership impact, 15,000 members under two editions, one core: {wall:.2f} s wall, {cpu:.2f} s CPU")
PY
grep '^impact' "$work/impact.txt"
CERTC_BENCH_POLICY="$work/cmc.json" CERTC_BENCH_MEMBERS="$work/members.json" \
CERTC_BENCH_PATHOLOGICAL="$work/pathological.json" "$build/bin/certc_bench" --benchmark_min_time=0.2 \
  --benchmark_out="$work/bench.json" --benchmark_out_format=json
# Issue 14's ratio: the typical audit's CPU median against the hand-written
# floor's, from the same run.
python3 - "$work/bench.json" <<'PY'
import json, sys
medians = {b["run_name"]: b["cpu_time"] for b in json.load(open(sys.argv[1]))["benchmarks"]
           if b.get("aggregate_name") == "median"}
typical, floor = medians["typicalAudit/repeats:20"], medians["handWrittenFloor/repeats:20"]
print(f"typical audit {typical / 1000:.2f} us CPU median = {typical / floor:.1f}x the hand-written floor ({floor / 1000:.2f} us)")
PY
