#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (clang-14), then a short run of every libFuzzer target on a corpus seeded from
# the repository (docs/reliability.md). Exits non-zero when a test fails or a
# fuzzer finds a crash, leak, timeout or out-of-memory input; each finding is
# kept as BUILD/fuzz-artifacts/NAME-crash-* (and printed in base64).
#
# Usage: scripts/sanitize-and-fuzz.sh [all|test|fuzz]     (default all)
#   test: build everything in build-san (-DCERTC_SANITIZE=ON -DCERTC_FUZZ=ON) and run ctest
#   fuzz: build certc and the fuzz targets only, and run the fuzz targets
# Environment:
#   FUZZ_SECONDS  each target's run (default 20)
#   FUZZ_TARGETS  the targets to run, e.g. "ir_fuzzer csv_ledger_fuzzer" (default: all)
#   CORPUS_DIR    keep each target's corpus in CORPUS_DIR/NAME, seeded when empty
#                 (default: a fresh temporary corpus, seeded, per run)
#   BUILD_DIR     the build folder (default build-san); JOBS (default nproc)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
case "$mode" in all | test | fuzz) ;; *) echo "usage: $0 [all|test|fuzz]" >&2; exit 2 ;; esac
build=${BUILD_DIR:-build-san}
jobs=${JOBS:-$(nproc)}
bash scripts/install-deps.sh
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# One build for both: the fuzzing instrumentation does not change behaviour.
# (tests/install leaves the install test out of fuzzing builds.)
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCERTC_SANITIZE=ON -DCERTC_FUZZ=ON
# The fuzz targets are the executables CMake puts in BUILD/fuzz/.
mapfile -t all_targets < <(ninja -C "$build" -t targets all | sed -n 's|^fuzz/\([A-Za-z0-9_]*\): .*|\1|p' | sort -u)
if [ ${#all_targets[@]} -eq 0 ]; then echo "sanitize-and-fuzz: no fuzz targets in $build" >&2; exit 1; fi
if [ "$mode" = fuzz ]; then
  cmake --build "$build" -j "$jobs" --target certc "${all_targets[@]}"
else
  cmake --build "$build" -j "$jobs"
  ctest --test-dir "$build" --output-on-failure -j "$jobs"
fi
if [ "$mode" = test ]; then exit 0; fi

seconds="${FUZZ_SECONDS:-20}"
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"
seed() { # seed CORPUS FILE...: copies the existing seed files into the corpus
  local corpus="$1"; shift
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$corpus/"; done
  return 0
}
shopt -s nullglob globstar
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
failed=()
for name in "${targets[@]}"; do
  fuzzer="$build/fuzz/$name"
  if [ ! -x "$fuzzer" ]; then echo "sanitize-and-fuzz: no fuzz target $name" >&2; failed+=("$name"); continue; fi
  if [ -n "${CORPUS_DIR:-}" ]; then corpus="$CORPUS_DIR/$name"; mkdir -p "$corpus"; else corpus=$(mktemp -d); fi
  if [ -z "$(ls -A "$corpus")" ]; then
    case "$name" in
      format_fuzzer) # every policy, library and lit test in the repository
        seed "$corpus" stdlib/*.cert policies/**/*.cert tests/lit/**/*.cert ;;
      check_fuzzer) # every policy, library and lit test in the repository but the
        # known E0023 trigger, which fails IR verification on purpose (see that test)
        seed "$corpus" stdlib/*.cert policies/**/*.cert tests/lit/**/*.cert
        rm -f "$corpus/internal-error-ir-verification.cert" ;;
      ir_fuzzer) # the compiled IR of the bundled policies and the lit tests' small and split policies
        for p in policies/**/*.cert tests/lit/driver/Inputs/small-policy.cert tests/lit/driver/Inputs/split-policy.cert; do
          grep -q '^policy ' "$p" || continue
          "$build/bin/certc" build "$p" -o "$corpus/$(basename "$p" .cert).ir.json" || true
        done
        seed "$corpus" "$build"/runtime/eval/*.ir.json ;;
      exceptions_fuzzer) # the lit tests' exceptions files, JSON and CSV
        seed "$corpus" tests/lit/driver/Inputs/staff/exceptions*.json tests/lit/driver/Inputs/staff/exceptions*.csv ;;
      csv_ledger_fuzzer) # one seed: the example batch joined with a form feed
        { cat examples/batch.members.csv; printf '\f'; cat examples/batch.activities.csv; } >"$corpus/batch" ;;
      *) # JSON ledgers: the examples, the policy tests' ledgers, the lit tests' ledgers
        seed "$corpus" examples/*.json policies/**/ledgers/*.json tests/lit/driver/Inputs/ledger-*.json ;;
    esac
  fi
  log="$artifacts/$name.log"
  echo "=== $name for ${seconds}s ($(ls "$corpus" | wc -l) inputs in the corpus)"
  # The exit status is the fuzzer's own: libFuzzer exits non-zero on a crash,
  # leak, timeout or out-of-memory input and writes it to $artifacts/$name-*.
  rc=0
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$name-" "$corpus" >"$log" 2>&1 || rc=$?
  if [ "$rc" -eq 0 ]; then
    tail -n 12 "$log"
  else
    tail -n 80 "$log"
    echo "sanitize-and-fuzz: $name FAILED (exit $rc); full log $log; reproduce with $fuzzer $artifacts/$name-<hash>" >&2
    # The inputs this run wrote (libFuzzer names each one in its log), printed
    # so that a CI log alone is enough to reproduce.
    sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | while read -r a; do
      [ -f "$a" ] || continue
      echo "--- $a ($(wc -c <"$a") bytes, base64)"; base64 "$a" | head -c 8192; echo
    done
    failed+=("$name")
  fi
  if [ -z "${CORPUS_DIR:-}" ]; then rm -rf "$corpus"; fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "sanitize-and-fuzz: failing fuzz targets: ${failed[*]}" >&2
  exit 1
fi
echo "sanitize-and-fuzz: every fuzz target ran ${seconds}s without a finding"
