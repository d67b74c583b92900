#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang),
# then a short run of every libFuzzer target on a corpus seeded from the
# repository. FUZZ_SECONDS sets each target's run (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
CC=clang-14 CXX=clang++-14 cmake -S . -B build-san -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCERTC_SANITIZE=ON -DCERTC_FUZZ=ON
cmake --build build-san -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-san --output-on-failure -j "$(nproc)"

seconds="${FUZZ_SECONDS:-20}"
seed() { # seed CORPUS FILE...: copies existing seed files into a fresh corpus
  local corpus="$1"; shift
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$corpus/"; done
  return 0
}
shopt -s nullglob globstar
for fuzzer in build-san/fuzz/*; do
  name=$(basename "$fuzzer")
  corpus=$(mktemp -d)
  case "$name" in
    check_fuzzer) seed "$corpus" stdlib/*.cert policies/**/*.cert tests/lit/**/*.cert ;;
    ir_fuzzer) seed "$corpus" build-san/runtime/eval/*.ir.json tests/unit/ir/Inputs/*.json ;;
    csv_ledger_fuzzer) # one seed: the example batch joined with a form feed
      { cat examples/batch.members.csv; printf '\f'; cat examples/batch.activities.csv; } > "$corpus/batch" ;;
    *) seed "$corpus" examples/*.json policies/**/ledgers/*.json ;;
  esac
  echo "=== $name for ${seconds}s ($(ls "$corpus" | wc -l) seeds)"
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$corpus" 2>&1 | tail -n 12
  rm -rf "$corpus"
done
