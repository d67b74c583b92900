#!/usr/bin/env bash
# Quick start, tests: installs what is missing, builds, and runs every test
# (GoogleTest unit tests, lit tests, policy tests, the allocator's differential
# test against glpsol) through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
