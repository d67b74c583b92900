#!/usr/bin/env bash
# Quick start, main job: installs what is missing, builds, and audits every sample
# ledger in examples/ against the four bundled policies.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
AS_OF="${AS_OF:-2026-11-23}"
for policy in policies/iimc/cmc.cert policies/iimc/mmc.cert \
              policies/mississippi/cmcc.cert policies/mississippi/cdmcc.cert; do
  echo "=== $policy (as of $AS_OF)"
  build/bin/certc run "$policy" examples/ --as-of "$AS_OF"
done
