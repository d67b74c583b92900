#!/usr/bin/env bash
# Quick start, main job: installs what is missing, builds, and audits every sample
# ledger in examples/ against the four bundled policies: the status updates on
# stdout, and each policy's members as one HTML page in build/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
AS_OF="${AS_OF:-2026-11-23}"
mkdir -p build/reports
for policy in policies/iimc/cmc.cert policies/iimc/mmc.cert \
              policies/mississippi/cmcc.cert policies/mississippi/cdmcc.cert; do
  echo "=== $policy (as of $AS_OF)"
  build/bin/certc run "$policy" examples/ --as-of "$AS_OF"
  build/bin/certc run "$policy" examples/ --as-of "$AS_OF" --format html \
    -o "build/reports/$(basename "$policy" .cert).html"
done
# The maintenance programs have their own sample members: AICP's 2024-2025
# reporting period (its grace months are over by the audit date), and each
# Florida nurse's current biennium.
audit_program() {
  local policy="$1" ledgers="$2"; shift 2
  echo "=== $policy (as of $AS_OF $*)"
  build/bin/certc run "$policy" "$ledgers" --as-of "$AS_OF" "$@"
  build/bin/certc run "$policy" "$ledgers" --as-of "$AS_OF" "$@" --format html \
    -o "build/reports/$(basename "$(dirname "$policy")").html"
}
audit_program policies/aicp/cm.cert examples/aicp/ --period 2025-06-30
audit_program policies/florida-nursing/rn.cert examples/florida-nursing/
echo "The members' reports as pages: $(ls build/reports/*.html | tr '\n' ' ')"
