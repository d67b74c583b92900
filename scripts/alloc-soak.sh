#!/usr/bin/env bash
# Soak run of the allocator's differential test against glpsol: N random
# problems (default 100000) in chunks of 1000, chunk k using seed SEED+k, so a
# failing chunk can be rerun alone. Failures are collected in a log.
#
# Usage: scripts/alloc-soak.sh [N] [SEED]
# Environment: BUILD_DIR (default build-alloc, then build), CHUNK (1000),
#              JOBS (glpsol processes in parallel, default nproc), LOG,
#              DIFF_ARGS (more alloc_diff options, e.g. "--items 20-60", or
#              "--pin-percent 25" for pinned choices).
set -euo pipefail
cd "$(dirname "$0")/.."

total=${1:-100000}
seed=${2:-1000}
chunk=${CHUNK:-1000}
jobs=${JOBS:-$(nproc)}
log=${LOG:-alloc-soak-$(date +%Y%m%d-%H%M%S).log}

build=${BUILD_DIR:-}
if [ -z "$build" ]; then
  for candidate in build-alloc build; do
    if [ -x "$candidate/tests/unit/alloc/alloc_diff" ]; then build=$candidate; break; fi
  done
fi
diff_bin=${build:-build}/tests/unit/alloc/alloc_diff
if [ ! -x "$diff_bin" ]; then
  echo "alloc-soak: $diff_bin not found; build the alloc_diff target first" >&2
  exit 2
fi
glpsol=$(command -v glpsol || true)
if [ -z "$glpsol" ]; then
  echo "alloc-soak: glpsol not found (Debian package glpk-utils)" >&2
  exit 2
fi

chunks=$(( (total + chunk - 1) / chunk ))
passed=0 failed=0 bad_chunks=()
start=$(date +%s)
echo "alloc-soak: $total problems in $chunks chunks of $chunk, seeds $seed..$((seed + chunks - 1)), log $log"
for ((k = 0; k < chunks; k++)); do
  count=$chunk
  if (( (k + 1) * chunk > total )); then count=$(( total - k * chunk )); fi
  s=$((seed + k))
  # shellcheck disable=SC2086 # DIFF_ARGS is a list of options
  out=$("$diff_bin" --count "$count" --seed "$s" --jobs "$jobs" --glpsol "$glpsol" ${DIFF_ARGS:-} 2>&1) && rc=0 || rc=$?
  summary=$(grep '^alloc_vs_glpsol:' <<<"$out" || true)
  p=$(sed -n 's/^alloc_vs_glpsol: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' <<<"$summary")
  f=$(sed -n 's/^alloc_vs_glpsol: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' <<<"$summary")
  passed=$((passed + ${p:-0}))
  if [ "$rc" -ne 0 ] || [ -z "$summary" ]; then
    failed=$((failed + ${f:-$count}))
    bad_chunks+=("$s")
    { echo "=== chunk seed $s (exit $rc)"; echo "$out"; } >>"$log"
  fi
  echo "chunk $((k + 1))/$chunks seed $s: ${summary:-no summary (exit $rc)}"
done
elapsed=$(( $(date +%s) - start ))
echo "alloc-soak: $passed passed, $failed failed in ${elapsed}s"
if [ ${#bad_chunks[@]} -gt 0 ]; then
  echo "alloc-soak: failing chunk seeds: ${bad_chunks[*]} (details in $log)"
  exit 1
fi
