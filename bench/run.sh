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
# Wall time, and CPU time (user + system) so that a shared machine's figures
# can still be compared: activities per CPU second is the per-core rate.
# Python's json.load of the same file, in the same script, is the yardstick of
# issue 14 (end to end in at most 0.35 of its time); peak memory from getrusage.
python3 - "$activities" "$build/bin/certc" "$work" <<'PY'
import json, os, resource, subprocess, sys, time
activities, certc, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
runs = []
for jobs in ("1", "2"):
    before = os.times()
    start = time.monotonic()
    with open(f"{work}/out.jsonl", "wb") as out:
        subprocess.run([certc, "run", f"{work}/cmc.json", f"{work}/members.json", "--as-of", "2026-11-23",
                        "--format", "json", "--jobs", jobs], stdout=out, check=True)
    wall = time.monotonic() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    runs.append((jobs, wall, cpu))
# ru_maxrss of the children is the largest of them; read before json.load grows this
# process, whose size a child started later would inherit until it execs.
print(f"peak memory of a certc run: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
start = time.process_time()
with open(f"{work}/members.json") as f:
    json.load(f)
python_cpu = time.process_time() - start
print(f"python3 json.load of the membership: {python_cpu:.2f} s CPU")
for jobs, wall, cpu in runs:
    print(f"end to end, --jobs {jobs}: {activities} activities in {wall:.2f} s wall = {activities / wall:,.0f} activities/s; "
          f"{cpu:.2f} s CPU = {activities / cpu:,.0f} activities per CPU second; "
          f"{wall / python_cpu:.2f} of json.load's CPU time")
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
CERTC_BENCH_PATHOLOGICAL="$work/pathological.json" "$build/bin/certc_bench" --benchmark_min_time=0.2
